// File: bench/gen/jsonl_writer.cc
#include "bench/gen/jsonl_writer.h"

#include <cassert>
#include <cerrno>
#include <cstring>

namespace reprint::bench {

void AppendJsonString(std::string_view s, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\r':
        *out += "\\r";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          *out += "\\u00";
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(ch);
        }
    }
  }
  out->push_back('"');
}

JsonlWriter::~JsonlWriter() {
  if (file_ != nullptr) std::fclose(file_);
}

bool JsonlWriter::Open(const std::string& path, std::string* error) {
  assert(file_ == nullptr);
  path_ = path;
  file_ = std::fopen(path.c_str(), "wb");
  if (file_ == nullptr) {
    *error = "cannot create " + path + ": " + std::strerror(errno);
    return false;
  }
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
  return true;
}

void JsonlWriter::Write(
    std::initializer_list<std::pair<std::string_view, std::string_view>> fields) {
  assert(file_ != nullptr);
  line_.clear();
  line_.push_back('{');
  bool first = true;
  for (const auto& [key, value] : fields) {
    if (!first) line_.push_back(',');
    first = false;
    AppendJsonString(key, &line_);
    line_.push_back(':');
    AppendJsonString(value, &line_);
  }
  line_ += "}\n";
  if (std::fwrite(line_.data(), 1, line_.size(), file_) != line_.size()) failed_ = true;
  bytes_ += line_.size();
  ++records_;
}

bool JsonlWriter::Close(std::string* error) {
  if (file_ == nullptr) return !failed_;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (failed_ || !closed) {
    *error = "cannot write " + path_ + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace reprint::bench

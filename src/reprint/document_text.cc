#include "reprint/document_text.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

#include "reprint/internal/pread.h"
#include "simdjson.h"
#include "xxhash.h"

namespace reprint {

TextFile::TextFile(std::string path, Kind kind, std::string text_field)
    : path(std::move(path)), kind(kind), text_field(std::move(text_field)) {}

TextFile::~TextFile() {
  if (fd_ >= 0) close(fd_);
}

void TextFile::Fail(const std::string& message) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (status_.ok()) status_ = absl::DataLossError(message);
}

absl::Status TextFile::status() const {
  std::lock_guard<std::mutex> lock(mu_);
  return status_;
}

bool TextFile::ReadAt(uint64_t offset, uint64_t length, std::string* out) const {
  // A JSONL file holds many documents: it stays open. A whole file is one
  // document, read about once per stage; folders can hold more files than a
  // process may keep open.
  int fd = -1;
  int err = 0;
  if (kind == Kind::kJsonl) {
    std::lock_guard<std::mutex> lock(mu_);
    if (fd_ < 0) fd_ = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    fd = fd_;
    if (fd < 0) err = errno;
  } else {
    fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) err = errno;
  }
  out->resize(length);
  if (err == 0) err = internal::PreadFully(fd, out->data(), length, offset);
  if (kind == Kind::kWhole && fd >= 0) close(fd);
  if (err != 0) {
    Fail(path + ": cannot read it again: " +
         (err == ENODATA ? std::string("it is shorter than when first read") : std::strerror(err)));
    return false;
  }
  return true;
}

TextOrigin MakeOrigin(std::shared_ptr<const TextFile> file, uint64_t offset, uint64_t length,
                      std::string_view text) {
  TextOrigin o;
  o.file = std::move(file);
  o.offset = offset;
  o.length = length;
  o.size = text.size();
  o.hash = XXH3_64bits(text.data(), text.size());
  return o;
}

uint64_t ReleaseText(std::vector<Document>* documents) {
  uint64_t released = 0;
  for (Document& d : *documents) {
    if (d.origin.file == nullptr || d.text.empty() || d.text.size() != d.origin.size) continue;
    released += d.text.size();
    std::string().swap(d.text);
  }
  return released;
}

absl::Status TextStatus(const std::vector<Document>& documents) {
  std::set<const TextFile*> seen;
  for (const Document& d : documents) {
    const TextFile* f = d.origin.file.get();
    if (f == nullptr || !seen.insert(f).second) continue;
    if (absl::Status s = f->status(); !s.ok()) return s;
  }
  return absl::OkStatus();
}

namespace {

// Reads d's text again into *out and checks it; false with the failure
// recorded in d's file.
bool ReadAgain(const Document& d, std::string* out) {
  const TextOrigin& o = d.origin;
  const TextFile& file = *o.file;
  // "path:line" for messages, made only when a read fails.
  auto where = [&] { return d.line > 0 ? file.path + ":" + std::to_string(d.line) : file.path; };
  if (file.kind == TextFile::Kind::kWhole) {
    if (!file.ReadAt(o.offset, o.length, out)) return false;
  } else {
    thread_local simdjson::dom::parser parser;
    thread_local std::string line;
    line.reserve(o.length + simdjson::SIMDJSON_PADDING);
    if (!file.ReadAt(o.offset, o.length, &line)) return false;
    simdjson::dom::object obj;
    std::string_view value;
    bool found = false;
    if (parser.parse(line.data(), line.size(), false).get(obj) == simdjson::SUCCESS) {
      // The last field of that name, as when it was first read.
      for (const simdjson::dom::key_value_pair field : obj) {
        if (field.key == file.text_field) found = field.value.get(value) == simdjson::SUCCESS;
      }
    }
    if (!found) {
      file.Fail(where() + ": the record changed after it was read (no longer a JSON object with "
                        "a string field \"" + file.text_field + "\")");
      return false;
    }
    out->assign(value);
  }
  if (out->size() != o.size || XXH3_64bits(out->data(), out->size()) != o.hash) {
    file.Fail(where() + ": the text changed after it was read (its size or XXH3 differs); "
                      "scan a copy that does not change");
    return false;
  }
  return true;
}

}  // namespace

std::string_view TextOf(const Document& d) {
  if (!d.released()) return d.text;
  // The last four texts read on this thread, by origin (the document's
  // address can be reused by another corpus; its file, offset, size and
  // hash name the bytes).
  struct Slot {
    const TextFile* file = nullptr;
    uint64_t offset = 0, size = 0, hash = 0;
    uint64_t used = 0;
    std::string text;
  };
  thread_local Slot slots[4];
  thread_local uint64_t clock = 0;
  const TextOrigin& o = d.origin;
  Slot* victim = &slots[0];
  for (Slot& s : slots) {
    if (s.file == o.file.get() && s.offset == o.offset && s.size == o.size && s.hash == o.hash) {
      s.used = ++clock;
      return s.text;
    }
    if (s.used < victim->used) victim = &s;
  }
  victim->file = o.file.get();
  victim->offset = o.offset;
  victim->size = o.size;
  victim->hash = o.hash;
  victim->used = ++clock;
  if (!ReadAgain(d, &victim->text)) {
    victim->text.assign(o.size, ' ');
    victim->file = nullptr;  // not cached: the next read tries again
  }
  return victim->text;
}

std::string_view SpanText(const Document& d, Span span) {
  return TextOf(d).substr(span.begin, span.size());
}

}  // namespace reprint

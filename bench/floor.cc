// File: bench/floor.cc
#include "bench/floor.h"

#include <cassert>
#include <chrono>
#include <fstream>

#include "absl/status/status.h"
#include "bench/words.h"
#include "nlohmann/json.hpp"

namespace reprint::bench {

absl::StatusOr<JsonlTexts> LoadJsonlTexts(const std::string& path, const std::string& field) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(path + ": cannot open");
  JsonlTexts texts;
  std::string line;
  uint64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    texts.file_bytes += line.size() + 1;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    const std::string where = path + ":" + std::to_string(line_no) + ": ";
    if (!j.is_object()) return absl::InvalidArgumentError(where + "not a JSON object");
    const auto it = j.find(field);
    if (it == j.end() || !it->is_string()) {
      return absl::InvalidArgumentError(where + "no string field \"" + field + "\"");
    }
    texts.data += it->get_ref<const std::string&>();
    texts.ends.push_back(texts.data.size());
  }
  if (in.bad()) return absl::DataLossError(path + ": read error");
  return texts;
}

FloorResult HashFloor(const JsonlTexts& texts, const FloorOptions& options) {
  assert(options.shingle >= 1 && options.repeat >= 1);
  const size_t k = static_cast<size_t>(options.shingle);
  FloorResult best;
  std::string joined;
  std::vector<uint32_t> starts;
  for (int pass = 0; pass < options.repeat; ++pass) {
    FloorResult r;
    const auto t0 = std::chrono::steady_clock::now();
    for (size_t i = 0; i < texts.size(); ++i) {
      const std::string_view text = texts.text(i);
      LowerWords(text, &joined, &starts);
      r.text_bytes += text.size();
      r.words += starts.size();
      if (starts.empty()) continue;
      if (starts.size() < k) {
        r.checksum += ShingleHash(joined, starts, 0, starts.size(), options.seed);
        ++r.shingles;
        continue;
      }
      for (size_t w = 0; w + k <= starts.size(); ++w) {
        r.checksum += ShingleHash(joined, starts, w, k, options.seed);
      }
      r.shingles += starts.size() - k + 1;
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.records = texts.size();
    if (pass == 0 || r.seconds < best.seconds) best = r;
  }
  return best;
}

}  // namespace reprint::bench

// File: bench/floor.h
// The hash-only floor: the least work any shingle-based scan must do. Over the
// text of every JSONL record it tokenizes words (bench/words.h: ASCII letters
// and digits lower-cased, bytes >= 0x80 kept) and XXH3-hashes every 5-word
// shingle, nothing else: no Unicode normalization, no sets, no signatures. The
// end-to-end driver reports the pipeline's time as a multiple of this.
//
//   absl::StatusOr<JsonlTexts> texts = LoadJsonlTexts("c.jsonl");
//   FloorResult r = HashFloor(*texts, FloorOptions{});
//   printf("%.1f MB/s\n", r.mb_per_s());
//
// Loading (JSON parsing) is not timed; HashFloor times only the hashing, on
// one thread. Pure functions apart from reading the file; thread-safe.
#ifndef REPRINT_BENCH_FLOOR_H_
#define REPRINT_BENCH_FLOOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace reprint::bench {

// The decoded text fields of a JSONL file, stored back to back.
struct JsonlTexts {
  std::string data;
  std::vector<size_t> ends;  // text i is data[ends[i-1], ends[i])
  uint64_t file_bytes = 0;   // size of the JSONL file

  size_t size() const { return ends.size(); }
  std::string_view text(size_t i) const {
    const size_t b = i == 0 ? 0 : ends[i - 1];
    return std::string_view(data).substr(b, ends[i] - b);
  }
};

// Reads `field` of every non-blank line. Errors name the file and line (a
// line that is not a JSON object, or lacks a string `field`).
absl::StatusOr<JsonlTexts> LoadJsonlTexts(const std::string& path,
                                          const std::string& field = "text");

struct FloorOptions {
  // Words per shingle (reprint's default is 5).
  int shingle = 5;
  uint64_t seed = 0;
  // Hash everything this many times and keep the fastest pass: less noise
  // from a shared machine, at the cost of repeat x the time.
  int repeat = 3;
};

struct FloorResult {
  uint64_t records = 0;
  uint64_t text_bytes = 0;
  uint64_t words = 0;
  uint64_t shingles = 0;
  uint64_t checksum = 0;  // sum of all hashes: keeps the work observable
  double seconds = 0;     // fastest pass

  // Text megabytes (10^6 bytes) per second.
  double mb_per_s() const { return seconds > 0 ? text_bytes / 1e6 / seconds : 0; }
};

// REQUIRES: options.shingle >= 1, options.repeat >= 1
FloorResult HashFloor(const JsonlTexts& texts, const FloorOptions& options);

}  // namespace reprint::bench

#endif  // REPRINT_BENCH_FLOOR_H_

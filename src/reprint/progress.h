// File: reprint/progress.h
// Progress events that long-running stages send to an optional callback, so a
// front end can show stage, counts, throughput and time left. The library
// never prints.
//
//   ProgressFn fn = [](const ProgressEvent& e) { ... };
//   Scan(docs, options, fn);
//
// Callbacks may come from worker threads, but never two at once (the caller
// serializes them); they should return quickly.
#ifndef REPRINT_PROGRESS_H_
#define REPRINT_PROGRESS_H_

#include <cstdint>
#include <functional>
#include <string_view>

namespace reprint {

struct ProgressEvent {
  std::string_view stage;  // "read", "shingle+sign", "candidates", "verify", ...
  uint64_t done = 0;       // units of work done in this stage (documents, units, pairs)
  uint64_t total = 0;      // 0 when unknown
  uint64_t bytes_done = 0; // input bytes covered so far (0 when not meaningful)
  bool finished = false;   // the last event of the stage
};

using ProgressFn = std::function<void(const ProgressEvent&)>;

}  // namespace reprint

#endif  // REPRINT_PROGRESS_H_

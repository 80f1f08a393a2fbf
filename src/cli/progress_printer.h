// File: cli/progress_printer.h
// Shows library progress events on stderr as one self-rewriting line:
//   [shingle+sign] 41,000/90,000 units  38.2 MB/s  12 s left
// Only when stderr is a terminal and --quiet is off; otherwise silent.
// Not thread-safe by itself: the library serializes events.
#ifndef REPRINT_CLI_PROGRESS_PRINTER_H_
#define REPRINT_CLI_PROGRESS_PRINTER_H_

#include <chrono>
#include <cstdint>
#include <string>

#include "reprint/progress.h"

namespace reprint::cli {

class ProgressPrinter {
 public:
  // `enabled` false makes every call a no-op.
  ProgressPrinter(bool enabled, uint64_t total_bytes_hint);
  ~ProgressPrinter();

  // Whether stderr is a terminal (the default for `enabled`).
  static bool StderrIsTerminal();

  void OnEvent(const ProgressEvent& e);
  void SetTotalBytes(uint64_t bytes) { total_bytes_ = bytes; }
  // Erases the progress line (before other output goes to stderr).
  void Clear();
  ProgressFn Callback();

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  uint64_t total_bytes_;
  bool line_shown_ = false;
  std::string stage_;
  Clock::time_point stage_start_;
};

}  // namespace reprint::cli

#endif  // REPRINT_CLI_PROGRESS_PRINTER_H_

#include "cli/progress_printer.h"

#include <unistd.h>

#include <cstdio>

namespace reprint::cli {

ProgressPrinter::ProgressPrinter(bool enabled, uint64_t total_bytes_hint)
    : enabled_(enabled), total_bytes_(total_bytes_hint), stage_start_(Clock::now()) {}

ProgressPrinter::~ProgressPrinter() { Clear(); }

bool ProgressPrinter::StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

void ProgressPrinter::Clear() {
  if (!enabled_ || !line_shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  line_shown_ = false;
}

ProgressFn ProgressPrinter::Callback() {
  if (!enabled_) return {};
  return [this](const ProgressEvent& e) { OnEvent(e); };
}

void ProgressPrinter::OnEvent(const ProgressEvent& e) {
  if (!enabled_) return;
  const auto now = Clock::now();
  if (stage_ != e.stage) {
    stage_ = std::string(e.stage);
    stage_start_ = now;
  }
  const double seconds = std::chrono::duration<double>(now - stage_start_).count();
  char line[200];
  int n = std::snprintf(line, sizeof line, "\r\033[K[%s] %llu", stage_.c_str(),
                        static_cast<unsigned long long>(e.done));
  if (e.total > 0) {
    n += std::snprintf(line + n, sizeof line - n, "/%llu", static_cast<unsigned long long>(e.total));
  }
  if (e.bytes_done > 0 && seconds > 0.05) {
    const double mbps = e.bytes_done / 1e6 / seconds;
    n += std::snprintf(line + n, sizeof line - n, "  %.1f MB", e.bytes_done / 1e6);
    n += std::snprintf(line + n, sizeof line - n, "  %.1f MB/s", mbps);
    if (total_bytes_ > e.bytes_done && mbps > 0) {
      n += std::snprintf(line + n, sizeof line - n, "  %.0f s left",
                         (total_bytes_ - e.bytes_done) / 1e6 / mbps);
    }
  } else if (e.total > e.done && e.done > 0 && seconds > 0.05) {
    n += std::snprintf(line + n, sizeof line - n, "  %.0f s left",
                       seconds * static_cast<double>(e.total - e.done) / e.done);
  }
  std::fputs(line, stderr);
  std::fflush(stderr);
  line_shown_ = true;
}

}  // namespace reprint::cli

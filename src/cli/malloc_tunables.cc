// File: cli/malloc_tunables.cc
#include "cli/malloc_tunables.h"

#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#if defined(__linux__)
#include <unistd.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace reprint::cli {
namespace {

// Whether `tunables` (GLIBC_TUNABLES as the user set it, or null) names
// tunable `name`: the user's setting then stands.
[[maybe_unused]] bool Names(const char* tunables, std::string_view name) {
  return tunables != nullptr && std::string_view(tunables).find(name) != std::string_view::npos;
}

#if defined(__linux__) && defined(__GLIBC__)
bool HugePagesWanted() {
  const char* opt_out = std::getenv("REPRINT_HUGE_PAGES");
  if (opt_out != nullptr && std::string(opt_out) == "0") return false;
  std::ifstream thp("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string mode;
  return std::getline(thp, mode) && mode.find("[never]") == std::string::npos;
}
#endif

}  // namespace

void ReexecWithMallocTunables(char** argv) {
#if defined(__linux__) && defined(__GLIBC__)
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  const std::string current = tunables != nullptr ? tunables : "";
  std::string value = current;
  auto add = [&value, tunables](const std::string& name, const std::string& setting) {
    if (Names(tunables, name)) return;
    value += (value.empty() ? "" : ":") + name + "=" + setting;
  };
  if (HugePagesWanted()) add("glibc.malloc.hugetlb", "1");
  add("glibc.malloc.trim_threshold", "131072");
  if (value == current || setenv("GLIBC_TUNABLES", value.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
  // Still here: the re-execution failed. Run without, and leave the
  // environment as it was for anything this process starts.
  if (tunables != nullptr) {
    setenv("GLIBC_TUNABLES", current.c_str(), 1);
  } else {
    unsetenv("GLIBC_TUNABLES");
  }
#else
  (void)argv;
#endif
}

void ReuseBlocksUpTo(size_t bytes) {
#if defined(__GLIBC__)
  if (Names(std::getenv("GLIBC_TUNABLES"), "glibc.malloc.mmap_threshold")) return;
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(bytes));
#else
  (void)bytes;
#endif
}

}  // namespace reprint::cli

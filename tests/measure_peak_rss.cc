// reprint_measure_peak_rss: runs a program and reports its peak memory.
//
//   reprint_measure_peak_rss PROGRAM [ARGS...]
//
// Runs PROGRAM (standard input, output and error inherited), then writes the
// child's peak resident set in KiB, "<kib>\n", to file descriptor 3 (if open)
// and exits with the child's exit status, or dies of the child's signal.
// tests/cli_test.cc runs reprint through it to assert a ceiling on reprint's
// own peak memory.
//
// Why a launcher instead of wait4 in the test: Linux carries a process's
// resident set into its child's ru_maxrss across fork and exec (exec records
// the old address space's high-water mark, which after fork is the parent's
// resident set). A test process may hold hundreds of MiB after earlier tests,
// so wait4 there would measure the test process. This launcher is ~1 MiB when
// it forks, so its child's ru_maxrss is the program's own peak.
// Not for production use.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s PROGRAM [ARGS...]\n", argv[0]);
    return 2;
  }
  const bool report = fcntl(3, F_GETFD) != -1;
  if (report) fcntl(3, F_SETFD, FD_CLOEXEC);  // not inherited by the program
  const pid_t pid = fork();
  if (pid < 0) {
    std::fprintf(stderr, "%s: fork: %s\n", argv[0], std::strerror(errno));
    return 126;
  }
  if (pid == 0) {
    execv(argv[1], argv + 1);
    std::fprintf(stderr, "%s: cannot run %s: %s\n", argv[0], argv[1], std::strerror(errno));
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) return 126;
  }
  if (report) {
    char line[32];
    const int n = std::snprintf(line, sizeof(line), "%ld\n", usage.ru_maxrss);
    if (n > 0 && write(3, line, static_cast<size_t>(n)) < 0) return 126;
  }
  if (WIFSIGNALED(status)) {
    std::signal(WTERMSIG(status), SIG_DFL);
    std::raise(WTERMSIG(status));
    return 128 + WTERMSIG(status);
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 126;
}

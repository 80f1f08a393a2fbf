#include "tests/support/unprivileged.h"

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace reprint::testing {
namespace {

std::string Errno(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

void WriteAll(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = write(fd, s.data() + done, s.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

std::string ReadAll(int fd) {
  std::string out;
  char buf[4096];
  while (true) {
    const ssize_t n = read(fd, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

}  // namespace

bool DropPrivileges(std::string* error) {
  if (setgroups(0, nullptr) != 0) {
    *error = Errno("setgroups(0)");
    return false;
  }
  if (setgid(kUnprivilegedId) != 0) {
    *error = Errno("setgid(65534)");
    return false;
  }
  if (setuid(kUnprivilegedId) != 0) {
    *error = Errno("setuid(65534)");
    return false;
  }
  if (geteuid() != kUnprivilegedId || getegid() != kUnprivilegedId || setuid(0) == 0) {
    *error = "privileges were not dropped (uid " + std::to_string(geteuid()) + ")";
    return false;
  }
  return true;
}

CheckOutcome RunUnprivileged(const std::function<std::string()>& check) {
  CheckOutcome out;
  if (geteuid() != 0) {
    out.message = check();
    return out;
  }
  int fds[2];
  if (pipe(fds) != 0) {
    out.skipped = true;
    out.message = "running as root and " + Errno("pipe") + "; cannot drop privileges";
    return out;
  }
  const pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    out.skipped = true;
    out.message = "running as root and " + Errno("fork") + "; cannot drop privileges";
    return out;
  }
  if (pid == 0) {
    // The child: no gtest, no destructors (the TempDir belongs to the parent).
    close(fds[0]);
    std::string error;
    if (!DropPrivileges(&error)) {
      WriteAll(fds[1], error);
      _exit(kCannotDropExit);
    }
    const std::string failures = check();
    WriteAll(fds[1], failures);
    _exit(failures.empty() ? 0 : 1);
  }
  close(fds[1]);
  const std::string text = ReadAll(fds[0]);
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == kCannotDropExit) {
    out.skipped = true;
    out.message = "running as root and cannot drop privileges to uid 65534: " + text;
  } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    out.message = text;  // empty: passed
  } else if (WIFSIGNALED(status)) {
    out.message = "the unprivileged check was killed by signal " +
                  std::to_string(WTERMSIG(status)) + "\n" + text;
  } else {
    out.message = text.empty() ? "the unprivileged check failed without a message" : text;
  }
  return out;
}

}  // namespace reprint::testing

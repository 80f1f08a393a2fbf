// File: tests/support/unprivileged.h
// Runs the part of a test that needs an ordinary user: permission tests
// (chmod 000) mean nothing to root, and CI runs the suite as root.
//
//   const testing::CheckOutcome out = testing::RunUnprivileged([&] {
//     IngestResult r = Ingest({locked}, IngestOptions());
//     return r.any_rejected() ? std::string() : std::string("not rejected\n");
//   });
//   if (out.skipped) GTEST_SKIP() << out.message;
//   EXPECT_EQ(out.message, "");
//
// As root, the check runs in a forked child that first drops to uid and gid
// kUnprivilegedId (Debian's "nobody"/"nogroup"); every path the check touches
// must be reachable by that user (chmod the test's TempDir 0755). The child
// reports through its exit status and a pipe, never through gtest (whose
// failures would stay in the child), so a check returns its failures as text.
// As any other user the check runs in this process.
// Not thread-safe (forks). Not for production use.
#ifndef REPRINT_TESTS_SUPPORT_UNPRIVILEGED_H_
#define REPRINT_TESTS_SUPPORT_UNPRIVILEGED_H_

#include <sys/types.h>

#include <functional>
#include <string>

namespace reprint::testing {

inline constexpr uid_t kUnprivilegedId = 65534;

// Exit status of a child that could not drop its privileges.
inline constexpr int kCannotDropExit = 77;

// Clears the supplementary groups, sets the gid and then the uid to
// kUnprivilegedId, and checks that root cannot be regained. Irreversible: call
// it only in a child process. Returns false with *error when any step fails.
bool DropPrivileges(std::string* error);

struct CheckOutcome {
  // Root could not drop its privileges (e.g. no CAP_SETUID in a container);
  // `message` says why. The test should skip.
  bool skipped = false;
  // What the check reported: empty when it passed.
  std::string message;
};

// Runs `check` as an unprivileged user (see above); `check` returns the
// failures it found, empty when it passed.
CheckOutcome RunUnprivileged(const std::function<std::string()>& check);

}  // namespace reprint::testing

#endif  // REPRINT_TESTS_SUPPORT_UNPRIVILEGED_H_

#include "reprint/internal/threads.h"

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace reprint {
namespace {

// Whether all n workers of one RunOnThreads call ran at once: each arrives,
// then waits (10 s at most, so a failure fails rather than hangs) for all.
bool AllRanAtOnce(int n) {
  std::mutex mu;
  std::condition_variable cv;
  int arrived = 0;
  std::vector<char> met(static_cast<size_t>(n), 0);
  internal::RunOnThreads(n, [&](int t) {
    std::unique_lock<std::mutex> lock(mu);
    ++arrived;
    cv.notify_all();
    met[static_cast<size_t>(t)] =
        cv.wait_for(lock, std::chrono::seconds(10), [&] { return arrived == n; });
  });
  for (char m : met) {
    if (!m) return false;
  }
  return true;
}

TEST(ThreadsTest, WorkersOfOneCallRunAtOnce) {
  for (int round = 0; round < 20; ++round) {
    for (int n : {2, 3, 8}) EXPECT_TRUE(AllRanAtOnce(n)) << "n " << n << " round " << round;
  }
}

TEST(ThreadsTest, AWorkerMayRunWorkersOfItsOwn) {
  std::vector<char> inner(3, 0);
  internal::RunOnThreads(3, [&](int t) { inner[static_cast<size_t>(t)] = AllRanAtOnce(4); });
  EXPECT_EQ(inner, std::vector<char>(3, 1));
}

// The exit status of fn() run in a forked child (which starts with no
// kept threads of its own), or -1.
template <typename Fn>
int InChild(Fn fn) {
  const pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) _exit(fn());
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

// Calls one after another use the threads the first started: the point of
// keeping them (thread-local caches survive from call to call). Counted in a
// child, whose pool is new: the first call starts two threads, and no call
// after it starts more (a worker that does not wait for the others may
// leave its thread to the next worker, so one of the two may do all).
TEST(ThreadsTest, CallsOneAfterAnotherReuseThreads) {
  const int threads_seen = InChild([] {
    std::mutex mu;
    std::set<std::thread::id> seen;
    for (int round = 0; round < 50; ++round) {
      internal::RunOnThreads(3, [&](int t) {
        if (t == 0) return;  // the caller's thread
        std::lock_guard<std::mutex> lock(mu);
        seen.insert(std::this_thread::get_id());
      });
    }
    return static_cast<int>(seen.size());
  });
  EXPECT_GE(threads_seen, 1);
  EXPECT_LE(threads_seen, 2);
}

TEST(ThreadsTest, ExceptionOfTheCallersWorkerComesOutAfterTheOthersEnd) {
  std::atomic<int> finished{0};
  EXPECT_THROW(internal::RunOnThreads(3,
                                      [&](int t) {
                                        if (t == 0) throw std::runtime_error("worker 0");
                                        std::this_thread::sleep_for(std::chrono::milliseconds(50));
                                        ++finished;
                                      }),
               std::runtime_error);
  EXPECT_EQ(finished.load(), 2);
}

// A forked child does not have the parent's kept threads: it starts its own.
TEST(ThreadsTest, ForkedChildRunsWorkers) {
  ASSERT_TRUE(AllRanAtOnce(2));  // the parent's pool exists
  EXPECT_EQ(InChild([] { return AllRanAtOnce(3) ? 0 : 1; }), 0);
}

}  // namespace
}  // namespace reprint

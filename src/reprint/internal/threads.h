// File: reprint/internal/threads.h
// Runs one function per worker index on that many threads and waits for all;
// the stages split their own work by index so results never depend on
// timing. Internal: not part of the public API. Thread-safe.
#ifndef REPRINT_INTERNAL_THREADS_H_
#define REPRINT_INTERNAL_THREADS_H_

#include <thread>
#include <vector>

namespace reprint::internal {

// Calls fn(t) for t in [0, threads), each on its own thread, and joins them;
// with threads <= 1, calls fn(0) on the caller's thread.
template <typename Fn>
void RunOnThreads(int threads, Fn fn) {
  if (threads <= 1) {
    fn(0);
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(static_cast<size_t>(threads));
  for (int t = 0; t < threads; ++t) pool.emplace_back(fn, t);
  for (std::thread& th : pool) th.join();
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_THREADS_H_

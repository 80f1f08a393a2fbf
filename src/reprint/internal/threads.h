// File: reprint/internal/threads.h
// Runs one function per worker index on that many threads and waits for all,
// or splits [0, n) into contiguous chunks, one per thread (stages concatenate
// per-chunk results in chunk order), or hands out blocks of indices from a
// shared counter (callers write results by index). Results never depend on
// timing.
// Internal: not part of the public API. Thread-safe.
#ifndef REPRINT_INTERNAL_THREADS_H_
#define REPRINT_INTERNAL_THREADS_H_

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <latch>
#include <mutex>
#include <thread>
#include <vector>

namespace reprint::internal {

// Threads kept from call to call of RunOnThreads, so that a stage that runs
// a few thousand short rounds of work (the report aligns pairs a batch at
// a time) does not start and end two threads per round, each beginning
// with empty thread-local state (TextOf's cache of texts read again, a JSON
// parser's buffers, a malloc arena): at 1 GB that left a fifth of the
// report's two cores idle. Threads are started when fewer kept ones wait
// than workers wait for one, so every worker of a call has a thread as soon
// as it is handed out: workers that wait for each other run at once (one
// that does not wait may leave its thread to the next worker), and a
// worker may itself call RunOnThreads. The pool lives until the process
// ends; a child made by fork() starts a new one (the parent's threads are
// not in it).
class ThreadPool {
 public:
  // This process's pool.
  static ThreadPool& Get() {
    static std::atomic<ThreadPool*> pool{nullptr};
    static std::atomic<pid_t> owner{0};
    static std::mutex mu;  // held only while a pool is made
    const pid_t pid = getpid();
    ThreadPool* p = pool.load(std::memory_order_acquire);
    if (p != nullptr && owner.load(std::memory_order_acquire) == pid) return *p;
    // First use, or first use in a forked child: a new pool (the old one,
    // whose threads are not in this process, is left as it is).
    std::lock_guard<std::mutex> lock(mu);
    p = pool.load(std::memory_order_acquire);
    if (p == nullptr || owner.load(std::memory_order_acquire) != pid) {
      p = new ThreadPool();  // never deleted: threads may wait in it at exit
      owner.store(pid, std::memory_order_release);
      pool.store(p, std::memory_order_release);
    }
    return *p;
  }

  // Calls fn(t) for t in [1, n) on kept threads and fn(0) on the caller's;
  // returns when all have returned (and their threads wait for more, so
  // calls one after another use the same threads).
  template <typename Fn>
  void Run(int n, Fn& fn) {
    std::latch done(n - 1);
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (int t = 1; t < n; ++t) queue_.push_back({Call<Fn>, &fn, t, &done});
      // Each job needs a thread that is waiting for one.
      while (static_cast<size_t>(idle_) < queue_.size()) {
        ++idle_;
        std::thread(&ThreadPool::Serve, this).detach();
      }
    }
    cv_.notify_all();
    try {
      fn(0);
    } catch (...) {
      done.wait();  // the others still use fn
      throw;
    }
    done.wait();
  }

 private:
  struct Job {
    void (*call)(void*, int);
    void* fn;
    int t;
    std::latch* done;
  };
  template <typename F>
  static void Call(void* fn, int t) {
    (*static_cast<F*>(fn))(t);
  }

  void Serve() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [this] { return !queue_.empty(); });
      const Job job = queue_.front();
      queue_.pop_front();
      --idle_;
      lock.unlock();
      job.call(job.fn, job.t);
      lock.lock();
      ++idle_;
      job.done->count_down();  // after ++idle_: the caller's next call finds this thread
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> queue_;
  int idle_ = 0;  // threads not running a job (counted from their start)
};

// Calls fn(t) for t in [0, threads) on as many threads (the caller's and
// kept ones: ThreadPool), so workers that wait for each other run at once,
// and returns when all have returned;
// with threads <= 1, calls fn(0) on the caller's thread.
template <typename Fn>
void RunOnThreads(int threads, Fn fn) {
  if (threads <= 1) {
    fn(0);
    return;
  }
  ThreadPool::Get().Run(threads, fn);
}

// How many chunks RunOnChunks splits n items into: `threads`, but at least 1
// and at most n (so no chunk is empty unless n is 0).
inline size_t ChunkCount(size_t n, int threads) {
  return std::min<size_t>(static_cast<size_t>(std::max(1, threads)), std::max<size_t>(n, 1));
}

// Splits [0, n) into ChunkCount(n, threads) contiguous chunks and calls
// fn(chunk, begin, end) for each, each on its own thread (RunOnThreads).
template <typename Fn>
void RunOnChunks(size_t n, int threads, Fn fn) {
  const size_t chunks = ChunkCount(n, threads);
  RunOnThreads(static_cast<int>(chunks), [&](int k) {
    const size_t c = static_cast<size_t>(k);
    fn(c, n * c / chunks, n * (c + 1) / chunks);
  });
}

// Calls fn(t, i) for every i in [begin, end) on ChunkCount(end - begin,
// threads) workers, worker t taking `block` consecutive indices at a time
// from a shared counter, so a slow index holds up only its own worker. Which
// worker gets an index depends on timing: fn writes its result by index, and
// t only selects per-worker scratch state.
template <typename Fn>
void RunOnBlocks(size_t begin, size_t end, int threads, size_t block, Fn fn) {
  std::atomic<size_t> next{begin};
  RunOnThreads(static_cast<int>(ChunkCount(end - begin, threads)), [&](int t) {
    for (size_t b = next.fetch_add(block); b < end; b = next.fetch_add(block)) {
      for (size_t i = b; i < std::min(end, b + block); ++i) fn(t, i);
    }
  });
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_THREADS_H_

// File: reprint/internal/threads.h
// Runs one function per worker index on that many threads and waits for all,
// or splits [0, n) into contiguous chunks, one per thread (stages concatenate
// per-chunk results in chunk order), or hands out blocks of indices from a
// shared counter (callers write results by index). Results never depend on
// timing.
// Internal: not part of the public API. Thread-safe.
#ifndef REPRINT_INTERNAL_THREADS_H_
#define REPRINT_INTERNAL_THREADS_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
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

// File: reprint/internal/first_equal.h
// Finds items with equal content from a hash of each: first[i] is the
// smallest j with equal(i, j), i itself if there is none. Copies of one
// paragraph give equal texts, equal shingle sets and equal band keys, and
// the stages that meet them (unit features, LSH, verification) do the work
// once per content. Hashes are radix-sorted (stably, so equal hashes stay in
// index order) and equal hashes confirmed with `equal`, so a collision only
// costs a comparison.
//
//   std::vector<uint32_t> first = FirstOfEqual(hashes, [&](uint32_t i, uint32_t j) {...});
//   if (!first.empty() && first[i] != i) ...  // i repeats first[i]
//
// Internal: not part of the public API. Pure function; thread-compatible.
#ifndef REPRINT_INTERNAL_FIRST_EQUAL_H_
#define REPRINT_INTERNAL_FIRST_EQUAL_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "reprint/internal/radix_sort.h"
#include "reprint/internal/threads.h"

namespace reprint::internal {

// `hashes[i]` is item i's hash (equal items have equal hashes; 32 bits, as
// the items can be tens of millions of segmented units: equal hashes of
// unequal items only cost a comparison); equal(i, j) says whether items i
// and j are equal, and is called from `threads` threads at once. Empty if
// no two items are equal. Holds 20 bytes per item while it runs.
template <typename Equal>
std::vector<uint32_t> FirstOfEqual(std::span<const uint32_t> hashes, Equal equal, int threads = 1) {
  const uint32_t n = static_cast<uint32_t>(hashes.size());
  // (hash << 32 | index), sorted stably by the hash.
  std::vector<uint64_t> by_hash(n), scratch;
  for (uint32_t i = 0; i < n; ++i) by_hash[i] = uint64_t{hashes[i]} << 32 | i;
  RadixSortByKey(
      std::span(by_hash), scratch, [](uint64_t e) { return e >> 32; }, 32);
  scratch = {};
  auto hash_at = [&by_hash](size_t k) { return by_hash[k] >> 32; };
  // Runs of equal hashes are confirmed a chunk of runs per thread (the
  // comparisons read the items, all over memory: two seconds, serial, for
  // the 5.5M paragraphs of the 1 GB corpus). Chunk c is by_hash[start[c],
  // start[c + 1]), moved on to where a run starts.
  const size_t chunks = ChunkCount(n, threads);
  std::vector<size_t> start(chunks + 1, n);
  for (size_t c = 0; c < chunks; ++c) {
    size_t k = std::max(c * n / chunks, c == 0 ? 0 : start[c - 1]);
    while (k > 0 && k < n && hash_at(k) == hash_at(k - 1)) ++k;
    start[c] = k;
  }
  std::vector<uint32_t> first(n);
  std::vector<uint8_t> any(chunks, 0);
  RunOnThreads(static_cast<int>(chunks), [&](int c) {
    std::vector<uint32_t> firsts;  // a run's distinct items, by their first index
    for (size_t i = start[static_cast<size_t>(c)], end = start[static_cast<size_t>(c) + 1];
         i < end;) {
      size_t j = i + 1;
      while (j < end && hash_at(j) == hash_at(i)) ++j;
      firsts.clear();
      for (size_t k = i; k < j; ++k) {  // in index order
        const uint32_t u = static_cast<uint32_t>(by_hash[k]);
        const auto f =
            std::find_if(firsts.begin(), firsts.end(), [&](uint32_t v) { return equal(u, v); });
        first[u] = f == firsts.end() ? u : *f;
        if (f == firsts.end()) firsts.push_back(u);
      }
      if (firsts.size() < j - i) any[static_cast<size_t>(c)] = 1;
      i = j;
    }
  });
  if (std::ranges::find(any, 1) == any.end()) return {};
  return first;
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_FIRST_EQUAL_H_

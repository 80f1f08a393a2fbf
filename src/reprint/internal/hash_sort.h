// File: reprint/internal/hash_sort.h
// Sorts 64-bit hash values (shingle hashes, fingerprints): one counting pass
// scatters them by their top bits into two to four buckets per value (one
// half to one for large sets), then an insertion sort puts each bucket,
// holding a value or two at most on average, in order. Hash values are
// spread evenly over the 64 bits, so this is linear in the count;
// std::sort's n log n comparisons, about half of them mispredicted
// branches, cost five to seven times as much on a document's few hundred
// shingles. When a bucket is crowded anyway (the same value
// many times), buckets are sorted one by one, a crowded one by std::sort,
// so no input is quadratic. The result is exactly std::sort's.
// Internal: not part of the public API. Pure function; thread-safe.
#ifndef REPRINT_INTERNAL_HASH_SORT_H_
#define REPRINT_INTERNAL_HASH_SORT_H_

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace reprint::internal {

// Working storage for SortHashes, kept by the caller from call to call.
struct HashSortScratch {
  std::vector<uint64_t> values;
  std::vector<uint32_t> ends;
};

// Sorts v ascending. REQUIRES: v.size() < 2^32.
inline void SortHashes(std::vector<uint64_t>& v, HashSortScratch& scratch) {
  constexpr size_t kSmall = 48;      // below this std::sort is as fast
  constexpr size_t kInsertion = 24;  // buckets up to this size: insertion sort
  const size_t n = v.size();
  if (n < kSmall) {
    std::sort(v.begin(), v.end());
    return;
  }
  // 2n < buckets <= 4n: most buckets hold no value or one, so few values
  // are out of order after the scatter (with n / 2 < buckets <= n, a sort
  // took 9 ns per value of a 500-value set; 4.7 ns now). Above kFewValues
  // (sets far past the cache anyway) n / 2 < buckets <= n, so the bucket
  // ends take at most half the values' memory: 4n buckets took 537 MB for
  // the 33M shingles of a 200 MB document (tests/blowup_test.cc).
  constexpr size_t kFewValues = size_t{1} << 16;
  const int bits = static_cast<int>(std::bit_width(n)) + (n <= kFewValues ? 1 : -1);
  const int shift = 64 - bits;
  const size_t buckets = size_t{1} << bits;
  std::vector<uint32_t>& ends = scratch.ends;
  ends.assign(buckets, 0);
  for (const uint64_t x : v) ++ends[x >> shift];
  uint32_t sum = 0, largest = 0;
  for (uint32_t& e : ends) {
    largest = std::max(largest, e);
    sum += std::exchange(e, sum);
  }
  std::vector<uint64_t>& out = scratch.values;
  out.resize(n);
  for (const uint64_t x : v) out[ends[x >> shift]++] = x;
  // ends[b] is now where bucket b ends.
  uint64_t* d = out.data();
  if (largest <= kInsertion) {
    // One insertion sort over the whole array: a value is larger than every
    // value of the buckets before its own, so it moves within its bucket
    // only (at most kInsertion places), and there is no loop over buckets,
    // most of them empty, with a branch on each one's size.
    for (size_t i = 1; i < n; ++i) {
      const uint64_t x = d[i];
      size_t j = i;
      for (; j > 0 && d[j - 1] > x; --j) d[j] = d[j - 1];
      d[j] = x;
    }
  } else {
    size_t from = 0;
    for (size_t b = 0; b < buckets; ++b) {
      const size_t to = ends[b];
      if (to - from > kInsertion) {
        std::sort(d + from, d + to);
      } else {
        for (size_t i = from + 1; i < to; ++i) {
          const uint64_t x = d[i];
          size_t j = i;
          for (; j > from && d[j - 1] > x; --j) d[j] = d[j - 1];
          d[j] = x;
        }
      }
      from = to;
    }
  }
  v.swap(out);
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_HASH_SORT_H_

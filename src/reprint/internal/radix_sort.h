// File: reprint/internal/radix_sort.h
// Stable LSD radix sort by an unsigned integer key. Candidate pair lists (tens
// of millions of 8-byte pairs) and the cluster stage's score order were
// sorted with std::sort, whose O(n log n) comparisons cost several times the
// few linear passes below; a stable sort by a key that encodes the whole
// order gives exactly the order std::sort gives, so outputs do not change.
// Internal: not part of the public API. Pure function; thread-safe.
#ifndef REPRINT_INTERNAL_RADIX_SORT_H_
#define REPRINT_INTERNAL_RADIX_SORT_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "reprint/internal/threads.h"

namespace reprint::internal {

// One LSD pass per kDigitBits-bit digit of the low `key_bits` bits of the
// keys, with Count counters (n must fit in Count); a digit in which all keys
// agree costs no pass. REQUIRES: v.size() > 1.
template <int kDigitBits, typename Count, typename T, typename KeyFn>
void RadixSortByDigits(std::span<T> v, std::vector<T>& scratch, KeyFn key, int key_bits) {
  constexpr size_t kRadix = size_t{1} << kDigitBits;
  constexpr int kMaxPasses = (64 + kDigitBits - 1) / kDigitBits;
  const size_t n = v.size();
  const int passes = std::clamp((key_bits + kDigitBits - 1) / kDigitBits, 1, kMaxPasses);
  // All digits' counts in one read of the keys.
  std::vector<std::array<Count, kRadix>> counts(static_cast<size_t>(passes));
  for (auto& c : counts) c.fill(0);
  for (const T& x : v) {
    const uint64_t k = key(x);
    for (int p = 0; p < passes; ++p) ++counts[p][(k >> (p * kDigitBits)) & (kRadix - 1)];
  }
  scratch.resize(n);
  T* src = v.data();
  T* dst = scratch.data();
  for (int p = 0; p < passes; ++p) {
    std::array<Count, kRadix>& c = counts[p];
    const int shift = p * kDigitBits;
    if (c[(key(src[0]) >> shift) & (kRadix - 1)] == n) continue;  // one digit value: no-op
    Count sum = 0;
    for (size_t d = 0; d < kRadix; ++d) sum += std::exchange(c[d], sum);
    for (size_t i = 0; i < n; ++i) {
      const size_t d = (key(src[i]) >> shift) & (kRadix - 1);
      dst[c[d]++] = std::move(src[i]);
    }
    std::swap(src, dst);
  }
  if (src != v.data()) std::move(src, src + n, v.data());
}

// Sorts v stably by key(x), a uint64_t of which only the low `key_bits` bits
// may be nonzero. Digits are 11 bits (a 16 KB count table stays in L1/L2);
// below 4096 items they are 8 bits with 32-bit counters (1 KB a table: the
// alignment sorts a few hundred runs per pair, and clearing 16 KB tables
// for them was 2% of a doc scan). `scratch` is working storage, resized to
// v.size() (pass the same one to repeated calls).
template <typename T, typename KeyFn>
void RadixSortByKey(std::span<T> v, std::vector<T>& scratch, KeyFn key, int key_bits = 64) {
  const size_t n = v.size();
  if (n < 2) return;
  if (n <= 64) {
    // Insertion sort: stable, and cheaper than clearing count tables.
    for (size_t i = 1; i < n; ++i) {
      T x = std::move(v[i]);
      const uint64_t k = key(x);
      size_t j = i;
      for (; j > 0 && key(v[j - 1]) > k; --j) v[j] = std::move(v[j - 1]);
      v[j] = std::move(x);
    }
    return;
  }
  if (n < 4096) {
    RadixSortByDigits<8, uint32_t>(v, scratch, key, key_bits);
  } else {
    RadixSortByDigits<11, size_t>(v, scratch, key, key_bits);
  }
}

// RadixSortByKey's order, on `threads` threads (RunOnChunks' contiguous
// chunks of v). Each pass counts the digits of every chunk on its thread,
// then each chunk scatters its items after those of the chunks before it
// with the same digit, so the sort stays stable. The counts are read again
// every pass (items change chunks from pass to pass), a read the one-thread
// sort makes once; below kMinItemsPerThread items per thread the one-thread
// sort runs. For the cluster stage's tens of millions of links, which a
// one-thread sort left the other cores idle for.
template <typename T, typename KeyFn>
void ParallelRadixSortByKey(std::span<T> v, std::vector<T>& scratch, KeyFn key, int key_bits,
                            int threads) {
  constexpr size_t kMinItemsPerThread = size_t{1} << 16;
  const size_t n = v.size();
  if (threads <= 1 || n < 2 * kMinItemsPerThread) {
    RadixSortByKey(v, scratch, key, key_bits);
    return;
  }
  constexpr int kDigitBits = 11;
  constexpr size_t kRadix = size_t{1} << kDigitBits;
  constexpr int kMaxPasses = (64 + kDigitBits - 1) / kDigitBits;
  const int passes = std::clamp((key_bits + kDigitBits - 1) / kDigitBits, 1, kMaxPasses);
  const size_t chunks =
      ChunkCount(n, std::min<int>(threads, static_cast<int>(n / kMinItemsPerThread)));
  std::vector<std::array<size_t, kRadix>> at(chunks);  // per chunk: where its next item goes
  scratch.resize(n);
  T* src = v.data();
  T* dst = scratch.data();
  for (int p = 0; p < passes; ++p) {
    const int shift = p * kDigitBits;
    auto digit = [&](const T& x) { return (key(x) >> shift) & (kRadix - 1); };
    RunOnChunks(n, static_cast<int>(chunks), [&](size_t c, size_t lo, size_t hi) {
      std::array<size_t, kRadix>& count = at[c];
      count.fill(0);
      for (size_t i = lo; i < hi; ++i) ++count[digit(src[i])];
    });
    // Digit d of chunk c starts after all items of smaller digits and the
    // items of digit d in chunks before c.
    size_t sum = 0;
    bool one_digit = false;
    for (size_t d = 0; d < kRadix; ++d) {
      size_t total = 0;
      for (size_t c = 0; c < chunks; ++c) total += at[c][d];
      if (total == n) one_digit = true;  // all items agree in this digit
      for (size_t c = 0; c < chunks; ++c) sum += std::exchange(at[c][d], sum);
    }
    if (one_digit) continue;
    RunOnChunks(n, static_cast<int>(chunks), [&](size_t c, size_t lo, size_t hi) {
      std::array<size_t, kRadix>& next = at[c];
      for (size_t i = lo; i < hi; ++i) dst[next[digit(src[i])]++] = std::move(src[i]);
    });
    std::swap(src, dst);
  }
  if (src != v.data()) {
    RunOnChunks(n, static_cast<int>(chunks), [&](size_t, size_t lo, size_t hi) {
      std::move(src + lo, src + hi, v.data() + lo);
    });
  }
}

// Sorts unsigned integers ascending (the key is the value itself).
template <typename U>
void RadixSort(std::span<U> v, std::vector<U>& scratch, int key_bits = 8 * sizeof(U)) {
  RadixSortByKey(v, scratch, [](U x) { return static_cast<uint64_t>(x); }, key_bits);
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_RADIX_SORT_H_

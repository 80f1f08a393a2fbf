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

namespace reprint::internal {

// `hashes[i]` is item i's hash (equal items have equal hashes; 32 bits, as
// the items can be tens of millions of segmented units: equal hashes of
// unequal items only cost a comparison); equal(i, j) says whether items i
// and j are equal. Empty if no two items are equal. Holds 20 bytes per item
// while it runs.
template <typename Equal>
std::vector<uint32_t> FirstOfEqual(std::span<const uint32_t> hashes, Equal equal) {
  const uint32_t n = static_cast<uint32_t>(hashes.size());
  // (hash << 32 | index), sorted stably by the hash.
  std::vector<uint64_t> by_hash(n), scratch;
  for (uint32_t i = 0; i < n; ++i) by_hash[i] = uint64_t{hashes[i]} << 32 | i;
  RadixSortByKey(
      std::span(by_hash), scratch, [](uint64_t e) { return e >> 32; }, 32);
  scratch = {};
  std::vector<uint32_t> first(n);
  bool any = false;
  std::vector<uint32_t> firsts;  // a run's distinct items, by their first index
  for (size_t i = 0; i < by_hash.size();) {
    size_t j = i + 1;
    while (j < by_hash.size() && by_hash[j] >> 32 == by_hash[i] >> 32) ++j;
    firsts.clear();
    for (size_t k = i; k < j; ++k) {  // in index order
      const uint32_t u = static_cast<uint32_t>(by_hash[k]);
      const auto f =
          std::find_if(firsts.begin(), firsts.end(), [&](uint32_t v) { return equal(u, v); });
      first[u] = f == firsts.end() ? u : *f;
      if (f == firsts.end()) firsts.push_back(u);
    }
    any = any || firsts.size() < j - i;
    i = j;
  }
  if (!any) return {};
  return first;
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_FIRST_EQUAL_H_

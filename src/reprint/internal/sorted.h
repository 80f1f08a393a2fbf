// File: reprint/internal/sorted.h
// The size of the intersection of two sorted, duplicate-free sequences, the
// merge step that shingle-set scores, link pruning, the stock-text rule and
// quote variant scores all share. Internal: not part of the public API.
// Pure inline functions; thread-safe.
#ifndef REPRINT_INTERNAL_SORTED_H_
#define REPRINT_INTERNAL_SORTED_H_

#include <cstddef>
#include <type_traits>

namespace reprint::internal {

// |a ∩ b| by one merge pass. REQUIRES: a and b sorted ascending, no
// duplicates inside either.
template <typename A, typename B>
size_t SortedIntersectionSize(const A& a, const B& b) {
  size_t i = 0, j = 0, shared = 0;
  const size_t na = a.size(), nb = b.size();
  if constexpr (std::is_arithmetic_v<std::remove_cvref_t<decltype(a[0])>> &&
                std::is_arithmetic_v<std::remove_cvref_t<decltype(b[0])>>) {
    // Shingle hashes are random, so which side advances is a coin flip that
    // the branch predictor loses half the time: advance by the comparisons'
    // values instead.
    while (i < na && j < nb) {
      const auto x = a[i];
      const auto y = b[j];
      shared += x == y;
      i += x <= y;
      j += y <= x;
    }
  } else {
    while (i < na && j < nb) {
      if (a[i] < b[j]) {
        ++i;
      } else if (b[j] < a[i]) {
        ++j;
      } else {
        ++shared;
        ++i;
        ++j;
      }
    }
  }
  return shared;
}

// Like SortedIntersectionSize, but gives up, returning a value below `need`,
// as soon as a or b has lost so many members that the intersection can no
// longer reach `need`; otherwise returns the exact size.
template <typename T>
size_t SortedIntersectionSizeAtLeast(const T* a, size_t na, const T* b, size_t nb, size_t need) {
  if (need > na || need > nb) return 0;
  // Members of a (of b) not in the intersection that still let it reach need.
  const size_t spare_a = na - need, spare_b = nb - need;
  size_t i = 0, j = 0, shared = 0;
  while (i < na && j < nb) {
    const T x = a[i];
    const T y = b[j];
    shared += x == y;
    i += x <= y;
    j += y <= x;
    if (i - shared > spare_a || j - shared > spare_b) return 0;
  }
  return shared;
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_SORTED_H_

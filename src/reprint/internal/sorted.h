// File: reprint/internal/sorted.h
// The size of the intersection of two sorted, duplicate-free sequences, the
// merge step that shingle-set scores, link pruning, the stock-text rule and
// quote variant scores all share. Internal: not part of the public API.
// Pure inline function; thread-safe.
#ifndef REPRINT_INTERNAL_SORTED_H_
#define REPRINT_INTERNAL_SORTED_H_

#include <cstddef>

namespace reprint::internal {

// |a ∩ b| by one merge pass. REQUIRES: a and b sorted ascending, no
// duplicates inside either.
template <typename A, typename B>
size_t SortedIntersectionSize(const A& a, const B& b) {
  size_t i = 0, j = 0, shared = 0;
  while (i < a.size() && j < b.size()) {
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
  return shared;
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_SORTED_H_

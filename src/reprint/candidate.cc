#include "reprint/candidate.h"

#include <algorithm>
#include <bit>
#include <iterator>
#include <span>

#include "reprint/internal/radix_sort.h"

namespace reprint {

void SortUnique(std::vector<CandidatePair>& pairs) {
  // (a, b) packed as a << w | b, w the width of the largest index, orders as
  // the pair does; with the indices of a real corpus (< 2^20 or so) that key
  // has about 40 bits, four radix passes.
  uint32_t max_index = 0;
  for (const CandidatePair& p : pairs) max_index |= p.a | p.b;
  const int w = std::bit_width(max_index);
  std::vector<CandidatePair> scratch;
  internal::RadixSortByKey(
      std::span<CandidatePair>(pairs), scratch,
      [w](const CandidatePair& p) { return (static_cast<uint64_t>(p.a) << w) | p.b; }, 2 * w);
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
}

std::vector<CandidatePair> MergeCandidates(const std::vector<CandidatePair>& x,
                                           const std::vector<CandidatePair>& y) {
  std::vector<CandidatePair> out;
  out.reserve(x.size() + y.size());
  std::set_union(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(out));
  return out;
}

}  // namespace reprint

#include "reprint/candidate.h"

#include <algorithm>
#include <iterator>

namespace reprint {

void SortUnique(std::vector<CandidatePair>& pairs) {
  std::sort(pairs.begin(), pairs.end());
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

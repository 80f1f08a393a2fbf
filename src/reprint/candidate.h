// File: reprint/candidate.h
// CandidatePair: two units that a filter (LSH, fingerprint index) proposes for
// exact verification. A candidate may be a false positive and carries no
// score; only reprint/verify.h turns candidates into VerifiedPairs.
#ifndef REPRINT_CANDIDATE_H_
#define REPRINT_CANDIDATE_H_

#include <cstdint>
#include <vector>

namespace reprint {

struct CandidatePair {
  uint32_t a = 0;  // unit index, a < b
  uint32_t b = 0;
  friend bool operator==(const CandidatePair&, const CandidatePair&) = default;
  friend auto operator<=>(const CandidatePair&, const CandidatePair&) = default;
};

// Sorts and removes duplicates in place.
void SortUnique(std::vector<CandidatePair>& pairs);

// Merges two sorted, unique lists into one sorted, unique list.
std::vector<CandidatePair> MergeCandidates(const std::vector<CandidatePair>& x,
                                           const std::vector<CandidatePair>& y);

}  // namespace reprint

#endif  // REPRINT_CANDIDATE_H_

// File: reprint/verify.h
// Exact scores on shingle sets, and the step that turns candidates into
// verified pairs. Only VerifiedPairs (never CandidatePairs) reach clusters and
// reports, so every reported score is exact.
//
//   PairScore s = ScorePair(set_a, set_b);      // sorted unique sets
//   if (Qualifies(s, Measure::kBoth, 0.5)) ...
//
// Pure functions; thread-safe.
#ifndef REPRINT_VERIFY_H_
#define REPRINT_VERIFY_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "reprint/candidate.h"
#include "reprint/shingle_sets.h"

namespace reprint {

enum class Measure : uint8_t { kJaccard, kContainment, kBoth };
const char* MeasureName(Measure m);  // "jaccard", "containment", "both"

// A pair's shared and set sizes; the scores are computed from them when
// asked, so a verified pair takes 20 bytes, not 48 (61.5M of them at the 1
// GB paragraph scan's peak: 1.2 GB instead of 3.0).
struct PairScore {
  uint32_t shared = 0;  // |A∩B|
  uint32_t size_a = 0;
  uint32_t size_b = 0;

  // |A∩B| / |A∪B| (0 when both are empty).
  double jaccard() const {
    const uint64_t uni = uint64_t{size_a} + size_b - shared;
    return uni == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(uni);
  }
  // |A∩B| / |A| and |A∩B| / |B| (0 for an empty set).
  double containment_a_in_b() const { return Ratio(size_a); }
  double containment_b_in_a() const { return Ratio(size_b); }
  // Containment of the smaller set in the larger (ties: the larger value).
  double containment_of_smaller() const {
    if (size_a < size_b) return containment_a_in_b();
    if (size_b < size_a) return containment_b_in_a();
    return std::max(containment_a_in_b(), containment_b_in_a());
  }

 private:
  double Ratio(uint32_t size) const {
    return size == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(size);
  }
};

// REQUIRES: a and b sorted and unique.
PairScore ScorePair(std::span<const uint64_t> a, std::span<const uint64_t> b);

// Jaccard >= threshold, or containment of the smaller >= threshold, per measure.
bool Qualifies(const PairScore& s, Measure measure, double threshold);

// The fewest shared members with which sets of these sizes qualify
// (Qualifies() on ScorePair()'s values): at least 1, min(size_a, size_b) + 1
// when no count does. Verification stops merging a pair once it is out of
// reach.
size_t MinSharedToQualify(size_t size_a, size_t size_b, Measure measure, double threshold);

struct VerifiedPair {
  uint32_t a = 0;  // unit index, a < b
  uint32_t b = 0;
  PairScore score;
};

struct VerifyStats {
  uint64_t candidates = 0;
  uint64_t skipped = 0;   // rejected by `allowed` (e.g. overlapping spans)
  uint64_t verified = 0;  // qualified
};

// Scores every allowed candidate exactly and keeps the qualifying ones, in
// candidate order. `allowed` may be empty (all allowed). Uses `threads`.
std::vector<VerifiedPair> Verify(const std::vector<CandidatePair>& candidates,
                                 const ShingleSets& sets, Measure measure, double threshold,
                                 const std::function<bool(uint32_t, uint32_t)>& allowed,
                                 int threads, VerifyStats* stats);

// The brute-force reference: every allowed pair of units, scored exactly.
std::vector<VerifiedPair> VerifyAllPairs(const ShingleSets& sets, Measure measure,
                                         double threshold,
                                         const std::function<bool(uint32_t, uint32_t)>& allowed,
                                         int threads, VerifyStats* stats);

}  // namespace reprint

#endif  // REPRINT_VERIFY_H_

// File: reprint/containment.h
// Candidates for containment (a short text inside a long one), which Jaccard
// LSH misses: 30 shingles inside 120 have Jaccard 0.25. Each unit is reduced
// to winnowed fingerprints (Schleimer et al., SIGMOD 2003, as MOSS and passim
// do): the minimum hash of every window of `window` consecutive shingles. Any
// run of window shingles shared by two units yields a shared fingerprint. An
// inverted index from fingerprint to units proposes pairs that share enough.
//
//   std::vector<uint64_t> fp = Winnow(shingle_sequence, 4);
//   std::vector<CandidatePair> c = ContainmentCandidates(all_fps, opts, 0.5);
//
// Pure functions; thread-safe. ContainmentCandidates starts its own threads.
#ifndef REPRINT_CONTAINMENT_H_
#define REPRINT_CONTAINMENT_H_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "reprint/candidate.h"
#include "reprint/shingle_sets.h"

namespace reprint {

struct ContainmentOptions {
  // Winnowing window in shingles. Smaller: more fingerprints (memory, time),
  // shorter shared runs guaranteed to be seen.
  int window = 4;
  // Fingerprints carried by more units than this are too common to index
  // (boilerplate, stock phrases); the Jaccard LSH still sees such units.
  uint32_t max_postings = 256;
  // A pair is proposed when shared fingerprints / fingerprints of the smaller
  // unit >= slack * threshold. Winnowing samples shingles unevenly, so the
  // slack keeps recall; exact verification removes what is proposed wrongly.
  double slack = 0.5;
  // Postings (16 bytes each) the index sorts at once: it is built in rounds
  // over ranges of fingerprints, each a pass over all of them. Smaller: less
  // memory, more passes (a spilled store is read from its file once a pass).
  // 0: automatic, a sixteenth of all postings, but at least 64K and 16 per
  // unit (up to 1M).
  uint64_t round_postings = 0;

  absl::Status Validate() const;
};

// Sorted unique winnowed fingerprints of a shingle sequence (all of them when
// the sequence is shorter than the window).
std::vector<uint64_t> Winnow(std::span<const uint64_t> shingles, int window);
// The same into *out (its memory reused from call to call).
void WinnowInto(std::span<const uint64_t> shingles, int window, std::vector<uint64_t>* out);

// `fingerprints[i]` is unit i's Winnow() output. Sorted, unique pairs; the
// same for any number of `threads` (worker threads used). Fingerprints are
// read a few times in order (ForEach), so a spilled store costs sequential
// reads, and the index is built a range of fingerprints at a time.
std::vector<CandidatePair> ContainmentCandidates(const ShingleSets& fingerprints,
                                                 const ContainmentOptions& options,
                                                 double threshold, int threads = 1);
// The same, for fingerprints held as one vector per unit.
std::vector<CandidatePair> ContainmentCandidates(
    const std::vector<std::vector<uint64_t>>& fingerprints, const ContainmentOptions& options,
    double threshold, int threads = 1);

}  // namespace reprint

#endif  // REPRINT_CONTAINMENT_H_

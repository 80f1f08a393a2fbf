// File: reprint/lsh.h
// Banded locality-sensitive hashing over MinHash signatures: b bands of r rows;
// two units whose signatures agree on all rows of any band become a candidate.
//
//   LshParams p = LshParams::ForThreshold(0.5, 128);   // or {bands, rows}
//   std::vector<uint64_t> keys(n * p.bands);
//   for (i...) BandKeys(sig_i, p, seed, &keys[i * p.bands]);
//   std::vector<CandidatePair> c = LshCandidates(keys, n, p, LshOptions{});
//
// Grouping orders (key, unit) per band (bins by top key bits, then small
// sorts) instead of hashing into tables, so the result is deterministic and
// memory is 32 bytes per unit for one band at a time. Units whose keys agree
// in every band (twins: copies of one text) meet in every band; their pairs
// are listed once, not once per band, with the same result.
// Pure functions; thread-safe.
#ifndef REPRINT_LSH_H_
#define REPRINT_LSH_H_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/status.h"
#include "reprint/candidate.h"

namespace reprint {

struct LshParams {
  int bands = 0;
  int rows = 0;

  // Chooses bands*rows <= num_perm so that a pair scoring `recall_at` =
  // min(threshold + 0.1, (1 + threshold) / 2) becomes a candidate with
  // probability >= min_recall, and among those the one with the smallest
  // false-positive area (integral of the candidate probability below the
  // threshold). Recall is what LSH can lose for good: verification removes
  // false positives, nothing recovers a missed pair. If no banding reaches
  // min_recall, the one with the highest recall is taken.
  static LshParams ForThreshold(double threshold, int num_perm, double min_recall = 0.995);
  // The Jaccard at which ForThreshold() guarantees min_recall.
  static double RecallPoint(double threshold);
  // Probability that a pair of Jaccard j becomes a candidate.
  double CandidateProbability(double j) const;
  absl::Status Validate(int num_perm) const;
};

// Writes p.bands keys: XXH3 of each band's rows, seeded by `seed` + band.
void BandKeys(std::span<const uint32_t> signature, const LshParams& p, uint64_t seed,
              uint64_t* out);

struct LshOptions {
  // A bucket larger than this yields a star (first member with each other
  // member) instead of all pairs, so 100,000 identical units cost O(n), not
  // O(n^2). Clusters stay connected; the pair list is then a spanning set.
  uint32_t max_bucket_all_pairs = 64;
  // Worker threads; bands are split among them. The output does not depend
  // on it.
  int threads = 1;
};

// Candidate pairs from band keys laid out unit-major (keys[i*bands + band]).
// Sorted, unique. REQUIRES: keys.size() == num_units * p.bands
std::vector<CandidatePair> LshCandidates(std::span<const uint64_t> keys, uint32_t num_units,
                                         const LshParams& p, const LshOptions& options = {});

}  // namespace reprint

#endif  // REPRINT_LSH_H_

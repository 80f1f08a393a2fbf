// File: reprint/lsh.h
// Banded locality-sensitive hashing over MinHash signatures: b bands of r rows;
// two units whose signatures agree on all rows of any band become a candidate.
//
//   LshParams p = LshParams::ForThreshold(0.5, 128);   // or {bands, rows}
//   BandKeyTable keys(p.bands, n);
//   for (i...) { BandKeys(sig_i, p, seed, row); keys.Add(row); }
//   std::vector<CandidatePair> c = LshCandidates(keys, p, LshOptions{});
//
// Grouping orders (key, unit) per band (bins by top key bits, then small
// sorts) instead of hashing into tables, so the result is deterministic and
// memory is 32 bytes per unit for one band at a time. Units whose keys agree
// in every band (twins: copies of one text) meet in every band; their pairs
// are listed once, not once per band, with the same result.
// Pure functions; thread-safe.
#ifndef REPRINT_LSH_H_
#define REPRINT_LSH_H_

#include <cstddef>
#include <cstdint>
#include <memory>
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

// The band keys of units added in order, stored band by band: a band's keys
// of all units lie together, so that each band's pass over them (in
// LshCandidates) reads one array in order. Rows of keys, one unit's after
// another, were read band by band a cache line per unit and band: a quarter of
// LshCandidates' time on the 100 MB paragraph corpus. Room for `capacity`
// units is set aside at once (memory is touched only as units are added).
class BandKeyTable {
 public:
  BandKeyTable(int bands, size_t capacity);

  // Appends a unit: keys[b] is its key in band b. REQUIRES: keys.size() ==
  // bands(), size() < capacity.
  void Add(std::span<const uint64_t> keys);
  // Appends a unit with unit u's keys. REQUIRES: u < size() < capacity.
  void AddCopyOf(uint32_t u);

  int bands() const { return bands_; }
  uint32_t size() const { return size_; }
  uint64_t key(uint32_t unit, int band) const {
    return keys_[static_cast<size_t>(band) * capacity_ + unit];
  }
  // Every unit's key in `band`, in unit order.
  std::span<const uint64_t> band(int band) const {
    return {keys_.get() + static_cast<size_t>(band) * capacity_, size_};
  }

 private:
  int bands_;
  size_t capacity_;
  uint32_t size_ = 0;
  std::unique_ptr<uint64_t[]> keys_;  // band b's keys at [b * capacity_, b * capacity_ + size_)
};

// Candidate pairs of the units in `keys`. Sorted, unique.
// REQUIRES: keys.bands() == p.bands
std::vector<CandidatePair> LshCandidates(const BandKeyTable& keys, const LshParams& p,
                                         const LshOptions& options = {});
// The same from keys laid out unit by unit (keys[i * p.bands + band]).
// REQUIRES: keys.size() == num_units * p.bands
std::vector<CandidatePair> LshCandidates(std::span<const uint64_t> keys, uint32_t num_units,
                                         const LshParams& p, const LshOptions& options = {});

}  // namespace reprint

#endif  // REPRINT_LSH_H_

// File: reprint/minhash.h
// MinHash signatures by one-permutation hashing with optimal densification
// (Shrivastava, ICML 2017): each shingle hash is mixed once, its high bits pick
// one of K bins and the bin keeps the smallest value; empty bins borrow from a
// bin chosen by a seeded probe sequence. One hash per shingle instead of K, with
// the accuracy of K-permutation MinHash (tests/minhash_test.cc checks the bound
// |Ĵ-J| <= 4*sqrt(J(1-J)/K)).
//
//   MinHasher h(MinHashOptions{.num_perm = 128, .seed = 1});
//   std::vector<uint32_t> sig(h.num_perm());
//   h.Sign(shingles, sig.data());
//   double j = EstimateJaccard(sig_a, sig_b);
//
// Signature values are 32 bits (the low half of the bin minimum), which adds a
// 2^-32 chance of a false bin match: negligible next to the estimator's error.
// MinHasher is immutable after construction; thread-safe.
#ifndef REPRINT_MINHASH_H_
#define REPRINT_MINHASH_H_

#include <cstdint>
#include <span>
#include <vector>

#include "absl/status/status.h"

namespace reprint {

struct MinHashOptions {
  // Signature length K. Larger: tighter estimates and finer LSH banding, at
  // K*4 bytes per unit and more band keys to sort.
  int num_perm = 128;
  uint64_t seed = 0;

  absl::Status Validate() const;
};

class MinHasher {
 public:
  explicit MinHasher(const MinHashOptions& options);

  int num_perm() const { return options_.num_perm; }

  // Writes num_perm() values to `out`. An empty input gives all 0xFFFFFFFF.
  // `shingles` may hold duplicates (they do not change the result).
  void Sign(std::span<const uint64_t> shingles, uint32_t* out) const;

  // Probes per bin kept in the precomputed table; later probes are computed.
  static constexpr int kTabledProbes = 32;

 private:
  uint32_t Probe(uint32_t bin, uint64_t attempt) const;

  MinHashOptions options_;
  uint64_t seed_;
  // probes_[j * kTabledProbes + t] = the bin that empty bin j tries at attempt
  // t + 1. The sequence depends only on (seed, j, attempt), never on the data,
  // so it is computed once instead of per signature.
  std::vector<uint16_t> probes_;
};

// Fraction of equal positions. REQUIRES: a.size() == b.size() > 0
double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b);

}  // namespace reprint

#endif  // REPRINT_MINHASH_H_

// File: reprint/minhash.h
// MinHash signatures by fast similarity sketching (Dahlgaard, Knudsen and
// Thorup, FOCS 2017), whose first round is one-permutation hashing. Round 0
// mixes each shingle hash once; its high bits pick one of K bins and the bin
// keeps the smallest value. Most sets of a few hundred shingles fill every bin
// there and stop. Otherwise rounds 1..K-1 throw every shingle into a random
// bin again, and in round K + j every shingle goes to bin j, so every bin is
// filled by round 2K - 1; a bin keeps the value of the earliest round that
// reached it (the smallest hash within that round), and signing stops after
// the first round that leaves no bin empty. For any two sets, bin j holds the
// same value exactly when the union's minimum for bin j lies in both, so each
// position matches with probability J, as in K-permutation MinHash
// (tests/minhash_test.cc checks |Ĵ-J| <= 4*sqrt(J(1-J)/K) from sets of 1 to
// 2,000 shingles). Cost: m + O(K log K) mixes for a set of m shingles; the
// densification this replaced probed for a non-empty bin, about K^2/m mixes,
// which made one-shingle sets cost ~16,000 mixes at K = 128.
//
//   MinHasher h(MinHashOptions{.num_perm = 128, .seed = 1});
//   std::vector<uint32_t> sig(h.num_perm());
//   h.Sign(shingles, sig.data());
//   double j = EstimateJaccard(sig_a, sig_b);
//
// A bin compares keys (round << 51) | (mixed hash >> 13), so the earliest
// round wins; signature values are those keys folded to 32 bits, which adds a
// 2^-32 chance of a false bin match: negligible next to the estimator's error. MinHasher is immutable after construction; thread-safe.
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


 private:
  MinHashOptions options_;
  // round_seeds_[r]: the seed mixed into every shingle hash in round r, for
  // r in [0, 2K). Round 0's is the master seed's mix.
  std::vector<uint64_t> round_seeds_;
};

// Fraction of equal positions. REQUIRES: a.size() == b.size() > 0
double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b);

}  // namespace reprint

#endif  // REPRINT_MINHASH_H_

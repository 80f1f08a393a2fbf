#include "reprint/minhash.h"

#include <string>

#include "reprint/internal/minhash_simd.h"

namespace reprint {

absl::Status MinHashOptions::Validate() const {
  if (num_perm < 1 || num_perm > 4096) {
    return absl::InvalidArgumentError("num_perm must be in [1, 4096], got " +
                                      std::to_string(num_perm));
  }
  return absl::OkStatus();
}

MinHasher::MinHasher(const MinHashOptions& options)
    : options_(options),
      round_seeds_(
          internal::MinHashRoundSeeds(options.seed, static_cast<uint32_t>(options.num_perm))) {}

// The random rounds mix and bin 8 (AVX-512) or 4 (AVX2) shingles at a time
// where the CPU allows (internal/minhash_simd.h: the same signature, bit for
// bit, as the scalar loop).
void MinHasher::Sign(std::span<const uint64_t> shingles, uint32_t* out) const {
  internal::MinHashSign(internal::BestMinHashPath(), round_seeds_.data(),
                        static_cast<uint32_t>(options_.num_perm), shingles, out);
}

double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

}  // namespace reprint

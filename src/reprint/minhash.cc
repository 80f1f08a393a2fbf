#include "reprint/minhash.h"

#include <limits>

#include "xxhash.h"

namespace reprint {
namespace {

// A strong 64-bit mixer (the splitmix64 finalizer): a seeded bijection, so each
// seed acts as one random permutation of shingle hashes.
inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Bin of a mixed hash: the high bits, scaled to [0, k) without division.
inline uint32_t BinOf(uint64_t h, uint32_t k) {
  return static_cast<uint32_t>((static_cast<unsigned __int128>(h) * k) >> 64);
}

}  // namespace

absl::Status MinHashOptions::Validate() const {
  if (num_perm < 1 || num_perm > 4096) {
    return absl::InvalidArgumentError("num_perm must be in [1, 4096], got " +
                                      std::to_string(num_perm));
  }
  return absl::OkStatus();
}

MinHasher::MinHasher(const MinHashOptions& options)
    : options_(options), seed_(Mix(options.seed ^ 0x9E3779B97F4A7C15ULL)) {
  const uint32_t k = static_cast<uint32_t>(options_.num_perm);
  probes_.resize(static_cast<size_t>(k) * kTabledProbes);
  for (uint32_t j = 0; j < k; ++j) {
    for (int t = 0; t < kTabledProbes; ++t) {
      probes_[static_cast<size_t>(j) * kTabledProbes + t] =
          static_cast<uint16_t>(Probe(j, static_cast<uint64_t>(t) + 1));
    }
  }
}

uint32_t MinHasher::Probe(uint32_t bin, uint64_t attempt) const {
  const uint64_t probe = Mix(seed_ ^ (static_cast<uint64_t>(bin) << 32) ^ attempt);
  return BinOf(probe, static_cast<uint32_t>(options_.num_perm));
}

void MinHasher::Sign(std::span<const uint64_t> shingles, uint32_t* out) const {
  const uint32_t k = static_cast<uint32_t>(options_.num_perm);
  constexpr uint64_t kEmpty = std::numeric_limits<uint64_t>::max();
  uint64_t stack_bins[512];
  std::vector<uint64_t> heap_bins;
  uint64_t* bins = stack_bins;
  if (k > 512) {
    heap_bins.resize(k);
    bins = heap_bins.data();
  }
  for (uint32_t j = 0; j < k; ++j) bins[j] = kEmpty;
  if (shingles.empty()) {
    for (uint32_t j = 0; j < k; ++j) out[j] = 0xFFFFFFFFu;
    return;
  }
  const uint64_t seed = seed_;
  for (uint64_t x : shingles) {
    const uint64_t h = Mix(x ^ seed);
    const uint32_t bin = BinOf(h, k);
    if (h < bins[bin]) {
      bins[bin] = h;
    }
  }
  // Optimal densification: an empty bin j takes the value of the first
  // non-empty bin in the probe sequence hash(j, 1), hash(j, 2), ... The
  // sequence depends only on (seed, j, attempt), so two sets that leave the
  // same bins empty borrow from the same places.
  for (uint32_t j = 0; j < k; ++j) {
    uint64_t v = bins[j];
    if (v == kEmpty) {
      const uint16_t* table = probes_.data() + static_cast<size_t>(j) * kTabledProbes;
      for (int t = 0; t < kTabledProbes && v == kEmpty; ++t) v = bins[table[t]];
      for (uint64_t attempt = kTabledProbes + 1; v == kEmpty; ++attempt) v = bins[Probe(j, attempt)];
    }
    out[j] = static_cast<uint32_t>(v ^ (v >> 32));
  }
}

double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

}  // namespace reprint

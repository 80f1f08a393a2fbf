#include "reprint/minhash.h"

#include <algorithm>
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

// The value a shingle with mixed hash h offers its bin in round r: the round
// in the top 13 bits (r < 2K <= 8192), then the top 51 bits of h, so keys
// order by round first. Two keys are equal only for the same round and hash
// bits (a chance match between different shingles: 2^-51).
inline uint64_t Key(uint32_t round, uint64_t h) {
  return (static_cast<uint64_t>(round) << 51) | (h >> 13);
}

}  // namespace

absl::Status MinHashOptions::Validate() const {
  if (num_perm < 1 || num_perm > 4096) {
    return absl::InvalidArgumentError("num_perm must be in [1, 4096], got " +
                                      std::to_string(num_perm));
  }
  return absl::OkStatus();
}

MinHasher::MinHasher(const MinHashOptions& options) : options_(options) {
  const size_t k = static_cast<size_t>(options_.num_perm);
  round_seeds_.resize(2 * k);
  round_seeds_[0] = Mix(options.seed ^ 0x9E3779B97F4A7C15ULL);
  for (size_t r = 1; r < 2 * k; ++r) {
    round_seeds_[r] = Mix(round_seeds_[0] ^ (static_cast<uint64_t>(r) * 0xD6E8FEB86659FD93ULL));
  }
}

void MinHasher::Sign(std::span<const uint64_t> shingles, uint32_t* out) const {
  const uint32_t k = static_cast<uint32_t>(options_.num_perm);
  constexpr uint64_t kEmpty = std::numeric_limits<uint64_t>::max();
  if (shingles.empty()) {
    for (uint32_t j = 0; j < k; ++j) out[j] = 0xFFFFFFFFu;
    return;
  }
  // bins[j]: the smallest Key bin j received. A key's top bits are its round,
  // so a bin filled in round r ignores every later round: updates are a
  // branch-free min.
  uint64_t stack_bins[512];
  std::vector<uint64_t> heap_bins;
  uint64_t* bins = stack_bins;
  if (k > 512) {
    heap_bins.resize(k);
    bins = heap_bins.data();
  }
  for (uint32_t j = 0; j < k; ++j) bins[j] = kEmpty;
  // Rounds 0..K-1: each shingle goes to a random bin. A round always runs to
  // its end, so the round's smallest value wins a bin it fills.
  uint32_t empty = k;
  for (uint32_t r = 0; r < k && empty > 0; ++r) {
    const uint64_t seed = round_seeds_[r];
    for (uint64_t x : shingles) {
      const uint64_t h = Mix(x ^ seed);
      uint64_t& bin = bins[BinOf(h, k)];
      empty -= bin == kEmpty;
      bin = std::min(bin, Key(r, h));
    }
  }
  // Rounds K..2K-1: round K + j sends every shingle to bin j, so a bin still
  // empty takes the minimum of its own hash: K-permutation MinHash for it.
  for (uint32_t j = 0; j < k && empty > 0; ++j) {
    if (bins[j] != kEmpty) continue;
    const uint64_t seed = round_seeds_[k + j];
    uint64_t v = kEmpty;
    for (uint64_t x : shingles) v = std::min(v, Key(k + j, Mix(x ^ seed)));
    bins[j] = v;
    --empty;
  }
  for (uint32_t j = 0; j < k; ++j) out[j] = static_cast<uint32_t>(bins[j] ^ (bins[j] >> 32));
}

double EstimateJaccard(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

}  // namespace reprint

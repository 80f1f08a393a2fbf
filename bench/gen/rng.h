// File: bench/gen/rng.h
// The generator's only source of randomness: xoshiro256** seeded through
// SplitMix64, and StreamSeed(), which derives an independent seed for every
// named stream ("cut", "story", ...) and index from the master --seed with
// XXH3. Nothing here reads the clock, std::random_device or std::hash, so a
// corpus is a pure function of the input files and the seed.
//
//   Rng rng(StreamSeed(seed, "story", i));
//   int words = rng.Range(300, 900);
//   if (rng.Chance(0.25)) Abridge(...);
//
// Not thread-safe (each thread or stream owns its Rng); copyable on purpose,
// so that a stream can be forked.
#ifndef REPRINT_BENCH_GEN_RNG_H_
#define REPRINT_BENCH_GEN_RNG_H_

#include <cassert>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "xxhash.h"

namespace reprint::bench {

inline uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Seed of stream (`tag`, `index`) under master seed `seed`.
inline uint64_t StreamSeed(uint64_t seed, std::string_view tag, uint64_t index = 0) {
  uint64_t s = XXH3_64bits_withSeed(tag.data(), tag.size(), seed) ^ (index * 0xD1B54A32D192ED03ull);
  return SplitMix64(s);
}

// xoshiro256** (Blackman and Vigna, 2018).
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (uint64_t& w : s_) w = SplitMix64(seed);
  }

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, n). REQUIRES: n > 0. (Multiply-shift; the bias of at most
  // n / 2^64 is irrelevant here.)
  uint64_t Below(uint64_t n) {
    assert(n > 0);
    return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }

  // Uniform in [lo, hi], both included. REQUIRES: lo <= hi.
  int Range(int lo, int hi) {
    assert(lo <= hi);
    return lo + static_cast<int>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }

  // Uniform in [0, 1), 53 bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  // Uniform in [lo, hi).
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }

  bool Chance(double p) { return Uniform() < p; }

  template <typename T>
  void Shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[Below(i)]);
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace reprint::bench

#endif  // REPRINT_BENCH_GEN_RNG_H_

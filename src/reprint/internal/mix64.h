// File: reprint/internal/mix64.h
// Mix64: the splitmix64 finalizer, a bijection of 64-bit values whose every
// output bit depends on every input bit. MinHash seeds it per round
// (internal/minhash_simd.h); the alignment's word table hashes short words
// with it (align.cc). Internal: not part of the public API. Pure function.
#ifndef REPRINT_INTERNAL_MIX64_H_
#define REPRINT_INTERNAL_MIX64_H_

#include <cstdint>

namespace reprint::internal {

// Its two multipliers, which the vector versions of MinHash's rounds
// broadcast (internal/minhash_simd.h).
inline constexpr uint64_t kMix64M1 = 0xbf58476d1ce4e5b9ULL;
inline constexpr uint64_t kMix64M2 = 0x94d049bb133111ebULL;

inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= kMix64M1;
  x ^= x >> 27;
  x *= kMix64M2;
  x ^= x >> 31;
  return x;
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_MIX64_H_

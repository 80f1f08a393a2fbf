// File: reprint/internal/mix64.h
// Mix64: the splitmix64 finalizer, a bijection of 64-bit values whose every
// output bit depends on every input bit. MinHash seeds it per round
// (internal/minhash_simd.h); the alignment's word table hashes short words
// with it (align.cc). Internal: not part of the public API. Pure function.
#ifndef REPRINT_INTERNAL_MIX64_H_
#define REPRINT_INTERNAL_MIX64_H_

#include <cstdint>

namespace reprint::internal {

inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_MIX64_H_

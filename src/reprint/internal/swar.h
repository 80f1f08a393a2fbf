// File: reprint/internal/swar.h
// Eight bytes at a time in one uint64_t ("SIMD within a register"): the
// byte tests that text scanners use to pass over plain ASCII quickly, in
// portable C++ (no instruction set to choose at run time).
//
//   const uint64_t v = swar::Load8(p);                  // byte k in bits 8k..8k+7
//   if (swar::ZeroBytes(v ^ swar::Broadcast('"')) != 0) ...  // a '"' among them
//   const uint8_t mask = swar::MoveMask(swar::BytesEqual(v, '.'));  // bit k: byte k
//
// Header-only; pure functions.
#ifndef REPRINT_INTERNAL_SWAR_H_
#define REPRINT_INTERNAL_SWAR_H_

#include <bit>
#include <cstdint>
#include <cstring>

namespace reprint::internal::swar {

inline constexpr uint64_t kOnes = 0x0101010101010101ull;
inline constexpr uint64_t kLow7 = 0x7f * kOnes;
inline constexpr uint64_t kHigh = 0x80 * kOnes;

// Byte c in every byte.
constexpr uint64_t Broadcast(unsigned char c) { return c * kOnes; }

// Eight bytes at `p` as one little-endian word (byte k in bits 8k..8k+7).
inline uint64_t Load8(const void* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  return v;
}

// The high bit of each zero byte of v, and possibly of bytes after a zero
// byte (a borrow): exact for "is there one" and for the lowest set bit, the
// first zero byte.
constexpr uint64_t ZeroBytes(uint64_t v) { return (v - kOnes) & ~v & kHigh; }

// The high bit of each byte of v equal to c, others clear (exact: no borrow
// crosses a byte).
constexpr uint64_t BytesEqual(uint64_t v, unsigned char c) {
  const uint64_t x = v ^ Broadcast(c);
  return ~(((x & kLow7) + kLow7) | x) & kHigh;
}

// Byte k's high bit as bit k. REQUIRES: only high bits set (h & ~kHigh == 0).
constexpr uint8_t MoveMask(uint64_t h) {
  return static_cast<uint8_t>(((h >> 7) * 0x0102040810204080ull) >> 56);
}

}  // namespace reprint::internal::swar

#endif  // REPRINT_INTERNAL_SWAR_H_

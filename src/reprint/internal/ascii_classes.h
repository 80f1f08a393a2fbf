// File: reprint/internal/ascii_classes.h
// The byte classes normalization's block path (normalize.cc) needs, for 64
// bytes at once, one bit per byte: ASCII letters and digits, ASCII letters,
// bytes >= 0x80, apostrophes (' and `) and dots.
//
//   const AsciiClasses c = ClassifyAscii64(p);  // p[0, 64) readable
//   const uint64_t word_starts = c.alnum & ~(c.alnum << 1);
//
// With SSE2 (every x86-64 CPU) sixteen bytes take a few vector instructions;
// elsewhere eight bytes at a time in a uint64_t. Both give the same bits
// (tests/ascii_classes_test.cc).
// Header-only; pure functions.
#ifndef REPRINT_INTERNAL_ASCII_CLASSES_H_
#define REPRINT_INTERNAL_ASCII_CLASSES_H_

#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "reprint/internal/swar.h"

namespace reprint::internal {

// Bit k describes byte k.
struct AsciiClasses {
  uint64_t alnum = 0;        // 'a'-'z', 'A'-'Z', '0'-'9'
  uint64_t alpha = 0;        // 'a'-'z', 'A'-'Z'
  uint64_t high = 0;         // >= 0x80
  uint64_t apostrophes = 0;  // ' or `
  uint64_t dots = 0;         // .
  friend bool operator==(const AsciiClasses&, const AsciiClasses&) = default;
};

namespace swar {

// The high bit of each byte of `v` that is an ASCII letter, others clear:
// per-byte range tests (add, then look at bit 7) on the low seven bits,
// which cannot carry into the next byte, and bytes >= 0x80 dropped. Tested
// case-insensitively (| 0x20 maps 'A'-'Z' onto 'a'-'z' and nothing else
// into that range).
inline uint64_t AlphaBits(uint64_t v) {
  const uint64_t l = (v | Broadcast(0x20)) & kLow7;
  return (l + Broadcast(0x80 - 'a')) & ~(l + Broadcast(0x7f - 'z')) & ~v & kHigh;
}

// As AlphaBits, for ASCII letters and digits.
inline uint64_t AlnumBits(uint64_t v) {
  const uint64_t y = v & kLow7;
  const uint64_t digit = (y + Broadcast(0x80 - '0')) & ~(y + Broadcast(0x7f - '9'));
  return (digit & ~v & kHigh) | AlphaBits(v);
}

}  // namespace swar

// Eight bytes at a time (any CPU).
inline AsciiClasses ClassifyAscii64Swar(const unsigned char* p) {
  AsciiClasses c;
  for (int k = 0; k < 8; ++k) {
    const uint64_t v = swar::Load8(p + 8 * k);
    const int shift = 8 * k;
    c.alnum |= uint64_t{swar::MoveMask(swar::AlnumBits(v))} << shift;
    c.alpha |= uint64_t{swar::MoveMask(swar::AlphaBits(v))} << shift;
    c.high |= uint64_t{swar::MoveMask(v & swar::kHigh)} << shift;
    c.apostrophes |= uint64_t{swar::MoveMask(swar::BytesEqual(v, '\'') | swar::BytesEqual(v, '`'))}
                     << shift;
    c.dots |= uint64_t{swar::MoveMask(swar::BytesEqual(v, '.'))} << shift;
  }
  return c;
}

#if defined(__SSE2__)
// Sixteen bytes at a time. A range test [lo, lo + n) is one signed compare
// after shifting lo to -128 (bytes >= 0x80 land above the range).
inline AsciiClasses ClassifyAscii64Sse2(const unsigned char* p) {
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i to_a = _mm_set1_epi8(static_cast<char>(-128 - 'a'));
  const __m128i letters = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i to_0 = _mm_set1_epi8(static_cast<char>(-128 - '0'));
  const __m128i digits = _mm_set1_epi8(static_cast<char>(-128 + 10));
  const __m128i quote = _mm_set1_epi8('\'');
  const __m128i backquote = _mm_set1_epi8('`');
  const __m128i dot = _mm_set1_epi8('.');
  AsciiClasses c;
  for (int k = 0; k < 4; ++k) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i alpha = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(x, case_bit), to_a), letters);
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, to_0), digits);
    const __m128i apostrophe = _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backquote));
    const int shift = 16 * k;
    auto bits = [](__m128i m) { return uint64_t{static_cast<uint16_t>(_mm_movemask_epi8(m))}; };
    c.alpha |= bits(alpha) << shift;
    c.alnum |= bits(_mm_or_si128(alpha, digit)) << shift;
    c.high |= bits(x) << shift;
    c.apostrophes |= bits(apostrophe) << shift;
    c.dots |= bits(_mm_cmpeq_epi8(x, dot)) << shift;
  }
  return c;
}
#endif

// The classes of p[0, 64).
inline AsciiClasses ClassifyAscii64(const unsigned char* p) {
#if defined(__SSE2__)
  return ClassifyAscii64Sse2(p);
#else
  return ClassifyAscii64Swar(p);
#endif
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_ASCII_CLASSES_H_

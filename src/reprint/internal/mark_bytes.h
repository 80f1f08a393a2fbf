// File: reprint/internal/mark_bytes.h
// Finds the next byte that can start a quotation mark (quote.cc): " or ',
// or the lead byte of a guillemet or a curly quote (0xC2, 0xE2).
//
//   size_t i = NextMarkByte(text, begin, end);  // end if there is none
//
// With SSE2 (every x86-64 CPU) sixteen bytes take a few vector
// instructions; elsewhere eight at a time in a uint64_t. Both find the same
// byte as a byte loop (tests/mark_bytes_test.cc).
// Header-only; pure functions.
#ifndef REPRINT_INTERNAL_MARK_BYTES_H_
#define REPRINT_INTERNAL_MARK_BYTES_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "reprint/internal/swar.h"

namespace reprint::internal {

// Whether byte c can start a mark.
inline bool IsMarkByte(unsigned char c) { return c == '"' || c == '\'' || c == 0xC2 || c == 0xE2; }

// The first i in [from, end) with IsMarkByte(text[i]), or end, one byte at
// a time. REQUIRES: from <= end <= text.size()
inline size_t NextMarkByteBytewise(std::string_view text, size_t from, size_t end) {
  for (size_t i = from; i < end; ++i) {
    if (IsMarkByte(static_cast<unsigned char>(text[i]))) return i;
  }
  return end;
}

// The same, eight bytes at a time.
inline size_t NextMarkByteSwar(std::string_view text, size_t from, size_t end) {
  using swar::Broadcast;
  using swar::ZeroBytes;
  size_t i = from;
  for (; i + 8 <= end; i += 8) {
    const uint64_t x = swar::Load8(text.data() + i);
    // The lowest set bit is exact (ZeroBytes).
    const uint64_t hits = ZeroBytes(x ^ Broadcast('"')) | ZeroBytes(x ^ Broadcast('\'')) |
                          ZeroBytes(x ^ Broadcast(0xC2)) | ZeroBytes(x ^ Broadcast(0xE2));
    if (hits != 0) return i + static_cast<size_t>(std::countr_zero(hits)) / 8;
  }
  return NextMarkByteBytewise(text, i, end);
}

#if defined(__SSE2__)
// The same, sixteen bytes at a time.
inline size_t NextMarkByteSse2(std::string_view text, size_t from, size_t end) {
  const __m128i dq = _mm_set1_epi8('"');
  const __m128i sq = _mm_set1_epi8('\'');
  const __m128i c2 = _mm_set1_epi8(static_cast<char>(0xC2));
  const __m128i e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  size_t i = from;
  for (; i + 16 <= end; i += 16) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, dq), _mm_cmpeq_epi8(x, sq)),
                                     _mm_or_si128(_mm_cmpeq_epi8(x, c2), _mm_cmpeq_epi8(x, e2)));
    const unsigned bits = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (bits != 0) return i + static_cast<size_t>(std::countr_zero(bits));
  }
  return NextMarkByteSwar(text, i, end);
}
#endif

// The fastest of the above this CPU runs.
inline size_t NextMarkByte(std::string_view text, size_t from, size_t end) {
#if defined(__SSE2__)
  return NextMarkByteSse2(text, from, end);
#else
  return NextMarkByteSwar(text, from, end);
#endif
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_MARK_BYTES_H_

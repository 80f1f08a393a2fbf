// File: reprint/internal/utf8.h
// Small UTF-8 and white-space helpers shared by the text stages (segment,
// quote, speaker). Internal: not part of the public API; may change at will.
// Pure inline functions; thread-safe.
#ifndef REPRINT_INTERNAL_UTF8_H_
#define REPRINT_INTERNAL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "utf8proc.h"

namespace reprint::internal {

inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Decodes the code point at text[i]; *len gets its length (1 for an invalid
// byte, whose code point is -1). REQUIRES: i < text.size().
inline int32_t DecodeAt(std::string_view text, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  utf8proc_int32_t cp = -1;
  const utf8proc_ssize_t n =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                       static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (n <= 0) {
    *len = 1;
    return -1;
  }
  *len = static_cast<size_t>(n);
  return cp;
}

// Decodes the code point that ends just before text[i]; -1 when invalid.
// REQUIRES: 0 < i <= text.size().
inline int32_t DecodeBefore(std::string_view text, size_t i) {
  size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) --j;
  size_t len = 0;
  const int32_t cp = DecodeAt(text, j, &len);
  return j + len == i ? cp : -1;
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_UTF8_H_

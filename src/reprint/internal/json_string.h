// File: reprint/internal/json_string.h
// A string as a JSON string literal, and a double as a JSON number, byte for
// byte as nlohmann::json's dump (no ASCII escaping, invalid UTF-8 replaced)
// writes them, without building a json value (and a serializer, and a string
// for its output): the report writes every member's text, 630 MB of them at
// 1 GB, and three scores per listed pair.
//
//   std::string out;
//   internal::AppendJsonString("say \"hi\"\n", &out);  // "say \"hi\"\n" quoted
//   internal::AppendJsonDouble(0.25, &out);             // 0.25
//
// Escapes: \" \\ \b \f \n \r \t, other bytes below 0x20 as \u00xx (lower-case
// hex); everything else, DEL and non-ASCII included, as it stands. A string
// that is not well-formed UTF-8 (Unicode table 3-7: no overlong forms,
// surrogates or code points past U+10FFFF) is handed to nlohmann whole, so
// its replacement characters fall exactly where nlohmann puts them.
// tests/json_string_test.cc compares the two on every byte value and on
// random strings.
// Doubles: the test compares the two on every score the report can hold
// (k / 1e6 for k in [0, 1e6]; Grisu2 is not always shortest: 0.000649 is
// written 0.0006489999999999999) and on random and special doubles.
// Internal: not part of the public API. Pure functions; thread-safe.
#ifndef REPRINT_INTERNAL_JSON_STRING_H_
#define REPRINT_INTERNAL_JSON_STRING_H_

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "nlohmann/json.hpp"
#include "reprint/internal/swar.h"

namespace reprint::internal {

// The length of the well-formed UTF-8 sequence starting at s[i], a byte >=
// 0x80; 0 when it is not one.
inline size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto at = [&](size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
  };
  const auto cont = [&](size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    const unsigned c = at(k);
    return c >= lo && c <= hi;
  };
  const unsigned c = at(0);
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c >= 0xE1 && c <= 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// Appends the escaped bytes of `s` (no quotes); false, with *out holding a
// prefix of them, when `s` is not well-formed UTF-8.
inline bool AppendEscapedUtf8(std::string_view s, std::string* out) {
  using swar::Broadcast;
  using swar::kHigh;
  using swar::ZeroBytes;
  size_t run = 0;  // start of the bytes not yet appended, all as they stand
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    if (i + 8 <= n) {  // 8 plain ASCII bytes at once
      const uint64_t x = swar::Load8(s.data() + i);
      // Nonzero when a byte is >= 0x80, < 0x20, '"' or '\\' (and possibly
      // for plain bytes after such a byte, which only sends these eight
      // bytes to the byte loop).
      const uint64_t special = (x & kHigh) | ((x - Broadcast(0x20)) & ~x & kHigh) |
                               ZeroBytes(x ^ Broadcast('"')) | ZeroBytes(x ^ Broadcast('\\'));
      if (special == 0) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t len = Utf8SequenceLength(s, i);
      if (len == 0) return false;
      i += len;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out->append(s.data() + run, i - run);
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default: {
        constexpr char kHex[] = "0123456789abcdef";
        const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out->append(u, sizeof u);
      }
    }
    run = ++i;
  }
  out->append(s.data() + run, n - run);
  return true;
}

// Appends `s` as a quoted JSON string, as nlohmann's dump(indent, ' ',
// false, error_handler_t::replace) writes it.
inline void AppendJsonString(std::string_view s, std::string* out) {
  const size_t start = out->size();
  out->push_back('"');
  if (AppendEscapedUtf8(s, out)) {
    out->push_back('"');
    return;
  }
  out->resize(start);
  out->append(nlohmann::json(std::string(s)).dump(-1, ' ', false,
                                                   nlohmann::json::error_handler_t::replace));
}

// Appends x as nlohmann's dump writes a double: Grisu2's digits placed
// by nlohmann's own formatter (nlohmann::detail::to_chars, which its
// serializer calls for every finite double), "null" if x is not finite.
inline void AppendJsonDouble(double x, std::string* out) {
  if (!std::isfinite(x)) {
    out->append("null");
    return;
  }
  char digits[64];  // the serializer's number buffer
  const char* end = nlohmann::detail::to_chars(digits, digits + sizeof digits, x);
  out->append(digits, static_cast<size_t>(end - digits));
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_JSON_STRING_H_

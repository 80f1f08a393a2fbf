#include "reprint/internal/json_string.h"

#include <bit>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <string_view>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace reprint {
namespace {

// What the report wrote before: nlohmann's dump of the string alone.
std::string NlohmannDump(std::string_view s) {
  return nlohmann::json(std::string(s))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string Ours(std::string_view s) {
  std::string out = "prefix ";  // appends, leaving what is there
  internal::AppendJsonString(s, &out);
  return out.substr(7);
}

TEST(JsonStringTest, KnownEscapes) {
  EXPECT_EQ(Ours(""), "\"\"");
  EXPECT_EQ(Ours("plain text, 8+ bytes long"), "\"plain text, 8+ bytes long\"");
  EXPECT_EQ(Ours("a\"b\\c/d"), "\"a\\\"b\\\\c/d\"");
  EXPECT_EQ(Ours("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
  EXPECT_EQ(Ours(std::string_view("\x00\x01\x1f\x7f", 4)), "\"\\u0000\\u0001\\u001f\x7f\"");
  EXPECT_EQ(Ours("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80"),
            "\"caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80\"");
}

TEST(JsonStringTest, EveryByteAndEveryBytePairAsNlohmann) {
  for (int a = 0; a < 256; ++a) {
    const std::string one(1, static_cast<char>(a));
    ASSERT_EQ(Ours(one), NlohmannDump(one)) << "byte " << a;
    for (int b = 0; b < 256; ++b) {
      // Also placed after 7 plain bytes, so the pair straddles an 8-byte word.
      const std::string two = {static_cast<char>(a), static_cast<char>(b)};
      ASSERT_EQ(Ours(two), NlohmannDump(two)) << "bytes " << a << " " << b;
      const std::string shifted = "1234567" + two + "89abcdefgh";
      ASSERT_EQ(Ours(shifted), NlohmannDump(shifted)) << "bytes " << a << " " << b;
    }
  }
}

// Three- and four-byte sequences around every boundary of table 3-7
// (overlong, surrogate, past U+10FFFF, truncated).
TEST(JsonStringTest, MultiByteBoundariesAsNlohmann) {
  const int leads[] = {0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
                       0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  const int conts[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0};
  for (int lead : leads) {
    for (int c1 : conts) {
      for (int c2 : conts) {
        for (int c3 : conts) {
          const std::string s = {'x', static_cast<char>(lead), static_cast<char>(c1),
                                 static_cast<char>(c2), static_cast<char>(c3), 'y'};
          ASSERT_EQ(Ours(s), NlohmannDump(s)) << lead << " " << c1 << " " << c2 << " " << c3;
          ASSERT_EQ(Ours(s.substr(0, 4)), NlohmannDump(s.substr(0, 4)));  // cut short
        }
      }
    }
  }
}

// Random strings drawn mostly from plain text, with escapes, multi-byte
// characters and, in some, invalid bytes; lengths 0 to 99.
TEST(JsonStringTest, RandomStringsAsNlohmann) {
  const std::string_view pieces[] = {"a",    "word ", "\"",   "\\",           "\n",
                                     "\t",   "\x01", "\x7f", "\xC3\xA9",     "\xE2\x80\x9C",
                                     "\xF0\x9F\x98\x80", "/", "0123456789", "  "};
  const std::string_view bad[] = {"\x80", "\xC3", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                  "\xC0\xAF", "\xFF"};
  std::mt19937 rng(11);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const size_t len = rng() % 100;
    const bool invalid = round % 5 == 0;
    while (s.size() < len) {
      if (invalid && rng() % 20 == 0) {
        s += bad[rng() % std::size(bad)];
      } else {
        s += pieces[rng() % std::size(pieces)];
      }
    }
    ASSERT_EQ(Ours(s), NlohmannDump(s)) << "round " << round;
  }
}

std::string Double(double x) {
  std::string out = "prefix ";  // appends, leaving what is there
  internal::AppendJsonDouble(x, &out);
  return out.substr(7);
}

TEST(JsonStringTest, DoublesAsNlohmann) {
  // Every score the report can hold (RoundScore: millionths in [0, 1]).
  for (uint32_t k = 0; k <= 1000000; ++k) {
    const double x = std::round(k / 1e6 * 1e6) / 1e6;
    ASSERT_EQ(Double(x), nlohmann::ordered_json(x).dump()) << k;
  }
  EXPECT_EQ(Double(0.000649), "0.0006489999999999999");  // Grisu2's, not the shortest
  EXPECT_EQ(Double(1.2e-05), "1.2e-05");
  EXPECT_EQ(Double(std::nan("")), "null");
  for (const double x : {0.0, -0.0, 1.0, -1.5, 1e300, -1e-300, 4.9e-324, 123456789012345678.0,
                         std::numeric_limits<double>::infinity()}) {
    EXPECT_EQ(Double(x), nlohmann::ordered_json(x).dump()) << x;
  }
  std::mt19937_64 rng(7);
  for (int i = 0; i < 100000; ++i) {
    const double x = std::bit_cast<double>(rng());
    if (!std::isfinite(x)) continue;
    ASSERT_EQ(Double(x), nlohmann::ordered_json(x).dump()) << x;
  }
}

}  // namespace
}  // namespace reprint

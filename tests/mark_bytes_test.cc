#include "reprint/internal/mark_bytes.h"

#include <cstdint>
#include <random>
#include <string>

#include "gtest/gtest.h"

namespace reprint::internal {
namespace {

// Every version against the byte loop, for every [from, end) of `text`.
void ExpectAllAgree(const std::string& text) {
  for (size_t from = 0; from <= text.size(); ++from) {
    for (size_t end = from; end <= text.size(); ++end) {
      const size_t want = NextMarkByteBytewise(text, from, end);
      ASSERT_EQ(NextMarkByteSwar(text, from, end), want) << from << " " << end;
#if defined(__SSE2__)
      ASSERT_EQ(NextMarkByteSse2(text, from, end), want) << from << " " << end;
#endif
      ASSERT_EQ(NextMarkByte(text, from, end), want) << from << " " << end;
    }
  }
}

TEST(MarkBytesTest, KnownAnswers) {
  const std::string text = "He said \"no\" and \xE2\x80\x9Cyes\xE2\x80\x9D, \xC2\xAB oui \xC2\xBB";
  EXPECT_EQ(NextMarkByte(text, 0, text.size()), 8u);
  EXPECT_EQ(NextMarkByte(text, 9, text.size()), 11u);
  EXPECT_EQ(NextMarkByte(text, 12, text.size()), 17u);  // E2 of the left curly quote
  EXPECT_EQ(NextMarkByte(text, 0, 8), 8u);              // none before end
  EXPECT_EQ(NextMarkByte("plain text, no marks at all here", 0, 32), 32u);
}

// Every byte value at every position of a 40-byte text (crossing a
// sixteen-byte and an eight-byte step and a tail), among bytes that are
// never marks.
TEST(MarkBytesTest, EveryByteValueAtEveryPosition) {
  for (int value = 0; value < 256; ++value) {
    for (size_t at = 0; at < 40; ++at) {
      std::string text(40, 'a');
      text[at] = static_cast<char>(value);
      SCOPED_TRACE("value " + std::to_string(value) + " at " + std::to_string(at));
      for (size_t from = 0; from <= text.size(); ++from) {
        const size_t want = NextMarkByteBytewise(text, from, text.size());
        ASSERT_EQ(NextMarkByteSwar(text, from, text.size()), want);
#if defined(__SSE2__)
        ASSERT_EQ(NextMarkByteSse2(text, from, text.size()), want);
#endif
      }
    }
  }
}

// Random texts dense in marks and in bytes next to them in value (0x21,
// 0x23, 0x26, 0x28, 0xC1, 0xC3, 0xE1, 0xE3).
TEST(MarkBytesTest, RandomTextsAgreeWithTheByteLoop) {
  std::mt19937_64 rng(20261128);
  const unsigned char alphabet[] = {'a',  ' ',  '"',  '\'', 0xC2, 0xE2, 0x21, 0x23,
                                    0x26, 0x28, 0xC1, 0xC3, 0xE1, 0xE3, 0x80, 0xAB};
  for (int trial = 0; trial < 300; ++trial) {
    std::string text(rng() % 70, ' ');
    const int marks = static_cast<int>(rng() % 4);  // 0: none at all
    for (char& c : text) {
      c = static_cast<char>(alphabet[rng() % (marks == 0 ? 1 : sizeof alphabet)]);
      if (marks == 0 && rng() % 3 == 0) c = static_cast<char>(alphabet[6 + rng() % 10]);
    }
    SCOPED_TRACE("trial " + std::to_string(trial));
    ExpectAllAgree(text);
  }
}

}  // namespace
}  // namespace reprint::internal

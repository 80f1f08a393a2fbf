#include "reprint/shingle.h"

#include <string>

#include "gtest/gtest.h"
#include "xxhash.h"

namespace reprint {
namespace {

NormalizedText Norm(const std::string& s) {
  return Normalize(s, Span{0, static_cast<uint32_t>(s.size())});
}

TEST(ShingleTest, Xxh3KnownAnswers) {
  // From the xxHash sanity table and fixed here so a library change shows.
  EXPECT_EQ(XXH3_64bits_withSeed("", 0, 0), 0x2D06800538D394C2ull);
  EXPECT_EQ(XXH3_64bits_withSeed("by this act the us", 18, 0), 0x2978EB1C4C1673D9ull);
  EXPECT_EQ(XXH3_64bits_withSeed("by this act the us", 18, 7), 0x354DEEA7E46C61DFull);
}

TEST(ShingleTest, WordShinglesHashJoinedWords) {
  ShingleOptions opt;  // 5 words, seed 0
  std::vector<uint64_t> s = Shingle(Norm("By this act, the U.S. forces"), opt);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], 0x2978EB1C4C1673D9ull);  // "by this act the us"
  EXPECT_EQ(s[1], XXH3_64bits_withSeed("this act the us forces", 22, 0));
}

TEST(ShingleTest, SeedChangesHashes) {
  ShingleOptions a, b;
  b.seed = 7;
  EXPECT_EQ(Shingle(Norm("By this act, the U.S."), b)[0], 0x354DEEA7E46C61DFull);
  EXPECT_NE(Shingle(Norm("one two three four five"), a), Shingle(Norm("one two three four five"), b));
}

TEST(ShingleTest, ShortTextGivesOneShingle) {
  ShingleOptions opt;
  std::vector<uint64_t> s = Shingle(Norm("only three words"), opt);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0], XXH3_64bits_withSeed("only three words", 16, 0));
  EXPECT_TRUE(Shingle(Norm("  ,,, "), opt).empty());
}

TEST(ShingleTest, CharacterShingles) {
  ShingleOptions opt;
  opt.kind = ShingleKind::kChar;
  opt.size = 3;
  NormalizedText n = Norm("Ab, cd");  // "ab cd"
  std::vector<uint64_t> s = Shingle(n, opt);
  ASSERT_EQ(s.size(), 3u);  // "ab ", "b c", " cd"
  EXPECT_EQ(s[0], XXH3_64bits_withSeed("ab ", 3, 0));
  EXPECT_EQ(s[2], XXH3_64bits_withSeed(" cd", 3, 0));
  EXPECT_EQ(ShingleStartTokens(n, opt), (std::vector<uint32_t>{0, 0, 1}));
}

TEST(ShingleTest, CharacterShinglesCountCodePoints) {
  ShingleOptions opt;
  opt.kind = ShingleKind::kChar;
  opt.size = 2;
  std::vector<uint64_t> s = Shingle(Norm("\xCE\xB1\xCE\xB2\xCE\xB3"), opt);  // "αβγ"
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], XXH3_64bits_withSeed("\xCE\xB1\xCE\xB2", 4, 0));
}

TEST(ShingleTest, SetIsSortedUnique) {
  EXPECT_EQ(ShingleSet({5, 1, 5, 3, 1}), (std::vector<uint64_t>{1, 3, 5}));
}

TEST(ShingleTest, IntoReusedBufferEqualsFresh) {
  std::vector<uint64_t> reused = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
  for (ShingleKind kind : {ShingleKind::kWord, ShingleKind::kChar, ShingleKind::kCharNoSpace}) {
    for (const std::string& s : {std::string("one two three four five six seven"),
                                 std::string("two words"), std::string("")}) {
      ShingleOptions opt;
      opt.kind = kind;
      opt.size = 3;
      ShingleInto(Norm(s), opt, &reused);
      EXPECT_EQ(reused, Shingle(Norm(s), opt)) << s;
    }
  }
}

TEST(ShingleTest, ValidateRejectsBadSizes) {
  ShingleOptions opt;
  opt.size = 0;
  EXPECT_FALSE(opt.Validate().ok());
  opt.size = 5;
  EXPECT_TRUE(opt.Validate().ok());
}

}  // namespace
}  // namespace reprint

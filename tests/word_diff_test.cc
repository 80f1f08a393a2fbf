// Word diffs: known answers on the seeds' wordings, spans in the originals,
// and a randomised check against a brute-force LCS.
#include "reprint/word_diff.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/normalize.h"
#include "tests/support/mutate.h"

namespace reprint {
namespace {

NormalizedText Norm(const std::string& s) {
  return Normalize(s, Span{0, static_cast<uint32_t>(s.size())});
}

std::string Sub(const std::string& s, Span span) { return s.substr(span.begin, span.size()); }

struct Diffed {
  std::string a, b;
  WordDiff d;
};

Diffed Diff(const std::string& a, const std::string& b, WordDiffOptions opt = {}) {
  Diffed r{a, b, {}};
  const NormalizedText na = Norm(r.a), nb = Norm(r.b);
  r.d = DiffWords(na, r.a, nb, r.b, opt);
  return r;
}

TEST(WordDiffTest, IdenticalUpToCaseQuotesAndApostrophes) {
  const Diffed r = Diff("the Global Coalition, our country\u2019s sovereignty",
                        "The global coalition our country's \u201csovereignty\u201d");
  EXPECT_TRUE(r.d.edits.empty());
  EXPECT_EQ(r.d.equal_words, 6u);
  EXPECT_FALSE(r.d.truncated);
}

// Seed 001 (the fullest wording) against seed 000's.
TEST(WordDiffTest, ByThisActChangedSpellingAndDropped) {
  const Diffed r = Diff(
      "By this act, the US forces jeopardize civil peace. Even more concerning is that the "
      "Global Coalition consistently deviates",
      "By this act, the American forces jeopardise civil peace. Even more concerning is that the "
      "coalition consistently deviates");
  ASSERT_EQ(r.d.edits.size(), 3u);
  const WordEdit& changed = r.d.edits[0];
  EXPECT_EQ(changed.kind, WordEditKind::kChanged);
  EXPECT_EQ(Sub(r.a, changed.ref), "US");
  EXPECT_EQ(Sub(r.b, changed.other), "American");
  EXPECT_EQ(changed.ref_end - changed.ref_begin, 1u);
  const WordEdit& spelling = r.d.edits[1];
  EXPECT_EQ(spelling.kind, WordEditKind::kSpelling);
  EXPECT_EQ(Sub(r.a, spelling.ref), "jeopardize");
  EXPECT_EQ(Sub(r.b, spelling.other), "jeopardise");
  const WordEdit& dropped = r.d.edits[2];
  EXPECT_EQ(dropped.kind, WordEditKind::kDropped);
  EXPECT_EQ(Sub(r.a, dropped.ref), "Global");
  EXPECT_EQ(dropped.other.size(), 0u);
  EXPECT_EQ(dropped.other.begin, r.b.find("coalition consistently"));  // where it would stand
  EXPECT_EQ(r.d.equal_words, 17u);  // spelling edits are matched words
}

TEST(WordDiffTest, AddedWordsAndMultiWordChange) {
  const Diffed r = Diff("attacks on US forces in the region",
                        "attacks on US service members and forces in the wider region");
  ASSERT_EQ(r.d.edits.size(), 2u);
  EXPECT_EQ(r.d.edits[0].kind, WordEditKind::kAdded);
  EXPECT_EQ(Sub(r.b, r.d.edits[0].other), "service members and");
  EXPECT_EQ(r.d.edits[0].ref.size(), 0u);
  EXPECT_EQ(r.d.edits[1].kind, WordEditKind::kAdded);
  EXPECT_EQ(Sub(r.b, r.d.edits[1].other), "wider");

  const Diffed c = Diff("a factor for instability and threatens to entangle Iraq",
                        "a factor of instability and threatens to drag Iraq");
  ASSERT_EQ(c.d.edits.size(), 2u);
  EXPECT_EQ(Sub(c.a, c.d.edits[0].ref), "for");
  EXPECT_EQ(Sub(c.b, c.d.edits[0].other), "of");
  EXPECT_EQ(Sub(c.a, c.d.edits[1].ref), "entangle");
  EXPECT_EQ(Sub(c.b, c.d.edits[1].other), "drag");
}

TEST(WordDiffTest, AbbreviationKeepsItsDot) {
  const Diffed r = Diff("attacks on US forces", "attacks on U.S. forces");
  ASSERT_EQ(r.d.edits.size(), 1u);
  EXPECT_EQ(r.d.edits[0].kind, WordEditKind::kSpelling);
  EXPECT_EQ(Sub(r.b, r.d.edits[0].other), "U.S.");
  // At the end of a sentence the dot is the word's as well (it cannot be
  // told apart); a plain word never takes the following period.
  const Diffed s = Diff("in the region", "in the area.");
  ASSERT_EQ(s.d.edits.size(), 1u);
  EXPECT_EQ(Sub(s.b, s.d.edits[0].other), "area");
}

TEST(WordDiffTest, PartialQuoteIsLeadingAndTrailingDrops) {
  const Diffed r = Diff("killed a commander responsible for directly planning attacks on forces",
                        "responsible for directly planning attacks");
  ASSERT_EQ(r.d.edits.size(), 2u);
  EXPECT_EQ(r.d.edits[0].kind, WordEditKind::kDropped);
  EXPECT_EQ(r.d.edits[0].ref_begin, 0u);
  EXPECT_EQ(r.d.edits[0].ref_end, 3u);
  EXPECT_EQ(r.d.edits[1].kind, WordEditKind::kDropped);
  EXPECT_EQ(r.d.edits[1].ref_end, 10u);
  EXPECT_EQ(r.d.edits[1].other.begin, r.b.size());  // after the last word
}

TEST(WordDiffTest, EmptySides) {
  EXPECT_TRUE(Diff("", "").d.edits.empty());
  const Diffed a = Diff("", "two words");
  ASSERT_EQ(a.d.edits.size(), 1u);
  EXPECT_EQ(a.d.edits[0].kind, WordEditKind::kAdded);
  EXPECT_EQ(a.d.edits[0].ref, (Span{0, 0}));
  const Diffed d = Diff("two words", "...");
  ASSERT_EQ(d.d.edits.size(), 1u);
  EXPECT_EQ(d.d.edits[0].kind, WordEditKind::kDropped);
}

TEST(WordDiffTest, BeyondMaxCellsTheMiddleIsOneChange) {
  WordDiffOptions opt;
  opt.max_cells = 4;
  const Diffed r =
      Diff("same start one two three same end", "same start four five six same end", opt);
  EXPECT_TRUE(r.d.truncated);
  ASSERT_EQ(r.d.edits.size(), 1u);
  EXPECT_EQ(r.d.edits[0].kind, WordEditKind::kChanged);
  EXPECT_EQ(Sub(r.a, r.d.edits[0].ref), "one two three");
  EXPECT_EQ(Sub(r.b, r.d.edits[0].other), "four five six");
  EXPECT_EQ(r.d.equal_words, 4u);
}

size_t BruteLcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<size_t>> t(a.size() + 1, std::vector<size_t>(b.size() + 1, 0));
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
    }
  }
  return t[a.size()][b.size()];
}

// Edits are ordered and disjoint, cover every unmatched word exactly once,
// and the matched words are a longest common subsequence.
TEST(WordDiffTest, RandomPairsAgreeWithBruteForceLcs) {
  const uint64_t seed = testing::TestSeed(2024);
  SCOPED_TRACE("REPRINT_TEST_SEED=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const std::vector<std::string> vocab = {"iraq",  "forces", "the", "coalition",  "mission",
                                          "peace", "civil",  "end", "government", "us"};
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> a, b;
    const size_t na = rng() % 25, nb = rng() % 25;
    for (size_t i = 0; i < na; ++i) a.push_back(vocab[rng() % vocab.size()]);
    b = a;
    for (size_t k = 0; k < nb / 3; ++k) {
      const size_t op = rng() % 3;
      if (op == 0 && !b.empty()) b.erase(b.begin() + static_cast<long>(rng() % b.size()));
      if (op == 1)
        b.insert(b.begin() + static_cast<long>(rng() % (b.size() + 1)),
                 vocab[rng() % vocab.size()]);
      if (op == 2 && !b.empty()) b[rng() % b.size()] = vocab[rng() % vocab.size()];
    }
    const Diffed r = Diff(testing::Join(a), testing::Join(b));
    EXPECT_EQ(r.d.equal_words, BruteLcs(a, b));
    uint32_t ra = 0, rb = 0, last_a = 0, last_b = 0;
    for (const WordEdit& e : r.d.edits) {
      ASSERT_NE(e.kind, WordEditKind::kSpelling);
      EXPECT_GE(e.ref_begin, last_a);
      EXPECT_GE(e.other_begin, last_b);
      EXPECT_LE(e.ref_begin, e.ref_end);
      EXPECT_LE(e.other_begin, e.other_end);
      EXPECT_TRUE(e.ref_end > e.ref_begin || e.other_end > e.other_begin);
      last_a = e.ref_end;
      last_b = e.other_end;
      ra += e.ref_end - e.ref_begin;
      rb += e.other_end - e.other_begin;
    }
    EXPECT_EQ(ra + r.d.equal_words, a.size());
    EXPECT_EQ(rb + r.d.equal_words, b.size());
  }
}

}  // namespace
}  // namespace reprint

#include "reprint/containment.h"

#include <vector>

#include "gtest/gtest.h"

namespace reprint {
namespace {

TEST(ContainmentTest, WinnowKnownAnswer) {
  // Windows of 3 over 5 7 1 8 2 9 3: minima 1 1 1 2 2 -> {1, 2}.
  std::vector<uint64_t> seq = {5, 7, 1, 8, 2, 9, 3};
  EXPECT_EQ(Winnow(seq, 3), (std::vector<uint64_t>{1, 2}));
  // Shorter than the window: everything.
  EXPECT_EQ(Winnow(std::vector<uint64_t>{4, 2}, 3), (std::vector<uint64_t>{2, 4}));
  EXPECT_TRUE(Winnow(std::vector<uint64_t>{}, 3).empty());
}

TEST(ContainmentTest, SharedRunOfWindowGivesSharedFingerprint) {
  std::vector<uint64_t> run = {900, 31, 77, 450};
  std::vector<uint64_t> a = {1000, 2000, 3000};
  a.insert(a.end(), run.begin(), run.end());
  std::vector<uint64_t> b = run;
  b.insert(b.end(), {5000, 6000, 7000, 8000});
  std::vector<uint64_t> fa = Winnow(a, 4), fb = Winnow(b, 4);
  bool shared = false;
  for (uint64_t x : fa) shared |= std::find(fb.begin(), fb.end(), x) != fb.end();
  EXPECT_TRUE(shared);
}

TEST(ContainmentTest, ShortUnitInsideLongOneIsCandidate) {
  std::vector<uint64_t> quote, article, other;
  for (uint64_t i = 0; i < 30; ++i) quote.push_back(i * 7919 + 13);
  for (uint64_t i = 0; i < 60; ++i) article.push_back(1000000 + i * 104729);
  article.insert(article.begin() + 30, quote.begin(), quote.end());
  for (uint64_t i = 0; i < 90; ++i) other.push_back(5000000 + i * 15485863);
  ContainmentOptions opt;
  std::vector<std::vector<uint64_t>> fps = {Winnow(quote, opt.window), Winnow(article, opt.window),
                                            Winnow(other, opt.window)};
  std::vector<CandidatePair> c = ContainmentCandidates(fps, opt, 0.5);
  EXPECT_EQ(c, (std::vector<CandidatePair>{{0, 1}}));
}

TEST(ContainmentTest, CommonFingerprintsAreNotIndexed) {
  ContainmentOptions opt;
  opt.max_postings = 3;
  std::vector<std::vector<uint64_t>> fps(5, std::vector<uint64_t>{42});
  EXPECT_TRUE(ContainmentCandidates(fps, opt, 0.5).empty());
}

TEST(ContainmentTest, Validate) {
  ContainmentOptions opt;
  EXPECT_TRUE(opt.Validate().ok());
  opt.window = 0;
  EXPECT_FALSE(opt.Validate().ok());
}

}  // namespace
}  // namespace reprint

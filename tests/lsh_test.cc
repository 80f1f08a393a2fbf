#include "reprint/lsh.h"

#include <vector>

#include "gtest/gtest.h"

namespace reprint {
namespace {

TEST(LshTest, ForThresholdMeetsRecallTarget) {
  for (double t : {0.3, 0.5, 0.7, 0.8, 0.9}) {
    LshParams p = LshParams::ForThreshold(t, 128);
    EXPECT_TRUE(p.Validate(128).ok()) << t;
    EXPECT_GE(p.CandidateProbability(LshParams::RecallPoint(t)), 0.995) << t;
  }
  // Known answer for the default threshold.
  LshParams p = LshParams::ForThreshold(0.5, 128);
  EXPECT_EQ(p.bands, 22);
  EXPECT_EQ(p.rows, 3);
}

TEST(LshTest, CandidateProbabilityIsMonotone) {
  LshParams p{20, 5};
  double last = -1;
  for (double j = 0; j <= 1.0; j += 0.05) {
    EXPECT_GE(p.CandidateProbability(j), last);
    last = p.CandidateProbability(j);
  }
  EXPECT_DOUBLE_EQ(p.CandidateProbability(1.0), 1.0);
  EXPECT_DOUBLE_EQ(p.CandidateProbability(0.0), 0.0);
}

TEST(LshTest, ValidateChecksProduct) {
  EXPECT_FALSE((LshParams{20, 7}).Validate(128).ok());
  EXPECT_TRUE((LshParams{16, 8}).Validate(128).ok());
}

TEST(LshTest, SharedBandMakesCandidate) {
  // 4 units, 2 bands: units 0 and 2 share band 1; unit 1 and 3 share band 0.
  // Unit-major: {unit0 band0, unit0 band1, unit1 band0, ...}.
  std::vector<uint64_t> keys = {10, 20, 11, 21, 12, 20, 11, 23};
  std::vector<CandidatePair> c = LshCandidates(keys, 4, LshParams{2, 1});
  EXPECT_EQ(c, (std::vector<CandidatePair>{{0, 2}, {1, 3}}));
}

TEST(LshTest, BandKeysDependOnSeedAndBand) {
  std::vector<uint32_t> sig = {1, 2, 1, 2};
  uint64_t k1[2], k2[2];
  BandKeys(sig, LshParams{2, 2}, 5, k1);
  BandKeys(sig, LshParams{2, 2}, 6, k2);
  EXPECT_NE(k1[0], k1[1]);  // same rows, different band seed
  EXPECT_NE(k1[0], k2[0]);
}

TEST(LshTest, HugeBucketIsLinearStar) {
  const uint32_t n = 100000;
  std::vector<uint64_t> keys(n, 42);  // one band, all equal
  LshOptions opt;
  opt.max_bucket_all_pairs = 64;
  std::vector<CandidatePair> c = LshCandidates(keys, n, LshParams{1, 1}, opt);
  ASSERT_EQ(c.size(), n - 1);
  EXPECT_EQ(c.front(), (CandidatePair{0, 1}));
  EXPECT_EQ(c.back(), (CandidatePair{0, n - 1}));
}

TEST(LshTest, SmallBucketGivesAllPairs) {
  std::vector<uint64_t> keys(5, 7);
  EXPECT_EQ(LshCandidates(keys, 5, LshParams{1, 1}).size(), 10u);
}

}  // namespace
}  // namespace reprint

#include "reprint/minhash.h"

#include <cmath>
#include <cstdlib>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/verify.h"

namespace reprint {
namespace {

uint64_t TestSeed() {
  const char* env = std::getenv("REPRINT_TEST_SEED");
  return env ? std::strtoull(env, nullptr, 10) : 20261123;
}

std::vector<uint32_t> Sign(const MinHasher& h, const std::vector<uint64_t>& set) {
  std::vector<uint32_t> sig(static_cast<size_t>(h.num_perm()));
  h.Sign(set, sig.data());
  return sig;
}

// Values from an independent reference (a few lines of Python that run all 2K
// rounds in full, no early stop; reprint/minhash.h defines them):
//   mix = splitmix64 finalizer; s0 = mix(seed ^ 0x9E3779B97F4A7C15);
//   s_r = mix(s0 ^ r * 0xD6E8FEB86659FD93) for r in [1, 2K); h = mix(x ^ s_r);
//   round r < K sends x to bin (h * K) >> 64, round K + j to bin j;
//   bin j keeps the smallest key (r << 51) | (h >> 13);
//   value = key ^ (key >> 32), low 32 bits.
TEST(MinHashTest, KnownAnswer) {
  MinHasher h(MinHashOptions{16, 42});
  std::vector<uint32_t> sig = Sign(h, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  // 10 shingles leave bins empty after round 0: later rounds fill them.
  EXPECT_EQ(sig, (std::vector<uint32_t>{0x876611feu, 0xe986a967u, 0x069a1f0cu, 0xe74a1468u,
                                        0xd653ce43u, 0x6bb4d303u, 0x609fb039u, 0x95823e60u,
                                        0xe1f06d30u, 0x859826b1u, 0x8584f2b7u, 0xb0f55b5eu,
                                        0xaac2382eu, 0xe0caa06bu, 0x29bad11au, 0x55aa1effu}));
  // One shingle: every bin is filled from it, some only in rounds K..2K-1.
  MinHasher one(MinHashOptions{8, 3});
  EXPECT_EQ(Sign(one, {7}), (std::vector<uint32_t>{0x842be665u, 0x229ee492u, 0x4e16da50u,
                                                   0x1ba01515u, 0x5909dff9u, 0x1c8aeec2u,
                                                   0xc6b5aa79u, 0x5ee6caf8u}));
}

TEST(MinHashTest, OrderAndDuplicatesDoNotMatter) {
  MinHasher h(MinHashOptions{128, 1});
  EXPECT_EQ(Sign(h, {3, 1, 2, 2, 3}), Sign(h, {1, 2, 3}));
}

TEST(MinHashTest, EmptyInput) {
  MinHasher h(MinHashOptions{8, 1});
  EXPECT_EQ(Sign(h, {}), std::vector<uint32_t>(8, 0xFFFFFFFFu));
}

TEST(MinHashTest, IdenticalAndDisjointSets) {
  MinHasher h(MinHashOptions{128, 9});
  std::vector<uint64_t> a, b;
  for (uint64_t i = 0; i < 300; ++i) {
    a.push_back(i * 0x9E3779B97F4A7C15ull);
    b.push_back((i + 1000) * 0x9E3779B97F4A7C15ull);
  }
  EXPECT_EQ(EstimateJaccard(Sign(h, a), Sign(h, a)), 1.0);
  EXPECT_EQ(EstimateJaccard(Sign(h, a), Sign(h, b)), 0.0);
}

// The estimate stays within 4 standard deviations of K-permutation MinHash:
// |Ĵ - J| <= 4 * sqrt(J (1 - J) / K), for set sizes from far below K to far
// above it (where round 0 leaves bins empty or not). Half the trials draw
// small sets (1 to 40 shingles, as paragraphs have), where later rounds fill
// most bins.
TEST(MinHashTest, EstimateWithinStatisticalBound) {
  const uint64_t seed = TestSeed();
  SCOPED_TRACE("REPRINT_TEST_SEED=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  constexpr int kK = 128;
  int trials = 0;
  double sum_error = 0;
  for (int trial = 0; trial < 400; ++trial) {
    MinHasher h(MinHashOptions{kK, rng()});
    const bool small = trial % 2 == 1;
    const size_t shared = small ? 1 + rng() % 20 : 5 + rng() % 800;
    const size_t only_a = rng() % (small ? 20 : 600);
    const size_t only_b = rng() % (small ? 20 : 600);
    std::vector<uint64_t> a, b;
    for (size_t i = 0; i < shared; ++i) {
      uint64_t x = rng();
      a.push_back(x);
      b.push_back(x);
    }
    for (size_t i = 0; i < only_a; ++i) a.push_back(rng());
    for (size_t i = 0; i < only_b; ++i) b.push_back(rng());
    const double j = static_cast<double>(shared) / (shared + only_a + only_b);
    const double est = EstimateJaccard(Sign(h, a), Sign(h, b));
    const double bound = 4.0 * std::sqrt(j * (1 - j) / kK);
    EXPECT_LE(std::abs(est - j), bound + 1e-9)
        << "J=" << j << " est=" << est << " sizes " << a.size() << "," << b.size();
    sum_error += est - j;
    ++trials;
  }
  // No systematic bias: the mean error is within 4 standard errors of 0
  // (per-trial standard deviation at most 0.5/sqrt(K)).
  const double mean = sum_error / trials;
  EXPECT_LE(std::abs(mean), 4.0 * (0.5 / std::sqrt(kK)) / std::sqrt(trials));
}

TEST(MinHashTest, ValidateRange) {
  EXPECT_FALSE((MinHashOptions{0, 0}).Validate().ok());
  EXPECT_TRUE((MinHashOptions{128, 0}).Validate().ok());
}

}  // namespace
}  // namespace reprint

#include "reprint/containment.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
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

// WinnowInto reuses one output vector: each call's result is its own,
// whatever the vector held before (longer, shorter, or the same input).
TEST(ContainmentTest, WinnowIntoOverwritesItsOutput) {
  const std::vector<uint64_t> long_seq = {5, 7, 1, 8, 2, 9, 3, 11, 4, 6};
  const std::vector<uint64_t> short_seq = {4, 2};
  std::vector<uint64_t> out = {99, 98, 97};
  WinnowInto(long_seq, 3, &out);
  EXPECT_EQ(out, Winnow(long_seq, 3));
  WinnowInto(short_seq, 3, &out);
  EXPECT_EQ(out, (std::vector<uint64_t>{2, 4}));
  WinnowInto(std::vector<uint64_t>{}, 3, &out);
  EXPECT_TRUE(out.empty());
  WinnowInto(long_seq, 3, &out);
  EXPECT_EQ(out, Winnow(long_seq, 3));
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

// The definition, window by window: the rightmost minimum of every window,
// consecutive repeats of one position kept once.
std::vector<uint64_t> WinnowReference(const std::vector<uint64_t>& seq, size_t w) {
  std::vector<uint64_t> out;
  if (seq.size() <= w) {
    out = seq;
  } else {
    for (size_t i = 0; i + w <= seq.size(); ++i) {
      size_t m = i;
      for (size_t j = i; j < i + w; ++j) {
        if (seq[j] <= seq[m]) m = j;
      }
      out.push_back(seq[m]);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

TEST(ContainmentTest, WinnowMatchesTheDefinitionWithManyTies) {
  const uint32_t seed = 20261127;  // fixed; printed on failure
  std::mt19937_64 rng(seed);
  for (int trial = 0; trial < 2000; ++trial) {
    const size_t n = rng() % 60;
    const uint64_t alphabet = 1 + rng() % 6;  // small: ties everywhere
    std::vector<uint64_t> seq(n);
    for (uint64_t& x : seq) x = rng() % alphabet;
    const int w = 1 + static_cast<int>(rng() % 8);
    ASSERT_EQ(Winnow(seq, w), WinnowReference(seq, static_cast<size_t>(w)))
        << "seed " << seed << " trial " << trial << " window " << w;
  }
}

// Long sequences of random hashes and of few values, windows from 1 to the
// largest allowed (ContainmentOptions::Validate).
TEST(ContainmentTest, WinnowMatchesTheDefinitionOnLongSequences) {
  const uint32_t seed = 20261128;  // fixed; printed on failure
  std::mt19937_64 rng(seed);
  for (int trial = 0; trial < 60; ++trial) {
    const size_t n = 1000 + rng() % 4000;
    const uint64_t alphabet = trial % 2 == 0 ? ~uint64_t{0} : 1 + rng() % 50;
    std::vector<uint64_t> seq(n);
    for (uint64_t& x : seq) x = rng() % alphabet;
    const int w = trial % 10 == 9 ? 1024 : trial % 10 == 8 ? 300 : 1 + static_cast<int>(rng() % 40);
    ASSERT_EQ(Winnow(seq, w), WinnowReference(seq, static_cast<size_t>(w)))
        << "seed " << seed << " trial " << trial << " window " << w << " n " << n;
  }
}

// Brute force over all pairs: fingerprints shared through indexed groups (2
// to max_postings units) against the smaller unit's count.
std::vector<CandidatePair> ContainmentReference(const std::vector<std::vector<uint64_t>>& fps,
                                                const ContainmentOptions& opt, double threshold) {
  std::map<uint64_t, uint32_t> carriers;
  for (const auto& f : fps) {
    for (uint64_t x : f) ++carriers[x];
  }
  std::vector<CandidatePair> out;
  for (uint32_t u = 0; u < fps.size(); ++u) {
    for (uint32_t v = u + 1; v < fps.size(); ++v) {
      uint32_t shared = 0;
      for (uint64_t x : fps[u]) {
        const uint32_t c = carriers[x];
        if (c >= 2 && c <= opt.max_postings &&
            std::binary_search(fps[v].begin(), fps[v].end(), x)) {
          ++shared;
        }
      }
      const size_t smaller = std::min(fps[u].size(), fps[v].size());
      const double need = std::max(1.0, std::floor(opt.slack * threshold * smaller));
      if (shared > 0 && shared >= need) out.push_back({u, v});
    }
  }
  return out;
}

// Fingerprints of `units` units: each unit's own plus some of a shared pool,
// all spread over the whole 64-bit range (so over every index bucket).
std::vector<std::vector<uint64_t>> PooledFingerprints(uint32_t seed, size_t units) {
  std::mt19937_64 rng(seed);
  std::vector<uint64_t> pool(300);
  for (uint64_t& x : pool) x = rng();
  std::vector<std::vector<uint64_t>> fps(units);
  for (auto& f : fps) {
    const size_t own = rng() % 20, shared = rng() % 25;
    for (size_t k = 0; k < own; ++k) f.push_back(rng());
    for (size_t k = 0; k < shared; ++k) f.push_back(pool[rng() % pool.size()]);
    std::sort(f.begin(), f.end());
    f.erase(std::unique(f.begin(), f.end()), f.end());
  }
  return fps;
}

TEST(ContainmentTest, CandidatesMatchBruteForceForAnyThreadCount) {
  const uint32_t seed = 7;  // fixed; printed on failure
  ContainmentOptions opt;
  opt.max_postings = 6;
  const std::vector<std::vector<uint64_t>> fps = PooledFingerprints(seed, 120);
  const std::vector<CandidatePair> want = ContainmentReference(fps, opt, 0.5);
  ASSERT_FALSE(want.empty());
  for (int threads : {1, 2, 3, 8}) {
    EXPECT_EQ(ContainmentCandidates(fps, opt, 0.5, threads), want)
        << "seed " << seed << " threads " << threads;
  }
}

TEST(ContainmentTest, CandidatesMatchBruteForceWithCrowdedBuckets) {
  // Shared fingerprints agree in their top 12 bits (one index bucket) and
  // many share the next bits too, so buckets hold thousands of postings and
  // are split and sorted in parts; some fingerprints exceed max_postings.
  for (uint32_t seed : {11u, 12u}) {
    std::mt19937_64 rng(seed);
    std::vector<uint64_t> pool(400);
    for (uint64_t& x : pool) {
      x = (uint64_t{0xABC} << 52) | (rng() % 64) << 40 | (rng() & 0xFFFFFFFFFFull);
    }
    pool[0] = pool[1] ^ 1;  // neighbours in the last bit
    ContainmentOptions opt;
    opt.max_postings = 40;
    std::vector<std::vector<uint64_t>> fps(800);
    for (auto& f : fps) {
      const size_t own = rng() % 10, shared = rng() % 30;
      for (size_t k = 0; k < own; ++k) f.push_back(rng());
      for (size_t k = 0; k < shared; ++k) f.push_back(pool[rng() % (k % 2 ? 20 : pool.size())]);
      std::sort(f.begin(), f.end());
      f.erase(std::unique(f.begin(), f.end()), f.end());
    }
    const std::vector<CandidatePair> want = ContainmentReference(fps, opt, 0.5);
    ASSERT_FALSE(want.empty());
    // Rounds of at most 100 postings: the crowded bucket is a round alone,
    // larger than the limit.
    for (uint64_t round_postings : {0, 100}) {
      opt.round_postings = round_postings;
      for (int threads : {1, 2, 3}) {
        EXPECT_EQ(ContainmentCandidates(fps, opt, 0.5, threads), want)
            << "seed " << seed << " round_postings " << round_postings << " threads " << threads;
      }
    }
  }
}

TEST(ContainmentTest, CandidatesMatchBruteForceWhenIndexedInManyRounds) {
  // Rounds of at most 16 and 400 postings (of a few thousand): the index is
  // built in hundreds of rounds of a few buckets each, or in about ten, not
  // in one.
  const uint32_t seed = 8;  // fixed; printed on failure
  const std::vector<std::vector<uint64_t>> fps = PooledFingerprints(seed, 150);
  ContainmentOptions opt;
  opt.max_postings = 6;
  const std::vector<CandidatePair> want = ContainmentReference(fps, opt, 0.5);
  ASSERT_FALSE(want.empty());
  for (uint64_t round_postings : {16, 400}) {
    opt.round_postings = round_postings;
    for (int threads : {1, 2, 3}) {
      EXPECT_EQ(ContainmentCandidates(fps, opt, 0.5, threads), want)
          << "seed " << seed << " round_postings " << round_postings << " threads " << threads;
    }
  }
}

TEST(ContainmentTest, SpilledFingerprintsGiveTheSameCandidates) {
  const uint32_t seed = 9;  // fixed; printed on failure
  const std::vector<std::vector<uint64_t>> fps = PooledFingerprints(seed, 200);
  ShingleSets sets(SpillOptions{.above_bytes = 1024, .min_mean_values = 0, .dir = {}});
  for (const std::vector<uint64_t>& f : fps) sets.Add(f);
  ASSERT_TRUE(sets.spilled());
  ContainmentOptions opt;
  opt.max_postings = 6;
  const std::vector<CandidatePair> want = ContainmentCandidates(fps, opt, 0.5);
  ASSERT_FALSE(want.empty());
  EXPECT_EQ(want, ContainmentReference(fps, opt, 0.5)) << "seed " << seed;
  for (uint64_t round_postings : {0, 100}) {
    opt.round_postings = round_postings;
    for (int threads : {1, 2}) {
      EXPECT_EQ(ContainmentCandidates(sets, opt, 0.5, threads), want)
          << "seed " << seed << " round_postings " << round_postings << " threads " << threads;
    }
  }
  EXPECT_TRUE(sets.status().ok()) << sets.status();
}

TEST(ContainmentTest, IndexOverManyPages) {
  // 100000 units in blocks of 2 to 6 that share one fingerprint each, plus
  // one of each unit's own: the index holds more groups than fit one of its
  // pages (2^16 entries), and every pair within a block, only those, shares
  // enough (1 of 2 fingerprints; need max(1, floor(0.5 * 0.5 * 2)) = 1).
  const uint64_t kMix = 0x9E3779B97F4A7C15ull;  // spreads ids over all buckets
  std::vector<std::vector<uint64_t>> fps;
  std::vector<CandidatePair> want;
  for (uint64_t block = 0; fps.size() < 100000; ++block) {
    const uint32_t first = static_cast<uint32_t>(fps.size());
    const uint32_t size = 2 + static_cast<uint32_t>(block % 5);
    for (uint32_t u = first; u < first + size; ++u) {
      std::vector<uint64_t> f = {(2 * block + 1) * kMix, (2 * uint64_t{u} + 2) * kMix << 1};
      std::sort(f.begin(), f.end());
      fps.push_back(f);
      for (uint32_t v = u + 1; v < first + size; ++v) want.push_back({u, v});
    }
  }
  ContainmentOptions opt;
  for (int threads : {1, 2}) EXPECT_EQ(ContainmentCandidates(fps, opt, 0.5, threads), want);
}

TEST(ContainmentTest, Validate) {
  ContainmentOptions opt;
  EXPECT_TRUE(opt.Validate().ok());
  opt.window = 0;
  EXPECT_FALSE(opt.Validate().ok());
}

}  // namespace
}  // namespace reprint

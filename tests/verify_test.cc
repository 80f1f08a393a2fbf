#include "reprint/verify.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/cluster.h"

namespace reprint {
namespace {

TEST(VerifyTest, ScorePairKnownAnswers) {
  std::vector<uint64_t> a = {1, 2, 3, 4}, b = {3, 4, 5, 6, 7, 8, 9, 10};
  PairScore s = ScorePair(a, b);
  EXPECT_EQ(s.shared, 2u);
  EXPECT_DOUBLE_EQ(s.jaccard(), 0.2);
  EXPECT_DOUBLE_EQ(s.containment_a_in_b(), 0.5);
  EXPECT_DOUBLE_EQ(s.containment_b_in_a(), 0.25);
  EXPECT_DOUBLE_EQ(s.containment_of_smaller(), 0.5);
}

TEST(VerifyTest, QualifiesPerMeasure) {
  // 30 shingles inside 120: containment 1.0, Jaccard 0.25.
  std::vector<uint64_t> small, big;
  for (uint64_t i = 0; i < 120; ++i) big.push_back(i);
  for (uint64_t i = 0; i < 30; ++i) small.push_back(i);
  PairScore s = ScorePair(small, big);
  EXPECT_DOUBLE_EQ(s.jaccard(), 0.25);
  EXPECT_FALSE(Qualifies(s, Measure::kJaccard, 0.5));
  EXPECT_TRUE(Qualifies(s, Measure::kContainment, 0.5));
  EXPECT_TRUE(Qualifies(s, Measure::kBoth, 0.5));
}

TEST(VerifyTest, EmptySetsNeverQualify) {
  PairScore s = ScorePair({}, {});
  EXPECT_FALSE(Qualifies(s, Measure::kBoth, 0.1));
}

TEST(VerifyTest, VerifyKeepsQualifyingAndRespectsAllowed) {
  ShingleSets sets;
  sets.Add(std::vector<uint64_t>{1, 2, 3});
  sets.Add(std::vector<uint64_t>{1, 2, 3});
  sets.Add(std::vector<uint64_t>{7, 8, 9});
  sets.Add(std::vector<uint64_t>{1, 2, 3, 4});
  std::vector<CandidatePair> cand = {{0, 1}, {0, 2}, {0, 3}, {1, 3}};
  VerifyStats stats;
  auto allowed = [](uint32_t a, uint32_t b) { return !(a == 1 && b == 3); };
  for (int threads : {1, 2, 3}) {
    std::vector<VerifiedPair> v = Verify(cand, sets, Measure::kJaccard, 0.5, allowed, threads, nullptr);
    ASSERT_EQ(v.size(), 2u);
    EXPECT_EQ(v[0].a, 0u);
    EXPECT_EQ(v[0].b, 1u);
    EXPECT_EQ(v[1].b, 3u);
  }
  Verify(cand, sets, Measure::kJaccard, 0.5, allowed, 2, &stats);
  EXPECT_EQ(stats.candidates, 4u);
  EXPECT_EQ(stats.skipped, 1u);
  EXPECT_EQ(stats.verified, 2u);
  EXPECT_EQ(VerifyAllPairs(sets, Measure::kJaccard, 0.5, nullptr, 2, nullptr).size(), 3u);
}

TEST(VerifyTest, MinSharedToQualifyMatchesQualifies) {
  // For every size pair and shared count, Qualifies() on the score must hold
  // exactly from MinSharedToQualify() on: the early exit in Verify() rests
  // on it. Thresholds include ones whose products are not exact in binary.
  for (double t : {0.0, 0.1, 0.3, 1.0 / 3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0, 1.5}) {
    for (Measure m : {Measure::kJaccard, Measure::kContainment, Measure::kBoth}) {
      for (uint32_t na = 0; na <= 60; ++na) {
        for (uint32_t nb = 0; nb <= 60; ++nb) {
          const size_t need = MinSharedToQualify(na, nb, m, t);
          for (uint32_t shared = 0; shared <= std::min(na, nb); ++shared) {
            PairScore s;
            s.size_a = na;
            s.size_b = nb;
            s.shared = shared;
            ASSERT_EQ(Qualifies(s, m, t), shared >= need)
                << "t " << t << " measure " << MeasureName(m) << " sizes " << na << " " << nb
                << " shared " << shared << " need " << need;
          }
        }
      }
    }
  }
}

TEST(VerifyTest, VerifyMatchesScorePairOnRandomSets) {
  // Sets drawn from a small universe so that scores spread around the
  // thresholds; every candidate pair, several thresholds and measures.
  std::mt19937_64 rng(21);
  ShingleSets sets;
  for (int i = 0; i < 120; ++i) {
    std::vector<uint64_t> set;
    const uint64_t universe = 20 + rng() % 200;
    const size_t size = rng() % 90;
    for (size_t k = 0; k < size; ++k) set.push_back(rng() % universe);
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    sets.Add(set);
  }
  std::vector<CandidatePair> cand;
  for (uint32_t a = 0; a < sets.size(); ++a) {
    for (uint32_t b = a + 1; b < sets.size(); ++b) cand.push_back({a, b});
  }
  for (double t : {0.1, 0.3, 0.5, 0.8}) {
    for (Measure m : {Measure::kJaccard, Measure::kContainment, Measure::kBoth}) {
      std::vector<VerifiedPair> want;
      for (const CandidatePair& c : cand) {
        const PairScore s = ScorePair(sets[c.a], sets[c.b]);
        if (Qualifies(s, m, t)) want.push_back({c.a, c.b, s});
      }
      for (int threads : {1, 2}) {
        const std::vector<VerifiedPair> got = Verify(cand, sets, m, t, {}, threads, nullptr);
        ASSERT_EQ(got.size(), want.size()) << t << " " << MeasureName(m);
        for (size_t i = 0; i < got.size(); ++i) {
          EXPECT_EQ(got[i].a, want[i].a);
          EXPECT_EQ(got[i].b, want[i].b);
          // Bit-exact: the report prints these doubles.
          EXPECT_EQ(got[i].score.jaccard(), want[i].score.jaccard());
          EXPECT_EQ(got[i].score.containment_a_in_b(), want[i].score.containment_a_in_b());
          EXPECT_EQ(got[i].score.containment_b_in_a(), want[i].score.containment_b_in_a());
          EXPECT_EQ(got[i].score.shared, want[i].score.shared);
          EXPECT_EQ(got[i].score.size_a, want[i].score.size_a);
          EXPECT_EQ(got[i].score.size_b, want[i].score.size_b);
        }
        EXPECT_EQ(VerifyAllPairs(sets, m, t, nullptr, threads, nullptr).size(), want.size());
      }
    }
  }
}

// Every field of every pair equal (bit-exact scores: the report prints them).
void ExpectSamePairs(const std::vector<VerifiedPair>& got, const std::vector<VerifiedPair>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].a, want[i].a) << i;
    EXPECT_EQ(got[i].b, want[i].b) << i;
    EXPECT_EQ(got[i].score.jaccard(), want[i].score.jaccard()) << i;
    EXPECT_EQ(got[i].score.containment_a_in_b(), want[i].score.containment_a_in_b()) << i;
    EXPECT_EQ(got[i].score.containment_b_in_a(), want[i].score.containment_b_in_a()) << i;
    EXPECT_EQ(got[i].score.shared, want[i].score.shared) << i;
  }
}

// Spilled sets are scored a connected component of candidates at a time (a
// component past 32 MB of sets pair by pair, one with many candidates by all
// threads): the same pairs, in the same order, with the same skips, as sets
// in memory.
TEST(VerifyTest, SpilledSetsVerifyAsInMemory) {
  std::mt19937_64 rng(22);
  ShingleSets memory, spilled(SpillOptions{.above_bytes = 0, .min_mean_values = 0, .dir = {}});
  // 300 small sets in families of five over small universes, then 100 sets
  // of about 45,000 values (36 MB), each overlapping the next, chained into
  // one component.
  std::vector<CandidatePair> cand;
  for (uint32_t i = 0; i < 400; ++i) {
    std::vector<uint64_t> set;
    const bool big = i >= 300;
    const uint64_t universe = big ? 100000 : 20 + (i / 5) % 7 * 30;
    const uint64_t base = big ? (i - 300) * 20000 : i / 5 * 1000;
    const size_t size = big ? 60000 : rng() % 90;
    for (size_t k = 0; k < size; ++k) set.push_back(base + rng() % universe);
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    memory.Add(set);
    spilled.Add(set);
  }
  ASSERT_TRUE(spilled.spilled());
  // Components: ten families alone (sets 0-49), then families linked to the
  // next into one component (50-299), then the large sets' one (300-399).
  // With 3 threads the last two have more than their share of candidates.
  for (uint32_t a = 0; a < 300; ++a) {
    const uint32_t last_family = a < 50 ? a / 5 : a / 5 + 1;
    for (uint32_t b = a + 1; b < 300 && b / 5 <= last_family; ++b) cand.push_back({a, b});
  }
  for (uint32_t a = 300; a + 1 < 400; ++a) {
    for (uint32_t d : {1u, 2u, 3u, 7u}) {
      if (a + d < 400) cand.push_back({a, a + d});
    }
  }
  std::sort(cand.begin(), cand.end());
  auto allowed = [](uint32_t a, uint32_t b) { return (a * 7 + b) % 11 != 0; };
  for (double t : {0.2, 0.5}) {
    for (int threads : {1, 3}) {
      VerifyStats want_stats, got_stats;
      const std::vector<VerifiedPair> want =
          Verify(cand, memory, Measure::kBoth, t, allowed, threads, &want_stats);
      const std::vector<VerifiedPair> got =
          Verify(cand, spilled, Measure::kBoth, t, allowed, threads, &got_stats);
      ASSERT_GT(want.size(), 50u);
      ExpectSamePairs(got, want);
      EXPECT_EQ(got_stats.skipped, want_stats.skipped);
      EXPECT_EQ(got_stats.verified, want_stats.verified);
    }
  }
  EXPECT_TRUE(spilled.status().ok());
}

TEST(VerifyTest, EqualSetsAreScoredAsPairByPair) {
  // Many units share a set (copies of a paragraph; empty ones too), as in
  // paragraph scans: a pair of sets is scored once for all the candidates
  // between them, which must give every candidate its own pair-by-pair
  // result, with `allowed` still asked per candidate.
  for (uint32_t seed : {1u, 2u, 3u}) {
    std::mt19937_64 rng(seed);
    std::vector<std::vector<uint64_t>> bases;
    for (int i = 0; i < 40; ++i) {
      std::vector<uint64_t> set;
      const uint64_t universe = 10 + rng() % 60;
      const size_t size = rng() % 40;
      for (size_t k = 0; k < size; ++k) set.push_back(rng() % universe);
      std::sort(set.begin(), set.end());
      set.erase(std::unique(set.begin(), set.end()), set.end());
      bases.push_back(set);
    }
    ShingleSets memory, spilled(SpillOptions{.above_bytes = 0, .min_mean_values = 0, .dir = {}});
    for (int i = 0; i < 300; ++i) {
      const std::vector<uint64_t>& set = bases[rng() % (seed == 3 ? 3 : bases.size())];
      memory.Add(set);
      spilled.Add(set);
    }
    std::vector<CandidatePair> cand;
    for (uint32_t a = 0; a < 300; ++a) {
      for (uint32_t b = a + 1; b < 300; ++b) {
        if (rng() % 3 == 0) cand.push_back({a, b});
      }
    }
    auto allowed = [](uint32_t a, uint32_t b) { return (a * 7 + b) % 11 != 0; };
    for (double t : {0.3, 0.5, 0.9}) {
      for (Measure m : {Measure::kJaccard, Measure::kBoth}) {
        std::vector<VerifiedPair> want;
        uint64_t skipped = 0;
        for (const CandidatePair& c : cand) {
          if (!allowed(c.a, c.b)) {
            ++skipped;
            continue;
          }
          const PairScore s = ScorePair(memory[c.a], memory[c.b]);
          if (Qualifies(s, m, t)) want.push_back({c.a, c.b, s});
        }
        for (int threads : {1, 2, 3}) {
          VerifyStats stats;
          ExpectSamePairs(Verify(cand, memory, m, t, allowed, threads, &stats), want);
          EXPECT_EQ(stats.skipped, skipped);
          EXPECT_EQ(stats.verified, want.size());
          ExpectSamePairs(Verify(cand, spilled, m, t, allowed, threads, nullptr), want);
        }
      }
    }
  }
}

TEST(ClusterTest, ConnectedComponentsSorted) {
  std::vector<VerifiedPair> pairs = {{5, 6, {}}, {0, 3, {}}, {3, 4, {}}, {1, 2, {}}};
  std::vector<Cluster> c = BuildClusters(8, pairs, PairListing::kAll);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].members, (std::vector<uint32_t>{0, 3, 4}));
  EXPECT_EQ(c[1].members, (std::vector<uint32_t>{1, 2}));
  EXPECT_EQ(c[2].members, (std::vector<uint32_t>{5, 6}));
  ASSERT_EQ(c[0].pairs.size(), 2u);
  EXPECT_EQ(c[0].pairs[0].a, 0u);
  EXPECT_EQ(c[0].pairs[1].a, 3u);
}

// Two sets of 1,000 sharing `link` of them: LinkScore is `link`.
VerifiedPair Scored(uint32_t a, uint32_t b, double link) {
  VerifiedPair p{a, b, {}};
  p.score.size_a = p.score.size_b = 1000;
  p.score.shared = static_cast<uint32_t>(std::lround(link * 1000));
  return p;
}

TEST(ClusterTest, SpanningSetKeepsStrongestLinks) {
  // A triangle 0-1 (0.9), 1-2 (0.8), 0-2 (0.6): the tree drops 0-2.
  std::vector<VerifiedPair> pairs = {Scored(0, 1, 0.9), Scored(0, 2, 0.6), Scored(1, 2, 0.8)};
  std::vector<Cluster> c = BuildClusters(3, pairs, PairListing::kSpanning);
  ASSERT_EQ(c.size(), 1u);
  ASSERT_EQ(c[0].pairs.size(), 2u);
  EXPECT_EQ(c[0].pairs[0].b, 1u);
  EXPECT_EQ(c[0].pairs[1].a, 1u);
  EXPECT_EQ(BuildClusters(3, pairs, PairListing::kAll)[0].pairs.size(), 3u);
}

TEST(ClusterTest, SpanningSetIsLinearForOneHugeCluster) {
  // 2,000 identical units verified all-pairs: 1,999,000 pairs in, n-1 out.
  std::vector<VerifiedPair> pairs;
  const uint32_t n = 2000;
  for (uint32_t a = 0; a < n; ++a) {
    for (uint32_t b = a + 1; b < n; ++b) pairs.push_back(Scored(a, b, 1.0));
  }
  std::vector<Cluster> c = BuildClusters(n, pairs);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].members.size(), n);
  EXPECT_EQ(c[0].pairs.size(), n - 1);
}

TEST(ClusterTest, UnionFindChains) {
  UnionFind uf(100000);
  for (uint32_t i = 1; i < 100000; ++i) uf.Union(i - 1, i);
  EXPECT_EQ(uf.Find(0), uf.Find(99999));
}

}  // namespace
}  // namespace reprint

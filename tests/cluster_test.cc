#include "reprint/cluster.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace reprint {
namespace {

// The Kruskal order BuildClusters had before it sorted by radix: std::sort of
// indices by LinkScore descending, ties by (a, b).
std::vector<Cluster> ReferenceClusters(uint32_t num_units, const std::vector<VerifiedPair>& pairs,
                                       PairListing listing) {
  std::vector<uint32_t> order(pairs.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const double sx = LinkScore(pairs[x].score), sy = LinkScore(pairs[y].score);
    if (sx != sy) return sx > sy;
    return pairs[x].a != pairs[y].a ? pairs[x].a < pairs[y].a : pairs[x].b < pairs[y].b;
  });
  UnionFind uf(num_units);
  std::vector<bool> in_tree(pairs.size(), false);
  for (uint32_t i : order) {
    in_tree[i] = uf.Find(pairs[i].a) != uf.Find(pairs[i].b);
    uf.Union(pairs[i].a, pairs[i].b);
  }
  std::vector<int64_t> index(num_units, -1);
  std::vector<Cluster> clusters;
  std::vector<bool> linked(num_units, false);
  for (const VerifiedPair& p : pairs) linked[p.a] = linked[p.b] = true;
  for (uint32_t u = 0; u < num_units; ++u) {
    if (!linked[u]) continue;
    const uint32_t r = uf.Find(u);
    if (index[r] < 0) {
      index[r] = static_cast<int64_t>(clusters.size());
      clusters.emplace_back();
    }
    clusters[static_cast<size_t>(index[r])].members.push_back(u);
  }
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (listing == PairListing::kSpanning && !in_tree[i]) continue;
    clusters[static_cast<size_t>(index[uf.Find(pairs[i].a)])].pairs.push_back(pairs[i]);
  }
  for (Cluster& c : clusters) {
    std::sort(c.pairs.begin(), c.pairs.end(), [](const VerifiedPair& x, const VerifiedPair& y) {
      return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
  }
  return clusters;
}

// Random unique pairs with scores from few distinct values (many ties), in
// (a, b) order as Verify() gives them, or shuffled. With `close`, the sets
// have some 2^31 shingles and share all but one to eight, so scores differ
// only in their last bits (1 - k / 2^31).
std::vector<VerifiedPair> RandomPairs(std::mt19937_64& rng, uint32_t n, size_t count, bool shuffle,
                                      bool close = false) {
  std::vector<VerifiedPair> pairs;
  if (n < 2) return pairs;
  for (size_t k = 0; k < count; ++k) {
    uint32_t a = static_cast<uint32_t>(rng() % n), b = static_cast<uint32_t>(rng() % n);
    if (a == b) continue;
    if (a > b) std::swap(a, b);
    VerifiedPair p{a, b, {}};
    p.score.size_a = 1 + static_cast<uint32_t>(rng() % 8);
    p.score.size_b = 1 + static_cast<uint32_t>(rng() % 8);
    p.score.shared = 1 + static_cast<uint32_t>(rng() % std::min(p.score.size_a, p.score.size_b));
    if (close) {
      constexpr uint32_t kBig = uint32_t{1} << 31;
      p.score.size_a += kBig;
      p.score.size_b += kBig;
      p.score.shared = std::min(p.score.size_a, p.score.size_b) - p.score.shared;
    }
    pairs.push_back(p);
  }
  auto by_units = [](const VerifiedPair& x, const VerifiedPair& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  };
  std::sort(pairs.begin(), pairs.end(), by_units);
  pairs.erase(std::unique(pairs.begin(), pairs.end(),
                          [](const VerifiedPair& x, const VerifiedPair& y) {
                            return x.a == y.a && x.b == y.b;
                          }),
              pairs.end());
  if (shuffle) std::shuffle(pairs.begin(), pairs.end(), rng);
  return pairs;
}

void ExpectSameClusters(const std::vector<Cluster>& got, const std::vector<Cluster>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t c = 0; c < got.size(); ++c) {
    EXPECT_EQ(got[c].members, want[c].members);
    ASSERT_EQ(got[c].pairs.size(), want[c].pairs.size());
    for (size_t i = 0; i < got[c].pairs.size(); ++i) {
      EXPECT_EQ(got[c].pairs[i].a, want[c].pairs[i].a);
      EXPECT_EQ(got[c].pairs[i].b, want[c].pairs[i].b);
      EXPECT_EQ(got[c].pairs[i].score.shared, want[c].pairs[i].score.shared);
      EXPECT_EQ(got[c].pairs[i].score.size_a, want[c].pairs[i].score.size_a);
      EXPECT_EQ(got[c].pairs[i].score.size_b, want[c].pairs[i].score.size_b);
    }
  }
}

// Scores that agree in their first 32 bits and differ after: BuildClusters
// sorts by those bits first, then mends each run of equal ones.
TEST(ClusterTest, MatchesSortedKruskalOnScoresThatDifferInTheLastBits) {
  std::mt19937_64 rng(4);
  for (bool shuffle : {false, true}) {
    const std::vector<VerifiedPair> pairs = RandomPairs(rng, 3000, 6000, shuffle, /*close=*/true);
    for (PairListing listing : {PairListing::kSpanning, PairListing::kAll}) {
      ExpectSameClusters(BuildClusters(3000, pairs, listing),
                         ReferenceClusters(3000, pairs, listing));
    }
  }
}

TEST(ClusterTest, MatchesSortedKruskalOnRandomPairs) {
  for (uint32_t seed : {1u, 2u, 3u}) {
    std::mt19937_64 rng(seed);
    for (uint32_t n : {0u, 1u, 2u, 10u, 200u, 3000u}) {
      for (size_t count : {size_t{0}, size_t{1}, size_t{50}, size_t{5000}}) {
        for (bool shuffle : {false, true}) {
          const std::vector<VerifiedPair> pairs = RandomPairs(rng, n, count, shuffle);
          for (PairListing listing : {PairListing::kSpanning, PairListing::kAll}) {
            SCOPED_TRACE(testing::Message() << "seed " << seed << " n " << n << " count " << count
                                            << " shuffle " << shuffle);
            ExpectSameClusters(BuildClusters(n, pairs, listing),
                               ReferenceClusters(n, pairs, listing));
          }
        }
      }
    }
  }
}

// Enough links that the sorts run on several threads (a chunk of at least
// 2^16 each): the clusters do not depend on the thread count.
TEST(ClusterTest, SameClustersOnAnyNumberOfThreads) {
  std::mt19937_64 rng(5);
  for (bool shuffle : {false, true}) {
    const std::vector<VerifiedPair> pairs = RandomPairs(rng, 100000, 400000, shuffle);
    for (PairListing listing : {PairListing::kSpanning, PairListing::kAll}) {
      const std::vector<Cluster> want = ReferenceClusters(100000, pairs, listing);
      for (int threads : {1, 2, 3}) {
        SCOPED_TRACE(testing::Message() << "shuffle " << shuffle << " threads " << threads);
        ExpectSameClusters(BuildClusters(100000, pairs, listing, threads), want);
      }
    }
  }
}

// A pair given twice is one link: a spanning tree lists it once (the
// stronger), kAll lists both; the order they come in does not matter.
TEST(ClusterTest, PairGivenTwiceIsOneLink) {
  auto pair = [](uint32_t a, uint32_t b, uint32_t shared) {
    return VerifiedPair{a, b, PairScore{shared, 10, 10}};
  };
  for (bool reversed : {false, true}) {
    std::vector<VerifiedPair> pairs = {pair(0, 1, 9), pair(1, 2, 5), pair(0, 1, 8)};
    if (reversed) std::reverse(pairs.begin(), pairs.end());
    const std::vector<Cluster> spanning = BuildClusters(3, pairs, PairListing::kSpanning);
    ASSERT_EQ(spanning.size(), 1u);
    EXPECT_EQ(spanning[0].members, (std::vector<uint32_t>{0, 1, 2}));
    ASSERT_EQ(spanning[0].pairs.size(), 2u);
    EXPECT_EQ(spanning[0].pairs[0].b, 1u);
    EXPECT_EQ(spanning[0].pairs[0].score.shared, 9u);
    EXPECT_EQ(spanning[0].pairs[1].a, 1u);
    const std::vector<Cluster> all = BuildClusters(3, pairs, PairListing::kAll);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].pairs.size(), 3u);
  }
}

}  // namespace
}  // namespace reprint

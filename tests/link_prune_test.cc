// Pruning before clustering (reprint/link_prune.h): pairs joined only by
// stock text, and bridging pairs.
#include "reprint/link_prune.h"

#include <cmath>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/cluster.h"

namespace reprint {
namespace {

VerifiedPair P(uint32_t a, uint32_t b) { return VerifiedPair{a, b, PairScore{}}; }

// All pairs among [first, first + n).
void Clique(uint32_t first, uint32_t n, std::vector<VerifiedPair>* out) {
  for (uint32_t a = first; a < first + n; ++a) {
    for (uint32_t b = a + 1; b < first + n; ++b) out->push_back(P(a, b));
  }
}

TEST(LinkPruneTest, StructuralSimilarityKnownAnswers) {
  // a=0, b=1 neighbours of each other only: N[0] = N[1] = {0, 1}: sigma 1.
  EXPECT_DOUBLE_EQ(StructuralSimilarity(0, {1}, 1, {0}), 1.0);
  // A bridge between two triangles {0,1,2} and {3,4,5} through 2-3:
  // N[2] = {0,1,2,3}, N[3] = {2,3,4,5}: shared {2,3}: 2/4.
  EXPECT_DOUBLE_EQ(StructuralSimilarity(2, {0, 1, 3}, 3, {2, 4, 5}), 0.5);
  // Not neighbours, one common neighbour: N[0] = {0, 2}, N[1] = {1, 2}: 1/2.
  EXPECT_DOUBLE_EQ(StructuralSimilarity(0, {2}, 1, {2}), 0.5);
}

TEST(LinkPruneTest, BridgeBetweenTwoFamiliesIsDropped) {
  std::vector<VerifiedPair> pairs;
  Clique(0, 5, &pairs);
  Clique(5, 5, &pairs);
  pairs.push_back(P(4, 5));  // the bridge: sigma 2/6
  LinkPruneStats stats;
  const std::vector<VerifiedPair> kept = PruneWeakLinks(10, pairs, 0.5, &stats);
  EXPECT_EQ(stats.pairs, pairs.size());
  EXPECT_EQ(stats.pruned, 1u);
  EXPECT_EQ(BuildClusters(10, kept).size(), 2u);
  EXPECT_EQ(BuildClusters(10, pairs).size(), 1u);  // union-find merges them
}

TEST(LinkPruneTest, FamiliesKeepTheirPairs) {
  std::vector<VerifiedPair> pairs;
  Clique(0, 2, &pairs);   // a family of two
  Clique(2, 12, &pairs);  // a family of twelve
  // A damaged member matched to only three of the twelve still joins:
  // sigma(2, 14) = |{2, 3, 4, 14}| / sqrt(4 * 13) = 0.55.
  pairs.push_back(P(2, 14));
  pairs.push_back(P(3, 14));
  pairs.push_back(P(4, 14));
  LinkPruneStats stats;
  const std::vector<VerifiedPair> kept = PruneWeakLinks(15, pairs, 0.5, &stats);
  EXPECT_EQ(stats.pruned, 0u);
  EXPECT_EQ(kept.size(), pairs.size());
  EXPECT_EQ(BuildClusters(15, kept).size(), 2u);
}

TEST(LinkPruneTest, PairsJoinedOnlyByStockTextAreDropped) {
  // Units 0-3 have stock shingles (reprint/boilerplate.h).
  ShingleSets stock;
  stock.Add(std::vector<uint64_t>{50, 51, 52});
  stock.Add(std::vector<uint64_t>{50, 51, 52, 60});
  stock.Add(std::vector<uint64_t>{51, 52});
  stock.Add(std::vector<uint64_t>{});
  auto pair = [](uint32_t a, uint32_t b, uint32_t shared) {
    VerifiedPair p = P(a, b);
    p.score.shared = shared;
    return p;
  };
  const std::vector<VerifiedPair> pairs = {
      pair(0, 1, 3),   // shares exactly the stock {50, 51, 52}: own 0 of 3
      pair(0, 2, 40),  // stock in both {51, 52}: own 38 of 40
      pair(1, 2, 2),   // own 0 of 2
      pair(2, 3, 5),   // unit 3 has no stock: own 5 of 5
      pair(0, 3, 0),   // nothing shared: kept (0 >= 0)
  };
  uint64_t dropped = 0;
  const std::vector<VerifiedPair> kept = DropStockPairs(pairs, stock, 0.05, &dropped);
  EXPECT_EQ(dropped, 2u);
  ASSERT_EQ(kept.size(), 3u);
  EXPECT_EQ(kept[0].b, 2u);
  EXPECT_EQ(kept[1].a, 2u);
  // The share is a bound on own / shared: 38 / 40 = 0.95 passes 0.95, not 0.96.
  EXPECT_EQ(DropStockPairs({pairs[1]}, stock, 0.95, nullptr).size(), 1u);
  EXPECT_EQ(DropStockPairs({pairs[1]}, stock, 0.96, nullptr).size(), 0u);
  // 0 keeps everything.
  EXPECT_EQ(DropStockPairs(pairs, stock, 0, nullptr).size(), pairs.size());
}

TEST(LinkPruneTest, ZeroKeepsEverything) {
  std::vector<VerifiedPair> pairs = {P(0, 1), P(1, 2), P(2, 3)};
  EXPECT_EQ(PruneWeakLinks(4, pairs, 0, nullptr).size(), 3u);
}

}  // namespace
}  // namespace reprint

// Pruning of bridging pairs before clustering (reprint/link_prune.h).
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

TEST(LinkPruneTest, ZeroKeepsEverything) {
  std::vector<VerifiedPair> pairs = {P(0, 1), P(1, 2), P(2, 3)};
  EXPECT_EQ(PruneWeakLinks(4, pairs, 0, nullptr).size(), 3u);
}

}  // namespace
}  // namespace reprint

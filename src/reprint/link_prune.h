// File: reprint/link_prune.h
// Drops verified pairs that bridge two groups instead of sitting inside one,
// before clustering. Union-find joins everything a chain of pairs connects,
// so one pair between two stories that share a stock paragraph merges two
// families into one cluster. A pair (a, b) is kept when the two units are
// matched by mostly the same units: the structural similarity of SCAN (Xu et
// al., KDD 2007),
//     sigma(a, b) = |N[a] ∩ N[b]| / sqrt(|N[a]| · |N[b]|),
// with N[x] the units verified with x plus x itself, is at least
// `min_similarity`. Inside a family every member matches most others
// (sigma near 1); a lone pair between families of 5 has sigma 2/6. A family
// of two keeps its pair (sigma 1).
//
//   std::vector<VerifiedPair> kept = PruneWeakLinks(num_units, verified, 0.5, &stats);
//
// DropStockPairs runs first, on the pairs' shingles rather than the graph: a
// pair whose shared shingles are nearly all stock text in both units
// (reprint/boilerplate.h: text that recurs more often than either unit's
// own) is joined by a licence or a stock paragraph, not by a reprint.
//
//   std::vector<VerifiedPair> own = DropStockPairs(verified, stock_sets, 0.05, &dropped);
//
// Cost: O(sum over pairs of the two degrees), plus one merge of the two
// stock sets per pair. Deterministic; pure functions; thread-safe.
#ifndef REPRINT_LINK_PRUNE_H_
#define REPRINT_LINK_PRUNE_H_

#include <cstdint>
#include <vector>

#include "reprint/verify.h"

namespace reprint {

struct LinkPruneStats {
  uint64_t pairs = 0;   // verified pairs seen
  uint64_t pruned = 0;  // dropped as bridges
};

// The pairs of `pairs` with sigma >= min_similarity, in their input order.
// min_similarity <= 0 keeps every pair.
// REQUIRES: every pair has a < b < num_units; no pair twice.
std::vector<VerifiedPair> PruneWeakLinks(uint32_t num_units, const std::vector<VerifiedPair>& pairs,
                                         double min_similarity, LinkPruneStats* stats);

// The pairs of `pairs` with shared - |stock[a] ∩ stock[b]| >= min_own_share
// * shared (score.shared counts the pair's shared shingles), in their input
// order; *dropped (if set) is increased by the number removed.
// REQUIRES: stock.size() > every unit index; stock[i] sorted, unique and a
// subset of unit i's shingle set.
std::vector<VerifiedPair> DropStockPairs(const std::vector<VerifiedPair>& pairs,
                                         const ShingleSets& stock, double min_own_share,
                                         uint64_t* dropped);

// sigma for one pair, given sorted neighbour lists that exclude the units
// themselves (exposed for tests).
double StructuralSimilarity(uint32_t a, const std::vector<uint32_t>& neighbours_a, uint32_t b,
                            const std::vector<uint32_t>& neighbours_b);

}  // namespace reprint

#endif  // REPRINT_LINK_PRUNE_H_

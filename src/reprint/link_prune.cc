#include "reprint/link_prune.h"

#include <algorithm>
#include <cmath>

#include "reprint/internal/sorted.h"

namespace reprint {

double StructuralSimilarity(uint32_t a, const std::vector<uint32_t>& na, uint32_t b,
                            const std::vector<uint32_t>& nb) {
  // Closed neighbourhoods: N[a] = na + {a}, N[b] = nb + {b}. When a and b
  // are neighbours, a in N[b] and b in N[a] both count as shared.
  size_t shared = internal::SortedIntersectionSize(na, nb);
  if (std::binary_search(nb.begin(), nb.end(), a)) ++shared;
  if (std::binary_search(na.begin(), na.end(), b)) ++shared;
  const double size_a = static_cast<double>(na.size() + 1);
  const double size_b = static_cast<double>(nb.size() + 1);
  return static_cast<double>(shared) / std::sqrt(size_a * size_b);
}

std::vector<VerifiedPair> DropStockPairs(const std::vector<VerifiedPair>& pairs,
                                         const ShingleSets& stock, double min_own_share,
                                         uint64_t* dropped) {
  std::vector<VerifiedPair> kept;
  kept.reserve(pairs.size());
  for (const VerifiedPair& p : pairs) {
    const std::span<const uint64_t> a = stock[p.a];
    const std::span<const uint64_t> b = stock[p.b];
    const size_t both = internal::SortedIntersectionSize(a, b);
    const double shared = static_cast<double>(p.score.shared);
    if (shared - static_cast<double>(both) >= min_own_share * shared - 1e-9) kept.push_back(p);
  }
  if (dropped != nullptr) *dropped += pairs.size() - kept.size();
  return kept;
}

std::vector<VerifiedPair> PruneWeakLinks(uint32_t num_units, const std::vector<VerifiedPair>& pairs,
                                         double min_similarity, LinkPruneStats* stats) {
  if (stats != nullptr) stats->pairs += pairs.size();
  if (min_similarity <= 0) return pairs;
  std::vector<std::vector<uint32_t>> neighbours(num_units);
  for (const VerifiedPair& p : pairs) {
    neighbours[p.a].push_back(p.b);
    neighbours[p.b].push_back(p.a);
  }
  for (auto& n : neighbours) std::sort(n.begin(), n.end());
  std::vector<VerifiedPair> kept;
  kept.reserve(pairs.size());
  for (const VerifiedPair& p : pairs) {
    // A tiny tolerance so that sigma exactly at the bound (2/4 = 0.5) is kept
    // whatever the rounding of sqrt.
    if (StructuralSimilarity(p.a, neighbours[p.a], p.b, neighbours[p.b]) >=
        min_similarity - 1e-12) {
      kept.push_back(p);
    }
  }
  if (stats != nullptr) stats->pruned += pairs.size() - kept.size();
  return kept;
}

}  // namespace reprint

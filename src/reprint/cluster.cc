#include "reprint/cluster.h"

#include <algorithm>
#include <bit>
#include <numeric>
#include <span>
#include <utility>

#include "reprint/internal/radix_sort.h"

namespace reprint {

UnionFind::UnionFind(uint32_t n) : parent_(n), size_(n, 1) {
  std::iota(parent_.begin(), parent_.end(), 0u);
}

uint32_t UnionFind::Find(uint32_t x) {
  while (parent_[x] != x) {
    parent_[x] = parent_[parent_[x]];
    x = parent_[x];
  }
  return x;
}

void UnionFind::Union(uint32_t x, uint32_t y) {
  x = Find(x);
  y = Find(y);
  if (x == y) return;
  if (size_[x] < size_[y]) std::swap(x, y);
  parent_[y] = x;
  size_[x] += size_[y];
}

const char* PairListingName(PairListing p) {
  return p == PairListing::kSpanning ? "spanning" : "all";
}

double LinkScore(const PairScore& s) { return std::max(s.jaccard(), s.containment_of_smaller()); }

namespace {

// A key whose unsigned order is the order of the doubles (zeros equal).
uint64_t OrderedBits(double x) {
  if (x == 0) x = 0;  // -0.0 and 0.0 compare equal
  const uint64_t bits = std::bit_cast<uint64_t>(x);
  return (bits >> 63) != 0 ? ~bits : bits | (uint64_t{1} << 63);
}

// Indices of `pairs` by LinkScore descending, ties by (a, b): the Kruskal
// order. A stable radix sort by the score key of indices already in (a, b)
// order gives it; the std::sort this replaced recomputed both scores in each
// of its 20-odd comparisons per pair, the stage's largest cost.
std::vector<uint32_t> KruskalOrder(const std::vector<VerifiedPair>& pairs) {
  struct Keyed {
    uint64_t key;
    uint32_t index;
  };
  std::vector<Keyed> keyed(pairs.size());
  bool in_pair_order = true;
  uint32_t max_index = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    keyed[i] = {~OrderedBits(LinkScore(pairs[i].score)), static_cast<uint32_t>(i)};
    max_index |= pairs[i].a | pairs[i].b;
    if (i > 0 && std::pair(pairs[i - 1].a, pairs[i - 1].b) > std::pair(pairs[i].a, pairs[i].b)) {
      in_pair_order = false;
    }
  }
  std::vector<Keyed> scratch;
  if (!in_pair_order) {
    const int w = static_cast<int>(std::bit_width(max_index));
    internal::RadixSortByKey(
        std::span<Keyed>(keyed), scratch,
        [&](const Keyed& k) {
          return (static_cast<uint64_t>(pairs[k.index].a) << w) | pairs[k.index].b;
        },
        2 * w);
  }
  internal::RadixSortByKey(std::span<Keyed>(keyed), scratch, [](const Keyed& k) { return k.key; });
  std::vector<uint32_t> order(pairs.size());
  for (size_t i = 0; i < keyed.size(); ++i) order[i] = keyed[i].index;
  return order;
}

}  // namespace

std::vector<Cluster> BuildClusters(uint32_t num_units, const std::vector<VerifiedPair>& pairs,
                                   PairListing listing) {
  // Kruskal: strongest pairs first, ties by (a, b), so the tree is unique.
  const std::vector<uint32_t> order = KruskalOrder(pairs);
  UnionFind uf(num_units);
  std::vector<bool> in_tree(pairs.size(), false);
  for (uint32_t i : order) {
    in_tree[i] = uf.Find(pairs[i].a) != uf.Find(pairs[i].b);
    uf.Union(pairs[i].a, pairs[i].b);
  }
  // Cluster index by root, assigned in order of each root's smallest member.
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
    const VerifiedPair& p = pairs[i];
    clusters[static_cast<size_t>(index[uf.Find(p.a)])].pairs.push_back(p);
  }
  // Pairs in (a, b) order (as Verify() gives them) are so already.
  auto by_units = [](const VerifiedPair& x, const VerifiedPair& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  };
  for (Cluster& c : clusters) {
    if (!std::is_sorted(c.pairs.begin(), c.pairs.end(), by_units)) {
      std::sort(c.pairs.begin(), c.pairs.end(), by_units);
    }
  }
  return clusters;
}

}  // namespace reprint

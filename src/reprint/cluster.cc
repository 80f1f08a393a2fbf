#include "reprint/cluster.h"

#include <algorithm>
#include <numeric>


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

double LinkScore(const PairScore& s) { return std::max(s.jaccard, s.containment_of_smaller()); }

std::vector<Cluster> BuildClusters(uint32_t num_units, const std::vector<VerifiedPair>& pairs,
                                   PairListing listing) {
  // Kruskal: strongest pairs first, ties by (a, b), so the tree is unique.
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
  for (Cluster& c : clusters) {
    std::sort(c.pairs.begin(), c.pairs.end(), [](const VerifiedPair& x, const VerifiedPair& y) {
      return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
  }
  return clusters;
}

}  // namespace reprint

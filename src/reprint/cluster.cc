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

std::vector<Cluster> BuildClusters(uint32_t num_units, const std::vector<VerifiedPair>& pairs) {
  UnionFind uf(num_units);
  for (const VerifiedPair& p : pairs) uf.Union(p.a, p.b);
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
  for (const VerifiedPair& p : pairs) {
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

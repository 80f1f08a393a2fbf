#include "reprint/cluster.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <numeric>
#include <span>
#include <utility>

#include "reprint/internal/radix_sort.h"
#include "reprint/internal/threads.h"

namespace reprint {

UnionFind::UnionFind(uint32_t n) : parent_(n), size_(n, 1) {
  std::iota(parent_.begin(), parent_.end(), 0u);
}

uint32_t UnionFind::Size(uint32_t x) { return size_[Find(x)]; }

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

// How many links (or units) on the loops over the union-find ask for the
// entries their Finds will read (UnionFind::Prefetch).
constexpr size_t kAhead = 16;

// A key whose unsigned order is the order of the doubles (zeros equal).
uint64_t OrderedBits(double x) {
  if (x == 0) x = 0;  // -0.0 and 0.0 compare equal
  const uint64_t bits = std::bit_cast<uint64_t>(x);
  return (bits >> 63) != 0 ? ~bits : bits | (uint64_t{1} << 63);
}

// Orders pairs by LinkScore descending.
uint64_t ScoreKey(const PairScore& s) { return ~OrderedBits(LinkScore(s)); }

// A pair in the Kruskal order: its key, then its units, so that the loop
// over the order reads one array front to back (looking each pair up by
// index instead took a cache miss per pair: 63M pairs, 1.3 GB, at 1 GB).
struct Link {
  uint64_t key;  // ScoreKey: strongest first
  uint32_t a, b;
};

// The links of `pairs`, in their order; false (and *links unfinished) when
// the pairs are not in (a, b) order. Contiguous chunks on `threads` threads.
bool LinksInPairOrder(std::span<const VerifiedPair> pairs, std::vector<Link>* links, int threads) {
  links->resize(pairs.size());
  Link* out = links->data();
  std::vector<uint8_t> in_order(internal::ChunkCount(pairs.size(), threads), 1);
  internal::RunOnChunks(pairs.size(), threads, [&](size_t c, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const VerifiedPair& p = pairs[i];
      if (i > 0 && std::pair(pairs[i - 1].a, pairs[i - 1].b) > std::pair(p.a, p.b)) {
        in_order[c] = 0;
        return;
      }
      out[i] = {ScoreKey(p.score), p.a, p.b};
    }
  });
  return std::ranges::all_of(in_order, [](uint8_t x) { return x != 0; });
}

// Sorts pairs or links stably by (a, b), units below 2^w.
template <typename T>
void SortByUnits(std::span<T> x, int w, int threads) {
  std::vector<T> scratch;
  internal::ParallelRadixSortByKey(
      x, scratch, [w](const T& p) { return (static_cast<uint64_t>(p.a) << w) | p.b; }, 2 * w,
      threads);
}

// Sorts links by key, stably. Keys are scores made bits: their top 32 bits
// (sign, exponent and 20 bits of the fraction) tell nearly all scores
// apart, since a score is a ratio of set sizes. So the radix sort takes only
// those (two passes when all scores share an exponent, as those in [0.5, 1)
// do, else three), and each run of equal top bits whose low bits differ is
// sorted after, by the whole key. A full 64-bit key took five passes over
// the links (1 GB at 1 GB of paragraphs), most of the cluster stage.
void SortByKey(std::vector<Link>& links, int threads) {
  std::vector<Link> scratch;
  internal::ParallelRadixSortByKey(
      std::span<Link>(links), scratch, [](const Link& l) { return l.key >> 32; }, 32, threads);
  auto by_key = [](const Link& x, const Link& y) { return x.key < y.key; };
  for (size_t i = 0, j; i < links.size(); i = j) {
    bool same = true;
    for (j = i + 1; j < links.size() && (links[j].key >> 32) == (links[i].key >> 32); ++j) {
      same = same && links[j].key == links[i].key;
    }
    if (!same) std::stable_sort(links.begin() + i, links.begin() + j, by_key);
  }
}

// The spanning tree's pairs, in (a, b) order: Kruskal over `links` (those
// of pairs in (a, b) order) by LinkScore descending, ties by (a, b), so the
// tree is unique. A stable sort by score of links already in (a, b) order
// gives that order; a std::sort this replaced recomputed both scores in
// each of its 20-odd comparisons per pair. `uf` ends with the clusters.
std::vector<Link> SpanningTree(std::vector<Link> links, int w, UnionFind& uf, int threads) {
  SortByKey(links, threads);
  // In score order, links name units all over the union-find, and each
  // Find waited for memory: the entries of the units kAhead links on, and
  // those of their parents kAhead / 2 links on, are asked for while these
  // are joined (28.5M pairs of 5.5M units: 1.6-2.7 s -> 1.0-1.5 s).
  size_t tree = 0;  // links[0, tree): the tree's pairs so far
  for (size_t i = 0; i < links.size(); ++i) {
    if (i + kAhead < links.size()) {
      uf.Prefetch(links[i + kAhead].a);
      uf.Prefetch(links[i + kAhead].b);
    }
    if (i + kAhead / 2 < links.size()) {
      uf.PrefetchParent(links[i + kAhead / 2].a);
      uf.PrefetchParent(links[i + kAhead / 2].b);
    }
    const Link l = links[i];
    const uint32_t ra = uf.Find(l.a), rb = uf.Find(l.b);
    if (ra == rb) continue;
    uf.Union(ra, rb);
    links[tree++] = l;
  }
  links.resize(tree);
  links.shrink_to_fit();
  SortByUnits(std::span<Link>(links), w, threads);
  return links;
}

}  // namespace

std::vector<Cluster> BuildClusters(uint32_t num_units, const std::vector<VerifiedPair>& pairs,
                                   PairListing listing, int threads) {
  const int w = static_cast<int>(std::bit_width(num_units));
  // The pairs in (a, b) order: as given (Verify() gives them so), else a
  // sorted copy.
  std::span<const VerifiedPair> sorted = pairs;
  std::vector<VerifiedPair> copy;
  std::vector<Link> links;
  if (!LinksInPairOrder(pairs, &links, threads)) {
    copy = pairs;
    SortByUnits(std::span<VerifiedPair>(copy), w, threads);
    sorted = copy;
    LinksInPairOrder(sorted, &links, threads);
  }
  UnionFind uf(num_units);
  const std::vector<Link> tree = SpanningTree(std::move(links), w, uf, threads);
  // cluster_of[u]: u's cluster, numbered in order of each cluster's
  // smallest member; kNoCluster when u is in no pair (its set holds only
  // itself, and it is then its own root). A root's entry is set when the
  // first member of its set is reached, which may come before the root.
  // Members and pairs are counted first and filled at their exact size:
  // finding each unit's cluster by its root and growing the clusters' lists
  // as they came took twice as long as the Kruskal loop (28.5M pairs of 5.5M
  // units).
  constexpr uint32_t kNoCluster = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> cluster_of(num_units, kNoCluster);
  std::vector<uint32_t> members;  // per cluster
  for (uint32_t u = 0; u < num_units; ++u) {
    if (u + kAhead < num_units) uf.PrefetchParent(static_cast<uint32_t>(u + kAhead));
    const uint32_t r = uf.Find(u);
    if (r == u && uf.Size(u) < 2) continue;
    uint32_t& id = cluster_of[r];
    if (id == kNoCluster) {
      id = static_cast<uint32_t>(members.size());
      members.push_back(0);
    }
    cluster_of[u] = id;
    ++members[id];
  }
  std::vector<Cluster> clusters(members.size());
  for (size_t c = 0; c < clusters.size(); ++c) clusters[c].members.reserve(members[c]);
  for (uint32_t u = 0; u < num_units; ++u) {
    if (cluster_of[u] != kNoCluster) clusters[cluster_of[u]].members.push_back(u);
  }
  std::vector<uint32_t> listed(clusters.size(), 0);  // per cluster: its pairs
  if (listing == PairListing::kSpanning) {
    for (const Link& l : tree) ++listed[cluster_of[l.a]];
  } else {
    for (const VerifiedPair& p : sorted) ++listed[cluster_of[p.a]];
  }
  for (size_t c = 0; c < clusters.size(); ++c) clusters[c].pairs.reserve(listed[c]);
  // Pairs in (a, b) order, so each cluster's are too. Of a tree pair given
  // twice, the one Kruskal took has its score.
  size_t next = 0;  // tree[next]: the next tree pair in (a, b) order
  for (const VerifiedPair& p : sorted) {
    const bool in_tree = next < tree.size() && tree[next].a == p.a && tree[next].b == p.b &&
                         tree[next].key == ScoreKey(p.score);
    next += in_tree;
    if (listing == PairListing::kSpanning && !in_tree) continue;
    clusters[cluster_of[p.a]].pairs.push_back(p);
  }
  return clusters;
}

}  // namespace reprint

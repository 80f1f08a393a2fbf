// File: reprint/cluster.h
// Groups verified pairs into clusters (connected components, union-find).
//
//   std::vector<Cluster> c = BuildClusters(num_units, verified_pairs, PairListing::kSpanning);
//
// A cluster of n members keeps either every verified pair among them (up to
// n^2/2: 100,000 copies of a footer would list 5e9 pairs) or a spanning set of
// n-1 pairs: a maximum spanning tree by score, so each member is linked to the
// member it matched best. Members are sorted unit indices; clusters are
// sorted by their first member; each cluster's pairs are sorted by (a, b).
// With units sorted by (document, offset) the output order is deterministic.
// Pairs may come in any order (Verify() gives them in (a, b) order, which is
// fastest); a pair given twice is one link, listed once by a spanning tree
// (the stronger, or the first given of two equal) and twice by kAll.
// Pure function; thread-safe.
#ifndef REPRINT_CLUSTER_H_
#define REPRINT_CLUSTER_H_

#include <cstdint>
#include <vector>

#include "reprint/verify.h"

namespace reprint {

struct Cluster {
  std::vector<uint32_t> members;     // unit indices, ascending, size >= 2
  std::vector<VerifiedPair> pairs;   // unit indices, each a < b
};

enum class PairListing : uint8_t {
  kSpanning,  // n-1 pairs per cluster: the maximum spanning tree by score
  kAll,       // every verified pair
};
const char* PairListingName(PairListing p);  // "spanning", "all"

// The score a spanning tree maximizes: max(jaccard, containment of smaller).
double LinkScore(const PairScore& s);

// `threads`: worker threads for the sorts (the result does not depend on
// them); the spanning tree itself is built on the caller's thread.
std::vector<Cluster> BuildClusters(uint32_t num_units, const std::vector<VerifiedPair>& pairs,
                                   PairListing listing = PairListing::kSpanning, int threads = 1);

// Disjoint-set forest with path halving and union by size.
class UnionFind {
 public:
  explicit UnionFind(uint32_t n);
  uint32_t Find(uint32_t x);
  // Start loading what Find(x) reads, for a Find(x) some steps later (a
  // loop over many elements finds each at a random place in memory): x's
  // entry, then (once that is in cache) its parent's.
  void Prefetch(uint32_t x) const { __builtin_prefetch(parent_.data() + x); }
  void PrefetchParent(uint32_t x) const { __builtin_prefetch(parent_.data() + parent_[x]); }
  // The number of elements in x's set.
  uint32_t Size(uint32_t x);
  void Union(uint32_t x, uint32_t y);

 private:
  std::vector<uint32_t> parent_;
  std::vector<uint32_t> size_;
};

}  // namespace reprint

#endif  // REPRINT_CLUSTER_H_

// File: bench/quality/textdedup.h
// A baseline that clusters documents the way text-dedup's MinHash script
// (github.com/ChenghaoMou/text-dedup, minhash.py) does, for comparison with
// reprint's presets in docs/quality.md:
//   - tokens: the lower-cased text split at every byte that is not
//     [A-Za-z0-9_], empty strings kept (re.split(r"[^A-Za-z_0-9]", ...));
//     word n-grams of them joined by spaces; a document with fewer than
//     min_length tokens has no n-grams, one with fewer than n tokens has one;
//   - K-permutation MinHash: each n-gram hashed to 32 bits, then
//     (a*h + b) mod (2^61 - 1), low 32 bits, per permutation;
//   - LSH bands and rows from datasketch's optimal_param (false positive and
//     false negative areas weighted 0.5 each);
//   - no verification: every two documents sharing a band bucket are joined
//     (union-find), so a candidate is a match.
// The token hash is XXH3 (text-dedup offers sha1 and xxh3) and the
// permutations come from a seeded SplitMix64 instead of NumPy's RandomState:
// neither changes the statistics.
//
//   TextDedupOptions o{.ngram = 2, .threshold = 0.45, .num_perm = 256};
//   std::vector<std::vector<uint32_t>> clusters = TextDedupClusters(texts, o);
//
// Pure function; thread-safe. Not for use outside bench/ and tests/.
#ifndef REPRINT_BENCH_QUALITY_TEXTDEDUP_H_
#define REPRINT_BENCH_QUALITY_TEXTDEDUP_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace reprint::bench {

struct TextDedupOptions {
  int ngram = 5;
  double threshold = 0.7;
  int num_perm = 256;
  int min_length = 5;
  uint64_t seed = 42;
};

// datasketch's optimal_param: (bands, rows) minimizing 0.5 * false-positive
// area below the threshold + 0.5 * false-negative area above it.
std::pair<int, int> OptimalParam(double threshold, int num_perm);

// Clusters (each of 2 or more document indices, ascending), sorted by first member.
std::vector<std::vector<uint32_t>> TextDedupClusters(const std::vector<std::string_view>& texts,
                                                     const TextDedupOptions& options);

}  // namespace reprint::bench

#endif  // REPRINT_BENCH_QUALITY_TEXTDEDUP_H_

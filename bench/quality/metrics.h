// File: bench/quality/metrics.h
// Scores a clustering of documents against labelled families: the adjusted
// Rand index (Hubert and Arabie 1985, as NEWS-COPY and text-dedup report it,
// with singletons included as clusters of one) and pairwise precision and
// recall (of the document pairs put in one cluster, the share that are of
// one family; of the pairs of one family, the share put in one cluster).
//
//   std::vector<uint32_t> truth = ..., predicted = ...;   // one label per document
//   PartitionScores s = ScorePartition(truth, predicted);
//   std::printf("ARI %.4f P %.4f R %.4f\n", s.ari, s.precision, s.recall);
//
// Labels are arbitrary integers; only equality matters. Pure functions;
// thread-safe. Not for use outside bench/ and tests/.
#ifndef REPRINT_BENCH_QUALITY_METRICS_H_
#define REPRINT_BENCH_QUALITY_METRICS_H_

#include <cstdint>
#include <span>
#include <vector>

namespace reprint::bench {

struct PartitionScores {
  double ari = 0;
  double precision = 1;  // 1 when no pair is predicted
  double recall = 1;     // 1 when no pair is labelled
  double f1 = 0;
  uint64_t documents = 0;
  uint64_t true_pairs = 0;          // pairs of one family
  uint64_t predicted_pairs = 0;     // pairs of one predicted cluster
  uint64_t correct_pairs = 0;       // both
  uint64_t predicted_clusters = 0;  // clusters of 2 or more
  uint64_t false_merges = 0;        // predicted clusters holding more than one family
};

// REQUIRES: truth.size() == predicted.size()
PartitionScores ScorePartition(std::span<const uint32_t> truth,
                               std::span<const uint32_t> predicted);

// Labels from a list of clusters over n documents: members of cluster c get
// label c, every other document a label of its own.
std::vector<uint32_t> LabelsFromClusters(uint32_t n,
                                         const std::vector<std::vector<uint32_t>>& clusters);

}  // namespace reprint::bench

#endif  // REPRINT_BENCH_QUALITY_METRICS_H_

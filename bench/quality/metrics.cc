#include "bench/quality/metrics.h"

#include <algorithm>
#include <cassert>
#include <utility>

namespace reprint::bench {
namespace {

double Pairs(uint64_t n) {
  return 0.5 * static_cast<double>(n) * static_cast<double>(n > 0 ? n - 1 : 0);
}

// Sizes of the groups of equal values.
std::vector<uint64_t> GroupSizes(std::vector<uint64_t> keys) {
  std::sort(keys.begin(), keys.end());
  std::vector<uint64_t> sizes;
  for (size_t i = 0; i < keys.size();) {
    size_t j = i + 1;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    sizes.push_back(j - i);
    i = j;
  }
  return sizes;
}

}  // namespace

PartitionScores ScorePartition(std::span<const uint32_t> truth,
                               std::span<const uint32_t> predicted) {
  assert(truth.size() == predicted.size());
  PartitionScores s;
  s.documents = truth.size();
  std::vector<uint64_t> t(truth.begin(), truth.end()), p(predicted.begin(), predicted.end()), tp;
  tp.reserve(truth.size());
  for (size_t i = 0; i < truth.size(); ++i) {
    tp.push_back((static_cast<uint64_t>(predicted[i]) << 32) | truth[i]);
  }
  double sum_t = 0, sum_p = 0, sum_tp = 0;
  for (uint64_t n : GroupSizes(t)) sum_t += Pairs(n);
  for (uint64_t n : GroupSizes(p)) {
    sum_p += Pairs(n);
    s.predicted_clusters += n >= 2;
  }
  for (uint64_t n : GroupSizes(tp)) sum_tp += Pairs(n);
  // Predicted clusters that hold more than one family.
  std::sort(tp.begin(), tp.end());
  for (size_t i = 0; i < tp.size();) {
    size_t j = i + 1;
    bool mixed = false;
    while (j < tp.size() && (tp[j] >> 32) == (tp[i] >> 32)) {
      mixed = mixed || (tp[j] & 0xFFFFFFFFu) != (tp[i] & 0xFFFFFFFFu);
      ++j;
    }
    s.false_merges += mixed;
    i = j;
  }
  s.true_pairs = static_cast<uint64_t>(sum_t);
  s.predicted_pairs = static_cast<uint64_t>(sum_p);
  s.correct_pairs = static_cast<uint64_t>(sum_tp);
  const double all = Pairs(truth.size());
  const double expected = all > 0 ? sum_t * sum_p / all : 0;
  const double max_index = 0.5 * (sum_t + sum_p);
  s.ari = max_index == expected ? 1.0 : (sum_tp - expected) / (max_index - expected);
  s.precision = sum_p > 0 ? sum_tp / sum_p : 1.0;
  s.recall = sum_t > 0 ? sum_tp / sum_t : 1.0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

std::vector<uint32_t> LabelsFromClusters(uint32_t n,
                                         const std::vector<std::vector<uint32_t>>& clusters) {
  std::vector<uint32_t> labels(n);
  std::vector<bool> seen(n, false);
  uint32_t next = 0;
  for (const std::vector<uint32_t>& c : clusters) {
    for (uint32_t d : c) {
      labels[d] = next;
      seen[d] = true;
    }
    ++next;
  }
  for (uint32_t d = 0; d < n; ++d) {
    if (!seen[d]) labels[d] = next++;
  }
  return labels;
}

}  // namespace reprint::bench

#include "reprint/containment.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace reprint {

absl::Status ContainmentOptions::Validate() const {
  if (window < 1 || window > 1024) return absl::InvalidArgumentError("window must be in [1, 1024]");
  if (max_postings < 2) return absl::InvalidArgumentError("max_postings must be >= 2");
  if (!(slack > 0 && slack <= 1)) return absl::InvalidArgumentError("slack must be in (0, 1]");
  return absl::OkStatus();
}

std::vector<uint64_t> Winnow(std::span<const uint64_t> shingles, int window) {
  std::vector<uint64_t> out;
  const size_t n = shingles.size();
  const size_t w = static_cast<size_t>(window);
  if (n <= w) {
    out.assign(shingles.begin(), shingles.end());
  } else {
    out.reserve(2 * n / (w + 1) + 2);
    size_t last = n;  // index of the last selected minimum
    for (size_t i = 0; i + w <= n; ++i) {
      // Rightmost minimum of the window [i, i + w).
      size_t m = i;
      for (size_t j = i + 1; j < i + w; ++j) {
        if (shingles[j] <= shingles[m]) m = j;
      }
      if (m != last) {
        out.push_back(shingles[m]);
        last = m;
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<CandidatePair> ContainmentCandidates(
    const std::vector<std::vector<uint64_t>>& fingerprints, const ContainmentOptions& options,
    double threshold) {
  std::vector<std::pair<uint64_t, uint32_t>> postings;
  size_t total = 0;
  for (const auto& f : fingerprints) total += f.size();
  postings.reserve(total);
  for (uint32_t u = 0; u < fingerprints.size(); ++u) {
    for (uint64_t fp : fingerprints[u]) postings.push_back({fp, u});
  }
  std::sort(postings.begin(), postings.end());
  // One entry per shared fingerprint; runs of equal pairs count them.
  std::vector<CandidatePair> shared;
  for (size_t g = 0; g < postings.size();) {
    size_t e = g + 1;
    while (e < postings.size() && postings[e].first == postings[g].first) ++e;
    if (e - g >= 2 && e - g <= options.max_postings) {
      for (size_t x = g; x < e; ++x) {
        for (size_t y = x + 1; y < e; ++y) {
          shared.push_back({postings[x].second, postings[y].second});
        }
      }
    }
    g = e;
  }
  std::sort(shared.begin(), shared.end());
  std::vector<CandidatePair> out;
  for (size_t g = 0; g < shared.size();) {
    size_t e = g + 1;
    while (e < shared.size() && shared[e] == shared[g]) ++e;
    const CandidatePair p = shared[g];
    const size_t smaller = std::min(fingerprints[p.a].size(), fingerprints[p.b].size());
    const double need = std::max(1.0, std::floor(options.slack * threshold * smaller));
    if (static_cast<double>(e - g) >= need) out.push_back(p);
    g = e;
  }
  return out;
}

}  // namespace reprint

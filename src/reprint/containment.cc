#include "reprint/containment.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
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
        // Runs of equal hashes (a repeated word) move the rightmost minimum
        // every window; keep one copy instead of one per window.
        if (out.empty() || out.back() != shingles[m]) out.push_back(shingles[m]);
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
  const uint32_t n = static_cast<uint32_t>(fingerprints.size());
  std::vector<std::pair<uint64_t, uint32_t>> postings;
  size_t total = 0;
  for (const auto& f : fingerprints) total += f.size();
  postings.reserve(total);
  for (uint32_t u = 0; u < n; ++u) {
    for (uint64_t fp : fingerprints[u]) postings.push_back({fp, u});
  }
  std::sort(postings.begin(), postings.end());
  // Positions are 32-bit: 2^32 postings would take 64 GB before this point.
  assert(postings.size() < std::numeric_limits<uint32_t>::max());
  // For each unit, the positions of its postings in indexed groups (2 to
  // max_postings units share the fingerprint); group_end[p] ends p's group.
  // Groups are sorted by unit, so the units after position p are the
  // partners v > u. Shared fingerprints are then counted per unit u in a
  // dense counter, never as one entry per (fingerprint, pair): that list
  // would hold sum C(postings, 2) entries, 240M for 50 stories reprinted 200
  // times each (tests/blowup_test.cc).
  std::vector<uint32_t> group_end(postings.size(), 0);
  std::vector<uint64_t> offsets(static_cast<size_t>(n) + 1, 0);
  for (size_t g = 0; g < postings.size();) {
    size_t e = g + 1;
    while (e < postings.size() && postings[e].first == postings[g].first) ++e;
    if (e - g >= 2 && e - g <= options.max_postings) {
      for (size_t x = g; x < e; ++x) {
        group_end[x] = static_cast<uint32_t>(e);
        ++offsets[postings[x].second + 1];
      }
    }
    g = e;
  }
  for (uint32_t u = 0; u < n; ++u) offsets[u + 1] += offsets[u];
  std::vector<uint32_t> positions(offsets[n]);
  {
    std::vector<uint64_t> fill(offsets.begin(), offsets.end() - 1);
    for (size_t x = 0; x < postings.size(); ++x) {
      if (group_end[x] != 0) positions[fill[postings[x].second]++] = static_cast<uint32_t>(x);
    }
  }
  std::vector<CandidatePair> out;
  std::vector<uint32_t> shared(n, 0);
  std::vector<uint32_t> touched;
  for (uint32_t u = 0; u < n; ++u) {
    touched.clear();
    for (uint64_t k = offsets[u]; k < offsets[u + 1]; ++k) {
      const uint32_t p = positions[k];
      for (uint32_t y = p + 1; y < group_end[p]; ++y) {
        const uint32_t v = postings[y].second;
        if (shared[v]++ == 0) touched.push_back(v);
      }
    }
    std::sort(touched.begin(), touched.end());
    for (uint32_t v : touched) {
      const size_t smaller = std::min(fingerprints[u].size(), fingerprints[v].size());
      const double need = std::max(1.0, std::floor(options.slack * threshold * smaller));
      if (static_cast<double>(shared[v]) >= need) out.push_back({u, v});
      shared[v] = 0;
    }
  }
  return out;
}

}  // namespace reprint

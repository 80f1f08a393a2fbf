#include "reprint/verify.h"

#include <algorithm>

#include "reprint/internal/sorted.h"
#include "reprint/internal/threads.h"

namespace reprint {
namespace {

// Runs fn(out, chunk, begin, end) over [0, n) split into `threads` chunks and
// returns the per-chunk outputs in order, so results do not depend on timing.
template <typename Fn>
std::vector<std::vector<VerifiedPair>> ParallelChunks(size_t n, int threads, Fn fn) {
  std::vector<std::vector<VerifiedPair>> out(internal::ChunkCount(n, threads));
  internal::RunOnChunks(n, threads, [&](size_t c, size_t begin, size_t end) {
    fn(out[c], c, begin, end);
  });
  return out;
}

std::vector<VerifiedPair> Concat(std::vector<std::vector<VerifiedPair>> parts) {
  std::vector<VerifiedPair> out;
  size_t total = 0;
  for (const auto& p : parts) total += p.size();
  out.reserve(total);
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

}  // namespace

const char* MeasureName(Measure m) {
  switch (m) {
    case Measure::kJaccard:
      return "jaccard";
    case Measure::kContainment:
      return "containment";
    case Measure::kBoth:
      return "both";
  }
  return "?";
}

double PairScore::containment_of_smaller() const {
  if (size_a < size_b) return containment_a_in_b;
  if (size_b < size_a) return containment_b_in_a;
  return std::max(containment_a_in_b, containment_b_in_a);
}

PairScore ScorePair(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  PairScore s;
  s.size_a = static_cast<uint32_t>(a.size());
  s.size_b = static_cast<uint32_t>(b.size());
  const size_t shared = internal::SortedIntersectionSize(a, b);
  s.shared = static_cast<uint32_t>(shared);
  const size_t uni = a.size() + b.size() - shared;
  s.jaccard = uni == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(uni);
  s.containment_a_in_b = a.empty() ? 0.0 : static_cast<double>(shared) / a.size();
  s.containment_b_in_a = b.empty() ? 0.0 : static_cast<double>(shared) / b.size();
  return s;
}

bool Qualifies(const PairScore& s, Measure measure, double threshold) {
  if (s.shared == 0) return false;
  const bool j = s.jaccard >= threshold;
  const bool c = s.containment_of_smaller() >= threshold;
  switch (measure) {
    case Measure::kJaccard:
      return j;
    case Measure::kContainment:
      return c;
    case Measure::kBoth:
      return j || c;
  }
  return false;
}

uint32_t ShingleSets::Add(std::span<const uint64_t> set) {
  if (set.empty()) {
    starts_.push_back(nullptr);
  } else {
    if (set.size() > slab_size_ - slab_used_) {
      slab_size_ = std::max(kSlabValues, set.size());
      slab_used_ = 0;
      // Uninitialized: every value is written before it is read.
      slabs_.push_back(std::make_unique_for_overwrite<uint64_t[]>(slab_size_));
    }
    uint64_t* at = slabs_.back().get() + slab_used_;
    std::copy(set.begin(), set.end(), at);
    slab_used_ += set.size();
    starts_.push_back(at);
  }
  sizes_.push_back(static_cast<uint32_t>(set.size()));
  return size() - 1;
}

void ShingleSets::Reserve(size_t sets) {
  starts_.reserve(sets);
  sizes_.reserve(sets);
}

std::vector<VerifiedPair> Verify(const std::vector<CandidatePair>& candidates,
                                 const ShingleSets& sets, Measure measure, double threshold,
                                 const std::function<bool(uint32_t, uint32_t)>& allowed,
                                 int threads, VerifyStats* stats) {
  std::vector<uint64_t> skipped(static_cast<size_t>(std::max(1, threads)), 0);
  auto parts = ParallelChunks(
      candidates.size(), threads,
      [&](std::vector<VerifiedPair>& out, size_t chunk, size_t b, size_t e) {
        for (size_t i = b; i < e; ++i) {
          const CandidatePair& c = candidates[i];
          if (allowed && !allowed(c.a, c.b)) {
            ++skipped[chunk];
            continue;
          }
          PairScore s = ScorePair(sets[c.a], sets[c.b]);
          if (Qualifies(s, measure, threshold)) out.push_back({c.a, c.b, s});
        }
      });
  std::vector<VerifiedPair> out = Concat(std::move(parts));
  if (stats != nullptr) {
    stats->candidates += candidates.size();
    for (uint64_t s : skipped) stats->skipped += s;
    stats->verified += out.size();
  }
  return out;
}

std::vector<VerifiedPair> VerifyAllPairs(const ShingleSets& sets, Measure measure,
                                         double threshold,
                                         const std::function<bool(uint32_t, uint32_t)>& allowed,
                                         int threads, VerifyStats* stats) {
  const uint32_t n = sets.size();
  auto parts = ParallelChunks(n, threads, [&](std::vector<VerifiedPair>& out, size_t, size_t b,
                                              size_t e) {
    for (size_t a = b; a < e; ++a) {
      for (uint32_t c = static_cast<uint32_t>(a) + 1; c < n; ++c) {
        if (allowed && !allowed(static_cast<uint32_t>(a), c)) continue;
        PairScore s = ScorePair(sets[static_cast<uint32_t>(a)], sets[c]);
        if (Qualifies(s, measure, threshold)) out.push_back({static_cast<uint32_t>(a), c, s});
      }
    }
  });
  std::vector<VerifiedPair> out = Concat(std::move(parts));
  if (stats != nullptr) {
    stats->candidates += static_cast<uint64_t>(n) * (n > 0 ? n - 1 : 0) / 2;
    stats->verified += out.size();
  }
  return out;
}

}  // namespace reprint

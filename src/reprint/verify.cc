#include "reprint/verify.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

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
  // One part (one thread) is the result: copying millions of pairs only
  // cost time and page faults.
  if (parts.size() == 1) return std::move(parts[0]);
  std::vector<VerifiedPair> out;
  size_t total = 0;
  for (const auto& p : parts) total += p.size();
  out.reserve(total);
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// ScorePair's values for sets of na and nb members sharing `shared`.
PairScore ScoreFromCounts(size_t na, size_t nb, size_t shared) {
  PairScore s;
  s.size_a = static_cast<uint32_t>(na);
  s.size_b = static_cast<uint32_t>(nb);
  s.shared = static_cast<uint32_t>(shared);
  const size_t uni = na + nb - shared;
  s.jaccard = uni == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(uni);
  s.containment_a_in_b = na == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(na);
  s.containment_b_in_a = nb == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(nb);
  return s;
}

// The smallest s in [1, m] with pred(s), or m + 1 if there is none. REQUIRES:
// pred monotone (false then true); `estimate` is a guess of the answer.
template <typename Pred>
size_t FirstTrue(size_t m, double estimate, Pred pred) {
  size_t s = 1;
  if (estimate >= static_cast<double>(m + 1)) {
    s = m + 1;
  } else if (estimate > 1) {
    s = static_cast<size_t>(std::ceil(estimate));
  }
  while (s > 1 && pred(s - 1)) --s;
  while (s <= m && !pred(s)) ++s;
  return s;
}

// Unscored candidates are the bulk of verification (about 2 of 3 at the
// default threshold), and most are far from the threshold: the merge stops as
// soon as it has passed so many non-shared members that the pair cannot reach
// MinSharedToQualify(). Pairs that can are merged to the end, so every score
// is still exact.
bool ScoreIfQualifies(std::span<const uint64_t> a, std::span<const uint64_t> b, Measure measure,
                      double threshold, PairScore* score) {
  const size_t need = MinSharedToQualify(a.size(), b.size(), measure, threshold);
  const size_t shared =
      internal::SortedIntersectionSizeAtLeast(a.data(), a.size(), b.data(), b.size(), need);
  if (shared < need) return false;
  *score = ScoreFromCounts(a.size(), b.size(), shared);
  return Qualifies(*score, measure, threshold);
}

}  // namespace

size_t MinSharedToQualify(size_t size_a, size_t size_b, Measure measure, double threshold) {
  // Qualifies() on ScorePair()'s values, as a function of the shared count s
  // with the sizes fixed: jaccard s / (size_a + size_b - s) and containment
  // of the smaller s / m both grow with s (IEEE division is monotone), so the
  // qualifying counts are [need, m]. Jaccard never exceeds containment (its
  // denominator is at least m), so for kBoth containment decides.
  const size_t m = std::min(size_a, size_b);
  const double md = static_cast<double>(m);
  auto containment = [&](size_t s) { return static_cast<double>(s) / md >= threshold; };
  auto jaccard = [&](size_t s) {
    return static_cast<double>(s) / static_cast<double>(size_a + size_b - s) >= threshold;
  };
  switch (measure) {
    case Measure::kJaccard:
      return FirstTrue(m, threshold * static_cast<double>(size_a + size_b) / (1 + threshold),
                       jaccard);
    case Measure::kContainment:
    case Measure::kBoth:
      return FirstTrue(m, threshold * md, containment);
  }
  return 1;
}

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
  return ScoreFromCounts(a.size(), b.size(), internal::SortedIntersectionSize(a, b));
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

std::vector<VerifiedPair> Verify(const std::vector<CandidatePair>& candidates,
                                 const ShingleSets& sets, Measure measure, double threshold,
                                 const std::function<bool(uint32_t, uint32_t)>& allowed,
                                 int threads, VerifyStats* stats) {
  // Two passes: scoring keeps 8 bytes per qualifying candidate, then the
  // result is allocated once at its size and filled. Growing the 48-byte
  // pairs by push_back wrote (and faulted in) about twice the result's
  // memory and copied it; that was a fifth of the stage.
  struct Hit {
    uint32_t candidate;  // index into the chunk (a chunk is < 2^32 candidates: 32 GB)
    uint32_t shared;
  };
  const size_t chunks = internal::ChunkCount(candidates.size(), threads);
  std::vector<std::vector<Hit>> hits(chunks);
  std::vector<size_t> chunk_begin(chunks, 0);
  std::vector<uint64_t> skipped(chunks, 0);
  internal::RunOnChunks(candidates.size(), threads, [&](size_t chunk, size_t b, size_t e) {
    chunk_begin[chunk] = b;
    std::vector<Hit>& out = hits[chunk];
    // Spilled sets are read into these; candidates come sorted by a, so a's
    // set is read once per run of its pairs.
    std::vector<uint64_t> buf_a, buf_b;
    uint32_t last_a = std::numeric_limits<uint32_t>::max();
    std::span<const uint64_t> set_a;
    for (size_t i = b; i < e; ++i) {
      const CandidatePair& c = candidates[i];
      if (allowed && !allowed(c.a, c.b)) {
        ++skipped[chunk];
        continue;
      }
      if (c.a != last_a) {
        set_a = sets.Read(c.a, &buf_a);
        last_a = c.a;
      }
      PairScore s;
      if (ScoreIfQualifies(set_a, sets.Read(c.b, &buf_b), measure, threshold, &s)) {
        out.push_back({static_cast<uint32_t>(i - b), s.shared});
      }
    }
  });
  size_t total = 0;
  for (const std::vector<Hit>& h : hits) total += h.size();
  std::vector<VerifiedPair> out;
  out.reserve(total);
  for (size_t chunk = 0; chunk < chunks; ++chunk) {
    for (const Hit& h : hits[chunk]) {
      const CandidatePair& c = candidates[chunk_begin[chunk] + h.candidate];
      out.push_back({c.a, c.b, ScoreFromCounts(sets.set_size(c.a), sets.set_size(c.b), h.shared)});
    }
  }
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
    std::vector<uint64_t> buf_a, buf_b;
    for (size_t a = b; a < e; ++a) {
      const std::span<const uint64_t> set_a = sets.Read(static_cast<uint32_t>(a), &buf_a);
      for (uint32_t c = static_cast<uint32_t>(a) + 1; c < n; ++c) {
        if (allowed && !allowed(static_cast<uint32_t>(a), c)) continue;
        PairScore s;
        if (ScoreIfQualifies(set_a, sets.Read(c, &buf_b), measure, threshold, &s)) {
          out.push_back({static_cast<uint32_t>(a), c, s});
        }
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

// File: reprint/internal/chain_links.h
// The inner loop of chaining in passage alignment (align.cc): a run's best
// predecessor among the runs just before it, on 32-bit columns. Two
// versions give the same result: plain loops the compiler vectorizes, and,
// where the CPU has AVX2, one pass of intrinsics 8 candidates at a time.
// Internal: not part of the public API. Pure inline functions; thread-safe.
#ifndef REPRINT_INTERNAL_CHAIN_LINKS_H_
#define REPRINT_INTERNAL_CHAIN_LINKS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>

#include "reprint/internal/banded_sw.h"  // banded_sw_avx2::L32
#include "reprint/internal/sorted.h"     // HasAvx2, REPRINT_SORTED_AVX2

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace reprint::internal {

// Runs sorted by A end, one column per field: run q covers A tokens [a[q],
// a_end[q]) and B tokens [b[q], b_end[q]), and its chain scores score[q].
struct ChainColumns {
  const int32_t* a;
  const int32_t* b;
  const int32_t* a_end;
  const int32_t* b_end;
  const int32_t* score;
};

// AlignOptions' chaining terms: max_gap, band, match, and the costs -gap
// and -mismatch (within AlignOptions::Validate()).
struct ChainCosts {
  int32_t max_gap;
  int32_t band;
  int32_t match;
  int32_t gap_cost;
  int32_t mismatch_cost;
};

// Run r's chain score and best predecessor: index -1 where no candidate
// beats run r alone (len * match).
struct ChainLink {
  int32_t score;
  int64_t index;
};

// The most candidates a call looks at (r - from).
inline constexpr size_t kChainCandidates = 64;

// Run q in [from, r) may precede run r when it starts and ends before it in
// both texts, g = min(ga, gb) <= max_gap and shift = |ga - gb| <= band,
// with ga = a[r] - a_end[q] and gb = b[r] - b_end[q]. Linked, run r then
// scores
//   score[q] + (g + len) * match - shift * gap_cost - max(g, 0) * mismatch_cost
// (len = a_end[r] - a[r]). The result is the highest such score if it beats
// len * match, from the latest q reaching it. REQUIRES: r - from <=
// kChainCandidates; every position and score below 2^29 (the terms are
// then exact in 32 bits; g is clamped to [-len, max_gap + 1] where a run
// could not link anyway, so no candidate overflows).
//
// Three loops the compiler vectorizes: every candidate's score (INT32_MIN
// where it cannot link), their maximum, the latest reaching it. Most
// candidates cannot link on repetitive text, which has many runs per A
// position; a branch per candidate was mispredicted often.
inline ChainLink BestChainLinkLoops(const ChainColumns& c, const ChainCosts& o, size_t from,
                                    size_t r) {
  constexpr int32_t kUnlinked = std::numeric_limits<int32_t>::min();
  const int32_t* a = c.a + from;
  const int32_t* b = c.b + from;
  const int32_t* a_end = c.a_end + from;
  const int32_t* b_end = c.b_end + from;
  const int32_t* score = c.score + from;
  const int32_t cur_a = c.a[r], cur_b = c.b[r];
  const int32_t cur_a_end = c.a_end[r], cur_b_end = c.b_end[r];
  const int32_t len = cur_a_end - cur_a;
  const size_t count = r - from;
  int32_t s[kChainCandidates];
  for (size_t i = 0; i < count; ++i) {
    const int32_t ga = cur_a - a_end[i];
    const int32_t gb = cur_b - b_end[i];
    const int32_t g = std::min(ga, gb);
    const int32_t shift = std::min(std::abs(ga - gb), o.band + 1);
    const bool ok = (a[i] < cur_a) & (b[i] < cur_b) & (a_end[i] < cur_a_end) &
                    (b_end[i] < cur_b_end) & (g <= o.max_gap) & (shift <= o.band);
    const int32_t gc = std::clamp(g, -len, o.max_gap + 1);
    const int32_t link =
        score[i] + (gc + len) * o.match - shift * o.gap_cost - std::max(gc, 0) * o.mismatch_cost;
    s[i] = ok ? link : kUnlinked;
  }
  int32_t best = kUnlinked;
  for (size_t i = 0; i < count; ++i) best = std::max(best, s[i]);
  const int32_t alone = len * o.match;
  if (best <= alone) return ChainLink{alone, -1};
  size_t i = count - 1;
  while (s[i] != best) --i;
  return ChainLink{best, static_cast<int64_t>(from + i)};
}

#ifdef REPRINT_SORTED_AVX2
namespace chain_links_avx2 {

__attribute__((target("avx2"))) inline __m256i Load(const int32_t* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}

}  // namespace chain_links_avx2

// BestChainLinkLoops in one pass, 8 candidates at a time: each lane keeps
// the highest score it has seen and the latest candidate reaching it (a
// lane's later candidates have higher indices), and the lanes are then
// reduced to the latest candidate reaching the highest. Lanes past r are
// masked out, so no scalar loop finishes a range and no score is stored and
// read again. REQUIRES: HasAvx2(), BestChainLinkLoops' requirements, and 7
// readable slots past r - 1 in every column (their values do not matter).
__attribute__((target("avx2"))) inline ChainLink BestChainLinkAvx2(const ChainColumns& c,
                                                                   const ChainCosts& o, size_t from,
                                                                   size_t r) {
  using chain_links_avx2::Load;
  const int32_t len = c.a_end[r] - c.a[r];
  const __m256i cur_a = _mm256_set1_epi32(c.a[r]);
  const __m256i cur_b = _mm256_set1_epi32(c.b[r]);
  const __m256i cur_a_end = _mm256_set1_epi32(c.a_end[r]);
  const __m256i cur_b_end = _mm256_set1_epi32(c.b_end[r]);
  const __m256i max_gap = _mm256_set1_epi32(o.max_gap);
  const __m256i band = _mm256_set1_epi32(o.band);
  const __m256i band1 = _mm256_set1_epi32(o.band + 1);
  const __m256i gap_hi = _mm256_set1_epi32(o.max_gap + 1);
  const __m256i gap_lo = _mm256_set1_epi32(-len);
  const __m256i vlen = _mm256_set1_epi32(len);
  const __m256i match = _mm256_set1_epi32(o.match);
  const __m256i gap_cost = _mm256_set1_epi32(o.gap_cost);
  const __m256i mismatch_cost = _mm256_set1_epi32(o.mismatch_cost);
  const __m256i unlinked = _mm256_set1_epi32(std::numeric_limits<int32_t>::min());
  const __m256i zero = _mm256_setzero_si256();
  const __m256i count = _mm256_set1_epi32(static_cast<int32_t>(r - from));
  __m256i index = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
  __m256i best = unlinked;
  __m256i best_index = _mm256_set1_epi32(-1);
  for (size_t i = 0; i < r - from; i += 8) {
    const size_t q = from + i;
    const __m256i a = Load(c.a + q), b = Load(c.b + q);
    const __m256i a_end = Load(c.a_end + q), b_end = Load(c.b_end + q);
    const __m256i ga = _mm256_sub_epi32(cur_a, a_end);
    const __m256i gb = _mm256_sub_epi32(cur_b, b_end);
    const __m256i g = _mm256_min_epi32(ga, gb);
    const __m256i shift = _mm256_min_epi32(_mm256_abs_epi32(_mm256_sub_epi32(ga, gb)), band1);
    __m256i ok = _mm256_and_si256(_mm256_cmpgt_epi32(cur_a, a), _mm256_cmpgt_epi32(cur_b, b));
    ok = _mm256_and_si256(ok, _mm256_cmpgt_epi32(cur_a_end, a_end));
    ok = _mm256_and_si256(ok, _mm256_cmpgt_epi32(cur_b_end, b_end));
    ok = _mm256_andnot_si256(_mm256_cmpgt_epi32(g, max_gap), ok);
    ok = _mm256_andnot_si256(_mm256_cmpgt_epi32(shift, band), ok);
    ok = _mm256_and_si256(ok, _mm256_cmpgt_epi32(count, index));  // a candidate
    const __m256i gc = _mm256_min_epi32(_mm256_max_epi32(g, gap_lo), gap_hi);
    __m256i link =
        _mm256_add_epi32(Load(c.score + q), _mm256_mullo_epi32(_mm256_add_epi32(gc, vlen), match));
    link = _mm256_sub_epi32(link, _mm256_mullo_epi32(shift, gap_cost));
    link = _mm256_sub_epi32(link, _mm256_mullo_epi32(_mm256_max_epi32(gc, zero), mismatch_cost));
    const __m256i s = _mm256_blendv_epi8(unlinked, link, ok);
    const __m256i take = _mm256_or_si256(_mm256_cmpgt_epi32(s, best), _mm256_cmpeq_epi32(s, best));
    best = _mm256_max_epi32(best, s);
    best_index = _mm256_blendv_epi8(best_index, index, take);
    index = _mm256_add_epi32(index, _mm256_set1_epi32(8));
  }
  const __m256i top = banded_sw_avx2::L32::BroadcastMax(best);
  const int32_t highest = _mm256_cvtsi256_si32(top);
  const int32_t alone = len * o.match;
  if (highest <= alone) return ChainLink{alone, -1};
  const __m256i at = banded_sw_avx2::L32::BroadcastMax(
      _mm256_blendv_epi8(_mm256_set1_epi32(-1), best_index, _mm256_cmpeq_epi32(best, top)));
  return ChainLink{highest, static_cast<int64_t>(from) + _mm256_cvtsi256_si32(at)};
}
#endif  // REPRINT_SORTED_AVX2

// BestChainLinkAvx2 where `avx2` (REQUIRES: HasAvx2() and its padding),
// else BestChainLinkLoops.
inline ChainLink BestChainLink(const ChainColumns& c, const ChainCosts& o, size_t from, size_t r,
                               bool avx2) {
#ifdef REPRINT_SORTED_AVX2
  if (avx2) return BestChainLinkAvx2(c, o, from, r);
#endif
  (void)avx2;
  return BestChainLinkLoops(c, o, from, r);
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_CHAIN_LINKS_H_

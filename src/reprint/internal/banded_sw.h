// File: reprint/internal/banded_sw.h
// The banded Smith-Waterman of passage alignment (align.cc), over rows whose
// column ranges are already laid out: scores, trace-back operations and the
// best cell, one cell at a time, or, where the CPU has AVX2, 16 cells at a
// time on 16-bit scores (8 on 32-bit ones where scores do not fit 16 bits).
// All give the same bytes: the same operation for every cell (ties broken
// the same way) and the same best cell.
// Internal: not part of the public API. Pure inline functions; thread-safe.
#ifndef REPRINT_INTERNAL_BANDED_SW_H_
#define REPRINT_INTERNAL_BANDED_SW_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>

#include "reprint/internal/sorted.h"  // HasAvx2, REPRINT_SORTED_AVX2

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace reprint::internal {

// Trace-back operation of a cell: where its score came from.
enum SwOp : uint8_t { kSwStop = 0, kSwDiagonal = 1, kSwSkipA = 2, kSwSkipB = 3 };

// Scores of the local alignment (AlignOptions' match, mismatch and gap,
// within AlignOptions::Validate()).
struct SwScoring {
  int32_t match;
  int32_t mismatch;
  int32_t gap;
};

// The rows of a region: row r (A token words[r]) covers B columns [lo[r],
// hi[r]) (none where lo[r] >= hi[r]; lo[r] < hi[r] <= m otherwise), and its
// operations go to trace[offset[r] + j - lo[r]] for column j.
struct SwRows {
  const uint32_t* words;
  const uint32_t* ids_b;  // the m B tokens
  // For the 16-bit AVX2 version only: ids_b in 16 bits (every id, words[r]
  // too, below 65536), with kSwSlack readable ids past m.
  const uint16_t* ids_b16;
  int64_t m;
  const uint32_t* lo;
  const uint32_t* hi;
  const size_t* offset;
  size_t count;
  uint8_t* trace;
};

// The best cell: the first in row-major order reaching the highest score;
// row -1 (and score 0) where no cell scores above 0.
struct SwBest {
  int64_t score = 0;
  int64_t row = -1;
  int64_t col = -1;
};

// Room the AVX2 versions use past a row's last column: h's rows need width
// >= m + 2 + kSwSlack (slots past m + 1 are read and stay 0), trace
// kSwSlack bytes past the last row's operations (written, then overwritten
// by the next row or never read), and ids_b16 kSwSlack readable ids past m
// (read into lanes that are masked out).
inline constexpr size_t kSwSlack = 32;

// Whether the AVX2 version on Score lanes (int16_t or int32_t) is exact for
// a region whose cells score at most max_score: Score holds the scores, and
// scores less up to a vector's worth of gaps (u[k] - (k + 1) * gap in
// banded_sw_avx2::Rows::Step). A cell scores at most match per diagonal
// step a path to it can take.
template <typename Score>
bool SwFitsAvx2(int64_t max_score, SwScoring scoring) {
  constexpr int64_t kLanes = 32 / sizeof(Score);
  return max_score + kLanes * int64_t{-scoring.gap} <= std::numeric_limits<Score>::max();
}

// Cell (r, j) scores
//   v = max(diag + s, up + gap, left + gap, 0)
// with diag, up and left the cells (r - 1, j - 1), (r - 1, j) and (r, j -
// 1), 0 outside their rows' columns, and s = match where words[r] equals
// ids_b[j], else mismatch. Its operation starts as kSwDiagonal, becomes
// kSwSkipA where up + gap beats the value so far, then kSwSkipB where
// left + gap beats that, and kSwStop where the result is at most 0 (strict
// comparisons: a tie keeps the earlier choice).
//
// Both versions keep two score rows in h (2 * width slots, all 0 on entry
// and on return), slot j + 1 of a row holding column j: outside the
// columns it last wrote a row holds zeros, the score of a cell outside the
// band, so neighbours are read without range checks.

// The two score rows: `prev` (the row above) and `cur` (the row being
// written, which still holds columns [cur_lo, cur_hi) from two rows up).
template <typename Score>
struct SwRowPair {
  Score* prev;
  Score* cur;
  int64_t prev_lo = 0, prev_hi = 0;  // columns prev holds (others are 0)
  int64_t cur_lo = 0, cur_hi = 0;

  // cur now holds columns [lo, hi) and becomes the row above.
  void Advance(int64_t lo, int64_t hi) {
    cur_lo = lo;
    cur_hi = hi;
    std::swap(prev, cur);
    std::swap(prev_lo, cur_lo);
    std::swap(prev_hi, cur_hi);
  }
  // Both rows all zeros again (the state on entry).
  void Clear() {
    std::fill(prev + prev_lo + 1, prev + prev_hi + 1, 0);
    std::fill(cur + cur_lo + 1, cur + cur_hi + 1, 0);
  }
};

// One cell at a time. Score must hold every score of the region. REQUIRES:
// width >= m + 2.
template <typename Score>
SwBest SwAlignRowsScalar(const SwRows& rows, SwScoring scoring, Score* h, size_t width) {
  const Score match = static_cast<Score>(scoring.match);
  const Score mismatch = static_cast<Score>(scoring.mismatch);
  const Score gap = static_cast<Score>(scoring.gap);
  // In locals: the trace's byte stores could alias rows' fields.
  const uint32_t* ids_b = rows.ids_b;
  const uint32_t* words = rows.words;
  const uint32_t* row_lo = rows.lo;
  const uint32_t* row_hi = rows.hi;
  const size_t* offset = rows.offset;
  uint8_t* const trace_base = rows.trace;
  const size_t count = rows.count;
  SwRowPair<Score> pair{h, h + width};
  Score*& prev = pair.prev;
  Score*& cur = pair.cur;
  int64_t& cur_lo = pair.cur_lo;
  int64_t& cur_hi = pair.cur_hi;
  Score best = 0;
  int64_t best_row = -1, best_col = -1;
  for (size_t r = 0; r < count; ++r) {
    int64_t lo = row_lo[r], hi = row_hi[r];
    if (lo >= hi) lo = hi = 0;
    std::fill(cur + cur_lo + 1, cur + cur_hi + 1, 0);
    uint8_t* trace = trace_base + offset[r] - lo;
    const uint32_t word = words[r];
    // The cell to the left is carried in a register, not re-read from the
    // row being written (a store-to-load round trip per cell).
    Score left = cur[lo];
    for (int64_t j = lo; j < hi; ++j) {
      const Score diag = prev[j];  // column j - 1 of the row above
      const Score up = prev[j + 1];
      Score v = diag + (word == ids_b[j] ? match : mismatch);
      uint8_t op = kSwDiagonal;
      if (up + gap > v) v = up + gap, op = kSwSkipA;
      if (left + gap > v) v = left + gap, op = kSwSkipB;
      if (v <= 0) v = 0, op = kSwStop;
      cur[j + 1] = v;
      left = v;
      trace[j] = op;
      if (v > best) [[unlikely]] {  // once a row at most, in most rows
        best = v, best_row = static_cast<int64_t>(r), best_col = j;
      }
    }
    pair.Advance(lo, hi);
  }
  pair.Clear();
  return SwBest{best, best_row, best_col};
}

#ifdef REPRINT_SORTED_AVX2
namespace banded_sw_avx2 {

#define REPRINT_AVX2 __attribute__((target("avx2")))

// The lane operations on 16 int16_t lanes (L16) and 8 int32_t lanes (L32).
struct L16 {
  using Score = int16_t;
  using Id = uint16_t;
  static constexpr int kLanes = 16;
  REPRINT_AVX2 static __m256i Set(int x) { return _mm256_set1_epi16(static_cast<int16_t>(x)); }
  REPRINT_AVX2 static __m256i Add(__m256i a, __m256i b) { return _mm256_add_epi16(a, b); }
  REPRINT_AVX2 static __m256i Sub(__m256i a, __m256i b) { return _mm256_sub_epi16(a, b); }
  REPRINT_AVX2 static __m256i Max(__m256i a, __m256i b) { return _mm256_max_epi16(a, b); }
  REPRINT_AVX2 static __m256i Gt(__m256i a, __m256i b) { return _mm256_cmpgt_epi16(a, b); }
  REPRINT_AVX2 static __m256i Eq(__m256i a, __m256i b) { return _mm256_cmpeq_epi16(a, b); }
  // a where b > 0, 0 where b = 0.
  REPRINT_AVX2 static __m256i Sign(__m256i a, __m256i b) { return _mm256_sign_epi16(a, b); }
  REPRINT_AVX2 static __m256i Iota() {
    return _mm256_setr_epi16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  }
  // Lanes 1.. of x, then lane 0 of `next`.
  REPRINT_AVX2 static __m256i NextLane(__m256i x, __m256i next) {
    return _mm256_alignr_epi8(_mm256_permute2x128_si256(x, next, 0x21), x, 2);
  }
  // The prefix maximum within each 128-bit half (zeros shifted in).
  REPRINT_AVX2 static __m256i HalfPrefixMax(__m256i x) {
    x = _mm256_max_epi16(x, _mm256_slli_si256(x, 2));
    x = _mm256_max_epi16(x, _mm256_slli_si256(x, 4));
    return _mm256_max_epi16(x, _mm256_slli_si256(x, 8));
  }
  // Each 128-bit half's last lane across that half.
  REPRINT_AVX2 static __m256i HalfLasts(__m256i x) {
    return _mm256_shuffle_epi8(x, _mm256_set1_epi16(0x0F0E));
  }
  // The lanes where ids[0, 16) equal word; with kTail only those below
  // `count` are sure to be right (ids_b16 is padded: nothing is read past
  // its end).
  template <bool kTail>
  REPRINT_AVX2 static __m256i Matches(const Id* ids, __m256i word, int64_t /*count*/) {
    return _mm256_cmpeq_epi16(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(ids)), word);
  }
  // The lanes' operations (0..3) as bytes at trace[0, 16).
  REPRINT_AVX2 static void StoreOps(uint8_t* trace, __m256i op) {
    const __m256i bytes = _mm256_permute4x64_epi64(_mm256_packus_epi16(op, op), 0x08);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(trace), _mm256_castsi256_si128(bytes));
  }
  // The maximum of x's lanes, in every lane.
  REPRINT_AVX2 static __m256i BroadcastMax(__m256i x) {
    x = _mm256_max_epi16(x, _mm256_permute2x128_si256(x, x, 0x01));
    x = _mm256_max_epi16(x, _mm256_shuffle_epi32(x, 0x4E));
    x = _mm256_max_epi16(x, _mm256_shuffle_epi32(x, 0xB1));
    return _mm256_max_epi16(x, _mm256_shufflelo_epi16(_mm256_shufflehi_epi16(x, 0xB1), 0xB1));
  }
  REPRINT_AVX2 static int64_t First(__m256i x) { return _mm256_extract_epi16(x, 0); }
};

struct L32 {
  using Score = int32_t;
  using Id = uint32_t;
  static constexpr int kLanes = 8;
  REPRINT_AVX2 static __m256i Set(int x) { return _mm256_set1_epi32(x); }
  REPRINT_AVX2 static __m256i Add(__m256i a, __m256i b) { return _mm256_add_epi32(a, b); }
  REPRINT_AVX2 static __m256i Sub(__m256i a, __m256i b) { return _mm256_sub_epi32(a, b); }
  REPRINT_AVX2 static __m256i Max(__m256i a, __m256i b) { return _mm256_max_epi32(a, b); }
  REPRINT_AVX2 static __m256i Gt(__m256i a, __m256i b) { return _mm256_cmpgt_epi32(a, b); }
  REPRINT_AVX2 static __m256i Eq(__m256i a, __m256i b) { return _mm256_cmpeq_epi32(a, b); }
  REPRINT_AVX2 static __m256i Sign(__m256i a, __m256i b) { return _mm256_sign_epi32(a, b); }
  REPRINT_AVX2 static __m256i Iota() { return _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7); }
  REPRINT_AVX2 static __m256i NextLane(__m256i x, __m256i next) {
    return _mm256_alignr_epi8(_mm256_permute2x128_si256(x, next, 0x21), x, 4);
  }
  REPRINT_AVX2 static __m256i HalfPrefixMax(__m256i x) {
    x = _mm256_max_epi32(x, _mm256_slli_si256(x, 4));
    return _mm256_max_epi32(x, _mm256_slli_si256(x, 8));
  }
  REPRINT_AVX2 static __m256i HalfLasts(__m256i x) { return _mm256_shuffle_epi32(x, 0xFF); }
  // ids_b is not padded: the last vectors of B load only the ids below m.
  template <bool kTail>
  REPRINT_AVX2 static __m256i Matches(const Id* ids, __m256i word, int64_t count) {
    if (kTail && count < kLanes) {
      const __m256i in = _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int32_t>(count)), Iota());
      return _mm256_cmpeq_epi32(_mm256_maskload_epi32(reinterpret_cast<const int*>(ids), in), word);
    }
    return _mm256_cmpeq_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(ids)), word);
  }
  REPRINT_AVX2 static void StoreOps(uint8_t* trace, __m256i op) {
    const __m256i words = _mm256_packs_epi32(op, op);
    const __m256i bytes = _mm256_permutevar8x32_epi32(_mm256_packus_epi16(words, words),
                                                      _mm256_setr_epi32(0, 4, 0, 4, 0, 4, 0, 4));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(trace), _mm256_castsi256_si128(bytes));
  }
  REPRINT_AVX2 static __m256i BroadcastMax(__m256i x) {
    x = _mm256_max_epi32(x, _mm256_permute2x128_si256(x, x, 0x01));
    x = _mm256_max_epi32(x, _mm256_shuffle_epi32(x, 0x4E));
    return _mm256_max_epi32(x, _mm256_shuffle_epi32(x, 0xB1));
  }
  REPRINT_AVX2 static int64_t First(__m256i x) { return _mm256_extract_epi32(x, 0); }
};

// A region's constants, and a row's state between its vectors.
template <class L>
struct Rows {
  static constexpr int kLanes = L::kLanes;
  using Score = typename L::Score;
  const typename L::Id* ids_b;
  int64_t m;
  __m256i match, mismatch, gap, gap_all;  // gap_all: kLanes * gap
  __m256i ramp;                           // (i + 1) * gap in lane i
  __m256i iota;                           // i in lane i
  // The row.
  const Score* prev;
  Score* cur;
  uint8_t* trace;
  int64_t hi;
  __m256i word;
  __m256i diag;     // prev slots [j, j + kLanes): the row above, one column back
  __m256i carry;    // v[j - 1] in every lane
  __m256i row_max;  // the lanewise maximum of the row's vectors

  // Columns [j, j + kLanes) of the row; with kTail, those from hi on are
  // left 0.
  template <bool kTail>
  REPRINT_AVX2 void Step(int64_t j) {
    const __m256i zero = _mm256_setzero_si256();
    // The row above is loaded once per vector, at the columns the row
    // before stored when the band moved on by one column (the usual case),
    // so the store forwards to the load; up is that vector one lane on
    // (loading it too, across two stores, measured 8% slower).
    const __m256i next = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(prev + j + kLanes));
    const __m256i up = L::NextLane(diag, next);
    const __m256i eq = L::template Matches<kTail>(ids_b + j, word, m - j);
    const __m256i d = L::Add(diag, _mm256_blendv_epi8(mismatch, match, eq));
    diag = next;
    const __m256i uu = L::Add(up, gap);
    const __m256i du = L::Max(d, uu);
    const __m256i u = L::Max(du, zero);
    // v[j + i] = max over k <= i of u[k] + (i - k) * gap, and v[j - 1] +
    // (i + 1) * gap, is (i + 1) * gap plus the prefix maximum of u[k] - (k +
    // 1) * gap and v[j - 1]. The prefix maximum: in each 128-bit half by
    // shifted steps (the zeros shifted in lose: u[k] - (k + 1) * gap >=
    // 0), then the lower half's last lane into the upper half; the maximum
    // of both halves' last lanes is its last lane, for the next carry.
    __m256i x = L::HalfPrefixMax(L::Sub(u, ramp));
    const __m256i lasts = L::HalfLasts(x);
    x = L::Max(x, _mm256_permute2x128_si256(lasts, lasts, 0x08));
    const __m256i last = L::Max(lasts, _mm256_permute2x128_si256(lasts, lasts, 0x01));
    __m256i v = L::Add(L::Max(x, carry), ramp);
    if constexpr (kTail) {
      v = _mm256_and_si256(v, L::Gt(L::Set(static_cast<int>(hi - j)), iota));
    }
    carry = L::Add(L::Max(last, carry), gap_all);
    // The operations as the scalar loop picks them: kSwDiagonal, kSwSkipA
    // where up + gap > d, kSwSkipB where left + gap > max(d, up + gap),
    // kSwStop where v is 0. Where v > 0, left + gap > max(d, up + gap)
    // exactly where v > u, as v = max(u, left + gap) and u = max(d, up +
    // gap, 0).
    __m256i op = L::Sub(L::Set(kSwDiagonal), L::Gt(uu, d));
    op = L::Max(op, _mm256_and_si256(L::Gt(v, u), L::Set(kSwSkipB)));
    op = L::Sign(op, v);
    L::StoreOps(trace + j, op);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(cur + j + 1), v);
    row_max = L::Max(row_max, v);
  }
};

// SwAlignRowsScalar, kLanes columns at a time. Without left, a cell is u =
// max(diag + s, up + gap, 0), and with it v[j] = max(u[j], v[j - 1] + gap):
// unrolled, v[j] = max over k <= j of u[k] + (j - k) * gap (v[lo - 1] =
// 0), a prefix maximum that a vector computes in a few shifted steps and
// then combines with the last cell before it. max is exact on integers
// (and SwFitsAvx2 keeps every value in range), so v is the scalar loop's
// value, and each operation follows from the same strict comparisons. A
// row's best cell: where its lanewise maximum beats the best so far, the
// first column holding the row's maximum.
template <class L>
REPRINT_AVX2 SwBest AlignRows(const SwRows& rows, const typename L::Id* ids_b, SwScoring scoring,
                              typename L::Score* h, size_t width) {
  constexpr int kLanes = L::kLanes;
  using Score = typename L::Score;
  Rows<L> s;
  s.ids_b = ids_b;
  s.m = rows.m;
  s.match = L::Set(scoring.match);
  s.mismatch = L::Set(scoring.mismatch);
  s.gap = L::Set(scoring.gap);
  s.gap_all = L::Set(kLanes * scoring.gap);
  s.iota = L::Iota();
  alignas(32) Score ramp[kLanes];
  for (int i = 0; i < kLanes; ++i) ramp[i] = static_cast<Score>((i + 1) * scoring.gap);
  s.ramp = _mm256_load_si256(reinterpret_cast<const __m256i*>(ramp));
  SwRowPair<Score> pair{h, h + width};
  Score*& prev = pair.prev;
  Score*& cur = pair.cur;
  int64_t& cur_lo = pair.cur_lo;
  int64_t& cur_hi = pair.cur_hi;
  const __m256i zero = _mm256_setzero_si256();
  SwBest best;
  __m256i best_v = zero;  // best.score in every lane
  for (size_t r = 0; r < rows.count; ++r) {
    int64_t lo = rows.lo[r], hi = rows.hi[r];
    if (lo >= hi) lo = hi = 0;
    // The row's vectors write slots [lo + 1, end); zero what the row two up
    // left outside them. Where the band moved on by at most kLanes
    // columns, that is at most kLanes slots from cur_lo + 1, one store (the
    // zeros it puts past lo are overwritten); otherwise all of it, before
    // the row overwrites its own.
    const int64_t end = lo + 1 + (hi - lo + kLanes - 1) / kLanes * kLanes;
    if (lo < hi && cur_lo <= lo && lo - cur_lo <= kLanes && cur_hi < end) {
      if (cur_lo < lo && cur_lo < cur_hi) {
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(cur + cur_lo + 1), zero);
      }
    } else {
      std::fill(cur + cur_lo + 1, cur + cur_hi + 1, 0);
    }
    if (lo < hi) {
      s.prev = prev;
      s.cur = cur;
      s.trace = rows.trace + rows.offset[r] - lo;
      s.hi = hi;
      s.word = L::Set(static_cast<int>(rows.words[r]));
      s.diag = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(prev + lo));
      s.carry = s.row_max = zero;
      int64_t j = lo;
      for (; j + kLanes <= hi; j += kLanes) s.template Step<false>(j);
      if (j < hi) s.template Step<true>(j);
      if (_mm256_movemask_epi8(L::Gt(s.row_max, best_v)) != 0) {
        // The row's maximum, then the first column holding it (columns
        // from hi on hold 0).
        best_v = L::BroadcastMax(s.row_max);
        for (j = lo;; j += kLanes) {
          const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(cur + j + 1));
          const unsigned hit = static_cast<unsigned>(_mm256_movemask_epi8(L::Eq(v, best_v)));
          if (hit != 0) {
            best.row = static_cast<int64_t>(r);
            best.col = j + __builtin_ctz(hit) / static_cast<int>(sizeof(Score));
            break;
          }
        }
      }
    }
    pair.Advance(lo, hi);
  }
  pair.Clear();
  best.score = L::First(best_v);
  return best;
}

#undef REPRINT_AVX2

}  // namespace banded_sw_avx2

// SwAlignRowsScalar, 16 columns at a time on 16-bit scores
// (banded_sw_avx2::AlignRows). Rows are ~35 cells in align.cc, 3 vectors:
// a row waits for the one above it, so a row takes about the time of one
// vector's chain of steps, and 8 32-bit lanes (5 vectors) measured about
// 20% slower. REQUIRES: HasAvx2(); SwFitsAvx2<int16_t>(the region's
// highest score); width >= m + 2 + kSwSlack; rows.ids_b16 as SwRows says;
// kSwSlack bytes of trace past the last row's.
__attribute__((target("avx2"))) inline SwBest SwAlignRowsAvx2(const SwRows& rows, SwScoring scoring,
                                                              int16_t* h, size_t width) {
  return banded_sw_avx2::AlignRows<banded_sw_avx2::L16>(rows, rows.ids_b16, scoring, h, width);
}

// The same 8 columns at a time on 32-bit scores, for regions whose scores
// do not fit 16 bits. REQUIRES: HasAvx2(); SwFitsAvx2<int32_t>(the
// region's highest score); width >= m + 2 + kSwSlack; kSwSlack bytes of
// trace past the last row's.
__attribute__((target("avx2"))) inline SwBest SwAlignRowsAvx2(const SwRows& rows, SwScoring scoring,
                                                              int32_t* h, size_t width) {
  return banded_sw_avx2::AlignRows<banded_sw_avx2::L32>(rows, rows.ids_b, scoring, h, width);
}
#endif

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_BANDED_SW_H_

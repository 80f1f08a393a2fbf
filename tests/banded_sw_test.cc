#include "reprint/internal/banded_sw.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/mutate.h"

namespace reprint {
namespace {

using internal::SwBest;
using internal::SwRows;
using internal::SwScoring;

// A region laid out as AlignRegion lays it out: one A word per row, B's ids
// (also in 16 bits, padded), each row's columns and trace offset.
struct Region {
  std::vector<uint32_t> words, ids_b, lo, hi;
  std::vector<uint16_t> ids_b16;
  std::vector<size_t> offset;
  size_t cells = 0;

  SwRows Rows(uint8_t* trace) const {
    return SwRows{words.data(), ids_b.data(), ids_b16.data(), static_cast<int64_t>(ids_b.size()),
                  lo.data(),    hi.data(),    offset.data(),  words.size(),
                  trace};
  }
};

struct Shape {
  size_t rows = 40;
  size_t m = 60;
  uint32_t vocab = 4;    // few words: many equal scores, so many ties
  int max_width = 70;    // rows are 1..max_width columns wide
  int empty_per_16 = 2;  // claimed rows (no columns), out of 16
  int jump_per_16 = 2;   // rows where the band jumps instead of moving on by one
};

// B random; A copies B along a wandering diagonal with some words changed,
// so that long alignments form. Row bounds follow the diagonal as the band
// does (moving on by one column per row), with jumps, stalls, widths from 1
// to max_width, rows cut at 0 and m, and empty rows.
Region MakeRegion(std::mt19937_64& rng, const Shape& s) {
  Region r;
  r.ids_b.resize(s.m);
  for (uint32_t& id : r.ids_b) id = static_cast<uint32_t>(rng() % s.vocab);
  int64_t center = static_cast<int64_t>(rng() % s.m);
  int width = 1 + static_cast<int>(rng() % s.max_width);
  const int64_t m = static_cast<int64_t>(s.m);
  for (size_t t = 0; t < s.rows; ++t) {
    const int64_t at = std::clamp<int64_t>(center, 0, m - 1);
    r.words.push_back(rng() % 5 == 0 ? static_cast<uint32_t>(rng() % s.vocab) : r.ids_b[at]);
    const int shape = static_cast<int>(rng() % 16);
    if (shape < s.jump_per_16) {
      center += static_cast<int64_t>(rng() % 41) - 20;
      width = 1 + static_cast<int>(rng() % s.max_width);
    } else if (shape == 15) {
      width = std::clamp(width + static_cast<int>(rng() % 5) - 2, 1, s.max_width);
    } else {
      ++center;
    }
    int64_t lo = std::clamp<int64_t>(center - width / 2, 0, m);
    int64_t hi = std::clamp<int64_t>(center - width / 2 + width, 0, m);
    if (static_cast<int>(rng() % 16) < s.empty_per_16 || lo >= hi) {
      lo = hi = 0;
      if (rng() % 2 == 0) lo = hi = static_cast<int64_t>(rng() % s.m);  // any empty range
    }
    r.lo.push_back(static_cast<uint32_t>(lo));
    r.hi.push_back(static_cast<uint32_t>(hi));
    r.offset.push_back(r.cells);
    if (lo < hi) r.cells += static_cast<size_t>(hi - lo);
  }
  r.ids_b16.assign(r.ids_b.begin(), r.ids_b.end());
  r.ids_b16.resize(s.m + internal::kSwSlack, 0xFFFF);
  return r;
}

struct Result {
  SwBest best;
  std::vector<uint8_t> trace;  // the region's cells only
};

// Every cell by the recurrence of banded_sw.h on a full matrix: an
// independent reference for both versions.
Result Reference(const Region& r, SwScoring s) {
  const size_t m = r.ids_b.size();
  std::vector<std::vector<int64_t>> v(r.words.size() + 1, std::vector<int64_t>(m + 1, 0));
  Result out;
  out.trace.assign(r.cells, 0xEE);
  for (size_t t = 0; t < r.words.size(); ++t) {
    if (r.lo[t] >= r.hi[t]) continue;
    for (size_t j = r.lo[t]; j < r.hi[t]; ++j) {
      const int64_t diag = v[t][j], up = v[t][j + 1], left = v[t + 1][j];
      int64_t best = diag + (r.words[t] == r.ids_b[j] ? s.match : s.mismatch);
      uint8_t op = internal::kSwDiagonal;
      if (up + s.gap > best) best = up + s.gap, op = internal::kSwSkipA;
      if (left + s.gap > best) best = left + s.gap, op = internal::kSwSkipB;
      if (best <= 0) best = 0, op = internal::kSwStop;
      v[t + 1][j + 1] = best;
      out.trace[r.offset[t] + j - r.lo[t]] = op;
      if (best > out.best.score) {
        out.best = SwBest{best, static_cast<int64_t>(t), static_cast<int64_t>(j)};
      }
    }
  }
  return out;
}

// Runs one version with h and trace as AlignRegion sizes them, and checks
// that it leaves h all zeros.
template <typename Score, typename Fn>
Result RunVersion(const Region& r, Fn fn) {
  const size_t width = r.ids_b.size() + 2 + internal::kSwSlack;
  std::vector<Score> h(2 * width, 0);
  std::vector<uint8_t> trace(r.cells + internal::kSwSlack, 0xEE);
  Result out;
  out.best = fn(r.Rows(trace.data()), h.data(), width);
  EXPECT_TRUE(std::all_of(h.begin(), h.end(), [](Score x) { return x == 0; }))
      << "score rows not left zero";
  out.trace.assign(trace.begin(), trace.begin() + static_cast<ptrdiff_t>(r.cells));
  return out;
}

// The first cell where two traces differ, for the failure message.
std::string FirstDifference(const Region& r, const Result& want, const Result& got) {
  for (size_t t = 0; t < r.words.size(); ++t) {
    for (uint32_t j = r.lo[t]; j < r.hi[t]; ++j) {
      const size_t at = r.offset[t] + j - r.lo[t];
      if (want.trace[at] != got.trace[at]) {
        return "row " + std::to_string(t) + " [" + std::to_string(r.lo[t]) + ", " +
               std::to_string(r.hi[t]) + ") column " + std::to_string(j) + ": op " +
               std::to_string(got.trace[at]) + ", want " + std::to_string(want.trace[at]);
      }
    }
  }
  return "none";
}

void ExpectSame(const Region& r, const Result& want, const Result& got, const char* which) {
  EXPECT_EQ(got.best.score, want.best.score) << which;
  EXPECT_EQ(got.best.row, want.best.row) << which;
  EXPECT_EQ(got.best.col, want.best.col) << which;
  EXPECT_TRUE(got.trace == want.trace) << which << ": " << FirstDifference(r, want, got);
}

// Every version (the AVX2 ones where the CPU has them; the 16-bit one where
// the scores fit) against the reference.
// Returns false once a region disagrees, to stop after the first failures.
bool CheckRegion(const Region& r, SwScoring s) {
  const Result want = Reference(r, s);
  ExpectSame(r, want,
             RunVersion<int32_t>(r,
                                 [&](const SwRows& rows, int32_t* h, size_t width) {
                                   return internal::SwAlignRowsScalar(rows, s, h, width);
                                 }),
             "scalar int32");
  ExpectSame(r, want,
             RunVersion<int64_t>(r,
                                 [&](const SwRows& rows, int64_t* h, size_t width) {
                                   return internal::SwAlignRowsScalar(rows, s, h, width);
                                 }),
             "scalar int64");
#ifdef REPRINT_SORTED_AVX2
  if (internal::HasAvx2()) {
    if (internal::SwFitsAvx2<int16_t>(want.best.score, s)) {
      ExpectSame(r, want,
                 RunVersion<int16_t>(r,
                                     [&](const SwRows& rows, int16_t* h, size_t width) {
                                       return internal::SwAlignRowsAvx2(rows, s, h, width);
                                     }),
                 "avx2 int16");
    }
    EXPECT_TRUE(internal::SwFitsAvx2<int32_t>(want.best.score, s));
    ExpectSame(r, want,
               RunVersion<int32_t>(r,
                                   [&](const SwRows& rows, int32_t* h, size_t width) {
                                     return internal::SwAlignRowsAvx2(rows, s, h, width);
                                   }),
               "avx2 int32");
  }
#endif
  return !::testing::Test::HasFailure();
}

void SkipWithoutAvx2() {
#ifdef REPRINT_SORTED_AVX2
  if (internal::HasAvx2()) return;
#endif
  GTEST_SKIP() << "no AVX2: only the scalar version runs here";
}

TEST(BandedSwTest, VersionsAgreeOnRandomRegions) {
  SkipWithoutAvx2();
  const uint64_t seed = testing::TestSeed(7070);
  SCOPED_TRACE("REPRINT_TEST_SEED=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int trial = 0; trial < 3000; ++trial) {
    Shape shape;
    shape.rows = 1 + rng() % 80;
    shape.m = 1 + rng() % 120;
    shape.vocab = 1 + static_cast<uint32_t>(rng() % 6);
    shape.max_width = 1 + static_cast<int>(rng() % 70);
    shape.empty_per_16 = static_cast<int>(rng() % 4);
    shape.jump_per_16 = static_cast<int>(rng() % 4);
    const Region r = MakeRegion(rng, shape);
    // Mostly the default scores; otherwise small ones, so that sums tie.
    SwScoring s{1, -1, -1};
    if (trial % 3 != 0) {
      s = SwScoring{1 + static_cast<int32_t>(rng() % 4), -1 - static_cast<int32_t>(rng() % 4),
                    -1 - static_cast<int32_t>(rng() % 4)};
    }
    SCOPED_TRACE("trial " + std::to_string(trial));
    if (!CheckRegion(r, s)) return;
  }
}

// Rows as wide as the band at its widest and as narrow as one column.
TEST(BandedSwTest, VersionsAgreeOnEveryRowWidth) {
  SkipWithoutAvx2();
  std::mt19937_64 rng(11);
  for (int width = 1; width <= 70; ++width) {
    for (int jumps : {0, 3}) {
      Shape shape;
      shape.rows = 60;
      shape.m = 140;
      shape.max_width = width;
      shape.empty_per_16 = 0;
      shape.jump_per_16 = jumps;
      Region r = MakeRegion(rng, shape);
      for (size_t t = 0; t < r.words.size(); ++t) {  // exactly `width` where it fits
        r.hi[t] = std::min<uint32_t>(r.lo[t] + static_cast<uint32_t>(width), 140);
      }
      r.offset.clear();
      r.cells = 0;
      for (size_t t = 0; t < r.words.size(); ++t) {
        r.offset.push_back(r.cells);
        r.cells += r.hi[t] - r.lo[t];
      }
      SCOPED_TRACE("width " + std::to_string(width));
      if (!CheckRegion(r, SwScoring{1, -1, -1})) return;
    }
  }
}

// Penalties far above the match score: most cells score 0 (kSwStop), and
// many candidates tie at or just around 0.
TEST(BandedSwTest, VersionsAgreeWhereScoresStayNearZero) {
  SkipWithoutAvx2();
  std::mt19937_64 rng(12);
  for (int trial = 0; trial < 600; ++trial) {
    Shape shape;
    shape.rows = 1 + rng() % 60;
    shape.m = 1 + rng() % 90;
    shape.vocab = 1 + static_cast<uint32_t>(rng() % 3);
    const Region r = MakeRegion(rng, shape);
    const int32_t match = 1 + static_cast<int32_t>(rng() % 3);
    const SwScoring s{match, -match * (1 + static_cast<int32_t>(rng() % 3)),
                      trial % 2 == 0 ? -match : -1000};
    SCOPED_TRACE("trial " + std::to_string(trial));
    if (!CheckRegion(r, s)) return;
  }
}

// Scores up to the most that 16 bits allow (SwFitsAvx2<int16_t>), with the
// largest gap penalty and the smallest, and past it (32-bit lanes only).
TEST(BandedSwTest, VersionsAgreeNearTheSixteenBitLimit) {
  SkipWithoutAvx2();
  std::mt19937_64 rng(13);
  const int32_t match = 1000;
  // A's words equal B's: the diagonal scores match per row: 32,000, 16,000
  // and 40,000.
  for (const auto& [gap, rows, fits] :
       {std::tuple{-1, size_t{32}, true}, std::tuple{-1000, size_t{16}, true},
        std::tuple{-1, size_t{40}, false}}) {
    Region r;
    for (size_t t = 0; t < rows; ++t) {
      r.ids_b.push_back(static_cast<uint32_t>(t % 3));
      r.words.push_back(static_cast<uint32_t>(t % 3));
      r.lo.push_back(static_cast<uint32_t>(t > 20 ? t - 20 : 0));
      r.hi.push_back(static_cast<uint32_t>(std::min(t + 21, rows)));
      r.offset.push_back(r.cells);
      r.cells += r.hi.back() - r.lo.back();
    }
    r.ids_b16.assign(r.ids_b.begin(), r.ids_b.end());
    r.ids_b16.resize(rows + internal::kSwSlack, 0xFFFF);
    const SwScoring s{match, -1 - static_cast<int32_t>(rng() % 1000), gap};
    const int64_t top = match * static_cast<int64_t>(rows);
    SCOPED_TRACE("gap " + std::to_string(gap) + ", rows " + std::to_string(rows));
    EXPECT_EQ(internal::SwFitsAvx2<int16_t>(top, s), fits);
    if (fits) {
      EXPECT_FALSE(internal::SwFitsAvx2<int16_t>(top + 1000, s));
    }
    EXPECT_EQ(Reference(r, s).best.score, top);
    CheckRegion(r, s);
  }
}

}  // namespace
}  // namespace reprint

#include "reprint/internal/chain_links.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "tests/support/mutate.h"

namespace reprint::internal {
namespace {

namespace testing = ::reprint::testing;

// The link as its definition reads, in 64 bits, scanning down with a strict
// comparison (so the latest of equal best scores wins); *reaching counts
// the candidates that reach the best score.
ChainLink Reference(const std::vector<int32_t>& a, const std::vector<int32_t>& b,
                    const std::vector<int32_t>& a_end, const std::vector<int32_t>& b_end,
                    const std::vector<int32_t>& score, const ChainCosts& o, size_t from, size_t r,
                    int* reaching) {
  const int64_t len = a_end[r] - a[r];
  int64_t best = len * o.match;
  int64_t index = -1;
  *reaching = 0;
  for (size_t q = r; q-- > from;) {
    const int64_t ga = int64_t{a[r]} - a_end[q];
    const int64_t gb = int64_t{b[r]} - b_end[q];
    const int64_t g = std::min(ga, gb);
    const int64_t shift = std::abs(ga - gb);
    if (!(a[q] < a[r] && b[q] < b[r] && a_end[q] < a_end[r] && b_end[q] < b_end[r] &&
          g <= o.max_gap && shift <= o.band)) {
      continue;
    }
    const int64_t s = score[q] + (g + len) * o.match - shift * o.gap_cost -
                      std::max<int64_t>(g, 0) * o.mismatch_cost;
    if (s > best) {
      best = s, index = static_cast<int64_t>(q), *reaching = 1;
    } else if (s == best && index >= 0) {
      ++*reaching;
    }
  }
  return ChainLink{static_cast<int32_t>(best), index};
}

// Random runs near one another (many can link, and scores often tie), with
// the 8 slots of padding the AVX2 version reads past the last run.
TEST(ChainLinksTest, BothVersionsMatchTheDefinition) {
  const uint64_t seed = testing::TestSeed(4242);
  SCOPED_TRACE("REPRINT_TEST_SEED=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  int linked = 0, ties = 0;
  for (int round = 0; round < 1000; ++round) {
    const ChainCosts o{static_cast<int32_t>(rng() % 30), static_cast<int32_t>(1 + rng() % 20),
                       static_cast<int32_t>(1 + rng() % 3), static_cast<int32_t>(1 + rng() % 3),
                       static_cast<int32_t>(1 + rng() % 3)};
    const size_t n = 1 + rng() % 100;
    std::vector<int32_t> a(n + 8), b(n + 8), a_end(n + 8), b_end(n + 8), score(n + 8);
    const int32_t spread = static_cast<int32_t>(4 + rng() % 200);
    for (size_t i = 0; i < n + 8; ++i) {  // the padding holds junk too
      a[i] = static_cast<int32_t>(rng() % spread);
      b[i] = static_cast<int32_t>(rng() % spread);
      const int32_t len = static_cast<int32_t>(1 + rng() % 12);
      a_end[i] = a[i] + len;
      b_end[i] = b[i] + len;
      score[i] = static_cast<int32_t>(rng() % 4 == 0 ? len : rng() % 16);
    }
    const ChainColumns c{a.data(), b.data(), a_end.data(), b_end.data(), score.data()};
    for (size_t r = 0; r < n; ++r) {
      const size_t stop = r > kChainCandidates ? r - kChainCandidates : 0;
      const size_t from = stop + rng() % (r - stop + 1);
      int reaching = 0;
      const ChainLink want = Reference(a, b, a_end, b_end, score, o, from, r, &reaching);
      linked += want.index >= 0;
      ties += reaching > 1;
      const ChainLink loops = BestChainLinkLoops(c, o, from, r);
      ASSERT_EQ(loops.score, want.score) << "round " << round << " r " << r;
      ASSERT_EQ(loops.index, want.index) << "round " << round << " r " << r;
#ifdef REPRINT_SORTED_AVX2
      if (HasAvx2()) {
        const ChainLink avx2 = BestChainLinkAvx2(c, o, from, r);
        ASSERT_EQ(avx2.score, want.score) << "round " << round << " r " << r;
        ASSERT_EQ(avx2.index, want.index) << "round " << round << " r " << r;
      }
#endif
    }
  }
  // The inputs exercise linking, not only runs alone.
  EXPECT_GT(linked, 3000);
  EXPECT_GT(ties, 80);
}

}  // namespace
}  // namespace reprint::internal

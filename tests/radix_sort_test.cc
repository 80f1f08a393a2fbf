#include "reprint/internal/radix_sort.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <random>
#include <span>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/candidate.h"

namespace reprint {
namespace {

// Sizes around the insertion-sort cutoff and the switch from 8- to 11-bit
// digits, and the empty and single cases.
constexpr size_t kSizes[] = {0, 1, 2, 3, 63, 64, 65, 1000, 4095, 4096, 100000};

TEST(RadixSortTest, MatchesStdSortOnRandomIntegers) {
  for (uint32_t seed : {1u, 2u, 3u}) {
    std::mt19937_64 rng(seed);
    for (size_t n : kSizes) {
      // Full-range values, and values from a small range (many duplicates).
      for (uint64_t range : {uint64_t{0}, uint64_t{7}, uint64_t{1} << 40}) {
        std::vector<uint64_t> v(n);
        for (uint64_t& x : v) x = range == 0 ? rng() : rng() % range;
        std::vector<uint64_t> want = v;
        std::sort(want.begin(), want.end());
        std::vector<uint64_t> scratch;
        const int bits = range == 0 ? 64 : std::bit_width(range);
        internal::RadixSort(std::span<uint64_t>(v), scratch, bits);
        EXPECT_EQ(v, want) << "seed " << seed << " n " << n << " range " << range;
      }
    }
  }
}

TEST(RadixSortTest, ByKeyIsStable) {
  // Sorting (key, position) by key alone must give std::sort's order of the
  // pairs: equal keys keep their input order.
  for (uint32_t seed : {4u, 5u}) {
    std::mt19937_64 rng(seed);
    for (size_t n : kSizes) {
      std::vector<std::pair<uint32_t, uint32_t>> v(n);
      for (size_t i = 0; i < n; ++i) v[i] = {static_cast<uint32_t>(rng() % 50), static_cast<uint32_t>(i)};
      std::vector<std::pair<uint32_t, uint32_t>> want = v;
      std::sort(want.begin(), want.end());
      std::vector<std::pair<uint32_t, uint32_t>> scratch;
      internal::RadixSortByKey(std::span(v), scratch,
                               [](const std::pair<uint32_t, uint32_t>& p) { return uint64_t{p.first}; },
                               32);
      EXPECT_EQ(v, want) << "seed " << seed << " n " << n;
    }
  }
}

// The parallel sort on enough items that every thread takes a chunk (it
// falls back to the one-thread sort below 2^17), keys whose digits vary
// in some passes and agree in others, and duplicates: std::stable_sort's
// order for any thread count.
TEST(RadixSortTest, ParallelByKeyMatchesStableSort) {
  std::mt19937_64 rng(9);
  for (size_t n : {size_t{1000}, size_t{300000}, size_t{1000003}}) {
    // Keys of 33 bits (three 11-bit passes), of which the middle digit is
    // always 5 in the second case (a pass all items agree in), and few
    // distinct keys in the third.
    for (int kind : {0, 1, 2}) {
      std::vector<std::pair<uint64_t, uint32_t>> v(n);
      for (size_t i = 0; i < n; ++i) {
        uint64_t k = rng() & ((uint64_t{1} << 33) - 1);
        if (kind == 1) k = (k & ~(uint64_t{2047} << 11)) | (uint64_t{5} << 11);
        if (kind == 2) k %= 1000;
        v[i] = {k, static_cast<uint32_t>(i)};
      }
      std::vector<std::pair<uint64_t, uint32_t>> want = v;
      std::stable_sort(want.begin(), want.end(),
                       [](const auto& x, const auto& y) { return x.first < y.first; });
      for (int threads : {1, 2, 3, 8}) {
        std::vector<std::pair<uint64_t, uint32_t>> got = v;
        std::vector<std::pair<uint64_t, uint32_t>> scratch;
        internal::ParallelRadixSortByKey(
            std::span(got), scratch, [](const std::pair<uint64_t, uint32_t>& p) { return p.first; },
            33, threads);
        EXPECT_TRUE(got == want) << "n " << n << " kind " << kind << " threads " << threads;
      }
    }
  }
}

TEST(RadixSortTest, SortUniqueMatchesStdSort) {
  for (uint32_t seed : {6u, 7u, 8u}) {
    std::mt19937_64 rng(seed);
    for (size_t n : kSizes) {
      for (uint32_t max_index : {1u, 30u, 1u << 20, 0xFFFFFFFFu}) {
        std::vector<CandidatePair> v(n);
        for (CandidatePair& p : v) {
          uint32_t a = static_cast<uint32_t>(rng() % (uint64_t{max_index} + 1));
          uint32_t b = static_cast<uint32_t>(rng() % (uint64_t{max_index} + 1));
          if (a > b) std::swap(a, b);
          p = {a, b};
        }
        std::vector<CandidatePair> want = v;
        std::sort(want.begin(), want.end());
        want.erase(std::unique(want.begin(), want.end()), want.end());
        SortUnique(v);
        EXPECT_EQ(v, want) << "seed " << seed << " n " << n << " max " << max_index;
      }
    }
  }
}

}  // namespace
}  // namespace reprint

#include "reprint/internal/hash_sort.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace reprint {
namespace {

// Around the std::sort cutoff (48), bucket counts that are and are not
// powers of two, and large.
constexpr size_t kSizes[] = {0, 1, 2, 47, 48, 49, 64, 100, 1000, 4097, 100000};

void ExpectSortsLikeStdSort(std::vector<uint64_t> v, internal::HashSortScratch& scratch,
                            const char* what) {
  std::vector<uint64_t> want = v;
  std::sort(want.begin(), want.end());
  internal::SortHashes(v, scratch);
  EXPECT_EQ(v, want) << what << ", n " << want.size();
}

TEST(HashSortTest, MatchesStdSortOnHashes) {
  internal::HashSortScratch scratch;  // shared across calls, as callers do
  for (uint32_t seed : {1u, 2u, 3u}) {
    std::mt19937_64 rng(seed);
    for (size_t n : kSizes) {
      std::vector<uint64_t> v(n);
      for (uint64_t& x : v) x = rng();
      ExpectSortsLikeStdSort(v, scratch, "uniform");
    }
  }
}

TEST(HashSortTest, CrowdedBucketsStaySorted) {
  internal::HashSortScratch scratch;
  std::mt19937_64 rng(7);
  for (size_t n : kSizes) {
    // Small values: every value in bucket 0 (std::sort of that bucket).
    std::vector<uint64_t> small(n);
    for (uint64_t& x : small) x = rng() % 1000;
    ExpectSortsLikeStdSort(small, scratch, "small values");
    // Many copies of a few values (a repeated shingle), mixed with uniform.
    std::vector<uint64_t> repeats(n);
    const uint64_t few[] = {rng(), rng(), rng()};
    for (size_t i = 0; i < n; ++i) repeats[i] = i % 4 == 0 ? rng() : few[i % 3];
    ExpectSortsLikeStdSort(repeats, scratch, "repeats");
    // Sorted and reversed input.
    std::vector<uint64_t> sorted(n);
    for (uint64_t& x : sorted) x = rng();
    std::sort(sorted.begin(), sorted.end());
    ExpectSortsLikeStdSort(sorted, scratch, "sorted");
    std::reverse(sorted.begin(), sorted.end());
    ExpectSortsLikeStdSort(sorted, scratch, "reversed");
    // Extremes of the range.
    std::vector<uint64_t> extremes(n);
    for (size_t i = 0; i < n; ++i) extremes[i] = i % 2 ? UINT64_MAX - i : i;
    ExpectSortsLikeStdSort(extremes, scratch, "extremes");
  }
}

}  // namespace
}  // namespace reprint

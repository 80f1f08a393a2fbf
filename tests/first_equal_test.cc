#include "reprint/internal/first_equal.h"

#include <cstdint>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace reprint {
namespace {

// The definition: first[i] is the smallest j with items[j] == items[i].
std::vector<uint32_t> Reference(const std::vector<uint32_t>& items) {
  std::vector<uint32_t> first(items.size());
  bool any = false;
  for (uint32_t i = 0; i < items.size(); ++i) {
    uint32_t j = 0;
    while (items[j] != items[i]) ++j;
    first[i] = j;
    any = any || j != i;
  }
  if (!any) return {};
  return first;
}

// Items from a small range (many equal), hashed into fewer values still, so
// runs of equal hashes hold unequal items (collisions) and cross the
// threads' chunk boundaries; every thread count must give the definition.
TEST(FirstOfEqualTest, MatchesDefinitionOnAnyThreadCount) {
  std::mt19937_64 rng(7);
  for (size_t n : {size_t{0}, size_t{1}, size_t{2}, size_t{5}, size_t{300}, size_t{5000}}) {
    for (uint32_t range : {2u, 40u, 1000u, 1u << 30}) {
      std::vector<uint32_t> items(n), hashes(n);
      for (size_t i = 0; i < n; ++i) {
        items[i] = static_cast<uint32_t>(rng() % range);
        hashes[i] = items[i] % 17;
      }
      const std::vector<uint32_t> want = Reference(items);
      for (int threads : {1, 2, 3, 8}) {
        SCOPED_TRACE(testing::Message() << "n " << n << " range " << range << " threads "
                                        << threads);
        const std::vector<uint32_t> got = internal::FirstOfEqual(
            hashes, [&](uint32_t i, uint32_t j) { return items[i] == items[j]; }, threads);
        EXPECT_EQ(got, want);
      }
    }
  }
}

// One run of equal hashes longer than a thread's share stays whole.
TEST(FirstOfEqualTest, OneRunAcrossEveryChunk) {
  const std::vector<uint32_t> hashes(1000, 5);
  std::vector<uint32_t> items(1000);
  for (size_t i = 0; i < items.size(); ++i) items[i] = static_cast<uint32_t>(i % 3);
  for (int threads : {1, 2, 4}) {
    const std::vector<uint32_t> got = internal::FirstOfEqual(
        hashes, [&](uint32_t i, uint32_t j) { return items[i] == items[j]; }, threads);
    EXPECT_EQ(got, Reference(items));
  }
}

}  // namespace
}  // namespace reprint

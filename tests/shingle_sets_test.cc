#include "reprint/shingle_sets.h"

#include <algorithm>
#include <random>
#include <thread>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/mutate.h"

namespace reprint {
namespace {

// Sorted unique sets of 0 to max_size random values.
std::vector<std::vector<uint64_t>> RandomSets(size_t n, size_t max_size, std::mt19937_64& rng) {
  std::vector<std::vector<uint64_t>> sets(n);
  for (auto& s : sets) {
    s.resize(rng() % (max_size + 1));
    for (uint64_t& v : s) v = rng();
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
  }
  return sets;
}

std::vector<uint64_t> ToVector(std::span<const uint64_t> s) { return {s.begin(), s.end()}; }

// Every set read back, by Read and by ForEach, equals what was added.
void ExpectHolds(const ShingleSets& store, const std::vector<std::vector<uint64_t>>& want) {
  ASSERT_EQ(store.size(), want.size());
  std::vector<uint64_t> buf;
  for (uint32_t i = 0; i < store.size(); ++i) {
    EXPECT_EQ(store.set_size(i), want[i].size()) << i;
    EXPECT_EQ(ToVector(store.Read(i, &buf)), want[i]) << i;
  }
  // Backwards too: reads do not depend on order.
  for (uint32_t i = store.size(); i-- > 0;) EXPECT_EQ(ToVector(store.Read(i, &buf)), want[i]) << i;
  uint32_t next = 0;
  store.ForEach([&](uint32_t i, std::span<const uint64_t> s) {
    EXPECT_EQ(i, next++);
    EXPECT_EQ(ToVector(s), want[i]) << i;
  });
  EXPECT_EQ(next, store.size());
  // Ranges: empty, from the middle (a read block then starts mid-file),
  // up to the end (the sets not yet written), and one range per thread.
  const uint32_t n = store.size();
  for (auto [begin, end] : {std::pair{0u, 0u}, std::pair{n / 3, n / 3}, std::pair{n / 3, n},
                            std::pair{1u, n / 2}, std::pair{n - 1, n}}) {
    next = begin;
    store.ForEach(begin, end, [&](uint32_t i, std::span<const uint64_t> s) {
      EXPECT_EQ(i, next++);
      EXPECT_EQ(ToVector(s), want[i]) << i;
    });
    EXPECT_EQ(next, end) << begin;
  }
  std::vector<uint32_t> seen(n, 0);
  std::vector<std::thread> threads;
  for (uint32_t t = 0; t < 3; ++t) {
    threads.emplace_back([&, t] {
      store.ForEach(n * t / 3, n * (t + 1) / 3, [&](uint32_t i, std::span<const uint64_t> s) {
        ++seen[i];
        if (ToVector(s) != want[i]) seen[i] += 100;
      });
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(seen, std::vector<uint32_t>(n, 1));
  EXPECT_TRUE(store.status().ok()) << store.status();
}

TEST(ShingleSetsTest, InMemoryByDefault) {
  std::mt19937_64 rng(testing::TestSeed(1));
  const auto sets = RandomSets(500, 300, rng);
  ShingleSets store;
  for (const auto& s : sets) store.Add(s);
  EXPECT_FALSE(store.spilled());
  ExpectHolds(store, sets);
  EXPECT_EQ(ToVector(store[7]), sets[7]);
}

TEST(ShingleSetsTest, SpillsPastTheSizeAndReadsTheSame) {
  std::mt19937_64 rng(testing::TestSeed(2));
  // Small sets, large ones (past the 1 MB write buffer and the 4 MB ForEach
  // block) and empty ones, spilled after the first few kilobytes.
  auto sets = RandomSets(3000, 200, rng);
  sets[10].clear();
  for (size_t big : {size_t{200000}, size_t{700000}}) {
    std::vector<uint64_t> s(big);
    for (uint64_t& v : s) v = rng();
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    sets.insert(sets.begin() + static_cast<ptrdiff_t>(sets.size() / (big > 300000 ? 3 : 2)), s);
  }
  ShingleSets store(SpillOptions{.above_bytes = 4096, .min_mean_values = 0, .dir = {}});
  for (size_t i = 0; i < sets.size(); ++i) {
    EXPECT_EQ(store.Add(sets[i]), i);
    if (i == 100) {
      EXPECT_TRUE(store.spilled());
    }
  }
  ExpectHolds(store, sets);
}

TEST(ShingleSetsTest, SmallSetsStayInMemory) {
  // 40 values per set on average, under min_mean_values 128.
  std::mt19937_64 rng(testing::TestSeed(3));
  const auto sets = RandomSets(2000, 80, rng);
  ShingleSets store(SpillOptions{.above_bytes = 4096, .min_mean_values = 128, .dir = {}});
  for (const auto& s : sets) store.Add(s);
  EXPECT_FALSE(store.spilled());
  ExpectHolds(store, sets);
}

TEST(ShingleSetsTest, MoveKeepsTheSets) {
  std::mt19937_64 rng(testing::TestSeed(4));
  const auto sets = RandomSets(300, 100, rng);
  ShingleSets store(SpillOptions{.above_bytes = 1024, .min_mean_values = 0, .dir = {}});
  for (const auto& s : sets) store.Add(s);
  ShingleSets moved = std::move(store);
  EXPECT_TRUE(moved.spilled());
  ExpectHolds(moved, sets);
}

TEST(ShingleSetsTest, UnwritableFolderIsAnErrorNamingIt) {
  std::mt19937_64 rng(testing::TestSeed(5));
  const auto sets = RandomSets(200, 100, rng);
  ShingleSets store(
      SpillOptions{.above_bytes = 1024, .min_mean_values = 0, .dir = "/nonexistent/reprint"});
  for (const auto& s : sets) store.Add(s);
  // The sets stay in memory and are all there; the error says where.
  EXPECT_FALSE(store.spilled());
  std::vector<uint64_t> buf;
  for (uint32_t i = 0; i < store.size(); ++i) EXPECT_EQ(ToVector(store.Read(i, &buf)), sets[i]);
  EXPECT_FALSE(store.status().ok());
  EXPECT_NE(store.status().message().find("/nonexistent/reprint"), std::string::npos)
      << store.status();
}

}  // namespace
}  // namespace reprint

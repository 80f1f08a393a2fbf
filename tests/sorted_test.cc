#include "reprint/internal/sorted.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <random>
#include <vector>

#include "gtest/gtest.h"

namespace reprint {
namespace {

// Sorted, duplicate-free: `shared` values in both, then `only_a` and
// `only_b` values in one each, drawn from a range `spread` times wider than
// needed (so runs of shared and unshared values interleave in every way).
struct SetPair {
  std::vector<uint64_t> a, b;
  size_t shared = 0;
};

SetPair MakePair(std::mt19937_64& rng, size_t shared, size_t only_a, size_t only_b,
                 uint64_t spread) {
  const uint64_t range = std::max<uint64_t>(1, (shared + only_a + only_b) * spread);
  std::vector<uint64_t> values;
  while (values.size() < shared + only_a + only_b) {
    values.push_back(rng() % range);
    if (values.size() == shared + only_a + only_b) {
      std::sort(values.begin(), values.end());
      values.erase(std::unique(values.begin(), values.end()), values.end());
    }
  }
  std::shuffle(values.begin(), values.end(), rng);
  SetPair p;
  p.a.assign(values.begin(), values.begin() + static_cast<ptrdiff_t>(shared + only_a));
  p.b.assign(values.begin(), values.begin() + static_cast<ptrdiff_t>(shared));
  p.b.insert(p.b.end(), values.begin() + static_cast<ptrdiff_t>(shared + only_a), values.end());
  std::sort(p.a.begin(), p.a.end());
  std::sort(p.b.begin(), p.b.end());
  p.shared = shared;
  return p;
}

size_t Reference(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::vector<uint64_t> both;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
  return both.size();
}

// What SortedIntersectionSizeAtLeast promises: the exact size when it is at
// least `need`, some value below `need` otherwise.
void ExpectAtLeastContract(size_t got, size_t exact, size_t need, const char* which) {
  if (exact >= need) {
    EXPECT_EQ(got, exact) << which << ", need " << need;
  } else {
    EXPECT_LT(got, need) << which << ", exact " << exact;
  }
}

TEST(SortedTest, AtLeastKeepsItsContractInEveryVersion) {
  std::mt19937_64 rng(5);
  for (int round = 0; round < 4000; ++round) {
    const size_t shared = rng() % 40;
    const size_t only_a = rng() % (round % 3 == 0 ? 3 : 60);
    const size_t only_b = rng() % (round % 5 == 0 ? 3 : 60);
    const SetPair p = MakePair(rng, shared, only_a, only_b, 1 + rng() % 4);
    const size_t exact = Reference(p.a, p.b);
    ASSERT_EQ(exact, p.shared);
    ASSERT_EQ(internal::SortedIntersectionSize(p.a, p.b), exact);
    for (size_t need : {size_t{0}, size_t{1}, exact / 2, exact, exact + 1,
                        std::min(p.a.size(), p.b.size()), p.a.size() + 1}) {
      ExpectAtLeastContract(internal::SortedIntersectionSizeAtLeast(
                                p.a.data(), p.a.size(), p.b.data(), p.b.size(), need),
                            exact, need, "dispatched");
      ExpectAtLeastContract(internal::SortedIntersectionSizeAtLeastScalar(
                                p.a.data(), p.a.size(), p.b.data(), p.b.size(), need),
                            exact, need, "scalar");
#ifdef REPRINT_SORTED_AVX2
      if (internal::HasAvx2()) {
        ExpectAtLeastContract(internal::SortedIntersectionSizeAtLeastAvx2(
                                  p.a.data(), p.a.size(), p.b.data(), p.b.size(), need),
                              exact, need, "avx2");
      }
#endif
    }
  }
}

// Identical sets, disjoint interleaved sets, one inside the other, and
// blocks whose last values tie: the cases where both blocks move at once.
TEST(SortedTest, AtLeastOnStructuredSets) {
  std::vector<uint64_t> evens, odds, all, firsts;
  for (uint64_t v = 0; v < 203; ++v) {
    (v % 2 == 0 ? evens : odds).push_back(v);
    all.push_back(v);
    if (v < 37) firsts.push_back(v);
  }
  struct Case {
    const std::vector<uint64_t>* a;
    const std::vector<uint64_t>* b;
  };
  for (const Case c : {Case{&all, &all}, Case{&evens, &odds}, Case{&evens, &all},
                       Case{&all, &odds}, Case{&firsts, &all}, Case{&all, &firsts}}) {
    const size_t exact = Reference(*c.a, *c.b);
    for (size_t need = 0; need <= exact + 1; ++need) {
      ExpectAtLeastContract(internal::SortedIntersectionSizeAtLeast(
                                c.a->data(), c.a->size(), c.b->data(), c.b->size(), need),
                            exact, need, "dispatched");
    }
  }
}

}  // namespace
}  // namespace reprint

#include "reprint/lsh.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace reprint {
namespace {

TEST(LshTest, ForThresholdMeetsRecallTarget) {
  for (double t : {0.3, 0.5, 0.7, 0.8, 0.9}) {
    LshParams p = LshParams::ForThreshold(t, 128);
    EXPECT_TRUE(p.Validate(128).ok()) << t;
    EXPECT_GE(p.CandidateProbability(LshParams::RecallPoint(t)), 0.995) << t;
  }
  // Known answer for the default threshold.
  LshParams p = LshParams::ForThreshold(0.5, 128);
  EXPECT_EQ(p.bands, 22);
  EXPECT_EQ(p.rows, 3);
}

TEST(LshTest, CandidateProbabilityIsMonotone) {
  LshParams p{20, 5};
  double last = -1;
  for (double j = 0; j <= 1.0; j += 0.05) {
    EXPECT_GE(p.CandidateProbability(j), last);
    last = p.CandidateProbability(j);
  }
  EXPECT_DOUBLE_EQ(p.CandidateProbability(1.0), 1.0);
  EXPECT_DOUBLE_EQ(p.CandidateProbability(0.0), 0.0);
}

TEST(LshTest, ValidateChecksProduct) {
  EXPECT_FALSE((LshParams{20, 7}).Validate(128).ok());
  EXPECT_TRUE((LshParams{16, 8}).Validate(128).ok());
}

TEST(LshTest, SharedBandMakesCandidate) {
  // 4 units, 2 bands: units 0 and 2 share band 1; unit 1 and 3 share band 0.
  // Unit-major: {unit0 band0, unit0 band1, unit1 band0, ...}.
  std::vector<uint64_t> keys = {10, 20, 11, 21, 12, 20, 11, 23};
  std::vector<CandidatePair> c = LshCandidates(keys, 4, LshParams{2, 1});
  EXPECT_EQ(c, (std::vector<CandidatePair>{{0, 2}, {1, 3}}));
}

TEST(LshTest, BandKeysDependOnSeedAndBand) {
  std::vector<uint32_t> sig = {1, 2, 1, 2};
  uint64_t k1[2], k2[2];
  BandKeys(sig, LshParams{2, 2}, 5, k1);
  BandKeys(sig, LshParams{2, 2}, 6, k2);
  EXPECT_NE(k1[0], k1[1]);  // same rows, different band seed
  EXPECT_NE(k1[0], k2[0]);
}

TEST(LshTest, HugeBucketIsLinearStar) {
  const uint32_t n = 100000;
  std::vector<uint64_t> keys(n, 42);  // one band, all equal
  LshOptions opt;
  opt.max_bucket_all_pairs = 64;
  std::vector<CandidatePair> c = LshCandidates(keys, n, LshParams{1, 1}, opt);
  ASSERT_EQ(c.size(), n - 1);
  EXPECT_EQ(c.front(), (CandidatePair{0, 1}));
  EXPECT_EQ(c.back(), (CandidatePair{0, n - 1}));
}

TEST(LshTest, SmallBucketGivesAllPairs) {
  std::vector<uint64_t> keys(5, 7);
  EXPECT_EQ(LshCandidates(keys, 5, LshParams{1, 1}).size(), 10u);
}

// The grouping LshCandidates replaced: sort each band's (key, unit) column,
// list every bucket's pairs (a star above the limit), sort and deduplicate.
std::vector<CandidatePair> ReferenceLsh(const std::vector<uint64_t>& keys, uint32_t n, int bands,
                                        uint32_t max_bucket) {
  std::vector<CandidatePair> out;
  for (int band = 0; band < bands; ++band) {
    std::vector<std::pair<uint64_t, uint32_t>> column;
    for (uint32_t i = 0; i < n; ++i) column.push_back({keys[size_t{i} * bands + band], i});
    std::sort(column.begin(), column.end());
    for (size_t g = 0; g < column.size();) {
      size_t e = g + 1;
      while (e < column.size() && column[e].first == column[g].first) ++e;
      for (size_t x = g; x < e; ++x) {
        for (size_t y = x + 1; y < e; ++y) {
          if (e - g <= max_bucket || x == g) out.push_back({column[x].second, column[y].second});
        }
      }
      g = e;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The unit-major keys in a BandKeyTable with room to spare (so that a band's
// keys start past the units added), a unit whose keys equal an earlier
// unit's added as a copy of it, as Scan() adds a repeated unit.
BandKeyTable TableOf(const std::vector<uint64_t>& keys, uint32_t n, int bands) {
  BandKeyTable table(bands, size_t{n} + 7);
  const size_t row = static_cast<size_t>(bands);
  std::map<std::vector<uint64_t>, uint32_t> first;
  for (uint32_t i = 0; i < n; ++i) {
    const std::vector<uint64_t> keys_i(keys.begin() + static_cast<ptrdiff_t>(i * row),
                                       keys.begin() + static_cast<ptrdiff_t>((i + 1) * row));
    const auto [it, added] = first.emplace(keys_i, i);
    if (added) {
      table.Add(keys_i);
    } else {
      table.AddCopyOf(it->second);
    }
  }
  return table;
}

// LshCandidates gives ReferenceLsh's pairs for limits of 2, 3 and 64 on 1-3
// threads, from unit-major keys and from a BandKeyTable.
void ExpectReferenceLsh(const std::vector<uint64_t>& keys, uint32_t n, int bands,
                        const std::string& what) {
  const BandKeyTable table = TableOf(keys, n, bands);
  ASSERT_EQ(table.size(), n);
  for (uint32_t i = 0; i < n; ++i) {
    for (int b = 0; b < bands; ++b) {
      ASSERT_EQ(table.key(i, b), keys[size_t{i} * bands + b]) << what << " unit " << i;
      ASSERT_EQ(table.band(b)[i], keys[size_t{i} * bands + b]) << what << " unit " << i;
    }
  }
  for (uint32_t max_bucket : {2u, 3u, 64u}) {
    const std::vector<CandidatePair> want = ReferenceLsh(keys, n, bands, max_bucket);
    for (int threads : {1, 2, 3}) {
      LshOptions opt;
      opt.max_bucket_all_pairs = max_bucket;
      opt.threads = threads;
      EXPECT_EQ(LshCandidates(keys, n, LshParams{bands, 1}, opt), want)
          << what << " max " << max_bucket << " threads " << threads;
      EXPECT_EQ(LshCandidates(table, LshParams{bands, 1}, opt), want)
          << what << " max " << max_bucket << " threads " << threads << " (table)";
    }
  }
}

TEST(LshTest, MatchesSortedGroupingOnRandomKeys) {
  // Keys drawn from small pools, so units collide in many bands at once and
  // some buckets exceed the all-pairs limit; spread keys exercise the
  // earlier-band filter, small raw keys (all in one bin) its fallback.
  for (uint32_t seed : {1u, 2u, 3u}) {
    std::mt19937_64 rng(seed);
    // 20,000 units take two steps to their bins (partitions first); one
    // seed of them is enough.
    for (uint32_t n : {0u, 1u, 2u, 5u, 300u, 3000u, 20000u}) {
      if (n == 20000 && seed != 1) continue;
      for (bool spread : {true, false}) {
        const int bands = 1 + static_cast<int>(rng() % 8);
        std::vector<uint64_t> keys(size_t{n} * bands);
        const uint64_t pool = 1 + rng() % (n / 4 + 2);
        for (uint32_t i = 0; i < n; ++i) {
          // A quarter of the units copy an earlier unit's keys in some bands.
          const uint32_t src = i > 0 && rng() % 4 == 0 ? static_cast<uint32_t>(rng() % i) : i;
          for (int b = 0; b < bands; ++b) {
            uint64_t k = rng() % pool;
            if (spread) k = k * 0x9E3779B97F4A7C15ull + static_cast<uint64_t>(b);
            if (src != i && rng() % 2 == 0) k = keys[size_t{src} * bands + b];
            keys[size_t{i} * bands + b] = k;
          }
        }
        ExpectReferenceLsh(keys, n, bands,
                           "seed " + std::to_string(seed) + " n " + std::to_string(n) + " spread " +
                               std::to_string(spread));
      }
    }
  }
}

TEST(LshTest, MatchesSortedGroupingWithTwins) {
  // Twins (units with the same keys in every band) are listed apart from the
  // bands: groups of every size, above and below the all-pairs limit, inside
  // buckets whose first unit is or is not one of them, and units sharing
  // only some bands with a group.
  for (uint32_t seed : {1u, 2u, 3u, 4u}) {
    std::mt19937_64 rng(seed);
    for (uint32_t n : {2u, 3u, 10u, 300u, 3000u, 20000u}) {
      if (n == 20000 && seed != 1) continue;  // two steps to the bins, as above
      for (uint32_t sources : {1u, 3u, 50u}) {
        const int bands = 1 + static_cast<int>(rng() % 6);
        std::vector<uint64_t> keys(size_t{n} * bands);
        const uint64_t pool = 1 + rng() % (n / 8 + 2);
        for (uint32_t i = 0; i < n; ++i) {
          const uint32_t kind = static_cast<uint32_t>(rng() % 3);
          // A twin of one of the first `sources` units (or of an earlier one).
          const uint32_t src = static_cast<uint32_t>(rng() % std::min(i + 1, sources));
          for (int b = 0; b < bands; ++b) {
            uint64_t k = rng() % pool;
            if (kind == 0 && src < i) k = keys[size_t{src} * bands + b];
            if (kind == 1 && src < i && rng() % 2 == 0) k = keys[size_t{src} * bands + b];
            keys[size_t{i} * bands + b] = k;
          }
        }
        ExpectReferenceLsh(keys, n, bands,
                           "seed " + std::to_string(seed) + " n " + std::to_string(n) +
                               " sources " + std::to_string(sources));
      }
    }
  }
}

TEST(LshTest, TwinsAboveTheLimitGetTheStarOfTheirBucket) {
  // Units 1-4 are twins in a two-band bucket of five (limit 3): the star
  // from unit 0 lists none of their pairs, as the bands did. Units 5-9 are
  // twins too, alone in their buckets: the star from unit 5.
  std::vector<uint64_t> keys;
  for (uint32_t i = 0; i < 10; ++i) {
    keys.push_back(i < 5 ? 1 : 2);               // band 0
    keys.push_back(i == 0 ? 3 : i < 5 ? 1 : 2);  // band 1: unit 0 leaves
  }
  LshOptions opt;
  opt.max_bucket_all_pairs = 3;
  const std::vector<CandidatePair> want = ReferenceLsh(keys, 10, 2, 3);
  EXPECT_EQ(LshCandidates(keys, 10, LshParams{2, 1}, opt), want);
  // Band 1 puts units 1-4 in a bucket of four, over the limit too: its star
  // from unit 1 lists (1, 2), (1, 3), (1, 4).
  EXPECT_EQ(
      want,
      (std::vector<CandidatePair>{
          {0, 1}, {0, 2}, {0, 3}, {0, 4}, {1, 2}, {1, 3}, {1, 4}, {5, 6}, {5, 7}, {5, 8}, {5, 9}}));
}

}  // namespace
}  // namespace reprint

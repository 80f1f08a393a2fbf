#include "reprint/internal/minhash_simd.h"

#include <cstdint>
#include <limits>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/minhash.h"

namespace reprint {
namespace {

using internal::MinHashPath;

constexpr uint32_t kKs[] = {1, 2, 3, 7, 37, 64, 100, 128, 256, 1000, 4096};

// A set of n shingle hashes of one of four kinds: random; drawn from a pool
// of n / 3 + 1 values (so with duplicates); the extremes 0 and UINT64_MAX
// and values next to them (duplicates too, once n > 8); one value n times.
std::vector<uint64_t> MakeSet(std::mt19937_64& rng, size_t n, int kind) {
  constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
  const uint64_t extremes[] = {0, kMax, 1, kMax - 1, uint64_t{1} << 63,
                               (uint64_t{1} << 63) - 1, 0xFFFFFFFFu, uint64_t{1} << 32};
  std::vector<uint64_t> pool(n / 3 + 1);
  for (uint64_t& x : pool) x = rng();
  const uint64_t one = rng();
  std::vector<uint64_t> set(n);
  for (size_t i = 0; i < n; ++i) {
    switch (kind) {
      case 0:
        set[i] = rng();
        break;
      case 1:
        set[i] = pool[rng() % pool.size()];
        break;
      case 2:
        set[i] = extremes[rng() % std::size(extremes)];
        break;
      default:
        set[i] = one;
        break;
    }
  }
  return set;
}

std::vector<uint32_t> SignWith(MinHashPath path, const std::vector<uint64_t>& seeds, uint32_t k,
                               const std::vector<uint64_t>& set) {
  std::vector<uint32_t> sig(k);
  internal::MinHashSign(path, seeds.data(), k, set, sig.data());
  return sig;
}

// Signs many seeded random sets (every size from 0 to 300, and 10,000) with
// `path` and with the scalar rounds, for K from 1 to 4096: the signatures
// must be equal bit for bit.
void ExpectPathMatchesScalar(MinHashPath path) {
  std::mt19937_64 rng(20261128);
  for (uint32_t k : kKs) {
    const std::vector<uint64_t> seeds = internal::MinHashRoundSeeds(rng(), k);
    std::vector<size_t> sizes;
    for (size_t n = 0; n <= 300; ++n) sizes.push_back(n);
    sizes.push_back(10000);
    for (size_t n : sizes) {
      for (int kind = 0; kind < 4; ++kind) {
        const std::vector<uint64_t> set = MakeSet(rng, n, kind);
        ASSERT_EQ(SignWith(path, seeds, k, set), SignWith(MinHashPath::kScalar, seeds, k, set))
            << "K=" << k << " n=" << n << " kind=" << kind;
      }
    }
  }
}

// The shingle hash that round 0 (seed s0) mixes into h: Mix inverted. Each
// xorshift y = x ^ (x >> s) is undone by y ^ (y >> s) ^ (y >> 2s) ...; each
// multiply by its inverse modulo 2^64.
uint64_t Unmix(uint64_t h, uint64_t s0) {
  auto inverse = [](uint64_t c) {
    uint64_t inv = c;  // Newton's iteration doubles the correct low bits
    for (int i = 0; i < 6; ++i) inv *= 2 - c * inv;
    return inv;
  };
  auto unshift = [](uint64_t y, int s) {
    uint64_t x = y;
    for (int t = s; t < 64; t += s) x ^= y >> t;
    return x;
  };
  h = unshift(h, 31);
  h *= inverse(0x94d049bb133111ebULL);
  h = unshift(h, 27);
  h *= inverse(0xbf58476d1ce4e5b9ULL);
  h = unshift(h, 30);
  return h ^ s0;
}

// Sets whose round-0 hashes sit on the bins' edges, where the high half of
// h * K is most easily got wrong: the smallest hash of each bin b,
// ceil(b 2^64 / K), and the largest of the one before (one less). Then every
// bin's winner is an edge hash.
void ExpectPathMatchesScalarOnBinEdges(MinHashPath path) {
  std::mt19937_64 rng(5);
  for (uint32_t k : kKs) {
    const std::vector<uint64_t> seeds = internal::MinHashRoundSeeds(rng(), k);
    std::vector<uint64_t> lows, both;
    for (uint32_t b = 0; b < k; ++b) {
      const uint64_t low =
          static_cast<uint64_t>(((static_cast<unsigned __int128>(b) << 64) + k - 1) / k);
      ASSERT_EQ(internal::MinHashBinOf(internal::MinHashMix(Unmix(low, seeds[0]) ^ seeds[0]), k),
                b);
      lows.push_back(Unmix(low, seeds[0]));
      both.push_back(Unmix(low, seeds[0]));
      if (b > 0) both.push_back(Unmix(low - 1, seeds[0]));
    }
    for (const std::vector<uint64_t>* set : {&lows, &both}) {
      ASSERT_EQ(SignWith(path, seeds, k, *set), SignWith(MinHashPath::kScalar, seeds, k, *set))
          << "K=" << k << " n=" << set->size();
    }
  }
}

TEST(MinHashSimdTest, Avx2MatchesScalar) {
  if (!internal::MinHashPathSupported(MinHashPath::kAvx2)) {
    GTEST_SKIP() << "no AVX2 on this CPU: its version of Sign is not tested here";
  }
  ExpectPathMatchesScalar(MinHashPath::kAvx2);
  ExpectPathMatchesScalarOnBinEdges(MinHashPath::kAvx2);
}

TEST(MinHashSimdTest, Avx512MatchesScalar) {
  if (!internal::MinHashPathSupported(MinHashPath::kAvx512)) {
    GTEST_SKIP() << "no AVX-512F/DQ on this CPU: its version of Sign is not tested here";
  }
  ExpectPathMatchesScalar(MinHashPath::kAvx512);
  ExpectPathMatchesScalarOnBinEdges(MinHashPath::kAvx512);
}

// MinHasher::Sign, whichever path it picks, gives the scalar signature with
// the round seeds its options define.
TEST(MinHashSimdTest, SignMatchesScalar) {
  std::mt19937_64 rng(7);
  for (uint32_t k : kKs) {
    const uint64_t seed = rng();
    const MinHasher hasher(MinHashOptions{static_cast<int>(k), seed});
    const std::vector<uint64_t> seeds = internal::MinHashRoundSeeds(seed, k);
    for (size_t n : {0, 1, 5, 8, 13, 20, 40, 64, 65, 500}) {
      const std::vector<uint64_t> set = MakeSet(rng, n, static_cast<int>(n % 4));
      std::vector<uint32_t> sig(k);
      hasher.Sign(set, sig.data());
      EXPECT_EQ(sig, SignWith(MinHashPath::kScalar, seeds, k, set)) << "K=" << k << " n=" << n;
    }
  }
}

// The 32-bit multiplies that bin a mixed hash give the 128-bit product's high
// half for every k the signatures use, at the hashes where a carry out of the
// low half is likeliest to be lost.
TEST(MinHashSimdTest, BinIdentityHolds) {
  std::mt19937_64 rng(11);
  const uint64_t edges[] = {0, 1, 0xFFFFFFFFu, uint64_t{1} << 32, ~uint64_t{0}, ~uint64_t{0} - 1,
                            0xFFFFFFFF00000000u, 0xFFFFFFFFu | (uint64_t{1} << 63)};
  for (uint32_t k = 1; k <= 4096; ++k) {
    for (int t = 0; t < 64; ++t) {
      const uint64_t h = t < 8 ? edges[t] : rng();
      const uint64_t hi = h >> 32, lo = h & 0xFFFFFFFFu;
      const uint64_t via32 = (hi * k + ((lo * k) >> 32)) >> 32;
      ASSERT_EQ(via32, internal::MinHashBinOf(h, k)) << "h=" << h << " k=" << k;
    }
  }
}

}  // namespace
}  // namespace reprint

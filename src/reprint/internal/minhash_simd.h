// File: reprint/internal/minhash_simd.h
// The rounds of MinHasher::Sign (reprint/minhash.h), one scalar version and
// two that mix and bin several shingles at a time with AVX2 or AVX-512; all
// give the same signature, bit for bit. Internal: not part of the public API.
//
// Paragraph units have 10 to 40 shingles, so at K = 128 a signature takes
// some 700 throws (K ln K) over 20 to 70 rounds, each throw a mix (two 64-bit
// multiplies), a bin (a multiply-high) and a min into that bin. The vector
// versions mix and bin 64 throws at a time into a small buffer, then offer
// the keys to their bins one at a time, in the scalar order: the bins are
// random, so the min step stays scalar, but the multiplies run 4 or 8 wide.
// The AVX-512 version also gathers each vector's bins and keeps only keys
// below them for the offer: after the first rounds most throws land in a bin
// an earlier round filled, and the scalar offers were most of its time (the
// paragraph scan's signing stage, both binaries at once on a core each:
// 2.23-3.03 s -> 2.03-2.72 s).
// On BM_MinHashSignPath (K = 128, 20 shingles, one core) AVX-512 takes 0.54x
// the scalar version's time and AVX2 0.68x (the machine's speed moves by 2x
// from hour to hour; the ratios less). Pure inline functions; thread-safe.
#ifndef REPRINT_INTERNAL_MINHASH_SIMD_H_
#define REPRINT_INTERNAL_MINHASH_SIMD_H_

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "reprint/internal/mix64.h"
#include "reprint/internal/sorted.h"  // HasAvx2, REPRINT_SORTED_AVX2

namespace reprint::internal {

// A strong 64-bit mixer (the splitmix64 finalizer): a seeded bijection, so each
// seed acts as one random permutation of shingle hashes.
inline uint64_t MinHashMix(uint64_t x) { return Mix64(x); }

// Bin of a mixed hash: the high bits, scaled to [0, k) without division.
inline uint32_t MinHashBinOf(uint64_t h, uint32_t k) {
  return static_cast<uint32_t>((static_cast<unsigned __int128>(h) * k) >> 64);
}

// The value a shingle with mixed hash h offers its bin in round r: the round
// in the top 13 bits (r < 2K <= 8192), then the top 51 bits of h, so keys
// order by round first. Two keys are equal only for the same round and hash
// bits (a chance match between different shingles: 2^-51).
inline uint64_t MinHashKey(uint32_t round, uint64_t h) {
  return (static_cast<uint64_t>(round) << 51) | (h >> 13);
}

// A bin no key has reached. Keys of rounds below K (< 4096) have the top bit
// clear, so none of them equals it.
inline constexpr uint64_t kMinHashEmpty = ~uint64_t{0};

// The seed of each round r in [0, 2k): round 0's is the master seed's mix.
inline std::vector<uint64_t> MinHashRoundSeeds(uint64_t seed, uint32_t k) {
  std::vector<uint64_t> seeds(2 * static_cast<size_t>(k));
  seeds[0] = MinHashMix(seed ^ 0x9E3779B97F4A7C15ULL);
  for (size_t r = 1; r < seeds.size(); ++r) {
    seeds[r] = MinHashMix(seeds[0] ^ (static_cast<uint64_t>(r) * 0xD6E8FEB86659FD93ULL));
  }
  return seeds;
}

// Rounds 0..K-1 one shingle at a time: each shingle goes to a random bin. A
// round always runs to its end, so the round's smallest value wins a bin it
// fills; a key's top bits are its round, so a bin filled in round r ignores
// every later round and updates are a branch-free min. Stops after the first
// round that leaves no bin empty. Returns the number of bins still empty.
// This is the reference the vector versions must match.
inline uint32_t MinHashRandomRoundsScalar(const uint64_t* seeds, uint32_t k,
                                          std::span<const uint64_t> shingles, uint64_t* bins) {
  uint32_t empty = k;
  for (uint32_t r = 0; r < k && empty > 0; ++r) {
    const uint64_t seed = seeds[r];
    for (uint64_t x : shingles) {
      const uint64_t h = MinHashMix(x ^ seed);
      uint64_t& bin = bins[MinHashBinOf(h, k)];
      empty -= bin == kMinHashEmpty;
      bin = std::min(bin, MinHashKey(r, h));
    }
  }
  return empty;
}

// The vector versions mix and bin the scalar loop's sequence of (round,
// shingle) pairs, round 0's shingles first, then round 1's and so on, this
// many pairs at a time into a buffer, and then offer the pairs' keys to their
// bins in that order. A vector's lanes take consecutive pairs, so a round
// boundary can fall inside it (several, for sets of fewer shingles than
// lanes): each lane takes its own round's seed. No lane idles on small sets,
// which is where the rounds are many.
inline constexpr size_t kMinHashChunk = 64;

// The shingles and round steps of lanes that reach past a round's last
// shingle. Lanes of a vector starting at shingle i (of n) in round r take
// pairs i + j (j < lanes): shingle (i + j) mod n of round r + (i + j) / n.
// For i >= base = max(n, lanes) - lanes, that is x[t] and round r + d[t]
// with t = i - base + j; below base, shingle i + j of round r.
template <int kLanes>
struct MinHashWrap {
  size_t base;
  uint64_t x[2 * kLanes];
  uint64_t d[2 * kLanes];

  // A vector moves kLanes pairs on: step_rounds rounds and step_shingles
  // shingles (and one round more when that passes the last shingle).
  uint32_t step_rounds = 0;
  size_t step_shingles = kLanes;

  // Counts rather than divides: a 64-bit division costs as much as a dozen
  // pairs, and paragraph sets take only some 90 vectors.
  explicit MinHashWrap(std::span<const uint64_t> shingles) {
    const size_t n = shingles.size();
    base = std::max<size_t>(n, kLanes) - kLanes;  // below n: in round 0
    size_t shingle = base;
    uint64_t round = 0;
    for (size_t t = 0; t < 2 * kLanes; ++t) {
      x[t] = shingles[shingle];
      d[t] = round;
      if (++shingle == n) shingle = 0, ++round;
    }
    while (step_shingles >= n) step_shingles -= n, ++step_rounds;
  }
};

// Offers keys[p] to bins[where[p]] for p < count, in order, as the scalar
// loop does; returns how many of those bins were empty (and are not now).
// An empty bin is the only value with the top bit set: keys of rounds below
// K < 4096 have it clear.
template <typename Index>
inline uint32_t MinHashOffer(const Index* where, const uint64_t* keys, size_t count,
                             uint64_t* bins) {
  uint32_t filled = 0;
#pragma GCC unroll 4
  for (size_t p = 0; p < count; ++p) {
    uint64_t& bin = bins[where[p]];
    filled += static_cast<uint32_t>(bin >> 63);
    bin = std::min(bin, keys[p]);
  }
  return filled;
}

// The scalar loop stops after the first round that leaves no bin empty,
// round s say; the vector versions look at the bins only after a chunk of
// pairs, which may end inside round s or past it. Once no bin is empty they
// run the rest of the round they are in and stop, so they run every pair the
// scalar loop runs, in the same order, and maybe those of rounds s + 1 .. t
// (t < K) too. Those change no bin: every bin then holds a key of round s or
// earlier, and a key of a later round is larger (the round is in its top
// bits), so the min keeps the bin. Hence the same bins, bit for bit.
// Returns how many pairs are left to run, given `left` pairs to the end of
// round K - 1 and the next pair's shingle.
inline size_t MinHashPairsLeft(uint32_t empty, size_t left, size_t shingle, size_t n) {
  if (empty > 0) return left;
  return shingle == 0 ? 0 : std::min(left, n - shingle);
}

// Bins: the multiply-high of h by k < 2^32 needs only 32x32-bit multiplies.
// With h = hi * 2^32 + lo (hi, lo < 2^32),
//   floor(h * k / 2^64) = floor((hi * k + lo * k / 2^32) / 2^32)
//                       = floor((hi * k + floor(lo * k / 2^32)) / 2^32),
// since dropping the fraction of lo * k / 2^32 cannot move a sum of integers
// past a multiple of 2^32. hi * k + (lo * k >> 32) < (2^32 - 1)^2 + 2^32 <
// 2^64, so the sum does not overflow: the result is exact.

#ifdef REPRINT_SORTED_AVX2
#define REPRINT_MINHASH_AVX2 __attribute__((target("avx2")))

// The low 64 bits of a * c in each lane from three 32x32-bit multiplies
// (AVX2 has no 64-bit one): lo(a) lo(c) + ((hi(a) lo(c) + lo(a) hi(c)) << 32).
// c_lo holds c (only its low half is read), c_hi holds c >> 32.
REPRINT_MINHASH_AVX2 inline __m256i MinHashMulLo64Avx2(__m256i a, __m256i c_lo, __m256i c_hi) {
  const __m256i cross =
      _mm256_add_epi64(_mm256_mul_epu32(_mm256_srli_epi64(a, 32), c_lo), _mm256_mul_epu32(a, c_hi));
  return _mm256_add_epi64(_mm256_mul_epu32(a, c_lo), _mm256_slli_epi64(cross, 32));
}

// MinHashRandomRoundsScalar, four pairs mixed and binned at a time; with
// kPowerOfTwo (k = 2^s) a bin is the top s bits of h, by one shift.
// REQUIRES: HasAvx2(); k >= 4 (a vector reads the seeds of rounds r..r+3,
// r < k, within the 2k there are); k a power of two if kPowerOfTwo.
template <bool kPowerOfTwo>
REPRINT_MINHASH_AVX2 inline uint32_t MinHashRandomRoundsAvx2(const uint64_t* seeds, uint32_t k,
                                                             std::span<const uint64_t> shingles,
                                                             uint64_t* bins) {
  constexpr int kLanes = 4;
  alignas(32) uint64_t keys[kMinHashChunk];
  alignas(32) uint32_t where[kMinHashChunk];
  const uint64_t* x = shingles.data();
  const size_t n = shingles.size();
  const MinHashWrap<kLanes> wrap(shingles);
  const __m256i m1_lo = _mm256_set1_epi64x(static_cast<int64_t>(kMix64M1));
  const __m256i m1_hi = _mm256_set1_epi64x(static_cast<int64_t>(kMix64M1 >> 32));
  const __m256i m2_lo = _mm256_set1_epi64x(static_cast<int64_t>(kMix64M2));
  const __m256i m2_hi = _mm256_set1_epi64x(static_cast<int64_t>(kMix64M2 >> 32));
  const __m256i vk = _mm256_set1_epi64x(k);
  const __m128i bin_shift = _mm_cvtsi32_si128(64 - std::countr_zero(k));
  // AVX2 shuffles 64-bit lanes by 32-bit halves: lane d of the seeds is
  // halves 2d and 2d + 1, the control (2d + 1) << 32 | 2d.
  const __m256i one_hi = _mm256_set1_epi64x(int64_t{1} << 32);
  // Gathers the low 32 bits of the four lanes into the low 128 bits.
  const __m256i low_halves = _mm256_setr_epi32(0, 2, 4, 6, 0, 2, 4, 6);
  uint32_t empty = k;
  // The next pair: shingle i of round r.
  uint32_t r = 0;
  size_t i = 0;
  size_t pairs_left = static_cast<size_t>(k) * n;
  while (pairs_left > 0) {
    const size_t count = std::min(kMinHashChunk, pairs_left);
    for (size_t p = 0; p < count; p += kLanes) {
      __m256i h, lane_round, lane_seed;
      if (i < wrap.base) {
        h = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(x + i));
        lane_round = _mm256_set1_epi64x(r);
        lane_seed = _mm256_set1_epi64x(static_cast<int64_t>(seeds[r]));
      } else {
        h = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(wrap.x + (i - wrap.base)));
        const __m256i d =
            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(wrap.d + (i - wrap.base)));
        lane_round = _mm256_add_epi64(_mm256_set1_epi64x(r), d);
        const __m256i d2 = _mm256_add_epi64(d, d);
        const __m256i pick =
            _mm256_add_epi64(_mm256_or_si256(d2, _mm256_slli_epi64(d2, 32)), one_hi);
        lane_seed = _mm256_permutevar8x32_epi32(
            _mm256_loadu_si256(reinterpret_cast<const __m256i*>(seeds + r)), pick);
      }
      h = _mm256_xor_si256(h, lane_seed);
      h = _mm256_xor_si256(h, _mm256_srli_epi64(h, 30));
      h = MinHashMulLo64Avx2(h, m1_lo, m1_hi);
      h = _mm256_xor_si256(h, _mm256_srli_epi64(h, 27));
      h = MinHashMulLo64Avx2(h, m2_lo, m2_hi);
      h = _mm256_xor_si256(h, _mm256_srli_epi64(h, 31));
      _mm256_store_si256(
          reinterpret_cast<__m256i*>(keys + p),
          _mm256_or_si256(_mm256_slli_epi64(lane_round, 51), _mm256_srli_epi64(h, 13)));
      __m256i bin;
      if constexpr (kPowerOfTwo) {
        bin = _mm256_srl_epi64(h, bin_shift);
      } else {
        const __m256i lo_k = _mm256_mul_epu32(h, vk);
        const __m256i hi_k = _mm256_mul_epu32(_mm256_srli_epi64(h, 32), vk);
        bin = _mm256_srli_epi64(_mm256_add_epi64(hi_k, _mm256_srli_epi64(lo_k, 32)), 32);
      }
      _mm_store_si128(reinterpret_cast<__m128i*>(where + p),
                      _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(bin, low_halves)));
      r += wrap.step_rounds;
      i += wrap.step_shingles;
      if (i >= n) i -= n, ++r;
    }
    // i is the shingle after the chunk's last pair: count is a multiple of
    // kLanes unless it is all that is left.
    empty -= MinHashOffer(where, keys, count, bins);
    pairs_left = MinHashPairsLeft(empty, pairs_left - count, i, n);
  }
  return empty;
}

#define REPRINT_MINHASH_AVX512 1
#define REPRINT_MINHASH_AVX512_TARGET __attribute__((target("avx512f,avx512dq")))

// True when the CPU (and the OS) run AVX-512F with the DQ extension's 64-bit
// multiply (checked once).
inline bool HasAvx512() {
  static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
  return has;
}

// GCC 12's AVX-512 shift and multiply intrinsics start from a deliberately
// undefined vector, which its -Wmaybe-uninitialized reports (GCC bug 105593).
#pragma GCC diagnostic push
#if !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

// MinHashRandomRoundsScalar, eight pairs mixed and binned at a time. With
// kPowerOfTwo (k = 2^s, as the default 128 is) a bin is the top s bits of h,
// (h * 2^s) >> 64, by one shift instead of two multiplies and four more
// operations (BM_MinHashSignPath, 20 shingles: about 10% faster).
// REQUIRES: HasAvx512(); k >= 8 (a vector reads the seeds of rounds r..r+7,
// r < k, within the 2k there are); k a power of two if kPowerOfTwo.
template <bool kPowerOfTwo>
REPRINT_MINHASH_AVX512_TARGET inline uint32_t MinHashRandomRoundsAvx512(
    const uint64_t* seeds, uint32_t k, std::span<const uint64_t> shingles, uint64_t* bins) {
  constexpr int kLanes = 8;
  // Room for a full vector past the last pair kept. Bins stay 64-bit lanes:
  // narrowing them to 32 bits cost two more operations a vector.
  alignas(64) uint64_t keys[kMinHashChunk + kLanes];
  alignas(64) uint64_t where[kMinHashChunk + kLanes];
  const uint64_t* x = shingles.data();
  const size_t n = shingles.size();
  const MinHashWrap<kLanes> wrap(shingles);
  const __m512i m1 = _mm512_set1_epi64(static_cast<int64_t>(kMix64M1));
  const __m512i m2 = _mm512_set1_epi64(static_cast<int64_t>(kMix64M2));
  const __m512i vk = _mm512_set1_epi64(k);
  const __m128i bin_shift = _mm_cvtsi32_si128(64 - std::countr_zero(k));
  uint32_t empty = k;
  // The next pair: shingle i of round r.
  uint32_t r = 0;
  size_t i = 0;
  size_t pairs_left = static_cast<size_t>(k) * n;
  while (pairs_left > 0) {
    const size_t count = std::min(kMinHashChunk, pairs_left);
    size_t offered = 0;  // pairs kept in keys and where
    for (size_t p = 0; p < count; p += kLanes) {
      __m512i h, lane_round, lane_seed;
      if (i < wrap.base) {
        h = _mm512_loadu_si512(x + i);
        lane_round = _mm512_set1_epi64(r);
        lane_seed = _mm512_set1_epi64(static_cast<int64_t>(seeds[r]));
      } else {
        h = _mm512_loadu_si512(wrap.x + (i - wrap.base));
        const __m512i d = _mm512_loadu_si512(wrap.d + (i - wrap.base));
        lane_round = _mm512_add_epi64(_mm512_set1_epi64(r), d);
        lane_seed = _mm512_permutexvar_epi64(d, _mm512_loadu_si512(seeds + r));
      }
      h = _mm512_xor_si512(h, lane_seed);
      h = _mm512_xor_si512(h, _mm512_srli_epi64(h, 30));
      h = _mm512_mullo_epi64(h, m1);
      h = _mm512_xor_si512(h, _mm512_srli_epi64(h, 27));
      h = _mm512_mullo_epi64(h, m2);
      h = _mm512_xor_si512(h, _mm512_srli_epi64(h, 31));
      const __m512i key =
          _mm512_or_si512(_mm512_slli_epi64(lane_round, 51), _mm512_srli_epi64(h, 13));
      __m512i bin;
      if constexpr (kPowerOfTwo) {
        bin = _mm512_srl_epi64(h, bin_shift);
      } else {
        const __m512i lo_k = _mm512_mul_epu32(h, vk);
        const __m512i hi_k = _mm512_mul_epu32(_mm512_srli_epi64(h, 32), vk);
        bin = _mm512_srli_epi64(_mm512_add_epi64(hi_k, _mm512_srli_epi64(lo_k, 32)), 32);
      }
      // Only pairs whose key is below their bin as it stood after the last
      // chunk go on to the offer: bins only go down, so a pair left out
      // would not have changed its bin (most pairs of the later rounds hit
      // a bin an earlier round filled), and pairs kept keep their order.
      // Lanes past `count` (the last vector of round K - 1, when K * n is
      // no multiple of 8) hold pairs the scalar loop never runs.
      const __mmask8 in_chunk =
          count - p >= kLanes ? 0xFF : static_cast<__mmask8>((1u << (count - p)) - 1);
      const __mmask8 kept = _mm512_mask_cmplt_epu64_mask(
          in_chunk, key, _mm512_i64gather_epi64(bin, bins, sizeof(uint64_t)));
      _mm512_storeu_si512(keys + offered, _mm512_maskz_compress_epi64(kept, key));
      _mm512_storeu_si512(where + offered, _mm512_maskz_compress_epi64(kept, bin));
      offered += static_cast<size_t>(std::popcount(static_cast<unsigned>(kept)));
      r += wrap.step_rounds;
      i += wrap.step_shingles;
      if (i >= n) i -= n, ++r;
    }
    // i is the shingle after the chunk's last pair: count is a multiple of
    // kLanes unless it is all that is left.
    empty -= MinHashOffer(where, keys, offered, bins);
    pairs_left = MinHashPairsLeft(empty, pairs_left - count, i, n);
  }
  return empty;
}

#pragma GCC diagnostic pop
#endif  // REPRINT_SORTED_AVX2

// Which version of the random rounds to run.
enum class MinHashPath { kScalar, kAvx2, kAvx512 };

// Whether this build and CPU can run `path`.
inline bool MinHashPathSupported(MinHashPath path) {
  switch (path) {
    case MinHashPath::kScalar:
      return true;
#ifdef REPRINT_SORTED_AVX2
    case MinHashPath::kAvx2:
      return HasAvx2();
    case MinHashPath::kAvx512:
      return HasAvx512();
#endif
    default:
      return false;
  }
}

// The fastest path this CPU runs (checked once).
inline MinHashPath BestMinHashPath() {
  static const MinHashPath best = MinHashPathSupported(MinHashPath::kAvx512) ? MinHashPath::kAvx512
                                  : MinHashPathSupported(MinHashPath::kAvx2) ? MinHashPath::kAvx2
                                                                             : MinHashPath::kScalar;
  return best;
}

// The signature of `shingles` (MinHasher::Sign) with K = k and round seeds
// MinHashRoundSeeds(seed, k), the random rounds run by `path`.
// REQUIRES: MinHashPathSupported(path); 1 <= k <= 4096.
inline void MinHashSign(MinHashPath path, const uint64_t* seeds, uint32_t k,
                        std::span<const uint64_t> shingles, uint32_t* out) {
  if (shingles.empty()) {
    for (uint32_t j = 0; j < k; ++j) out[j] = 0xFFFFFFFFu;
    return;
  }
  // bins[j]: the smallest key bin j received.
  uint64_t stack_bins[512];
  std::vector<uint64_t> heap_bins;
  uint64_t* bins = stack_bins;
  if (k > 512) {
    heap_bins.resize(k);
    bins = heap_bins.data();
  }
  for (uint32_t j = 0; j < k; ++j) bins[j] = kMinHashEmpty;
  uint32_t empty;
  switch (path) {
#ifdef REPRINT_SORTED_AVX2
    case MinHashPath::kAvx512:
      if (k < 8) {
        empty = MinHashRandomRoundsScalar(seeds, k, shingles, bins);
      } else if (std::has_single_bit(k)) {
        empty = MinHashRandomRoundsAvx512<true>(seeds, k, shingles, bins);
      } else {
        empty = MinHashRandomRoundsAvx512<false>(seeds, k, shingles, bins);
      }
      break;
    case MinHashPath::kAvx2:
      if (k < 4) {
        empty = MinHashRandomRoundsScalar(seeds, k, shingles, bins);
      } else if (std::has_single_bit(k)) {
        empty = MinHashRandomRoundsAvx2<true>(seeds, k, shingles, bins);
      } else {
        empty = MinHashRandomRoundsAvx2<false>(seeds, k, shingles, bins);
      }
      break;
#endif
    default:
      empty = MinHashRandomRoundsScalar(seeds, k, shingles, bins);
      break;
  }
  // Rounds K..2K-1: round K + j sends every shingle to bin j, so a bin still
  // empty takes the minimum of its own hash: K-permutation MinHash for it.
  // Few sets get here: K rounds of n throws leave about K e^-n bins empty.
  for (uint32_t j = 0; j < k && empty > 0; ++j) {
    if (bins[j] != kMinHashEmpty) continue;
    const uint64_t seed = seeds[k + j];
    uint64_t v = kMinHashEmpty;
    for (uint64_t x : shingles) v = std::min(v, MinHashKey(k + j, MinHashMix(x ^ seed)));
    bins[j] = v;
    --empty;
  }
  for (uint32_t j = 0; j < k; ++j) out[j] = static_cast<uint32_t>(bins[j] ^ (bins[j] >> 32));
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_MINHASH_SIMD_H_

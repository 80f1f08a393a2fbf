// File: reprint/internal/sorted.h
// The size of the intersection of two sorted, duplicate-free sequences, the
// merge step that shingle-set scores, link pruning, the stock-text rule and
// quote variant scores all share. Internal: not part of the public API.
// Pure inline functions; thread-safe.
#ifndef REPRINT_INTERNAL_SORTED_H_
#define REPRINT_INTERNAL_SORTED_H_

#include <cstddef>
#include <cstdint>
#include <type_traits>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace reprint::internal {

// |a ∩ b| by one merge pass. REQUIRES: a and b sorted ascending, no
// duplicates inside either.
template <typename A, typename B>
size_t SortedIntersectionSize(const A& a, const B& b) {
  size_t i = 0, j = 0, shared = 0;
  const size_t na = a.size(), nb = b.size();
  if constexpr (std::is_arithmetic_v<std::remove_cvref_t<decltype(a[0])>> &&
                std::is_arithmetic_v<std::remove_cvref_t<decltype(b[0])>>) {
    // Shingle hashes are random, so which side advances is a coin flip that
    // the branch predictor loses half the time: advance by the comparisons'
    // values instead.
    while (i < na && j < nb) {
      const auto x = a[i];
      const auto y = b[j];
      shared += x == y;
      i += x <= y;
      j += y <= x;
    }
  } else {
    while (i < na && j < nb) {
      if (a[i] < b[j]) {
        ++i;
      } else if (b[j] < a[i]) {
        ++j;
      } else {
        ++shared;
        ++i;
        ++j;
      }
    }
  }
  return shared;
}

// Like SortedIntersectionSize, but gives up, returning a value below `need`,
// as soon as a or b has lost so many members that the intersection can no
// longer reach `need`; otherwise returns the exact size. One member at a
// time; SortedIntersectionSizeAtLeast below picks the fastest version.
// Starts at a[i], b[j] with `shared` counted so far.
template <typename T>
size_t SortedIntersectionSizeAtLeastScalar(const T* a, size_t na, const T* b, size_t nb,
                                           size_t need, size_t i = 0, size_t j = 0,
                                           size_t shared = 0) {
  if (need > na || need > nb) return 0;
  // Members of a (of b) not in the intersection that still let it reach need.
  const size_t spare_a = na - need, spare_b = nb - need;
  while (i < na && j < nb) {
    const T x = a[i];
    const T y = b[j];
    shared += x == y;
    i += x <= y;
    j += y <= x;
    // i - shared members of a are passed and not shared (or fewer, when the
    // AVX2 version hands over with matches of blocks it had not passed).
    if (i > spare_a + shared || j > spare_b + shared) return 0;
  }
  return shared;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define REPRINT_SORTED_AVX2 1
// True when the CPU runs AVX2 (checked once).
inline bool HasAvx2() {
  static const bool has = __builtin_cpu_supports("avx2");
  return has;
}

// SortedIntersectionSizeAtLeast on 64-bit values, four of a against four of
// b at a time: each of a's four is compared with every rotation of b's four,
// then the block with the smaller last value moves on (both when equal). A
// shared value is seen exactly once, when the blocks holding it in a and in
// b are current together (the block holding it in a cannot move past while
// b's block ends below it, and the other way round); what is left after the
// last whole blocks is merged one member at a time. The give-up test runs
// once per step with `shared` counting matches of blocks still current, so
// it gives up no sooner than the scalar merge; a pair that can reach `need`
// is counted in full. REQUIRES: HasAvx2().
__attribute__((target("avx2"))) inline size_t SortedIntersectionSizeAtLeastAvx2(
    const uint64_t* a, size_t na, const uint64_t* b, size_t nb, size_t need) {
  if (need > na || need > nb) return 0;
  const size_t spare_a = na - need, spare_b = nb - need;
  size_t i = 0, j = 0, shared = 0;
  while (i + 4 <= na && j + 4 <= nb) {
    const __m256i va = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a + i));
    const __m256i vb = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b + j));
    __m256i eq = _mm256_cmpeq_epi64(va, vb);
    eq = _mm256_or_si256(eq, _mm256_cmpeq_epi64(va, _mm256_permute4x64_epi64(vb, 0x39)));
    eq = _mm256_or_si256(eq, _mm256_cmpeq_epi64(va, _mm256_permute4x64_epi64(vb, 0x4E)));
    eq = _mm256_or_si256(eq, _mm256_cmpeq_epi64(va, _mm256_permute4x64_epi64(vb, 0x93)));
    shared += static_cast<size_t>(__builtin_popcount(
        static_cast<unsigned>(_mm256_movemask_pd(_mm256_castsi256_pd(eq)))));
    const uint64_t last_a = a[i + 3], last_b = b[j + 3];
    i += last_a <= last_b ? 4 : 0;
    j += last_b <= last_a ? 4 : 0;
    if (i > spare_a + shared || j > spare_b + shared) return 0;
  }
  return SortedIntersectionSizeAtLeastScalar(a, na, b, nb, need, i, j, shared);
}
#endif

// Like SortedIntersectionSize, but gives up, returning a value below `need`,
// as soon as a or b has lost so many members that the intersection can no
// longer reach `need`; otherwise returns the exact size.
template <typename T>
size_t SortedIntersectionSizeAtLeast(const T* a, size_t na, const T* b, size_t nb, size_t need) {
#ifdef REPRINT_SORTED_AVX2
  if constexpr (std::is_same_v<T, uint64_t>) {
    if (na >= 8 && nb >= 8 && HasAvx2()) {
      return SortedIntersectionSizeAtLeastAvx2(a, na, b, nb, need);
    }
  }
#endif
  return SortedIntersectionSizeAtLeastScalar(a, na, b, nb, need);
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_SORTED_H_

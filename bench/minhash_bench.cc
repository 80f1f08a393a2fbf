// File: bench/minhash_bench.cc
// MinHash signatures (reprint/minhash.h) of paragraph shingle sets, for
// several signature lengths, and the Jaccard estimate from two signatures.
// Bytes are the units' original bytes.
#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "bench/bench_inputs.h"
#include "benchmark/benchmark.h"
#include "reprint/internal/minhash_simd.h"
#include "reprint/minhash.h"

namespace reprint::bench {
namespace {

// range(1): 0 paragraph units (small sets: densification dominates), 1 doc units.
void BM_MinHashSign(benchmark::State& state) {
  const PreparedUnits& u =
      Prepared(4 << 20, state.range(1) == 0 ? UnitKind::kParagraph : UnitKind::kDoc);
  const MinHasher hasher(MinHashOptions{static_cast<int>(state.range(0)), 1});
  std::vector<uint32_t> sig(static_cast<size_t>(hasher.num_perm()));
  for (auto _ : state) {
    for (const std::vector<uint64_t>& set : u.sets) {
      hasher.Sign(set, sig.data());
      benchmark::DoNotOptimize(sig.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(u.bytes));
  size_t shingles = 0;
  for (const std::vector<uint64_t>& set : u.sets) shingles += set.size();
  state.counters["units"] = static_cast<double>(u.sets.size());
  state.counters["mean_set"] = static_cast<double>(shingles) / std::max<size_t>(u.sets.size(), 1);
}
BENCHMARK(BM_MinHashSign)->ArgNames({"K", "doc"})->ArgsProduct({{64, 128, 256}, {0, 1}});

// 256 sets of n random shingles (the same on every call).
std::vector<std::vector<uint64_t>> RandomSets(size_t n) {
  std::mt19937_64 rng(7);
  std::vector<std::vector<uint64_t>> sets(256, std::vector<uint64_t>(n));
  for (std::vector<uint64_t>& set : sets) {
    for (uint64_t& x : set) x = rng();
  }
  return sets;
}

// Sets of exactly range(1) random shingles, as paragraph units have (10 to 40):
// with so few, Sign runs about K ln K / n rounds of mixing and binning, the
// cost the paragraph scan pays per unit. Items are signatures.
void BM_MinHashSignSmall(benchmark::State& state) {
  const MinHasher hasher(MinHashOptions{static_cast<int>(state.range(0)), 1});
  const std::vector<std::vector<uint64_t>> sets = RandomSets(static_cast<size_t>(state.range(1)));
  std::vector<uint32_t> sig(static_cast<size_t>(hasher.num_perm()));
  for (auto _ : state) {
    for (const std::vector<uint64_t>& set : sets) {
      hasher.Sign(set, sig.data());
      benchmark::DoNotOptimize(sig.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(sets.size()));
}
BENCHMARK(BM_MinHashSignSmall)->ArgNames({"K", "n"})->ArgsProduct({{128}, {10, 20, 40}});

// Such sets with each version of Sign's rounds that the CPU runs
// (internal/minhash_simd.h; range(0): 0 scalar, 1 AVX2, 2 AVX-512), K = 128.
void BM_MinHashSignPath(benchmark::State& state) {
  const auto path = static_cast<internal::MinHashPath>(state.range(0));
  if (!internal::MinHashPathSupported(path)) {
    state.SkipWithError("this CPU does not run this path");
    return;
  }
  constexpr uint32_t kK = 128;
  const std::vector<uint64_t> seeds = internal::MinHashRoundSeeds(1, kK);
  const std::vector<std::vector<uint64_t>> sets = RandomSets(static_cast<size_t>(state.range(1)));
  std::vector<uint32_t> sig(kK);
  for (auto _ : state) {
    for (const std::vector<uint64_t>& set : sets) {
      internal::MinHashSign(path, seeds.data(), kK, set, sig.data());
      benchmark::DoNotOptimize(sig.data());
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(sets.size()));
}
BENCHMARK(BM_MinHashSignPath)
    ->ArgNames({"path", "n"})
    ->ArgsProduct({{0, 1, 2}, {1, 3, 10, 20, 40, 200}});

void BM_EstimateJaccard(benchmark::State& state) {
  const PreparedUnits& u = Prepared(4 << 20, UnitKind::kParagraph);
  const MinHasher hasher(MinHashOptions{static_cast<int>(state.range(0)), 1});
  const size_t k = static_cast<size_t>(hasher.num_perm());
  const size_t n = std::min<size_t>(u.sets.size(), 4096);
  std::vector<uint32_t> sigs(n * k);
  for (size_t i = 0; i < n; ++i) hasher.Sign(u.sets[i], &sigs[i * k]);
  for (auto _ : state) {
    double sum = 0;
    for (size_t i = 0; i + 1 < n; ++i) {
      sum += EstimateJaccard(std::span<const uint32_t>(&sigs[i * k], k),
                             std::span<const uint32_t>(&sigs[(i + 1) * k], k));
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(n - 1));
}
BENCHMARK(BM_EstimateJaccard)->ArgName("K")->Arg(128);

}  // namespace
}  // namespace reprint::bench

// File: bench/minhash_bench.cc
// MinHash signatures (reprint/minhash.h) of paragraph shingle sets, for
// several signature lengths, and the Jaccard estimate from two signatures.
// Bytes are the units' original bytes.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "bench/bench_inputs.h"
#include "benchmark/benchmark.h"
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

// File: bench/lsh_bench.cc
// Banded LSH (reprint/lsh.h): band keys from signatures, and candidate pairs
// from the keys of every paragraph unit of 4 MB and 16 MB of text, to show
// how grouping cost grows. Bytes are the units' original bytes.
#include <cstdint>
#include <vector>

#include "bench/bench_inputs.h"
#include "benchmark/benchmark.h"
#include "reprint/lsh.h"
#include "reprint/minhash.h"
#include "reprint/scan.h"

namespace reprint::bench {
namespace {

void BM_BandKeys(benchmark::State& state) {
  const PreparedUnits& u = Prepared(4 << 20, UnitKind::kParagraph);
  const ScanOptions defaults;
  const LshParams p = defaults.ResolvedLsh();
  const MinHasher hasher(MinHashOptions{defaults.num_perm, 1});
  const size_t k = static_cast<size_t>(defaults.num_perm);
  std::vector<uint32_t> sigs(u.sets.size() * k);
  for (size_t i = 0; i < u.sets.size(); ++i) hasher.Sign(u.sets[i], &sigs[i * k]);
  std::vector<uint64_t> keys(static_cast<size_t>(p.bands));
  for (auto _ : state) {
    for (size_t i = 0; i < u.sets.size(); ++i) {
      BandKeys(std::span<const uint32_t>(&sigs[i * k], k), p, 7, keys.data());
      benchmark::DoNotOptimize(keys.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(u.bytes));
  state.counters["bands"] = p.bands;
  state.counters["rows"] = p.rows;
}
BENCHMARK(BM_BandKeys);

void BM_LshCandidates(benchmark::State& state) {
  const PreparedUnits& u = Prepared(static_cast<size_t>(state.range(0)), UnitKind::kParagraph);
  const BandKeyTable keys = BandKeysOf(u);
  const ScanOptions defaults;
  const uint32_t n = static_cast<uint32_t>(u.sets.size());
  size_t pairs = 0;
  for (auto _ : state) {
    std::vector<CandidatePair> c = LshCandidates(keys, defaults.ResolvedLsh(), defaults.lsh);
    pairs = c.size();
    benchmark::DoNotOptimize(c.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(u.bytes));
  state.counters["units"] = n;
  state.counters["candidates"] = static_cast<double>(pairs);
}
BENCHMARK(BM_LshCandidates)->Arg(4 << 20)->Arg(16 << 20)->Unit(benchmark::kMillisecond);

void BM_ForThreshold(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(LshParams::ForThreshold(0.5, 128));
}
BENCHMARK(BM_ForThreshold)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace reprint::bench

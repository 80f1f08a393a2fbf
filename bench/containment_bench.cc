// File: bench/containment_bench.cc
// Containment candidates (reprint/containment.h): winnowing shingle
// sequences, and the fingerprint index over every paragraph unit of 4 MB and
// 16 MB of text. Bytes are the units' original bytes.
#include <cstdint>
#include <vector>

#include "bench/bench_inputs.h"
#include "benchmark/benchmark.h"
#include "reprint/containment.h"

namespace reprint::bench {
namespace {

void BM_Winnow(benchmark::State& state) {
  const PreparedUnits& u = Prepared(4 << 20, UnitKind::kParagraph);
  const int window = static_cast<int>(state.range(0));
  for (auto _ : state) {
    for (const std::vector<uint64_t>& seq : u.sequences) {
      std::vector<uint64_t> fp = Winnow(seq, window);
      benchmark::DoNotOptimize(fp.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(u.bytes));
}
BENCHMARK(BM_Winnow)->ArgName("window")->Arg(4)->Arg(8);

void BM_ContainmentCandidates(benchmark::State& state) {
  const PreparedUnits& u = Prepared(static_cast<size_t>(state.range(0)), UnitKind::kParagraph);
  const ContainmentOptions options;
  std::vector<std::vector<uint64_t>> fingerprints;
  for (const std::vector<uint64_t>& seq : u.sequences) {
    fingerprints.push_back(Winnow(seq, options.window));
  }
  size_t pairs = 0;
  for (auto _ : state) {
    std::vector<CandidatePair> c = ContainmentCandidates(fingerprints, options, 0.5);
    pairs = c.size();
    benchmark::DoNotOptimize(c.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(u.bytes));
  state.counters["units"] = static_cast<double>(fingerprints.size());
  state.counters["candidates"] = static_cast<double>(pairs);
}
BENCHMARK(BM_ContainmentCandidates)->Arg(4 << 20)->Arg(16 << 20)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace reprint::bench

// File: bench/verify_bench.cc
// Exact verification (reprint/verify.h): scoring one candidate pair of
// shingle sets, and Verify() over all the candidates a scan of 4 MB of
// paragraph units proposes, on 1 and 2 threads. Items are candidate pairs;
// bytes are the units' original bytes.
#include <cstdint>
#include <functional>
#include <vector>

#include "bench/bench_inputs.h"
#include "benchmark/benchmark.h"
#include "reprint/verify.h"

namespace reprint::bench {
namespace {

struct VerifyInput {
  const PreparedUnits* units = nullptr;
  std::vector<CandidatePair> candidates;
  ShingleSets sets;
};

const VerifyInput& Input() {
  static const VerifyInput* input = [] {
    auto* in = new VerifyInput;
    in->units = &Prepared(4 << 20, UnitKind::kParagraph);
    in->candidates = CandidatesOf(*in->units);
    for (const std::vector<uint64_t>& s : in->units->sets) in->sets.Add(s);
    return in;
  }();
  return *input;
}

void BM_ScorePair(benchmark::State& state) {
  const VerifyInput& in = Input();
  for (auto _ : state) {
    uint64_t shared = 0;
    for (const CandidatePair& c : in.candidates)
      shared += ScorePair(in.sets[c.a], in.sets[c.b]).shared;
    benchmark::DoNotOptimize(shared);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(in.candidates.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(in.units->bytes));
  state.counters["candidates"] = static_cast<double>(in.candidates.size());
}
BENCHMARK(BM_ScorePair)->Unit(benchmark::kMillisecond);

void BM_Verify(benchmark::State& state) {
  const VerifyInput& in = Input();
  const int threads = static_cast<int>(state.range(0));
  size_t verified = 0;
  for (auto _ : state) {
    VerifyStats stats;
    std::vector<VerifiedPair> v =
        Verify(in.candidates, in.sets, Measure::kBoth, 0.5, {}, threads, &stats);
    verified = v.size();
    benchmark::DoNotOptimize(v.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(in.candidates.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(in.units->bytes));
  state.counters["verified"] = static_cast<double>(verified);
}
BENCHMARK(BM_Verify)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace reprint::bench

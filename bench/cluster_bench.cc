// File: bench/cluster_bench.cc
// Clustering (reprint/cluster.h): connected components of the verified pairs
// of 4 MB of paragraph units, listing a spanning set or all pairs.
#include <cstdint>
#include <vector>

#include "bench/bench_inputs.h"
#include "benchmark/benchmark.h"
#include "reprint/cluster.h"
#include "reprint/verify.h"

namespace reprint::bench {
namespace {

void BM_BuildClusters(benchmark::State& state) {
  const PreparedUnits& u = Prepared(4 << 20, UnitKind::kParagraph);
  ShingleSets sets;
  for (const std::vector<uint64_t>& s : u.sets) sets.Add(s);
  VerifyStats stats;
  const std::vector<VerifiedPair> pairs =
      Verify(CandidatesOf(u), sets, Measure::kBoth, 0.5, {}, 1, &stats);
  const PairListing listing = state.range(0) == 0 ? PairListing::kSpanning : PairListing::kAll;
  size_t clusters = 0;
  for (auto _ : state) {
    std::vector<Cluster> c = BuildClusters(sets.size(), pairs, listing);
    clusters = c.size();
    benchmark::DoNotOptimize(c.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(pairs.size()));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(u.bytes));
  state.counters["pairs"] = static_cast<double>(pairs.size());
  state.counters["clusters"] = static_cast<double>(clusters);
}
BENCHMARK(BM_BuildClusters)->ArgName("all_pairs")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace reprint::bench

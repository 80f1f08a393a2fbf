// File: bench/containment_bench.cc
// Containment candidates (reprint/containment.h): winnowing shingle
// sequences, and the fingerprint index over every paragraph unit of 4 MB and
// 16 MB of text, and over 16 MB of paragraph or document units in rounds of
// several sizes. Bytes are the units' original bytes.
#include <cstdint>
#include <vector>

#include "bench/bench_inputs.h"
#include "benchmark/benchmark.h"
#include "reprint/containment.h"
#include "reprint/shingle_sets.h"

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

// Times ContainmentCandidates on `fingerprints` (a vector of sets, or a
// ShingleSets) of the units `u`.
template <typename Fingerprints>
void RunCandidates(benchmark::State& state, const PreparedUnits& u,
                   const Fingerprints& fingerprints, const ContainmentOptions& options) {
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

void BM_ContainmentCandidates(benchmark::State& state) {
  const PreparedUnits& u = Prepared(static_cast<size_t>(state.range(0)), UnitKind::kParagraph);
  const ContainmentOptions options;
  std::vector<std::vector<uint64_t>> fingerprints;
  for (const std::vector<uint64_t>& seq : u.sequences) {
    fingerprints.push_back(Winnow(seq, options.window));
  }
  RunCandidates(state, u, fingerprints, options);
}
BENCHMARK(BM_ContainmentCandidates)->Arg(4 << 20)->Arg(16 << 20)->Unit(benchmark::kMillisecond);

// The index alone, over fingerprints held in a ShingleSets as the scan holds
// them (BM_ContainmentCandidates also copies them in), for paragraph (doc =
// 0) or document units, in rounds of at most round_postings postings (0: the
// default): fewer postings at once, more passes over the fingerprints.
void BM_ContainmentIndex(benchmark::State& state) {
  const UnitKind kind = state.range(1) == 0 ? UnitKind::kParagraph : UnitKind::kDoc;
  const PreparedUnits& u = Prepared(static_cast<size_t>(state.range(0)), kind);
  ContainmentOptions options;
  options.round_postings = static_cast<uint64_t>(state.range(2));
  ShingleSets fingerprints;
  for (const std::vector<uint64_t>& seq : u.sequences) {
    fingerprints.Add(Winnow(seq, options.window));
  }
  RunCandidates(state, u, fingerprints, options);
}
BENCHMARK(BM_ContainmentIndex)
    ->ArgNames({"bytes", "doc", "round_postings"})
    ->ArgsProduct({{16 << 20}, {0, 1}, {0, 1 << 16, 1 << 20}})
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace reprint::bench

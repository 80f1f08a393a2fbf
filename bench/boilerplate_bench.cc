// File: bench/boilerplate_bench.cc
// Boilerplate removal (reprint/boilerplate.h) over doc units: the radix sort
// of all (shingle, unit) occurrences, the per-source and document
// frequencies, and the per-unit common rule, as the reprints preset runs it.
// Documents get one of 40 sources in turn, and each carries one of 40 fixed
// outlet footers, so the source rule has work to do. Bytes are the units'
// original bytes.
#include <algorithm>
#include <string>
#include <vector>

#include "bench/bench_inputs.h"
#include "benchmark/benchmark.h"
#include "reprint/boilerplate.h"
#include "reprint/document.h"
#include "reprint/preset.h"

namespace reprint::bench {
namespace {

struct Input {
  std::vector<Document> documents;
  std::vector<uint32_t> unit_docs;
  std::vector<std::vector<uint64_t>> sets;
  int64_t bytes = 0;
};

const Input& Inputs() {
  static const Input* input = [] {
    auto* in = new Input;
    const PreparedUnits& u = Prepared(8 << 20, UnitKind::kDoc);
    for (size_t i = 0; i < u.units.size(); ++i) {
      Document d;
      d.source = "outlet-" + std::to_string(i % 40);
      in->documents.push_back(d);
      in->unit_docs.push_back(static_cast<uint32_t>(i));
      std::vector<uint64_t> set = u.sets[i];
      for (uint64_t k = 0; k < 40; ++k) set.push_back(0x9E3779B97F4A7C15ull * (i % 40 + 1) + k);
      std::sort(set.begin(), set.end());
      in->sets.push_back(std::move(set));
      in->bytes += u.units[i].span.size();
    }
    return in;
  }();
  return *input;
}

void BM_RemoveBoilerplate(benchmark::State& state) {
  const Input& in = Inputs();
  BoilerplateOptions options = PresetOptions(Preset::kReprints, UnitKind::kDoc).boilerplate;
  options.common_ratio = static_cast<double>(state.range(0));
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<std::vector<uint64_t>> sets = in.sets;
    std::vector<std::vector<uint64_t>*> ptrs;
    for (auto& s : sets) ptrs.push_back(&s);
    std::vector<uint8_t> dropped;
    state.ResumeTiming();
    BoilerplateStats stats =
        RemoveBoilerplate(in.documents, in.unit_docs, ptrs, {}, options, &dropped);
    benchmark::DoNotOptimize(stats.removed);
  }
  state.SetBytesProcessed(state.iterations() * in.bytes);
}
BENCHMARK(BM_RemoveBoilerplate)
    ->ArgName("common_ratio")
    ->Arg(0)
    ->Arg(4)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace reprint::bench

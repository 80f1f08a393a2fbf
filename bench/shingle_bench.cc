// File: bench/shingle_bench.cc
// Shingling (reprint/shingle.h) of normalized paragraph units: 5-word
// shingles (the default), character shingles, and the sort/unique into a set.
// Bytes are the units' original bytes, so figures compare with the pipeline.
#include <string>
#include <vector>

#include "bench/bench_inputs.h"
#include "benchmark/benchmark.h"
#include "reprint/normalize.h"
#include "reprint/segment.h"
#include "reprint/shingle.h"

namespace reprint::bench {
namespace {

struct NormalizedUnits {
  std::vector<NormalizedText> texts;
  int64_t bytes = 0;
};

const NormalizedUnits& Normalized() {
  static const NormalizedUnits* units = [] {
    auto* u = new NormalizedUnits;
    for (const std::string& d : DebianDocs(4 << 20)) {
      for (const Span& p : SegmentParagraphs(d)) {
        u->texts.push_back(Normalize(d, p));
        u->bytes += p.size();
      }
    }
    return u;
  }();
  return *units;
}

void BM_ShingleWord(benchmark::State& state) {
  const NormalizedUnits& u = Normalized();
  ShingleOptions options;
  options.size = static_cast<int>(state.range(0));
  for (auto _ : state) {
    for (const NormalizedText& t : u.texts) {
      std::vector<uint64_t> seq = Shingle(t, options);
      benchmark::DoNotOptimize(seq.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * u.bytes);
}
BENCHMARK(BM_ShingleWord)->ArgName("k")->Arg(3)->Arg(5)->Arg(8);

void BM_ShingleChar(benchmark::State& state) {
  const NormalizedUnits& u = Normalized();
  ShingleOptions options;
  options.kind = ShingleKind::kChar;
  options.size = static_cast<int>(state.range(0));
  for (auto _ : state) {
    for (const NormalizedText& t : u.texts) {
      std::vector<uint64_t> seq = Shingle(t, options);
      benchmark::DoNotOptimize(seq.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * u.bytes);
}
BENCHMARK(BM_ShingleChar)->ArgName("k")->Arg(9);

void BM_ShingleSet(benchmark::State& state) {
  const NormalizedUnits& u = Normalized();
  std::vector<std::vector<uint64_t>> seqs;
  for (const NormalizedText& t : u.texts) seqs.push_back(Shingle(t, ShingleOptions{}));
  for (auto _ : state) {
    for (const std::vector<uint64_t>& s : seqs) {
      std::vector<uint64_t> set = ShingleSet(s);  // copies, as Scan's caller would
      benchmark::DoNotOptimize(set.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * u.bytes);
}
BENCHMARK(BM_ShingleSet);

}  // namespace
}  // namespace reprint::bench

// File: bench/segment_bench.cc
// Segmentation (reprint/segment.h): paragraph spans of news text and of
// hard-wrapped Debian text, and the whole-text trim.
#include <string>
#include <vector>

#include "bench/bench_inputs.h"
#include "benchmark/benchmark.h"
#include "reprint/segment.h"

namespace reprint::bench {
namespace {

void BM_SegmentParagraphs_Seeds(benchmark::State& state) {
  const std::string& text = SeedText(static_cast<size_t>(state.range(0)));
  size_t spans = 0;
  for (auto _ : state) {
    std::vector<Span> s = SegmentParagraphs(text);
    spans = s.size();
    benchmark::DoNotOptimize(s.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
  state.counters["paragraphs"] = static_cast<double>(spans);
}
BENCHMARK(BM_SegmentParagraphs_Seeds)->Arg(1 << 20);

void BM_SegmentParagraphs_Debian(benchmark::State& state) {
  const std::vector<std::string>& docs = DebianDocs(static_cast<size_t>(state.range(0)));
  int64_t bytes = 0;
  for (const std::string& d : docs) bytes += static_cast<int64_t>(d.size());
  for (auto _ : state) {
    for (const std::string& d : docs) {
      std::vector<Span> s = SegmentParagraphs(d);
      benchmark::DoNotOptimize(s.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_SegmentParagraphs_Debian)->Arg(4 << 20);

void BM_WholeText(benchmark::State& state) {
  const std::vector<std::string>& docs = DebianDocs(static_cast<size_t>(state.range(0)));
  int64_t bytes = 0;
  for (const std::string& d : docs) bytes += static_cast<int64_t>(d.size());
  for (auto _ : state) {
    for (const std::string& d : docs) benchmark::DoNotOptimize(WholeText(d));
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_WholeText)->Arg(4 << 20);

}  // namespace
}  // namespace reprint::bench

// File: bench/normalize_bench.cc
// Normalization (reprint/normalize.h) of paragraph units: news text with
// Unicode quotes and dashes (corpus/seeds), and mostly-ASCII Debian text;
// with and without the British/American spelling fold. The byte loop alone
// (internal::NormalizeBytewise, path:0) against NormalizeInto with its ASCII
// block path (path:1) shows what the block path gains.
#include <string>
#include <vector>

#include "bench/bench_inputs.h"
#include "benchmark/benchmark.h"
#include "reprint/internal/normalize_bytewise.h"
#include "reprint/normalize.h"
#include "reprint/segment.h"

namespace reprint::bench {
namespace {

struct Spans {
  std::vector<Span> spans;
  int64_t bytes = 0;
};

Spans ParagraphsOf(const std::string& text) {
  Spans s;
  s.spans = SegmentParagraphs(text);
  for (const Span& p : s.spans) s.bytes += p.size();
  return s;
}

void BM_Normalize_Seeds(benchmark::State& state) {
  const std::string& text = SeedText(1 << 20);
  const Spans s = ParagraphsOf(text);
  NormalizeOptions options;
  options.fold_spelling = state.range(0) != 0;
  for (auto _ : state) {
    for (const Span& p : s.spans) {
      NormalizedText n = Normalize(text, p, options);
      benchmark::DoNotOptimize(n.tokens.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * s.bytes);
}
BENCHMARK(BM_Normalize_Seeds)->ArgName("fold")->Arg(1)->Arg(0);

void BM_Normalize_Debian(benchmark::State& state) {
  const std::vector<std::string>& docs = DebianDocs(4 << 20);
  std::vector<Spans> spans;
  int64_t bytes = 0;
  for (const std::string& d : docs) {
    spans.push_back(ParagraphsOf(d));
    bytes += spans.back().bytes;
  }
  NormalizeOptions options;
  options.fold_spelling = state.range(0) != 0;
  for (auto _ : state) {
    for (size_t i = 0; i < docs.size(); ++i) {
      for (const Span& p : spans[i].spans) {
        NormalizedText n = Normalize(docs[i], p, options);
        benchmark::DoNotOptimize(n.tokens.data());
      }
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_Normalize_Debian)->ArgName("fold")->Arg(1)->Arg(0);

// Whole documents into one reused NormalizedText, as Scan's workers do.
void BM_NormalizeInto_DebianDocs(benchmark::State& state) {
  const std::vector<std::string>& docs = DebianDocs(4 << 20);
  int64_t bytes = 0;
  for (const std::string& d : docs) bytes += static_cast<int64_t>(d.size());
  NormalizeOptions options;
  options.fold_spelling = state.range(0) != 0;
  const bool blocks = state.range(1) != 0;
  NormalizedText n;
  for (auto _ : state) {
    for (const std::string& d : docs) {
      if (blocks) {
        NormalizeInto(d, WholeText(d), options, &n);
      } else {
        internal::NormalizeBytewise(d, WholeText(d), options, &n);
      }
      benchmark::DoNotOptimize(n.tokens.data());
    }
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_NormalizeInto_DebianDocs)->ArgNames({"fold", "path"})->ArgsProduct({{1, 0}, {0, 1}});

}  // namespace
}  // namespace reprint::bench

// Benchmarks of reprint/align.h: near-copies (5% of words substituted,
// dropped or added) of 1 KB to 200 KB, of random words and of real text, and
// unrelated pairs.
// Throughput counts the bytes of both texts; cells/word shows that the banded
// alignment stays linear.
#include <cctype>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "bench/bench_inputs.h"
#include "bench/gen/rng.h"
#include "benchmark/benchmark.h"
#include "reprint/align.h"
#include "reprint/normalize.h"

namespace reprint {
namespace {

constexpr uint64_t kSeed = 20240611;

// "<letter><number>". (Built by append: GCC 12 warns falsely on "w" + str.)
std::string Word(char letter, uint64_t number) {
  std::string w(1, letter);
  w += std::to_string(number);
  return w;
}

// Random words from a vocabulary of 5000 ("w0".."w4999") until `bytes` long.
std::vector<std::string> RandomText(size_t bytes, bench::Rng& rng) {
  std::vector<std::string> words;
  size_t size = 0;
  while (size < bytes) {
    words.push_back(Word('w', rng.Below(5000)));
    size += words.back().size() + 1;
  }
  return words;
}

// Each word is substituted, dropped or followed by a new word with total
// probability `rate`.
std::vector<std::string> Edit(const std::vector<std::string>& words, double rate, bench::Rng& rng) {
  std::vector<std::string> out;
  for (const std::string& w : words) {
    if (!rng.Chance(rate)) {
      out.push_back(w);
      continue;
    }
    const std::string other = Word('e', rng.Below(5000));
    switch (rng.Below(3)) {
      case 0:
        out.push_back(other);
        break;
      case 1:
        break;
      default:
        out.push_back(w);
        out.push_back(other);
    }
  }
  return out;
}

// Space-separated words of `text` (punctuation stays attached).
std::vector<std::string> SplitSpaces(const std::string& text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t e = i;
    while (e < text.size() && !std::isspace(static_cast<unsigned char>(text[e]))) ++e;
    if (e > i) words.push_back(text.substr(i, e - i));
    i = e;
  }
  return words;
}

std::string Join(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) {
    if (!s.empty()) s += ' ';
    s += w;
  }
  return s;
}

NormalizedText Norm(const std::string& s) {
  return Normalize(s, Span{0, static_cast<uint32_t>(s.size())});
}

void RunAlign(benchmark::State& state, const std::string& a, const std::string& b) {
  const NormalizedText na = Norm(a), nb = Norm(b);
  const AlignOptions options;
  AlignStats stats;
  size_t passages = 0;
  for (auto _ : state) {
    std::vector<Passage> p = AlignPassages(na, nb, options, &stats);
    passages = p.size();
    benchmark::DoNotOptimize(p.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(a.size() + b.size()));
  const double runs = static_cast<double>(state.iterations());
  state.counters["words"] = static_cast<double>(na.tokens.size());
  state.counters["passages"] = static_cast<double>(passages);
  state.counters["cells/word"] =
      static_cast<double>(stats.dp_cells) / runs / static_cast<double>(na.tokens.size());
  state.counters["runs/word"] =
      static_cast<double>(stats.runs) / runs / static_cast<double>(na.tokens.size());
  state.counters["seeds/word"] =
      static_cast<double>(stats.seeds) / runs / static_cast<double>(na.tokens.size());
}

void BM_AlignPassages(benchmark::State& state) {
  bench::Rng rng(kSeed);
  const std::vector<std::string> words = RandomText(static_cast<size_t>(state.range(0)), rng);
  RunAlign(state, Join(words), Join(Edit(words, 0.05, rng)));
}
BENCHMARK(BM_AlignPassages)->Arg(1 << 10)->Arg(10 << 10)->Arg(100 << 10)->Arg(200 << 10);

// Real text: Debian documents (a dedup-style set, so A also repeats some of
// its own paragraphs) joined to `size` bytes, against a 5% edited copy.
// Debian documents joined (blank line apart) to `size` bytes.
std::string DebianText(size_t size) {
  std::string text;
  for (const std::string& d : bench::DebianDocs(4 << 20)) {
    if (text.size() >= size) break;
    text += d.substr(0, size - text.size());
    text += "\n\n";
  }
  return text;
}

void BM_AlignPassagesDebian(benchmark::State& state) {
  const std::string text = DebianText(static_cast<size_t>(state.range(0)));
  bench::Rng rng(kSeed);
  RunAlign(state, text, Join(Edit(SplitSpaces(text), 0.05, rng)));
}
BENCHMARK(BM_AlignPassagesDebian)->Arg(10 << 10)->Arg(100 << 10)->Arg(200 << 10);

// One Debian text A against eight 5%-edited copies in turn, as a cluster's
// listed pairs (0, 1), (0, 2), ... are aligned: with PassageAligner (arg 1),
// which prepares A once, or AlignPassages per pair (arg 0).
void BM_AlignSharedA(benchmark::State& state) {
  const std::string text = DebianText(4 << 10);  // about a document of the bench corpora
  bench::Rng rng(kSeed);
  const NormalizedText a = Norm(text);
  std::vector<NormalizedText> bs;
  for (int i = 0; i < 8; ++i) bs.push_back(Norm(Join(Edit(SplitSpaces(text), 0.05, rng))));
  const AlignOptions options;
  const bool shared = state.range(0) != 0;
  PassageAligner aligner(options);
  size_t passages = 0;  // per iteration
  for (auto _ : state) {
    if (shared) aligner.SetA(a);
    passages = 0;
    for (const NormalizedText& b : bs) {
      std::vector<Passage> p = shared ? aligner.Align(b) : AlignPassages(a, b, options);
      passages += p.size();
      benchmark::DoNotOptimize(p.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(bs.size()));
  state.counters["passages"] = static_cast<double>(passages);
}
BENCHMARK(BM_AlignSharedA)->ArgName("shared")->Arg(0)->Arg(1);

void BM_AlignPassagesUnrelated(benchmark::State& state) {
  bench::Rng rng(kSeed);
  const std::string a = Join(RandomText(static_cast<size_t>(state.range(0)), rng));
  const std::string b = Join(RandomText(static_cast<size_t>(state.range(0)), rng));
  RunAlign(state, a, b);
}
BENCHMARK(BM_AlignPassagesUnrelated)->Arg(1 << 10)->Arg(100 << 10);

}  // namespace
}  // namespace reprint

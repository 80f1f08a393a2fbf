// Quote extraction and speaker attribution over the seed articles repeated to
// about 1 MB (one long document: the cost of a large input, not of many).
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "reprint/quote.h"
#include "reprint/speaker.h"

namespace reprint {
namespace {

std::string SeedMegabyte() {
  std::string seeds;
  for (const char* name :
       {"000_6fa34ba821cba727.txt", "001_c061e7b9e99da56e.txt", "002_e3ca70eda88bb4a3.txt",
        "003_ffbb0596cbef440d.txt", "004_07ee8de466f1c881.txt"}) {
    std::ifstream in(std::string(REPRINT_SOURCE_DIR) + "/corpus/seeds/" + name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    seeds += ss.str();
    seeds += "\n\n";
  }
  std::string out;
  while (seeds.size() > 4 && out.size() < (1u << 20)) out += seeds;
  return out;
}

void BM_ExtractQuotes(benchmark::State& state) {
  const std::string text = SeedMegabyte();
  const QuoteOptions options;
  size_t quotes = 0;
  for (auto _ : state) {
    std::vector<Quote> q = ExtractQuotes(text, options);
    quotes = q.size();
    benchmark::DoNotOptimize(q);
  }
  state.counters["quotes"] = static_cast<double>(quotes);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ExtractQuotes)->Unit(benchmark::kMillisecond);

void BM_Attribute(benchmark::State& state) {
  const std::string text = SeedMegabyte();
  const std::vector<Quote> quotes = ExtractQuotes(text);
  const SpeakerOptions options;
  size_t attributed = 0;
  for (auto _ : state) {
    std::vector<std::optional<Speaker>> s = Attribute(text, quotes, options);
    attributed = 0;
    for (const auto& x : s) attributed += x.has_value();
    benchmark::DoNotOptimize(s);
  }
  state.counters["quotes"] = static_cast<double>(quotes.size());
  state.counters["attributed"] = static_cast<double>(attributed);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_Attribute)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace reprint

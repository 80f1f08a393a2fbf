// File: bench/bench_inputs.cc
#include "bench/bench_inputs.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <numeric>
#include <sstream>
#include <utility>

#include "bench/gen/rng.h"
#include "bench/gen/source_text.h"
#include "bench/gen/text_edit.h"
#include "reprint/containment.h"
#include "reprint/lsh.h"
#include "reprint/minhash.h"
#include "reprint/normalize.h"
#include "reprint/scan.h"
#include "reprint/shingle.h"

#ifndef REPRINT_SOURCE_DIR
#define REPRINT_SOURCE_DIR "."
#endif

namespace reprint::bench {
namespace {

std::string ReadSeeds() {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(fs::path(REPRINT_SOURCE_DIR) / "corpus/seeds", ec)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::string all;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    if (!all.empty()) all += "\n\n";
    all += ss.str();
  }
  if (all.empty()) all = "No seed text was found under corpus/seeds.";
  return all;
}

const SourceText& Source() {
  static const SourceText* source = new SourceText(LoadSourceText(SourceOptions{}));
  return *source;
}

}  // namespace

const std::string& SeedText(size_t min_bytes) {
  static auto* cache = new std::map<size_t, std::string>;
  auto [it, fresh] = cache->try_emplace(min_bytes);
  if (fresh) {
    const std::string seeds = ReadSeeds();
    while (it->second.size() < min_bytes) {
      if (!it->second.empty()) it->second += "\n\n";
      it->second += seeds;
    }
  }
  return it->second;
}

const std::vector<std::string>& DebianDocs(size_t bytes) {
  static auto* cache = new std::map<size_t, std::vector<std::string>>;
  auto [it, fresh] = cache->try_emplace(bytes);
  if (!fresh) return it->second;
  const uint64_t seed = 1;
  const std::vector<SourceDoc> docs = CutDocuments(Source(), CutOptions{}, seed);
  std::vector<uint32_t> order(docs.size());
  std::iota(order.begin(), order.end(), 0u);
  Rng rng(StreamSeed(seed, "bench-order"));
  rng.Shuffle(order);
  std::vector<std::string_view> texts;
  for (const SourceDoc& d : docs) texts.push_back(d.text);
  const Vocabulary vocab = Vocabulary::FromTexts(texts);
  std::vector<std::string>& out = it->second;
  std::vector<size_t> originals;
  size_t total = 0, next = 0;
  while (total < bytes && (next < order.size() || !originals.empty())) {
    if (next == order.size() || (!originals.empty() && rng.Chance(0.3))) {
      const std::string& orig = out[originals[rng.Below(originals.size())]];
      out.push_back(Mutate(orig, rng.Uniform() * 0.35, vocab, rng));
    } else {
      originals.push_back(out.size());
      out.push_back(docs[order[next++]].text);
    }
    total += out.back().size();
  }
  return out;
}

const PreparedUnits& Prepared(size_t bytes, UnitKind kind) {
  static auto* cache = new std::map<std::pair<size_t, UnitKind>, std::unique_ptr<PreparedUnits>>;
  std::unique_ptr<PreparedUnits>& slot = (*cache)[{bytes, kind}];
  if (slot) return *slot;
  slot = std::make_unique<PreparedUnits>();
  PreparedUnits& p = *slot;
  p.docs = DebianDocs(bytes);
  const ScanOptions defaults;
  ShingleOptions shingle = defaults.shingle;
  shingle.seed = DeriveSeed(defaults.seed, "shingle");
  for (uint32_t d = 0; d < p.docs.size(); ++d) {
    const std::string& text = p.docs[d];
    std::vector<Span> spans;
    if (kind == UnitKind::kDoc) {
      spans.push_back(WholeText(text));
    } else {
      spans = SegmentParagraphs(text, defaults.segment);
    }
    for (const Span& s : spans) {
      const NormalizedText norm = Normalize(text, s, defaults.normalize);
      if (norm.tokens.size() < static_cast<size_t>(defaults.min_words)) continue;
      std::vector<uint64_t> seq = Shingle(norm, shingle);
      if (seq.empty()) continue;
      p.units.push_back(Unit{d, kind, s});
      p.bytes += s.size();
      p.sets.push_back(ShingleSet(seq));
      p.sequences.push_back(std::move(seq));
    }
  }
  return p;
}

BandKeyTable BandKeysOf(const PreparedUnits& units) {
  const ScanOptions defaults;
  const LshParams lsh = defaults.ResolvedLsh();
  const MinHasher hasher(MinHashOptions{defaults.num_perm, DeriveSeed(defaults.seed, "minhash")});
  const uint64_t band_seed = DeriveSeed(defaults.seed, "lsh");
  BandKeyTable keys(lsh.bands, units.sets.size());
  std::vector<uint32_t> sig(static_cast<size_t>(defaults.num_perm));
  std::vector<uint64_t> row(static_cast<size_t>(lsh.bands));
  for (size_t i = 0; i < units.sets.size(); ++i) {
    hasher.Sign(units.sets[i], sig.data());
    BandKeys(sig, lsh, band_seed, row.data());
    keys.Add(row);
  }
  return keys;
}

std::vector<CandidatePair> CandidatesOf(const PreparedUnits& units) {
  const ScanOptions defaults;
  std::vector<CandidatePair> lsh =
      LshCandidates(BandKeysOf(units), defaults.ResolvedLsh(), defaults.lsh);
  std::vector<std::vector<uint64_t>> fingerprints;
  for (const std::vector<uint64_t>& seq : units.sequences) {
    fingerprints.push_back(Winnow(seq, defaults.containment.window));
  }
  return MergeCandidates(
      lsh, ContainmentCandidates(fingerprints, defaults.containment, defaults.threshold));
}

}  // namespace reprint::bench

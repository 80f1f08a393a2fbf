// File: bench/gen/dedup_corpus.cc
#include "bench/gen/dedup_corpus.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <string_view>

#include "bench/gen/jsonl_writer.h"
#include "bench/gen/rng.h"
#include "bench/gen/text_edit.h"

namespace reprint::bench {
namespace {

std::string DocId(uint64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "d%07llu", static_cast<unsigned long long>(n));
  return buf;
}

// `target` with a run of `donor`'s words inserted as its own paragraph at a
// paragraph boundary. Returns false if the donor is too short.
bool EmbedPassage(const std::string& donor, const DedupOptions& o, Rng& rng, std::string* target) {
  const std::vector<Piece> words = SplitPieces(donor);
  if (static_cast<int>(words.size()) < o.min_passage_words) return false;
  const int len = std::min<int>(rng.Range(o.min_passage_words, o.max_passage_words),
                                static_cast<int>(words.size()));
  const size_t first = rng.Below(words.size() - len + 1);
  std::string passage;
  for (size_t i = first; i < first + len; ++i) {
    if (!passage.empty()) passage.push_back(' ');
    passage += words[i].word;
  }
  std::vector<size_t> cuts = {0};  // paragraph starts, then the end
  for (size_t p = target->find("\n\n"); p != std::string::npos; p = target->find("\n\n", p + 2)) {
    cuts.push_back(p);
  }
  cuts.push_back(target->size());
  const size_t at = cuts[rng.Below(cuts.size())];
  if (at == 0) {
    target->insert(0, passage + "\n\n");
  } else {
    target->insert(at, "\n\n" + passage);
  }
  return true;
}

}  // namespace

bool WriteDedupCorpus(const std::vector<SourceDoc>& docs, const SourceText& source,
                      const DedupOptions& o, const std::string& out_path, DedupStats* stats,
                      std::string* error) {
  *stats = DedupStats{};
  stats->source_documents = docs.size();
  Rng order_rng(StreamSeed(o.seed, "order"));
  std::vector<uint32_t> order(docs.size());
  std::iota(order.begin(), order.end(), 0u);
  order_rng.Shuffle(order);

  std::vector<std::string_view> texts;
  for (const SourceDoc& d : docs) texts.push_back(d.text);
  const Vocabulary vocab = Vocabulary::FromTexts(texts);

  JsonlWriter out;
  if (!out.Open(out_path, error)) return false;
  const std::string truth_path = out_path + ".truth";
  std::FILE* truth = std::fopen(truth_path.c_str(), "wb");
  if (truth == nullptr) {
    *error = "cannot create " + truth_path + ": " + std::strerror(errno);
    return false;
  }

  struct Original {
    uint64_t number;   // output index
    uint32_t doc;      // index into docs
    std::string text;  // as written
  };
  std::vector<Original> originals;
  const uint64_t limit = static_cast<uint64_t>(o.size_mb * 1e6);
  const double embed_p = o.embed_share / (1.0 - o.copy_share);
  size_t next_source = 0;
  Rng rng(StreamSeed(o.seed, "dedup"));
  bool truth_failed = false;
  for (uint64_t n = 0; out.bytes() < limit; ++n) {
    const bool exhausted = next_source == order.size();
    if (exhausted && originals.empty()) break;  // no source text at all
    if (exhausted && stats->exhausted_at_bytes == 0) stats->exhausted_at_bytes = out.bytes();
    const std::string id = DocId(n);
    // Each document gets its own stream, so edits of one never shift another.
    Rng doc_rng(StreamSeed(o.seed, "doc", n));
    if (exhausted || (!originals.empty() && rng.Chance(o.copy_share))) {
      const Original& orig = originals[rng.Below(originals.size())];
      const double rate = doc_rng.Uniform() * o.max_edit_rate;
      const std::string text = Mutate(orig.text, rate, vocab, doc_rng);
      out.Write(
          {{"id", id}, {"source", source.files[docs[orig.doc].file].package}, {"text", text}});
      truth_failed |= std::fprintf(truth, "%s\t%s\tmutated\t%.3f\n", id.c_str(),
                                   DocId(orig.number).c_str(), rate) < 0;
      ++stats->copies;
      continue;
    }
    const uint32_t d = order[next_source++];
    std::string text = docs[d].text;
    if (!originals.empty() && rng.Chance(embed_p)) {
      const Original& donor = originals[doc_rng.Below(originals.size())];
      if (EmbedPassage(donor.text, o, doc_rng, &text)) {
        truth_failed |= std::fprintf(truth, "%s\t%s\tembedded\t0.000\n", id.c_str(),
                                     DocId(donor.number).c_str()) < 0;
        ++stats->embedded;
      }
    }
    out.Write({{"id", id}, {"source", source.files[docs[d].file].package}, {"text", text}});
    originals.push_back(Original{n, d, std::move(text)});
    ++stats->originals;
  }
  stats->documents = out.records();
  stats->bytes = out.bytes();
  const bool truth_closed = std::fclose(truth) == 0;
  if (!out.Close(error)) return false;
  if (truth_failed || !truth_closed) {
    *error = "cannot write " + truth_path;
    return false;
  }
  return true;
}

}  // namespace reprint::bench

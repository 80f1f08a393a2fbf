// File: bench/gen/dedup_corpus.h
// The --mode dedup corpus: source documents in a seeded order, with a known
// share of mutated copies of earlier documents and a few documents that carry
// a passage copied from another one, plus a truth file naming every planted
// copy.
//
//   DedupOptions opt{.size_mb = 100, .seed = 7};
//   DedupStats stats;
//   if (!WriteDedupCorpus(docs, source, opt, "c.jsonl", &stats, &error)) ...
//
// Records: {"id","source","text"}; ids "d0000000", "d0000001", ... in output
// order; source is the Debian package the text came from (a copy keeps its
// original's). Truth ("c.jsonl.truth"), one line per planted document:
//   id <TAB> original_id <TAB> kind <TAB> edit_rate
// kind "mutated" (edit_rate is the nominal rate given to Mutate()) or
// "embedded" (original_id is the document the passage came from; edit_rate
// 0). Copies are only ever made of original (non-copy) documents. The source
// text itself holds natural near-duplicates too (license texts, related
// changelogs); the truth lists only what the generator planted.
//
// When the source documents run out before size_mb, only mutated copies are
// added from then on (so the copy share grows); stats say where.
// Thread-compatible.
#ifndef REPRINT_BENCH_GEN_DEDUP_CORPUS_H_
#define REPRINT_BENCH_GEN_DEDUP_CORPUS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "bench/gen/source_text.h"

namespace reprint::bench {

struct DedupOptions {
  // Stop once this many MB (10^6 bytes) of JSONL are written.
  double size_mb = 10;
  // Share of documents that are mutated copies (while source text lasts).
  double copy_share = 0.30;
  // Share of all documents that carry an embedded passage.
  double embed_share = 0.05;
  // Copies get an edit rate drawn uniformly from [0, max_edit_rate].
  double max_edit_rate = 0.35;
  // Embedded passage length in words, drawn uniformly.
  int min_passage_words = 40;
  int max_passage_words = 150;
  uint64_t seed = 1;
};

struct DedupStats {
  uint64_t documents = 0;
  uint64_t originals = 0;
  uint64_t copies = 0;
  uint64_t embedded = 0;
  uint64_t bytes = 0;
  uint64_t source_documents = 0;  // available to draw originals from
  // Bytes written when the source documents ran out (0: they did not).
  uint64_t exhausted_at_bytes = 0;
};

// Writes `out_path` and `out_path`.truth. False (with *error) on I/O errors.
bool WriteDedupCorpus(const std::vector<SourceDoc>& docs, const SourceText& source,
                      const DedupOptions& options, const std::string& out_path, DedupStats* stats,
                      std::string* error);

}  // namespace reprint::bench

#endif  // REPRINT_BENCH_GEN_DEDUP_CORPUS_H_

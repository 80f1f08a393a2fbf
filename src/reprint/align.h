// File: reprint/align.h
// Passage alignment: for a verified pair of units, finds the maximal shared
// passages as byte spans in both originals, tolerating small edits inside a
// passage (a substituted word, a dropped clause) instead of breaking it.
//
//   AlignOptions opt;                    // 3-word seeds, band 16, >= 8 words
//   AlignStats stats;
//   for (const Passage& p : AlignPassages(norm_a, norm_b, opt, &stats))
//     print(text_a.substr(p.a.begin, p.a.size()), text_b.substr(p.b.begin, p.b.size()));
//
// Method (seed, chain, banded local alignment; cost near-linear in the pair):
//  1. Seeds: every k-word window (k = seed_words) of A whose words equal a
//     window of B. Windows are keyed by XXH3 of their word ids and checked word
//     by word, so a hash collision never makes a seed. Windows occurring more
//     than max_seed_occurrences times in A or in B (boilerplate, refrains)
//     are not seeds.
//  2. Seeds on one diagonal (a - b) merge into exact runs. Runs are chained
//     (colinear, best score) when at most max_gap words separate them (in the
//     text where the gap is shorter) and their diagonals differ by <= band.
//  3. Each chain, best first, is aligned by Smith-Waterman on word tokens, but
//     only in a band of +-band diagonals around the chain's path, extended by
//     max_gap words beyond its outer runs. Tokens of A already in an accepted
//     passage are barriers, so passages never overlap in A. The best local
//     alignment with >= min_passage_words matched words is a passage; runs of
//     the chain it leaves out are aligned once more on their own. A chain
//     whose rows hold fewer than min_passage_words unclaimed words that B
//     has is not aligned: it could not yield a passage, nor could its runs.
//
// Which edits stay inside a passage is decided by the scores alone: with the
// defaults, an edit of g words is kept when more than g words match on each
// side of it (a local alignment never starts or ends on an edit). The band
// bounds what can be bridged: an insertion or deletion of more than about
// `band` words (the aligned diagonals stay within `band` of the chain's runs)
// splits a passage whatever the scores.
//
// Words are compared by their normalized text (NormalizedText::word). Each
// passage starts and ends on matched words, so its spans run from the first
// matched word's first byte to the last matched word's last byte (whole words).
// Texts with equal words take a shortcut past the alignments once their first
// chain's band holds the whole diagonal (same passages and stats; align.cc
// proves it). Each thread keeps its scratch buffers from call to call.
// Pure function, deterministic; thread-safe.
#ifndef REPRINT_ALIGN_H_
#define REPRINT_ALIGN_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "absl/status/status.h"
#include "reprint/normalize.h"
#include "reprint/segment.h"

namespace reprint {

struct AlignOptions {
  // Words per seed. Smaller: finds passages broken by dense edits, but more
  // chance seeds on common phrases; larger: faster, misses heavily edited text.
  int seed_words = 3;
  // A seed window occurring more often than this in either text is ignored.
  // Higher: finds repeated passages, at a cost quadratic in the repeats.
  int max_seed_occurrences = 32;
  // Most words between two seed runs aligned as one region (in the text
  // where the gap is shorter), and how far an alignment reaches beyond its
  // outermost runs. Higher: follows passages through denser edits.
  int max_gap = 24;
  // Half-width, in diagonals, of the band aligned around a chain's runs;
  // about the widest insertion or deletion a passage bridges. Higher: more drift
  // tolerated; cost per word grows linearly with it.
  int band = 16;
  // A passage needs at least this many matched words (>= seed_words).
  int min_passage_words = 8;
  // Local alignment scores per word. Stricter mismatch/gap: passages break
  // at fewer edits; looser: they run on through loosely related text.
  int match = 1;      // > 0
  int mismatch = -1;  // < 0: a substituted word
  int gap = -1;       // < 0: an inserted or deleted word

  absl::Status Validate() const;
};

// A stretch of a passage: equal words, or an edit. An edit replaces A tokens
// [a_begin, a_end) by B tokens [b_begin, b_end); either range may be empty
// (a word dropped from, or added to, B).
struct AlignedRun {
  uint32_t a_begin = 0;
  uint32_t a_end = 0;
  uint32_t b_begin = 0;
  uint32_t b_end = 0;
  bool equal = false;
  friend bool operator==(const AlignedRun&, const AlignedRun&) = default;
};

struct Passage {
  Span a;  // original bytes of A: first matched word's begin to last's end
  Span b;
  uint32_t a_tokens_begin = 0;  // [begin, end) into a.tokens
  uint32_t a_tokens_end = 0;
  uint32_t b_tokens_begin = 0;  // [begin, end) into b.tokens
  uint32_t b_tokens_end = 0;
  uint32_t words_matched = 0;
  uint32_t words_edited = 0;  // substituted + inserted + deleted words
  int64_t score = 0;          // local alignment score (AlignOptions units)
  // Equal and edited stretches in order, alternating, covering both token
  // ranges exactly; the first and last are equal.
  std::vector<AlignedRun> runs;
};

struct AlignStats {
  uint64_t seeds = 0;     // seed window pairs
  uint64_t runs = 0;      // exact runs after merging seeds on a diagonal
  uint64_t chains = 0;    // chains aligned (including re-aligned remainders)
  uint64_t dp_cells = 0;  // banded local alignment cells computed
  uint64_t passages = 0;  // passages returned
};

// The shared passages of `a` and `b`, sorted by A tokens then B tokens,
// never overlapping in A (they may overlap in B when A repeats B's text).
// Passages shorter than options.seed_words words are never found.
// `stats` may be null; otherwise its counters are incremented.
// REQUIRES: options.Validate().ok()
std::vector<Passage> AlignPassages(const NormalizedText& a, const NormalizedText& b,
                                   const AlignOptions& options, AlignStats* stats = nullptr);

// AlignPassages for one text A against several texts B in turn, with the
// same passages and stats for each, but what depends on A alone (its word
// ids and the index of its seed windows) is built once per A instead of
// once per pair: a cluster's listed pairs mostly share their first unit.
//
//   PassageAligner aligner(opt);
//   aligner.SetA(norm_a);
//   for (const NormalizedText& b : others) use(aligner.Align(b, &stats));
//
// Keeps its own scratch buffers. Not thread-safe: one per thread.
class PassageAligner {
 public:
  // REQUIRES: options.Validate().ok().
  explicit PassageAligner(const AlignOptions& options);
  ~PassageAligner();
  PassageAligner(PassageAligner&&) noexcept;
  PassageAligner& operator=(PassageAligner&&) noexcept;

  // Text A of the following calls to Align. `a` must stay alive and
  // unchanged until the next SetA (or the aligner's end).
  void SetA(const NormalizedText& a);
  // AlignPassages(a, b, options, stats). REQUIRES: SetA called.
  std::vector<Passage> Align(const NormalizedText& b, AlignStats* stats = nullptr);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace reprint

#endif  // REPRINT_ALIGN_H_

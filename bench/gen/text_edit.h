// File: bench/gen/text_edit.h
// Seeded edits that turn a text into a near-copy: word substitutions,
// deletions and insertions, sentence drops, and OCR-style character noise.
// Edits work on whitespace-delimited words and keep the white space between
// them, so paragraphs (blank lines) survive; character edits touch ASCII
// bytes only, so valid UTF-8 stays valid.
//
//   Vocabulary v = Vocabulary::FromTexts(texts);
//   Rng rng(StreamSeed(seed, "copy", i));
//   std::string copy = Mutate(original, 0.2, v, rng);
//   std::string scan = OcrNoise(copy, 0.1, rng);
//
// Pure functions of their arguments and the Rng state; thread-compatible.
#ifndef REPRINT_BENCH_GEN_TEXT_EDIT_H_
#define REPRINT_BENCH_GEN_TEXT_EDIT_H_

#include <string>
#include <string_view>
#include <vector>

#include "bench/gen/rng.h"

namespace reprint::bench {

// A maximal run of non-space bytes and the white space that follows it.
struct Piece {
  std::string word;
  std::string sep;
};

// Leading white space is dropped.
std::vector<Piece> SplitPieces(std::string_view text);
std::string JoinPieces(const std::vector<Piece>& pieces);

// Words to insert and substitute: plain ASCII words sampled from real text.
class Vocabulary {
 public:
  // Takes every `stride`-th word of 2-12 ASCII letters, up to `limit` words.
  static Vocabulary FromTexts(const std::vector<std::string_view>& texts, int stride = 7,
                              size_t limit = 200000);
  // REQUIRES: size() > 0
  const std::string& Draw(Rng& rng) const { return words_[rng.Below(words_.size())]; }
  size_t size() const { return words_.size(); }

 private:
  std::vector<std::string> words_;
};

struct MutateOptions {
  // Share of the edit rate spent on dropping whole sentences; the rest is
  // spread evenly over word substitutions, deletions and insertions.
  double sentence_share = 0.15;
};

// A copy in which roughly `rate` of the words are touched: each sentence (at
// most 40 words; longer runs without a full stop are cut) is
// dropped with probability rate * sentence_share, then each remaining word is
// substituted, deleted or preceded by an inserted word with total probability
// rate * (1 - sentence_share). REQUIRES: 0 <= rate <= 1, vocab non-empty.
std::string Mutate(std::string_view text, double rate, const Vocabulary& vocab, Rng& rng,
                   const MutateOptions& options = {});

// Changes each word with probability `rate`: 70% substitution, 15%
// deletion, 15% insertion of a vocabulary word before it.
std::string ChangeWords(std::string_view text, double rate, const Vocabulary& vocab, Rng& rng);

// OCR-style noise: each word is hit with probability `word_rate` by one of
// a character confusion (c/e, l/1, rn/m, o/0, both ways), a dropped
// character, a hyphenated line-end split ("exam- ple") or a stray space
// inside the word ("wo rd").
std::string OcrNoise(std::string_view text, double word_rate, Rng& rng);

// Counts the whitespace-delimited words of `text`.
size_t CountWords(std::string_view text);

}  // namespace reprint::bench

#endif  // REPRINT_BENCH_GEN_TEXT_EDIT_H_

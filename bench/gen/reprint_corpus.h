// File: bench/gen/reprint_corpus.h
// The --mode reprints corpus: a labelled set for wire-copy reprint detection.
// Each story is 300-900 words of consecutive source paragraphs; its family is
// 1-12 reprints, each carried by a different outlet and each altered, alone
// and combined, with seeded probabilities: OCR noise, abridgement to about
// the first half, a local lede of 1-2 sentences from unrelated text on top,
// one paragraph left out, and 1-5% of words changed. Outlets with boilerplate
// wrap every item in it (bench/gen/outlets.h). One story in eight quotes a
// 20-40-word passage of another story, so the quoting family and the quoted
// one share a short passage without being reprints of each other.
//
//   ReprintOptions opt{.stories = 500, .seed = 7};
//   ReprintStats stats;
//   if (!WriteReprintCorpus(source, opt, "r.jsonl", &stats, &error)) ...
//
// Records {"id","source","family","text"}: id "s0012-r03", source
// "outlet-07", family "s0012"; paragraphs separated by blank lines. Truth
// ("r.jsonl.truth"), one line per quote:
//   quoting_family <TAB> quoted_family <TAB> quote <TAB> words
// Source paragraphs are reflowed to one line, and paragraphs of fewer than
// min_paragraph_words words or whose words were already seen in an earlier
// paragraph (license texts, "New upstream release") are not used, so that
// distinct families do not share text by accident. Thread-compatible.
#ifndef REPRINT_BENCH_GEN_REPRINT_CORPUS_H_
#define REPRINT_BENCH_GEN_REPRINT_CORPUS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "bench/gen/outlets.h"
#include "bench/gen/source_text.h"

namespace reprint::bench {

// The alterations of a reprint, for measuring robustness to each alone
// (docs/quality.md, "Each perturbation alone").
enum class Perturbation : uint8_t {
  kMixed,          // the default: all of them, each with its probability
  kNone,           // exact copies (and no outlet boilerplate)
  kOcr,            // every reprint OCR-damaged, nothing else
  kAbridge,        // every reprint abridged
  kLede,           // every reprint has a local lede
  kDropParagraph,  // every reprint of 3+ paragraphs lacks one
  kWordChanges,    // every reprint has 1-5% of words changed
  kBoilerplate,    // exact copies; half the outlets wrap them in boilerplate
};

// "mixed", "none", "ocr", "abridge", "lede", "drop-paragraph", "word-changes",
// "boilerplate".
const char* PerturbationName(Perturbation p);
// False for any other name.
bool ParsePerturbation(std::string_view name, Perturbation* out);

struct ReprintOptions {
  int stories = 100;
  uint64_t seed = 1;
  int outlets = 40;  // must be >= max_family
  int min_family = 1;
  int max_family = 12;
  int min_story_words = 300;
  int max_story_words = 900;
  // Shorter source paragraphs (changelog headers, sign-offs) are skipped.
  int min_paragraph_words = 12;
  // Longer source paragraphs are skipped (one would make a whole story).
  int max_paragraph_words = 250;
  OutletOptions outlet;
  double quote_share = 0.125;
  int min_quote_words = 20;
  int max_quote_words = 40;

  // Per-reprint probabilities and strengths. The defaults are tuned so that
  // the mean word-3-gram Jaccard of two members of a family is near 0.30.
  double p_ocr = 0.6;
  double min_ocr_rate = 0.05;  // share of words hit by OCR noise
  double max_ocr_rate = 0.30;
  double p_abridge = 0.35;
  double min_abridge_keep = 0.4;  // share of words kept
  double max_abridge_keep = 0.6;
  double p_lede = 0.4;
  double p_drop_paragraph = 0.4;
  double p_word_changes = 0.6;
  double min_word_change = 0.01;
  double max_word_change = 0.05;

  // Sets the probabilities for `p`: for one perturbation alone, 1 for it and
  // 0 for the others, and no outlet boilerplate unless p is kBoilerplate.
  // Strengths and quotes are unchanged. kMixed leaves the options as they are.
  void Only(Perturbation p);
};

struct ReprintStats {
  int stories = 0;
  uint64_t records = 0;
  uint64_t bytes = 0;
  int quotes = 0;
  uint64_t ocr = 0, abridged = 0, ledes = 0, dropped_paragraphs = 0, word_changes = 0;
  uint64_t boilerplate_items = 0;
  // Word-3-gram Jaccard (bench/words.h tokens) over all pairs of members of
  // a family, and over a seeded sample of pairs from different families.
  uint64_t family_pairs = 0;
  double mean_family_jaccard = 0;
  double p10_family_jaccard = 0, median_family_jaccard = 0, p90_family_jaccard = 0;
  uint64_t cross_pairs = 0;
  double mean_cross_jaccard = 0;
};

// Writes `out_path` and `out_path`.truth. False (with *error) when the source
// text cannot make options.stories stories, or on I/O errors.
bool WriteReprintCorpus(const SourceText& source, const ReprintOptions& options,
                        const std::string& out_path, ReprintStats* stats, std::string* error);

}  // namespace reprint::bench

#endif  // REPRINT_BENCH_GEN_REPRINT_CORPUS_H_

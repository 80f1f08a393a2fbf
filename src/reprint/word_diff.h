// File: reprint/word_diff.h
// Word-level differences between two short texts (quotations): which words of
// a reference wording another wording changed, dropped or added, with the
// original byte spans on both sides.
//
//   NormalizedText ref = Normalize(text_a, quote_a), other = Normalize(text_b, quote_b);
//   WordDiff d = DiffWords(ref, text_a, other, text_b);
//   for (const WordEdit& e : d.edits)
//     print(WordEditKindName(e.kind), text_a.substr(e.ref.begin, e.ref.size()), "->",
//           text_b.substr(e.other.begin, e.other.size()));
//
// Method: a longest common subsequence of the normalized words (so case, quote
// marks, U.S./US and folded British/American spellings are equal words), after
// trimming the common prefix and suffix. Each maximal stretch of unmatched
// words is one edit: changed (words on both sides), dropped (reference words
// only) or added (other words only). A matched word whose original bytes
// differ beyond case and apostrophe style (jeopardise/jeopardize, U.S./US,
// neighbourhood/neighborhood) is a spelling edit of one word.
//
// Cost: O(n·m) time and 4·n·m bytes for the stretch left after trimming, which
// is small for quotations; beyond WordDiffOptions::max_cells the stretch is
// reported as one changed edit and `truncated` is set.
// Pure function, deterministic; thread-safe.
#ifndef REPRINT_WORD_DIFF_H_
#define REPRINT_WORD_DIFF_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "reprint/normalize.h"
#include "reprint/segment.h"

namespace reprint {

enum class WordEditKind : uint8_t {
  kChanged,   // reference words replaced by other words
  kDropped,   // reference words the other text does not have
  kAdded,     // other words the reference does not have
  kSpelling,  // one word, equal once normalized, written differently
};
// "changed", "dropped", "added", "spelling"
const char* WordEditKindName(WordEditKind kind);

// One edit. Token ranges are [begin, end) into each NormalizedText's tokens;
// spans are the original bytes of those tokens (first token's begin to last
// token's end; an abbreviation's final dot is included: "U.S." not "U.S").
// An empty range has an empty span at the position where the words would
// stand (the next token's begin, else the previous token's end).
struct WordEdit {
  WordEditKind kind = WordEditKind::kChanged;
  uint32_t ref_begin = 0;
  uint32_t ref_end = 0;
  uint32_t other_begin = 0;
  uint32_t other_end = 0;
  Span ref;
  Span other;
  friend bool operator==(const WordEdit&, const WordEdit&) = default;
};

struct WordDiffOptions {
  // Largest LCS table (words × words, after trimming the common prefix and
  // suffix). Larger: exact diffs of long texts, at 4 bytes per cell.
  uint64_t max_cells = uint64_t{1} << 22;
};

struct WordDiff {
  std::vector<WordEdit> edits;  // in text order, never overlapping
  uint32_t equal_words = 0;     // matched words (spelling edits included)
  bool truncated = false;       // the middle exceeded max_cells (one changed edit)
};

// The edits that turn `ref` into `other`. `ref_text` and `other_text` are the
// originals the NormalizedTexts were made from (Token::orig addresses them).
// REQUIRES: every token's orig span lies inside its text.
WordDiff DiffWords(const NormalizedText& ref, std::string_view ref_text,
                   const NormalizedText& other, std::string_view other_text,
                   const WordDiffOptions& options = {});

// True when two original words differ only in ASCII case and in the style of
// their apostrophes (’ ' ‘ ʼ). Exposed for tests.
bool SameWordUpToCase(std::string_view a, std::string_view b);

}  // namespace reprint

#endif  // REPRINT_WORD_DIFF_H_

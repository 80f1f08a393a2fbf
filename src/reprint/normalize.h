// File: reprint/normalize.h
// Turns a span of original bytes into normalized words, keeping for every word
// the byte range it came from, so that any finding maps back to the original.
//
// Normalization, in order: UTF-8 decoding (invalid bytes become separators),
// Unicode compatibility decomposition and case folding (utf8proc: NFKD +
// casefold, so "ﬁ" -> "fi", "Ａ" -> "a", "É" -> "e" once marks are dropped),
// removal of combining marks, and word splitting. A word is a run of letters
// and digits; an apostrophe between letters joins (Iraq’s -> iraqs, don't ->
// dont); dots between single letters join (U.S. -> us); hyphens, dashes,
// quotes of every style and all other punctuation separate words and are
// otherwise ignored. With `fold_spelling`, British/American variants fold to
// one form (jeopardise -> jeopardize, neighbourhood -> neighborhood). With
// `dehyphenate` and `ocr_fold` (off by default; the reprints preset turns
// them on), line-end hyphenation is undone and OCR confusions are folded.
//
//   NormalizedText n = Normalize(doc.text, Span{0, size});
//   for (const Token& t : n.tokens) use(n.word(t), t.orig);
//
// Pure function; thread-safe.
#ifndef REPRINT_NORMALIZE_H_
#define REPRINT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reprint/segment.h"

namespace reprint {

struct NormalizeOptions {
  // Fold British/American spelling variants (-ise/-ize, -our/-or, -tre/-ter).
  // On: reprints edited for house style still match; off: exact spelling.
  bool fold_spelling = true;
  // Join words split by a line-end hyphen: "exam- ple" -> "example" (also a
  // soft hyphen). On: OCR and hard-wrapped print match their source; off: a
  // rare "pre- and post-war" is not joined into "preand".
  bool dehyphenate = false;
  // Fold characters OCR confuses onto one (c/e, i/l/1, o/0, rn/m, vv/w) so
  // "rnodern" and "modem" match "modern". On: scanned text matches its
  // source; off: fewer chance matches between different words (clear/dear
  // stay apart).
  bool ocr_fold = false;
};

// One word of normalized text.
struct Token {
  uint32_t norm_begin = 0;  // [norm_begin, norm_end) in NormalizedText::text
  uint32_t norm_end = 0;
  // The original bytes the word came from. Tokens are in text order with
  // disjoint spans, except that the words of one code point whose
  // compatibility decomposition holds several ("½" -> "1⁄2" -> 1 2) share
  // that code point's bytes (tests/fuzz/normalize_fuzz.h checks both).
  Span orig;
};

struct NormalizedText {
  // The words joined by single spaces: "by this act the us forces".
  std::string text;
  std::vector<Token> tokens;
  // Number of bytes that are not part of valid UTF-8 (each a separator).
  uint32_t invalid_utf8 = 0;

  std::string_view word(const Token& t) const {
    return std::string_view(text).substr(t.norm_begin, t.norm_end - t.norm_begin);
  }
};

// Normalizes original[span.begin, span.end). Token::orig offsets are offsets
// into `original` (not into the span).
// REQUIRES: span.end <= original.size()
NormalizedText Normalize(std::string_view original, Span span,
                         const NormalizeOptions& options = {});

// As Normalize, but overwrites *out and keeps its buffers' capacity, so a
// loop over many units allocates only when a unit is larger than any before.
// REQUIRES: span.end <= original.size(), out != nullptr
void NormalizeInto(std::string_view original, Span span, const NormalizeOptions& options,
                   NormalizedText* out);

// Applies the spelling fold to one lower-case ASCII word (exposed for tests).
void FoldSpelling(std::string& word);

}  // namespace reprint

#endif  // REPRINT_NORMALIZE_H_

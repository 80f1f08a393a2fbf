// File: reprint/internal/ocr_repair.h
// Repairs of OCR damage applied after word splitting: joining words split by
// a line-end hyphen ("exam- ple" -> "example") and folding characters that
// OCR engines confuse onto one representative (c/e, i/l/1, o/0, rn/m, vv/w).
// Internal: Normalize() calls RepairOcr() when NormalizeOptions::dehyphenate
// or ::ocr_fold is set; not part of the public API.
//
//   NormalizedText n = Normalize(text, span, {.dehyphenate = true, .ocr_fold = true});
//
// Pure functions; thread-safe.
#ifndef REPRINT_INTERNAL_OCR_REPAIR_H_
#define REPRINT_INTERNAL_OCR_REPAIR_H_

#include <string>
#include <string_view>

#include "reprint/normalize.h"

namespace reprint::internal {

// Rewrites `text` (the output of the word splitter over `original`) in place.
// Token::orig spans stay offsets into `original`; a joined word spans both
// halves and the hyphen between them.
void RepairOcr(std::string_view original, const NormalizeOptions& options, NormalizedText* text);

// The OCR fold of one normalized word, in place: "rn" -> "m", "vv" -> "w",
// then c -> e, i -> l, 1 -> l, 0 -> o. Only ASCII bytes change, so UTF-8
// stays valid. "modern" and "rnodern" both give "modem"; the fold only has to
// map both sides of a confusion the same way, not to spell words.
void OcrFoldWord(std::string* word);

// True when original[a.orig.end, b.orig.begin) is a line-end hyphen: "-"
// followed by white space with at most one line break, or a soft hyphen
// (U+00AD) followed by optional white space, between an ASCII letter and a
// lower-case ASCII letter. "well-known" (no space) and "pre- and post-war"
// (the next word is "and": joined, a known false join) are the edge cases.
bool IsLineEndHyphen(std::string_view original, const Token& a, const Token& b);

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_OCR_REPAIR_H_

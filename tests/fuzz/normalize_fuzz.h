// File: tests/fuzz/normalize_fuzz.h
// Fuzz target "normalize": reprint::Normalize and its offset map.
// Input: 1 flag byte (bit 0: fold_spelling; bit 1: a sub-span chosen by the
// next 4 bytes instead of the whole text; bit 2: dehyphenate; bit 3:
// ocr_fold), then the text. A dehyphenated word ("exam- ple") spans both
// halves and the hyphen; the invariants below hold for it unchanged.
//
// The output equals internal::NormalizeBytewise's (the byte loop without
// the ASCII block path). Invariants, for every token:
//  - orig is non-empty and inside the normalized span;
//  - the words are non-empty, contain no space, and NormalizedText::text is
//    exactly the words joined by single spaces;
//  - consecutive tokens are in text order: the next one starts at or after
//    the end of this one, EXCEPT when both came from one code point whose
//    compatibility decomposition holds several words (U+00BD "½" -> "1⁄2" ->
//    words "1" and "2"; U+2105 "℅" -> "c/o"). Both words then honestly "came
//    from" the same bytes, so their spans overlap by exactly that code point.
//    normalize.cc keeps this on purpose: "½" and "1/2" normalize alike, which
//    is what NFKD is for; joining them into one word would break that.
//  - re-normalizing a token's own original bytes gives the same word (same
//    orig offsets too). Because of the overlap above the check is made per run
//    of overlapping tokens: re-normalizing the run's bytes gives exactly the
//    run's words. A token never starts in the middle of a pending apostrophe
//    or dot (StartWord resets that state), and bytes after orig.end only ever
//    end the word, so the words cannot depend on context outside the run.
// Not for production use.
#ifndef REPRINT_TESTS_FUZZ_NORMALIZE_FUZZ_H_
#define REPRINT_TESTS_FUZZ_NORMALIZE_FUZZ_H_

#include <string>
#include <string_view>

#include "reprint/internal/normalize_bytewise.h"
#include "reprint/normalize.h"
#include "tests/fuzz/fuzz_check.h"

namespace reprint::fuzz {

// True when text[b, e) is exactly one valid UTF-8 code point >= U+0080.
inline bool IsOneNonAsciiCodePoint(std::string_view text, uint32_t b, uint32_t e) {
  if (b >= e || e > text.size()) return false;
  const auto c = static_cast<unsigned char>(text[b]);
  const uint32_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
  if (len == 0 || e - b != len) return false;
  for (uint32_t k = 1; k < len; ++k) {
    if ((static_cast<unsigned char>(text[b + k]) & 0xC0) != 0x80) return false;
  }
  return true;
}

inline void FuzzNormalize(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t flags = in.TakeByte();
  NormalizeOptions options;
  options.fold_spelling = (flags & 1) != 0;
  options.dehyphenate = (flags & 4) != 0;
  options.ocr_fold = (flags & 8) != 0;
  uint32_t b_pick = 0, e_pick = 0;
  if (flags & 2) {
    b_pick = static_cast<uint32_t>(in.TakeInt(0, 0xFFFF));
    e_pick = static_cast<uint32_t>(in.TakeInt(0, 0xFFFF));
  }
  const std::string owned(in.Rest());  // exact-size buffer: ASan sees over-reads
  const std::string_view text(owned);
  const uint32_t n = static_cast<uint32_t>(text.size());
  Span span{0, n};
  if (flags & 2) {
    span.begin = b_pick % (n + 1);
    span.end = span.begin + e_pick % (n - span.begin + 1);
  }
  const NormalizedText norm = Normalize(text, span, options);

  // The ASCII block path gives what the byte loop alone gives.
  NormalizedText bytewise;
  internal::NormalizeBytewise(text, span, options, &bytewise);
  FuzzCheck(bytewise.text == norm.text, "block path: same text as the byte loop");
  FuzzCheck(bytewise.invalid_utf8 == norm.invalid_utf8, "block path: same invalid byte count");
  FuzzCheck(bytewise.tokens.size() == norm.tokens.size(), "block path: same token count");
  for (size_t i = 0; i < norm.tokens.size() && i < bytewise.tokens.size(); ++i) {
    const Token& a = norm.tokens[i];
    const Token& b = bytewise.tokens[i];
    FuzzCheck(a.norm_begin == b.norm_begin && a.norm_end == b.norm_end && a.orig == b.orig,
              "block path: same tokens as the byte loop");
  }

  FuzzCheck(norm.text.empty() == norm.tokens.empty(), "text empty iff no tokens");
  for (size_t i = 0; i < norm.tokens.size(); ++i) {
    const Token& t = norm.tokens[i];
    FuzzCheck(t.orig.begin < t.orig.end, "orig span non-empty");
    FuzzCheck(t.orig.begin >= span.begin && t.orig.end <= span.end, "orig span inside input span");
    FuzzCheck(t.norm_begin < t.norm_end && t.norm_end <= norm.text.size(), "word inside text");
    FuzzCheck(norm.word(t).find(' ') == std::string_view::npos, "word has no space");
    FuzzCheck(t.norm_begin == (i == 0 ? 0 : norm.tokens[i - 1].norm_end + 1),
              "words joined by single spaces");
    if (i > 0) {
      const Span& p = norm.tokens[i - 1].orig;
      if (t.orig.begin < p.end) {
        FuzzCheck(t.orig.begin >= p.begin && t.orig.end >= p.end,
                  "overlapping spans stay in text order");
        FuzzCheck(IsOneNonAsciiCodePoint(text, t.orig.begin, p.end),
                  "spans overlap only by one multi-word code point");
      }
    }
  }
  if (!norm.tokens.empty()) {
    FuzzCheck(norm.tokens.back().norm_end == norm.text.size(), "no trailing bytes in text");
  }

  // Re-normalize each run of overlapping tokens from its own original bytes.
  for (size_t i = 0; i < norm.tokens.size();) {
    size_t j = i + 1;
    uint32_t run_end = norm.tokens[i].orig.end;
    while (j < norm.tokens.size() && norm.tokens[j].orig.begin < run_end) {
      run_end = std::max(run_end, norm.tokens[j].orig.end);
      ++j;
    }
    const NormalizedText again = Normalize(text, Span{norm.tokens[i].orig.begin, run_end}, options);
    FuzzCheck(again.tokens.size() == j - i, "re-normalizing a run gives as many words");
    for (size_t k = 0; k < again.tokens.size() && k < j - i; ++k) {
      FuzzCheck(again.word(again.tokens[k]) == norm.word(norm.tokens[i + k]),
                "re-normalizing original bytes gives the same word");
      FuzzCheck(again.tokens[k].orig == norm.tokens[i + k].orig,
                "re-normalizing original bytes gives the same span");
    }
    i = j;
  }
}

}  // namespace reprint::fuzz

#endif  // REPRINT_TESTS_FUZZ_NORMALIZE_FUZZ_H_

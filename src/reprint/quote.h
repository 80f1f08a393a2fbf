// File: reprint/quote.h
// Finds quotations: spans of text between matching quotation marks, in every
// common style: “…” "…" ‘…’ '…' «…» »…« „…“ „…” ‚…‘ ‹…›.
//
//   QuoteOptions opt;  // quotes of 6 words or more, top level only
//   for (const Quote& q : ExtractQuotes(doc.text, opt)) {
//     std::string_view said = std::string_view(doc.text).substr(q.inner.begin, q.inner.size());
//   }
//
// How marks are read (all offsets are bytes of the original text):
//  - A mark may open when it follows the start, white space, an opening
//    bracket, a dash, a slash, a colon or another quote mark, and is followed
//    by a non-space; it may close when it follows a non-space and is followed
//    by the end, white space, punctuation or another quote mark. Straight
//    marks (" ') take their direction from that context alone; typographic
//    marks prefer their glyph's direction and fall back to the context, so
//    mixed pairs such as "…” or “…" pair up. Marks of one family pair with
//    each other: double (" “ ” „), single (' ‘ ’ ‚), guillemet (« »),
//    single guillemet (‹ ›).
//  - Apostrophes are not marks: a single mark between two letters (Iraq’s,
//    Kata’ib, don't), ’ or ' before two digits (the ’90s), ’ anywhere an
//    opening mark would stand, and a single closing mark with no single quote
//    open (forces' safety). A plural possessive (…s' word) inside an open
//    single quote is skipped when a later closing mark exists in the paragraph.
//  - Quotes never cross a paragraph (reprint/segment.h) except by the
//    multi-paragraph convention: an open quote continues when the next
//    paragraph opens with a mark of the same family; only the last paragraph
//    closes it. Such a quote is reported once, with one part per paragraph.
//  - Resynchronisation: an unterminated double quote or guillemet ends at the
//    end of its paragraph, or, when a new opening mark of its family appears
//    first, at the last sentence end before that mark (closed == false). An
//    unterminated single quote is dropped (it is most often an apostrophe).
//  - Nesting: a quote inside another returned quote has depth > 0 and is
//    returned only with QuoteOptions::include_nested.
//
// Works on arbitrary bytes: invalid UTF-8 is treated as an ordinary
// non-space, non-letter character. Linear in the size of the text.
// Pure functions; thread-safe.
#ifndef REPRINT_QUOTE_H_
#define REPRINT_QUOTE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "reprint/segment.h"

namespace reprint {

// The style of a quote, named by its opening mark.
enum class QuoteStyle : uint8_t {
  kStraightDouble,   // "…"
  kStraightSingle,   // '…'
  kCurlyDouble,      // “…” (and Swedish ”…”)
  kCurlySingle,      // ‘…’
  kLowDouble,        // „…“ or „…”
  kLowSingle,        // ‚…‘ or ‚…’
  kGuillemet,        // «…» or »…«
  kSingleGuillemet,  // ‹…› or ›…‹
};
// "straight_double", "straight_single", "curly_double", ...
const char* QuoteStyleName(QuoteStyle style);

struct Quote {
  // From the first byte of the opening mark to the last byte of the closing
  // mark; for an unterminated quote, to the end of its text.
  Span outer;
  // The quoted text: inside the marks, trimmed of white space. For a
  // multi-paragraph quote this runs from the first to the last paragraph and
  // so includes the continuation marks; `parts` does not.
  Span inner;
  // The quoted text of each paragraph, trimmed, without marks. One part
  // (== inner) unless multi_paragraph.
  std::vector<Span> parts;
  QuoteStyle style = QuoteStyle::kStraightDouble;
  // The closing mark is not the opening mark's usual partner ("…” or «…").
  bool mixed = false;
  // False when no closing mark was found (see resynchronisation above).
  bool closed = true;
  bool multi_paragraph = false;
  // Number of quotes found in the text (before any filtering) that contain
  // this one; 0: top level.
  uint32_t depth = 0;
  // White-space separated words of `parts` that hold a letter or a digit.
  uint32_t words = 0;
};

struct QuoteOptions {
  // Quotes with fewer words are not returned. Lower: scare quotes ("dynamic",
  // "aggression") come back too; higher: only full statements.
  uint32_t min_words = 6;
  // Also return quotes nested inside another returned quote. Off: only
  // top-level quotes, which do not overlap each other.
  bool include_nested = false;
  // Let a quote run over paragraphs by the convention above. Off: every
  // paragraph ends every open quote.
  bool multi_paragraph = true;
  // Return unterminated double quotes and guillemets, cut as described above.
  // Off: a quote without a closing mark is dropped.
  bool keep_unterminated = true;
  // Paragraph splitting; quotes do not cross paragraphs except by convention.
  SegmentOptions segment;

  absl::Status Validate() const;
};

// All quotes of `text`, sorted by outer.begin (then longest first), filtered
// by `options`. Every span lies inside `text` and starts and ends on a code
// point boundary (never inside a well-formed UTF-8 sequence; an invalid byte
// counts as one code point). Quotes nest or are disjoint. A text of 4 GiB or
// more (beyond 32-bit spans) yields no quotes. (tests/fuzz/quote_fuzz.h
// checks these and the rest of this contract on arbitrary bytes.)
// `paragraphs`: SegmentParagraphs(text, options.segment) where the caller
// has it (a scan segments every text anyway); null: segmented here.
// REQUIRES: options.Validate().ok()
std::vector<Quote> ExtractQuotes(std::string_view text, const QuoteOptions& options = {},
                                 const std::vector<Span>* paragraphs = nullptr);

// Words of text[span] as counted for Quote::words. REQUIRES: span inside text.
uint32_t CountQuoteWords(std::string_view text, Span span);

}  // namespace reprint

#endif  // REPRINT_QUOTE_H_

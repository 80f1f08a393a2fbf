// File: tests/fuzz/quote_fuzz.h
// Fuzz target "quote": reprint::ExtractQuotes, Attribute, FindQuoteUnits and
// SpeakerKey on arbitrary bytes.
// Input: 4 option bytes, then the text.
//   byte 0, flags: bit 0 include_nested; bit 1 multi_paragraph OFF; bit 2
//           keep_unterminated OFF; bit 3 resolve_names OFF; bits 4-6
//           min_words (0-7); bit 7 pronoun_sentences 0 (pronouns off).
//   byte 1: wrapped_line_max (0 = the default 100).
//   byte 2: context_bytes (0 = the default 400, else 4 x the byte) and
//           lookback_bytes (0 = the default 1500, else 16 x the byte).
//   byte 3: low nibble continuation_paragraphs (0-15), high nibble
//           byline_max_bytes / 8 (0 = the default 120).
// Every seed in corpus/quote/ starts with these 4 bytes (make_seeds.py).
//
// Invariants, for every quote (quote.h):
//  - outer, inner and every part lie inside the text, start and end on UTF-8
//    code point boundaries (never inside a well-formed multi-byte sequence;
//    an invalid byte is a code point of its own), and nest: outer contains
//    inner, inner runs from the first part's start to the last part's end;
//  - outer starts with an opening mark whose glyph gives `style`; a closed
//    quote ends with a mark of the same family, and inner lies strictly
//    between the two marks; an unterminated one has only white space (and,
//    after a paragraph without text, continuation marks: see below) between
//    inner.end and outer.end; keep_unterminated off => all closed;
//    mixed => closed;
//  - parts are non-empty, trimmed of ASCII white space, increasing and
//    disjoint, each inside one paragraph (SegmentParagraphs), one paragraph
//    per part in increasing order; multi_paragraph == (parts > 1);
//  - the opening mark lies in the first part's paragraph or an earlier one,
//    the closing mark in the last part's paragraph or a later one, and a
//    quote whose marks lie in different paragraphs needs the multi_paragraph
//    option. Weakened on purpose: a continuation paragraph that holds only
//    marks ("“T e" / "““") adds no part, so the marks may reach one paragraph
//    beyond the parts while multi_paragraph stays false (parts count the
//    paragraphs with quoted text; FuzzRegressionTest.
//    QuoteMarksMayReachAParagraphWithoutText pins it);
//  - words == the sum of CountQuoteWords over the parts, >= min_words;
//  - quotes sorted by outer.begin, longer first on ties; without
//    include_nested all are top level (depth 0) and disjoint; with
//    include_nested and min_words 0 (nothing filtered) the outer spans form a
//    laminar family (any two are disjoint or nested) and depth is exactly the
//    number of quotes containing one.
// For every speaker (speaker.h):
//  - one optional per quote; none for a quote with depth > 0;
//  - span non-empty, inside the text, on code point boundaries, and
//    text[span] == name; key == SpeakerKey(name); confidence in (0, 1];
//  - cue inside the text, on boundaries; for kContinuation the empty span at
//    the quote's start, otherwise non-empty and outside the quote's outer span.
// FindQuoteUnits returns exactly the quotes of ExtractQuotes, and its
// speakers meet the checks above (they need not equal Attribute's on the same
// quotes: FindQuoteUnits may give Attribute more context, such as the quotes
// below min_words). SpeakerKey of the whole text and of every name is computed
// (no crash; no ASCII upper case).
// Not for production use.
#ifndef REPRINT_TESTS_FUZZ_QUOTE_FUZZ_H_
#define REPRINT_TESTS_FUZZ_QUOTE_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reprint/quote.h"
#include "reprint/quote_cluster.h"
#include "reprint/segment.h"
#include "reprint/speaker.h"
#include "tests/fuzz/fuzz_check.h"

namespace reprint::fuzz {

// Length of the well-formed UTF-8 sequence at text[i] (Unicode Table 3-7,
// as utf8proc_iterate reads it), or 0 when the byte starts none.
inline size_t FuzzWellFormedAt(std::string_view text, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const auto cont = [&](size_t k, unsigned lo, unsigned hi) {
    return i + k < text.size() && b(k) >= lo && b(k) <= hi;
  };
  const unsigned c = b(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1, 0x80, 0xBF) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2, 0x80, 0xBF) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// boundary[p]: p is not strictly inside a well-formed multi-byte sequence.
inline std::vector<bool> FuzzCodePointBoundaries(std::string_view text) {
  std::vector<bool> boundary(text.size() + 1, true);
  for (size_t i = 0; i < text.size();) {
    const size_t len = FuzzWellFormedAt(text, i);
    for (size_t k = 1; k < len; ++k) boundary[i + k] = false;
    i += len == 0 ? 1 : len;
  }
  return boundary;
}

enum class FuzzFamily { kNone, kDouble, kSingle, kGuillemet, kSingleGuillemet };

// The quotation mark starting at text[i]: its length (0: none), family and
// the style it gives a quote it opens.
inline size_t FuzzMarkAt(std::string_view text, size_t i, FuzzFamily* family, QuoteStyle* style) {
  if (i >= text.size()) return 0;
  const auto c = static_cast<unsigned char>(text[i]);
  if (c == '"' || c == '\'') {
    *family = c == '"' ? FuzzFamily::kDouble : FuzzFamily::kSingle;
    *style = c == '"' ? QuoteStyle::kStraightDouble : QuoteStyle::kStraightSingle;
    return 1;
  }
  if (c == 0xC2 && i + 1 < text.size()) {
    const auto d = static_cast<unsigned char>(text[i + 1]);
    if (d != 0xAB && d != 0xBB) return 0;
    *family = FuzzFamily::kGuillemet;
    *style = QuoteStyle::kGuillemet;
    return 2;
  }
  if (c != 0xE2 || i + 2 >= text.size() || static_cast<unsigned char>(text[i + 1]) != 0x80) {
    return 0;
  }
  switch (static_cast<unsigned char>(text[i + 2])) {
    case 0x9C:  // “
    case 0x9D:  // ”
      *family = FuzzFamily::kDouble;
      *style = QuoteStyle::kCurlyDouble;
      return 3;
    case 0x9E:  // „
      *family = FuzzFamily::kDouble;
      *style = QuoteStyle::kLowDouble;
      return 3;
    case 0x98:  // ‘
    case 0x99:  // ’
      *family = FuzzFamily::kSingle;
      *style = QuoteStyle::kCurlySingle;
      return 3;
    case 0x9A:  // ‚
      *family = FuzzFamily::kSingle;
      *style = QuoteStyle::kLowSingle;
      return 3;
    case 0xB9:  // ‹
    case 0xBA:  // ›
      *family = FuzzFamily::kSingleGuillemet;
      *style = QuoteStyle::kSingleGuillemet;
      return 3;
    default:
      return 0;
  }
}

inline FuzzFamily FuzzFamilyOf(QuoteStyle s) {
  switch (s) {
    case QuoteStyle::kStraightDouble:
    case QuoteStyle::kCurlyDouble:
    case QuoteStyle::kLowDouble:
      return FuzzFamily::kDouble;
    case QuoteStyle::kStraightSingle:
    case QuoteStyle::kCurlySingle:
    case QuoteStyle::kLowSingle:
      return FuzzFamily::kSingle;
    case QuoteStyle::kGuillemet:
      return FuzzFamily::kGuillemet;
    case QuoteStyle::kSingleGuillemet:
      return FuzzFamily::kSingleGuillemet;
  }
  return FuzzFamily::kNone;
}

// Length of a mark of `family` that ends exactly at text[end], or 0.
inline size_t FuzzMarkEndingAt(std::string_view text, size_t end, FuzzFamily family) {
  for (size_t len = 1; len <= 3 && len <= end; ++len) {
    FuzzFamily f = FuzzFamily::kNone;
    QuoteStyle s;
    if (FuzzMarkAt(text, end - len, &f, &s) == len && f == family) return len;
  }
  return 0;
}

inline bool FuzzAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Index of the paragraph holding byte `pos`, or paras.size().
inline size_t FuzzParagraphOf(const std::vector<Span>& paras, uint32_t pos) {
  for (size_t p = 0; p < paras.size(); ++p) {
    if (pos >= paras[p].begin && pos < paras[p].end) return p;
  }
  return paras.size();
}

inline void FuzzCheckQuotes(std::string_view text, const QuoteOptions& opt,
                            const std::vector<bool>& boundary, const std::vector<Quote>& quotes) {
  const size_t n = text.size();
  const auto on_boundaries = [&](Span s) { return boundary[s.begin] && boundary[s.end]; };
  const std::vector<Span> paras = SegmentParagraphs(text, opt.segment);
  for (size_t qi = 0; qi < quotes.size(); ++qi) {
    const Quote& q = quotes[qi];
    FuzzCheck(q.outer.begin < q.outer.end && q.outer.end <= n, "outer non-empty, inside the text");
    FuzzCheck(on_boundaries(q.outer), "outer on code point boundaries");
    FuzzCheck(q.inner.begin <= q.inner.end && q.outer.begin < q.inner.begin &&
                  q.inner.end <= q.outer.end,
              "inner inside outer, after the opening mark");
    FuzzCheck(on_boundaries(q.inner), "inner on code point boundaries");

    FuzzFamily family = FuzzFamily::kNone;
    QuoteStyle style = QuoteStyle::kStraightDouble;
    const size_t open_len = FuzzMarkAt(text, q.outer.begin, &family, &style);
    FuzzCheck(open_len > 0, "outer starts with a quotation mark");
    FuzzCheck(style == q.style, "style is the opening glyph's");
    FuzzCheck(q.inner.begin >= q.outer.begin + open_len, "inner starts after the opening mark");
    if (q.closed) {
      const size_t close_len = FuzzMarkEndingAt(text, q.outer.end, family);
      FuzzCheck(close_len > 0, "a closed quote ends with a mark of its family");
      FuzzCheck(q.inner.end + close_len <= q.outer.end, "inner ends before the closing mark");
      FuzzCheck(q.outer.end - close_len > q.outer.begin, "closing mark is not the opening mark");
    } else {
      FuzzCheck(opt.keep_unterminated, "unterminated quote returned with keep_unterminated off");
      FuzzCheck(!q.mixed, "an unterminated quote is not mixed");
      for (uint32_t i = q.inner.end; i < q.outer.end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        FuzzCheck(c >= 0x80 || FuzzAsciiSpace(text[i]) || c == '"' || c == '\'',
                  "only white space and marks after an unterminated quote's inner span");
      }
    }

    FuzzCheck(!q.parts.empty(), "a quote has parts");
    FuzzCheck(q.parts.front().begin == q.inner.begin && q.parts.back().end == q.inner.end,
              "inner runs from the first part to the last");
    FuzzCheck(q.multi_paragraph == (q.parts.size() > 1), "multi_paragraph iff several parts");
    if (!opt.multi_paragraph) FuzzCheck(q.parts.size() == 1, "multi_paragraph off: one part");
    const size_t open_para = FuzzParagraphOf(paras, q.outer.begin);
    const size_t close_para = FuzzParagraphOf(paras, q.outer.end - 1);
    FuzzCheck(open_para < paras.size() && close_para < paras.size(), "marks inside paragraphs");
    FuzzCheck(open_para == close_para || opt.multi_paragraph,
              "only the multi-paragraph convention crosses a paragraph");
    uint32_t words = 0;
    size_t prev_para = 0;
    for (size_t k = 0; k < q.parts.size(); ++k) {
      const Span& s = q.parts[k];
      FuzzCheck(s.begin < s.end && s.end <= n, "part non-empty, inside the text");
      FuzzCheck(on_boundaries(s), "part on code point boundaries");
      FuzzCheck(!FuzzAsciiSpace(text[s.begin]) && !FuzzAsciiSpace(text[s.end - 1]),
                "part trimmed");
      if (k > 0) FuzzCheck(s.begin >= q.parts[k - 1].end, "parts increasing and disjoint");
      const size_t p = FuzzParagraphOf(paras, s.begin);
      FuzzCheck(p < paras.size() && s.end <= paras[p].end, "part inside one paragraph");
      if (k > 0) FuzzCheck(p > prev_para, "one paragraph per part, in order");
      if (k == 0) FuzzCheck(open_para <= p, "opening mark at or before the first part's paragraph");
      if (k + 1 == q.parts.size()) {
        FuzzCheck(close_para >= p, "closing mark at or after the last part's paragraph");
      }
      prev_para = p;
      words += CountQuoteWords(text, s);
    }
    FuzzCheck(words == q.words, "words is the sum over the parts");
    FuzzCheck(q.words >= opt.min_words, "no quote below min_words");

    if (qi > 0) {
      const Quote& p = quotes[qi - 1];
      FuzzCheck(p.outer.begin < q.outer.begin ||
                    (p.outer.begin == q.outer.begin && p.outer.end >= q.outer.end),
                "sorted by begin, longer first");
    }
    if (!opt.include_nested) {
      FuzzCheck(q.depth == 0, "only top-level quotes without include_nested");
      if (qi > 0) FuzzCheck(quotes[qi - 1].outer.end <= q.outer.begin, "top-level quotes disjoint");
    }
  }
  if (opt.include_nested && opt.min_words == 0) {
    for (size_t i = 0; i < quotes.size(); ++i) {
      uint32_t containing = 0;
      for (size_t j = 0; j < quotes.size(); ++j) {
        if (i == j) continue;
        const Span a = quotes[j].outer, b = quotes[i].outer;
        const bool disjoint = a.end <= b.begin || b.end <= a.begin;
        const bool a_holds_b = a.begin <= b.begin && b.end <= a.end;
        const bool b_holds_a = b.begin <= a.begin && a.end <= b.end;
        FuzzCheck(disjoint || a_holds_b || b_holds_a, "quotes nest or are disjoint");
        containing += !disjoint && a_holds_b;
      }
      FuzzCheck(quotes[i].depth == containing, "depth counts the enclosing quotes");
    }
  }
}

inline void FuzzCheckSpeakers(std::string_view text, const std::vector<bool>& boundary,
                              const std::vector<Quote>& quotes,
                              const std::vector<std::optional<Speaker>>& who) {
  const size_t n = text.size();
  FuzzCheck(who.size() == quotes.size(), "one optional speaker per quote");
  for (size_t i = 0; i < who.size(); ++i) {
    if (!who[i]) continue;
    const Speaker& s = *who[i];
    const Quote& q = quotes[i];
    FuzzCheck(q.depth == 0, "no speaker for a nested quote");
    FuzzCheck(s.span.begin < s.span.end && s.span.end <= n, "name span non-empty, inside the text");
    FuzzCheck(boundary[s.span.begin] && boundary[s.span.end], "name on code point boundaries");
    FuzzCheck(s.name == text.substr(s.span.begin, s.span.size()), "name is text[span]");
    FuzzCheck(s.key == SpeakerKey(s.name), "key is SpeakerKey(name)");
    FuzzCheck(s.confidence > 0 && s.confidence <= 1, "confidence in (0, 1]");
    FuzzCheck(std::string_view(AttributionPatternName(s.pattern)) != "?", "a known pattern");
    FuzzCheck(s.cue.begin <= s.cue.end && s.cue.end <= n, "cue inside the text");
    FuzzCheck(boundary[s.cue.begin] && boundary[s.cue.end], "cue on code point boundaries");
    if (s.pattern == AttributionPattern::kContinuation) {
      FuzzCheck(s.cue.begin == q.outer.begin && s.cue.end == q.outer.begin,
                "a continuation's cue is empty, at the quote's start");
    } else {
      FuzzCheck(s.cue.begin < s.cue.end, "cue non-empty");
      FuzzCheck(s.cue.end <= q.outer.begin || s.cue.begin >= q.outer.end,
                "cue outside the quote it attributes");
    }
  }
}

inline void FuzzCheckKey(const std::string& key) {
  for (char c : key) FuzzCheck(c < 'A' || c > 'Z', "speaker key has no ASCII upper case");
}

inline void FuzzQuote(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  const uint8_t flags = in.TakeByte();
  const uint8_t wrap = in.TakeByte();
  const uint8_t context = in.TakeByte();
  const uint8_t misc = in.TakeByte();
  QuoteOptions qopt;
  qopt.include_nested = (flags & 1) != 0;
  qopt.multi_paragraph = (flags & 2) == 0;
  qopt.keep_unterminated = (flags & 4) == 0;
  qopt.min_words = (flags >> 4) & 7;
  if (wrap != 0) qopt.segment.wrapped_line_max = wrap;
  SpeakerOptions sopt;
  sopt.resolve_names = (flags & 8) == 0;
  if (flags & 0x80) sopt.pronoun_sentences = 0;
  if (context != 0) {
    sopt.context_bytes = 4u * context;
    sopt.lookback_bytes = 16u * context;
  }
  sopt.continuation_paragraphs = misc & 15;
  if ((misc >> 4) != 0) sopt.byline_max_bytes = 8u * (misc >> 4);
  sopt.segment = qopt.segment;
  FuzzCheck(qopt.Validate().ok() && sopt.Validate().ok(), "fuzzed options are valid");

  const std::string owned(in.Rest());  // exact-size buffer: ASan sees over-reads
  const std::string_view text(owned);
  const std::vector<bool> boundary = FuzzCodePointBoundaries(text);

  const std::vector<Quote> quotes = ExtractQuotes(text, qopt);
  FuzzCheckQuotes(text, qopt, boundary, quotes);
  const std::vector<std::optional<Speaker>> who = Attribute(text, quotes, sopt);
  FuzzCheckSpeakers(text, boundary, quotes, who);

  const std::vector<QuoteUnit> units = FindQuoteUnits(text, qopt, sopt);
  FuzzCheck(units.size() == quotes.size(), "FindQuoteUnits finds the same quotes");
  std::vector<std::optional<Speaker>> unit_speakers;
  for (size_t i = 0; i < units.size() && i < quotes.size(); ++i) {
    const Quote& a = units[i].quote;
    const Quote& b = quotes[i];
    FuzzCheck(a.outer == b.outer && a.inner == b.inner && a.parts == b.parts &&
                  a.style == b.style && a.depth == b.depth && a.words == b.words,
              "FindQuoteUnits quote == ExtractQuotes quote");
    unit_speakers.push_back(units[i].speaker);
    if (who[i]) FuzzCheckKey(who[i]->key);
    if (units[i].speaker) FuzzCheckKey(units[i].speaker->key);
  }
  FuzzCheckSpeakers(text, boundary, quotes, unit_speakers);
  FuzzCheckKey(SpeakerKey(text));
}

}  // namespace reprint::fuzz

#endif  // REPRINT_TESTS_FUZZ_QUOTE_FUZZ_H_

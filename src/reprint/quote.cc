#include "reprint/quote.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <utility>

#include "reprint/internal/mark_bytes.h"
#include "reprint/internal/utf8.h"
#include "utf8proc.h"

namespace reprint {
namespace {

using internal::DecodeAt;
using internal::DecodeBefore;
using internal::IsAsciiSpace;

// ---------------------------------------------------------------------------
// Characters

enum class CharClass : uint8_t {
  kEdge,          // before the start or after the end of the text
  kSpace,         // white space, including no-break and thin spaces
  kOpenBracket,   // ( [ { <
  kCloseBracket,  // ) ] } >
  kDash,          // - and Unicode dashes
  kSlash,
  kColon,
  kTerminal,  // . , ; ! ? … and other sentence punctuation
  kQuote,     // any quotation mark
  kLetter,
  kDigit,
  kOther,  // symbols and invalid bytes
};

bool IsQuoteCodePoint(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0xAB || cp == 0xBB || (cp >= 0x2018 && cp <= 0x201F) ||
         cp == 0x2039 || cp == 0x203A;
}

CharClass Classify(int32_t cp) {
  if (cp < 0) return CharClass::kOther;
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      return CharClass::kSpace;
    }
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass::kLetter;
    switch (c) {
      case '(':
      case '[':
      case '{':
      case '<':
        return CharClass::kOpenBracket;
      case ')':
      case ']':
      case '}':
      case '>':
        return CharClass::kCloseBracket;
      case '-':
        return CharClass::kDash;
      case '/':
        return CharClass::kSlash;
      case ':':
        return CharClass::kColon;
      case '.':
      case ',':
      case ';':
      case '!':
      case '?':
        return CharClass::kTerminal;
      case '"':
      case '\'':
        return CharClass::kQuote;
      default:
        return CharClass::kOther;
    }
  }
  if (IsQuoteCodePoint(cp)) return CharClass::kQuote;
  if (cp == 0x2026) return CharClass::kTerminal;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return CharClass::kDigit;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
      return CharClass::kSpace;
    case UTF8PROC_CATEGORY_PS:
      return CharClass::kOpenBracket;
    case UTF8PROC_CATEGORY_PE:
      return CharClass::kCloseBracket;
    case UTF8PROC_CATEGORY_PD:
      return CharClass::kDash;
    case UTF8PROC_CATEGORY_PO:
      return CharClass::kTerminal;
    default:
      return cp == 0x200B ? CharClass::kSpace : CharClass::kOther;
  }
}

bool IsAlnum(CharClass c) { return c == CharClass::kLetter || c == CharClass::kDigit; }

// Trims white space (ASCII and Unicode) from both ends of [b, e).
Span TrimSpan(std::string_view text, size_t b, size_t e) {
  while (b < e) {
    size_t len = 0;
    if (Classify(DecodeAt(text, b, &len)) != CharClass::kSpace || b + len > e) break;
    b += len;
  }
  while (e > b) {
    const int32_t cp = DecodeBefore(text, e);
    if (Classify(cp) != CharClass::kSpace) break;
    size_t len = 1;
    if (cp >= 0x80) len = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (e - b < len) break;
    e -= len;
  }
  return Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

// ---------------------------------------------------------------------------
// Marks

enum class Family : uint8_t { kDouble, kSingle, kGuillemet, kSingleGuillemet };

enum class Glyph : uint8_t {
  kStraightDouble,        // "
  kStraightSingle,        // '
  kLeftDouble,            // “
  kRightDouble,           // ”
  kLowDouble,             // „
  kLeftSingle,            // ‘
  kRightSingle,           // ’
  kLowSingle,             // ‚
  kLeftGuillemet,         // «
  kRightGuillemet,        // »
  kLeftSingleGuillemet,   // ‹
  kRightSingleGuillemet,  // ›
};

Family FamilyOf(Glyph g) {
  switch (g) {
    case Glyph::kStraightDouble:
    case Glyph::kLeftDouble:
    case Glyph::kRightDouble:
    case Glyph::kLowDouble:
      return Family::kDouble;
    case Glyph::kStraightSingle:
    case Glyph::kLeftSingle:
    case Glyph::kRightSingle:
    case Glyph::kLowSingle:
      return Family::kSingle;
    case Glyph::kLeftGuillemet:
    case Glyph::kRightGuillemet:
      return Family::kGuillemet;
    case Glyph::kLeftSingleGuillemet:
    case Glyph::kRightSingleGuillemet:
      return Family::kSingleGuillemet;
  }
  return Family::kDouble;
}

QuoteStyle StyleOf(Glyph open) {
  switch (open) {
    case Glyph::kStraightDouble:
      return QuoteStyle::kStraightDouble;
    case Glyph::kStraightSingle:
      return QuoteStyle::kStraightSingle;
    case Glyph::kLeftDouble:
    case Glyph::kRightDouble:
      return QuoteStyle::kCurlyDouble;
    case Glyph::kLowDouble:
      return QuoteStyle::kLowDouble;
    case Glyph::kLeftSingle:
    case Glyph::kRightSingle:
      return QuoteStyle::kCurlySingle;
    case Glyph::kLowSingle:
      return QuoteStyle::kLowSingle;
    case Glyph::kLeftGuillemet:
    case Glyph::kRightGuillemet:
      return QuoteStyle::kGuillemet;
    case Glyph::kLeftSingleGuillemet:
    case Glyph::kRightSingleGuillemet:
      return QuoteStyle::kSingleGuillemet;
  }
  return QuoteStyle::kStraightDouble;
}

// The closing glyphs that are an opening glyph's usual partners.
bool UsualPair(Glyph open, Glyph close) {
  switch (open) {
    case Glyph::kStraightDouble:
      return close == Glyph::kStraightDouble;
    case Glyph::kStraightSingle:
      return close == Glyph::kStraightSingle;
    case Glyph::kLeftDouble:
      return close == Glyph::kRightDouble;
    case Glyph::kRightDouble:
      return close == Glyph::kRightDouble;  // Swedish ”…”
    case Glyph::kLowDouble:
      return close == Glyph::kLeftDouble || close == Glyph::kRightDouble;
    case Glyph::kLeftSingle:
      return close == Glyph::kRightSingle;
    case Glyph::kRightSingle:
      return close == Glyph::kRightSingle;
    case Glyph::kLowSingle:
      return close == Glyph::kLeftSingle || close == Glyph::kRightSingle;
    case Glyph::kLeftGuillemet:
      return close == Glyph::kRightGuillemet;
    case Glyph::kRightGuillemet:
      return close == Glyph::kLeftGuillemet;
    case Glyph::kLeftSingleGuillemet:
      return close == Glyph::kRightSingleGuillemet;
    case Glyph::kRightSingleGuillemet:
      return close == Glyph::kLeftSingleGuillemet;
  }
  return false;
}

using internal::NextMarkByte;

// Recognises a quotation mark at text[i]; returns its length (0: none).
size_t MarkAt(std::string_view text, size_t i, Glyph* glyph) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c == '"') {
    *glyph = Glyph::kStraightDouble;
    return 1;
  }
  if (c == '\'') {
    *glyph = Glyph::kStraightSingle;
    return 1;
  }
  if (c == 0xC2 && i + 1 < text.size()) {
    const auto d = static_cast<unsigned char>(text[i + 1]);
    if (d == 0xAB)
      *glyph = Glyph::kLeftGuillemet;
    else if (d == 0xBB)
      *glyph = Glyph::kRightGuillemet;
    else
      return 0;
    return 2;
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    switch (static_cast<unsigned char>(text[i + 2])) {
      case 0x98:
        *glyph = Glyph::kLeftSingle;
        break;
      case 0x99:
        *glyph = Glyph::kRightSingle;
        break;
      case 0x9A:
        *glyph = Glyph::kLowSingle;
        break;
      case 0x9C:
        *glyph = Glyph::kLeftDouble;
        break;
      case 0x9D:
        *glyph = Glyph::kRightDouble;
        break;
      case 0x9E:
        *glyph = Glyph::kLowDouble;
        break;
      case 0xB9:
        *glyph = Glyph::kLeftSingleGuillemet;
        break;
      case 0xBA:
        *glyph = Glyph::kRightSingleGuillemet;
        break;
      default:
        return 0;
    }
    return 3;
  }
  return 0;
}

enum class Dir : uint8_t { kNone, kOpen, kClose, kEither };

struct Mark {
  uint32_t begin = 0;
  uint32_t end = 0;
  Glyph glyph = Glyph::kStraightDouble;
  Dir dir = Dir::kNone;
  bool possessive = false;  // looks like "forces' safety"
};

// Reads the direction of the mark text[b, e) from its glyph and neighbours.
Mark ClassifyMark(std::string_view text, size_t b, size_t e, Glyph glyph) {
  Mark m{static_cast<uint32_t>(b), static_cast<uint32_t>(e), glyph, Dir::kNone, false};
  const int32_t prev_cp = b == 0 ? -2 : DecodeBefore(text, b);
  size_t next_len = 0;
  const int32_t next_cp = e >= text.size() ? -2 : DecodeAt(text, e, &next_len);
  const CharClass prev = prev_cp == -2 ? CharClass::kEdge : Classify(prev_cp);
  const CharClass next = next_cp == -2 ? CharClass::kEdge : Classify(next_cp);

  const bool left_open = prev == CharClass::kEdge || prev == CharClass::kSpace ||
                         prev == CharClass::kOpenBracket || prev == CharClass::kDash ||
                         prev == CharClass::kSlash || prev == CharClass::kQuote ||
                         prev == CharClass::kColon;
  const bool right_close = next == CharClass::kEdge || next == CharClass::kSpace ||
                           next == CharClass::kCloseBracket || next == CharClass::kDash ||
                           next == CharClass::kSlash || next == CharClass::kTerminal ||
                           next == CharClass::kQuote || next == CharClass::kColon;
  bool can_open = left_open && next != CharClass::kEdge && next != CharClass::kSpace;
  const bool can_close = prev != CharClass::kEdge && prev != CharClass::kSpace && right_close;
  const bool inside_word = IsAlnum(prev) && IsAlnum(next);

  // Elision: '90s, ’19.
  if (FamilyOf(glyph) == Family::kSingle && next == CharClass::kDigit && e + 2 <= text.size() &&
      text[e + 1] >= '0' && text[e + 1] <= '9' &&
      (e + 2 == text.size() || text[e + 2] < '0' || text[e + 2] > '9')) {
    can_open = false;
  }

  auto by_context = [&]() {
    if (can_open && can_close) return Dir::kEither;
    if (can_open) return Dir::kOpen;
    if (can_close) return Dir::kClose;
    return Dir::kNone;
  };
  switch (glyph) {
    case Glyph::kStraightDouble:
      m.dir = by_context();
      break;
    case Glyph::kStraightSingle:
      m.dir = inside_word ? Dir::kNone : by_context();
      break;
    case Glyph::kLeftDouble:
    case Glyph::kLeftSingle:
      if (glyph == Glyph::kLeftSingle && inside_word) break;
      m.dir = can_open ? Dir::kOpen : can_close ? Dir::kClose : Dir::kNone;
      break;
    case Glyph::kRightDouble:
      m.dir = can_close ? Dir::kClose : can_open ? Dir::kOpen : Dir::kNone;
      break;
    case Glyph::kRightSingle:  // also the apostrophe: never opens
      m.dir = !inside_word && can_close ? Dir::kClose : Dir::kNone;
      break;
    case Glyph::kLowDouble:
    case Glyph::kLowSingle:
      m.dir = can_open ? Dir::kOpen : Dir::kNone;
      break;
    case Glyph::kLeftGuillemet:
    case Glyph::kLeftSingleGuillemet:  // French spacing: « text »
      m.dir = left_open && next != CharClass::kEdge ? Dir::kOpen
              : can_close                           ? Dir::kClose
                                                    : Dir::kNone;
      break;
    case Glyph::kRightGuillemet:
    case Glyph::kRightSingleGuillemet:
      m.dir = right_close && prev != CharClass::kEdge ? Dir::kClose
              : can_open                              ? Dir::kOpen
                                                      : Dir::kNone;
      break;
  }
  // Plural possessive: forces' safety.
  if (FamilyOf(glyph) == Family::kSingle && (prev_cp == 's' || prev_cp == 'S') &&
      e + 1 < text.size() && text[e] == ' ' &&
      Classify(static_cast<unsigned char>(text[e + 1])) == CharClass::kLetter) {
    m.possessive = true;
  }
  return m;
}

// ---------------------------------------------------------------------------
// Pairing

struct OpenQuote {
  Mark mark;
  uint32_t part_begin = 0;  // start of the current paragraph's part
  std::vector<Span> parts;  // parts of earlier paragraphs (multi-paragraph)
  // End of the last quote found inside this one: if this one is cut short
  // (resynchronisation), the cut comes after it, so that quotes nest.
  uint32_t nested_end = 0;
};

bool IsUpperAsciiOrQuote(std::string_view text, size_t i) {
  const char c = text[i];
  if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  Glyph g;
  return MarkAt(text, i, &g) > 0 || static_cast<unsigned char>(c) >= 0x80;
}

// The end of the last sentence that ends inside [b, e), or e when none does:
// where an unterminated quote most likely lost its closing mark.
size_t LastSentenceEnd(std::string_view text, size_t b, size_t e) {
  for (size_t i = e; i-- > b;) {
    const char c = text[i];
    if (c != '.' && c != '!' && c != '?') continue;
    if (i + 2 >= e || !IsAsciiSpace(text[i + 1])) continue;
    size_t j = i + 1;
    while (j < e && IsAsciiSpace(text[j])) ++j;
    if (j >= e || !IsUpperAsciiOrQuote(text, j)) continue;
    // "U.S. Army", "Maj. Gen.": a single or short capitalised word is an abbreviation.
    if (c == '.' && i > b) {
      size_t k = i;
      while (k > b && Classify(static_cast<unsigned char>(text[k - 1])) == CharClass::kLetter) --k;
      if (i - k <= 1 || (i - k == 2 && text[k] >= 'A' && text[k] <= 'Z')) continue;
    }
    return i + 1;
  }
  return e;
}

class Extractor {
 public:
  Extractor(std::string_view text, const QuoteOptions& options) : text_(text), options_(options) {}

  // `given`: the text's paragraphs, or null to segment them here.
  std::vector<Quote> Run(const std::vector<Span>* given) {
    std::vector<Span> own;
    if (given == nullptr) own = SegmentParagraphs(text_, options_.segment);
    const std::vector<Span>& paras = given != nullptr ? *given : own;
    std::vector<Mark> marks;
    std::vector<uint8_t> later_single_close;
    bool continuing = false;
    for (size_t p = 0; p < paras.size(); ++p) {
      const Span para = paras[p];
      CollectMarks(para, &marks);
      later_single_close.assign(marks.size() + 1, 0);
      for (size_t i = marks.size(); i-- > 0;) {
        const bool closes = FamilyOf(marks[i].glyph) == Family::kSingle &&
                            (marks[i].dir == Dir::kClose || marks[i].dir == Dir::kEither);
        later_single_close[i] = later_single_close[i + 1] || closes;
      }
      for (size_t i = 0; i < marks.size(); ++i) {
        if (i == 0 && continuing && marks[0].begin == para.begin && !stack_.empty()) {
          stack_.front().part_begin = marks[0].end;  // continuation mark
          continue;
        }
        Process(marks[i], later_single_close[i + 1] != 0);
      }
      continuing = false;
      if (stack_.empty()) continue;
      if (options_.multi_paragraph && p + 1 < paras.size() && Continues(paras[p + 1])) {
        stack_.resize(1);
        OpenQuote& q = stack_.front();
        const Span part = TrimSpan(text_, q.part_begin, para.end);
        if (part.size() > 0) q.parts.push_back(part);
        continuing = true;
        continue;
      }
      for (OpenQuote& q : stack_) {
        if (FamilyOf(q.mark.glyph) != Family::kSingle || !q.parts.empty()) {
          Emit(std::move(q), para.end, para.end, nullptr);
        }
      }
      stack_.clear();
    }
    return Finish();
  }

 private:
  void CollectMarks(Span para, std::vector<Mark>* marks) const {
    marks->clear();
    for (size_t i = NextMarkByte(text_, para.begin, para.end); i < para.end;
         i = NextMarkByte(text_, i, para.end)) {
      Glyph glyph;
      const size_t len = MarkAt(text_, i, &glyph);
      if (len == 0) {
        ++i;
        continue;
      }
      const Mark m = ClassifyMark(text_, i, i + len, glyph);
      if (m.dir != Dir::kNone) marks->push_back(m);
      i += len;
    }
  }

  // Whether paragraph `next` opens with a mark that continues the outermost
  // open quote.
  bool Continues(Span next) const {
    Glyph glyph;
    const size_t len = MarkAt(text_, next.begin, &glyph);
    if (len == 0 || FamilyOf(glyph) != FamilyOf(stack_.front().mark.glyph)) return false;
    const Dir d = ClassifyMark(text_, next.begin, next.begin + len, glyph).dir;
    return d == Dir::kOpen || d == Dir::kEither;
  }

  // Index of the innermost open quote of `family`, or -1.
  int FindOpen(Family family) const {
    for (size_t i = stack_.size(); i-- > 0;) {
      if (FamilyOf(stack_[i].mark.glyph) == family) return static_cast<int>(i);
    }
    return -1;
  }

  void Process(const Mark& m, bool later_single_close) {
    const Family family = FamilyOf(m.glyph);
    const int idx = FindOpen(family);
    Dir dir = m.dir;
    if (dir == Dir::kEither) dir = idx >= 0 ? Dir::kClose : Dir::kOpen;
    if (dir == Dir::kClose) {
      if (idx < 0) return;  // a stray closing mark or an apostrophe
      if (m.possessive && later_single_close) return;
      stack_.resize(static_cast<size_t>(idx) + 1);  // drop unterminated inner quotes
      Emit(std::move(stack_.back()), m.begin, m.end, &m);
      stack_.pop_back();
      return;
    }
    if (idx >= 0) {
      // A new opening mark of a family already open: the open quote lost its
      // closing mark. End it at its last sentence end and start afresh.
      stack_.resize(static_cast<size_t>(idx) + 1);
      OpenQuote& q = stack_.back();
      if (family != Family::kSingle || !q.parts.empty()) {
        const size_t cut = LastSentenceEnd(text_, std::max(q.part_begin, q.nested_end), m.begin);
        const Span end = TrimSpan(text_, q.part_begin, cut);
        Emit(std::move(q), end.end, end.end, nullptr);
      }
      stack_.pop_back();
    }
    if (stack_.size() < 8) {
      stack_.push_back(OpenQuote{m, m.end, {}});
    }
  }

  // Records a quote from `q` to the closing mark `close` (null: unterminated,
  // ending at text_end).
  void Emit(OpenQuote q, size_t inner_end, size_t outer_end, const Mark* close) {
    if (close == nullptr && !options_.keep_unterminated) return;
    const Span last = TrimSpan(text_, q.part_begin, inner_end);
    if (last.size() > 0) q.parts.push_back(last);
    if (q.parts.empty()) return;  // "" or “ ”
    Quote out;
    out.outer = Span{q.mark.begin, static_cast<uint32_t>(outer_end)};
    out.inner = Span{q.parts.front().begin, q.parts.back().end};
    out.style = StyleOf(q.mark.glyph);
    out.mixed = close != nullptr && !UsualPair(q.mark.glyph, close->glyph);
    out.closed = close != nullptr;
    out.multi_paragraph = q.parts.size() > 1;
    for (const Span& s : q.parts) out.words += CountQuoteWords(text_, s);
    out.parts = std::move(q.parts);
    for (OpenQuote& outer : stack_) outer.nested_end = std::max(outer.nested_end, out.outer.end);
    found_.push_back(std::move(out));
  }

  std::vector<Quote> Finish() {
    std::sort(found_.begin(), found_.end(), [](const Quote& a, const Quote& b) {
      if (a.outer.begin != b.outer.begin) return a.outer.begin < b.outer.begin;
      return a.outer.end > b.outer.end;
    });
    std::vector<uint32_t> ends;  // outer ends of the quotes enclosing the current one
    std::vector<Quote> out;
    for (Quote& q : found_) {
      while (!ends.empty() && (ends.back() <= q.outer.begin || ends.back() < q.outer.end)) {
        ends.pop_back();
      }
      q.depth = static_cast<uint32_t>(ends.size());
      ends.push_back(q.outer.end);
      if (q.words < options_.min_words) continue;
      if (q.depth > 0 && !options_.include_nested) continue;
      out.push_back(std::move(q));
    }
    return out;
  }

  std::string_view text_;
  const QuoteOptions& options_;
  std::vector<OpenQuote> stack_;  // at most one quote per family
  std::vector<Quote> found_;
};

}  // namespace

const char* QuoteStyleName(QuoteStyle style) {
  switch (style) {
    case QuoteStyle::kStraightDouble:
      return "straight_double";
    case QuoteStyle::kStraightSingle:
      return "straight_single";
    case QuoteStyle::kCurlyDouble:
      return "curly_double";
    case QuoteStyle::kCurlySingle:
      return "curly_single";
    case QuoteStyle::kLowDouble:
      return "low_double";
    case QuoteStyle::kLowSingle:
      return "low_single";
    case QuoteStyle::kGuillemet:
      return "guillemet";
    case QuoteStyle::kSingleGuillemet:
      return "single_guillemet";
  }
  return "?";
}

absl::Status QuoteOptions::Validate() const {
  if (!segment.Valid()) {
    return absl::InvalidArgumentError("QuoteOptions.segment: wrapped_line_max must be > 0");
  }
  return absl::OkStatus();
}

uint32_t CountQuoteWords(std::string_view text, Span span) {
  uint32_t words = 0;
  bool in_word = false;
  bool has_alnum = false;
  const size_t end = std::min<size_t>(span.end, text.size());
  for (size_t i = span.begin; i < end;) {
    size_t len = 1;
    const auto c = static_cast<unsigned char>(text[i]);
    const CharClass k = c < 0x80 ? Classify(c) : Classify(DecodeAt(text, i, &len));
    i += len;
    if (k == CharClass::kSpace) {
      words += in_word && has_alnum;
      in_word = has_alnum = false;
    } else {
      in_word = true;
      has_alnum = has_alnum || IsAlnum(k);
    }
  }
  return words + (in_word && has_alnum);
}

std::vector<Quote> ExtractQuotes(std::string_view text, const QuoteOptions& options,
                                 const std::vector<Span>* paragraphs) {
  if (text.size() >= std::numeric_limits<uint32_t>::max()) return {};
  return Extractor(text, options).Run(paragraphs);
}

}  // namespace reprint

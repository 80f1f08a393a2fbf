#include "reprint/word_diff.h"

#include <algorithm>
#include <string>

namespace reprint {
namespace {

// Lower-case ASCII, every apostrophe style as '\''.
std::string CaseKey(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(w[i]);
    // U+2018 ‘ and U+2019 ’ (E2 80 98/99), U+02BC ʼ (CA BC).
    if (c == 0xE2 && i + 2 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(w[i + 2]) == 0x98 ||
         static_cast<unsigned char>(w[i + 2]) == 0x99)) {
      out += '\'';
      i += 2;
    } else if (c == 0xCA && i + 1 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0xBC) {
      out += '\'';
      i += 1;
    } else {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    }
  }
  return out;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// An abbreviation's token ends before its last dot ("U.S" of "U.S."): the
// edit shows the word as written, so take the dot.
Span WithAbbreviationDot(std::string_view text, Span s) {
  const std::string_view w = text.substr(s.begin, s.size());
  if (s.end >= text.size() || text[s.end] != '.' || w.size() < 3 || w.size() % 2 == 0) return s;
  for (size_t i = 0; i < w.size(); ++i) {
    if (i % 2 == 0 ? !IsAsciiLetter(w[i]) : w[i] != '.') return s;
  }
  return Span{s.begin, s.end + 1};
}

// The original bytes of tokens [begin, end); empty ranges sit at the next
// token's begin (or the last token's end, or 0 for a text without tokens).
Span RangeSpan(const NormalizedText& n, std::string_view text, uint32_t begin, uint32_t end) {
  if (begin < end) {
    return WithAbbreviationDot(text, Span{n.tokens[begin].orig.begin, n.tokens[end - 1].orig.end});
  }
  uint32_t at = 0;
  if (begin < n.tokens.size()) {
    at = n.tokens[begin].orig.begin;
  } else if (!n.tokens.empty()) {
    at = n.tokens.back().orig.end;
  }
  return Span{at, at};
}

class Differ {
 public:
  Differ(const NormalizedText& a, std::string_view a_text, const NormalizedText& b,
         std::string_view b_text)
      : a_(a), a_text_(a_text), b_(b), b_text_(b_text) {}

  bool Equal(uint32_t i, uint32_t j) const {
    return a_.word(a_.tokens[i]) == b_.word(b_.tokens[j]);
  }

  // Records a matched pair; a spelling edit when the originals differ.
  void Match(uint32_t i, uint32_t j, WordDiff* d) {
    ++d->equal_words;
    const Span sa = a_.tokens[i].orig;
    const Span sb = b_.tokens[j].orig;
    const std::string_view wa = a_text_.substr(sa.begin, sa.size());
    const std::string_view wb = b_text_.substr(sb.begin, sb.size());
    if (wa == wb || SameWordUpToCase(wa, wb)) return;
    d->edits.push_back(WordEdit{WordEditKind::kSpelling, i, i + 1, j, j + 1,
                                WithAbbreviationDot(a_text_, sa),
                                WithAbbreviationDot(b_text_, sb)});
  }

  // Records the unmatched stretch a[ai, ae) / b[bi, be), if not empty.
  void Gap(uint32_t ai, uint32_t ae, uint32_t bi, uint32_t be, WordDiff* d) const {
    if (ai == ae && bi == be) return;
    WordEditKind kind = WordEditKind::kChanged;
    if (ai == ae) kind = WordEditKind::kAdded;
    if (bi == be) kind = WordEditKind::kDropped;
    d->edits.push_back(WordEdit{kind, ai, ae, bi, be, RangeSpan(a_, a_text_, ai, ae),
                                RangeSpan(b_, b_text_, bi, be)});
  }

 private:
  const NormalizedText& a_;
  std::string_view a_text_;
  const NormalizedText& b_;
  std::string_view b_text_;
};

}  // namespace

const char* WordEditKindName(WordEditKind kind) {
  switch (kind) {
    case WordEditKind::kChanged:
      return "changed";
    case WordEditKind::kDropped:
      return "dropped";
    case WordEditKind::kAdded:
      return "added";
    case WordEditKind::kSpelling:
      return "spelling";
  }
  return "?";
}

bool SameWordUpToCase(std::string_view a, std::string_view b) { return CaseKey(a) == CaseKey(b); }

WordDiff DiffWords(const NormalizedText& ref, std::string_view ref_text,
                   const NormalizedText& other, std::string_view other_text,
                   const WordDiffOptions& options) {
  WordDiff d;
  Differ differ(ref, ref_text, other, other_text);
  const uint32_t n = static_cast<uint32_t>(ref.tokens.size());
  const uint32_t m = static_cast<uint32_t>(other.tokens.size());
  uint32_t pre = 0;
  while (pre < n && pre < m && differ.Equal(pre, pre)) ++pre;
  uint32_t suf = 0;
  while (suf < n - pre && suf < m - pre && differ.Equal(n - 1 - suf, m - 1 - suf)) ++suf;
  for (uint32_t i = 0; i < pre; ++i) differ.Match(i, i, &d);

  // The middle: a[pre, n - suf) against b[pre, m - suf).
  const uint32_t an = n - pre - suf;
  const uint32_t bn = m - pre - suf;
  const uint64_t cells = static_cast<uint64_t>(an + 1) * (bn + 1);
  if (an == 0 || bn == 0 || cells > options.max_cells) {
    d.truncated = an > 0 && bn > 0;
    differ.Gap(pre, n - suf, pre, m - suf, &d);
  } else {
    // lcs[i][j]: LCS length of a[pre + i, ...) and b[pre + j, ...) in the middle.
    const size_t w = bn + 1;
    std::vector<uint32_t> lcs(static_cast<size_t>(cells), 0);
    for (uint32_t i = an; i-- > 0;) {
      for (uint32_t j = bn; j-- > 0;) {
        lcs[i * w + j] = differ.Equal(pre + i, pre + j)
                             ? lcs[(i + 1) * w + j + 1] + 1
                             : std::max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
      }
    }
    // Walk forward; a gap runs from (gi, gj) to the next match. Equal words
    // are always matched (some LCS matches them); otherwise the longer
    // remainder decides, ties dropping reference words first.
    uint32_t i = 0, j = 0, gi = 0, gj = 0;
    while (i < an && j < bn) {
      if (differ.Equal(pre + i, pre + j)) {
        differ.Gap(pre + gi, pre + i, pre + gj, pre + j, &d);
        differ.Match(pre + i, pre + j, &d);
        gi = ++i;
        gj = ++j;
      } else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
        ++i;
      } else {
        ++j;
      }
    }
    differ.Gap(pre + gi, pre + an, pre + gj, pre + bn, &d);
  }
  for (uint32_t k = 0; k < suf; ++k) differ.Match(n - suf + k, m - suf + k, &d);
  return d;
}

}  // namespace reprint

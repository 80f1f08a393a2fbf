#include "reprint/normalize.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "reprint/internal/ascii_classes.h"
#include "reprint/internal/normalize_bytewise.h"
#include "reprint/internal/ocr_repair.h"
#include "reprint/internal/swar.h"
#include "utf8proc.h"

namespace reprint {
namespace {

// -our -> -or after these letters (colour, honour, behaviour, rigour, odour),
// never after f/h/y/t/p/s (four, hour, your, tour, pour, sour).
constexpr char kOurFoldable[] = "blvnmdgi";
bool OurFoldable(char before) { return std::strchr(kOurFoldable, before) != nullptr; }

constexpr std::string_view kOurEndings[] = {"",    "s",   "ed",   "ing",  "ings", "ite",
                                            "ites", "able", "ably", "ful",  "hood", "hoods",
                                            "less", "ist",  "ists", "ism",  "er",   "ers"};

bool IsApostrophe(int32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018 || cp == 0x0060 ||
         cp == 0x00B4;
}

// Scripts written without spaces: each ideograph or kana is its own word.
bool IsCjk(int32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF);
}

bool IsWordCategory(utf8proc_category_t c) {
  switch (c) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

constexpr auto kAsciiAlnum = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; ++c) {
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return t;
}();

bool IsAsciiAlnum(unsigned char c) { return kAsciiAlnum[c]; }
bool IsAsciiAlpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

struct SuffixRule {
  std::string_view from, to;
  size_t min_len;
};

// In order: the first rule that applies wins.
constexpr SuffixRule kSuffixRules[] = {
    // -ise family -> -ize (jeopardise, organisation, realised); -yse -> -yze.
    {"isations", "izations", 6}, {"isation", "ization", 6}, {"ising", "izing", 6},
    {"isers", "izers", 6}, {"ised", "ized", 6}, {"ises", "izes", 6}, {"iser", "izer", 6},
    {"ise", "ize", 6}, {"ysing", "yzing", 6}, {"ysed", "yzed", 6}, {"yse", "yze", 6},
    // -elled/-elling -> -eled/-eling (travelled, cancelling).
    {"elling", "eling", 8}, {"ellers", "elers", 8}, {"elled", "eled", 7}, {"eller", "eler", 7},
    // -tre/-bre -> -ter/-ber (centre, fibre); -ogue -> -og (catalogue).
    {"tres", "ters", 6}, {"tre", "ter", 5}, {"bres", "bers", 6}, {"bre", "ber", 5},
    {"ogues", "ogs", 9}, {"ogue", "og", 8},
};

constexpr size_t kNumSuffixRules = sizeof(kSuffixRules) / sizeof(kSuffixRules[0]);
static_assert(kNumSuffixRules <= 32);

// Every word FoldInPlace changes ends in one of these patterns: a suffix
// rule's `from` (bit k for rule k), "ence" (defence, licence, ...; bit
// kEnceBit) or "our" and one of kOurEndings (bit kOurBit + e for ending e),
// where a letter that "our" may follow (OurFoldable) stands before "our".
// kFoldByLetter[i][c]: bit set when the pattern has byte c i letters before
// its end, or is shorter than i + 1 letters: then any byte, except for the
// letter just before "our" itself, one of OurFoldable's.
// Only the patterns set in all four tables for a word's last four letters
// can end it, so nearly every word is passed over after four lookups
// (MayFold) instead of a call to FoldInPlace; a suffix rule's bit must be
// set before the rule is tried, which keeps "the first rule that applies
// wins".
constexpr size_t kFoldLetters = 4;
constexpr int kEnceBit = static_cast<int>(kNumSuffixRules);
constexpr int kOurBit = kEnceBit + 1;
constexpr size_t kNumOurEndings = sizeof(kOurEndings) / sizeof(kOurEndings[0]);
static_assert(kOurBit + kNumOurEndings <= 64);
constexpr uint64_t kSuffixRuleBits = (uint64_t{1} << kNumSuffixRules) - 1;
constexpr auto kFoldByLetter = [] {
  std::array<std::array<uint64_t, 256>, kFoldLetters> t{};
  auto add = [&t](std::string_view pattern, int bit, std::string_view before = "") {
    for (size_t i = 0; i < kFoldLetters; ++i) {
      if (i < pattern.size()) {
        t[i][static_cast<unsigned char>(pattern[pattern.size() - 1 - i])] |= uint64_t{1} << bit;
      } else if (i == pattern.size() && !before.empty()) {
        for (char c : before) t[i][static_cast<unsigned char>(c)] |= uint64_t{1} << bit;
      } else {
        for (auto& mask : t[i]) mask |= uint64_t{1} << bit;
      }
    }
  };
  for (size_t k = 0; k < kNumSuffixRules; ++k) add(kSuffixRules[k].from, static_cast<int>(k));
  add("ence", kEnceBit);
  for (size_t e = 0; e < kNumOurEndings; ++e) {
    // "our" + ending (at most 3 + 5 letters), of which add() reads the last four.
    const std::string_view ending = kOurEndings[e];
    char pattern[8] = {'o', 'u', 'r'};
    for (size_t k = 0; k < ending.size(); ++k) pattern[3 + k] = ending[k];
    add(std::string_view(pattern, 3 + ending.size()), kOurBit + static_cast<int>(e), kOurFoldable);
  }
  return t;
}();

// The patterns that may end w[0, n) (n >= kFoldLetters).
inline uint64_t FoldPatterns(const char* w, size_t n) {
  auto letter = [w, n](size_t i) { return static_cast<unsigned char>(w[n - 1 - i]); };
  return kFoldByLetter[0][letter(0)] & kFoldByLetter[1][letter(1)] & kFoldByLetter[2][letter(2)] &
         kFoldByLetter[3][letter(3)];
}

// False when FoldInPlace leaves the word text[begin, begin + n) as it is for
// certain. No branch on the word's length (a word has five letters or more
// about as often as not, which a branch mispredicted): the four bytes before
// the word's end are looked up whatever its length, and the length decides
// only after. REQUIRES: text holds at least four bytes.
inline bool MayFold(const char* text, size_t begin, size_t n) {
  return (n >= 5) & (FoldPatterns(text, std::max<size_t>(begin + n, 4)) != 0);
}

size_t FoldInPlace(char* w, size_t n);

using internal::swar::AlnumBits;
using internal::swar::BytesEqual;
using internal::swar::kHigh;
using internal::swar::Load8;

// Builds tokens one code point (or one run of ASCII letters and digits) at
// a time. The text is written through a pointer into out->text, which is
// kept longer than what it holds (len_ bytes so far) and trimmed by
// Finish(): appending a word then costs no capacity checks and no calls,
// and an ASCII run is copied eight bytes at a time, the bytes past it
// overwritten by what follows or trimmed.
class Builder {
 public:
  // Room for eight bytes past any ASCII run (see AsciiRun).
  static constexpr size_t kSlack = 16;

  Builder(NormalizedText* out, const NormalizeOptions& opt, size_t expected)
      : out_(out), opt_(opt) {
    out_->text.resize(expected + kSlack);
    buf_ = out_->text.data();
  }

  // Ends the last word and trims the text to what was written.
  void Finish() {
    EndWord();
    out_->text.resize(len_);
  }

  // Appends normalized word bytes that came from original [ob, oe).
  // `join_ok` is false when a pending dot must not join (not an initialism).
  void WordChars(const char* bytes, size_t n, uint32_t ob, uint32_t oe, bool ascii,
                 bool join_ok = true) {
    if (in_word_) {
      if (pending_ == Pending::kDot && !join_ok) EndWord();
      if (pending_ == Pending::kDot && in_word_) seg_len_ = 0;
    }
    pending_ = Pending::kNone;
    if (!in_word_) StartWord(ob);
    Reserve(n);
    std::memcpy(buf_ + len_, bytes, n);
    len_ += n;
    word_ascii_ = word_ascii_ && ascii;
    word_end_ = oe;
    ++seg_len_;
  }

  // A run of ASCII letters and digits from original [ob, oe), lower-cased.
  // `readable` bytes from `bytes` on may be read (at least n).
  void AsciiRun(const unsigned char* bytes, size_t n, size_t readable, uint32_t ob, uint32_t oe,
                bool join_ok) {
    if (in_word_) {
      if (pending_ == Pending::kDot && !join_ok) EndWord();
      if (pending_ == Pending::kDot && in_word_) seg_len_ = 0;
    }
    pending_ = Pending::kNone;
    if (!in_word_) StartWord(ob);
    Reserve(n + 8);
    unsigned char* d = reinterpret_cast<unsigned char*>(buf_) + len_;
    LowerAscii(bytes, n, readable, d);
    len_ += n;
    word_end_ = oe;
    seg_len_ += static_cast<uint32_t>(n);
  }

  // A whole word of ASCII letters and digits from original [ob, oe),
  // lower-cased, begun and ended here: what AsciiRun and then EndWord do
  // when no word is open. `readable` bytes from `bytes` on may be read (at
  // least n). REQUIRES: !in_word().
  void BlockWord(const unsigned char* bytes, size_t n, size_t readable, uint32_t ob, uint32_t oe) {
    Reserve(n + 9);
    if (len_ != 0) buf_[len_++] = ' ';  // a word before this one
    const size_t begin = len_;
    LowerAscii(bytes, n, readable, reinterpret_cast<unsigned char*>(buf_) + begin);
    len_ = begin + n;
    if (opt_.fold_spelling && MayFold(buf_, begin, n)) len_ = begin + FoldInPlace(buf_ + begin, n);
    out_->tokens.push_back(
        Token{static_cast<uint32_t>(begin), static_cast<uint32_t>(len_), Span{ob, oe}});
  }

  // A whole one-character word (CJK).
  void SingleWord(const char* bytes, size_t n, uint32_t ob, uint32_t oe) {
    EndWord();
    StartWord(ob);
    Reserve(n);
    std::memcpy(buf_ + len_, bytes, n);
    len_ += n;
    word_ascii_ = false;
    word_end_ = oe;
    EndWord();
  }

  // A combining mark: dropped, but part of the word it follows.
  void Mark(uint32_t oe) {
    if (in_word_ && pending_ == Pending::kNone) word_end_ = oe;
  }

  void Apostrophe() {
    if (in_word_ && pending_ == Pending::kNone) {
      pending_ = Pending::kApostrophe;
    } else {
      EndWord();
    }
  }

  void Dot() {
    if (in_word_ && pending_ == Pending::kNone && seg_len_ == 1) {
      pending_ = Pending::kDot;
    } else {
      EndWord();
    }
  }

  void Separator() { EndWord(); }

  void EndWord() {
    pending_ = Pending::kNone;
    if (!in_word_) return;
    in_word_ = false;
    if (opt_.fold_spelling && word_ascii_ &&
        MayFold(buf_, word_norm_begin_, len_ - word_norm_begin_)) {
      len_ = word_norm_begin_ + FoldInPlace(buf_ + word_norm_begin_, len_ - word_norm_begin_);
    }
    Token t;
    t.norm_begin = word_norm_begin_;
    t.norm_end = static_cast<uint32_t>(len_);
    t.orig = Span{word_begin_, word_end_};
    out_->tokens.push_back(t);
  }

  bool pending_dot() const { return pending_ == Pending::kDot; }
  bool in_word() const { return in_word_; }

 private:
  enum class Pending { kNone, kApostrophe, kDot };

  // Writes bytes[0, n) to d, ASCII letters and digits all lower-case by
  // setting bit 5 (digits have it), eight at a time where `readable` allows
  // (d has room for n rounded up to eight).
  static void LowerAscii(const unsigned char* bytes, size_t n, size_t readable, unsigned char* d) {
    size_t k = 0;
    for (; k < n && k + 8 <= readable; k += 8) {
      uint64_t v;
      std::memcpy(&v, bytes + k, sizeof v);
      v |= 0x2020202020202020ull;
      std::memcpy(d + k, &v, sizeof v);
    }
    for (; k < n; ++k) d[k] = static_cast<unsigned char>(bytes[k] | 0x20);
  }

  // Makes room for n more bytes (and the slack).
  void Reserve(size_t n) {
    if (len_ + n + kSlack > out_->text.size()) {
      out_->text.resize(std::max(2 * out_->text.size(), len_ + n + kSlack));
      buf_ = out_->text.data();
    }
  }

  void StartWord(uint32_t ob) {
    if (len_ != 0) {  // a word before this one (no word is empty)
      Reserve(1);
      buf_[len_++] = ' ';
    }
    in_word_ = true;
    word_ascii_ = true;
    seg_len_ = 0;
    word_begin_ = ob;
    word_norm_begin_ = static_cast<uint32_t>(len_);
  }

  NormalizedText* out_;
  const NormalizeOptions& opt_;
  char* buf_ = nullptr;  // out_->text.data()
  size_t len_ = 0;       // bytes of text written
  bool in_word_ = false;
  bool word_ascii_ = true;
  Pending pending_ = Pending::kNone;
  uint32_t seg_len_ = 0;
  uint32_t word_begin_ = 0;
  uint32_t word_end_ = 0;
  uint32_t word_norm_begin_ = 0;
};

// The ASCII block path: the words of p[i, i + 64) found from bit masks, one
// word per set bit, instead of byte by byte with a branch per word (the
// byte loop's dispatch was most of a scan's normalization). It does what the
// byte loop does for the words it takes: each is a run of ASCII letters and
// digits that starts after a separator and ends at one (any byte but a
// letter or digit) before the block's first special byte, and the loop
// would append it (AsciiRun) and end it at that separator (EndWord).
// Special bytes, with the words they end or touch, stay with the byte loop:
//  - bytes >= 0x80;
//  - an apostrophe between a letter or digit and a letter, digit or byte
//    >= 0x80 (it joins: don't -> dont); elsewhere it only ends a word;
//  - a dot after a one-character word when a one-letter word or a byte
//    >= 0x80 follows it (it may join an initialism: U.S. -> us); elsewhere
//    it only ends a word (1.2.3, end. Next).
// Where the byte after a dot or an apostrophe lies past the block, it counts
// as special. Returns the end of the last word taken (a separator), or i
// when none was; *limit is the offset of the first special byte (64: none).
// REQUIRES: !b.in_word(), i + 64 <= size of the bytes at p.
uint32_t AsciiBlock(const unsigned char* p, uint32_t i, size_t size, Builder& b, int* limit) {
  const internal::AsciiClasses c = internal::ClassifyAscii64(p + i);
  // Bit 0 starts a word: the byte before i, if any, is no part of one (the
  // byte loop ended its word), as the shifts assume.
  const uint64_t starts = c.alnum & ~(c.alnum << 1);
  const uint64_t lasts = c.alnum & ~(c.alnum >> 1);
  const uint64_t single = starts & lasts;
  constexpr uint64_t kLast = uint64_t{1} << 63;
  const uint64_t joining_apostrophes =
      c.apostrophes & (c.alnum << 1) & (((c.alnum | c.high) >> 1) | kLast);
  const uint64_t joining_dots =
      c.dots & (single << 1) & ((((single & c.alpha) | c.high) >> 1) | kLast);
  const uint64_t special = c.high | joining_apostrophes | joining_dots;
  *limit = special == 0 ? 64 : std::countr_zero(special);
  // A word whose last byte is q is taken when q + 1 < *limit (its separator
  // comes before the first special byte, and inside the block).
  if (*limit < 2) return i;
  uint64_t ends = lasts & ((uint64_t{1} << (*limit - 1)) - 1);
  uint64_t begins = starts;
  uint32_t after = i;
  for (; ends != 0; ends &= ends - 1, begins &= begins - 1) {
    const uint32_t first = i + static_cast<uint32_t>(std::countr_zero(begins));
    after = i + static_cast<uint32_t>(std::countr_zero(ends)) + 1;
    b.BlockWord(p + first, after - first, size - first, first, after);
  }
  return after;
}

}  // namespace

namespace {

// Replaces suffix `from` of w[0, *n) by `to` (never longer) when the word is
// at least `min_len` long.
inline bool Swap(char* w, size_t* n, std::string_view from, std::string_view to, size_t min_len) {
  if (*n < min_len || *n < from.size()) return false;
  // Compared from the last letter backwards: most words fail at once.
  const char* tail = w + *n - from.size();
  for (size_t k = from.size(); k-- > 0;) {
    if (tail[k] != from[k]) return false;
  }
  std::memcpy(w + *n - from.size(), to.data(), to.size());
  *n = *n - from.size() + to.size();
  return true;
}

// Folds w[0, n) in place; returns the new length (never longer).
size_t FoldInPlace(char* w, size_t n) {
  if (n < 5) return n;
  for (uint64_t rules = FoldPatterns(w, n) & kSuffixRuleBits; rules != 0; rules &= rules - 1) {
    const SuffixRule& r = kSuffixRules[std::countr_zero(rules)];
    if (Swap(w, &n, r.from, r.to, r.min_len)) return n;
  }
  const std::string_view word(w, n);
  if (w[n - 1] == 'e' && w[n - 2] == 'c') {
    for (std::string_view ence : {"defence", "offence", "licence", "pretence"}) {
      if (word == ence) {
        w[n - 2] = 's';
        return n;
      }
    }
  }
  // -our -> -or (colour, neighbourhood, behaviour).
  // The ending after "our" has at most kMaxOurEnding letters, so "our"
  // starts at one of the positions [first, n - 3), all among the last eight
  // letters: those are looked at as one word (byte k is letter base + k), and
  // only a position where "our" stands is checked further (most words have
  // none).
  constexpr size_t kMaxOurEnding = 5;
  const size_t first = n > 3 + kMaxOurEnding ? n - 3 - kMaxOurEnding : 1;
  const size_t base = n >= 8 ? n - 8 : 0;
  uint64_t v;
  if (n >= 8) {
    v = Load8(w + base);
  } else {
    // Five to seven letters: two overlapping 4-byte loads, not a copy of n
    // bytes into v (whose byte-wise stores stalled the load of v).
    uint32_t lo, hi;
    std::memcpy(&lo, w, 4);
    std::memcpy(&hi, w + n - 4, 4);
    if constexpr (std::endian::native == std::endian::big) {
      lo = __builtin_bswap32(lo);
      hi = __builtin_bswap32(hi);
    }
    v = lo | (uint64_t{hi} << (8 * (n - 4)));
  }
  uint64_t our = BytesEqual(v, 'o') & (BytesEqual(v, 'u') >> 8) & (BytesEqual(v, 'r') >> 16);
  for (; our != 0; our &= our - 1) {
    const size_t pos = base + static_cast<size_t>(std::countr_zero(our)) / 8;
    if (pos < first || pos + 3 > n) continue;
    if (!OurFoldable(w[pos - 1])) continue;
    const std::string_view rest = word.substr(pos + 3);
    for (std::string_view ending : kOurEndings) {
      if (rest == ending) {
        std::memmove(w + pos + 1, w + pos + 2, n - pos - 2);
        return n - 1;
      }
    }
  }
  return n;
}

}  // namespace

void FoldSpelling(std::string& w) { w.resize(FoldInPlace(w.data(), w.size())); }

NormalizedText Normalize(std::string_view original, Span span, const NormalizeOptions& options) {
  NormalizedText out;
  NormalizeInto(original, span, options, &out);
  return out;
}

namespace {

// NormalizeInto, with the ASCII block path (AsciiBlock) or, for tests, with
// the byte loop alone.
void NormalizeWith(bool blocks, std::string_view original, Span span,
                   const NormalizeOptions& options, NormalizedText* out_ptr) {
  NormalizedText& out = *out_ptr;
  out.text.clear();
  out.tokens.clear();
  out.invalid_utf8 = 0;
  out.tokens.reserve(span.size() / 5 + 1);
  // ASCII text never grows (a word's bytes, one space per separator run);
  // other text may, and the builder makes room as it goes.
  Builder b(&out, options, span.size());
  const auto* p = reinterpret_cast<const unsigned char*>(original.data());
  const size_t size = original.size();
  const uint32_t end = span.end;
  uint32_t i = span.begin;
  // Eight bytes can be read at j < eight_end (j + 8 <= size), inside the span.
  const uint32_t eight_end = size < 8 ? 0 : static_cast<uint32_t>(std::min<size_t>(end, size - 7));
  utf8proc_int32_t buf[32];
  char enc[8];
  // The block path is not tried before this offset: after a block that took
  // no word, the byte loop runs through it (text with many special bytes
  // then costs one block test per 64 bytes, not one per byte).
  uint32_t next_block = i;
  while (i < end) {
    if (blocks && i >= next_block && !b.in_word() && end - i >= 64) {
      int limit;
      const uint32_t after = AsciiBlock(p, i, size, b, &limit);
      next_block = after == i ? i + 64 : limit < 64 ? i + static_cast<uint32_t>(limit) + 1 : after;
      i = after;
      continue;
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      if (IsAsciiAlnum(c)) {
        // A whole run of ASCII letters and digits at once, found eight
        // bytes at a time where eight can be read (the last byte-by-byte
        // test of each run was a mispredicted branch per word).
        // Byte by byte only where eight bytes cannot be read: a run the
        // eight-byte test ended needs no further test.
        uint32_t j = i + 1;
        bool ended = false;
        while (j < eight_end) {
          const uint64_t other = ~AlnumBits(Load8(p + j)) & kHigh;
          if (other != 0) {
            j += static_cast<uint32_t>(std::countr_zero(other)) / 8;
            ended = true;
            break;
          }
          j += 8;
        }
        j = std::min(j, end);
        if (!ended) {
          while (j < end && IsAsciiAlnum(p[j])) ++j;
        }
        // After "U." a letter joins only if it is a single letter again.
        const bool join_ok = !b.pending_dot() || (j == i + 1 && IsAsciiAlpha(c));
        b.AsciiRun(p + i, j - i, size - i, i, j, join_ok);
        i = j;
        continue;
      } else if (c == '\'' || c == '`') {
        b.Apostrophe();
      } else if (c == '.') {
        b.Dot();
      } else {
        b.Separator();
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, end - i, &cp);
    if (len <= 0 || cp < 0) {
      ++out.invalid_utf8;
      b.Separator();
      ++i;
      continue;
    }
    const uint32_t ob = i;
    const uint32_t oe = i + static_cast<uint32_t>(len);
    i = oe;
    if (IsApostrophe(cp)) {
      b.Apostrophe();
      continue;
    }
    if (IsCjk(cp)) {
      utf8proc_ssize_t n = utf8proc_encode_char(cp, reinterpret_cast<utf8proc_uint8_t*>(enc));
      b.SingleWord(enc, static_cast<size_t>(n), ob, oe);
      continue;
    }
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, buf, 32,
        static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                       UTF8PROC_STRIPMARK),
        &boundclass);
    if (n < 0 || n > 32) {
      b.Separator();
      continue;
    }
    if (n == 0) {  // a combining mark, stripped
      b.Mark(oe);
      continue;
    }
    for (utf8proc_ssize_t k = 0; k < n; ++k) {
      const utf8proc_int32_t d = buf[k];
      if (IsWordCategory(utf8proc_category(d))) {
        utf8proc_ssize_t m = utf8proc_encode_char(d, reinterpret_cast<utf8proc_uint8_t*>(enc));
        b.WordChars(enc, static_cast<size_t>(m), ob, oe, d < 0x80, !b.pending_dot());
      } else {
        b.Separator();
      }
    }
  }
  b.Finish();
  if (options.dehyphenate || options.ocr_fold) internal::RepairOcr(original, options, &out);
}

}  // namespace

void NormalizeInto(std::string_view original, Span span, const NormalizeOptions& options,
                   NormalizedText* out) {
  NormalizeWith(true, original, span, options, out);
}

namespace internal {

void NormalizeBytewise(std::string_view original, Span span, const NormalizeOptions& options,
                       NormalizedText* out) {
  NormalizeWith(false, original, span, options, out);
}

}  // namespace internal

}  // namespace reprint

// File: bench/gen/text_edit.cc
#include "bench/gen/text_edit.h"

#include <algorithm>
#include <utility>

namespace reprint::bench {
namespace {

constexpr size_t kMaxSentence = 40;  // words

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || (c >= '0' && c <= '9'); }

size_t Newlines(const std::string& s) { return std::count(s.begin(), s.end(), '\n'); }

// Output that keeps the strongest separator of any dropped word, so that a
// dropped paragraph end still ends the paragraph.
class PieceBuilder {
 public:
  void Keep(Piece p) { out_.push_back(std::move(p)); }
  void Drop(const Piece& p) {
    if (!out_.empty() && Newlines(p.sep) > Newlines(out_.back().sep)) out_.back().sep = p.sep;
  }
  std::vector<Piece>& pieces() { return out_; }

 private:
  std::vector<Piece> out_;
};

bool EndsSentence(const Piece& p) {
  if (p.sep.find("\n\n") != std::string::npos) return true;
  std::string_view w = p.word;
  while (!w.empty() && (w.back() == ')' || w.back() == '"' || w.back() == '\'')) {
    w.remove_suffix(1);
  }
  return !w.empty() && (w.back() == '.' || w.back() == '!' || w.back() == '?');
}

// Positions i (1 <= i < size) between two ASCII letters of `w`.
std::vector<size_t> LetterGaps(const std::string& w) {
  std::vector<size_t> gaps;
  for (size_t i = 1; i < w.size(); ++i) {
    if (IsAsciiLetter(w[i - 1]) && IsAsciiLetter(w[i])) gaps.push_back(i);
  }
  return gaps;
}

bool Confuse(std::string& w, Rng& rng) {
  static constexpr std::pair<std::string_view, std::string_view> kConfusions[] = {
      {"c", "e"},  {"e", "c"}, {"l", "1"}, {"1", "l"}, {"rn", "m"},
      {"m", "rn"}, {"o", "0"}, {"0", "o"}, {"O", "0"}, {"I", "l"}};
  std::vector<std::pair<size_t, int>> hits;  // (position, confusion)
  for (int k = 0; k < static_cast<int>(std::size(kConfusions)); ++k) {
    const std::string_view from = kConfusions[k].first;
    for (size_t pos = w.find(from); pos != std::string::npos; pos = w.find(from, pos + 1)) {
      hits.emplace_back(pos, k);
    }
  }
  if (hits.empty()) return false;
  const auto [pos, k] = hits[rng.Below(hits.size())];
  w.replace(pos, kConfusions[k].first.size(), kConfusions[k].second);
  return true;
}

bool DropChar(std::string& w, Rng& rng) {
  std::vector<size_t> alnum;
  for (size_t i = 0; i < w.size(); ++i) {
    if (IsAsciiAlnum(w[i])) alnum.push_back(i);
  }
  if (alnum.size() < 3) return false;
  w.erase(alnum[rng.Below(alnum.size())], 1);
  return true;
}

bool SplitWord(std::string& w, std::string_view insert, size_t min_side, Rng& rng) {
  std::vector<size_t> gaps = LetterGaps(w);
  std::erase_if(gaps, [&](size_t i) { return i < min_side || i + min_side > w.size(); });
  if (gaps.empty()) return false;
  w.insert(gaps[rng.Below(gaps.size())], insert);
  return true;
}

}  // namespace

std::vector<Piece> SplitPieces(std::string_view text) {
  std::vector<Piece> pieces;
  size_t i = 0;
  while (i < text.size() && IsSpace(text[i])) ++i;
  while (i < text.size()) {
    Piece p;
    const size_t w = i;
    while (i < text.size() && !IsSpace(text[i])) ++i;
    p.word.assign(text.substr(w, i - w));
    const size_t s = i;
    while (i < text.size() && IsSpace(text[i])) ++i;
    p.sep.assign(text.substr(s, i - s));
    pieces.push_back(std::move(p));
  }
  return pieces;
}

std::string JoinPieces(const std::vector<Piece>& pieces) {
  std::string out;
  for (const Piece& p : pieces) {
    out += p.word;
    out += p.sep;
  }
  while (!out.empty() && IsSpace(out.back())) out.pop_back();
  return out;
}

size_t CountWords(std::string_view text) {
  size_t n = 0;
  bool in = false;
  for (char c : text) {
    if (IsSpace(c)) {
      in = false;
    } else if (!in) {
      in = true;
      ++n;
    }
  }
  return n;
}

Vocabulary Vocabulary::FromTexts(const std::vector<std::string_view>& texts, int stride,
                                 size_t limit) {
  Vocabulary v;
  int count = 0;
  for (std::string_view t : texts) {
    size_t i = 0;
    while (i < t.size() && v.words_.size() < limit) {
      while (i < t.size() && !IsAsciiLetter(t[i])) ++i;
      const size_t b = i;
      while (i < t.size() && IsAsciiLetter(t[i])) ++i;
      const size_t n = i - b;
      const bool whole = (b == 0 || IsSpace(t[b - 1])) && (i == t.size() || !IsAsciiAlnum(t[i]));
      if (n >= 2 && n <= 12 && whole && ++count % stride == 0)
        v.words_.emplace_back(t.substr(b, n));
    }
    if (v.words_.size() >= limit) break;
  }
  if (v.words_.empty()) v.words_.push_back("text");
  return v;
}

std::string Mutate(std::string_view text, double rate, const Vocabulary& vocab, Rng& rng,
                   const MutateOptions& options) {
  const std::vector<Piece> in = SplitPieces(text);
  // Sentence drops.
  const double p_sentence = rate * options.sentence_share;
  PieceBuilder kept;
  size_t start = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    // Text without full stops (lists, changelogs) is cut every kMaxSentence
    // words, so one drop never takes a whole document.
    if (!EndsSentence(in[i]) && i + 1 < in.size() && i - start + 1 < kMaxSentence) continue;
    const bool drop = rng.Chance(p_sentence);
    for (size_t k = start; k <= i; ++k) drop ? kept.Drop(in[k]) : kept.Keep(in[k]);
    start = i + 1;
  }
  // Word edits.
  const double p_word = rate * (1 - options.sentence_share);
  PieceBuilder out;
  for (Piece& p : kept.pieces()) {
    if (!rng.Chance(p_word)) {
      out.Keep(std::move(p));
      continue;
    }
    switch (rng.Below(3)) {
      case 0:
        p.word = vocab.Draw(rng);
        out.Keep(std::move(p));
        break;
      case 1:
        out.Drop(p);
        break;
      default:
        out.Keep(Piece{vocab.Draw(rng), " "});
        out.Keep(std::move(p));
        break;
    }
  }
  return JoinPieces(out.pieces());
}

std::string ChangeWords(std::string_view text, double rate, const Vocabulary& vocab, Rng& rng) {
  PieceBuilder out;
  for (Piece& p : SplitPieces(text)) {
    if (!rng.Chance(rate)) {
      out.Keep(std::move(p));
      continue;
    }
    const double u = rng.Uniform();
    if (u < 0.70) {
      p.word = vocab.Draw(rng);
      out.Keep(std::move(p));
    } else if (u < 0.85) {
      out.Drop(p);
    } else {
      out.Keep(Piece{vocab.Draw(rng), " "});
      out.Keep(std::move(p));
    }
  }
  return JoinPieces(out.pieces());
}

std::string OcrNoise(std::string_view text, double word_rate, Rng& rng) {
  std::vector<Piece> pieces = SplitPieces(text);
  for (Piece& p : pieces) {
    if (!rng.Chance(word_rate)) continue;
    const double u = rng.Uniform();
    bool done = false;
    if (u < 0.45) {
      done = Confuse(p.word, rng);
    } else if (u < 0.65) {
      done = DropChar(p.word, rng);
    } else if (u < 0.85) {
      done = SplitWord(p.word, "- ", 2, rng);
    } else {
      done = SplitWord(p.word, " ", 1, rng);
    }
    if (!done && !Confuse(p.word, rng)) DropChar(p.word, rng);
  }
  return JoinPieces(pieces);
}

}  // namespace reprint::bench

// Part of the normalize stage (reprint_normalize); see reprint/internal/ocr_repair.h.
#include "reprint/internal/ocr_repair.h"

#include <utility>

namespace reprint::internal {
namespace {

bool IsAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool IsAscii(std::string_view w) {
  for (char c : w) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

void OcrFoldWord(std::string* word) {
  std::string& w = *word;
  size_t out = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    if (i + 1 < w.size() && ((c == 'r' && w[i + 1] == 'n') || (c == 'v' && w[i + 1] == 'v'))) {
      w[out++] = c == 'r' ? 'm' : 'w';
      ++i;
      continue;
    }
    switch (c) {
      case 'c':
        c = 'e';
        break;
      case 'i':
      case '1':
        c = 'l';
        break;
      case '0':
        c = 'o';
        break;
      default:
        break;
    }
    w[out++] = c;
  }
  w.resize(out);
}

bool IsLineEndHyphen(std::string_view original, const Token& a, const Token& b) {
  if (a.orig.end == 0 || a.orig.end >= b.orig.begin || b.orig.begin >= original.size()) {
    return false;
  }
  if (!IsAsciiLetter(static_cast<unsigned char>(original[a.orig.end - 1]))) return false;
  const auto next = static_cast<unsigned char>(original[b.orig.begin]);
  if (next < 'a' || next > 'z') return false;
  std::string_view gap = original.substr(a.orig.end, b.orig.begin - a.orig.end);
  bool need_space;
  if (gap.starts_with("-")) {
    gap.remove_prefix(1);
    need_space = true;
  } else if (gap.starts_with("\xC2\xAD")) {  // soft hyphen
    gap.remove_prefix(2);
    need_space = false;
  } else {
    return false;
  }
  if (need_space && gap.empty()) return false;
  int breaks = 0;
  for (char c : gap) {
    if (c == '\n') {
      if (++breaks > 1) return false;  // a blank line ends the paragraph
    } else if (c != ' ' && c != '\t' && c != '\r') {
      return false;
    }
  }
  return true;
}

void RepairOcr(std::string_view original, const NormalizeOptions& options, NormalizedText* text) {
  const NormalizedText& in = *text;
  NormalizedText out;
  out.invalid_utf8 = in.invalid_utf8;
  out.text.reserve(in.text.size());
  out.tokens.reserve(in.tokens.size());
  std::string word;
  for (size_t i = 0; i < in.tokens.size(); ++i) {
    Token t = in.tokens[i];
    word.assign(in.word(t));
    bool joined = false;
    while (options.dehyphenate && i + 1 < in.tokens.size() &&
           IsLineEndHyphen(original, in.tokens[i], in.tokens[i + 1])) {
      ++i;
      word.append(in.word(in.tokens[i]));
      t.orig.end = in.tokens[i].orig.end;
      joined = true;
    }
    // The halves were folded as words of their own; the whole word decides.
    if (joined && options.fold_spelling && IsAscii(word)) FoldSpelling(word);
    if (options.ocr_fold) OcrFoldWord(&word);
    if (!out.tokens.empty()) out.text.push_back(' ');
    t.norm_begin = static_cast<uint32_t>(out.text.size());
    out.text.append(word);
    t.norm_end = static_cast<uint32_t>(out.text.size());
    out.tokens.push_back(t);
  }
  *text = std::move(out);
}

}  // namespace reprint::internal

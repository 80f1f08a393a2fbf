// File: tests/support/ascii_words.cc
#include "tests/support/ascii_words.h"

#include <algorithm>
#include <cctype>

namespace reprint::testing {

NormalizedText AsciiWords(const std::string& original, size_t begin, size_t end) {
  NormalizedText n;
  end = std::min(end, original.size());
  size_t i = begin;
  while (i < end) {
    if (!std::isalnum(static_cast<unsigned char>(original[i]))) {
      ++i;
      continue;
    }
    size_t e = i;
    while (e < end && std::isalnum(static_cast<unsigned char>(original[e]))) ++e;
    if (!n.text.empty()) n.text += ' ';
    Token t;
    t.norm_begin = static_cast<uint32_t>(n.text.size());
    for (size_t k = i; k < e; ++k) {
      n.text += static_cast<char>(std::tolower(static_cast<unsigned char>(original[k])));
    }
    t.norm_end = static_cast<uint32_t>(n.text.size());
    t.orig = Span{static_cast<uint32_t>(i), static_cast<uint32_t>(e)};
    n.tokens.push_back(t);
    i = e;
  }
  return n;
}

std::vector<std::string> RandomWords(size_t count, const std::string& prefix, size_t vocab,
                                     std::mt19937_64& rng) {
  std::vector<std::string> out;
  for (size_t i = 0; i < count; ++i) out.push_back(prefix + std::to_string(rng() % vocab));
  return out;
}

std::vector<std::string> Concat(std::vector<std::string> x, const std::vector<std::string>& y) {
  x.insert(x.end(), y.begin(), y.end());
  return x;
}

}  // namespace reprint::testing

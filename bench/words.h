// File: bench/words.h
// The benchmark tools' one word tokenizer: a word is a run of ASCII letters
// and digits, lower-cased; every byte >= 0x80 counts as a word character (so
// UTF-8 words stay whole without decoding). This is deliberately cruder than
// reprint/normalize.h: it is the cheapest tokenizer that still gives word
// shingles, used by the hash-only floor (bench/floor.h) and by corpus_gen to
// measure family Jaccard.
//
//   std::string joined;
//   std::vector<uint32_t> starts;
//   LowerWords("Hello, World!", &joined, &starts);  // "hello world", {0, 6}
//   uint64_t h = ShingleHash(joined, starts, 0, 2, seed);  // XXH3("hello world")
//
// Pure functions; thread-safe.
#ifndef REPRINT_BENCH_WORDS_H_
#define REPRINT_BENCH_WORDS_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "xxhash.h"

namespace reprint::bench {

namespace words_internal {
// 0 for separators, else the lower-cased byte.
constexpr std::array<char, 256> MakeFoldTable() {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 'A' && c <= 'Z')
      t[c] = static_cast<char>(c - 'A' + 'a');
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      t[c] = static_cast<char>(c);
    }
  }
  return t;
}
inline constexpr std::array<char, 256> kFold = MakeFoldTable();
}  // namespace words_internal

// Replaces *joined with the words of `text` joined by single spaces and
// *starts with the offset of every word in *joined.
inline void LowerWords(std::string_view text, std::string* joined, std::vector<uint32_t>* starts) {
  joined->clear();
  starts->clear();
  joined->reserve(text.size() + 1);
  bool in_word = false;
  for (unsigned char c : text) {
    const char f = words_internal::kFold[c];
    if (f != 0) {
      if (!in_word) {
        if (!starts->empty()) joined->push_back(' ');
        starts->push_back(static_cast<uint32_t>(joined->size()));
        in_word = true;
      }
      joined->push_back(f);
    } else {
      in_word = false;
    }
  }
}

// End offset (exclusive) in `joined` of word i.
inline uint32_t WordEnd(const std::string& joined, const std::vector<uint32_t>& starts, size_t i) {
  return i + 1 < starts.size() ? starts[i + 1] - 1 : static_cast<uint32_t>(joined.size());
}

// XXH3 of words [first, first + k) joined by single spaces (the same bytes the
// library hashes for a word shingle). REQUIRES: first + k <= starts.size(), k > 0
inline uint64_t ShingleHash(const std::string& joined, const std::vector<uint32_t>& starts,
                            size_t first, size_t k, uint64_t seed) {
  const uint32_t b = starts[first];
  const uint32_t e = WordEnd(joined, starts, first + k - 1);
  return XXH3_64bits_withSeed(joined.data() + b, e - b, seed);
}

// Hashes of every k-word shingle, in text order (one shingle of all the
// words when there are fewer than k, none when there are no words).
inline void ShingleHashes(const std::string& joined, const std::vector<uint32_t>& starts, size_t k,
                          uint64_t seed, std::vector<uint64_t>* out) {
  out->clear();
  if (starts.empty()) return;
  if (starts.size() < k) {
    out->push_back(ShingleHash(joined, starts, 0, starts.size(), seed));
    return;
  }
  for (size_t i = 0; i + k <= starts.size(); ++i) {
    out->push_back(ShingleHash(joined, starts, i, k, seed));
  }
}

}  // namespace reprint::bench

#endif  // REPRINT_BENCH_WORDS_H_

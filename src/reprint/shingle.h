// File: reprint/shingle.h
// Shingles normalized text into 64-bit XXH3 hashes: k-word shingles (the
// default) or k-character shingles.
//
//   ShingleOptions opt;  // 5-word shingles, seed 0
//   std::vector<uint64_t> seq = Shingle(norm, opt);   // text order
//   std::vector<uint64_t> set = ShingleSet(seq);      // sorted, unique
//
// A word shingle is XXH3_64bits_withSeed of the shingle's words joined by
// single spaces, so known answers are easy to state. A text with fewer words
// than k yields one shingle of all its words (none if it has no words).
// Character shingles are taken over NormalizedText::text (words joined by one
// space), k code points each; kCharNoSpace takes them over the words with no
// separator at all. Pure functions; thread-safe.
#ifndef REPRINT_SHINGLE_H_
#define REPRINT_SHINGLE_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "reprint/normalize.h"

namespace reprint {

enum class ShingleKind : uint8_t {
  kWord,
  kChar,         // k code points of NormalizedText::text (words joined by spaces)
  kCharNoSpace,  // k code points of the words run together: a stray or
                 // missing space ("wo rd", "twowords") changes nothing
};
const char* ShingleKindName(ShingleKind kind);  // "word", "char", "char-nospace"

struct ShingleOptions {
  ShingleKind kind = ShingleKind::kWord;
  // Words (or characters) per shingle. Larger: fewer chance matches of
  // common phrases, but one edited word breaks more shingles.
  int size = 5;
  // XXH3 seed for shingle hashes; saved with every report.
  uint64_t seed = 0;
  // Keep only shingles whose hash is 0 modulo `sample` (1: all). The set is
  // then a fixed, content-defined 1/sample of the shingles, the same in
  // every text, so scores over it are exact for that set and estimate the
  // full set's with standard error about sqrt(s(1-s)/n) for n kept shingles.
  // Larger: proportionally less time and memory after hashing, noisier scores
  // for short texts.
  uint32_t sample = 1;

  absl::Status Validate() const;
};

// Shingle hashes in text order. For word shingles without sampling, element
// i starts at token i.
std::vector<uint64_t> Shingle(const NormalizedText& text, const ShingleOptions& options);

// As Shingle, into *out (overwritten), keeping its capacity across calls.
void ShingleInto(const NormalizedText& text, const ShingleOptions& options,
                 std::vector<uint64_t>* out);

// The token index holding the first word or character of each element of
// Shingle(text, options) (for mapping back). For word shingles without
// sampling this is the identity.
std::vector<uint32_t> ShingleStartTokens(const NormalizedText& text,
                                         const ShingleOptions& options);

// Sorted, de-duplicated copy of `sequence`.
std::vector<uint64_t> ShingleSet(std::vector<uint64_t> sequence);

}  // namespace reprint

#endif  // REPRINT_SHINGLE_H_

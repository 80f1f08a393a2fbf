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
// space), k code points each. Pure functions; thread-safe.
#ifndef REPRINT_SHINGLE_H_
#define REPRINT_SHINGLE_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "reprint/normalize.h"

namespace reprint {

enum class ShingleKind : uint8_t { kWord, kChar };

struct ShingleOptions {
  ShingleKind kind = ShingleKind::kWord;
  // Words (or characters) per shingle. Larger: fewer chance matches of
  // common phrases, but one edited word breaks more shingles.
  int size = 5;
  // XXH3 seed for shingle hashes; saved with every report.
  uint64_t seed = 0;

  absl::Status Validate() const;
};

// Shingle hashes in text order. For word shingles, element i starts at token i.
std::vector<uint64_t> Shingle(const NormalizedText& text, const ShingleOptions& options);

// For character shingles: the token index holding the first character of
// shingle i (for mapping back). For word shingles this is the identity.
std::vector<uint32_t> ShingleStartTokens(const NormalizedText& text,
                                         const ShingleOptions& options);

// Sorted, de-duplicated copy of `sequence`.
std::vector<uint64_t> ShingleSet(std::vector<uint64_t> sequence);

}  // namespace reprint

#endif  // REPRINT_SHINGLE_H_

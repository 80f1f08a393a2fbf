// File: reprint/internal/normalize_bytewise.h
// NormalizeInto without its ASCII block path: every byte through the byte
// loop. The reference that tests and the normalize fuzz target hold the
// block path to (the two must give identical output); not for production.
//
//   NormalizedText fast, slow;
//   NormalizeInto(text, span, options, &fast);
//   internal::NormalizeBytewise(text, span, options, &slow);  // == fast
//
// Pure function; thread-safe.
#ifndef REPRINT_INTERNAL_NORMALIZE_BYTEWISE_H_
#define REPRINT_INTERNAL_NORMALIZE_BYTEWISE_H_

#include <string_view>

#include "reprint/normalize.h"

namespace reprint::internal {

// As NormalizeInto. REQUIRES: as NormalizeInto.
void NormalizeBytewise(std::string_view original, Span span, const NormalizeOptions& options,
                       NormalizedText* out);

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_NORMALIZE_BYTEWISE_H_

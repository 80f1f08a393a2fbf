#include "reprint/shingle.h"

#include <algorithm>

#include "xxhash.h"

namespace reprint {
namespace {

// Byte offsets in `text` where each UTF-8 code point starts.
std::vector<uint32_t> CodePointStarts(const std::string& text) {
  std::vector<uint32_t> starts;
  starts.reserve(text.size());
  for (uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  return starts;
}

}  // namespace

absl::Status ShingleOptions::Validate() const {
  if (size < 1 || size > 64) {
    return absl::InvalidArgumentError("shingle size must be in [1, 64], got " +
                                      std::to_string(size));
  }
  return absl::OkStatus();
}

std::vector<uint64_t> Shingle(const NormalizedText& text, const ShingleOptions& options) {
  std::vector<uint64_t> out;
  const char* base = text.text.data();
  if (options.kind == ShingleKind::kWord) {
    const size_t n = text.tokens.size();
    if (n == 0) return out;
    const size_t k = static_cast<size_t>(options.size);
    if (n < k) {
      const uint32_t b = text.tokens.front().norm_begin;
      const uint32_t e = text.tokens.back().norm_end;
      out.push_back(XXH3_64bits_withSeed(base + b, e - b, options.seed));
      return out;
    }
    out.resize(n - k + 1);
    for (size_t i = 0; i + k <= n; ++i) {
      const uint32_t b = text.tokens[i].norm_begin;
      const uint32_t e = text.tokens[i + k - 1].norm_end;
      out[i] = XXH3_64bits_withSeed(base + b, e - b, options.seed);
    }
    return out;
  }
  if (text.text.empty()) return out;
  const std::vector<uint32_t> starts = CodePointStarts(text.text);
  const size_t k = static_cast<size_t>(options.size);
  if (starts.size() <= k) {
    out.push_back(XXH3_64bits_withSeed(base, text.text.size(), options.seed));
    return out;
  }
  out.resize(starts.size() - k + 1);
  for (size_t i = 0; i + k <= starts.size(); ++i) {
    const uint32_t b = starts[i];
    const uint32_t e = i + k < starts.size() ? starts[i + k] : text.text.size();
    out[i] = XXH3_64bits_withSeed(base + b, e - b, options.seed);
  }
  return out;
}

std::vector<uint32_t> ShingleStartTokens(const NormalizedText& text,
                                         const ShingleOptions& options) {
  std::vector<uint32_t> out;
  if (options.kind == ShingleKind::kWord) {
    const size_t k = static_cast<size_t>(options.size);
    const size_t n = text.tokens.size();
    const size_t count = n == 0 ? 0 : (n < k ? 1 : n - k + 1);
    out.resize(count);
    for (size_t i = 0; i < count; ++i) out[i] = static_cast<uint32_t>(i);
    return out;
  }
  const std::vector<uint32_t> starts = CodePointStarts(text.text);
  const size_t k = static_cast<size_t>(options.size);
  const size_t count = starts.empty() ? 0 : (starts.size() <= k ? 1 : starts.size() - k + 1);
  out.resize(count);
  size_t tok = 0;
  for (size_t i = 0; i < count; ++i) {
    // The first token whose normalized end lies beyond the shingle start.
    while (tok + 1 < text.tokens.size() && text.tokens[tok].norm_end <= starts[i]) ++tok;
    out[i] = static_cast<uint32_t>(tok);
  }
  return out;
}

std::vector<uint64_t> ShingleSet(std::vector<uint64_t> sequence) {
  std::sort(sequence.begin(), sequence.end());
  sequence.erase(std::unique(sequence.begin(), sequence.end()), sequence.end());
  return sequence;
}

}  // namespace reprint

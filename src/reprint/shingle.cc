#include "reprint/shingle.h"

#include <algorithm>
#include <string>

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

// The words of `text` run together; *token_starts gets the offset of each
// token's first byte in the result.
std::string Squeeze(const NormalizedText& text, std::vector<uint32_t>* token_starts) {
  std::string out;
  out.reserve(text.text.size());
  if (token_starts != nullptr) token_starts->reserve(text.tokens.size());
  for (const Token& t : text.tokens) {
    if (token_starts != nullptr) token_starts->push_back(static_cast<uint32_t>(out.size()));
    out.append(text.word(t));
  }
  return out;
}

// Hashes of every k-code-point window of `s` (one of all of `s` if shorter).
std::vector<uint64_t> CharShingles(const std::string& s, size_t k, uint64_t seed) {
  std::vector<uint64_t> out;
  if (s.empty()) return out;
  const std::vector<uint32_t> starts = CodePointStarts(s);
  if (starts.size() <= k) {
    out.push_back(XXH3_64bits_withSeed(s.data(), s.size(), seed));
    return out;
  }
  out.resize(starts.size() - k + 1);
  for (size_t i = 0; i + k <= starts.size(); ++i) {
    const uint32_t b = starts[i];
    const uint32_t e = i + k < starts.size() ? starts[i + k] : static_cast<uint32_t>(s.size());
    out[i] = XXH3_64bits_withSeed(s.data() + b, e - b, seed);
  }
  return out;
}

}  // namespace

const char* ShingleKindName(ShingleKind kind) {
  switch (kind) {
    case ShingleKind::kWord:
      return "word";
    case ShingleKind::kChar:
      return "char";
    case ShingleKind::kCharNoSpace:
      return "char-nospace";
  }
  return "?";
}

absl::Status ShingleOptions::Validate() const {
  if (size < 1 || size > 64) {
    return absl::InvalidArgumentError("shingle size must be in [1, 64], got " +
                                      std::to_string(size));
  }
  if (sample < 1 || sample > 1024) {
    return absl::InvalidArgumentError("shingle sample must be in [1, 1024], got " +
                                      std::to_string(sample));
  }
  return absl::OkStatus();
}

namespace {

// Every shingle, without sampling.

void AllShingles(const NormalizedText& text, const ShingleOptions& options,
                 std::vector<uint64_t>* out_ptr) {
  std::vector<uint64_t>& out = *out_ptr;
  out.clear();
  const char* base = text.text.data();
  if (options.kind == ShingleKind::kWord) {
    const size_t n = text.tokens.size();
    if (n == 0) return;
    const size_t k = static_cast<size_t>(options.size);
    if (n < k) {
      const uint32_t b = text.tokens.front().norm_begin;
      const uint32_t e = text.tokens.back().norm_end;
      out.push_back(XXH3_64bits_withSeed(base + b, e - b, options.seed));
      return;
    }
    out.resize(n - k + 1);
    for (size_t i = 0; i + k <= n; ++i) {
      const uint32_t b = text.tokens[i].norm_begin;
      const uint32_t e = text.tokens[i + k - 1].norm_end;
      out[i] = XXH3_64bits_withSeed(base + b, e - b, options.seed);
    }
    return;
  }
  if (options.kind == ShingleKind::kCharNoSpace) {
    out = CharShingles(Squeeze(text, nullptr), static_cast<size_t>(options.size), options.seed);
    return;
  }
  if (text.text.empty()) return;
  const std::vector<uint32_t> starts = CodePointStarts(text.text);
  const size_t k = static_cast<size_t>(options.size);
  if (starts.size() <= k) {
    out.push_back(XXH3_64bits_withSeed(base, text.text.size(), options.seed));
    return;
  }
  out.resize(starts.size() - k + 1);
  for (size_t i = 0; i + k <= starts.size(); ++i) {
    const uint32_t b = starts[i];
    const uint32_t e = i + k < starts.size() ? starts[i + k] : text.text.size();
    out[i] = XXH3_64bits_withSeed(base + b, e - b, options.seed);
  }
}

}  // namespace

std::vector<uint64_t> Shingle(const NormalizedText& text, const ShingleOptions& options) {
  std::vector<uint64_t> out;
  ShingleInto(text, options, &out);
  return out;
}

void ShingleInto(const NormalizedText& text, const ShingleOptions& options,
                 std::vector<uint64_t>* out) {
  AllShingles(text, options, out);
  if (options.sample > 1) {
    const uint64_t m = options.sample;
    std::erase_if(*out, [m](uint64_t h) { return h % m != 0; });
  }
}

std::vector<uint32_t> ShingleStartTokens(const NormalizedText& text,
                                         const ShingleOptions& options) {
  if (options.sample > 1) {
    ShingleOptions all = options;
    all.sample = 1;
    std::vector<uint64_t> hashes;
    AllShingles(text, all, &hashes);
    const std::vector<uint32_t> starts = ShingleStartTokens(text, all);
    std::vector<uint32_t> out;
    for (size_t i = 0; i < hashes.size(); ++i) {
      if (hashes[i] % options.sample == 0) out.push_back(starts[i]);
    }
    return out;
  }
  std::vector<uint32_t> out;
  if (options.kind == ShingleKind::kWord) {
    const size_t k = static_cast<size_t>(options.size);
    const size_t n = text.tokens.size();
    const size_t count = n == 0 ? 0 : (n < k ? 1 : n - k + 1);
    out.resize(count);
    for (size_t i = 0; i < count; ++i) out[i] = static_cast<uint32_t>(i);
    return out;
  }
  const size_t k = static_cast<size_t>(options.size);
  if (options.kind == ShingleKind::kCharNoSpace) {
    std::vector<uint32_t> token_starts;
    const std::vector<uint32_t> starts = CodePointStarts(Squeeze(text, &token_starts));
    const size_t count = starts.empty() ? 0 : (starts.size() <= k ? 1 : starts.size() - k + 1);
    out.resize(count);
    size_t tok = 0;
    for (size_t i = 0; i < count; ++i) {
      // The last token starting at or before the shingle start.
      while (tok + 1 < token_starts.size() && token_starts[tok + 1] <= starts[i]) ++tok;
      out[i] = static_cast<uint32_t>(tok);
    }
    return out;
  }
  const std::vector<uint32_t> starts = CodePointStarts(text.text);
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

// File: tests/fuzz/shingle_fuzz.h
// Fuzz target "shingle": Shingle / ShingleStartTokens / ShingleSet on the
// normalized input, then the stages that consume shingles: Winnow (containment
// fingerprints), MinHasher::Sign and BandKeys.
// Input: 1 byte kind (word, char, char-nospace), 2 bytes size in [1, 64], 1 byte
// seed, 2 bytes winnowing window in [1, 32], then the text.
//
// Invariants: shingle count is as documented (n-k+1, one for a short text,
// none for no words); word shingles are XXH3 of the words joined by spaces;
// start tokens are non-decreasing valid token indices; ShingleSet is sorted,
// unique and the same set; winnowed fingerprints are shingles and every window
// of `window` consecutive shingles contributes one (the winnowing guarantee);
// signatures ignore duplicates and order.
// Not for production use.
#ifndef REPRINT_TESTS_FUZZ_SHINGLE_FUZZ_H_
#define REPRINT_TESTS_FUZZ_SHINGLE_FUZZ_H_

#include <algorithm>
#include <vector>

#include "reprint/containment.h"
#include "reprint/lsh.h"
#include "reprint/minhash.h"
#include "reprint/normalize.h"
#include "reprint/shingle.h"
#include "tests/fuzz/fuzz_check.h"
#include "xxhash.h"

namespace reprint::fuzz {

inline void FuzzShingle(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  ShingleOptions options;
  static constexpr ShingleKind kKinds[] = {ShingleKind::kWord, ShingleKind::kChar,
                                           ShingleKind::kCharNoSpace};
  options.kind = kKinds[in.TakeByte() % 3];
  options.size = in.TakeInt(1, 64);
  options.seed = in.TakeByte();
  const int window = in.TakeInt(1, 32);
  const std::string owned(in.Rest());
  const NormalizedText norm =
      Normalize(owned, Span{0, static_cast<uint32_t>(owned.size())}, NormalizeOptions{});
  FuzzCheck(options.Validate().ok(), "options valid");

  const std::vector<uint64_t> seq = Shingle(norm, options);
  const std::vector<uint32_t> starts = ShingleStartTokens(norm, options);
  FuzzCheck(starts.size() == seq.size(), "one start token per shingle");
  const size_t k = static_cast<size_t>(options.size);
  if (options.kind == ShingleKind::kWord) {
    const size_t n = norm.tokens.size();
    FuzzCheck(seq.size() == (n == 0 ? 0 : n < k ? 1 : n - k + 1), "word shingle count");
    for (size_t i = 0; i < seq.size(); ++i) {
      const size_t last = std::min(n, i + k) - 1;
      const uint32_t b = norm.tokens[i].norm_begin, e = norm.tokens[last].norm_end;
      FuzzCheck(seq[i] == XXH3_64bits_withSeed(norm.text.data() + b, e - b, options.seed),
                "word shingle is XXH3 of its words joined by spaces");
      FuzzCheck(starts[i] == i, "word shingle i starts at token i");
    }
  } else {
    FuzzCheck(seq.empty() == norm.text.empty(), "char shingles exist iff there is text");
    for (size_t i = 0; i < starts.size(); ++i) {
      FuzzCheck(starts[i] < norm.tokens.size(), "start token is a token");
      FuzzCheck(i == 0 || starts[i] >= starts[i - 1], "start tokens non-decreasing");
    }
  }

  const std::vector<uint64_t> set = ShingleSet(seq);
  FuzzCheck(std::is_sorted(set.begin(), set.end()) &&
                std::adjacent_find(set.begin(), set.end()) == set.end(),
            "ShingleSet sorted and unique");
  for (uint64_t s : seq) {
    FuzzCheck(std::binary_search(set.begin(), set.end(), s), "ShingleSet keeps every shingle");
  }

  const std::vector<uint64_t> fp = Winnow(seq, window);
  FuzzCheck(std::is_sorted(fp.begin(), fp.end()) &&
                std::adjacent_find(fp.begin(), fp.end()) == fp.end(),
            "fingerprints sorted and unique");
  for (uint64_t f : fp) {
    FuzzCheck(std::binary_search(set.begin(), set.end(), f), "fingerprints are shingles");
  }
  const size_t w = static_cast<size_t>(window);
  for (size_t i = 0; i + w <= seq.size(); ++i) {
    const uint64_t m = *std::min_element(seq.begin() + i, seq.begin() + i + w);
    FuzzCheck(std::binary_search(fp.begin(), fp.end(), m), "each window's minimum is kept");
  }

  const MinHasher hasher(MinHashOptions{.num_perm = 32, .seed = options.seed});
  std::vector<uint32_t> sig_seq(32), sig_set(32);
  hasher.Sign(seq, sig_seq.data());
  hasher.Sign(set, sig_set.data());
  FuzzCheck(sig_seq == sig_set, "signature ignores order and duplicates");
  const LshParams p{4, 8};
  std::vector<uint64_t> keys(4);
  BandKeys(sig_set, p, options.seed, keys.data());
}

}  // namespace reprint::fuzz

#endif  // REPRINT_TESTS_FUZZ_SHINGLE_FUZZ_H_

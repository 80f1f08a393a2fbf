// File: tests/support/ascii_words.h
// Word lists and a tokenizer independent of normalize.cc, for the alignment
// tests (align_test.cc, align_equivalence_test.cc). Not for production use.
#ifndef REPRINT_TESTS_SUPPORT_ASCII_WORDS_H_
#define REPRINT_TESTS_SUPPORT_ASCII_WORDS_H_

#include <cstddef>
#include <random>
#include <string>
#include <vector>

#include "reprint/normalize.h"

namespace reprint::testing {

// A word is a run of ASCII letters and digits, lower-cased; orig spans point
// into `original`. Only bytes [begin, end) are read (all by default).
NormalizedText AsciiWords(const std::string& original, size_t begin = 0,
                          size_t end = std::string::npos);

// `count` words "<prefix><number>" drawn from a vocabulary of `vocab` words.
std::vector<std::string> RandomWords(size_t count, const std::string& prefix, size_t vocab,
                                     std::mt19937_64& rng);

// x followed by y.
std::vector<std::string> Concat(std::vector<std::string> x, const std::vector<std::string>& y);

}  // namespace reprint::testing

#endif  // REPRINT_TESTS_SUPPORT_ASCII_WORDS_H_

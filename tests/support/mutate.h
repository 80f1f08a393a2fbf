// File: tests/support/mutate.h
// Seeded random corpora for tests: word lists from the seed articles, random
// passages and mutated copies with a known edit rate. Not for production use.
#ifndef REPRINT_TESTS_SUPPORT_MUTATE_H_
#define REPRINT_TESTS_SUPPORT_MUTATE_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "reprint/document.h"

namespace reprint::testing {

// The seed from REPRINT_TEST_SEED, else `fallback`.
uint64_t TestSeed(uint64_t fallback);

// Reads a file under the source tree (REPRINT_SOURCE_DIR); fails the test if missing.
std::string ReadSourceFile(const std::string& relative_path);

// All words of the five seed articles, in order.
std::vector<std::string> SeedWords();

// `count` consecutive words starting at a random place.
std::vector<std::string> RandomPassage(const std::vector<std::string>& words, size_t count,
                                       std::mt19937_64& rng);

// Substitutes, deletes or inserts words with total probability `rate` per word.
std::vector<std::string> Mutate(const std::vector<std::string>& passage, double rate,
                                const std::vector<std::string>& vocabulary, std::mt19937_64& rng);

std::string Join(const std::vector<std::string>& words);

// Documents of a few paragraphs each: random passages, mutated copies of
// earlier paragraphs (edit rates 0..0.4), and short paragraphs copied inside
// longer ones. Deterministic from rng.
std::vector<Document> MutatedCorpus(size_t documents, std::mt19937_64& rng);

}  // namespace reprint::testing

#endif  // REPRINT_TESTS_SUPPORT_MUTATE_H_

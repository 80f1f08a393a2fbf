// File: tests/support/same_passages.h
// Comparing two alignments field by field, and random alignment options,
// for the tests that check one way of aligning against another
// (align_equivalence_test.cc, passage_aligner_test.cc).
#ifndef REPRINT_TESTS_SUPPORT_SAME_PASSAGES_H_
#define REPRINT_TESTS_SUPPORT_SAME_PASSAGES_H_

#include <random>
#include <vector>

#include "reprint/align.h"

namespace reprint::testing {

// Expects (with gtest) equal passages, every field.
void ExpectSamePassages(const std::vector<Passage>& got, const std::vector<Passage>& want);

// The same, and equal stats.
void ExpectSamePassages(const std::vector<Passage>& got, const AlignStats& got_stats,
                        const std::vector<Passage>& want, const AlignStats& want_stats);

// Options within AlignOptions::Validate(), the defaults half of the time.
AlignOptions RandomAlignOptions(std::mt19937_64& rng);

}  // namespace reprint::testing

#endif  // REPRINT_TESTS_SUPPORT_SAME_PASSAGES_H_

// File: tests/support/same_passages.cc
#include "tests/support/same_passages.h"

#include <string>

#include "gtest/gtest.h"

namespace reprint::testing {

void ExpectSamePassages(const std::vector<Passage>& got, const std::vector<Passage>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    SCOPED_TRACE("passage " + std::to_string(i));
    EXPECT_EQ(got[i].a, want[i].a);
    EXPECT_EQ(got[i].b, want[i].b);
    EXPECT_EQ(got[i].a_tokens_begin, want[i].a_tokens_begin);
    EXPECT_EQ(got[i].a_tokens_end, want[i].a_tokens_end);
    EXPECT_EQ(got[i].b_tokens_begin, want[i].b_tokens_begin);
    EXPECT_EQ(got[i].b_tokens_end, want[i].b_tokens_end);
    EXPECT_EQ(got[i].words_matched, want[i].words_matched);
    EXPECT_EQ(got[i].words_edited, want[i].words_edited);
    EXPECT_EQ(got[i].score, want[i].score);
    EXPECT_EQ(got[i].runs, want[i].runs);
  }
}

void ExpectSamePassages(const std::vector<Passage>& got, const AlignStats& got_stats,
                        const std::vector<Passage>& want, const AlignStats& want_stats) {
  ExpectSamePassages(got, want);
  EXPECT_EQ(got_stats.seeds, want_stats.seeds);
  EXPECT_EQ(got_stats.runs, want_stats.runs);
  EXPECT_EQ(got_stats.chains, want_stats.chains);
  EXPECT_EQ(got_stats.dp_cells, want_stats.dp_cells);
  EXPECT_EQ(got_stats.passages, want_stats.passages);
}

AlignOptions RandomAlignOptions(std::mt19937_64& rng) {
  AlignOptions o;
  if (rng() % 2 == 0) return o;
  o.seed_words = 1 + static_cast<int>(rng() % 5);
  o.max_seed_occurrences = 1 + static_cast<int>(rng() % 40);
  o.max_gap = static_cast<int>(rng() % 30);
  o.band = 1 + static_cast<int>(rng() % 20);
  o.min_passage_words = o.seed_words + static_cast<int>(rng() % 10);
  o.match = 1 + static_cast<int>(rng() % 3);
  o.mismatch = -1 - static_cast<int>(rng() % 3);
  o.gap = -1 - static_cast<int>(rng() % 3);
  EXPECT_TRUE(o.Validate().ok());
  return o;
}

}  // namespace reprint::testing

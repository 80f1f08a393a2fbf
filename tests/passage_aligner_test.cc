// PassageAligner keeps what it made of text A (word ids, seed index) from
// one B to the next and forgets B's words after each pair. Every Align must
// return exactly what AlignPassages(a, b) returns (which
// align_equivalence_test.cc checks against a plain reference), stats
// included, whatever came before: other Bs, Bs with enough new words that
// the word index grows mid-pair (it then cannot be rolled back and is
// rebuilt), a new A, and a pair large enough that the aligner frees its
// buffers.

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/align.h"
#include "reprint/normalize.h"
#include "tests/support/ascii_words.h"
#include "tests/support/mutate.h"
#include "tests/support/same_passages.h"

namespace reprint {
namespace {

using testing::Concat;
using testing::RandomWords;

NormalizedText Words(const std::vector<std::string>& words) {
  return testing::AsciiWords(testing::Join(words));
}

// aligner.Align(b) against AlignPassages(a, b): passages and stats.
void ExpectAsAlignPassages(PassageAligner& aligner, const NormalizedText& a,
                           const NormalizedText& b, const AlignOptions& o) {
  AlignStats got_stats, want_stats;
  const std::vector<Passage> got = aligner.Align(b, &got_stats);
  const std::vector<Passage> want = AlignPassages(a, b, o, &want_stats);
  testing::ExpectSamePassages(got, got_stats, want, want_stats);
}

// One A against a run of Bs of every kind, the As in turn through one
// aligner.
TEST(PassageAlignerTest, EveryBAlignsAsAlignPassagesDoes) {
  const uint64_t seed = testing::TestSeed(2718);
  SCOPED_TRACE("REPRINT_TEST_SEED=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int trial = 0; trial < 40; ++trial) {
    SCOPED_TRACE("trial " + std::to_string(trial));
    const AlignOptions o = testing::RandomAlignOptions(rng);
    PassageAligner aligner(o);
    const std::vector<std::string> vocab = RandomWords(100, "v", 100, rng);
    for (int as = 0; as < 3; ++as) {
      const std::vector<std::string> a_words =
          RandomWords(rng() % 400, "w", 20 + rng() % 1000, rng);
      const NormalizedText a = Words(a_words);
      aligner.SetA(a);
      for (int bs = 0; bs < 12; ++bs) {
        SCOPED_TRACE("A " + std::to_string(as) + ", B " + std::to_string(bs));
        std::vector<std::string> b;
        switch (rng() % 6) {
          case 0:
            b = a_words;
            break;
          case 1:
            b = testing::Mutate(a_words, static_cast<double>(rng() % 30) / 100.0, vocab, rng);
            break;
          case 2:  // A's words among new ones
            b = Concat(RandomWords(rng() % 50, "n", 500, rng), a_words);
            break;
          case 3:  // new words only
            b = RandomWords(rng() % 300, "n", 20 + rng() % 1000, rng);
            break;
          case 4:
            break;  // empty
          default:  // A's words in another order
            b = a_words;
            std::shuffle(b.begin(), b.end(), rng);
            break;
        }
        ExpectAsAlignPassages(aligner, a, Words(b), o);
        if (::testing::Test::HasFailure()) return;
      }
    }
  }
}

// A B with more new words than the word index holds makes it grow during
// the pair; the next Bs must still see A's words only, and the same
// passages as a fresh AlignPassages. After a growth the index is rebuilt
// for A. Rolling back by the slots noted before the growth would lose none
// of A's words (each moves only within a stretch of slots that A's words
// held, or to the new upper half), but would leave B's earlier words in the
// index with ids past the word list: NextGeneration() stops the noting so
// that this cannot happen, which no result here can show.
TEST(PassageAlignerTest, BsThatGrowTheWordIndex) {
  std::mt19937_64 rng(17);
  const AlignOptions o;
  const std::vector<std::string> a_words = RandomWords(60000, "w", 30000, rng);
  const std::vector<std::string> vocab = RandomWords(100, "v", 100, rng);
  const NormalizedText a = Words(a_words);
  PassageAligner aligner(o);
  aligner.SetA(a);
  std::vector<std::string> many;  // 80,000 distinct words, then a copy of A
  for (int i = 0; i < 80000; ++i) many.push_back(std::to_string(i) + "m");
  many = Concat(many, a_words);
  const NormalizedText copy = Words(testing::Mutate(a_words, 0.05, vocab, rng));
  for (const NormalizedText& b : {copy, Words(many), copy, Words(many), Words(a_words)}) {
    ExpectAsAlignPassages(aligner, a, b, o);
  }
}

// A pair of over a million words each makes the aligner free its buffers;
// it must prepare A again for the next B.
TEST(PassageAlignerTest, APreparedAgainAfterALargePair) {
  std::mt19937_64 rng(23);
  const AlignOptions o;
  const std::vector<std::string> vocab = RandomWords(100, "v", 100, rng);
  const std::vector<std::string> a_words = RandomWords(1100000, "w", 20000, rng);
  const NormalizedText a = Words(a_words);
  const NormalizedText small = Words(RandomWords(500, "w", 20000, rng));
  PassageAligner aligner(o);
  aligner.SetA(a);
  ExpectAsAlignPassages(aligner, a, a, o);  // equal words: the shortcut
  ExpectAsAlignPassages(aligner, a, small, o);
  ExpectAsAlignPassages(aligner, a, Words(testing::Mutate(a_words, 0.01, vocab, rng)), o);
}

}  // namespace
}  // namespace reprint

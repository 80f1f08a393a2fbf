// The fast path against the brute-force reference, and determinism.
#include "reprint/scan.h"

#include <limits>
#include <map>
#include <ostream>
#include <random>
#include <set>
#include <utility>

#include "gtest/gtest.h"
#include "reprint/report.h"
#include "tests/support/mutate.h"

namespace reprint {
namespace {

using PairKey = std::pair<uint32_t, uint32_t>;

std::map<PairKey, PairScore> PairsOf(const ScanResult& r) {
  std::map<PairKey, PairScore> out;
  for (const Cluster& c : r.clusters) {
    for (const VerifiedPair& p : c.pairs) out[{p.a, p.b}] = p.score;
  }
  return out;
}

double Score(const PairScore& s, Measure m) {
  switch (m) {
    case Measure::kJaccard:
      return s.jaccard();
    case Measure::kContainment:
      return s.containment_of_smaller();
    case Measure::kBoth:
      return std::max(s.jaccard(), s.containment_of_smaller());
  }
  return 0;
}

struct RefCase {
  Measure measure;
  double threshold;
};

// ctest shows each case's value: print the fields, not the struct's bytes.
void PrintTo(const RefCase& c, std::ostream* os) {
  *os << "measure " << static_cast<int>(c.measure) << ", threshold " << c.threshold;
}

class ReferenceTest : public ::testing::TestWithParam<RefCase> {};

// Precision is 1.0 by construction (verification is exact), so the LSH
// path's pairs must be a subset of the reference's, with equal scores; and
// it must find at least 99% of the reference pairs scoring >= T + 0.1.
TEST_P(ReferenceTest, LshMatchesBruteForce) {
  const RefCase rc = GetParam();
  size_t strong_total = 0, strong_found = 0;
  for (uint64_t round = 0; round < 4; ++round) {
    const uint64_t seed = testing::TestSeed(1000 + round);
    SCOPED_TRACE("REPRINT_TEST_SEED=" + std::to_string(seed));
    std::mt19937_64 rng(seed);
    std::vector<Document> docs = testing::MutatedCorpus(120, rng);
    ScanOptions opt;
    opt.measure = rc.measure;
    opt.threshold = rc.threshold;
    opt.seed = seed;
    opt.pairs = PairListing::kAll;
    absl::StatusOr<ScanResult> fast = Scan(docs, opt);
    opt.exact = true;
    absl::StatusOr<ScanResult> exact = Scan(docs, opt);
    ASSERT_TRUE(fast.ok() && exact.ok());
    ASSERT_EQ(fast->units.size(), exact->units.size());
    const auto fast_pairs = PairsOf(*fast);
    const auto exact_pairs = PairsOf(*exact);
    ASSERT_GT(exact_pairs.size(), 50u) << "the corpus should have many true pairs";
    for (const auto& [key, score] : fast_pairs) {
      auto it = exact_pairs.find(key);
      ASSERT_TRUE(it != exact_pairs.end()) << key.first << "," << key.second;
      EXPECT_EQ(it->second.shared, score.shared);
    }
    for (const auto& [key, score] : exact_pairs) {
      if (Score(score, rc.measure) < rc.threshold + 0.1) continue;
      ++strong_total;
      strong_found += fast_pairs.count(key);
    }
  }
  ASSERT_GT(strong_total, 100u);
  const double recall = static_cast<double>(strong_found) / strong_total;
  EXPECT_GE(recall, 0.99) << strong_found << " of " << strong_total;
}

INSTANTIATE_TEST_SUITE_P(Measures, ReferenceTest,
                         ::testing::Values(RefCase{Measure::kBoth, 0.5},
                                           RefCase{Measure::kJaccard, 0.5},
                                           RefCase{Measure::kContainment, 0.5},
                                           RefCase{Measure::kBoth, 0.7},
                                           RefCase{Measure::kJaccard, 0.3}),
                         // Stable, readable names ("both_t50"): ctest lists
                         // each case by name, and the default name prints
                         // the struct's bytes, padding included.
                         [](const ::testing::TestParamInfo<RefCase>& info) {
                           const char* m = info.param.measure == Measure::kBoth      ? "both"
                                           : info.param.measure == Measure::kJaccard ? "jaccard"
                                                                                     : "containment";
                           return std::string(m) + "_t" +
                                  std::to_string(static_cast<int>(info.param.threshold * 100 + 0.5));
                         });

// Recall must not fall as bands grow (rows fixed, more chances to collide).
TEST(ScanTest, RecallDoesNotFallAsBandsGrow) {
  std::mt19937_64 rng(testing::TestSeed(77));
  std::vector<Document> docs = testing::MutatedCorpus(120, rng);
  ScanOptions opt;
  opt.measure = Measure::kJaccard;
  opt.pairs = PairListing::kAll;
  size_t last = 0;
  for (int bands : {4, 8, 16, 32}) {
    opt.bands = bands;
    opt.rows = 4;
    absl::StatusOr<ScanResult> r = Scan(docs, opt);
    ASSERT_TRUE(r.ok());
    const size_t found = PairsOf(*r).size();
    EXPECT_GE(found, last) << bands << " bands";
    last = found;
  }
}

TEST(ScanTest, SameBytesForAnyThreadCount) {
  std::mt19937_64 rng(testing::TestSeed(5));
  std::vector<Document> docs = testing::MutatedCorpus(80, rng);
  std::vector<InputIssue> none;
  std::string first;
  for (int threads : {1, 2, 3}) {
    ScanOptions opt;
    opt.threads = threads;
    absl::StatusOr<ScanResult> r = Scan(docs, opt);
    ASSERT_TRUE(r.ok());
    std::string json = RenderJson(ReportInput{docs, *r, none});
    if (first.empty()) first = json;
    EXPECT_EQ(json, first) << threads << " threads";
  }
}

// Blocks of a few units or bytes give the same bytes as one block, on any
// number of threads, for paragraphs with quotes (kept into their own list,
// block by block) and for documents.
TEST(ScanTest, SameBytesForAnyBlockSize) {
  std::mt19937_64 rng(testing::TestSeed(8));
  std::vector<Document> docs = testing::MutatedCorpus(60, rng);
  for (size_t d = 0; d < docs.size(); d += 3) {
    docs[d].text += "\u201cThe talks will go on next week as planned,\u201d the minister said.\n\n";
  }
  std::vector<InputIssue> none;
  for (UnitKind unit : {UnitKind::kParagraph, UnitKind::kDoc}) {
    ScanOptions opt;
    opt.unit = unit;
    opt.block_units = 1 << 20;
    absl::StatusOr<ScanResult> whole = Scan(docs, opt);
    ASSERT_TRUE(whole.ok());
    EXPECT_GT(whole->stats.verified_pairs, 0u);
    if (unit == UnitKind::kParagraph) {
      EXPECT_GT(whole->stats.quotes, 0u);
    }
    const std::string expected = RenderJson(ReportInput{docs, *whole, none});
    for (int threads : {1, 2, 3}) {
      for (size_t block_units : {1, 2, 7}) {
        opt.threads = threads;
        opt.block_units = block_units;
        absl::StatusOr<ScanResult> r = Scan(docs, opt);
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(RenderJson(ReportInput{docs, *r, none}), expected)
            << UnitKindName(unit) << ", " << threads << " threads, blocks of " << block_units;
      }
    }
    opt.block_units = 4096;
    opt.block_bytes = 100;
    absl::StatusOr<ScanResult> r = Scan(docs, opt);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(RenderJson(ReportInput{docs, *r, none}), expected) << "blocks of 100 bytes";
  }
}

// Paragraphs and quotes repeated byte for byte (across documents, twice in
// one document, too short to keep, as quotes and as paragraphs) are computed
// once and copied: the same report as computing every unit, for any thread
// count and block size, with sets and fingerprints in memory or spilled.
TEST(ScanTest, RepeatedUnitsComputedOnceGiveTheSameReport) {
  std::mt19937_64 rng(testing::TestSeed(9));
  std::vector<Document> docs = testing::MutatedCorpus(60, rng);
  const std::string kept =
      "The ferry service between the two islands will resume on Monday after "
      "repairs to the pier, the harbour authority said in a statement.\n\n";
  const std::string quote =
      "\u201cWe expect the first crossings to be busy, so please book ahead,\u201d said "
      "harbour master Ines Quarry.\n\n";
  for (size_t d = 0; d < docs.size(); ++d) {
    if (d % 2 == 0) docs[d].text += kept;
    if (d % 3 == 0) docs[d].text += "Read more.\n\n" + quote;
    if (d % 7 == 0) docs[d].text = kept + docs[d].text + kept;
  }
  std::vector<InputIssue> none;
  for (bool spill : {false, true}) {
    ScanOptions opt;
    opt.unit = UnitKind::kParagraph;
    if (spill) {
      opt.spill.above_bytes = 1024;
      opt.spill.min_mean_values = 0;
    }
    opt.compute_equal_units_once = false;
    absl::StatusOr<ScanResult> every = Scan(docs, opt);
    ASSERT_TRUE(every.ok());
    EXPECT_GT(every->stats.quotes, 20u);
    EXPECT_GE(every->stats.units_too_short, 20u);  // "Read more."
    const std::string expected = RenderJson(ReportInput{docs, *every, none});
    opt.compute_equal_units_once = true;
    for (int threads : {1, 2, 3}) {
      for (size_t block_units : {1, 7, 4096}) {
        opt.threads = threads;
        opt.block_units = block_units;
        absl::StatusOr<ScanResult> once = Scan(docs, opt);
        ASSERT_TRUE(once.ok());
        EXPECT_EQ(RenderJson(ReportInput{docs, *once, none}), expected)
            << (spill ? "spilled, " : "in memory, ") << threads << " threads, blocks of "
            << block_units;
      }
    }
  }
}

// Sets and fingerprints moved to scratch files from the first kilobytes give
// the same report as kept in memory, for every kind of unit.
TEST(ScanTest, SpilledSetsGiveTheSameReport) {
  std::mt19937_64 rng(testing::TestSeed(6));
  std::vector<Document> docs = testing::MutatedCorpus(80, rng);
  std::vector<InputIssue> none;
  for (UnitKind unit : {UnitKind::kDoc, UnitKind::kParagraph}) {
    for (int threads : {1, 2}) {
      ScanOptions opt;
      opt.unit = unit;
      opt.threads = threads;
      opt.spill.above_bytes = std::numeric_limits<uint64_t>::max();
      absl::StatusOr<ScanResult> memory = Scan(docs, opt);
      opt.spill.above_bytes = 1024;
      opt.spill.min_mean_values = 0;
      absl::StatusOr<ScanResult> spilled = Scan(docs, opt);
      ASSERT_TRUE(memory.ok() && spilled.ok());
      EXPECT_GT(memory->stats.verified_pairs, 0u);
      EXPECT_EQ(RenderJson(ReportInput{docs, *spilled, none}),
                RenderJson(ReportInput{docs, *memory, none}))
          << UnitKindName(unit) << ", " << threads << " threads";
    }
  }
}

TEST(ScanTest, UnwritableScratchFolderFailsTheScan) {
  std::mt19937_64 rng(testing::TestSeed(7));
  std::vector<Document> docs = testing::MutatedCorpus(20, rng);
  ScanOptions opt;
  opt.unit = UnitKind::kDoc;
  opt.spill = SpillOptions{.above_bytes = 1024, .min_mean_values = 0, .dir = "/nonexistent/x"};
  absl::StatusOr<ScanResult> r = Scan(docs, opt);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/x"), std::string::npos) << r.status();
}

// A doc unit is its text without surrounding white space; a document of
// white space only is no unit at all (not one too short).
TEST(ScanTest, DocUnitsAreTrimmedAndBlankDocumentsSkipped) {
  const std::string words = "one two three four five six seven eight nine ten eleven";
  std::vector<Document> docs(3);
  docs[0].text = " \n\t \n";
  docs[1].text = "\n  " + words + " \n\n";
  docs[2].text = words;
  ScanOptions opt;
  opt.unit = UnitKind::kDoc;
  absl::StatusOr<ScanResult> r = Scan(docs, opt);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->stats.units, 2u);
  EXPECT_EQ(r->stats.units_too_short, 0u);
  ASSERT_EQ(r->units.size(), 2u);
  EXPECT_EQ(r->units[0].doc, 1u);
  EXPECT_EQ(r->units[0].span, (Span{3, static_cast<uint32_t>(3 + words.size())}));
  EXPECT_EQ(r->units[1].span, (Span{0, static_cast<uint32_t>(words.size())}));
  ASSERT_EQ(r->clusters.size(), 1u);
}

TEST(ScanTest, DocUnitsFindNearDuplicateDocuments) {
  const std::string text = testing::ReadSourceFile("corpus/seeds/000_6fa34ba821cba727.txt");
  std::vector<Document> docs(3);
  docs[0] = Document{"a", "x", "a", 0, "", text};
  docs[1] = Document{"b", "y", "b", 0, "", "Local lede on top.\n\n" + text.substr(0, text.size() - 200)};
  docs[2] = Document{"c", "z", "c", 0, "", testing::ReadSourceFile("corpus/seeds/003_ffbb0596cbef440d.txt")};
  ScanOptions opt;
  opt.unit = UnitKind::kDoc;
  absl::StatusOr<ScanResult> r = Scan(docs, opt);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->clusters.size(), 1u);
  EXPECT_EQ(r->clusters[0].members, (std::vector<uint32_t>{0, 1}));
  EXPECT_STREQ(ClusterKindName(*r, r->clusters[0]), "near-duplicate");
}

TEST(ScanTest, RejectsInvalidOptions) {
  ScanOptions opt;
  opt.bands = 10;  // without rows
  EXPECT_FALSE(Scan({}, opt).ok());
  opt = ScanOptions();
  opt.threshold = 0;
  EXPECT_FALSE(Scan({}, opt).ok());
}

TEST(ScanTest, EmptyCorpus) {
  absl::StatusOr<ScanResult> r = Scan({}, ScanOptions());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->clusters.empty());
}

}  // namespace
}  // namespace reprint

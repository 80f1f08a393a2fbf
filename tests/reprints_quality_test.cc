// The reprints preset scored end to end (docs/quality.md): a labelled set
// from the reprint generator (bench/gen, corpus_gen --mode reprints) scanned
// with --unit doc --preset reprints, against the families: adjusted Rand
// index, pairwise precision and recall, with the bounds written out below;
// the text-dedup baseline (bench/quality/textdedup.h) on the same set; and
// the hard negatives of corpus/seeds (five reports of one event: no two form
// a document cluster, while 004's doubled body is still found at paragraph
// level).
//
// The set is 120 stories (about 850 reprints, 3 MB) from the text under
// /usr/share/doc, so it depends on the machine's packages; the bounds leave
// room for that (on the development machine, seeds 1-8 give ARI 0.973-0.997,
// precision 0.955-1.000, recall 0.974-0.997). REPRINT_QUALITY_SEED overrides
// the seed; the seed is printed on failure.
#include <cstdlib>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "bench/gen/reprint_corpus.h"
#include "bench/gen/source_text.h"
#include "bench/quality/metrics.h"
#include "bench/quality/quality_run.h"
#include "bench/quality/textdedup.h"
#include "gtest/gtest.h"
#include "reprint/ingest.h"
#include "reprint/preset.h"
#include "reprint/scan.h"
#include "tests/support/temp_dir.h"

namespace reprint {
namespace {

constexpr int kStories = 120;
constexpr uint64_t kDefaultSeed = 7;

// Bounds. The targets on held-out sets of 300 stories are ARI >= 0.95 and
// precision >= 0.98 (docs/quality.md); a set of 120 stories has fewer
// families, so one wrongly merged pair of families costs more precision.
constexpr double kMinAri = 0.93;
constexpr double kMinPrecision = 0.93;
constexpr double kMinRecall = 0.95;
// The preset must beat both text-dedup configurations by this much ARI (on
// small sets fewer stories share licence text: word 2-grams at 0.45 reach
// ARI 0.36-0.75 on sets of 120 stories, seeds 1-8, and 0.24-0.48 on 300).
constexpr double kMinAriGainOverTextDedup = 0.15;

uint64_t Seed() {
  const char* env = std::getenv("REPRINT_QUALITY_SEED");
  return env != nullptr ? std::strtoull(env, nullptr, 10) : kDefaultSeed;
}

class ReprintsQualityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const bench::SourceText source = bench::LoadSourceText(bench::SourceOptions{});
    bench::ReprintOptions o;
    o.stories = kStories;
    o.seed = Seed();
    bench::ReprintStats stats;
    std::string error;
    dir_ = new testing::TempDir();
    const std::string path = dir_->Path("reprints.jsonl");
    if (!bench::WriteReprintCorpus(source, o, path, &stats, &error)) {
      skip_ = "cannot generate the set: " + error;
      return;
    }
    absl::StatusOr<bench::LabelledSet> set = bench::LoadLabelledSet(path);
    if (!set.ok()) {
      skip_ = std::string(set.status().message());
      return;
    }
    set_ = new bench::LabelledSet(std::move(*set));
  }
  static void TearDownTestSuite() {
    delete set_;
    delete dir_;
    set_ = nullptr;
    dir_ = nullptr;
  }
  void SetUp() override {
    if (set_ == nullptr) GTEST_SKIP() << skip_;
  }

  static testing::TempDir* dir_;
  static bench::LabelledSet* set_;
  static std::string skip_;
};

testing::TempDir* ReprintsQualityTest::dir_ = nullptr;
bench::LabelledSet* ReprintsQualityTest::set_ = nullptr;
std::string ReprintsQualityTest::skip_;

TEST_F(ReprintsQualityTest, PresetMeetsTheBounds) {
  ScanOptions o = PresetOptions(Preset::kReprints, UnitKind::kDoc);
  o.threads = 2;
  absl::StatusOr<ScanResult> r = Scan(set_->documents, o);
  ASSERT_TRUE(r.ok()) << r.status();
  const bench::PartitionScores s = bench::ScoreScan(*set_, *r);
  SCOPED_TRACE("seed " + std::to_string(Seed()) + ": ARI " + std::to_string(s.ari) +
               ", precision " + std::to_string(s.precision) + ", recall " +
               std::to_string(s.recall) + " over " + std::to_string(s.documents) + " documents");
  EXPECT_GE(s.ari, kMinAri);
  EXPECT_GE(s.precision, kMinPrecision);
  EXPECT_GE(s.recall, kMinRecall);
  // Boilerplate was found in the outlets that wrap items in it, and the
  // report's stats name them.
  EXPECT_GT(r->stats.boilerplate.shingles, 0u);
  EXPECT_GE(r->stats.boilerplate.sources.size(), 10u);
}

TEST_F(ReprintsQualityTest, FastPathFindsWhatBruteForceFinds) {
  ScanOptions o = PresetOptions(Preset::kReprints, UnitKind::kDoc);
  o.pairs = PairListing::kAll;
  o.min_link_similarity = 0;  // compare verified pairs, not pruned ones
  ScanOptions exact = o;
  exact.exact = true;
  absl::StatusOr<ScanResult> fast = Scan(set_->documents, o);
  absl::StatusOr<ScanResult> all = Scan(set_->documents, exact);
  ASSERT_TRUE(fast.ok() && all.ok());
  std::set<std::pair<uint32_t, uint32_t>> f, e;
  for (const Cluster& c : fast->clusters)
    for (const VerifiedPair& p : c.pairs) f.insert({p.a, p.b});
  for (const Cluster& c : all->clusters)
    for (const VerifiedPair& p : c.pairs) e.insert({p.a, p.b});
  size_t found = 0;
  for (const auto& p : e) found += f.count(p);
  EXPECT_GE(static_cast<double>(found), 0.995 * static_cast<double>(e.size()))
      << "seed " << Seed() << ": " << found << " of " << e.size() << " pairs";
  for (const auto& p : f) EXPECT_TRUE(e.count(p)) << "a fast-path pair the reference lacks";
}

TEST_F(ReprintsQualityTest, SameResultForAnyThreadCount) {
  // Boilerplate frequencies, pruning and clusters are computed from sorted
  // data only, so thread count cannot change the output.
  auto run = [](int threads) {
    ScanOptions o = PresetOptions(Preset::kReprints, UnitKind::kDoc);
    o.threads = threads;
    o.pairs = PairListing::kAll;
    absl::StatusOr<ScanResult> r = Scan(set_->documents, o);
    EXPECT_TRUE(r.ok());
    std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> pairs;
    for (const Cluster& c : r->clusters)
      for (const VerifiedPair& p : c.pairs) pairs.emplace_back(p.a, p.b, p.score.shared);
    return std::pair(pairs, r->stats.boilerplate.removed);
  };
  const auto one = run(1);
  EXPECT_EQ(one, run(2));
  EXPECT_EQ(one, run(3));
}

TEST_F(ReprintsQualityTest, BeatsTheTextDedupBaseline) {
  absl::StatusOr<ScanResult> r =
      Scan(set_->documents, PresetOptions(Preset::kReprints, UnitKind::kDoc));
  ASSERT_TRUE(r.ok());
  const double ari = bench::ScoreScan(*set_, *r).ari;
  std::vector<std::string_view> texts;
  for (const Document& d : set_->documents) texts.push_back(d.text);
  for (const auto& [ngram, threshold] : {std::pair(2, 0.45), std::pair(5, 0.5)}) {
    bench::TextDedupOptions t;
    t.ngram = ngram;
    t.threshold = threshold;
    t.num_perm = 256;
    const bench::PartitionScores b = bench::ScorePartition(
        set_->families, bench::LabelsFromClusters(static_cast<uint32_t>(texts.size()),
                                                  bench::TextDedupClusters(texts, t)));
    EXPECT_GE(ari - b.ari, kMinAriGainOverTextDedup)
        << "seed " << Seed() << ": word " << ngram << "-grams at " << threshold << " ARI " << b.ari
        << " vs preset " << ari;
  }
}

TEST(ReprintsSeedsTest, NoTwoSeedArticlesFormADocumentCluster) {
  IngestResult in = Ingest({std::string(REPRINT_SOURCE_DIR) + "/corpus/seeds"}, IngestOptions{});
  ASSERT_EQ(in.documents.size(), 5u);
  absl::StatusOr<ScanResult> doc =
      Scan(in.documents, PresetOptions(Preset::kReprints, UnitKind::kDoc));
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->clusters.empty());
  // Even with the lowest threshold the hard negatives stay apart.
  ScanOptions low = PresetOptions(Preset::kReprints, UnitKind::kDoc);
  low.threshold = 0.3;
  absl::StatusOr<ScanResult> low_doc = Scan(in.documents, low);
  ASSERT_TRUE(low_doc.ok());
  EXPECT_TRUE(low_doc->clusters.empty());
}

TEST(ReprintsSeedsTest, DoubledBodyOf004IsFoundAtParagraphLevel) {
  IngestResult in = Ingest({std::string(REPRINT_SOURCE_DIR) + "/corpus/seeds"}, IngestOptions{});
  ASSERT_EQ(in.documents.size(), 5u);
  uint32_t doc004 = 0;
  for (uint32_t d = 0; d < in.documents.size(); ++d) {
    if (in.documents[d].id.find("004_") != std::string::npos) doc004 = d;
  }
  ScanOptions o = PresetOptions(Preset::kReprints, UnitKind::kParagraph);
  o.pairs = PairListing::kAll;
  absl::StatusOr<ScanResult> r = Scan(in.documents, o);
  ASSERT_TRUE(r.ok());
  // The body of 004 (bytes 376-3637) appears again from 3638 on: every
  // paragraph of the first copy pairs with one of the second.
  std::set<uint32_t> first_copy;
  for (const Cluster& c : r->clusters) {
    for (const VerifiedPair& p : c.pairs) {
      const Unit& a = r->units[p.a];
      const Unit& b = r->units[p.b];
      if (a.doc != doc004 || b.doc != doc004 || a.kind != UnitKind::kParagraph) continue;
      if (a.span.begin < 3638 && b.span.begin >= 3638 && b.span.begin - a.span.begin == 3262) {
        first_copy.insert(a.span.begin);
      }
    }
  }
  EXPECT_GE(first_copy.size(), 12u);
}

}  // namespace
}  // namespace reprint

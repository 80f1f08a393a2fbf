// The reprints preset scored end to end (docs/quality.md): a labelled set
// from the reprint generator (bench/gen, corpus_gen --mode reprints) scanned
// with --unit doc --preset reprints, against the families: adjusted Rand
// index, pairwise precision and recall, with the bounds written out below;
// the text-dedup baseline (bench/quality/textdedup.h) on the same set; the
// generated hard negatives (a story quoting 20-40 words of another is never
// in the other's cluster); and the hard negatives of corpus/seeds (five
// reports of one event: no two form a document cluster, while 004's doubled
// body is still found at paragraph level).
//
// The set is 120 stories (about 800 reprints, 3 MB) from the text under
// /usr/share/doc, so it depends on the machine's packages.
// REPRINT_QUALITY_SEED overrides the seed; the seed is printed on failure.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <iterator>
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

// Bounds: the targets on held-out sets, ARI >= 0.95 and precision >=
// 0.98, and recall >= 0.95. On the development machine the 120-story sets of
// seeds 1-8 score ARI 0.982-1.000, precision 0.996-1.000 and recall
// 0.969-1.000 (seed 7, the default: 1.000 on all three; docs/quality.md).
// Tolerance: a set of 120 stories has about 2,900 same-family pairs, so one
// wrong merge of two families of 6 adds 36 false pairs, 1.2 points of
// precision and about 1.2 of ARI: the bounds let the default set take one
// such merge (another machine's /usr/share/doc makes other stories), not
// two; the lowest recall measured, 0.969, is 1.9 points above its bound.
constexpr double kMinAri = 0.95;
constexpr double kMinPrecision = 0.98;
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

// One story in eight quotes 20-40 words of another (the truth file's
// quoting_family / quoted_family lines): a different story, so at --unit doc
// no cluster may hold both families.
TEST_F(ReprintsQualityTest, QuotingAndQuotedStoriesAreNeverOneCluster) {
  ASSERT_GE(set_->quotes.size(), 10u) << "the truth file lists the quotes";
  absl::StatusOr<ScanResult> r =
      Scan(set_->documents, PresetOptions(Preset::kReprints, UnitKind::kDoc));
  ASSERT_TRUE(r.ok()) << r.status();
  const std::vector<uint32_t> labels =
      bench::ScanLabels(*r, static_cast<uint32_t>(set_->documents.size()));
  // Families per predicted cluster.
  std::set<std::pair<uint32_t, uint32_t>> cluster_family;  // (label, family)
  for (uint32_t d = 0; d < labels.size(); ++d) cluster_family.insert({labels[d], set_->families[d]});
  std::set<std::pair<uint32_t, uint32_t>> together;  // family pairs sharing a cluster
  for (auto it = cluster_family.begin(); it != cluster_family.end();) {
    auto end = cluster_family.upper_bound({it->first, UINT32_MAX});
    for (auto a = it; a != end; ++a) {
      for (auto b = std::next(a); b != end; ++b) together.insert({a->second, b->second});
    }
    it = end;
  }
  for (const auto& [quoting, quoted] : set_->quotes) {
    EXPECT_FALSE(together.count({std::min(quoting, quoted), std::max(quoting, quoted)}))
        << "seed " << Seed() << ": families " << set_->family_names[quoting] << " and "
        << set_->family_names[quoted] << " (one quotes the other) share a document cluster";
  }

  // The shared passage itself is still found: at --unit paragraph most
  // quoting/quoted family pairs share a cluster (a paragraph or quote unit
  // of each; 13-15 of 15 for seeds 1, 2 and 7). Reprints damaged by OCR or
  // abridged past the passage can miss it.
  absl::StatusOr<ScanResult> p =
      Scan(set_->documents, PresetOptions(Preset::kReprints, UnitKind::kParagraph));
  ASSERT_TRUE(p.ok()) << p.status();
  std::set<std::pair<uint32_t, uint32_t>> linked;
  for (const Cluster& c : p->clusters) {
    std::set<uint32_t> families;
    for (uint32_t u : c.members) families.insert(set_->families[p->units[u].doc]);
    for (auto a = families.begin(); a != families.end(); ++a) {
      for (auto b = std::next(a); b != families.end(); ++b) linked.insert({*a, *b});
    }
  }
  size_t found = 0;
  for (const auto& q : set_->quotes) found += linked.count(q);
  EXPECT_GE(static_cast<double>(found), 0.7 * static_cast<double>(set_->quotes.size()))
      << "seed " << Seed() << ": " << found << " of " << set_->quotes.size()
      << " quoted passages found at paragraph level";
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

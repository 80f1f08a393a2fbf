// Boilerplate removal (reprint/boilerplate.h): the source rule, the cap, the
// common rule, stock text, document (not unit) frequencies, fingerprints, and
// the scan: two items of one outlet that share only its footer are not a
// cluster with boilerplate on, and are with it off; two stories that carry
// one licence are two clusters with the stock rule, one without.
#include "reprint/boilerplate.h"

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/preset.h"
#include "reprint/scan.h"

namespace reprint {
namespace {

struct Fixture {
  std::vector<Document> documents;
  std::vector<uint32_t> unit_docs;
  std::vector<std::vector<uint64_t>> sets;

  void Add(const std::string& source, std::vector<uint64_t> set, bool new_doc = true) {
    if (new_doc || documents.empty()) {
      Document d;
      d.id = "d" + std::to_string(documents.size());
      d.source = source;
      documents.push_back(d);
    }
    unit_docs.push_back(static_cast<uint32_t>(documents.size() - 1));
    sets.push_back(std::move(set));
  }

  BoilerplateStats Run(const BoilerplateOptions& o, std::vector<uint8_t>* dropped,
                       std::vector<std::vector<uint64_t>>* also = nullptr,
                       std::vector<std::vector<uint64_t>>* stock = nullptr) {
    std::vector<std::vector<uint64_t>*> ptrs, also_ptrs, stock_ptrs;
    for (auto& s : sets) ptrs.push_back(&s);
    if (also != nullptr) {
      for (auto& a : *also) also_ptrs.push_back(&a);
    }
    if (stock == nullptr) return RemoveBoilerplate(documents, unit_docs, ptrs, also_ptrs, o, dropped);
    stock->assign(sets.size(), {1234});  // overwritten
    for (auto& a : *stock) stock_ptrs.push_back(&a);
    return RemoveBoilerplate(documents, unit_docs, ptrs, also_ptrs, stock_ptrs, o, dropped);
  }
};

BoilerplateOptions On() {
  BoilerplateOptions o;
  o.enabled = true;
  return o;
}

TEST(BoilerplateTest, SourceRuleRemovesWhatRecursAcrossOneSourcesItems) {
  Fixture f;
  // Outlet A: 4 items with footer {100, 101}; items 0 and 1 also share 7.
  f.Add("A", {1, 2, 7, 100, 101});
  f.Add("A", {3, 4, 7, 100, 101});
  f.Add("A", {5, 6, 100, 101});
  f.Add("A", {8, 9, 100});
  // Outlet B carries 100 once: removed there too (it is boilerplate somewhere).
  f.Add("B", {1, 2, 100});
  std::vector<uint8_t> dropped;
  const BoilerplateStats s = f.Run(On(), &dropped);
  // need = max(3, ceil(0.5 * 4)) = 3: 100 (4 docs) and 101 (3 docs) go, 7 (2) stays.
  EXPECT_EQ(f.sets[0], (std::vector<uint64_t>{1, 2, 7}));
  EXPECT_EQ(f.sets[1], (std::vector<uint64_t>{3, 4, 7}));
  EXPECT_EQ(f.sets[4], (std::vector<uint64_t>{1, 2}));
  EXPECT_EQ(s.shingles, 2u);
  EXPECT_EQ(s.source_shingles, 2u);
  EXPECT_EQ(s.removed, 8u);  // 2 + 2 + 2 + 1 from A, 1 from B
  EXPECT_EQ(s.units_touched, 5u);
  EXPECT_EQ(s.units_dropped, 0u);
  ASSERT_EQ(s.sources.size(), 2u);
  EXPECT_EQ(s.sources[0].source, "A");
  EXPECT_EQ(s.sources[0].documents, 4u);
  EXPECT_EQ(s.sources[0].shingles, 2u);
  EXPECT_EQ(s.sources[0].removed, 7u);
  EXPECT_EQ(s.sources[0].units, 4u);
  EXPECT_EQ(s.sources[1].source, "B");
  EXPECT_EQ(s.sources[1].shingles, 0u);  // none of its own
  EXPECT_EQ(s.sources[1].removed, 1u);
}

TEST(BoilerplateTest, SmallSourcesKeepWhatTheyShare) {
  Fixture f;
  f.Add("A", {1, 2, 100});
  f.Add("A", {3, 4, 100});  // 2 documents < source_min_docs (3)
  std::vector<uint8_t> dropped;
  const BoilerplateStats s = f.Run(On(), &dropped);
  EXPECT_EQ(f.sets[0], (std::vector<uint64_t>{1, 2, 100}));
  EXPECT_EQ(s.shingles, 0u);
  EXPECT_TRUE(s.sources.empty());
}

TEST(BoilerplateTest, ShareScalesWithTheSource) {
  Fixture f;
  // 10 items; 100 in 4 of them: below ceil(0.5 * 10) = 5, kept.
  for (int i = 0; i < 10; ++i) {
    std::vector<uint64_t> set = {static_cast<uint64_t>(10 + i)};
    if (i < 4) set.push_back(100);
    if (i < 5) set.push_back(200);
    f.Add("A", set);
  }
  std::vector<uint8_t> dropped;
  const BoilerplateStats s = f.Run(On(), &dropped);
  EXPECT_EQ(s.shingles, 1u);  // 200 only
  EXPECT_EQ(f.sets[0], (std::vector<uint64_t>{10, 100}));
}

TEST(BoilerplateTest, FrequencyCountsDocumentsNotParagraphs) {
  Fixture f;
  // One document of source A with three paragraphs all carrying 100, and
  // two more documents without it: 100 is in 1 of 3 documents.
  f.Add("A", {1, 100});
  f.Add("A", {2, 100}, /*new_doc=*/false);
  f.Add("A", {3, 100}, /*new_doc=*/false);
  f.Add("A", {4});
  f.Add("A", {5});
  std::vector<uint8_t> dropped;
  const BoilerplateStats s = f.Run(On(), &dropped);
  EXPECT_EQ(s.shingles, 0u);
  EXPECT_EQ(f.sets[1], (std::vector<uint64_t>{2, 100}));
}

TEST(BoilerplateTest, CapRemovesWhatIsInTooManyDocuments) {
  Fixture f;
  for (int i = 0; i < 6; ++i) {
    f.Add("S" + std::to_string(i), {static_cast<uint64_t>(i), 100});  // one source each
  }
  BoilerplateOptions o = On();
  o.max_df = 5;
  std::vector<uint8_t> dropped;
  const BoilerplateStats s = f.Run(o, &dropped);
  EXPECT_EQ(s.capped_shingles, 1u);
  EXPECT_EQ(s.source_shingles, 0u);
  EXPECT_EQ(f.sets[3], (std::vector<uint64_t>{3}));
  o.max_df = 6;
  Fixture g;
  for (int i = 0; i < 6; ++i) g.Add("S" + std::to_string(i), {static_cast<uint64_t>(i), 100});
  EXPECT_EQ(g.Run(o, &dropped).capped_shingles, 0u);
}

TEST(BoilerplateTest, CommonLimitKnownAnswers) {
  BoilerplateOptions o = On();
  o.common_ratio = 4;
  o.common_quantile = 0.1;
  o.common_floor = 2;
  // Frequencies 1 say nothing; of {3 x10, 40 x10} the 0.1 quantile is 3.
  std::vector<uint32_t> f(5, 1);
  for (int i = 0; i < 10; ++i) f.push_back(3);
  for (int i = 0; i < 10; ++i) f.push_back(40);
  EXPECT_DOUBLE_EQ(CommonLimit(f, o), 12.0);
  // Nothing seen twice: the floor.
  EXPECT_DOUBLE_EQ(CommonLimit(std::vector<uint32_t>{1, 1, 1}, o), 8.0);
  // All stock text: its own frequency is typical, nothing goes.
  EXPECT_DOUBLE_EQ(CommonLimit(std::vector<uint32_t>{40, 40, 41}, o), 160.0);
  o.common_ratio = 0;
  EXPECT_TRUE(std::isinf(CommonLimit(f, o)));
}

TEST(BoilerplateTest, CommonRuleCutsStockTextFromAStory) {
  Fixture f;
  // A story {1..4} reprinted by 3 documents, two of which also carry stock
  // text 100..103 that 20 unrelated documents carry too. Every document has
  // its own source, so only the common rule applies.
  for (int r = 0; r < 3; ++r) {
    std::vector<uint64_t> set = {1, 2, 3, 4};
    if (r < 2) set.insert(set.end(), {100, 101, 102, 103});
    f.Add("story" + std::to_string(r), set);
  }
  for (int i = 0; i < 20; ++i) {
    f.Add("stock" + std::to_string(i), {100, 101, 102, 103, static_cast<uint64_t>(1000 + i)});
  }
  BoilerplateOptions o = On();
  o.common_ratio = 4;
  std::vector<uint8_t> dropped;
  const BoilerplateStats s = f.Run(o, &dropped);
  // Story units: typical frequency 3, limit 12: 100..103 (22 documents) go.
  EXPECT_EQ(f.sets[0], (std::vector<uint64_t>{1, 2, 3, 4}));
  // Stock units: typical 22, nothing goes.
  EXPECT_EQ(f.sets[3], (std::vector<uint64_t>{100, 101, 102, 103, 1000}));
  EXPECT_EQ(s.common_removed, 8u);
  EXPECT_EQ(s.shingles, 0u);  // nothing removed everywhere
}

TEST(BoilerplateTest, TypicalFrequencyKnownAnswers) {
  BoilerplateOptions o = On();
  o.common_quantile = 0.1;
  o.common_floor = 2;
  // Frequencies of 1 (and 0: removed corpus-wide) are not counted; the 0.1
  // quantile of {3, 4, 5, 6, 7, 8, 9, 10, 11, 12} is element 0 (0.1 * 9 = 0.9).
  const std::vector<uint32_t> f = {1, 0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1};
  EXPECT_DOUBLE_EQ(TypicalFrequency(f, o), 3.0);
  EXPECT_DOUBLE_EQ(TypicalFrequency(std::vector<uint32_t>{1, 1}, o), 2.0);  // the floor
  o.common_quantile = 0.5;  // element 4 of 10
  EXPECT_DOUBLE_EQ(TypicalFrequency(f, o), 7.0);
}

// Two stories of two documents each; all four carry one licence {50, 51, 52}.
Fixture TwoStoriesOneLicence() {
  Fixture f;
  f.Add("A", {1, 2, 3, 4, 50, 51, 52});
  f.Add("B", {1, 2, 3, 4, 50, 51, 52});
  f.Add("C", {11, 12, 13, 14, 50, 51, 52});
  f.Add("D", {11, 12, 13, 14, 50, 51, 52});
  return f;
}

TEST(BoilerplateTest, StockTextIsMarkedNotRemoved) {
  BoilerplateOptions o = On();
  o.common_ratio = 4;
  o.stock_ratio = 1.25;
  // Typical frequency 2 (the stories' own text): the licence (4 documents)
  // is under the common limit 8, so it stays, but above 2.5: stock.
  Fixture f = TwoStoriesOneLicence();
  std::vector<uint8_t> dropped;
  std::vector<std::vector<uint64_t>> stock;
  const BoilerplateStats s = f.Run(o, &dropped, nullptr, &stock);
  EXPECT_EQ(f.sets[0], (std::vector<uint64_t>{1, 2, 3, 4, 50, 51, 52}));
  EXPECT_EQ(s.removed, 0u);
  for (const auto& st : stock) EXPECT_EQ(st, (std::vector<uint64_t>{50, 51, 52}));
  EXPECT_EQ(s.stock_shingles, 12u);
  // A ratio of 2 makes the licence (4 = 2 x 2) own text.
  o.stock_ratio = 2;
  Fixture g = TwoStoriesOneLicence();
  g.Run(o, &dropped, nullptr, &stock);
  for (const auto& st : stock) EXPECT_TRUE(st.empty());
  // Off: nothing is stock.
  o.stock_ratio = 0;
  Fixture h = TwoStoriesOneLicence();
  EXPECT_EQ(h.Run(o, &dropped, nullptr, &stock).stock_shingles, 0u);
  for (const auto& st : stock) EXPECT_TRUE(st.empty());
}

TEST(BoilerplateTest, FingerprintsFollowAndEmptyUnitsAreDropped) {
  Fixture f;
  for (int i = 0; i < 3; ++i) f.Add("A", {100, 101});  // all footer
  f.Add("A", {1, 2, 100});
  std::vector<std::vector<uint64_t>> fingerprints = {{100}, {101}, {100, 101}, {1, 100}};
  BoilerplateOptions o = On();
  o.min_shingles = 2;
  std::vector<uint8_t> dropped;
  const BoilerplateStats s = f.Run(o, &dropped, &fingerprints);
  EXPECT_EQ(dropped, (std::vector<uint8_t>{1, 1, 1, 0}));
  EXPECT_EQ(s.units_dropped, 3u);
  EXPECT_EQ(fingerprints[3], (std::vector<uint64_t>{1}));
  EXPECT_TRUE(fingerprints[0].empty());
}

TEST(BoilerplateTest, ValidateNamesBadValues) {
  BoilerplateOptions o = On();
  EXPECT_TRUE(o.Validate().ok());
  o.source_min_docs = 1;
  EXPECT_FALSE(o.Validate().ok());
  o = On();
  o.source_share = 0;
  EXPECT_FALSE(o.Validate().ok());
  o = On();
  o.max_df = 1;
  EXPECT_FALSE(o.Validate().ok());
  o = On();
  o.common_ratio = 0.5;
  EXPECT_FALSE(o.Validate().ok());
  o = On();
  o.stock_ratio = 0.5;
  EXPECT_FALSE(o.Validate().ok());
  o = On();
  o.min_own_share = 1.5;
  EXPECT_FALSE(o.Validate().ok());
}

// Outlet items: a different story each, all wrapped in the outlet's footer.
std::vector<Document> OutletItems(int items) {
  const char* stories[] = {
      "The harbour authority confirmed on Tuesday that the northern pier would close for "
      "repairs until the end of the summer season, affecting three ferry routes.",
      "Local bakers have raised the price of bread twice this year, citing the cost of flour, "
      "energy and the wages of their night shift workers.",
      "A rare orchid was found growing beside a motorway verge, surprising botanists who had "
      "believed the species extinct in the county for decades.",
      "The council voted to extend library opening hours on weekends after a petition signed "
      "by more than two thousand residents reached the chamber.",
      "Firefighters rescued a horse that had fallen into a drainage ditch near the old mill, "
      "using a crane borrowed from a construction company nearby.",
  };
  const std::string footer =
      "Copyright Northfield Gazette Media Group. All rights reserved. Sign up for the "
      "Northfield Gazette morning newsletter and never miss a story. We use cookies to give "
      "you the best experience on our website.";
  std::vector<Document> docs;
  for (int i = 0; i < items; ++i) {
    Document d;
    d.id = "item" + std::to_string(i);
    d.source = "gazette";
    d.text = std::string(stories[i % 5]) + "\n\n" + footer;
    docs.push_back(d);
  }
  return docs;
}

TEST(BoilerplateTest, ItemsSharingOnlyAFooterAreNotACluster) {
  const std::vector<Document> docs = OutletItems(5);
  ScanOptions off = PresetOptions(Preset::kReprints, UnitKind::kDoc);
  off.boilerplate.enabled = false;
  absl::StatusOr<ScanResult> with_footer = Scan(docs, off);
  ASSERT_TRUE(with_footer.ok());
  EXPECT_EQ(with_footer->clusters.size(), 1u);  // the footer makes them one

  absl::StatusOr<ScanResult> r = Scan(docs, PresetOptions(Preset::kReprints, UnitKind::kDoc));
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->clusters.empty());
  const BoilerplateStats& b = r->stats.boilerplate;
  EXPECT_GT(b.shingles, 0u);
  ASSERT_EQ(b.sources.size(), 1u);
  EXPECT_EQ(b.sources[0].source, "gazette");
  EXPECT_EQ(b.sources[0].documents, 5u);
  EXPECT_EQ(b.sources[0].units, 5u);
  // Spans still cover the whole original text, footer included.
  EXPECT_EQ(r->units[0].span.end, docs[0].text.size());
}

TEST(BoilerplateTest, ParagraphScansDropFooterParagraphs) {
  const std::vector<Document> docs = OutletItems(5);
  ScanOptions o = PresetOptions(Preset::kReprints, UnitKind::kParagraph);
  absl::StatusOr<ScanResult> r = Scan(docs, o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->clusters.empty());
  EXPECT_EQ(r->stats.boilerplate.units_dropped, 5u);  // the five footers
  absl::StatusOr<ScanResult> d = Scan(docs, PresetOptions(Preset::kDefault, UnitKind::kParagraph));
  ASSERT_TRUE(d.ok());
  EXPECT_FALSE(d->clusters.empty());  // the default preset reports the repeated footer
}

// `n` pseudo-words of 3-9 letters (std::mt19937 output is specified exactly,
// so the text is the same on every platform).
std::string Words(uint32_t seed, int n) {
  std::mt19937 rng(seed);
  std::string s;
  for (int i = 0; i < n; ++i) {
    if (i > 0) s += (i % 12 == 0) ? ". " : " ";
    for (uint32_t k = 3 + rng() % 7; k > 0; --k) s.push_back(static_cast<char>('a' + rng() % 26));
  }
  return s + ".";
}

TEST(BoilerplateTest, StoriesSharingOnlyALicenceAreTwoClusters) {
  // Stories A and B, each reprinted by two outlets, each with the same
  // licence of 150 words under 100 words of its own: the licence alone is
  // 60% of every item, so any two items qualify by containment.
  const std::string licence = Words(7, 150);
  std::vector<Document> docs;
  for (uint32_t story : {1u, 2u}) {
    for (int copy = 0; copy < 2; ++copy) {
      Document d;
      d.id = "story" + std::to_string(story) + "-" + std::to_string(copy);
      d.source = "outlet" + std::to_string(docs.size());
      d.text = Words(story, 100) + "\n\n" + licence;
      docs.push_back(d);
    }
  }
  ScanOptions o = PresetOptions(Preset::kReprints, UnitKind::kDoc);
  o.boilerplate.stock_ratio = 0;
  absl::StatusOr<ScanResult> merged = Scan(docs, o);
  ASSERT_TRUE(merged.ok());
  ASSERT_EQ(merged->clusters.size(), 1u);  // SCAN pruning cannot split a 2 x 2 biclique
  EXPECT_EQ(merged->clusters[0].members.size(), 4u);

  // The licence is in 4 documents, each story's text in 2: stock in every
  // item, and the four pairs across stories share nothing else.
  absl::StatusOr<ScanResult> r = Scan(docs, PresetOptions(Preset::kReprints, UnitKind::kDoc));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->clusters.size(), 2u);
  for (const Cluster& c : r->clusters) {
    ASSERT_EQ(c.members.size(), 2u);
    EXPECT_EQ(r->units[c.members[0]].doc / 2, r->units[c.members[1]].doc / 2);
  }
  EXPECT_EQ(r->stats.boilerplate.stock_pairs, 4u);
  EXPECT_EQ(r->stats.boilerplate.removed, 0u);  // stock text is kept, spans untouched
}

}  // namespace
}  // namespace reprint

// Quote clusters: content words and the variant score, ISO dates, the earliest
// carrier, variant joining (and not joining) on the seeds, speaker majority.
#include "reprint/quote_cluster.h"

#include <cstdio>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/scan.h"
#include "tests/support/mutate.h"

namespace reprint {
namespace {

const char* const kSeeds[] = {"000_6fa34ba821cba727", "001_c061e7b9e99da56e",
                              "002_e3ca70eda88bb4a3", "003_ffbb0596cbef440d",
                              "004_07ee8de466f1c881"};

Document Seed(int i, std::string date = "") {
  const std::string path = std::string("corpus/seeds/") + kSeeds[i] + ".txt";
  return Document{path,
                  std::string(kSeeds[i]).substr(0, 3),
                  path,
                  0,
                  std::move(date),
                  testing::ReadSourceFile(path)};
}

std::vector<Document> Seeds(const std::vector<int>& which) {
  std::vector<Document> docs;
  for (int i : which) docs.push_back(Seed(i));
  return docs;
}

ScanResult ScanQuotes(const std::vector<Document>& docs, ScanOptions opt = {}) {
  opt.unit = UnitKind::kQuote;
  absl::StatusOr<ScanResult> r = Scan(docs, opt);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *std::move(r) : ScanResult();
}

std::string UnitText(const std::vector<Document>& docs, const ScanResult& r, uint32_t unit) {
  const Unit& u = r.units[unit];
  return docs[u.doc].text.substr(u.span.begin, u.span.size());
}

// The quote unit whose text starts with `prefix` in document `doc` (-1: any).
int UnitOf(const std::vector<Document>& docs, const ScanResult& r, const std::string& prefix,
           int doc = -1) {
  for (const QuoteUnit& q : r.quotes) {
    if (doc >= 0 && r.units[q.unit].doc != static_cast<uint32_t>(doc)) continue;
    if (UnitText(docs, r, q.unit).rfind(prefix, 0) == 0) return static_cast<int>(q.unit);
  }
  return -1;
}

// The audit of the cluster holding `unit`, or null.
const QuoteCluster* AuditWith(const ScanResult& r, int unit) {
  for (const QuoteCluster& qc : r.quote_clusters) {
    for (const QuoteMember& m : qc.members) {
      if (static_cast<int>(m.unit) == unit) return &qc;
    }
  }
  return nullptr;
}

const QuoteMember* MemberOf(const QuoteCluster& qc, int unit) {
  for (const QuoteMember& m : qc.members) {
    if (static_cast<int>(m.unit) == unit) return &m;
  }
  return nullptr;
}

std::vector<std::string> Content(const std::string& s) {
  return ContentWords(Normalize(s, Span{0, static_cast<uint32_t>(s.size())}));
}

constexpr char kTranslation[] = "This path pushes the Iraqi government";
constexpr char kTrajectory[] = "This trajectory compels the Iraqi government";
constexpr char kByThisAct[] = "By this act";
constexpr char kRepeated[] = "The US forces have repeated, irresponsibly";

TEST(QuoteClusterTest, ContentWordsDropFunctionWordsButKeepUs) {
  EXPECT_EQ(Content("The U.S. forces have more than ever been in the region of Iraq"),
            (std::vector<std::string>{"forces", "iraq", "region", "us"}));
  EXPECT_TRUE(Content("it is what it is").empty());
}

TEST(QuoteClusterTest, ScoreVariantKnownAnswers) {
  const VariantScore s = ScoreVariant({"a1", "b1", "c1", "d1"}, {"b1", "c1", "e1"});
  EXPECT_EQ(s.shared, 2u);
  EXPECT_DOUBLE_EQ(s.jaccard, 2.0 / 5.0);
  EXPECT_DOUBLE_EQ(s.containment, 2.0 / 3.0);
  const VariantScore none = ScoreVariant({}, {});
  EXPECT_EQ(none.jaccard, 0);
  EXPECT_EQ(none.containment, 0);
}

TEST(QuoteClusterTest, ParseIsoDateKnownAnswers) {
  EXPECT_EQ(ParseIsoDate("1970-01-01"), 0);
  EXPECT_EQ(ParseIsoDate("2024-02-08"), 1707350400);
  EXPECT_EQ(ParseIsoDate("2024-02-08T10:30:00Z"), 1707350400 + 37800);
  EXPECT_EQ(ParseIsoDate("2024-02-08 10:30"), 1707350400 + 37800);
  EXPECT_EQ(ParseIsoDate("2024-02-08T10:30:00.250+03:00"), 1707350400 + 37800 - 10800);
  EXPECT_EQ(ParseIsoDate("2024-02-08T10:30:00-0500"), 1707350400 + 37800 + 18000);
  EXPECT_EQ(ParseIsoDate("2000-02-29"), 951782400);
  EXPECT_EQ(ParseIsoDate("1969-12-31T23:59:59Z"), -1);
  for (const char* bad : {"", "08 February, 2024", "2024-2-8", "2024-13-01", "2024-02-30",
                          "2024-02-08T25:00", "2024-02-08T10", "2024-02-08Tnoon", "2024-02-08x"}) {
    EXPECT_FALSE(ParseIsoDate(bad).has_value()) << bad;
  }
}

TEST(QuoteClusterTest, QuoteUnitsAreInnerSpansWithSpeakers) {
  const std::vector<Document> docs = Seeds({0, 1, 2, 3, 4});
  const ScanResult r = ScanQuotes(docs);
  ASSERT_EQ(r.quotes.size(), r.units.size());
  EXPECT_EQ(r.stats.quotes, r.units.size());
  for (const QuoteUnit& q : r.quotes) {
    const Unit& u = r.units[q.unit];
    EXPECT_EQ(u.kind, UnitKind::kQuote);
    EXPECT_EQ(u.span, q.quote.inner);
    if (q.speaker) {
      EXPECT_EQ(docs[u.doc].text.substr(q.speaker->span.begin, q.speaker->span.size()),
                q.speaker->name);
    }
  }
  // 001's Fuad Hussein quote ("Iraq is not an arena ...", 11 words) is a unit;
  // with --min-quote-words 12 it is not.
  EXPECT_GE(UnitOf(docs, r, "Iraq is not an arena"), 0);
  ScanOptions opt;
  opt.quote.min_words = 12;
  const ScanResult r12 = ScanQuotes(docs, opt);
  EXPECT_EQ(UnitOf(docs, r12, "Iraq is not an arena"), -1);
  EXPECT_LT(r12.units.size(), r.units.size());
}

// The translation in 003 joins the trajectory cluster as a variant; the
// cluster's exact members are 000, 001 and 002's three quotes.
TEST(QuoteClusterTest, TranslationJoinsTrajectoryClusterAsVariant) {
  const std::vector<Document> docs = Seeds({0, 1, 2, 3, 4});
  const ScanResult r = ScanQuotes(docs);
  const int translation = UnitOf(docs, r, kTranslation);
  ASSERT_GE(translation, 0);
  const QuoteCluster* qc = AuditWith(r, translation);
  ASSERT_NE(qc, nullptr);
  EXPECT_EQ(qc, AuditWith(r, UnitOf(docs, r, kTrajectory, 0)));
  EXPECT_EQ(qc->speaker_key, SpeakerKey("Rasool"));
  const QuoteMember* m = MemberOf(*qc, translation);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->match, QuoteMatch::kVariant);
  EXPECT_EQ(m->variant.shared, 10u);
  EXPECT_NEAR(m->variant.jaccard, 0.5, 1e-9);
  EXPECT_EQ(UnitText(docs, r, m->variant_of).rfind(kTrajectory, 0), 0u);
  EXPECT_EQ(r.stats.quote_variants, 1u);
  // The fullest wording is 001's (it goes on to "... from all threats"); the
  // earliest carrier with no dates is the first in input order (000).
  EXPECT_EQ(r.units[qc->fullest].doc, 1u);
  EXPECT_EQ(r.units[qc->earliest].doc, 0u);
  EXPECT_EQ(qc->earliest_basis, EarliestBasis::kInputOrder);
  int exact = 0;
  for (const QuoteMember& q : qc->members) exact += q.match == QuoteMatch::kExact;
  EXPECT_EQ(exact, 5);  // 000, 001, 002 (headline, body) and 002's "cannot neglect ..."
  // The variant is listed in Cluster::members but linked by no pair.
  const Cluster& cl = r.clusters[qc->cluster];
  EXPECT_EQ(cl.members.size(), 6u);
  EXPECT_EQ(cl.pairs.size(), 4u);
  for (const VerifiedPair& p : cl.pairs) {
    EXPECT_NE(static_cast<int>(p.a), translation);
    EXPECT_NE(static_cast<int>(p.b), translation);
  }
}

// Measured on the seeds: every pair of quotes attributed to Rasool, scored
// with the variant measure. The translation scores 0.5 against the trajectory
// quote; no two unrelated statements score above 0.15. The default threshold
// (0.3) sits between them.
TEST(QuoteClusterTest, VariantMeasureSeparatesTranslationFromUnrelatedOnSeeds) {
  const std::vector<Document> docs = Seeds({0, 1, 2, 3, 4});
  ScanOptions opt;
  opt.quote_cluster.join_variants = false;
  const ScanResult r = ScanQuotes(docs, opt);
  const std::string rsl = SpeakerKey("Rasool");
  // A statement is identified by its exact cluster (or the unit, when alone).
  auto statement = [&](uint32_t unit) -> int64_t {
    const QuoteCluster* qc = AuditWith(r, static_cast<int>(unit));
    return qc ? qc->cluster : 1000 + unit;
  };
  const int64_t trajectory = statement(static_cast<uint32_t>(UnitOf(docs, r, kTrajectory, 0)));
  const uint32_t translation = static_cast<uint32_t>(UnitOf(docs, r, kTranslation));
  double best_translation = 0, best_unrelated = 0;
  for (size_t i = 0; i < r.quotes.size(); ++i) {
    for (size_t j = i + 1; j < r.quotes.size(); ++j) {
      const QuoteUnit& a = r.quotes[i];
      const QuoteUnit& b = r.quotes[j];
      if (!a.speaker || !b.speaker || a.speaker->key != rsl || b.speaker->key != rsl) continue;
      const VariantScore s =
          ScoreVariant(Content(UnitText(docs, r, a.unit)), Content(UnitText(docs, r, b.unit)));
      const bool involves_translation = a.unit == translation || b.unit == translation;
      const int64_t other = statement(a.unit == translation ? b.unit : a.unit);
      std::printf("  rasool pair %3u-%3u  content jaccard %.3f  containment %.3f  shared %2u%s\n",
                  a.unit, b.unit, s.jaccard, s.containment, s.shared,
                  involves_translation ? (other == trajectory ? "  translation/trajectory"
                                                              : "  translation/unrelated")
                                       : "");
      if (involves_translation && other == trajectory) {
        best_translation = std::max(best_translation, s.jaccard);
      } else if (statement(a.unit) != statement(b.unit)) {
        best_unrelated = std::max(best_unrelated, s.jaccard);
      }
    }
  }
  EXPECT_NEAR(best_translation, 0.5, 1e-9);
  EXPECT_LE(best_unrelated, 0.15);
  EXPECT_GT(ScanOptions().quote_cluster.variant_threshold, best_unrelated);
  EXPECT_LE(ScanOptions().quote_cluster.variant_threshold, best_translation);
}

// Without 002, 001's "The US forces have repeated ..." quote of Rasool is in
// no exact cluster: it must join neither the trajectory nor the "By this act"
// cluster, though its speaker key is theirs.
TEST(QuoteClusterTest, UnrelatedQuoteOfSameSpeakerJoinsNeither) {
  const std::vector<Document> docs = Seeds({0, 1, 3});
  const ScanResult r = ScanQuotes(docs);
  const int repeated = UnitOf(docs, r, kRepeated);
  ASSERT_GE(repeated, 0);
  ASSERT_TRUE(FindQuoteUnit(r.quotes, repeated)->speaker);
  EXPECT_EQ(FindQuoteUnit(r.quotes, repeated)->speaker->key, SpeakerKey("Rasool"));
  EXPECT_EQ(AuditWith(r, repeated), nullptr);
  // The translation still joins the trajectory cluster (000 + 001).
  const QuoteCluster* qc = AuditWith(r, UnitOf(docs, r, kTranslation));
  ASSERT_NE(qc, nullptr);
  EXPECT_EQ(qc, AuditWith(r, UnitOf(docs, r, kTrajectory, 0)));
  // "By this act" keeps its three exact members (000 twice, 001).
  const QuoteCluster* act = AuditWith(r, UnitOf(docs, r, kByThisAct, 1));
  ASSERT_NE(act, nullptr);
  EXPECT_NE(act, qc);
  EXPECT_EQ(act->members.size(), 3u);
  for (const QuoteMember& m : act->members) EXPECT_EQ(m.match, QuoteMatch::kExact);
}

// Without 000, 001's "By this act" quote is alone: it must not be pulled into
// the trajectory cluster of the same speaker.
TEST(QuoteClusterTest, ByThisActStaysOutOfTrajectoryCluster) {
  const std::vector<Document> docs = Seeds({1, 2, 3});
  const ScanResult r = ScanQuotes(docs);
  const int act = UnitOf(docs, r, kByThisAct);
  ASSERT_GE(act, 0);
  EXPECT_EQ(AuditWith(r, act), nullptr);
  const QuoteCluster* qc = AuditWith(r, UnitOf(docs, r, kTranslation));
  ASSERT_NE(qc, nullptr);
  EXPECT_EQ(MemberOf(*qc, UnitOf(docs, r, kTranslation))->match, QuoteMatch::kVariant);
}

// A re-worded quote whose speaker key differs does not join, and with
// join_variants off nothing does.
TEST(QuoteClusterTest, VariantNeedsSameSpeakerKey) {
  std::vector<Document> docs = Seeds({0, 1, 2, 3});
  std::string& t3 = docs[3].text;
  const size_t at = t3.find("Yehia Rasool");
  ASSERT_NE(at, std::string::npos);
  t3.replace(at, 12, "Ali Hassanein");
  const ScanResult r = ScanQuotes(docs);
  EXPECT_EQ(AuditWith(r, UnitOf(docs, r, kTranslation)), nullptr);
  EXPECT_EQ(r.stats.quote_variants, 0u);

  ScanOptions opt;
  opt.quote_cluster.join_variants = false;
  const std::vector<Document> seeds = Seeds({0, 1, 2, 3});
  const ScanResult off = ScanQuotes(seeds, opt);
  EXPECT_EQ(AuditWith(off, UnitOf(seeds, off, kTranslation)), nullptr);
  opt.quote_cluster.join_variants = true;
  opt.quote_cluster.variant_threshold = 0.55;  // above the translation's 0.5
  const ScanResult high = ScanQuotes(seeds, opt);
  EXPECT_EQ(AuditWith(high, UnitOf(seeds, high, kTranslation)), nullptr);
}

// Dates decide the earliest carrier; undated documents rank after dated ones.
TEST(QuoteClusterTest, EarliestCarrierByDate) {
  std::vector<Document> docs = Seeds({0, 1, 2});
  docs[0].date = "2024-02-08T12:00:00Z";
  docs[1].date = "2024-02-08T09:00:00-02:00";  // 11:00 UTC: the earliest
  docs[2].date = "";
  const ScanResult r = ScanQuotes(docs);
  const QuoteCluster* qc = AuditWith(r, UnitOf(docs, r, kTrajectory, 0));
  ASSERT_NE(qc, nullptr);
  EXPECT_EQ(qc->earliest_basis, EarliestBasis::kDate);
  EXPECT_EQ(r.units[qc->earliest].doc, 1u);

  docs[1].date = "not a date";  // unparseable: as if absent
  const ScanResult r2 = ScanQuotes(docs);
  const QuoteCluster* qc2 = AuditWith(r2, UnitOf(docs, r2, kTrajectory, 0));
  ASSERT_NE(qc2, nullptr);
  EXPECT_EQ(qc2->earliest_basis, EarliestBasis::kDate);
  EXPECT_EQ(r2.units[qc2->earliest].doc, 0u);

  for (Document& d : docs) d.date.clear();
  docs[2].date = "2024-02-07";  // only the last document is dated
  const ScanResult r3 = ScanQuotes(docs);
  const QuoteCluster* qc3 = AuditWith(r3, UnitOf(docs, r3, kTrajectory, 0));
  ASSERT_NE(qc3, nullptr);
  EXPECT_EQ(r3.units[qc3->earliest].doc, 2u);
}

// CENTCOM's quote: the cluster is made by text although outlets name the
// speaker differently; the key is the majority and every key is listed.
TEST(QuoteClusterTest, CentcomClusterKeyIsTheMajority) {
  const std::vector<Document> docs = Seeds({0, 1, 2, 3, 4});
  const ScanResult r = ScanQuotes(docs);
  const QuoteCluster* qc = AuditWith(r, UnitOf(docs, r, "responsible for directly planning", 0));
  ASSERT_NE(qc, nullptr);
  std::vector<uint32_t> doc_of;
  for (const QuoteMember& m : qc->members) doc_of.push_back(r.units[m.unit].doc);
  EXPECT_EQ(doc_of, (std::vector<uint32_t>{0, 2, 3, 4, 4}));
  EXPECT_EQ(qc->speaker_key, "centcom");
  ASSERT_EQ(qc->speaker_keys.size(), 3u);
  EXPECT_EQ(qc->speaker_keys[0], (std::pair<std::string, uint32_t>{"centcom", 3}));
}

// Paragraph scans carry the same quote clusters, and quotes never pair with
// paragraphs.
TEST(QuoteClusterTest, ParagraphScanIncludesQuoteUnits) {
  const std::vector<Document> docs = Seeds({0, 1, 2, 3, 4});
  absl::StatusOr<ScanResult> para = Scan(docs, ScanOptions());
  ASSERT_TRUE(para.ok());
  const ScanResult quotes = ScanQuotes(docs);
  EXPECT_EQ(para->stats.quote_clusters, quotes.quote_clusters.size());
  EXPECT_EQ(para->stats.quotes, quotes.quotes.size());
  for (const Cluster& c : para->clusters) {
    for (uint32_t u : c.members) EXPECT_EQ(para->units[u].kind, para->units[c.members[0]].kind);
  }
  ScanOptions off;
  off.paragraph_quotes = false;
  absl::StatusOr<ScanResult> plain = Scan(docs, off);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->stats.quotes, 0u);
  EXPECT_EQ(plain->clusters.size() + quotes.clusters.size(), para->clusters.size());
}

}  // namespace
}  // namespace reprint

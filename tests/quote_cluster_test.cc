// Quote clusters: content words and the variant score, ISO dates, the earliest
// carrier, variant joining (and not joining) on the seeds, speaker majority.
#include "reprint/quote_cluster.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "reprint/scan.h"
#include "tests/support/mutate.h"
#include "tests/support/temp_dir.h"

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

// FindQuoteUnits extracts every quote once: its units are exactly
// ExtractQuotes' with the minimum length, and its speakers Attribute's.
TEST(QuoteClusterTest, FindQuoteUnitsMatchesExtractAndAttribute) {
  for (int i = 0; i < 5; ++i) {
    const Document d = Seed(i);
    const std::vector<QuoteUnit> units = FindQuoteUnits(d.text, QuoteOptions(), SpeakerOptions());
    const std::vector<Quote> quotes = ExtractQuotes(d.text, QuoteOptions());
    const std::vector<std::optional<Speaker>> who = Attribute(d.text, quotes);
    ASSERT_EQ(units.size(), quotes.size()) << d.id;
    for (size_t k = 0; k < units.size(); ++k) {
      EXPECT_EQ(units[k].quote.outer, quotes[k].outer) << d.id;
      ASSERT_EQ(units[k].speaker.has_value(), who[k].has_value()) << d.id << " quote " << k;
      if (who[k]) {
        EXPECT_EQ(units[k].speaker->name, who[k]->name) << d.id << " quote " << k;
      }
    }
  }
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
  EXPECT_EQ(qc->speaker_key, SpeakerKey("Yahya Rasool"));
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
  const std::string rsl = SpeakerKey("Yahya Rasool");  // every Rasool quote resolves to it
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
  EXPECT_EQ(FindQuoteUnit(r.quotes, repeated)->speaker->key, SpeakerKey("Yahya Rasool"));
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
  // 002 "CENTCOM" (resolved to "Central Command (CENTCOM)"), 003 "US Central
  // Command" and 004 "US Central Command (CENTCOM)" share a key; 000 says "The
  // US said".
  EXPECT_EQ(qc->speaker_key, SpeakerKey("US Central Command"));
  ASSERT_EQ(qc->speaker_keys.size(), 2u);
  EXPECT_EQ(qc->speaker_keys[0], (std::pair<std::string, uint32_t>{"central command", 4}));
  EXPECT_EQ(qc->speaker_keys[1], (std::pair<std::string, uint32_t>{"us", 1}));
}

Document Doc(const std::string& id, const std::string& text, const std::string& date = "") {
  return Document{id, id, id, 0, date, text};
}

// The audit found a quote by "Ali Hassan" joined Fuad Hussein's cluster as a
// variant: both keyed "hsn". Now their keys differ.
TEST(QuoteClusterTest, VariantOfAnotherSpeakerWithSimilarSurnameDoesNotJoin) {
  const std::string q =
      "\u201cIraq is not an arena for settling scores between rival countries and never will "
      "be,\u201d ";
  const std::vector<Document> docs = {
      Doc("a", "Baghdad.\n\n" + q + "Foreign Minister Fuad Hussein said on Sunday.\n"),
      Doc("b", "Talks.\n\n" + q + "Iraq's Foreign Minister Fuad Hussein told reporters.\n"),
      Doc("c",
          "Other news.\n\n\u201cIraq will not be an arena for settling the scores of rival "
          "countries in the region,\u201d Ali Hassan said on Monday.\n")};
  const ScanResult r = ScanQuotes(docs);
  const int hassan = UnitOf(docs, r, "Iraq will not be an arena");
  ASSERT_GE(hassan, 0);
  ASSERT_TRUE(FindQuoteUnit(r.quotes, hassan)->speaker);
  EXPECT_EQ(FindQuoteUnit(r.quotes, hassan)->speaker->name, "Ali Hassan");
  const QuoteCluster* qc = AuditWith(r, UnitOf(docs, r, "Iraq is not an arena"));
  ASSERT_NE(qc, nullptr);
  EXPECT_EQ(qc->speaker_key, SpeakerKey("Fuad Hussein"));
  // Content words agree enough (0.75) for a variant of one speaker.
  EXPECT_GE(ScoreVariant(Content(UnitText(docs, r, hassan)),
                         Content(UnitText(docs, r, qc->members[0].unit)))
                .jaccard,
            0.7);
  EXPECT_EQ(AuditWith(r, hassan), nullptr);
  EXPECT_EQ(r.stats.quote_variants, 0u);
}

// Same surname: "Hunter Biden" never joins a cluster of "Joe Biden"; "Biden"
// alone (no given name in its text) may.
TEST(QuoteClusterTest, VariantWithAnotherGivenNameDoesNotJoin) {
  const std::string q = "\u201cWe will not abandon the people of Ukraine in this war,\u201d ";
  const Document d = Doc("d", "Kyiv.\n\n" + q + "Joe Biden said on Monday.\n");
  const Document e = Doc("e", "Washington.\n\n" + q + "President Joe Biden said.\n");
  const std::string wording =
      "\u201cWe will never abandon the people of Ukraine during the war,\u201d ";
  const std::vector<Document> hunter = {
      d, e, Doc("f", "Delaware.\n\n" + wording + "Hunter Biden said on Tuesday.\n")};
  const ScanResult r = ScanQuotes(hunter);
  const int f = UnitOf(hunter, r, "We will never abandon");
  ASSERT_GE(f, 0);
  EXPECT_EQ(FindQuoteUnit(r.quotes, f)->speaker->key, SpeakerKey("Hunter Biden"));
  ASSERT_NE(AuditWith(r, UnitOf(hunter, r, "We will not abandon")), nullptr);
  EXPECT_EQ(AuditWith(r, f), nullptr);

  const std::vector<Document> surname = {
      d, e, Doc("g", "Delaware.\n\n" + wording + "Biden said on Tuesday.\n")};
  const ScanResult s = ScanQuotes(surname);
  const int g = UnitOf(surname, s, "We will never abandon");
  ASSERT_GE(g, 0);
  EXPECT_EQ(FindQuoteUnit(s.quotes, g)->speaker->key, "badn");
  const QuoteCluster* qc = AuditWith(s, g);
  ASSERT_NE(qc, nullptr);
  EXPECT_EQ(MemberOf(*qc, g)->match, QuoteMatch::kVariant);
  EXPECT_EQ(qc->speaker_key, SpeakerKey("Joe Biden"));

  // A cluster whose members name both a surname alone and a full name still
  // refuses the other given name.
  std::vector<Document> mixed = {d, Doc("h", "Kyiv.\n\n" + q + "Biden said.\n"),
                                 Doc("f", "Delaware.\n\n" + wording + "Hunter Biden said.\n")};
  const ScanResult m = ScanQuotes(mixed);
  EXPECT_EQ(AuditWith(m, UnitOf(mixed, m, "We will never abandon")), nullptr);
}

// Dates that are not ISO-8601 are named, not silently ignored.
TEST(QuoteClusterTest, DateIssuesNameDocumentsWithUnreadableDates) {
  std::vector<Document> docs = {Doc("a", "x", "Feb. 7, 2024"), Doc("b", "x", "2024-02-07"),
                                Doc("c", "x", ""), Doc("d", "x", "1707350400")};
  docs[3].path = "feed.jsonl";
  docs[3].line = 4;
  const std::vector<InputIssue> issues = DateIssues(docs);
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].path, "a");
  EXPECT_FALSE(issues[0].rejected);
  EXPECT_NE(issues[0].message.find("\"Feb. 7, 2024\" is not ISO-8601"), std::string::npos);
  EXPECT_NE(issues[0].message.find("undated"), std::string::npos);
  EXPECT_EQ(
      issues[1].ToString().rfind("feed.jsonl:4: warning: document \"d\": date \"1707350400\"", 0),
      0u)
      << issues[1].ToString();
  // Past the limit, one issue counts the rest.
  const std::vector<InputIssue> capped = DateIssues(docs, 1);
  ASSERT_EQ(capped.size(), 2u);
  EXPECT_EQ(capped[1].path, "feed.jsonl");
  EXPECT_NE(capped[1].message.find("1 more documents"), std::string::npos);
}

// The CLI prints them on stderr and lists them in the report's issues.
TEST(QuoteClusterTest, CliWarnsAboutDatesThatAreNotIso) {
  testing::TempDir dir;
  std::string lines;
  const char* const dates[] = {"Feb. 7, 2024", "2024-02-08T07:30:00Z", "1707350400"};
  for (int i = 0; i < 3; ++i) {
    nlohmann::json rec{
        {"id", std::string("doc") + std::to_string(i)},
        {"text", testing::ReadSourceFile(std::string("corpus/seeds/") + kSeeds[i] + ".txt")},
        {"published", dates[i]}};
    lines += rec.dump() + "\n";
  }
  const std::string path = dir.Write("feed.jsonl", lines);
  const std::string cmd = std::string("'") + REPRINT_CLI_PATH +
                          "' scan -q --unit quote --format json --date-field published '" + path +
                          "' > '" + dir.Path("out.json") + "' 2> '" + dir.Path("err.txt") + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;  // a warning, not a rejection
  const std::string err = testing::ReadBytes(dir.Path("err.txt"));
  EXPECT_NE(
      err.find(path + ":1: warning: document \"doc0\": date \"Feb. 7, 2024\" is not ISO-8601"),
      std::string::npos)
      << err;
  EXPECT_NE(err.find(path + ":3: warning: document \"doc2\": date \"1707350400\""),
            std::string::npos)
      << err;
  EXPECT_EQ(err.find("doc1"), std::string::npos);
  const nlohmann::json report = nlohmann::json::parse(testing::ReadBytes(dir.Path("out.json")));
  ASSERT_EQ(report["issues"].size(), 2u);
  EXPECT_EQ(report["issues"][0]["line"], 1);
  // Only doc1's date counts: it is the earliest carrier, by date.
  for (const nlohmann::json& c : report["clusters"]) {
    if (c["members"][0]["text"].get<std::string>().rfind(kTrajectory, 0) != 0) continue;
    EXPECT_EQ(c["quote"]["earliest_by"], "date");
    EXPECT_EQ(c["members"][c["quote"]["earliest"].get<size_t>()]["doc"], "doc1");
  }
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

// WriteJson streams the JSON report piece by piece (a document, a cluster, an
// issue at a time); its bytes must equal those of the report built as one
// ordered_json DOM and dumped whole, which is what RenderJson did before it
// streamed. The reference is that DOM, parsed back from the streamed report
// and dumped whole (WholeDump): these tests compare the layouts, not the
// fields (seeds_golden_test.cc pins the fields).
#include "reprint/report.h"

#include <algorithm>
#include <random>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "reprint/ingest.h"
#include "reprint/passages.h"
#include "reprint/preset.h"
#include "reprint/scan.h"
#include "tests/support/mutate.h"

namespace reprint {
namespace {

using Json = nlohmann::ordered_json;

// The report as one ordered_json DOM dumped whole, which is how RenderJson
// wrote it before it streamed: the streamed bytes must equal it exactly.
// seeds_golden_test.cc pins the fields; these tests pin the layout.
std::string WholeDump(const std::string& report) {
  return Json::parse(report).dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

// The first differing byte with some context (the reports are too long for
// EXPECT_EQ's diff to be readable).
::testing::AssertionResult SameBytes(const std::string& actual, const std::string& expected) {
  if (actual == expected) return ::testing::AssertionSuccess();
  const size_t n = std::min(actual.size(), expected.size());
  size_t at = 0;
  while (at < n && actual[at] == expected[at]) ++at;
  const size_t from = at < 80 ? 0 : at - 80;
  return ::testing::AssertionFailure()
         << "sizes " << actual.size() << " vs " << expected.size() << ", first difference at byte "
         << at << "\n--- actual:\n"
         << actual.substr(from, 160) << "\n--- expected:\n"
         << expected.substr(from, 160);
}

std::string Streamed(const ReportInput& in) {
  std::ostringstream out;
  WriteJson(in, out);
  EXPECT_TRUE(out.good());
  return out.str();
}

// `report` without its stats.stage_seconds.align, which must be there.
std::string WithoutAlignSeconds(const std::string& report) {
  Json j = Json::parse(report);
  Json& stages = j["stats"]["stage_seconds"];
  EXPECT_TRUE(stages.contains("align") && stages["align"].get<double>() >= 0) << stages;
  stages.erase("align");
  if (stages.empty()) stages = nullptr;
  return j.dump(1, ' ', false, Json::error_handler_t::replace) + "\n";
}

// Scans `docs` and checks WriteJson and RenderJson against the reference, with
// the passages given and aligned by the report itself. Returns the report.
std::string ExpectSameReport(const std::vector<Document>& docs,
                             const std::vector<InputIssue>& issues, const ScanOptions& opt,
                             bool timings = false) {
  absl::StatusOr<ScanResult> r = Scan(docs, opt);
  EXPECT_TRUE(r.ok()) << r.status();
  if (!r.ok()) return "";
  const ListedPassages passages = AlignListedPairs(docs, *r, {});
  const ReportInput given{docs, *r, issues, timings, &passages};
  const std::string expected = Streamed(given);
  EXPECT_TRUE(SameBytes(WholeDump(expected), expected));
  EXPECT_TRUE(SameBytes(RenderJson(given), expected));
  const ReportInput own{docs, *r, issues, timings, nullptr};
  const std::string self_aligned = Streamed(own);
  EXPECT_TRUE(SameBytes(WholeDump(self_aligned), self_aligned));
  // The report aligns a batch of clusters at a time, as the CLI has it do;
  // with timings it adds the seconds that took as the "align" stage.
  EXPECT_TRUE(SameBytes(timings ? WithoutAlignSeconds(self_aligned) : self_aligned, expected));
  // Pairs rendered by the alignment threads, by the writer, or some of each
  // (a few kilobytes ahead per batch), on one and three threads.
  for (const size_t ahead : {size_t{0}, size_t{3000}}) {
    for (const int threads : {1, 3}) {
      ReportInput split{docs, *r, issues, timings, nullptr};
      split.align.threads = threads;
      split.render_ahead_bytes = ahead;
      const std::string report = Streamed(split);
      EXPECT_TRUE(SameBytes(timings ? WithoutAlignSeconds(report) : report, expected))
          << "ahead " << ahead << " threads " << threads;
    }
  }
  return expected;
}

size_t ClusterCount(const std::string& report) {
  return Json::parse(report)["clusters"].size();
}

std::vector<Document> Seeds() {
  IngestResult in = Ingest({"corpus/seeds"}, IngestOptions());
  EXPECT_EQ(in.documents.size(), 5u);
  return in.documents;
}

TEST(ReportStreamTest, SeedsEveryUnitAndPreset) {
  const std::vector<Document> docs = Seeds();
  const std::vector<InputIssue> none;
  for (UnitKind unit : {UnitKind::kParagraph, UnitKind::kDoc, UnitKind::kQuote}) {
    for (Preset preset : {Preset::kDefault, Preset::kReprints}) {
      SCOPED_TRACE(std::string(UnitKindName(unit)) + " " + PresetName(preset));
      ScanOptions opt = PresetOptions(preset, unit);
      const std::string report = ExpectSameReport(docs, none, opt);
      if (unit != UnitKind::kDoc && preset == Preset::kDefault) {
        EXPECT_GT(ClusterCount(report), 0u);
      }
      opt.pairs = PairListing::kAll;
      ExpectSameReport(docs, none, opt, /*timings=*/true);
    }
  }
}

TEST(ReportStreamTest, TimingsWithAndWithoutStages) {
  const std::vector<Document> docs = Seeds();
  const std::vector<InputIssue> none;
  absl::StatusOr<ScanResult> r = Scan(docs, ScanOptions());
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->stats.stage_seconds.empty());
  const ListedPassages passages = AlignListedPairs(docs, *r, {});
  ReportInput in{docs, *r, none, /*include_timings=*/true, &passages};
  const std::string with_stages = Streamed(in);
  EXPECT_TRUE(SameBytes(WholeDump(with_stages), with_stages));
  r->stats.stage_seconds.clear();  // "stage_seconds": null
  const std::string empty_stages = Streamed(in);
  EXPECT_NE(empty_stages.find("\"stage_seconds\": null"), std::string::npos);
  EXPECT_TRUE(SameBytes(WholeDump(empty_stages), empty_stages));
}

TEST(ReportStreamTest, InvalidUtf8IsReplacedTheSameWay) {
  // Invalid bytes inside the shared paragraph (so in member texts), in ids,
  // sources, dates, paths and issue messages: a stray continuation byte, a
  // truncated 2- and 3-byte sequence, an overlong '/', a surrogate, 0xFF, and
  // a truncated sequence at the very end of a text.
  const std::string shared =
      "The committee met on Tuesday \x80 to review the caf\xC3 budget and the "
      "\xE2\x82 new bridge, \xC0\xAF which the mayor \xED\xA0\x80 called a "
      "\xFF\xFE turning point for the whole river district and its people.";
  std::vector<Document> docs;
  for (int i = 0; i < 4; ++i) {
    Document d;
    d.id = "doc\xE9" + std::to_string(i);
    d.source = i % 2 ? "outlet\xF0\x9F" : "outlet";
    d.path = "in\xFFput.jsonl";
    d.line = static_cast<uint64_t>(i + 1);
    d.date = i == 0 ? "2024-02-0\xB7" : "";
    d.text = "Intro words unique to document " + std::to_string(i) + " alone here today.\n\n" +
             shared + "\n\nClosing remark number " + std::to_string(i) + " ends it \xE2";
    docs.push_back(std::move(d));
  }
  std::vector<InputIssue> issues(2);
  issues[0] = {"in\xFFput.jsonl", 3, "invalid UTF-8 \xC3 in the text", false};
  issues[1] = {"other.jsonl", 0, "rejected: \"quoted\" \\ and \x01 control", true};
  for (UnitKind unit : {UnitKind::kParagraph, UnitKind::kDoc}) {
    ScanOptions opt;
    opt.unit = unit;
    opt.threshold = 0.3;
    const std::string report = ExpectSameReport(docs, issues, opt);
    EXPECT_NE(report.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD
    EXPECT_GT(ClusterCount(report), 0u);
  }
}

TEST(ReportStreamTest, EmptyResults) {
  const std::vector<Document> no_docs;
  const std::vector<InputIssue> no_issues;
  // Nothing at all: every array is [].
  const std::string empty = ExpectSameReport(no_docs, no_issues, ScanOptions());
  EXPECT_NE(empty.find("\"documents\": [],\n \"clusters\": [],\n \"issues\": [],"),
            std::string::npos)
      << empty;
  ExpectSameReport(no_docs, no_issues, ScanOptions(), /*timings=*/true);
  // Documents and an issue, but no cluster.
  std::vector<Document> docs(2);
  docs[0] = {"a.txt", "a", "a.txt", 0, "", "Nothing in this text is shared with the other one."};
  docs[1] = {"b.txt", "b", "b.txt", 0, "", "Entirely different words appear over here instead."};
  const std::vector<InputIssue> issues = {{"c.jsonl", 2, "line 2 is not JSON", true}};
  const std::string none = ExpectSameReport(docs, issues, ScanOptions());
  EXPECT_EQ(ClusterCount(none), 0u);
  EXPECT_NE(none.find("\"clusters\": [],"), std::string::npos);
}

TEST(ReportStreamTest, NestedQuotesAndEscapedCharacters) {
  // Quotes inside quotes, straight and curly; backslashes, tabs, control
  // characters, DEL, U+2028/2029, and newlines inside units (escaped as \n in
  // the JSON, so every raw '\n' of a dump is layout).
  const std::string quote =
      "\xE2\x80\x9CWe told them \xE2\x80\x98never again and never \\ "
      "backslash\xE2\x80\x99 and they\tlistened \x01\x1F\x7F carefully to every word "
      "we said that day,\xE2\x80\x9D said Maria Lopez";
  std::vector<Document> docs;
  for (int i = 0; i < 3; ++i) {
    Document d;
    d.id = "story \"" + std::to_string(i) + "\" \\ {x}: [y],";
    d.source = "wire\t" + std::to_string(i % 2);
    d.path = "dir/with \"quotes\"/f.jsonl";
    d.line = static_cast<uint64_t>(i + 1);
    d.date = "2024-03-0" + std::to_string(i + 1);
    d.text = "Headline number " + std::to_string(i) +
             " stands alone here.\n\nThe council voted late \xE2\x80\xA8 and the\nvote was "
             "close\xE2\x80\xA9. " + quote +
             ". She added: \"Nested 'single' and \\\"escaped\\\" quotes stay as "
             "they are in the text.\"\n\nThe end of story " +
             std::to_string(i) + ".";
    docs.push_back(std::move(d));
  }
  const std::vector<InputIssue> issues = {
      {"dir/with \"quotes\"/f.jsonl", 9, "warning with\ttab and \"quotes\" \\", false}};
  for (UnitKind unit : {UnitKind::kParagraph, UnitKind::kQuote, UnitKind::kDoc}) {
    SCOPED_TRACE(UnitKindName(unit));
    ScanOptions opt;
    opt.unit = unit;
    opt.pairs = PairListing::kAll;
    const std::string report = ExpectSameReport(docs, issues, opt);
    EXPECT_GT(ClusterCount(report), 0u);
    if (unit == UnitKind::kQuote) {  // a quote cluster with its speaker and marks
      EXPECT_NE(report.find("\"name\": \"Maria Lopez\""), std::string::npos);
    }
    EXPECT_NE(report.find("\\\\"), std::string::npos);
    EXPECT_NE(report.find("\\\""), std::string::npos);
  }
}

TEST(ReportStreamTest, ManyClustersOfAMutatedCorpus) {
  const uint64_t seed = testing::TestSeed(4242);
  SCOPED_TRACE("REPRINT_TEST_SEED=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const std::vector<Document> docs = testing::MutatedCorpus(150, rng);
  const std::vector<InputIssue> none;
  ScanOptions opt;
  opt.seed = seed;
  const std::string report = ExpectSameReport(docs, none, opt);
  EXPECT_GT(ClusterCount(report), 10u);
  opt.unit = UnitKind::kDoc;
  opt.pairs = PairListing::kAll;
  ExpectSameReport(docs, none, opt);
}

// A destination that takes `limit` bytes and then fails.
class FailingBuf : public std::streambuf {
 public:
  explicit FailingBuf(size_t limit) : limit_(limit) {}
  const std::string& taken() const { return taken_; }

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    const size_t take = std::min(static_cast<size_t>(n), limit_ - taken_.size());
    taken_.append(s, take);
    return static_cast<std::streamsize>(take);
  }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    if (taken_.size() >= limit_) return traits_type::eof();
    taken_.push_back(traits_type::to_char_type(c));
    return c;
  }

 private:
  size_t limit_;
  std::string taken_;
};

TEST(ReportStreamTest, StopsWhenTheDestinationFails) {
  std::mt19937_64 rng(7);
  const std::vector<Document> docs = testing::MutatedCorpus(150, rng);
  const std::vector<InputIssue> none;
  absl::StatusOr<ScanResult> r = Scan(docs, ScanOptions());
  ASSERT_TRUE(r.ok());
  const ReportInput in{docs, *r, none};
  const std::string full = RenderJson(in);
  ASSERT_GT(full.size(), 100000u);
  FailingBuf buf(1000);
  std::ostream out(&buf);
  WriteJson(in, out);
  EXPECT_FALSE(out.good());
  EXPECT_EQ(buf.taken(), full.substr(0, 1000));
}

}  // namespace
}  // namespace reprint

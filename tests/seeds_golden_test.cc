// End-to-end expectations on corpus/seeds, and the stored expected report.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/support/mutate.h"
#include "tests/support/source_cli.h"

namespace reprint {
namespace {

using Json = nlohmann::json;

// Runs the CLI from the source tree (so document paths are corpus/seeds/...).
std::string RunCli(const std::string& args, int* exit_code) {
  std::string out;
  *exit_code = testing::RunCliInSourceTree(args, &out);
  return out;
}

void CheckGolden(const std::string& args, const std::string& golden_path) {
  int rc = -1;
  const std::string actual = RunCli(args, &rc);
  ASSERT_EQ(rc, 0);
  const std::string path = std::string(REPRINT_SOURCE_DIR) + "/" + golden_path;
  if (std::getenv("REPRINT_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << path;
  }
  const std::string expected = testing::ReadSourceFile(golden_path);
  EXPECT_EQ(actual, expected) << "report differs from " << golden_path
                              << "; if the change is intended, rerun with REPRINT_UPDATE_GOLDEN=1";
}

TEST(SeedsGoldenTest, ParagraphReportMatchesStoredReport) {
  CheckGolden("scan --format json corpus/seeds", "tests/golden/seeds_paragraph.json");
}

TEST(SeedsGoldenTest, TextSummaryMatchesStoredSummary) {
  CheckGolden("scan corpus/seeds", "tests/golden/seeds_paragraph.txt");
}

TEST(SeedsGoldenTest, QuoteReportMatchesStoredReport) {
  CheckGolden("scan --unit quote --format json corpus/seeds", "tests/golden/seeds_quote.json");
}

TEST(SeedsGoldenTest, QuoteAuditMatchesStoredSummary) {
  CheckGolden("scan --unit quote corpus/seeds", "tests/golden/seeds_quote.txt");
}

class SeedsReport : public ::testing::Test {
 protected:
  void SetUp() override {
    int rc = -1;
    report_ = Json::parse(RunCli("scan --format json corpus/seeds", &rc));
    ASSERT_EQ(rc, 0);
  }
  // Clusters of `kind` having a member whose text contains `needle` (quote
  // clusters are checked in tests/seeds_quote_test.cc).
  std::vector<Json> ClustersWith(const std::string& needle,
                                 const std::string& kind = "repeated-passage") const {
    std::vector<Json> out;
    for (const Json& c : report_["clusters"]) {
      if (c["kind"] != kind) continue;
      for (const Json& m : c["members"]) {
        if (m["text"].get<std::string>().find(needle) != std::string::npos) {
          out.push_back(c);
          break;
        }
      }
    }
    return out;
  }
  Json report_;
};

TEST_F(SeedsReport, VersionAndParams) {
  EXPECT_EQ(report_["format"], "reprint-report");
  EXPECT_EQ(report_["version"], 2);
  EXPECT_EQ(report_["params"]["threshold"], 0.5);
  EXPECT_EQ(report_["params"]["num_perm"], 128);
  EXPECT_EQ(report_["documents"].size(), 5u);
}

TEST_F(SeedsReport, SpansAreOriginalBytes) {
  for (const Json& c : report_["clusters"]) {
    for (const Json& m : c["members"]) {
      const std::string file = testing::ReadSourceFile(m["doc"].get<std::string>());
      const size_t b = m["start"], e = m["end"];
      EXPECT_EQ(file.substr(b, e - b), m["text"].get<std::string>());
    }
  }
}

TEST_F(SeedsReport, DoubledBodyOf004IsFound) {
  int same_doc_pairs = 0;
  for (const Json& c : report_["clusters"]) {
    if (c["members"].size() != 2 || c["kind"] != "repeated-passage") continue;
    const Json& a = c["members"][0];
    const Json& b = c["members"][1];
    if (a["doc"] != b["doc"] || a["doc"].get<std::string>().find("004_") == std::string::npos) {
      continue;
    }
    EXPECT_EQ(c["kind"], "repeated-passage");
    EXPECT_EQ(a["text"], b["text"]);
    EXPECT_EQ(c["pairs"][0]["jaccard"], 1.0);
    ++same_doc_pairs;
  }
  EXPECT_EQ(same_doc_pairs, 14);  // every paragraph of the repeated body
}

TEST_F(SeedsReport, RasoolTrajectoryQuoteJoins000_001_002) {
  auto clusters = ClustersWith("This trajectory compels the Iraqi government");
  ASSERT_EQ(clusters.size(), 1u);
  std::set<std::string> docs;
  for (const Json& m : clusters[0]["members"]) docs.insert(m["doc"].get<std::string>().substr(13, 3));
  EXPECT_TRUE(docs.count("000") && docs.count("001") && docs.count("002"));
  // 000's standalone paragraph is contained in 001's longer one.
  bool contained = false;
  for (const Json& p : clusters[0]["pairs"]) {
    contained |= p["containment_a_in_b"] == 1.0 || p["containment_b_in_a"] == 1.0;
    EXPECT_EQ(p["estimated"], false);
  }
  EXPECT_TRUE(contained);
}

TEST_F(SeedsReport, ByThisActJoinsDespiteSpellingAndQuotes) {
  auto clusters = ClustersWith("jeopardize civil peace");  // 001's spelling
  ASSERT_EQ(clusters.size(), 1u);
  int with_000 = 0;
  for (const Json& m : clusters[0]["members"]) {
    with_000 += m["text"].get<std::string>().find("jeopardise civil peace") != std::string::npos;
  }
  EXPECT_EQ(with_000, 2);  // the paragraph and the pull quote of 000
}

TEST_F(SeedsReport, NoClusterOfBoilerplateOrCommonWords) {
  for (const Json& c : report_["clusters"]) {
    for (const Json& p : c["pairs"]) {
      const double best = std::max({p["jaccard"].get<double>(), p["containment_a_in_b"].get<double>(),
                                    p["containment_b_in_a"].get<double>()});
      EXPECT_GE(best, 0.5);
      EXPECT_GE(p["shared_shingles"].get<int>(), 3) << c["id"];
    }
  }
  EXPECT_TRUE(ClustersWith("Skip to").empty());
  EXPECT_TRUE(ClustersWith("newsletter").empty());
  EXPECT_TRUE(ClustersWith("Skip to", "quote").empty());
  EXPECT_TRUE(ClustersWith("newsletter", "quote").empty());
}

// The default paragraph scan also holds the quote clusters (quotes are units
// of their own, paired with quotes only).
TEST_F(SeedsReport, ParagraphScanHasQuoteClusters) {
  EXPECT_EQ(ClustersWith("This trajectory compels the Iraqi government", "quote").size(), 1u);
  EXPECT_EQ(ClustersWith("jeopardize civil peace", "quote").size(), 1u);
  EXPECT_EQ(report_["stats"]["quote_clusters"], 7);
  for (const Json& c : report_["clusters"]) {
    for (const Json& m : c["members"]) {
      EXPECT_EQ(m["unit"], c["kind"] == "quote" ? "quote" : "paragraph");
    }
  }
}

TEST_F(SeedsReport, TwoRunsSameBytes) {
  int rc = -1;
  EXPECT_EQ(RunCli("scan --format json corpus/seeds", &rc),
            RunCli("scan --format json --threads 2 corpus/seeds", &rc));
}

}  // namespace
}  // namespace reprint

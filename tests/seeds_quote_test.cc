// End-to-end: `reprint scan --unit quote` on corpus/seeds (the four quote
// trajectories of the issue), the JSON quote fields, and dates from JSONL.
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/support/mutate.h"
#include "tests/support/source_cli.h"
#include "tests/support/temp_dir.h"

namespace reprint {
namespace {

using Json = nlohmann::json;

// Runs the CLI from the source tree and returns its standard output.
std::string RunCli(const std::string& args, int* exit_code) {
  std::string out;
  *exit_code = testing::RunCliInSourceTree(args, &out);
  return out;
}

std::string Source(const Json& member) { return member["source"].get<std::string>().substr(0, 3); }

class SeedsQuoteReport : public ::testing::Test {
 protected:
  void SetUp() override {
    int rc = -1;
    report_ = Json::parse(RunCli("scan --unit quote --format json corpus/seeds", &rc));
    ASSERT_EQ(rc, 0);
  }
  // The quote cluster with a member whose text starts with `prefix`.
  const Json* ClusterStarting(const std::string& prefix) const {
    for (const Json& c : report_["clusters"]) {
      for (const Json& m : c["members"]) {
        if (m["text"].get<std::string>().rfind(prefix, 0) == 0) return &c;
      }
    }
    return nullptr;
  }
  static std::multiset<std::string> Sources(const Json& c, const std::string& match) {
    std::multiset<std::string> out;
    for (const Json& m : c["members"]) {
      if (m["match"] == match) out.insert(Source(m));
    }
    return out;
  }
  Json report_;
};

TEST_F(SeedsQuoteReport, ParamsAndKinds) {
  EXPECT_EQ(report_["params"]["unit"], "quote");
  EXPECT_EQ(report_["params"]["quote"]["min_words"], 6);
  EXPECT_EQ(report_["params"]["quote"]["variant_measure"], "content-word-jaccard");
  EXPECT_EQ(report_["params"]["quote"]["variant_threshold"], 0.3);
  ASSERT_FALSE(report_["clusters"].empty());
  for (const Json& c : report_["clusters"]) {
    EXPECT_EQ(c["kind"], "quote");
    ASSERT_TRUE(c.contains("quote"));
    for (const Json& m : c["members"]) EXPECT_EQ(m["unit"], "quote");
  }
  EXPECT_EQ(report_["stats"]["quote_clusters"], report_["clusters"].size());
}

TEST_F(SeedsQuoteReport, RasoolTrajectoryWithTranslationVariant) {
  const Json* c = ClusterStarting("This trajectory compels");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Sources(*c, "exact"), (std::multiset<std::string>{"000", "001", "002", "002", "002"}));
  EXPECT_EQ(Sources(*c, "variant"), (std::multiset<std::string>{"003"}));
  EXPECT_EQ((*c)["quote"]["speaker"]["key"], "rasl:y");
  EXPECT_EQ((*c)["quote"]["speaker"]["name"], "Yahya Rasool");
  EXPECT_EQ((*c)["quote"]["variants"], 1);
  const Json& fullest = (*c)["members"][(*c)["quote"]["fullest"].get<size_t>()];
  EXPECT_EQ(Source(fullest), "001");
  EXPECT_EQ((*c)["quote"]["earliest_by"], "input-order");
  EXPECT_EQ(Source((*c)["members"][(*c)["quote"]["earliest"].get<size_t>()]), "000");
  for (const Json& m : (*c)["members"]) {
    if (m["match"] != "variant") continue;
    EXPECT_TRUE(m["text"].get<std::string>().rfind("This path pushes", 0) == 0);
    EXPECT_EQ(m["variant"]["content_jaccard"], 0.5);
    EXPECT_EQ(m["speaker"]["name"], "Yehia Rasool");
  }
}

TEST_F(SeedsQuoteReport, ByThisActIn000TwiceAnd001WithWordDiffs) {
  const Json* c = ClusterStarting("By this act");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Sources(*c, "exact"), (std::multiset<std::string>{"000", "000", "001"}));
  EXPECT_EQ(Sources(*c, "variant"), std::multiset<std::string>{});
  EXPECT_EQ((*c)["quote"]["speaker"]["key"], "rasl:y");
  const Json& members = (*c)["members"];
  const Json& fullest = members[(*c)["quote"]["fullest"].get<size_t>()];
  EXPECT_EQ(Source(fullest), "001");
  EXPECT_TRUE(fullest["diff"].empty());
  // 000's paragraph: US -> American, jeopardize -> jeopardise, "Global" dropped.
  const Json& diff = members[0]["diff"];
  ASSERT_EQ(diff.size(), 3u);
  EXPECT_EQ(diff[0]["op"], "changed");
  EXPECT_EQ(diff[0]["fullest_text"], "US");
  EXPECT_EQ(diff[0]["text"], "American");
  EXPECT_EQ(diff[1]["op"], "spelling");
  EXPECT_EQ(diff[1]["fullest_text"], "jeopardize");
  EXPECT_EQ(diff[1]["text"], "jeopardise");
  EXPECT_EQ(diff[2]["op"], "dropped");
  EXPECT_EQ(diff[2]["fullest_text"], "Global");
  // Diff spans address the original bytes of both documents.
  const std::string member_file = testing::ReadSourceFile(members[0]["doc"].get<std::string>());
  const std::string fullest_file = testing::ReadSourceFile(fullest["doc"].get<std::string>());
  for (const Json& e : diff) {
    const size_t s = e["start"], t = e["end"], fs = e["fullest_start"], ft = e["fullest_end"];
    EXPECT_EQ(member_file.substr(s, t - s), e["text"].get<std::string>());
    EXPECT_EQ(fullest_file.substr(fs, ft - fs), e["fullest_text"].get<std::string>());
  }
}

TEST_F(SeedsQuoteReport, CentcomIn000_002_003_004) {
  const Json* c = ClusterStarting("directly planning and participating");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Sources(*c, "exact"), (std::multiset<std::string>{"000", "002", "003", "004", "004"}));
  EXPECT_EQ((*c)["quote"]["speaker"]["key"], "central command");
  std::set<std::string> keys;
  for (const Json& k : (*c)["quote"]["speaker"]["keys"]) keys.insert(k["key"]);
  // "US"; and "US Central Command", "US Central Command (CENTCOM)" and
  // "CENTCOM" (resolved to 002's "Central Command (CENTCOM)") as one key.
  EXPECT_EQ(keys.size(), 2u);
  EXPECT_TRUE(keys.count("us") && keys.count("central command"));
}

TEST_F(SeedsQuoteReport, KhazaliRepeatedInside004) {
  const Json* c = ClusterStarting("It is clear that denunciations and condemnations");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Sources(*c, "exact"), (std::multiset<std::string>{"004", "004"}));
  EXPECT_EQ((*c)["quote"]["speaker"]["name"], "Qais al-Khazali");
  EXPECT_EQ((*c)["members"][1]["diff"].size(), 0u);
}

TEST_F(SeedsQuoteReport, SpeakersAndSpansAreOriginalBytes) {
  int attributed = 0;
  for (const Json& c : report_["clusters"]) {
    for (const Json& m : c["members"]) {
      const std::string file = testing::ReadSourceFile(m["doc"].get<std::string>());
      const size_t b = m["start"], e = m["end"];
      EXPECT_EQ(file.substr(b, e - b), m["text"].get<std::string>());
      const size_t ob = m["marks"]["start"], oe = m["marks"]["end"];
      EXPECT_LE(ob, b);
      EXPECT_GE(oe, e);
      if (m["speaker"].is_null()) continue;
      ++attributed;
      const size_t sb = m["speaker"]["start"], se = m["speaker"]["end"];
      EXPECT_EQ(file.substr(sb, se - sb), m["speaker"]["name"].get<std::string>());
    }
  }
  EXPECT_GT(attributed, 0);
}

TEST_F(SeedsQuoteReport, TextSummaryReadsLikeAnAudit) {
  int rc = -1;
  const std::string text = RunCli("scan --unit quote corpus/seeds", &rc);
  ASSERT_EQ(rc, 0);
  EXPECT_NE(text.find("quote audit  speaker: Yahya Rasool (key rasl:y"), std::string::npos) << text;
  EXPECT_NE(text.find("000_6fa34ba821cba727 (earliest carrier, by input order)"),
            std::string::npos);
  EXPECT_NE(text.find("US -> American; jeopardize -> jeopardise (spelling); dropped \"Global\""),
            std::string::npos);
  EXPECT_NE(text.find("003_ffbb0596cbef440d (variant)"), std::string::npos);
  EXPECT_NE(text.find("variant, lower confidence (content-word jaccard 0.500"), std::string::npos);
  // The variant's word diff against the fullest wording, as for exact members.
  EXPECT_NE(text.find("        against the fullest: carries words 1-33 of 59; trajectory compels "
                      "-> path pushes; added \"before\"; terminate -> end"),
            std::string::npos);
}

// Dates come from the JSONL date field and pick the earliest carrier.
TEST(SeedsQuoteJsonl, EarliestCarrierFromJsonlDates) {
  testing::TempDir dir;
  std::string lines;
  const char* const dates[] = {"2024-02-08T12:00:00Z", "2024-02-08T07:30:00Z", "",
                               "2024-02-08T09:00:00+03:00"};
  const char* const files[] = {"000_6fa34ba821cba727", "001_c061e7b9e99da56e",
                               "002_e3ca70eda88bb4a3", "003_ffbb0596cbef440d"};
  for (int i = 0; i < 4; ++i) {
    Json rec{{"id", files[i]},
             {"outlet", std::string(files[i]).substr(0, 3)},
             {"text", testing::ReadSourceFile(std::string("corpus/seeds/") + files[i] + ".txt")}};
    if (*dates[i]) rec["published"] = dates[i];
    lines += rec.dump() + "\n";
  }
  const std::string path = dir.Write("seeds.jsonl", lines);
  int rc = -1;
  const Json report = Json::parse(RunCli(
      "scan --unit quote --format json --source-field outlet --date-field published '" + path + "'",
      &rc));
  ASSERT_EQ(rc, 0);
  EXPECT_EQ(report["documents"][1]["date"], "2024-02-08T07:30:00Z");
  EXPECT_FALSE(report["documents"][2].contains("date"));
  bool found = false;
  for (const Json& c : report["clusters"]) {
    if (c["members"][0]["text"].get<std::string>().rfind("This trajectory compels", 0) != 0)
      continue;
    found = true;
    EXPECT_EQ(c["quote"]["earliest_by"], "date");
    // 003 (06:00 UTC) carries only a variant: the earliest exact carrier is 001.
    EXPECT_EQ(c["members"][c["quote"]["earliest"].get<size_t>()]["source"], "001");
  }
  EXPECT_TRUE(found);
  const std::string text =
      RunCli("scan --unit quote --source-field outlet --date-field published '" + path + "'", &rc);
  EXPECT_NE(
      text.find("outlets: 003 (variant), 001 (earliest carrier, by date 2024-02-08T07:30:00Z)"),
      std::string::npos)
      << text;
}

}  // namespace
}  // namespace reprint

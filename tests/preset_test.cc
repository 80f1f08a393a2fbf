// Presets (reprint/preset.h) and the shingles the reprints preset uses:
// character shingles over the words run together, and hash sampling.
#include "reprint/preset.h"

#include <cstdlib>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "reprint/shingle.h"
#include "tests/support/source_cli.h"
#include "xxhash.h"

namespace reprint {
namespace {

NormalizedText Norm(const std::string& s, NormalizeOptions o = {}) {
  return Normalize(s, Span{0, static_cast<uint32_t>(s.size())}, o);
}

TEST(PresetTest, ParseNamesBoth) {
  EXPECT_EQ(*ParsePreset("default"), Preset::kDefault);
  EXPECT_EQ(*ParsePreset("reprints"), Preset::kReprints);
  absl::StatusOr<Preset> bad = ParsePreset("news");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("default or reprints"), std::string_view::npos);
}

TEST(PresetTest, DefaultIsTheScanOptionsDefault) {
  const ScanOptions d = PresetOptions(Preset::kDefault, UnitKind::kDoc);
  const ScanOptions plain;
  EXPECT_EQ(d.preset, "default");
  EXPECT_EQ(d.unit, UnitKind::kDoc);
  EXPECT_EQ(d.shingle.kind, plain.shingle.kind);
  EXPECT_EQ(d.shingle.size, plain.shingle.size);
  EXPECT_EQ(d.threshold, plain.threshold);
  EXPECT_FALSE(d.boilerplate.enabled);
  EXPECT_FALSE(d.normalize.ocr_fold);
  EXPECT_EQ(d.min_link_similarity, 0);
}

TEST(PresetTest, ReprintsValues) {
  for (UnitKind unit : {UnitKind::kDoc, UnitKind::kParagraph}) {
    const ScanOptions r = PresetOptions(Preset::kReprints, unit);
    EXPECT_TRUE(r.Validate().ok());
    EXPECT_EQ(r.preset, "reprints");
    EXPECT_EQ(r.unit, unit);
    EXPECT_TRUE(r.normalize.dehyphenate);
    EXPECT_TRUE(r.normalize.ocr_fold);
    EXPECT_EQ(r.shingle.kind, ShingleKind::kCharNoSpace);
    EXPECT_EQ(r.shingle.size, 10);
    EXPECT_EQ(r.shingle.sample, 4u);
    EXPECT_EQ(r.measure, Measure::kBoth);
    EXPECT_DOUBLE_EQ(r.threshold, 0.5);
    EXPECT_TRUE(r.boilerplate.enabled);
    EXPECT_DOUBLE_EQ(r.boilerplate.common_ratio, 4);
    EXPECT_DOUBLE_EQ(r.boilerplate.stock_ratio, 1.25);
    EXPECT_DOUBLE_EQ(r.boilerplate.min_own_share, 0.05);
    EXPECT_DOUBLE_EQ(r.min_link_similarity, 0.5);
  }
}

TEST(PresetTest, ReprintsValuesForQuotes) {
  // OCR repair and character shingles as for documents; every shingle kept;
  // no boilerplate removal or link pruning (docs/design.md).
  const ScanOptions q = PresetOptions(Preset::kReprints, UnitKind::kQuote);
  EXPECT_TRUE(q.Validate().ok());
  EXPECT_EQ(q.preset, "reprints");
  EXPECT_EQ(q.unit, UnitKind::kQuote);
  EXPECT_TRUE(q.normalize.dehyphenate);
  EXPECT_TRUE(q.normalize.ocr_fold);
  EXPECT_EQ(q.shingle.kind, ShingleKind::kCharNoSpace);
  EXPECT_EQ(q.shingle.size, 10);
  EXPECT_EQ(q.shingle.sample, 1u);
  EXPECT_FALSE(q.boilerplate.enabled);
  EXPECT_DOUBLE_EQ(q.min_link_similarity, 0);
  EXPECT_EQ(q.containment.window, 4);
}

TEST(PresetTest, CharNoSpaceKnownAnswers) {
  ShingleOptions opt;
  opt.kind = ShingleKind::kCharNoSpace;
  opt.size = 4;
  NormalizedText n = Norm("Ab, cd e");  // "ab cd e" -> "abcde"
  std::vector<uint64_t> s = Shingle(n, opt);
  ASSERT_EQ(s.size(), 2u);  // "abcd", "bcde"
  EXPECT_EQ(s[0], XXH3_64bits_withSeed("abcd", 4, 0));
  EXPECT_EQ(s[1], XXH3_64bits_withSeed("bcde", 4, 0));
  EXPECT_EQ(ShingleStartTokens(n, opt), (std::vector<uint32_t>{0, 0}));
  opt.size = 2;
  EXPECT_EQ(ShingleStartTokens(n, opt), (std::vector<uint32_t>{0, 0, 1, 1}));  // ab bc cd de
  EXPECT_EQ(std::string(ShingleKindName(opt.kind)), "char-nospace");
}

TEST(PresetTest, CharNoSpaceIgnoresStraySpaces) {
  ShingleOptions opt;
  opt.kind = ShingleKind::kCharNoSpace;
  opt.size = 5;
  EXPECT_EQ(Shingle(Norm("the wo rd is here"), opt), Shingle(Norm("the word is here"), opt));
  EXPECT_EQ(Shingle(Norm("the word is here"), opt), Shingle(Norm("thewordishere"), opt));
  opt.kind = ShingleKind::kChar;
  EXPECT_NE(Shingle(Norm("the wo rd is here"), opt), Shingle(Norm("the word is here"), opt));
}

TEST(PresetTest, SamplingKeepsAFixedShareByHash) {
  ShingleOptions all;
  all.kind = ShingleKind::kCharNoSpace;
  all.size = 6;
  ShingleOptions quarter = all;
  quarter.sample = 4;
  const NormalizedText n = Norm(
      "The harbour authority confirmed on Tuesday that the northern pier would close for "
      "repairs until the end of the summer season, affecting three ferry routes and the "
      "fishing fleet that has moored there since the war.");
  const std::vector<uint64_t> every = Shingle(n, all);
  const std::vector<uint64_t> kept = Shingle(n, quarter);
  std::vector<uint64_t> expected;
  std::vector<uint32_t> expected_starts;
  const std::vector<uint32_t> starts = ShingleStartTokens(n, all);
  for (size_t i = 0; i < every.size(); ++i) {
    if (every[i] % 4 == 0) {
      expected.push_back(every[i]);
      expected_starts.push_back(starts[i]);
    }
  }
  EXPECT_EQ(kept, expected);
  EXPECT_EQ(ShingleStartTokens(n, quarter), expected_starts);
  // About a quarter: 4 sigma of a binomial.
  const double share = static_cast<double>(kept.size()) / every.size();
  EXPECT_NEAR(share, 0.25, 4 * std::sqrt(0.25 * 0.75 / every.size()));
  ShingleOptions bad = all;
  bad.sample = 0;
  EXPECT_FALSE(bad.Validate().ok());
}

// Runs the CLI from the source tree; returns the exit code, *out gets stdout.
int RunCli(const std::string& args, std::string* out) {
  return testing::RunCliInSourceTree(args + " 2>/dev/null", out);
}

TEST(PresetCliTest, ReportPrintsThePresetAndExplicitFlagsWin) {
  std::string out;
  ASSERT_EQ(RunCli("scan --unit doc --preset reprints --format json -q corpus/seeds", &out), 0);
  nlohmann::json p = nlohmann::json::parse(out)["params"];
  EXPECT_EQ(p["preset"], "reprints");
  EXPECT_EQ(p["shingle"]["kind"], "char-nospace");
  EXPECT_EQ(p["shingle"]["size"], 10);
  EXPECT_EQ(p["shingle"]["sample"], 4);
  EXPECT_EQ(p["normalize"]["ocr_fold"], true);
  EXPECT_EQ(p["boilerplate"]["enabled"], true);
  EXPECT_EQ(p["boilerplate"]["common_ratio"], 4.0);
  EXPECT_EQ(p["min_link_similarity"], 0.5);
  EXPECT_EQ(p["threshold"], 0.5);

  ASSERT_EQ(RunCli("scan --unit doc --preset reprints --threshold 0.7 --shingle 4 --no-boilerplate "
                   "--no-ocr-repair --sample 1 --format json -q corpus/seeds",
                   &out),
            0);
  p = nlohmann::json::parse(out)["params"];
  EXPECT_EQ(p["preset"], "reprints");
  EXPECT_EQ(p["threshold"], 0.7);
  EXPECT_EQ(p["shingle"]["kind"], "word");
  EXPECT_EQ(p["shingle"]["size"], 4);
  EXPECT_EQ(p["shingle"]["sample"], 1);
  EXPECT_EQ(p["normalize"]["ocr_fold"], false);
  EXPECT_EQ(p["normalize"]["dehyphenate"], false);
  EXPECT_EQ(p["boilerplate"]["enabled"], false);
  EXPECT_EQ(p["min_link_similarity"], 0.5);  // not given: the preset's

  // --char-shingle keeps the preset's kind of character shingle.
  ASSERT_EQ(
      RunCli("scan --unit doc --preset reprints --char-shingle 7 --format json -q corpus/seeds",
             &out),
      0);
  p = nlohmann::json::parse(out)["params"];
  EXPECT_EQ(p["shingle"]["kind"], "char-nospace");
  EXPECT_EQ(p["shingle"]["size"], 7);

  ASSERT_EQ(RunCli("scan --unit doc --format json -q corpus/seeds", &out), 0);
  p = nlohmann::json::parse(out)["params"];
  EXPECT_EQ(p["preset"], "default");
  EXPECT_EQ(p["boilerplate"]["enabled"], false);
  EXPECT_EQ(p["shingle"]["kind"], "word");

  ASSERT_EQ(RunCli("scan --unit doc --preset reprints -q corpus/seeds", &out), 0);
  EXPECT_NE(out.find("preset: reprints"), std::string::npos) << out;
  EXPECT_NE(out.find("boilerplate: "), std::string::npos) << out;
}

TEST(PresetCliTest, UnknownPresetIsAUsageError) {
  std::string out;
  EXPECT_EQ(RunCli("scan --preset news corpus/seeds", &out), 2);
}

TEST(PresetCliTest, QuotesTakeThePreset) {
  std::string out;
  ASSERT_EQ(RunCli("scan --unit quote --preset reprints --format json -q corpus/seeds", &out), 0);
  const nlohmann::json r = nlohmann::json::parse(out);
  const nlohmann::json& p = r["params"];
  EXPECT_EQ(p["preset"], "reprints");
  EXPECT_EQ(p["shingle"]["kind"], "char-nospace");
  EXPECT_EQ(p["shingle"]["sample"], 1);
  EXPECT_EQ(p["normalize"]["ocr_fold"], true);
  EXPECT_EQ(p["boilerplate"]["enabled"], false);
  EXPECT_EQ(p["min_link_similarity"], 0.0);
  // The seeds' seven quote clusters are the same as with the default preset
  // (the four trajectories of tests/seeds_quote_test.cc among them).
  EXPECT_EQ(r["stats"]["clusters"], 7);
  EXPECT_EQ(r["stats"]["quote_clusters"], 7);
}

}  // namespace
}  // namespace reprint

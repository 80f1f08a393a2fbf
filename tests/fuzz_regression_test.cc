// Fuzz regressions: replays, in the normal gtest binary (and so under the
// sanitizer build too), every seed of tests/fuzz/corpus/<target>/ and every
// stored crash of tests/fuzz/regressions/<target>/ through the same checks the
// libFuzzer targets make (tests/fuzz/targets.h). Each crash the fuzzers found
// also has a named TEST below saying what broke and how it was fixed.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/normalize.h"
#include "reprint/quote.h"
#include "tests/fuzz/targets.h"
#include "tests/support/temp_dir.h"

namespace reprint {
namespace {

namespace fs = std::filesystem;

// Runs `target` on one input; a broken invariant (FuzzCheckFailure) or any
// other exception fails the test, naming the input.
void Replay(const fuzz::FuzzTarget& target, const std::string& bytes, const std::string& name) {
  try {
    target.run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  } catch (const std::exception& e) {
    ADD_FAILURE() << target.name << " on " << name << ": " << e.what();
  }
}

// Every file under tests/fuzz/<folder>/<target>/, for every target.
void ReplayFolder(const std::string& folder, size_t* count) {
  for (const fuzz::FuzzTarget& t : fuzz::kFuzzTargets) {
    const fs::path dir = fs::path(REPRINT_SOURCE_DIR) / "tests/fuzz" / folder / t.name;
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.is_regular_file()) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      Replay(t, testing::ReadBytes(f.string()), f.string());
      ++*count;
    }
  }
}

TEST(FuzzRegressionTest, EveryTargetHasASeedCorpus) {
  for (const fuzz::FuzzTarget& t : fuzz::kFuzzTargets) {
    const fs::path dir = fs::path(REPRINT_SOURCE_DIR) / "tests/fuzz/corpus" / t.name;
    EXPECT_TRUE(fs::is_directory(dir) && !fs::is_empty(dir)) << "no seeds in " << dir;
  }
}

TEST(FuzzRegressionTest, SeedCorporaPassTheFuzzChecks) {
  size_t count = 0;
  ReplayFolder("corpus", &count);
  EXPECT_GE(count, 10u);
}

TEST(FuzzRegressionTest, StoredCrashesPassTheFuzzChecks) {
  size_t count = 0;
  ReplayFolder("regressions", &count);  // may be empty
  SUCCEED() << count << " stored inputs replayed";
}

TEST(FuzzRegressionTest, EmptyAndTinyInputs) {
  for (const fuzz::FuzzTarget& t : fuzz::kFuzzTargets) {
    Replay(t, "", "empty input");
    for (int b = 0; b < 256; ++b) Replay(t, std::string(1, static_cast<char>(b)), "one byte");
    Replay(t, std::string(64, '\xFF'), "64 x 0xFF");
    Replay(t, std::string(64, '\0'), "64 NULs");
  }
}

// The documented exception to "token spans never overlap" (normalize_fuzz.h):
// one code point whose compatibility decomposition holds several words.
TEST(FuzzRegressionTest, MultiWordCodePointSharesItsBytes) {
  const std::string text = "a\xC2\xBD" "b \xE2\x84\x85";  // "a½b ℅"
  const NormalizedText n = Normalize(text, Span{0, static_cast<uint32_t>(text.size())});
  ASSERT_EQ(n.tokens.size(), 4u);
  EXPECT_EQ(n.word(n.tokens[0]), "a1");
  EXPECT_EQ(n.word(n.tokens[1]), "2b");
  EXPECT_EQ(n.word(n.tokens[2]), "c");
  EXPECT_EQ(n.word(n.tokens[3]), "o");
  EXPECT_EQ(n.tokens[0].orig, (Span{0, 3}));  // "a½"
  EXPECT_EQ(n.tokens[1].orig, (Span{1, 4}));  // "½b"
  EXPECT_EQ(n.tokens[2].orig, (Span{5, 8}));  // "℅"
  EXPECT_EQ(n.tokens[3].orig, (Span{5, 8}));
  // "½" and "1/2" normalize alike; that is why the words are not joined.
  const std::string ascii = "a1/2b c/o";
  const NormalizedText m = Normalize(ascii, Span{0, static_cast<uint32_t>(ascii.size())});
  EXPECT_EQ(m.text, n.text);
}

// quote: an unterminated quote cut short by resynchronisation (a second
// opening mark of its family) was cut at its last sentence end even when that
// fell inside a quote closed within it: « “ … t. ” « gave « … t. and “ … ”,
// which overlap without nesting. The cut now comes after the last quote
// found inside (quote.cc, OpenQuote::nested_end). Found by fuzz_quote.
TEST(FuzzRegressionTest, QuoteResyncCutNeverSplitsANestedQuote) {
  const std::string bytes = testing::ReadBytes(std::string(REPRINT_SOURCE_DIR) +
                                               "/tests/fuzz/regressions/quote/"
                                               "resync-cut-inside-nested-quote");
  ASSERT_EQ(bytes.size(), 20u);
  const std::string text = bytes.substr(4);  // after the 4 option bytes
  QuoteOptions opt;
  opt.include_nested = true;
  opt.min_words = 0;
  const std::vector<Quote> quotes = ExtractQuotes(text, opt);
  ASSERT_EQ(quotes.size(), 3u);  // « “…” (cut) , “…” inside it, and the second «
  EXPECT_EQ(quotes[0].style, QuoteStyle::kGuillemet);
  EXPECT_FALSE(quotes[0].closed);
  EXPECT_EQ(quotes[1].style, QuoteStyle::kCurlyDouble);
  EXPECT_TRUE(quotes[1].closed);
  EXPECT_EQ(quotes[1].depth, 1u);
  EXPECT_LE(quotes[1].outer.end, quotes[0].outer.end);  // nested, not crossing
  EXPECT_EQ(quotes[2].style, QuoteStyle::kGuillemet);
  EXPECT_GE(quotes[2].outer.begin, quotes[0].outer.end);
  // The same shape in plain words.
  const std::string words =
      "\xC2\xAB" "He said \xE2\x80\x9CWe stay. We fight.\xE2\x80\x9D \xC2\xAB" "Again, he said.";
  const std::vector<Quote> w = ExtractQuotes(words, opt);
  ASSERT_GE(w.size(), 2u);
  EXPECT_EQ(w[0].style, QuoteStyle::kGuillemet);
  EXPECT_GE(w[0].outer.end, w[1].outer.end) << "the cut fell inside the nested quote";
}

// quote: the documented exception to "a quote's marks lie in the paragraphs
// of its parts" (quote_fuzz.h). With wrapped_line_max 5 each line is a
// paragraph; "“T e" continues into "““", whose first mark is the
// continuation mark and whose second closes the quote. That paragraph holds
// no quoted text, so it adds no part: the quote is one part, not
// multi_paragraph, yet its closing mark is a paragraph later. Kept: parts
// (what was said) are right, and outer honestly spans both marks.
TEST(FuzzRegressionTest, QuoteMarksMayReachAParagraphWithoutText) {
  const std::string bytes = testing::ReadBytes(std::string(REPRINT_SOURCE_DIR) +
                                               "/tests/fuzz/regressions/quote/"
                                               "marks-reach-paragraph-without-text");
  ASSERT_EQ(bytes.size(), 17u);
  const std::string text = bytes.substr(4);
  EXPECT_EQ(text, "\xE2\x80\x9CT e\n\xE2\x80\x9C\xE2\x80\x9C");
  QuoteOptions opt;
  opt.min_words = 2;
  opt.segment.wrapped_line_max = 5;
  const std::vector<Quote> quotes = ExtractQuotes(text, opt);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_EQ(quotes[0].outer, (Span{0, 13}));
  EXPECT_EQ(quotes[0].inner, (Span{3, 6}));
  ASSERT_EQ(quotes[0].parts.size(), 1u);
  EXPECT_FALSE(quotes[0].multi_paragraph);
  EXPECT_TRUE(quotes[0].closed);
  EXPECT_EQ(quotes[0].words, 2u);

  // The same for an unterminated quote: "\0 continues into a paragraph
  // that opens with the continuation mark and then a new “, which cuts the
  // first quote short at its mark. Its inner span is the first paragraph's
  // text; outer runs on over the line break and the continuation mark.
  const std::string cut_bytes = testing::ReadBytes(std::string(REPRINT_SOURCE_DIR) +
                                                   "/tests/fuzz/regressions/quote/"
                                                   "unterminated-after-continuation-mark");
  ASSERT_EQ(cut_bytes.size(), 12u);
  const std::string cut = cut_bytes.substr(4);
  EXPECT_EQ(cut, std::string("\"\0\n\"\xE2\x80\x9Ci", 8));
  QuoteOptions all;
  all.min_words = 0;
  all.segment.wrapped_line_max = 1;
  const std::vector<Quote> q = ExtractQuotes(cut, all);
  ASSERT_EQ(q.size(), 2u);
  EXPECT_FALSE(q[0].closed);
  EXPECT_EQ(q[0].outer, (Span{0, 4}));
  EXPECT_EQ(q[0].inner, (Span{1, 2}));
  EXPECT_FALSE(q[0].multi_paragraph);
  EXPECT_EQ(q[1].style, QuoteStyle::kCurlyDouble);
  EXPECT_EQ(q[1].inner, (Span{7, 8}));
}

}  // namespace
}  // namespace reprint

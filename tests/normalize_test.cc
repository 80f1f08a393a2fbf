#include "reprint/normalize.h"

#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace reprint {
namespace {

std::vector<std::string> Words(std::string_view text, NormalizeOptions opt = {}) {
  NormalizedText n = Normalize(text, Span{0, static_cast<uint32_t>(text.size())}, opt);
  std::vector<std::string> out;
  for (const Token& t : n.tokens) out.emplace_back(n.word(t));
  return out;
}

using V = std::vector<std::string>;

TEST(NormalizeTest, CaseAndPunctuation) {
  EXPECT_EQ(Words("Hello,  WORLD! -- it's 2,500."), (V{"hello", "world", "its", "2", "500"}));
}

TEST(NormalizeTest, QuoteStylesAreIrrelevant) {
  const V expected{"by", "this", "act", "the", "us", "forces"};
  EXPECT_EQ(Words("\xE2\x80\x9C" "By this act, the US forces" "\xE2\x80\x9D"), expected);
  EXPECT_EQ(Words("\"By this act, the US forces\""), expected);
  EXPECT_EQ(Words("\xC2\xAB" "By this act, the US forces" "\xC2\xBB"), expected);
  EXPECT_EQ(Words("'By this act, the US forces'"), expected);
}

TEST(NormalizeTest, ApostrophesJoinInsideWords) {
  EXPECT_EQ(Words("Kata\xE2\x80\x99ib Iraq's don't"), (V{"kataib", "iraqs", "dont"}));
  // A closing quote after a word is not an apostrophe inside it.
  EXPECT_EQ(Words("'forces' safety"), (V{"forces", "safety"}));
}

TEST(NormalizeTest, InitialismsJoin) {
  EXPECT_EQ(Words("U.S. forces"), Words("US forces"));
  EXPECT_EQ(Words("the U.K. and U.S.-led"), (V{"the", "uk", "and", "us", "led"}));
  EXPECT_EQ(Words("Jan. 5 at noon."), (V{"jan", "5", "at", "noon"}));
  EXPECT_EQ(Words("J. Smith"), (V{"j", "smith"}));
}

TEST(NormalizeTest, DashesSeparate) {
  EXPECT_EQ(Words("US-led \xE2\x80\x94 coalition\xE2\x80\x93" "forces"),
            (V{"us", "led", "coalition", "forces"}));
}

TEST(NormalizeTest, UnicodeCompatibilityAndCaseFolding) {
  // Ligature fi, full-width A, sharp s, accents, Greek capital.
  EXPECT_EQ(Words("\xEF\xAC\x81nal \xEF\xBC\xA1" "bc Stra\xC3\x9F" "e Caf\xC3\xA9 \xCE\xA3\xCE\xA3"),
            (V{"final", "abc", "strasse", "cafe", "σσ"}));
  // Decomposed and precomposed e-acute give the same word.
  EXPECT_EQ(Words("cafe\xCC\x81"), Words("caf\xC3\xA9"));
}

TEST(NormalizeTest, SpellingVariantsFold) {
  EXPECT_EQ(Words("jeopardise"), Words("jeopardize"));
  EXPECT_EQ(Words("neighbourhood colour behaviour"), Words("neighborhood color behavior"));
  EXPECT_EQ(Words("organisation analysed centre travelled defence catalogue"),
            Words("organization analyzed center traveled defense catalog"));
  // Words that only look like variants stay apart from different words.
  EXPECT_EQ(Words("four hour your tour"), (V{"four", "hour", "your", "tour"}));
  NormalizeOptions off;
  off.fold_spelling = false;
  EXPECT_NE(Words("jeopardise", off), Words("jeopardize", off));
}

TEST(NormalizeTest, FoldSpellingKnownAnswers) {
  for (auto [in, out] : std::vector<std::pair<std::string, std::string>>{
           {"jeopardise", "jeopardize"}, {"realised", "realized"}, {"colours", "colors"},
           {"honourable", "honorable"}, {"theatre", "theater"}, {"rise", "rise"},
           {"house", "house"}, {"nourish", "nourish"}, {"cancelling", "canceling"}}) {
    std::string w = in;
    FoldSpelling(w);
    EXPECT_EQ(w, out) << in;
  }
}

TEST(NormalizeTest, EveryWordTheFoldChangesIsFoldedInText) {
  // Normalize skips the fold for a word whose last four letters end none of
  // the fold's patterns; FoldSpelling always runs it. Words ending in every
  // fold pattern after random stems, and random words over the letters of
  // the patterns, must come out of both alike, and many of them folded.
  const std::vector<std::string> endings = {
      "isations", "isation", "ising",  "isers",   "ised",     "ises",    "iser",    "ise",
      "ysing",    "ysed",    "yse",    "elling",  "ellers",   "elled",   "eller",   "tres",
      "tre",      "bres",    "bre",    "ogues",   "ogue",     "defence", "offence", "licence",
      "pretence", "our",     "ours",   "oured",   "ouring",   "ourings", "ourite",  "ourites",
      "ourable",  "ourably", "ourful", "ourhood", "ourhoods", "ourless", "ourist",  "ourists",
      "ourism",   "ourer",   "ourers"};
  const std::string letters = "ourisetlbygdnmacvfhp";
  std::mt19937 rng(11);
  auto stem = [&](size_t max_len) {
    std::string w;
    for (size_t k = rng() % (max_len + 1); k > 0; --k) w += letters[rng() % letters.size()];
    return w;
  };
  std::vector<std::string> words;
  for (const std::string& e : endings) {
    words.push_back(e);
    for (int k = 0; k < 400; ++k) words.push_back(stem(6) + e);
  }
  for (int k = 0; k < 100000; ++k) words.push_back(stem(10));
  size_t changed = 0;
  for (const std::string& w : words) {
    std::string folded = w;
    FoldSpelling(folded);
    changed += folded != w;
    const NormalizedText n = Normalize(w, Span{0, static_cast<uint32_t>(w.size())});
    ASSERT_EQ(n.text, w.empty() ? "" : folded) << w;
  }
  EXPECT_GT(changed, 8000u);  // 43 endings x 400 stems, about half of them folding
}

TEST(NormalizeTest, OffsetsMapBackToOriginalBytes) {
  const std::string text =
      "  \xE2\x80\x9CIt is clear,\xE2\x80\x9D Qais al-Khazali said \xE2\x80\x94 U.S. "
      "Caf\xC3\xA9 Iraq\xE2\x80\x99s.";
  NormalizedText n = Normalize(text, Span{0, static_cast<uint32_t>(text.size())});
  std::vector<std::string> originals;
  for (const Token& t : n.tokens) originals.push_back(text.substr(t.orig.begin, t.orig.size()));
  EXPECT_EQ(originals, (V{"It", "is", "clear", "Qais", "al", "Khazali", "said", "U.S", "Caf\xC3\xA9",
                          "Iraq\xE2\x80\x99s"}));
  // Every token re-normalizes from its own original bytes to the same word.
  for (const Token& t : n.tokens) {
    NormalizedText again = Normalize(text, t.orig);
    ASSERT_EQ(again.tokens.size(), 1u);
    EXPECT_EQ(again.word(again.tokens[0]), n.word(t));
  }
}

TEST(NormalizeTest, SpanIsRespectedAndOffsetsAreAbsolute) {
  const std::string text = "skip this. Keep these words";
  NormalizedText n = Normalize(text, Span{11, static_cast<uint32_t>(text.size())});
  ASSERT_EQ(n.tokens.size(), 3u);
  EXPECT_EQ(n.tokens[0].orig, (Span{11, 15}));
  EXPECT_EQ(n.text, "keep these words");
}

TEST(NormalizeTest, InvalidUtf8IsASeparator) {
  const std::string text = "good\xFF" "bad \xC3 ok\xE2\x80";
  NormalizedText n = Normalize(text, Span{0, static_cast<uint32_t>(text.size())});
  EXPECT_EQ(n.text, "good bad ok");
  EXPECT_EQ(n.invalid_utf8, 4u);  // FF, C3, and E2 80 (two bytes, no lead for 80)
  EXPECT_EQ(text.substr(n.tokens[1].orig.begin, n.tokens[1].orig.size()), "bad");
}

TEST(NormalizeTest, AsciiWordsOfEveryLengthAtEveryOffset) {
  // Runs of ASCII letters and digits end at the first other byte, whichever
  // byte it is and wherever it falls: random words of 1 to 40 letters and
  // digits between random separators, against the runs found byte by byte,
  // inside spans that start and end mid-word too.
  const std::string alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  // Not an apostrophe (' or `) or a dot: those may join words.
  const std::string separators = std::string(" ,-@[{/:\n\t_~\x7F!#") + '\0';
  std::mt19937 rng(5);
  NormalizeOptions opt;
  opt.fold_spelling = false;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    while (text.size() < 200) {
      const size_t len = 1 + rng() % 40;
      for (size_t k = 0; k < len; ++k) text += alnum[rng() % alnum.size()];
      const size_t gap = 1 + rng() % 3;
      for (size_t k = 0; k < gap; ++k) text += separators[rng() % separators.size()];
    }
    const uint32_t begin = rng() % 20;
    const uint32_t end = static_cast<uint32_t>(text.size()) - rng() % 20;
    std::vector<Span> want;
    for (uint32_t i = begin; i < end;) {
      if (!std::isalnum(static_cast<unsigned char>(text[i]))) {
        ++i;
        continue;
      }
      uint32_t j = i;
      while (j < end && std::isalnum(static_cast<unsigned char>(text[j]))) ++j;
      want.push_back(Span{i, j});
      i = j;
    }
    const NormalizedText n = Normalize(text, Span{begin, end}, opt);
    ASSERT_EQ(n.tokens.size(), want.size()) << "round " << round;
    for (size_t t = 0; t < want.size(); ++t) {
      EXPECT_EQ(n.tokens[t].orig, want[t]) << "round " << round << " token " << t;
      std::string lower = text.substr(want[t].begin, want[t].size());
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      EXPECT_EQ(n.word(n.tokens[t]), lower) << "round " << round << " token " << t;
    }
  }
}

TEST(NormalizeTest, CjkCharactersAreWords) {
  EXPECT_EQ(Words("\xE4\xB8\xAD\xE6\x96\x87 ok"), (V{"\xE4\xB8\xAD", "\xE6\x96\x87", "ok"}));
}

TEST(NormalizeTest, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(Words("").empty());
  EXPECT_TRUE(Words(" ... \xE2\x80\x94 \"' ").empty());
}

// Reusing one NormalizedText for texts of every kind (a long one first, then
// shorter ones, invalid UTF-8, OCR repair) leaves nothing of the earlier text.
TEST(NormalizeTest, IntoReusedBufferEqualsFresh) {
  const std::vector<std::string> texts = {
      "A long first paragraph, with \xE2\x80\x9Cquotes\xE2\x80\x9D and the colour of U.S. forces.",
      "short", "good\xFF" "bad \xC3 ok", "", "exam-\nple rnodern \xEF\xAC\x81ne"};
  for (bool repair : {false, true}) {
    NormalizeOptions opt;
    opt.dehyphenate = opt.ocr_fold = repair;
    NormalizedText reused;
    for (const std::string& t : texts) {
      const Span all{0, static_cast<uint32_t>(t.size())};
      const NormalizedText fresh = Normalize(t, all, opt);
      NormalizeInto(t, all, opt, &reused);
      EXPECT_EQ(reused.text, fresh.text) << t;
      EXPECT_EQ(reused.invalid_utf8, fresh.invalid_utf8) << t;
      ASSERT_EQ(reused.tokens.size(), fresh.tokens.size()) << t;
      for (size_t i = 0; i < fresh.tokens.size(); ++i) {
        EXPECT_EQ(reused.tokens[i].norm_begin, fresh.tokens[i].norm_begin);
        EXPECT_EQ(reused.tokens[i].norm_end, fresh.tokens[i].norm_end);
        EXPECT_EQ(reused.tokens[i].orig, fresh.tokens[i].orig);
      }
    }
  }
}

}  // namespace
}  // namespace reprint

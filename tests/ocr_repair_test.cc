// Normalization's OCR repairs (reprint/internal/ocr_repair.h): line-end
// dehyphenation and the confusion fold, with spans that still point at the
// original bytes.
#include "reprint/internal/ocr_repair.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/normalize.h"

namespace reprint {
namespace {

using V = std::vector<std::string>;

NormalizeOptions Repair(bool dehyphenate, bool fold) {
  NormalizeOptions o;
  o.dehyphenate = dehyphenate;
  o.ocr_fold = fold;
  return o;
}

NormalizedText Norm(std::string_view text, NormalizeOptions o) {
  return Normalize(text, Span{0, static_cast<uint32_t>(text.size())}, o);
}

V Words(std::string_view text, NormalizeOptions o) {
  NormalizedText n = Norm(text, o);
  V out;
  for (const Token& t : n.tokens) out.emplace_back(n.word(t));
  return out;
}

TEST(OcrRepairTest, OffByDefault) {
  EXPECT_EQ(Words("exam- ple c1ear", NormalizeOptions{}), (V{"exam", "ple", "c1ear"}));
}

TEST(OcrRepairTest, JoinsLineEndHyphenation) {
  const NormalizeOptions o = Repair(true, false);
  EXPECT_EQ(Words("an exam- ple here", o), (V{"an", "example", "here"}));
  EXPECT_EQ(Words("an exam-\nple here", o), (V{"an", "example", "here"}));
  EXPECT_EQ(Words("an exam-\r\n  ple here", o), (V{"an", "example", "here"}));
  // Soft hyphen, with or without a break after it.
  EXPECT_EQ(Words("an exam\xC2\xADple", o), (V{"an", "example"}));
  EXPECT_EQ(Words("an exam\xC2\xAD ple", o), (V{"an", "example"}));
  // Chains: "dem- o- cracy".
  EXPECT_EQ(Words("dem- o- cracy", o), (V{"democracy"}));
}

TEST(OcrRepairTest, KeepsRealHyphensAndBreaks) {
  const NormalizeOptions o = Repair(true, false);
  EXPECT_EQ(Words("well-known", o), (V{"well", "known"}));          // no space: a compound
  EXPECT_EQ(Words("exam -ple", o), (V{"exam", "ple"}));             // space before the hyphen
  EXPECT_EQ(Words("exam- Ple", o), (V{"exam", "ple"}));             // capital: a new word
  EXPECT_EQ(Words("exam-\n\nple", o), (V{"exam", "ple"}));          // a blank line
  EXPECT_EQ(Words("2020- 21", o), (V{"2020", "21"}));               // digits
  EXPECT_EQ(Words("exam\xE2\x80\x94 ple", o), (V{"exam", "ple"}));  // an em dash
}

TEST(OcrRepairTest, JoinedWordSpansBothHalves) {
  const std::string text = "An exam- ple.";
  NormalizedText n = Norm(text, Repair(true, true));
  ASSERT_EQ(n.tokens.size(), 2u);
  EXPECT_EQ(n.word(n.tokens[1]), "example");
  EXPECT_EQ(text.substr(n.tokens[1].orig.begin, n.tokens[1].orig.size()), "exam- ple");
  EXPECT_EQ(n.text, "an example");
}

TEST(OcrRepairTest, JoinedWordIsSpellingFolded) {
  EXPECT_EQ(Words("organ- isation neighbour- hood", Repair(true, false)),
            (V{"organization", "neighborhood"}));
}

TEST(OcrRepairTest, FoldKnownAnswers) {
  std::string w;
  auto fold = [&w](const char* s) {
    w = s;
    internal::OcrFoldWord(&w);
    return w;
  };
  EXPECT_EQ(fold("modern"), "modem");
  EXPECT_EQ(fold("rnodern"), "modem");
  EXPECT_EQ(fold("clear"), "elear");
  EXPECT_EQ(fold("c1ear"), "elear");
  EXPECT_EQ(fold("eiear"), "elear");
  EXPECT_EQ(fold("w0rd"), "word");
  EXPECT_EQ(fold("vvord"), "word");
  EXPECT_EQ(fold("caf\xC3\xA9"), "eaf\xC3\xA9");  // UTF-8 bytes untouched
}

TEST(OcrRepairTest, NoisyAndCleanTextAgree) {
  // Every confusion the generator makes, a hyphenated split: the same words.
  const NormalizeOptions o = Repair(true, true);
  EXPECT_EQ(Words("The rnodern 0ffice is c1ose to the exam- ple station", o),
            Words("The modern office is close to the example station", o));
  EXPECT_EQ(Words("lt is a co1lege", o), Words("It is a college", o));
}

TEST(OcrRepairTest, SpansStayInsideTheUnit) {
  const std::string text = "xx exam- ple yy";
  NormalizedText n = Normalize(text, Span{3, 12}, Repair(true, true));  // "exam- ple"
  ASSERT_EQ(n.tokens.size(), 1u);
  EXPECT_EQ(n.tokens[0].orig.begin, 3u);
  EXPECT_EQ(n.tokens[0].orig.end, 12u);
}

}  // namespace
}  // namespace reprint

#include "reprint/segment.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace reprint {
namespace {

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  for (const Span& s : SegmentParagraphs(text)) out.push_back(text.substr(s.begin, s.size()));
  return out;
}

using V = std::vector<std::string>;

TEST(SegmentTest, BlankLinesSeparateParagraphs) {
  EXPECT_EQ(Paragraphs("one two\n\n  three four  \n\n\n"), (V{"one two", "three four"}));
}

TEST(SegmentTest, HardWrappedBlockIsOneParagraph) {
  EXPECT_EQ(Paragraphs("a short wrapped line\nand its continuation\n\nnext"),
            (V{"a short wrapped line\nand its continuation", "next"}));
}

TEST(SegmentTest, LongLinesAreEachAParagraph) {
  const std::string a(150, 'a');
  const std::string b(120, 'b');
  EXPECT_EQ(Paragraphs(a + "\n" + b + "\nshort\n"), (V{a, b, "short"}));
}

TEST(SegmentTest, CrLfAndWhitespaceOnlyLines) {
  EXPECT_EQ(Paragraphs("first\r\n \t\r\nsecond\r\n"), (V{"first", "second"}));
}

TEST(SegmentTest, WholeTextTrims) {
  EXPECT_EQ(WholeText("  abc \n"), (Span{2, 5}));
  EXPECT_EQ(WholeText(" \n ").size(), 0u);
}

TEST(SegmentTest, EmptyText) { EXPECT_TRUE(SegmentParagraphs("").empty()); }

}  // namespace
}  // namespace reprint

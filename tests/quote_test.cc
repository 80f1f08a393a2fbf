#include "reprint/quote.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace reprint {
namespace {

using V = std::vector<std::string>;

std::string Sub(const std::string& text, Span s) { return text.substr(s.begin, s.size()); }

QuoteOptions AllQuotes() {
  QuoteOptions o;
  o.min_words = 0;
  return o;
}

// Inner text of every quote found.
V Inner(const std::string& text, const QuoteOptions& options = AllQuotes()) {
  V out;
  for (const Quote& q : ExtractQuotes(text, options)) out.push_back(Sub(text, q.inner));
  return out;
}

std::string ReadSeed(const std::string& name) {
  std::ifstream in(std::string(REPRINT_SOURCE_DIR) + "/corpus/seeds/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << name;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The quote whose inner text starts with `prefix`, or null.
const Quote* FindQuote(const std::string& text, const std::vector<Quote>& quotes,
                       const std::string& prefix) {
  for (const Quote& q : quotes) {
    if (Sub(text, q.inner).rfind(prefix, 0) == 0) return &q;
  }
  return nullptr;
}

TEST(QuoteTest, EveryStyle) {
  struct Case {
    std::string text;
    QuoteStyle style;
  };
  const std::vector<Case> cases = {
      {"He said \"one two three\" today.", QuoteStyle::kStraightDouble},
      {"He said 'one two three' today.", QuoteStyle::kStraightSingle},
      {"He said \u201cone two three\u201d today.", QuoteStyle::kCurlyDouble},
      {"He said \u2018one two three\u2019 today.", QuoteStyle::kCurlySingle},
      {"Er sagte \u201eeins zwei drei\u201c heute.", QuoteStyle::kLowDouble},
      {"Er sagte \u201aeins zwei drei\u2018 heute.", QuoteStyle::kLowSingle},
      {"Il a dit \u00abun deux trois\u00bb hier.", QuoteStyle::kGuillemet},
      {"Il a dit \u00ab un deux trois \u00bb hier.", QuoteStyle::kGuillemet},
      {"Er sagte \u00bbeins zwei drei\u00ab heute.", QuoteStyle::kGuillemet},
      {"Il a dit \u2039un deux trois\u203a hier.", QuoteStyle::kSingleGuillemet},
      {"Han sa \u201den tv\u00e5 tre\u201d idag.", QuoteStyle::kCurlyDouble},
  };
  for (const Case& c : cases) {
    const std::vector<Quote> q = ExtractQuotes(c.text, AllQuotes());
    ASSERT_EQ(q.size(), 1u) << c.text;
    EXPECT_EQ(q[0].style, c.style) << c.text;
    EXPECT_FALSE(q[0].mixed) << c.text;
    EXPECT_TRUE(q[0].closed) << c.text;
    EXPECT_EQ(q[0].words, 3u) << c.text;
    const std::string inner = Sub(c.text, q[0].inner);
    EXPECT_TRUE(inner.find(' ') != std::string::npos && inner.front() != ' ' && inner.back() != ' ')
        << c.text << " -> [" << inner << "]";
  }
}

// Marks are looked for eight bytes at a time: every style is found with its
// opening and closing marks at every offset from the paragraph's start, and
// near its end, and given paragraphs give what segmenting here gives.
TEST(QuoteTest, EveryStyleAtEveryOffset) {
  const std::vector<std::pair<std::string, std::string>> marks = {
      {"\"", "\""},         {"'", "'"},           {"\u201c", "\u201d"}, {"\u2018", "\u2019"},
      {"\u201e", "\u201c"}, {"\u00ab", "\u00bb"}, {"\u2039", "\u203a"}};
  for (const auto& [open, close] : marks) {
    for (size_t lead = 0; lead < 20; ++lead) {
      for (size_t tail = 0; tail < 10; ++tail) {
        const std::string words = "one two three";
        const std::string text = "Prior paragraph.\n\n" + std::string(lead, 'x') + " " + open +
                                 words + close + " " + std::string(tail, 'y') + " z";
        const std::vector<Quote> q = ExtractQuotes(text, AllQuotes());
        ASSERT_EQ(q.size(), 1u) << text;
        EXPECT_EQ(Sub(text, q[0].inner), words) << text;
        EXPECT_EQ(Sub(text, q[0].outer), open + words + close) << text;
        const std::vector<Span> paragraphs = SegmentParagraphs(text, AllQuotes().segment);
        const std::vector<Quote> given = ExtractQuotes(text, AllQuotes(), &paragraphs);
        ASSERT_EQ(given.size(), 1u);
        EXPECT_EQ(given[0].outer, q[0].outer);
      }
    }
  }
}

TEST(QuoteTest, OuterIncludesMarksInnerIsTrimmed) {
  const std::string t = "x \u201c  in side  \u201d y";
  const std::vector<Quote> q = ExtractQuotes(t, AllQuotes());
  ASSERT_EQ(q.size(), 0u);  // a curly mark followed by a space does not open
  const std::string u = "x \u201cin side\u201d y";
  const std::vector<Quote> r = ExtractQuotes(u, AllQuotes());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(Sub(u, r[0].outer), "\u201cin side\u201d");
  EXPECT_EQ(Sub(u, r[0].inner), "in side");
  ASSERT_EQ(r[0].parts.size(), 1u);
  EXPECT_EQ(r[0].parts[0], r[0].inner);
}

TEST(QuoteTest, MixedPairs) {
  // Seed 000: straight open, curly close; and the reverse.
  const std::string a = "death in a \"unilateral strike\u201d in Baghdad.";
  std::vector<Quote> q = ExtractQuotes(a, AllQuotes());
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(Sub(a, q[0].inner), "unilateral strike");
  EXPECT_TRUE(q[0].mixed);
  EXPECT_EQ(q[0].style, QuoteStyle::kStraightDouble);
  const std::string b = "was \u201cresponsible for the attacks\".";
  q = ExtractQuotes(b, AllQuotes());
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(Sub(b, q[0].inner), "responsible for the attacks");
  EXPECT_TRUE(q[0].mixed);
  EXPECT_EQ(q[0].style, QuoteStyle::kCurlyDouble);
  // German „…” (Polish style) is a usual pair, not mixed.
  const std::string c = "sagte \u201eeins zwei\u201d heute";
  q = ExtractQuotes(c, AllQuotes());
  ASSERT_EQ(q.size(), 1u);
  EXPECT_FALSE(q[0].mixed);
}

TEST(QuoteTest, ApostrophesAreNotQuotes) {
  for (const std::string& t : {
           std::string("the Kata\u2019ib Hezbollah and Iraq\u2019s and Sudani\u2019s men"),
           std::string("don't and can't and won't"),
           std::string("music of the \u201990s and the '80s was loud"),
           std::string("in Wednesday\u2019s strike and Wednesday's attack"),
           std::string("the forces' safety and the countries\u2019 leaders"),
           std::string("charge d\u2019affaires and MEE's newsletters"),
       }) {
    EXPECT_EQ(Inner(t), V{}) << t;
  }
}

TEST(QuoteTest, ApostrophesInsideQuotes) {
  const std::string t =
      "Iraq's army said \u2018Iraq\u2019s forces and Kata\u2019ib don't care about the "
      "\u201990s\u2019 "
      "today.";
  EXPECT_EQ(Inner(t), (V{"Iraq\u2019s forces and Kata\u2019ib don't care about the \u201990s"}));
}

TEST(QuoteTest, PluralPossessiveInsideSingleQuote) {
  const std::string t = "He said 'the soldiers' families are safe now' and left.";
  EXPECT_EQ(Inner(t), (V{"the soldiers' families are safe now"}));
  // With no later closing mark, the s' closes the quote.
  const std::string u = "He called them 'the soldiers' and left.";
  EXPECT_EQ(Inner(u), (V{"the soldiers"}));
}

TEST(QuoteTest, PossessiveAfterStraightDoubleQuote) {
  // Seed 002: the ' in forces' must not open or close anything.
  const std::string t = "against anyone who \"threatens our forces' safety.\"";
  EXPECT_EQ(Inner(t), (V{"threatens our forces' safety."}));
}

TEST(QuoteTest, NestedQuotesStayInside) {
  const std::string t =
      "She said \u201cthe sign read \u2018no entry here\u2019 and we left at once\u201d yesterday.";
  const std::vector<Quote> top = ExtractQuotes(t, AllQuotes());
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(Sub(t, top[0].inner), "the sign read \u2018no entry here\u2019 and we left at once");
  EXPECT_EQ(top[0].depth, 0u);

  QuoteOptions nested = AllQuotes();
  nested.include_nested = true;
  const std::vector<Quote> all = ExtractQuotes(t, nested);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].depth, 0u);
  EXPECT_EQ(all[1].depth, 1u);
  EXPECT_EQ(Sub(t, all[1].inner), "no entry here");
  EXPECT_EQ(all[1].style, QuoteStyle::kCurlySingle);

  // Straight marks nest the same way.
  EXPECT_EQ(Inner("He said \"they told me 'go home now' and I did\" then."),
            (V{"they told me 'go home now' and I did"}));
}

TEST(QuoteTest, MinWordsFilters) {
  const std::string t =
      "It was a \u201cdynamic\u201d hit. He said \u201cwe will not flatter any country at "
      "all\u201d.";
  QuoteOptions o;  // min_words = 6
  EXPECT_EQ(Inner(t, o), (V{"we will not flatter any country at all"}));
  o.min_words = 1;
  EXPECT_EQ(Inner(t, o), (V{"dynamic", "we will not flatter any country at all"}));
  o.min_words = 9;
  EXPECT_EQ(Inner(t, o), V{});
}

TEST(QuoteTest, CountQuoteWords) {
  const std::string t = "one two-three  \u2014 four, 5 \u00a0six\u00a0seven";
  EXPECT_EQ(CountQuoteWords(t, Span{0, static_cast<uint32_t>(t.size())}), 6u);
  EXPECT_EQ(CountQuoteWords(t, Span{0, 0}), 0u);
}

TEST(QuoteTest, UnterminatedQuoteEndsAtParagraph) {
  const std::string t =
      "He said \u201cthis never closes and goes on\n\nA new paragraph \u201cthat is closed\u201d "
      "here.\n\nThe end.";
  const std::vector<Quote> q = ExtractQuotes(t, AllQuotes());
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(Sub(t, q[0].inner), "this never closes and goes on");
  EXPECT_FALSE(q[0].closed);
  EXPECT_EQ(Sub(t, q[1].inner), "that is closed");
  EXPECT_TRUE(q[1].closed);

  QuoteOptions drop = AllQuotes();
  drop.keep_unterminated = false;
  EXPECT_EQ(Inner(t, drop), (V{"that is closed"}));
}

TEST(QuoteTest, UnterminatedQuoteResynchronisesAtNextOpening) {
  // Seed 002: an unclosed quote followed by a new one in the same paragraph.
  const std::string t =
      "According to the CENTCOM, the airstrike \"killed a Kataib Hezbollah commander responsible "
      "for attacks in the region. The US vowed to continue its strikes against anyone who "
      "\"threatens our forces' safety.\"\n\nNext paragraph.";
  const std::vector<Quote> q = ExtractQuotes(t, AllQuotes());
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(Sub(t, q[0].inner),
            "killed a Kataib Hezbollah commander responsible for attacks in the region.");
  EXPECT_FALSE(q[0].closed);
  EXPECT_EQ(Sub(t, q[1].inner), "threatens our forces' safety.");
  EXPECT_TRUE(q[1].closed);
}

TEST(QuoteTest, UnterminatedSingleQuoteIsDropped) {
  EXPECT_EQ(Inner("Rock 'em all night long and more.\n\nThen 'a real quote' here."),
            (V{"a real quote"}));
}

TEST(QuoteTest, UnterminatedQuoteDoesNotHideLaterQuotes) {
  std::string t = "Stray \u201cstart of nothing\n\n";
  for (int i = 0; i < 5; ++i)
    t += "Then \u201cquote number " + std::to_string(i) + "\u201d ok.\n\n";
  const std::vector<Quote> q = ExtractQuotes(t, AllQuotes());
  ASSERT_EQ(q.size(), 6u);
  EXPECT_EQ(Sub(t, q[5].inner), "quote number 4");
}

TEST(QuoteTest, MultiParagraphConvention) {
  const std::string t =
      "He said: \u201cThe first paragraph of the statement.\n\n"
      "\u201cThe second paragraph goes on.\n\n"
      "\u201cAnd the third one closes it.\u201d\n\n"
      "Then the story continues \u201cwith another quote\u201d here.";
  const std::vector<Quote> q = ExtractQuotes(t, AllQuotes());
  ASSERT_EQ(q.size(), 2u);
  EXPECT_TRUE(q[0].multi_paragraph);
  EXPECT_TRUE(q[0].closed);
  EXPECT_EQ(q[0].outer.begin, t.find("\u201cThe first"));
  EXPECT_EQ(q[0].outer.end, t.find("\u201d\n\nThen") + 3);
  ASSERT_EQ(q[0].parts.size(), 3u);
  EXPECT_EQ(Sub(t, q[0].parts[0]), "The first paragraph of the statement.");
  EXPECT_EQ(Sub(t, q[0].parts[1]), "The second paragraph goes on.");
  EXPECT_EQ(Sub(t, q[0].parts[2]), "And the third one closes it.");
  EXPECT_EQ(q[0].words, 17u);
  EXPECT_EQ(Sub(t, q[1].inner), "with another quote");

  QuoteOptions off = AllQuotes();
  off.multi_paragraph = false;
  const std::vector<Quote> r = ExtractQuotes(t, off);
  ASSERT_EQ(r.size(), 4u);
  EXPECT_FALSE(r[0].closed);
  EXPECT_FALSE(r[1].closed);
  EXPECT_TRUE(r[2].closed);
}

TEST(QuoteTest, MultiParagraphSingleQuotes) {
  const std::string t = "\u2018One paragraph here.\n\n\u2018And a second one.\u2019\n\nNarrative.";
  const std::vector<Quote> q = ExtractQuotes(t, AllQuotes());
  ASSERT_EQ(q.size(), 1u);
  EXPECT_TRUE(q[0].multi_paragraph);
  EXPECT_EQ(q[0].style, QuoteStyle::kCurlySingle);
}

TEST(QuoteTest, NoQuoteAcrossParagraphsWithoutConvention) {
  const std::string t = "He said \"first part\n\nsecond part\" and left.";
  const std::vector<Quote> q = ExtractQuotes(t, AllQuotes());
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(Sub(t, q[0].inner), "first part");
  EXPECT_FALSE(q[0].closed);
}

TEST(QuoteTest, SeedKnownAnswers) {
  const QuoteOptions o;  // min_words = 6
  struct Expect {
    const char* seed;
    const char* prefix;
  };
  const std::vector<Expect> expects = {
      {"000_6fa34ba821cba727.txt", "This trajectory compels the Iraqi government"},
      {"001_c061e7b9e99da56e.txt", "This trajectory compels the Iraqi government"},
      {"002_e3ca70eda88bb4a3.txt", "This trajectory compels the Iraqi government"},
      {"003_ffbb0596cbef440d.txt", "This path pushes the Iraqi government"},
      {"000_6fa34ba821cba727.txt", "responsible for directly planning and participating"},
      {"002_e3ca70eda88bb4a3.txt", "killed a Kataib Hezbollah commander responsible for directly"},
      {"003_ffbb0596cbef440d.txt", "responsible for directly planning and participating"},
      {"004_07ee8de466f1c881.txt", "directly planning and participating in attacks"},
      {"004_07ee8de466f1c881.txt", "It is clear that denunciations"},
      {"000_6fa34ba821cba727.txt", "By this act, the American forces"},
      {"001_c061e7b9e99da56e.txt", "Iraq is not an arena for settling scores"},
  };
  for (const Expect& e : expects) {
    const std::string text = ReadSeed(e.seed);
    const std::vector<Quote> q = ExtractQuotes(text, o);
    EXPECT_NE(FindQuote(text, q, e.prefix), nullptr) << e.seed << ": " << e.prefix;
  }
}

TEST(QuoteTest, SeedCountsAndShape) {
  const QuoteOptions o;
  const std::vector<std::pair<const char*, size_t>> counts = {{"000_6fa34ba821cba727.txt", 4},
                                                              {"001_c061e7b9e99da56e.txt", 5},
                                                              {"002_e3ca70eda88bb4a3.txt", 5},
                                                              {"003_ffbb0596cbef440d.txt", 3},
                                                              {"004_07ee8de466f1c881.txt", 8}};
  for (const auto& [seed, n] : counts) {
    const std::string text = ReadSeed(seed);
    const std::vector<Quote> q = ExtractQuotes(text, o);
    EXPECT_EQ(q.size(), n) << seed;
    for (size_t i = 0; i < q.size(); ++i) {
      EXPECT_GE(q[i].words, 6u);
      EXPECT_EQ(q[i].depth, 0u);
      EXPECT_LE(q[i].outer.begin, q[i].inner.begin);
      EXPECT_LE(q[i].inner.end, q[i].outer.end);
      if (i > 0) {
        EXPECT_LE(q[i - 1].outer.end, q[i].outer.begin) << seed;
      }
    }
  }
  // 000: the pull quote in straight single quotes, whole.
  const std::string t0 = ReadSeed("000_6fa34ba821cba727.txt");
  const std::vector<Quote> q0 = ExtractQuotes(t0, o);
  const Quote* pull = FindQuote(t0, q0, "By this act, the American forces");
  ASSERT_NE(pull, nullptr);
  pull = &q0[3];
  EXPECT_EQ(pull->style, QuoteStyle::kStraightSingle);
  EXPECT_EQ(Sub(t0, pull->inner).substr(Sub(t0, pull->inner).size() - 12), "our citizens");
  // 000: the mixed pair “…" around the CENTCOM quote.
  const Quote* centcom = FindQuote(t0, q0, "responsible for directly");
  ASSERT_NE(centcom, nullptr);
  EXPECT_TRUE(centcom->mixed);
  // 002: the unclosed CENTCOM quote ends at its sentence.
  const std::string t2 = ReadSeed("002_e3ca70eda88bb4a3.txt");
  const std::vector<Quote> q2 = ExtractQuotes(t2, o);
  const Quote* killed = FindQuote(t2, q2, "killed a Kataib");
  ASSERT_NE(killed, nullptr);
  EXPECT_FALSE(killed->closed);
  EXPECT_EQ(Sub(t2, killed->inner).back(), '.');
  EXPECT_EQ(Sub(t2, killed->inner).find("vowed"), std::string::npos);
  // 004: both copies of Khazali's quote.
  const std::string t4 = ReadSeed("004_07ee8de466f1c881.txt");
  int khazali = 0;
  for (const Quote& q : ExtractQuotes(t4, o)) {
    khazali += Sub(t4, q.inner).rfind("It is clear that denunciations", 0) == 0;
  }
  EXPECT_EQ(khazali, 2);
}

TEST(QuoteTest, ArbitraryBytesAreSafe) {
  uint32_t seed = 20240208;
  if (const char* env = std::getenv("REPRINT_TEST_SEED"))
    seed = static_cast<uint32_t>(std::atoi(env));
  SCOPED_TRACE("seed " + std::to_string(seed) + " (override with REPRINT_TEST_SEED)");
  std::mt19937 rng(seed);
  const std::vector<std::string> pieces = {
      "\"",       "'",      "\u201c", "\u201d", "\u2018", "\u2019", "\u201e", "\u00ab", "\u00bb",
      "\u2039",   "\u203a", " ",      "\n",     "\n\n",   "word",   "s",      ".",      ",",
      "\xE2\x80", "\xC2",   "\xFF",   "\x80",   "(",      "-",      "9"};
  QuoteOptions nested = AllQuotes();
  nested.include_nested = true;
  for (int iter = 0; iter < 2000; ++iter) {
    std::string t;
    const int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) {
      if (rng() % 5 == 0) {
        t.push_back(static_cast<char>(rng() & 0xFF));
      } else {
        t += pieces[rng() % pieces.size()];
      }
    }
    for (const Quote& q : ExtractQuotes(t, nested)) {
      ASSERT_LE(q.outer.begin, q.inner.begin);
      ASSERT_LE(q.inner.begin, q.inner.end);
      ASSERT_LE(q.inner.end, q.outer.end);
      ASSERT_LE(q.outer.end, t.size());
      ASSERT_FALSE(q.parts.empty());
      for (const Span& p : q.parts) {
        ASSERT_LE(q.inner.begin, p.begin);
        ASSERT_LT(p.begin, p.end);
        ASSERT_LE(p.end, q.inner.end);
      }
    }
  }
}

TEST(QuoteTest, LinearOnLongInputs) {
  // Many unterminated openers and apostrophes in one paragraph: must finish
  // quickly (a quadratic scan would take minutes at this size).
  std::string t;
  for (int i = 0; i < 200000; ++i) t += "a \"b c's d. ";
  const std::vector<Quote> q = ExtractQuotes(t, AllQuotes());
  EXPECT_EQ(q.size(), 200000u);
  std::string u(1 << 20, '"');
  EXPECT_TRUE(ExtractQuotes(u, AllQuotes()).empty());
}

TEST(QuoteTest, OptionsValidate) {
  QuoteOptions o;
  EXPECT_TRUE(o.Validate().ok());
  o.segment.wrapped_line_max = 0;
  EXPECT_FALSE(o.Validate().ok());
}

TEST(QuoteTest, StyleNames) {
  EXPECT_STREQ(QuoteStyleName(QuoteStyle::kCurlyDouble), "curly_double");
  EXPECT_STREQ(QuoteStyleName(QuoteStyle::kGuillemet), "guillemet");
}

}  // namespace
}  // namespace reprint

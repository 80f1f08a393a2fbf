// The HTML report's C++ side: escaping known answers, UTF-8 repair with its
// UTF-16 offset map, and a page rendered from hostile documents in which no
// document byte can open or close an element. tests/html_browser_test.cc
// checks the same page in a real browser.
#include "reprint/html_report.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "reprint/internal/html_assets.h"
#include "reprint/passages.h"
#include "reprint/scan.h"
#include "tests/support/mutate.h"

namespace reprint {
namespace {

using Json = nlohmann::json;

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// UTF-8 (valid) to UTF-16 code units, for checking offsets as JavaScript sees them.
std::u16string Utf16(const std::string& s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (cp >= 0x10000) {
      out += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
    i += len;
  }
  return out;
}

TEST(HtmlEscapeTest, EscapesTheFiveCharacters) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\" title='y'>&amp;</a>"),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape("plain text, caf\xC3\xA9"), "plain text, caf\xC3\xA9");
  EXPECT_EQ(HtmlEscape(""), "");
}

TEST(HtmlEscapeTest, ReplacesInvalidUtf8) {
  EXPECT_EQ(HtmlEscape("a\xFF<b"), "a\xEF\xBF\xBD&lt;b");
  // A truncated sequence before a markup character cannot swallow it.
  EXPECT_EQ(HtmlEscape("\xE2\x82<"), "\xEF\xBF\xBD\xEF\xBF\xBD&lt;");
}

TEST(ScriptSafeJsonTest, NoMarkupCanCloseTheDataBlock) {
  const Json in = {{"t", "</script><script>alert(1)</script><!-- & -->"},
                   {"u", "line\xE2\x80\xA8sep\xE2\x80\xA9"}};
  const std::string safe = ScriptSafeJson(in.dump());
  EXPECT_EQ(safe.find('<'), std::string::npos);
  EXPECT_EQ(safe.find('>'), std::string::npos);
  EXPECT_EQ(safe.find('&'), std::string::npos);
  EXPECT_EQ(safe.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_NE(safe.find("\\u003c/script\\u003e"), std::string::npos);
  EXPECT_EQ(Json::parse(safe), in);  // the escapes are JSON: the data is unchanged
}

TEST(AppendValidUtf8Test, MapsBytesToUtf16Offsets) {
  std::string out = "prefix";
  std::vector<uint32_t> at;
  // a, é (2 bytes), 😀 (4 bytes, 2 UTF-16 units), an invalid byte, z.
  AppendValidUtf8("a\xC3\xA9\xF0\x9F\x98\x80\xFFz", &out, &at);
  EXPECT_EQ(out, "prefixa\xC3\xA9\xF0\x9F\x98\x80\xEF\xBF\xBDz");
  EXPECT_EQ(at, (std::vector<uint32_t>{0, 1, 1, 2, 2, 2, 2, 4, 5, 6}));
}

TEST(AppendValidUtf8Test, RejectsOverlongSurrogatesAndTruncation) {
  const std::string r = "\xEF\xBF\xBD";
  struct Case {
    std::string in;
    std::string out;
  };
  for (const Case& c : std::vector<Case>{
           {"\xC0\xAF", r + r},                  // overlong '/'
           {"\xE0\x80\xAF", r + r + r},          // overlong, 3 bytes
           {"\xED\xA0\x80", r + r + r},          // UTF-16 surrogate
           {"\xF4\x90\x80\x80", r + r + r + r},  // above U+10FFFF
           {"\xE2\x82", r + r},                  // truncated at the end
           {"\xE2\x82x", r + r + "x"},           // truncated before ASCII
           {"\xE2\x82\xAC", "\xE2\x82\xAC"},     // the euro sign is fine
       }) {
    std::string out;
    std::vector<uint32_t> at;
    AppendValidUtf8(c.in, &out, &at);
    EXPECT_EQ(out, c.out) << c.in;
    EXPECT_EQ(at.size(), c.in.size() + 1);
    EXPECT_EQ(at.back(), Utf16(out).size());
  }
}

TEST(HtmlAssetsTest, ScriptUsesNoHtmlSinks) {
  const std::string js = internal::kHtmlJs;
  for (const char* sink : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                           "eval(", "Function(", "</script", "<!--"}) {
    EXPECT_EQ(js.find(sink), std::string::npos) << sink;
  }
  EXPECT_EQ(std::string(internal::kHtmlCss).find("</style"), std::string::npos);
}

constexpr char kHostile[] =
    "Officials said <script>alert(1)</script> the council will meet again on Monday to "
    "discuss the budget \"><img src=x onerror=alert(1)> and the new harbour plans \xFF\xFE "
    "for the city centre, with \xF0\x9F\x98\x80 residents invited to speak at the meeting.";

class HostileReport : public ::testing::Test {
 protected:
  void SetUp() override {
    docs_.push_back(Document{.id = "</script><script>alert(3)</script>",
                             .source = "<b>bold</b>",
                             .path = "a",
                             .line = 0,
                             .date = "",
                             .text = std::string("First report.\n\n") + kHostile + "\n"});
    docs_.push_back(Document{
        .id = "b'\"&",
        .source = "b",
        .path = "b",
        .line = 0,
        .date = "",
        .text = std::string("Second, edited:\n\n") + kHostile + " Tickets cost nothing.\n"});
    absl::StatusOr<ScanResult> r = Scan(docs_, ScanOptions());
    ASSERT_TRUE(r.ok()) << r.status();
    result_ = *r;
    // One paragraph cluster (quote clusters may come with it).
    for (size_t c = 0; c < result_.clusters.size(); ++c) {
      if (result_.units[result_.clusters[c].members[0]].kind == UnitKind::kParagraph) {
        ASSERT_EQ(paragraph_cluster_, -1);
        paragraph_cluster_ = static_cast<int>(c);
      }
    }
    ASSERT_GE(paragraph_cluster_, 0);
    passages_ = AlignListedPairs(docs_, result_, ListedPassagesOptions());
    html_ = RenderHtml(ReportInput{docs_, result_, issues_, false, &passages_});
  }
  // The embedded JSON, parsed.
  Json Data() const {
    const std::string open = "<script type=\"application/json\" id=\"reprint-data\">";
    const size_t b = html_.find(open);
    EXPECT_NE(b, std::string::npos);
    const size_t e = html_.find("</script>", b);
    return Json::parse(html_.substr(b + open.size(), e - b - open.size()));
  }
  std::vector<Document> docs_;
  std::vector<InputIssue> issues_;
  ScanResult result_;
  ListedPassages passages_;
  std::string html_;
  int paragraph_cluster_ = -1;
};

TEST_F(HostileReport, NoDocumentByteBecomesMarkup) {
  EXPECT_EQ(Count(html_, "<script"), 2u);  // the data block and the viewer
  EXPECT_EQ(Count(html_, "</script>"), 2u);
  EXPECT_EQ(html_.find("<img"), std::string::npos);
  EXPECT_EQ(html_.find("<b>"), std::string::npos);
  EXPECT_EQ(html_.find("<!--"), std::string::npos);
  EXPECT_EQ(html_.find("\xFF"), std::string::npos);  // the page is valid UTF-8
  EXPECT_NE(html_.find("Content-Security-Policy"), std::string::npos);
}

TEST_F(HostileReport, DataBlockKeepsTheTextExactly) {
  const Json data = Data();
  EXPECT_EQ(data["format"], "reprint-report");
  EXPECT_EQ(data["version"], 2);
  EXPECT_EQ(data["documents"][0]["id"], docs_[0].id);
  EXPECT_EQ(data["documents"][0]["source"], "<b>bold</b>");
  const std::string text = data["clusters"][paragraph_cluster_]["members"][0]["text"];
  EXPECT_NE(text.find("<script>alert(1)</script>"), std::string::npos);
  EXPECT_NE(text.find("\"><img src=x onerror=alert(1)>"), std::string::npos);
  EXPECT_NE(text.find("plans \xEF\xBF\xBD\xEF\xBF\xBD for"),
            std::string::npos);  // one U+FFFD a byte
}

TEST_F(HostileReport, ViewOffsetsAreUtf16OffsetsOfThePassages) {
  const Json data = Data();
  const Json& c = data["clusters"][paragraph_cluster_];
  ASSERT_EQ(c["pairs"].size(), 1u);
  const Json& pair = c["pairs"][0];
  ASSERT_EQ(pair["passages"].size(), 1u);
  ASSERT_EQ(pair["view"].size(), 1u);
  const std::u16string a = Utf16(c["members"][pair["a"].get<size_t>()]["text"]);
  const std::u16string b = Utf16(c["members"][pair["b"].get<size_t>()]["text"]);
  const Json& v = pair["view"][0];
  const std::u16string in_a = a.substr(v[0], v[1].get<size_t>() - v[0].get<size_t>());
  const std::u16string in_b = b.substr(v[2], v[3].get<size_t>() - v[2].get<size_t>());
  // The passage runs from the first to the last matched word, in both texts.
  EXPECT_EQ(in_a, in_b);
  EXPECT_EQ(in_a.substr(0, 17), u"Officials said <s");
  EXPECT_EQ(in_a.substr(in_a.size() - 7), u"meeting");
  // The byte spans say the same about the original documents.
  const Json& p = pair["passages"][0];
  const std::string bytes =
      docs_[0].text.substr(p["a_start"], p["a_end"].get<size_t>() - p["a_start"].get<size_t>());
  EXPECT_EQ(bytes.substr(0, 14), "Officials said");
  EXPECT_EQ(p["words_edited"], 0);
}

TEST_F(HostileReport, HeaderPrintsVersionAndEscapedParameters) {
  EXPECT_NE(html_.find("version <span id=\"report-version\">2</span>"), std::string::npos);
  EXPECT_NE(html_.find("<tr><th>threshold</th><td>0.5</td></tr>"), std::string::npos);
  EXPECT_NE(html_.find("<tr><th>align.band</th><td>16</td></tr>"), std::string::npos);
}

TEST_F(HostileReport, SameBytesWithPassagesComputedInside) {
  EXPECT_EQ(RenderHtml(ReportInput{docs_, result_, issues_}), html_);
}

// The quote audit: every member of a quote cluster gets `quote_view`, what it
// changed against the fullest wording and (all but the fullest) a one-passage
// view against it; the variant, in no pair, can be shown side by side.
class QuoteAuditHtml : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* seed : {"000_6fa34ba821cba727", "001_c061e7b9e99da56e", "002_e3ca70eda88bb4a3",
                             "003_ffbb0596cbef440d"}) {
      const std::string path = std::string("corpus/seeds/") + seed + ".txt";
      docs_.push_back(Document{path, std::string(seed).substr(0, 3), path, 0, "",
                               testing::ReadSourceFile(path)});
    }
    // Hostile text in a quote cluster with a variant (Biden alone may be Joe).
    const std::string q =
        "\u201c<script>alert(5)</script> We will not abandon the people of Ukraine in this "
        "war,\u201d ";
    docs_.push_back(Document{"h1", "h1", "h1", 0, "", "Kyiv.\n\n" + q + "Joe Biden said.\n"});
    docs_.push_back(Document{"h2", "h2", "h2", 0, "", "Kyiv.\n\n" + q + "Joe Biden told us.\n"});
    docs_.push_back(Document{"h3", "\"><img src=x onerror=alert(7)>", "h3", 0, "",
                             "Dover.\n\n\u201cWe will never abandon the people of Ukraine "
                             "<img src=x onerror=alert(6)> during the war,\u201d Biden "
                             "said.\n"});
    ScanOptions opt;
    opt.unit = UnitKind::kQuote;
    absl::StatusOr<ScanResult> r = Scan(docs_, opt);
    ASSERT_TRUE(r.ok()) << r.status();
    result_ = *r;
    html_ = RenderHtml(ReportInput{docs_, result_, issues_});
    const std::string open = "<script type=\"application/json\" id=\"reprint-data\">";
    const size_t b = html_.find(open);
    const size_t e = html_.find("</script>", b);
    data_ = Json::parse(html_.substr(b + open.size(), e - b - open.size()));
  }
  // The cluster with a member starting with `prefix`.
  const Json* ClusterStarting(const std::string& prefix) const {
    for (const Json& c : data_["clusters"]) {
      for (const Json& m : c["members"]) {
        if (m["text"].get<std::string>().rfind(prefix, 0) == 0) return &c;
      }
    }
    return nullptr;
  }
  // The variant member of cluster `c`.
  static const Json* Variant(const Json& c) {
    for (const Json& m : c["members"]) {
      if (m["match"] == "variant") return &m;
    }
    return nullptr;
  }
  static std::u16string Slice(const Json& member, size_t b, size_t e) {
    return Utf16(member["text"].get<std::string>()).substr(b, e - b);
  }
  std::vector<Document> docs_;
  std::vector<InputIssue> issues_;
  ScanResult result_;
  std::string html_;
  Json data_;
};

TEST_F(QuoteAuditHtml, VariantHasASideBySideViewAgainstTheFullest) {
  const Json* c = ClusterStarting("This trajectory compels");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ((*c)["quote"]["speaker"]["key"], "rasl:y");
  const size_t fullest = (*c)["quote"]["fullest"];
  const Json& full = (*c)["members"][fullest];
  EXPECT_EQ(full["quote_view"]["changes"], "fullest wording");
  EXPECT_FALSE(full["quote_view"].contains("view"));
  const Json* v = Variant(*c);
  ASSERT_NE(v, nullptr);
  const Json& qv = (*v)["quote_view"];
  EXPECT_EQ(qv["with"], fullest);
  EXPECT_EQ(qv["changes"].get<std::string>().rfind(
                "carries words 1-33 of 59; trajectory compels -> path pushes; added \"before\"", 0),
            0u)
      << qv["changes"];
  ASSERT_EQ(qv["view"].size(), 1u);
  const Json& p = qv["view"][0];
  // A = the fullest member, B = the variant: from the first to the last
  // shared word ("This" ... "conflict"), the rest of 001's quote outside.
  const std::u16string a = Slice(full, p[0], p[1]);
  const std::u16string b = Slice(*v, p[2], p[3]);
  EXPECT_EQ(a.substr(0, 23), u"This trajectory compels");
  EXPECT_EQ(a.substr(a.size() - 8), u"conflict");
  EXPECT_EQ(b.substr(0, 16), u"This path pushes");
  EXPECT_EQ(b.substr(b.size() - 8), u"conflict");
  ASSERT_GE(p[4].size(), 3u);
  const Json& first = p[4][0];
  EXPECT_EQ(Slice(full, first[0], first[1]), u"trajectory compels");
  EXPECT_EQ(Slice(*v, first[2], first[3]), u"path pushes");
  const Json& added = p[4][1];  // "before": nothing on the fullest side
  EXPECT_EQ(added[0], added[1]);
  EXPECT_EQ(Slice(*v, added[2], added[3]), u"before");
  // Exact members get a view too (they also have pairs).
  for (const Json& m : (*c)["members"]) {
    if (&m != &full) {
      EXPECT_TRUE(m["quote_view"].contains("view"));
    }
  }
}

TEST_F(QuoteAuditHtml, ScriptRendersTheAuditAndMemberViews) {
  const std::string js = internal::kHtmlJs;
  for (const char* s : {"Quote audit", "lower confidence", "&member=", "quote_view",
                        "side by side with [", "Earliest carrier", "Fullest wording"}) {
    EXPECT_NE(js.find(s), std::string::npos) << s;
  }
}

TEST_F(QuoteAuditHtml, HostileQuoteAndVariantStayText) {
  const Json* c = ClusterStarting("<script>alert(5)</script> We will not");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ((*c)["quote"]["speaker"]["key"], "badn:j");
  const Json* v = Variant(*c);
  ASSERT_NE(v, nullptr);
  EXPECT_EQ((*v)["speaker"]["name"], "Biden");
  EXPECT_NE((*v)["text"].get<std::string>().find("<img src=x onerror=alert(6)>"),
            std::string::npos);
  // The changes text carries the hostile words as data.
  EXPECT_NE((*v)["quote_view"]["changes"].get<std::string>().find("onerror=alert(6)>"),
            std::string::npos)
      << (*v)["quote_view"]["changes"];
  EXPECT_EQ(Count(html_, "<script"), 2u);
  EXPECT_EQ(html_.find("<img"), std::string::npos);
}

}  // namespace
}  // namespace reprint

// Released texts: read again from their files, they are the bytes first read
// (whole files, JSONL records with escapes and CRLF line ends), a scan of
// released documents reports the same bytes as one of held documents, and a
// file that changes or vanishes is named, never silently misread.
#include "reprint/document_text.h"

#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/ingest.h"
#include "reprint/report.h"
#include "reprint/scan.h"
#include "tests/support/mutate.h"
#include "tests/support/temp_dir.h"

namespace reprint {
namespace {

using testing::TempDir;

IngestResult Read(const std::vector<std::string>& paths, bool release) {
  IngestOptions opt;
  opt.release_text = release;
  return Ingest(paths, opt);
}

// A JSON string literal of s.
std::string Quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

TEST(DocumentTextTest, ReleasedTextsReadBackAsFirstRead) {
  TempDir dir;
  dir.Write("c/a.txt", "A whole file.\n\nWith \xE2\x80\x9Cquotes\xE2\x80\x9D and two paragraphs.\n");
  dir.Write("c/b.jsonl",
            "{\"id\":\"1\",\"text\":\"first \\\"record\\\"\\nline two \\u00e9\"}\r\n"
            "\n"
            "{\"text\":\"ignored\",\"id\":\"2\",\"text\":\"the last text field counts\"}\n"
            "{\"id\":\"3\",\"text\":\"no line end at the end\"}");
  const IngestResult held = Read({dir.Path("c")}, false);
  const IngestResult released = Read({dir.Path("c")}, true);
  ASSERT_EQ(held.documents.size(), 4u);
  ASSERT_EQ(released.documents.size(), 4u);
  for (size_t i = 0; i < held.documents.size(); ++i) {
    const Document& d = released.documents[i];
    EXPECT_TRUE(d.released()) << i;
    EXPECT_TRUE(d.text.empty()) << i;
    EXPECT_EQ(d.size(), held.documents[i].text.size()) << i;
    EXPECT_EQ(TextOf(d), held.documents[i].text) << i;
    EXPECT_EQ(SpanText(d, Span{2, 9}), held.documents[i].text.substr(2, 7)) << i;
  }
  // Every text read again while the cache holds others, in any order.
  for (size_t i = held.documents.size(); i-- > 0;) {
    EXPECT_EQ(TextOf(released.documents[i]), held.documents[i].text) << i;
  }
  EXPECT_TRUE(TextStatus(released.documents).ok());
}

TEST(DocumentTextTest, StandardInputIsNeverReleased) {
  std::istringstream in("text from a pipe\n");
  IngestOptions opt;
  opt.release_text = true;
  const IngestResult r = Ingest({"-"}, opt, &in);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_FALSE(r.documents[0].released());
  EXPECT_EQ(TextOf(r.documents[0]), "text from a pipe\n");
}

TEST(DocumentTextTest, ReleaseTextLaterGivesTheSameDocuments) {
  TempDir dir;
  dir.Write("a.txt", "alpha beta gamma\n");
  IngestResult r = Read({dir.Path("a.txt")}, false);
  EXPECT_EQ(ReleaseText(&r.documents), 17u);
  EXPECT_TRUE(r.documents[0].released());
  EXPECT_EQ(TextOf(r.documents[0]), "alpha beta gamma\n");
}

TEST(DocumentTextTest, ChangedFileIsNamedAndReadsAsSpaces) {
  TempDir dir;
  const std::string a = dir.Write("a.txt", "original words here\n");
  const std::string b = dir.Write("b.jsonl", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n");
  const IngestResult r = Read({a, b}, true);
  ASSERT_EQ(r.documents.size(), 3u);
  dir.Write("a.txt", "changed words here!\n");  // same length, other bytes
  dir.Write("b.jsonl", "{\"text\":\"one\"}\n[\"no longer an object\"]\n");
  EXPECT_EQ(TextOf(r.documents[0]), std::string(20, ' '));
  absl::Status s = TextStatus(r.documents);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(a), std::string::npos) << s;
  EXPECT_NE(s.message().find("changed"), std::string::npos) << s;
  EXPECT_EQ(TextOf(r.documents[1]), "one");
  EXPECT_EQ(TextOf(r.documents[2]), "   ");
  bool named = false;
  for (const Document& d : r.documents) {
    if (d.origin.file->path == b) {
      const absl::Status f = d.origin.file->status();
      named = !f.ok() && f.message().find(b + ":2:") != std::string::npos;
    }
  }
  EXPECT_TRUE(named);
}

TEST(DocumentTextTest, VanishedFileIsNamed) {
  TempDir dir;
  const std::string a = dir.Write("a.txt", "soon gone\n");
  const IngestResult r = Read({a}, true);
  ASSERT_EQ(r.documents.size(), 1u);
  std::remove(a.c_str());
  EXPECT_EQ(TextOf(r.documents[0]), std::string(10, ' '));
  const absl::Status s = TextStatus(r.documents);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find(a), std::string::npos) << s;
}

// The same corpus scanned from held and from released texts gives the same
// report, as files and as JSONL, for every unit kind.
TEST(DocumentTextTest, ScansOfReleasedTextsReportTheSameBytes) {
  std::mt19937_64 rng(testing::TestSeed(9));
  const std::vector<Document> corpus = testing::MutatedCorpus(60, rng);
  TempDir dir;
  std::string jsonl;
  for (size_t i = 0; i < corpus.size(); ++i) {
    dir.Write("files/" + std::to_string(1000 + i) + ".txt", corpus[i].text);
    jsonl += "{\"id\":\"" + std::to_string(i) + "\",\"text\":" + Quoted(corpus[i].text) + "}\n";
  }
  dir.Write("all.jsonl", jsonl);
  for (const std::string& input : {dir.Path("files"), dir.Path("all.jsonl")}) {
    const IngestResult held = Read({input}, false);
    const IngestResult released = Read({input}, true);
    ASSERT_EQ(held.documents.size(), corpus.size());
    for (UnitKind unit : {UnitKind::kDoc, UnitKind::kParagraph}) {
      ScanOptions opt;
      opt.unit = unit;
      opt.threads = 2;
      absl::StatusOr<ScanResult> a = Scan(held.documents, opt);
      absl::StatusOr<ScanResult> b = Scan(released.documents, opt);
      ASSERT_TRUE(a.ok() && b.ok());
      EXPECT_GT(a->stats.verified_pairs, 0u);
      EXPECT_EQ(RenderJson(ReportInput{released.documents, *b, released.issues}),
                RenderJson(ReportInput{held.documents, *a, held.issues}))
          << input << " " << UnitKindName(unit);
      EXPECT_EQ(RenderText(ReportInput{released.documents, *b, released.issues}),
                RenderText(ReportInput{held.documents, *a, held.issues}));
    }
  }
}

TEST(DocumentTextTest, ScanFailsWhenATextChanged) {
  TempDir dir;
  const std::string text = "one two three four five six seven eight nine ten\n";
  const std::string a = dir.Write("a.txt", text);
  dir.Write("b.txt", text);
  const IngestResult r = Read({dir.Path("a.txt"), dir.Path("b.txt")}, true);
  dir.Write("a.txt", "one two three four five six seven eight nine TEN\n");
  ScanOptions opt;
  opt.unit = UnitKind::kDoc;
  absl::StatusOr<ScanResult> s = Scan(r.documents, opt);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find(a), std::string::npos) << s.status();
}

}  // namespace
}  // namespace reprint

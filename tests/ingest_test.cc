// Ingest: bad input is rejected with the file (and line) named while the rest
// of the corpus is still read; odd but usable input is accepted with a
// warning; folders are read recursively in sorted order.
#include "reprint/ingest.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/peak_rss.h"
#include "tests/support/temp_dir.h"
#include "tests/support/unprivileged.h"

namespace reprint {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::vector<std::string> PathsOf(const IngestResult& r) {
  std::vector<std::string> out;
  for (const Document& d : r.documents) out.push_back(d.path);
  return out;
}

std::vector<std::string> IdsOf(const IngestResult& r) {
  std::vector<std::string> out;
  for (const Document& d : r.documents) out.push_back(d.id);
  return out;
}

std::string DescribeIssues(const IngestResult& r) {
  std::string out;
  for (const InputIssue& i : r.issues) out += i.ToString() + "\n";
  return out;
}

// Words that make distinct shingles: "w<number>" drawn from a fixed seed.
std::string VariedWords(size_t bytes, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int> pick(0, 4999);
  std::string out;
  out.reserve(bytes + 16);
  while (out.size() < bytes) {
    if (!out.empty()) out += ' ';
    out += 'w';
    out += std::to_string(pick(rng));
  }
  return out;
}

TEST(IngestTest, PlainFileIsOneDocumentWithExactBytes) {
  TempDir dir;
  const std::string text = "First paragraph.\r\n\r\nSecond one, with \xC3\xA9 accents.\n";
  const std::string path = dir.Write("news/article.txt", text);
  IngestResult r = Ingest({path}, IngestOptions());
  EXPECT_TRUE(r.issues.empty()) << DescribeIssues(r);
  ASSERT_EQ(r.documents.size(), 1u);
  const Document& d = r.documents[0];
  EXPECT_EQ(d.id, path);
  EXPECT_EQ(d.path, path);
  EXPECT_EQ(d.source, "article");
  EXPECT_EQ(d.line, 0u);
  EXPECT_EQ(d.text, text);
  EXPECT_EQ(r.bytes_read, text.size());
  EXPECT_FALSE(r.any_rejected());
}

TEST(IngestTest, BinaryFileIsRejectedAndTheRestIsRead) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", "alpha text\n");
  const std::string bin = dir.Write("c/b.bin", std::string("GIF89a\0\0\x01\x02", 10));
  const std::string c = dir.Write("c/c.txt", "gamma text\n");
  IngestResult r = Ingest({dir.Path("c")}, IngestOptions());
  EXPECT_EQ(PathsOf(r), (std::vector<std::string>{a, c}));
  ASSERT_EQ(r.issues.size(), 1u) << DescribeIssues(r);
  EXPECT_EQ(r.issues[0].path, bin);
  EXPECT_EQ(r.issues[0].line, 0u);
  EXPECT_TRUE(r.issues[0].rejected);
  EXPECT_NE(r.issues[0].message.find("binary"), std::string::npos) << r.issues[0].message;
  EXPECT_NE(r.issues[0].message.find("offset 6"), std::string::npos) << r.issues[0].message;
  EXPECT_TRUE(r.any_rejected());
}

TEST(IngestTest, BrokenJsonlLinesAreRejectedByLineAndTheRestIsRead) {
  TempDir dir;
  const std::string path = dir.Write("feed.jsonl",
                                     "{\"id\":\"one\",\"text\":\"first record\"}\n"   // 1
                                     "{\"id\":\"two\",\"text\":\"unterminated\n"      // 2
                                     "[\"an\",\"array\"]\n"                           // 3
                                     "42\n"                                           // 4
                                     "\"just a string\"\n"                            // 5
                                     "{\"id\":\"six\",\"body\":\"no text field\"}\n"  // 6
                                     "{\"id\":\"seven\",\"text\":7}\n"                // 7
                                     "{\"id\":\"eight\",\"text\":null}\n"             // 8
                                     "{\"id\":\"nine\",\"text\":{\"a\":1}}\n"         // 9
                                     "{\"id\":\"ten\",\"text\":\"last record\"}\n");  // 10
  const std::string after = dir.Write("z.txt", "a plain file after the JSONL\n");
  IngestResult r = Ingest({path, after}, IngestOptions());
  ASSERT_EQ(r.documents.size(), 3u) << DescribeIssues(r);
  EXPECT_EQ(r.documents[0].id, "one");
  EXPECT_EQ(r.documents[0].line, 1u);
  EXPECT_EQ(r.documents[0].text, "first record");
  EXPECT_EQ(r.documents[1].id, "ten");
  EXPECT_EQ(r.documents[1].line, 10u);
  EXPECT_EQ(r.documents[2].path, after);

  struct Want {
    uint64_t line;
    const char* says;
  };
  const std::vector<Want> want = {{2, "not valid JSON"},
                                  {3, "must be a JSON object"},
                                  {4, "must be a JSON object"},
                                  {5, "must be a JSON object"},
                                  {6, "\"text\""},
                                  {7, "\"text\""},
                                  {8, "\"text\""},
                                  {9, "\"text\""}};
  ASSERT_EQ(r.issues.size(), want.size()) << DescribeIssues(r);
  for (size_t i = 0; i < want.size(); ++i) {
    SCOPED_TRACE(r.issues[i].ToString());
    EXPECT_EQ(r.issues[i].path, path);
    EXPECT_EQ(r.issues[i].line, want[i].line);
    EXPECT_TRUE(r.issues[i].rejected);
    EXPECT_NE(r.issues[i].message.find(want[i].says), std::string::npos);
    EXPECT_EQ(
        r.issues[i].ToString().rfind(path + ":" + std::to_string(want[i].line) + ": error: ", 0),
        0u);
  }
}

TEST(IngestTest, JsonlRecordFieldsAndDefaults) {
  TempDir dir;
  const std::string path =
      dir.Write("wire.jsonl",
                "{\"id\":\"a1\",\"text\":\"t1\",\"source\":\"Reuters\",\"date\":\"2024-01-02\"}\n"
                "\n"
                "   \t\n"
                "{\"text\":\"t4 no id\"}\r\n"
                "{\"id\":17,\"text\":\"t5 numeric id\",\"source\":null}\n"
                "{\"id\":\"a6\",\"text\":\"\"}\n"
                "{\"id\":\"a7\",\"text\":\"esc\\u00e9\\n\\\"q\\\"\"}");  // no final newline
  IngestResult r = Ingest({path}, IngestOptions());
  EXPECT_TRUE(r.issues.empty()) << DescribeIssues(r);
  ASSERT_EQ(r.documents.size(), 4u);
  EXPECT_EQ(r.documents[0].id, "a1");
  EXPECT_EQ(r.documents[0].source, "Reuters");
  EXPECT_EQ(r.documents[0].date, "2024-01-02");
  EXPECT_EQ(r.documents[0].path, path);
  EXPECT_EQ(r.documents[0].line, 1u);
  // Blank lines count towards line numbers; CR before LF is dropped.
  EXPECT_EQ(r.documents[1].id, path + ":4");
  EXPECT_EQ(r.documents[1].line, 4u);
  EXPECT_EQ(r.documents[1].text, "t4 no id");
  EXPECT_EQ(r.documents[1].source, "wire");  // the file's stem
  EXPECT_EQ(r.documents[2].id, "17");
  EXPECT_EQ(r.documents[2].source, "wire");
  EXPECT_EQ(r.documents[2].date, "");
  // An empty text is skipped quietly, like an empty file.
  EXPECT_EQ(r.documents[3].id, "a7");
  EXPECT_EQ(r.documents[3].line, 7u);
  EXPECT_EQ(r.documents[3].text, "esc\xC3\xA9\n\"q\"");
}

TEST(IngestTest, JsonlFieldNamesAreConfigurable) {
  TempDir dir;
  const std::string path = dir.Write("x.ndjson",
                                     "{\"uid\":\"u1\",\"body\":\"hello "
                                     "there\",\"outlet\":\"AP\",\"when\":\"2020\",\"text\":\"x\"}\n"
                                     "{\"uid\":\"u2\",\"text\":\"only the default field\"}\n");
  IngestOptions opt;
  opt.id_field = "uid";
  opt.text_field = "body";
  opt.source_field = "outlet";
  opt.date_field = "when";
  ASSERT_TRUE(opt.Validate().ok());
  IngestResult r = Ingest({path}, opt);
  ASSERT_EQ(r.documents.size(), 1u) << DescribeIssues(r);
  EXPECT_EQ(r.documents[0].id, "u1");
  EXPECT_EQ(r.documents[0].text, "hello there");
  EXPECT_EQ(r.documents[0].source, "AP");
  EXPECT_EQ(r.documents[0].date, "2020");
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].line, 2u);
  EXPECT_NE(r.issues[0].message.find("\"body\""), std::string::npos) << r.issues[0].message;
}

TEST(IngestTest, JsonlNulInTextIsRejectedAsBinary) {
  TempDir dir;
  const std::string path = dir.Write("n.jsonl",
                                     "{\"text\":\"fine\"}\n"
                                     "{\"text\":\"has \\u0000 nul\"}\n");
  IngestResult r = Ingest({path}, IngestOptions());
  ASSERT_EQ(r.documents.size(), 1u);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].line, 2u);
  EXPECT_TRUE(r.issues[0].rejected);
  EXPECT_NE(r.issues[0].message.find("binary"), std::string::npos) << r.issues[0].message;
}

TEST(IngestTest, JsonlNestedDeeperThanTheParserAllowsIsRejectedByLine) {
  // A scraped record can carry any JSON; 2,000,000 nested arrays must not
  // recurse or hang, only reject that record.
  TempDir dir;
  const std::string deep = "{\"text\":\"deep\",\"x\":" + std::string(2000000, '[') +
                           std::string(2000000, ']') + "}";
  const std::string path = dir.Write("d.jsonl", "{\"text\":\"before\"}\n" + deep +
                                                    "\n{\"text\":\"after\"}\n");
  IngestResult r = Ingest({path}, IngestOptions());
  ASSERT_EQ(r.documents.size(), 2u) << DescribeIssues(r);
  EXPECT_EQ(r.documents[0].text, "before");
  EXPECT_EQ(r.documents[1].text, "after");
  ASSERT_EQ(r.issues.size(), 1u) << DescribeIssues(r);
  EXPECT_EQ(r.issues[0].line, 2u);
  EXPECT_TRUE(r.issues[0].rejected);
  EXPECT_NE(r.issues[0].message.find("not valid JSON (The JSON document was too deep"),
            std::string::npos)
      << r.issues[0].message;
}

TEST(IngestTest, NonexistentPathIsRejectedAndTheRestIsRead) {
  TempDir dir;
  const std::string a = dir.Write("a.txt", "text a\n");
  const std::string missing = dir.Path("missing.txt");
  const std::string missing_dir = dir.Path("no/such/folder/");
  const std::string b = dir.Write("b.txt", "text b\n");
  IngestResult r = Ingest({a, missing, missing_dir, b}, IngestOptions());
  EXPECT_EQ(PathsOf(r), (std::vector<std::string>{a, b}));
  ASSERT_EQ(r.issues.size(), 2u) << DescribeIssues(r);
  EXPECT_EQ(r.issues[0].path, missing);
  EXPECT_EQ(r.issues[1].path, missing_dir);
  for (const InputIssue& i : r.issues) {
    EXPECT_TRUE(i.rejected);
    EXPECT_NE(i.message.find("no such file"), std::string::npos) << i.message;
  }
}

// Compares what an unprivileged check saw with what it should have; returns
// the differences as text ("" when equal), for RunUnprivileged.
std::string Mismatch(const std::string& what, const std::string& got, const std::string& want) {
  return got == want ? "" : what + ":\n  got:  " + got + "\n  want: " + want + "\n";
}

std::string Joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : " | ") + s;
  return out;
}

std::string IssueLines(const IngestResult& r) {
  std::vector<std::string> lines;
  for (const InputIssue& i : r.issues) lines.push_back(i.ToString());
  return Joined(lines);
}

// chmod 000 means nothing to root, so as root (CI) the check runs in a child
// that drops to uid 65534 (tests/support/unprivileged.h).
TEST(IngestTest, UnreadableFileIsRejectedAndTheRestIsRead) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", "text a\n");
  const std::string locked = dir.Write("c/b.txt", "secret\n");
  const std::string c = dir.Write("c/c.txt", "text c\n");
  ASSERT_EQ(chmod(dir.path().c_str(), 0755), 0);  // reachable by the unprivileged user
  ASSERT_EQ(chmod(locked.c_str(), 0), 0);
  const testing::CheckOutcome out = testing::RunUnprivileged([&] {
    std::string failures;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{dir.Path("c")}, std::vector<std::string>{a, locked, c}}) {
      const IngestResult r = Ingest(args, IngestOptions());
      failures += Mismatch("documents of " + Joined(args), Joined(PathsOf(r)), Joined({a, c}));
      failures += Mismatch("issues of " + Joined(args), IssueLines(r),
                           locked + ": error: cannot open: Permission denied");
    }
    return failures;
  });
  if (out.skipped) GTEST_SKIP() << out.message;
  EXPECT_EQ(out.message, "");
}

TEST(IngestTest, UnreadableSubfolderIsRejectedAndTheWalkGoesOn) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", "text a\n");
  dir.Write("c/m/hidden.txt", "hidden\n");
  const std::string z = dir.Write("c/z/z.txt", "text z\n");
  const std::string locked = dir.Path("c/m");
  ASSERT_EQ(chmod(dir.path().c_str(), 0755), 0);
  ASSERT_EQ(chmod(locked.c_str(), 0), 0);
  const testing::CheckOutcome out = testing::RunUnprivileged([&] {
    const IngestResult r = Ingest({dir.Path("c"), locked}, IngestOptions());
    const std::string issue = locked + ": error: cannot read folder: Permission denied";
    return Mismatch("documents", Joined(PathsOf(r)), Joined({a, z})) +
           Mismatch("issues", IssueLines(r), Joined({issue, issue}));
  });
  if (out.skipped) GTEST_SKIP() << out.message;
  EXPECT_EQ(out.message, "");
}

TEST(IngestTest, InvalidUtf8IsAcceptedWithAWarningAndBytesKept) {
  TempDir dir;
  // A stray Latin-1 byte, a truncated sequence, an overlong encoding.
  const std::string text = std::string("caf\xE9 au lait\n\ntrunc \xE2\x82 end \xC0\xAF.\n");
  const std::string path = dir.Write("latin1.txt", text);
  IngestResult r = Ingest({path}, IngestOptions());
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].text, text);
  ASSERT_EQ(r.issues.size(), 1u);
  const InputIssue& i = r.issues[0];
  EXPECT_EQ(i.path, path);
  EXPECT_FALSE(i.rejected);
  EXPECT_FALSE(r.any_rejected());
  EXPECT_NE(i.message.find("UTF-8"), std::string::npos) << i.message;
  EXPECT_NE(i.message.find("byte 3"), std::string::npos) << i.message;
  EXPECT_EQ(i.ToString().rfind(path + ": warning: ", 0), 0u) << i.ToString();
}

TEST(IngestTest, EmptyFilesAreSkippedQuietly) {
  TempDir dir;
  const std::string empty = dir.Write("c/empty.txt", "");
  dir.Write("c/empty.jsonl", "");
  dir.Write("c/blank.jsonl", "\n\n  \n");
  const std::string a = dir.Write("c/full.txt", "not empty\n");
  IngestResult r = Ingest({dir.Path("c"), empty}, IngestOptions());
  EXPECT_EQ(PathsOf(r), (std::vector<std::string>{a}));
  EXPECT_TRUE(r.issues.empty()) << DescribeIssues(r);
  EXPECT_FALSE(r.any_rejected());
}

TEST(IngestTest, OversizedDocumentsAreRejected) {
  TempDir dir;
  const std::string big = dir.Write("big.txt", "0123456789abcdef");
  const std::string small = dir.Write("small.txt", "0123");
  const std::string jsonl = dir.Write("r.jsonl",
                                      "{\"text\":\"0123456789abcdef\"}\n"
                                      "{\"text\":\"0123\"}\n");
  IngestOptions opt;
  opt.max_document_bytes = 10;
  ASSERT_TRUE(opt.Validate().ok());
  IngestResult r = Ingest({big, small, jsonl}, opt);
  ASSERT_EQ(r.documents.size(), 2u) << DescribeIssues(r);
  EXPECT_EQ(r.documents[0].path, small);
  EXPECT_EQ(r.documents[1].line, 2u);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].path, big);
  EXPECT_NE(r.issues[0].message.find("limit"), std::string::npos) << r.issues[0].message;
  EXPECT_EQ(r.issues[1].path, jsonl);
  EXPECT_EQ(r.issues[1].line, 1u);
  EXPECT_NE(r.issues[1].message.find("limit"), std::string::npos) << r.issues[1].message;
}

TEST(IngestTest, OptionsValidate) {
  EXPECT_TRUE(IngestOptions().Validate().ok());
  IngestOptions opt;
  opt.text_field = "";
  EXPECT_FALSE(opt.Validate().ok());
  opt = IngestOptions();
  opt.max_document_bytes = 0;
  EXPECT_FALSE(opt.Validate().ok());
  opt.max_document_bytes = 1ull << 33;
  EXPECT_FALSE(opt.Validate().ok());
}

TEST(IngestTest, IssueToStringNamesFileLineAndSeverity) {
  EXPECT_EQ((InputIssue{"feed.jsonl", 3, "not valid JSON", true}).ToString(),
            "feed.jsonl:3: error: not valid JSON");
  EXPECT_EQ((InputIssue{"a.txt", 0, "invalid UTF-8", false}).ToString(),
            "a.txt: warning: invalid UTF-8");
}

TEST(IngestTest, NestedFoldersAreReadRecursivelyInSortedOrder) {
  TempDir dir;
  // Created out of order so that directory order is unlikely to be sorted.
  const std::vector<std::string> rel = {"c/z.txt", "c/b/2.txt",     "c/a.txt",   "c/b/1/deep.txt",
                                        "c/b.txt", "c/a/x/y/z.txt", "c/m.jsonl", "c/0.txt"};
  for (const std::string& f : rel) {
    dir.Write(f, f == "c/m.jsonl" ? "{\"id\":\"m\",\"text\":\"record\"}\n" : "text of " + f);
  }
  IngestResult r = Ingest({dir.Path("c")}, IngestOptions());
  EXPECT_TRUE(r.issues.empty()) << DescribeIssues(r);
  std::vector<std::string> want;
  for (const std::string& f : rel) want.push_back(dir.Path(f));
  std::sort(want.begin(), want.end());
  EXPECT_EQ(PathsOf(r), want);
  // Whole files keep their bytes; the JSONL file inside the folder is JSONL.
  for (const Document& d : r.documents) {
    if (d.path == dir.Path("c/m.jsonl")) {
      EXPECT_EQ(d.id, "m");
      EXPECT_EQ(d.text, "record");
    } else {
      EXPECT_EQ(d.text, "text of " + d.path.substr(dir.path().size() + 1));
    }
  }
  // A trailing slash names the same folder.
  IngestResult slash = Ingest({dir.Path("c/")}, IngestOptions());
  EXPECT_EQ(slash.documents.size(), want.size());
}

TEST(IngestTest, FolderOrderIsDeterministic) {
  TempDir dir;
  std::vector<std::string> names;
  for (int i = 0; i < 40; ++i) names.push_back(std::to_string((i * 17) % 40).append(".txt"));
  // The same names, created in opposite orders in two folders.
  for (const std::string& n : names) dir.Write(std::string("one/").append(n), n);
  for (auto it = names.rbegin(); it != names.rend(); ++it) {
    dir.Write(std::string("two/").append(*it), *it);
  }
  IngestResult one = Ingest({dir.Path("one")}, IngestOptions());
  IngestResult two = Ingest({dir.Path("two")}, IngestOptions());
  IngestResult again = Ingest({dir.Path("one")}, IngestOptions());
  ASSERT_EQ(one.documents.size(), names.size());
  ASSERT_EQ(two.documents.size(), names.size());
  std::vector<std::string> texts_one, texts_two;
  for (const Document& d : one.documents) texts_one.push_back(d.text);
  for (const Document& d : two.documents) texts_two.push_back(d.text);
  EXPECT_EQ(texts_one, texts_two);
  EXPECT_TRUE(std::is_sorted(texts_one.begin(), texts_one.end()));
  EXPECT_EQ(IdsOf(one), IdsOf(again));
}

// Links to folders are not followed (a warning each), so no loop; a link to
// itself is rejected; links to files are read.
TEST(IngestTest, SymlinkLoopInFolderDoesNotRecurseForever) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", "text a\n");
  const std::string b = dir.Write("c/sub/b.txt", "text b\n");
  std::error_code ec;
  fs::create_directory_symlink("..", dir.Path("c/sub/up"), ec);  // c/sub/up -> c
  ASSERT_FALSE(ec) << ec.message();
  fs::create_directory_symlink(dir.Path("c"), dir.Path("c/self"), ec);  // absolute loop
  ASSERT_FALSE(ec) << ec.message();
  fs::create_symlink("knot", dir.Path("c/knot"), ec);  // a link to itself (ELOOP)
  ASSERT_FALSE(ec) << ec.message();
  fs::create_symlink("a.txt", dir.Path("c/link.txt"), ec);  // links to files are read
  ASSERT_FALSE(ec) << ec.message();
  testing::PeakRss rss;
  IngestResult r = Ingest({dir.Path("c")}, IngestOptions());
  EXPECT_EQ(PathsOf(r), (std::vector<std::string>{a, dir.Path("c/link.txt"), b}));
  const std::string not_followed =
      ": warning: symbolic link to a folder, not followed inside a folder walk; its files were "
      "not read (name the folder itself to read it)";
  EXPECT_EQ(IssueLines(r),
            Joined({dir.Path("c/knot") +
                        ": error: symbolic link loop (Too many levels of symbolic links); not read",
                    dir.Path("c/self") + not_followed, dir.Path("c/sub/up") + not_followed}));
  EXPECT_TRUE(r.any_rejected());
  // A looping link named directly is rejected, not followed.
  IngestResult direct = Ingest({dir.Path("c/knot"), a}, IngestOptions());
  EXPECT_EQ(PathsOf(direct), (std::vector<std::string>{a}));
  ASSERT_EQ(direct.issues.size(), 1u);
  EXPECT_EQ(direct.issues[0].path, dir.Path("c/knot"));
  rss.Check(16);  // three tiny files; a walk that followed the loops would not end
}

// Every entry a folder walk does not read is named, and the rest is read:
// dangling and looping links and entries that cannot be resolved are errors
// (exit 1, like an unreadable file); links to folders and special files
// (FIFO, socket, device) are warnings.
TEST(IngestTest, FolderWalkNamesEveryEntryItDoesNotRead) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", "text a\n");
  const std::string z = dir.Write("c/sub/z.txt", "text z\n");
  dir.Write("elsewhere/o.txt", "text o\n");  // reached only through c/to_folder
  std::error_code ec;
  fs::create_symlink("missing.txt", dir.Path("c/dangling.txt"), ec);
  ASSERT_FALSE(ec) << ec.message();
  fs::create_symlink("a.txt/x", dir.Path("c/through_file"), ec);  // ENOTDIR
  ASSERT_FALSE(ec) << ec.message();
  fs::create_symlink("loop_b", dir.Path("c/loop_a"), ec);  // a two-link loop
  ASSERT_FALSE(ec) << ec.message();
  fs::create_symlink("loop_a", dir.Path("c/loop_b"), ec);
  ASSERT_FALSE(ec) << ec.message();
  fs::create_directory_symlink(dir.Path("elsewhere"), dir.Path("c/to_folder"), ec);
  ASSERT_FALSE(ec) << ec.message();
  fs::create_symlink("/dev/null", dir.Path("c/to_device"), ec);
  ASSERT_FALSE(ec) << ec.message();
  ASSERT_EQ(mkfifo(dir.Path("c/sub/pipe").c_str(), 0644), 0);
  const int sock = socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(sock, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string sock_path = dir.Path("c/sock");
  ASSERT_LT(sock_path.size(), sizeof(addr.sun_path));
  std::copy(sock_path.begin(), sock_path.end(), addr.sun_path);
  ASSERT_EQ(bind(sock, reinterpret_cast<const sockaddr*>(&addr), sizeof(addr)), 0);
  testing::PeakRss rss;
  IngestResult r = Ingest({dir.Path("c")}, IngestOptions());
  close(sock);
  EXPECT_EQ(PathsOf(r), (std::vector<std::string>{a, z}));
  const std::string dangling = ": error: dangling symbolic link (its target does not exist); not read";
  const std::string loop = ": error: symbolic link loop (Too many levels of symbolic links); not read";
  const std::vector<std::string> want = {
      dir.Path("c/dangling.txt") + dangling,
      dir.Path("c/loop_a") + loop,
      dir.Path("c/loop_b") + loop,
      dir.Path("c/sock") + ": warning: socket; not read (only regular files are read)",
      dir.Path("c/sub/pipe") + ": warning: named pipe (FIFO); not read (only regular files are read)",
      dir.Path("c/through_file") + dangling,
      dir.Path("c/to_device") +
          ": warning: symbolic link to a character device; not read (only regular files are read)",
      dir.Path("c/to_folder") +
          ": warning: symbolic link to a folder, not followed inside a folder walk; its files were "
          "not read (name the folder itself to read it)",
  };
  EXPECT_EQ(IssueLines(r), Joined(want));
  EXPECT_TRUE(r.any_rejected());
  // Named on the command line, the link to a folder is followed.
  IngestResult named = Ingest({dir.Path("c/to_folder")}, IngestOptions());
  EXPECT_EQ(PathsOf(named), (std::vector<std::string>{dir.Path("c/to_folder/o.txt")}));
  EXPECT_TRUE(named.issues.empty()) << DescribeIssues(named);
  rss.Check(16);  // three tiny files
}

TEST(IngestTest, StdinIsOneDocument) {
  const std::string text = "{\"text\":\"looks like JSONL\"}\nbut is read whole\n\nthird line\n";
  std::istringstream in(text);
  IngestResult r = Ingest({"-"}, IngestOptions(), &in);
  EXPECT_TRUE(r.issues.empty()) << DescribeIssues(r);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].id, "-");
  EXPECT_EQ(r.documents[0].path, "-");
  EXPECT_EQ(r.documents[0].source, "stdin");
  EXPECT_EQ(r.documents[0].text, text);
}

TEST(IngestTest, StdinAsJsonl) {
  std::istringstream in(
      "{\"id\":\"s1\",\"text\":\"one\"}\n"
      "{broken\n"
      "{\"text\":\"three\"}\n");
  IngestOptions opt;
  opt.stdin_jsonl = true;
  IngestResult r = Ingest({"-"}, opt, &in);
  EXPECT_EQ(IdsOf(r), (std::vector<std::string>{"s1", "-:3"}));
  EXPECT_EQ(r.documents[1].source, "stdin");
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].ToString().rfind("-:2: error: ", 0), 0u) << r.issues[0].ToString();
}

TEST(IngestTest, EmptyStdinIsSkippedQuietly) {
  std::istringstream in("");
  IngestResult r = Ingest({"-"}, IngestOptions(), &in);
  EXPECT_TRUE(r.documents.empty());
  EXPECT_TRUE(r.issues.empty()) << DescribeIssues(r);
}

TEST(IngestTest, FiftyMegabyteJsonlRecordIsOneDocument) {
  TempDir dir;
  const std::string text = VariedWords(50u << 20, 7);
  const std::string path =
      dir.Write("huge.jsonl", "{\"id\":\"huge\",\"text\":\"" + text + "\"}\n{\"text\":\"next\"}\n");
  IngestResult r = Ingest({path}, IngestOptions());
  EXPECT_TRUE(r.issues.empty()) << DescribeIssues(r);
  ASSERT_EQ(r.documents.size(), 2u);
  EXPECT_EQ(r.documents[0].id, "huge");
  EXPECT_TRUE(r.documents[0].text == text);  // not EXPECT_EQ: no 50 MB failure message
  EXPECT_EQ(r.documents[1].line, 2u);
}

TEST(IngestTest, TenThousandTinyFilesAreAllReadInSortedOrder) {
  TempDir dir;
  constexpr int kFiles = 10000;
  std::vector<std::string> want;
  want.reserve(kFiles);
  // Unpadded numbers so that sorted order differs from numeric order.
  for (int i = kFiles - 1; i >= 0; --i) {
    const std::string rel = "many/" + std::to_string(i % 10) + "/" + std::to_string(i) + ".txt";
    want.push_back(dir.Write(rel, "tiny " + std::to_string(i)));
  }
  std::sort(want.begin(), want.end());
  IngestResult r = Ingest({dir.Path("many")}, IngestOptions());
  EXPECT_TRUE(r.issues.empty()) << DescribeIssues(r);
  ASSERT_EQ(r.documents.size(), static_cast<size_t>(kFiles));
  EXPECT_TRUE(PathsOf(r) == want) << "folder order is not sorted path order";
}

}  // namespace
}  // namespace reprint

// Blow-ups that scraped corpora really contain: one boilerplate paragraph in
// 100,000 documents, one word ten million times, a 200 MB document, a million
// one-line JSONL records, deep folders, symlink loops, endless and vanishing
// files. Each case asserts what reprint reports and a ceiling on peak memory;
// none asserts time (CI machines vary), but a quadratic path would show up as
// a ctest timeout.
//
// Memory: testing::PeakRss (tests/support/peak_rss.h) asserts a ceiling on the
// growth of the process's peak resident set (getrusage) during the case. Each
// ceiling is derived in a comment from the input size, with room for
// allocator slack.
//
// The big cases are skipped in sanitizer builds (they need several GB and
// minutes under ASan, and the sanitizer build exists to catch memory errors,
// which the small cases and the fuzz replays already exercise): the gate is
// REPRINT_UNDER_SANITIZER below, set from the compiler's own
// __SANITIZE_ADDRESS__ (GCC) or __has_feature(address_sanitizer) (clang), so
// it follows -DREPRINT_SANITIZE=ON without any CMake change.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <istream>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/ingest.h"
#include "reprint/scan.h"
#include "tests/support/peak_rss.h"
#include "tests/support/temp_dir.h"

#if defined(__SANITIZE_ADDRESS__)
#define REPRINT_UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define REPRINT_UNDER_SANITIZER 1
#endif
#endif

namespace reprint {
namespace {

namespace fs = std::filesystem;
using testing::PeakRss;
using testing::TempDir;

#ifdef REPRINT_UNDER_SANITIZER
#define SKIP_UNDER_SANITIZER() \
  GTEST_SKIP() << "needs several GB and minutes under ASan; run in the Release suite"
#else
#define SKIP_UNDER_SANITIZER() (void)0
#endif

// One line of candidate counts, read by people comparing runs.
void PrintCandidateStats(const ScanStats& s) {
  std::printf("[ stats    ] candidates %llu (lsh %llu, containment %llu), verified %llu\n",
              static_cast<unsigned long long>(s.candidates),
              static_cast<unsigned long long>(s.lsh_candidates),
              static_cast<unsigned long long>(s.containment_candidates),
              static_cast<unsigned long long>(s.verified_pairs));
}

// Deterministic pseudo-words (3-9 letters) so that shingles are distinct.
class WordSource {
 public:
  explicit WordSource(uint64_t seed, size_t vocabulary = 50000) : state_(seed | 1) {
    words_.reserve(vocabulary);
    for (size_t i = 0; i < vocabulary; ++i) {
      std::string w;
      const size_t len = 3 + Next() % 7;
      for (size_t k = 0; k < len; ++k) w += static_cast<char>('a' + Next() % 26);
      words_.push_back(std::move(w));
    }
  }
  uint64_t Next() {  // xorshift64*
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 0x2545F4914F6CDD1Dull;
  }
  const std::string& Word() { return words_[Next() % words_.size()]; }
  // `n` words separated by spaces.
  std::string Words(size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) out += ' ';
      out += Word();
    }
    return out;
  }

 private:
  uint64_t state_;
  std::vector<std::string> words_;
};

// An istream over existing bytes without copying them.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string& bytes) { setg(bytes.data(), bytes.data(), bytes.data() + bytes.size()); }
};

std::string Describe(const std::vector<InputIssue>& issues) {
  std::string out;
  for (const InputIssue& i : issues) out += i.ToString() + "\n";
  return out;
}

// --- The same paragraph 100,000 times --------------------------------------

// A site footer under 100,000 articles: one cluster of 100,000 footers, listed
// as a spanning set of n-1 pairs. Without the star in LSH buckets above
// LshOptions::max_bucket_all_pairs this would be 5e9 candidate pairs per band;
// the containment index skips the footer's fingerprints (posted by more than
// max_postings units) and leaves it to LSH.
TEST(BlowupTest, SameParagraphInOneHundredThousandDocuments) {
  SKIP_UNDER_SANITIZER();
  constexpr uint32_t kDocs = 100000;
  const std::string footer =
      "Sign up to get the latest alerts, insights and analysis from our newsroom, "
      "delivered to your inbox every weekday morning.";
  PeakRss rss;
  std::vector<Document> docs(kDocs);
  {
    WordSource words(11);
    for (uint32_t i = 0; i < kDocs; ++i) {
      docs[i].id = "doc" + std::to_string(i);
      docs[i].text = words.Words(40) + "\n\n" + footer + "\n";
    }
  }
  ScanOptions opt;  // paragraphs, spanning pairs (the default)
  opt.threads = 2;
  absl::StatusOr<ScanResult> r = Scan(docs, opt);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->stats.units, 2u * kDocs);
  ASSERT_EQ(r->clusters.size(), 1u);
  const Cluster& c = r->clusters[0];
  ASSERT_EQ(c.members.size(), kDocs);
  EXPECT_EQ(c.pairs.size(), kDocs - 1);
  for (uint32_t m : c.members) {
    const Unit& u = r->units[m];
    ASSERT_EQ(docs[u.doc].text.substr(u.span.begin, u.span.size()), footer);
  }
  // The star keeps candidates linear: one per footer beyond the first (plus
  // chance pairs among the bodies, which are random words).
  EXPECT_LT(r->stats.candidates, 2u * kDocs);
  PrintCandidateStats(r->stats);
  // Documents ~30 MB; per unit (200,000): shingle set ~35 x 8 B, band keys
  // and fingerprints ~0.5 KB with vector overhead -> ~150 MB; LSH column and
  // candidates ~20 MB; verified pairs 100,000 x 40 B. Measured +305 MiB
  // (Release build, own process); ceiling 600 MiB.
  rss.Check(600);
}

// A wire service: 50 long stories, each reprinted by 200 outlets (10,000
// documents). Every fingerprint of a story is posted by 200 units, under
// ContainmentOptions::max_postings (256), so the containment index joins
// them: it must count shared fingerprints per pair without listing one entry
// per (fingerprint, pair) -- that list is 50 x ~240 x C(200, 2) = 240M
// entries (1.9 GB) here and grows with every story a corpus holds.
TEST(BlowupTest, SyndicatedStoriesReprintedTwoHundredTimes) {
  SKIP_UNDER_SANITIZER();
  constexpr uint32_t kStories = 50, kCopies = 200;
  PeakRss rss;
  std::vector<Document> docs;
  docs.reserve(kStories * kCopies);
  {
    WordSource words(21);
    std::vector<std::string> stories;
    for (uint32_t s = 0; s < kStories; ++s) stories.push_back(words.Words(600));
    for (uint32_t c = 0; c < kCopies; ++c) {
      for (uint32_t s = 0; s < kStories; ++s) {
        Document d;
        d.id = "outlet" + std::to_string(c) + "/story" + std::to_string(s);
        d.text = "By outlet " + std::to_string(c) + "\n\n" + stories[s];
        docs.push_back(std::move(d));
      }
    }
  }
  ScanOptions opt;
  opt.unit = UnitKind::kDoc;
  opt.threads = 2;
  absl::StatusOr<ScanResult> r = Scan(docs, opt);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->clusters.size(), kStories);
  for (const Cluster& c : r->clusters) {
    EXPECT_EQ(c.members.size(), kCopies);
    EXPECT_EQ(c.pairs.size(), kCopies - 1);
  }
  PrintCandidateStats(r->stats);
  // Documents 45 MB; per unit a 600-shingle set (4.8 KB), ~240 fingerprints
  // (2 KB) and band keys -> 70 MB, copied once into ShingleSets; postings
  // 2.4M x 16 B = 40 MB; candidates and verified pairs: C(200, 2) = 19,900
  // per story -> 1M pairs x 40 B = 40 MB. ~300 MB. Measured +340 MiB; it was
  // +2284 MiB (and 33 s) while the index listed every shared pair. Ceiling
  // 600 MiB.
  rss.Check(600);
}

// --- One word ten million times --------------------------------------------

TEST(BlowupTest, OneWordTenMillionTimes) {
  SKIP_UNDER_SANITIZER();
  constexpr size_t kTimes = 10000000;
  PeakRss rss;
  std::vector<Document> docs(1);
  docs[0].id = "spam";
  docs[0].text.reserve(kTimes * 5);
  for (size_t i = 0; i < kTimes; ++i) docs[0].text += "spam ";
  for (UnitKind unit : {UnitKind::kDoc, UnitKind::kParagraph}) {
    ScanOptions opt;
    opt.unit = unit;
    absl::StatusOr<ScanResult> r = Scan(docs, opt);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->stats.units, 1u);
    EXPECT_EQ(r->stats.shingles, kTimes - 4);  // 5-word shingles, all equal
    EXPECT_TRUE(r->clusters.empty());          // a unit is not its own copy
  }
  // Text 50 MB; normalized text 50 MB; 10M tokens x 12 B = 120 MB; the
  // shingle sequence 80 MB (sorted in place into a set of one). ~300 MB.
  // Measured +325 MiB; +477 MiB while Winnow kept one fingerprint per window
  // for a run of equal hashes. Ceiling 500 MiB.
  rss.Check(500);
}

// The same ten million words, one per paragraph: ten million units that are
// all too short to compare (min_words). They must not cost ten million
// feature records.
TEST(BlowupTest, TenMillionOneWordParagraphs) {
  SKIP_UNDER_SANITIZER();
  constexpr size_t kTimes = 10000000;
  PeakRss rss;
  std::vector<Document> docs(1);
  docs[0].id = "spam";
  docs[0].text.reserve(kTimes * 6);
  for (size_t i = 0; i < kTimes; ++i) docs[0].text += "spam\n\n";
  ScanOptions opt;
  absl::StatusOr<ScanResult> r = Scan(docs, opt);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->stats.units, 0u);
  EXPECT_EQ(r->stats.units_too_short, kTimes);
  // Text 60 MB; 10M segmented units x 12 B = 120 MB; one small record per
  // unit while shingling. Measured +390 MiB; +1050 MiB while Scan held an
  // 88-byte feature record for every segmented unit. Ceiling 700 MiB.
  rss.Check(700);
}

// --- A 200 MB document -----------------------------------------------------

std::string VariedDocument(size_t bytes, uint64_t seed) {
  WordSource words(seed);
  std::string text;
  text.reserve(bytes + 1024);
  while (text.size() < bytes) {
    text += words.Words(60 + words.Next() % 60);
    text += ".\n\n";
  }
  return text;
}

TEST(BlowupTest, TwoHundredMegabyteDocumentAsOneUnit) {
  SKIP_UNDER_SANITIZER();
  PeakRss rss;
  std::vector<Document> docs(1);
  docs[0].id = "big";
  docs[0].text = VariedDocument(200u << 20, 5);
  const double words = static_cast<double>(docs[0].text.size()) / 6.9;  // ~6.9 bytes per word
  ScanOptions opt;
  opt.unit = UnitKind::kDoc;
  absl::StatusOr<ScanResult> r = Scan(docs, opt);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->stats.units, 1u);
  EXPECT_GT(static_cast<double>(r->stats.shingles), 0.9 * words);
  EXPECT_TRUE(r->clusters.empty());
  // Text 200 MB; normalized text ~200 MB; ~30M tokens x 12 B = 360 MB;
  // shingles ~30M x 8 B = 240 MB (sorted in place into the set, then copied
  // once into ShingleSets: +240 MB); fingerprints ~2/(w+1) of the shingles
  // = 100 MB. ~1.4 GB. Measured +1265 MiB; ceiling 2000 MiB.
  rss.Check(2000);
}

TEST(BlowupTest, TwoHundredMegabyteDocumentAsParagraphs) {
  SKIP_UNDER_SANITIZER();
  PeakRss rss;
  std::vector<Document> docs(1);
  docs[0].id = "big";
  docs[0].text = VariedDocument(200u << 20, 6);
  const size_t paragraphs =
      static_cast<size_t>(std::count(docs[0].text.begin(), docs[0].text.end(), '\n')) / 2;
  ScanOptions opt;
  opt.threads = 2;
  absl::StatusOr<ScanResult> r = Scan(docs, opt);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->stats.units, paragraphs);
  // Random words from 50,000: chance matches of Jaccard >= 0.5 do not occur.
  EXPECT_TRUE(r->clusters.empty());
  // Text 200 MB; ~330,000 paragraphs of ~90 words: per unit the set 90 x 8 B,
  // fingerprints ~40 x 8 B, band keys, vector headers: ~1.3 KB -> 450 MB,
  // then the flat ShingleSets copy 240 MB and the LSH column. ~1 GB.
  // Measured +1096 MiB; ceiling 1500 MiB.
  rss.Check(1500);
}

// --- 1,000,000 one-line documents ------------------------------------------

TEST(BlowupTest, OneMillionOneLineJsonlDocuments) {
  SKIP_UNDER_SANITIZER();
  constexpr uint32_t kDocs = 1000000;
  constexpr uint32_t kCopyEvery = 1000;  // every 1000th record repeats the one before
  PeakRss rss;
  std::string jsonl;
  {
    WordSource words(3);
    std::string previous;
    jsonl.reserve(size_t{kDocs} * 110);
    for (uint32_t i = 0; i < kDocs; ++i) {
      std::string text = (i % kCopyEvery == kCopyEvery - 1) ? previous : words.Words(12);
      jsonl += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"" + text + "\"}\n";
      previous = std::move(text);
    }
  }
  IngestResult ingested;
  {
    ViewBuf buf(jsonl);
    std::istream in(&buf);
    IngestJsonl(in, "generated.jsonl", IngestOptions(), &ingested);
  }
  jsonl.clear();
  jsonl.shrink_to_fit();
  EXPECT_TRUE(ingested.issues.empty()) << Describe(ingested.issues);
  ASSERT_EQ(ingested.documents.size(), kDocs);
  ScanOptions opt;
  opt.unit = UnitKind::kDoc;
  opt.threads = 2;
  absl::StatusOr<ScanResult> r = Scan(ingested.documents, opt);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->stats.units, kDocs);
  // Exactly the planted copies: each a cluster of two.
  ASSERT_EQ(r->clusters.size(), kDocs / kCopyEvery);
  for (const Cluster& c : r->clusters) {
    ASSERT_EQ(c.members.size(), 2u);
    EXPECT_EQ(r->units[c.members[1]].doc, r->units[c.members[0]].doc + 1);
  }
  // JSONL 110 MB (freed after ingest); 1M Documents x (5 strings + text)
  // ~250 MB; per unit: set 8 x 8 B, band keys, fingerprints and vector
  // headers ~0.5 KB -> 500 MB; LSH keys 1M x bands x 8 B ~ 150 MB. ~1 GB.
  // Measured +1000 MiB; ceiling 1600 MiB.
  rss.Check(1600);
}

// --- Deep folders, symlink loops ---------------------------------------------

TEST(BlowupTest, TwoHundredLevelsOfFolders) {
  TempDir dir;
  std::string rel = "deep";
  std::vector<std::string> want;
  for (int level = 0; level < 200; ++level) {
    rel += "/d" + std::to_string(level);
    if (level % 50 == 49) want.push_back(dir.Write(rel + "/f.txt", "level " + std::to_string(level)));
  }
  // A loop at the bottom: a link back to the top, and one to itself.
  std::error_code ec;
  fs::create_directory_symlink(dir.Path("deep"), dir.Path(rel + "/top"), ec);
  ASSERT_FALSE(ec) << ec.message();
  fs::create_symlink("self", dir.Path(rel + "/self"), ec);
  ASSERT_FALSE(ec) << ec.message();
  PeakRss rss;
  IngestResult r = Ingest({dir.Path("deep")}, IngestOptions());
  std::vector<std::string> got;
  for (const Document& d : r.documents) got.push_back(d.path);
  std::sort(want.begin(), want.end());
  EXPECT_EQ(got, want);
  // Both links are named: the loop to itself is rejected, the link to the
  // top is not followed (a warning).
  ASSERT_EQ(r.issues.size(), 2u) << Describe(r.issues);
  EXPECT_EQ(r.issues[0].path, dir.Path(rel + "/self"));
  EXPECT_TRUE(r.issues[0].rejected);
  EXPECT_NE(r.issues[0].message.find("symbolic link loop"), std::string::npos) << r.issues[0].message;
  EXPECT_EQ(r.issues[1].path, dir.Path(rel + "/top"));
  EXPECT_FALSE(r.issues[1].rejected);
  EXPECT_NE(r.issues[1].message.find("not followed"), std::string::npos) << r.issues[1].message;
  rss.Check(50);  // a 200-entry walk; anything more means it is looping
}

// Creates `levels` nested folders named `name` below `fd` with mkdirat/openat,
// so the total path may exceed PATH_MAX; writes `file` at the bottom.
// Returns false on error.
bool MakeDeepChain(int fd, const std::string& name, int levels, const std::string& file) {
  int cur = dup(fd);
  for (int i = 0; i < levels && cur >= 0; ++i) {
    if (mkdirat(cur, name.c_str(), 0755) != 0) break;
    const int next = openat(cur, name.c_str(), O_RDONLY | O_DIRECTORY);
    close(cur);
    cur = next;
  }
  if (cur < 0) return false;
  const int f = openat(cur, file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  bool ok = f >= 0 && write(f, "bottom text\n", 12) == 12;
  if (f >= 0) close(f);
  close(cur);
  return ok;
}

// Removes a chain made by MakeDeepChain (fs::remove_all cannot: the paths are
// too long for one system call).
void RemoveDeepChain(int fd, const std::string& name, const std::string& file) {
  int cur = openat(fd, name.c_str(), O_RDONLY | O_DIRECTORY);
  int depth = 0;
  while (cur >= 0) {
    const int next = openat(cur, name.c_str(), O_RDONLY | O_DIRECTORY);
    if (next < 0) break;
    close(cur);
    cur = next;
    ++depth;
  }
  if (cur >= 0) {
    unlinkat(cur, file.c_str(), 0);
    close(cur);
  }
  // Walk down again from the top for each level, deepest first.
  for (int d = depth; d >= 0; --d) {
    int parent = dup(fd);
    for (int i = 0; i < d && parent >= 0; ++i) {
      const int next = openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY);
      close(parent);
      parent = next;
    }
    if (parent < 0) return;
    unlinkat(parent, name.c_str(), AT_REMOVEDIR);
    close(parent);
  }
}

// Folders nested past PATH_MAX (4096 bytes): the bottom file cannot be opened
// by its path at all. It must be rejected with a message, and the rest of
// the folder (sorted after it) still read.
TEST(BlowupTest, FolderDeeperThanPathMax) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", "text a\n");
  const std::string z = dir.Write("c/z.txt", "text z\n");
  const std::string name(60, 'n');  // 200 x 61 bytes = 12,200 > PATH_MAX
  const int fd = open(dir.Path("c").c_str(), O_RDONLY | O_DIRECTORY);
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(MakeDeepChain(fd, name, 200, "deep.txt"));
  PeakRss rss;
  IngestResult r = Ingest({dir.Path("c")}, IngestOptions());
  std::vector<std::string> got;
  for (const Document& d : r.documents) got.push_back(d.path);
  RemoveDeepChain(fd, name, "deep.txt");
  close(fd);
  EXPECT_EQ(got, (std::vector<std::string>{a, z})) << Describe(r.issues);
  // Exactly one message: the first folder whose path is too long.
  ASSERT_EQ(r.issues.size(), 1u) << Describe(r.issues);
  EXPECT_TRUE(r.issues[0].rejected);
  EXPECT_GT(r.issues[0].path.size(), 4096u - 61u);
  EXPECT_NE(r.issues[0].message.find("File name too long"), std::string::npos)
      << r.issues[0].ToString();
  // 67 folder levels listed, paths of at most 4 KB each. Ceiling 32 MiB.
  rss.Check(32);
}

// --- Files that vanish, change or never end while being read ---------------

// A path listed and then removed before it is read (the user's path list, or
// a folder walked before its files are read): rejected with a message, and
// the rest is read. The folder case removes the file from inside the
// progress callback, which runs after each file: exactly between the walk
// and the read of the next file.
TEST(BlowupTest, FilesThatVanishOrChangeWhileBeingRead) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", "text a\n");
  const std::string b = dir.Write("c/b.txt", "text b\n");
  const std::string c = dir.Write("c/c.txt", "text c\n");
  const std::string d = dir.Write("c/d.txt", "text d\n");
  const std::string e = dir.Write("c/e.txt", "text e\n");
  PeakRss rss;
  // The path list: b is removed after the list was made.
  {
    const std::vector<std::string> paths{a, b, c};
    ASSERT_TRUE(fs::remove(b));
    IngestResult r = Ingest(paths, IngestOptions());
    ASSERT_EQ(r.documents.size(), 2u);
    EXPECT_EQ(r.documents[0].path, a);
    EXPECT_EQ(r.documents[1].path, c);
    ASSERT_EQ(r.issues.size(), 1u) << Describe(r.issues);
    EXPECT_EQ(r.issues[0].path, b);
    EXPECT_TRUE(r.issues[0].rejected);
    EXPECT_NE(r.issues[0].message.find("no such file"), std::string::npos) << r.issues[0].message;
    dir.Write("c/b.txt", "text b\n");
  }
  // The folder walk: after a is read, b vanishes, c becomes a folder, d
  // grows; e is untouched.
  int calls = 0;
  ProgressFn progress = [&](const ProgressEvent& ev) {
    if (ev.finished || calls++ != 0) return;
    fs::remove(b);
    fs::remove(c);
    fs::create_directory(c);
    dir.Write("c/d.txt", "text d, rewritten longer while the walk went on\n");
  };
  IngestResult r = Ingest({dir.Path("c")}, IngestOptions(), nullptr, progress);
  std::vector<std::string> got;
  for (const Document& doc : r.documents) got.push_back(doc.path);
  EXPECT_EQ(got, (std::vector<std::string>{a, d, e})) << Describe(r.issues);
  EXPECT_EQ(r.documents.size() > 1 ? r.documents[1].text : "",
            "text d, rewritten longer while the walk went on\n");
  ASSERT_EQ(r.issues.size(), 2u) << Describe(r.issues);
  EXPECT_EQ(r.issues[0].path, b);
  EXPECT_NE(r.issues[0].message.find("No such file"), std::string::npos) << r.issues[0].message;
  EXPECT_EQ(r.issues[1].path, c);
  EXPECT_TRUE(r.issues[1].rejected);
  EXPECT_NE(r.issues[1].message.find("read failed"), std::string::npos) << r.issues[1].message;
  rss.Check(32);  // eight reads of tiny files
}

// A file that is still being written while it is read (a FIFO fed by another
// thread): everything written before the writer closes is one document.
TEST(BlowupTest, FileWrittenWhileBeingRead) {
  TempDir dir;
  const std::string fifo = dir.Path("feed.txt");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0644), 0);
  const std::string chunk = "a line written in pieces by another process\n";
  PeakRss rss;
  std::thread writer([&] {
    FILE* f = std::fopen(fifo.c_str(), "w");
    if (f == nullptr) return;
    for (int i = 0; i < 20000; ++i) std::fwrite(chunk.data(), 1, chunk.size(), f);
    std::fclose(f);
  });
  IngestResult r = Ingest({fifo}, IngestOptions());
  writer.join();
  ASSERT_EQ(r.documents.size(), 1u) << Describe(r.issues);
  EXPECT_EQ(r.documents[0].text.size(), chunk.size() * 20000);
  EXPECT_TRUE(r.issues.empty()) << Describe(r.issues);
  // 880 KB read with no size known in advance: the string doubles, so at
  // most ~2 MB plus the writer's stack and stdio buffer. Ceiling 32 MiB.
  rss.Check(32);
}

// A FIFO inside a folder has no writer: the walk must not open it (it would
// block forever), says so in a warning, and reads the rest.
TEST(BlowupTest, FifoInFolderDoesNotBlockTheWalk) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", "text a\n");
  const std::string fifo = dir.Path("c/b.fifo");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0644), 0);
  const std::string z = dir.Write("c/z.txt", "text z\n");
  PeakRss rss;
  IngestResult r = Ingest({dir.Path("c")}, IngestOptions());
  ASSERT_EQ(r.documents.size(), 2u) << Describe(r.issues);
  EXPECT_EQ(r.documents[0].path, a);
  EXPECT_EQ(r.documents[1].path, z);
  ASSERT_EQ(r.issues.size(), 1u) << Describe(r.issues);
  EXPECT_EQ(r.issues[0].ToString(),
            fifo + ": warning: named pipe (FIFO); not read (only regular files are read)");
  EXPECT_FALSE(r.any_rejected());
  rss.Check(16);  // two tiny files
}

// An input that never ends (/dev/zero named as a path, or `yes | reprint
// scan -`): reading stops at the document size limit and rejects it, instead
// of filling memory.
TEST(BlowupTest, EndlessInputStopsAtTheSizeLimit) {
  if (!fs::exists("/dev/zero")) GTEST_SKIP() << "no /dev/zero";
  TempDir dir;
  const std::string a = dir.Write("a.txt", "text a\n");
  IngestOptions opt;
  opt.max_document_bytes = 8u << 20;
  PeakRss rss;
  IngestResult r = Ingest({"/dev/zero", a}, opt);
  ASSERT_EQ(r.documents.size(), 1u) << Describe(r.issues);
  EXPECT_EQ(r.documents[0].path, a);
  ASSERT_EQ(r.issues.size(), 1u) << Describe(r.issues);
  EXPECT_EQ(r.issues[0].path, "/dev/zero");
  EXPECT_NE(r.issues[0].message.find("limit"), std::string::npos) << r.issues[0].message;
  // Standard input that never ends, as one document.
  class Endless : public std::streambuf {
   public:
    Endless() { setg(buf_, buf_, buf_ + sizeof(buf_)); }
   protected:
    int_type underflow() override {
      setg(buf_, buf_, buf_ + sizeof(buf_));
      return 'y';
    }
   private:
    char buf_[4096] = {};
  } endless;
  std::istream in(&endless);
  IngestResult s = Ingest({"-"}, opt, &in);
  EXPECT_TRUE(s.documents.empty());
  ASSERT_EQ(s.issues.size(), 1u) << Describe(s.issues);
  EXPECT_NE(s.issues[0].message.find("limit"), std::string::npos) << s.issues[0].message;
  // Two reads of at most the limit (8 MiB) plus one chunk each. Ceiling
  // 64 MiB; reading to the end would never finish.
  rss.Check(64);
}

}  // namespace
}  // namespace reprint

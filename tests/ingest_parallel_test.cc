// JSONL read by several threads, a chunk of lines at a time: the documents
// (every field, origin included), issues and bytes read are exactly those
// written out by hand for one file with every kind of line, and the same for
// every thread count and chunk size, down to one byte, on that file and on
// random mixes of lines.
#include <algorithm>
#include <cstdint>
#include <ios>
#include <random>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/document_text.h"
#include "reprint/ingest.h"
#include "reprint/internal/line_chunks.h"
#include "tests/support/mutate.h"
#include "tests/support/temp_dir.h"

namespace reprint {
namespace {

using testing::TempDir;

const int kThreads[] = {1, 2, 3, 8};
// Chunks of one byte (every line grows the buffer), of a few lines, the
// default, and the whole file.
const uint64_t kChunks[] = {1, 7, 64, 1000, IngestOptions().jsonl_chunk_bytes, 1ull << 30};

IngestOptions Options(int threads, uint64_t chunk_bytes) {
  IngestOptions opt;
  opt.threads = threads;
  opt.jsonl_chunk_bytes = chunk_bytes;
  return opt;
}

// Everything Ingest says, one line per document and issue: two results are
// the same exactly when these are.
std::vector<std::string> Describe(const IngestResult& r) {
  std::vector<std::string> out;
  for (const Document& d : r.documents) {
    const TextOrigin& o = d.origin;
    std::ostringstream s;
    s << "doc id=" << d.id << " source=" << d.source << " path=" << d.path << " line=" << d.line
      << " date=" << d.date << " text=" << d.text << " origin=";
    if (o.file != nullptr) {
      s << o.file->path << "," << static_cast<int>(o.file->kind) << "," << o.file->text_field;
    }
    s << " " << o.offset << "+" << o.length << " size=" << o.size << " hash=" << o.hash;
    out.push_back(s.str());
  }
  for (const InputIssue& i : r.issues) {
    out.push_back("issue " + i.ToString() + (i.rejected ? " (rejected)" : ""));
  }
  out.push_back("bytes_read " + std::to_string(r.bytes_read));
  return out;
}

// Ingests `path` with every thread count and chunk size; each must describe
// as `want`, and every released text must read back as it was first read.
void ExpectSameEverywhere(const std::string& path, IngestOptions base,
                          const std::vector<std::string>& want) {
  for (const int threads : kThreads) {
    for (const uint64_t chunk : kChunks) {
      SCOPED_TRACE("threads " + std::to_string(threads) + ", chunk " + std::to_string(chunk));
      IngestOptions opt = base;
      opt.threads = threads;
      opt.jsonl_chunk_bytes = chunk;
      const IngestResult held = Ingest({path}, opt);
      ASSERT_EQ(Describe(held), want);
      opt.release_text = true;
      const IngestResult released = Ingest({path}, opt);
      ASSERT_EQ(released.documents.size(), held.documents.size());
      for (size_t d = 0; d < held.documents.size(); ++d) {
        EXPECT_TRUE(TextOf(released.documents[d]) == held.documents[d].text) << d;
      }
      EXPECT_TRUE(TextStatus(released.documents).ok()) << TextStatus(released.documents);
    }
  }
}

TEST(IngestParallelTest, EveryKindOfLineIsReadAsWrittenOutWithAnyThreadsAndChunks) {
  const std::string long_text(IngestOptions().jsonl_chunk_bytes + 1000, 'x');
  const std::vector<std::string> lines = {
      "{\"id\":\"a1\",\"text\":\"first record\",\"source\":\"Wire\",\"date\":\"2024-01-02\"}",
      "",                                                           // 2: blank
      " \t",                                                        // 3: whitespace only
      "{\"text\":\"crlf record\"}\r",                               // 4: CRLF
      "{\"id\":\"x\",\"text\":\"unterminated",                      // 5
      "[\"an\",\"array\"]",                                         // 6
      "42",                                                         // 7
      "{\"id\":\"m\",\"body\":\"no text\"}",                        // 8
      "{\"id\":\"n\",\"text\":7}",                                  // 9
      "{\"text\":\"has \\u0000 nul\"}",                             // 10
      "{\"text\":\"bad \xFF byte\"}",                               // 11: invalid UTF-8
      "\r\r",                                                       // 12: one CR is stripped
      "{\"id\":17,\"text\":\"\",\"source\":null}",                  // 13: empty text, skipped
      "{\"id\":\"long\",\"text\":\"" + long_text + "\"}",           // 14: longer than a chunk
      "{\"text\":\"" + long_text + "y\"}",                          // 15: over the size limit
      "{\"text\":\"dup\",\"text\":\"last wins\",\"date\":[1, 2]}",  // 16
      "{\"text\":\"no line end\"}",  // 17: the last line, without '\n'
  };
  std::string file;
  std::vector<uint64_t> at;  // offset of each line
  for (const std::string& line : lines) {
    at.push_back(file.size());
    file += line + "\n";
  }
  file.pop_back();
  TempDir dir;
  const std::string path = dir.Write("feed.jsonl", file);
  IngestOptions opt;
  opt.max_document_bytes = long_text.size();

  const IngestResult serial = Ingest({path}, opt);
  ASSERT_EQ(serial.documents.size(), 5u);
  struct WantDoc {
    size_t line;  // 1-based
    std::string id, source, date, text;
    uint64_t length;  // of the line in the file, without its line end
  };
  const std::vector<WantDoc> want_docs = {
      {1, "a1", "Wire", "2024-01-02", "first record", lines[0].size()},
      {4, path + ":4", "feed", "", "crlf record", lines[3].size() - 1},
      {14, "long", "feed", "", long_text, lines[13].size()},
      {16, path + ":16", "feed", "[1,2]", "last wins", lines[15].size()},
      {17, path + ":17", "feed", "", "no line end", lines[16].size()},
  };
  for (size_t i = 0; i < want_docs.size(); ++i) {
    const WantDoc& w = want_docs[i];
    const Document& d = serial.documents[i];
    SCOPED_TRACE("line " + std::to_string(w.line));
    EXPECT_EQ(d.line, w.line);
    EXPECT_EQ(d.id, w.id);
    EXPECT_EQ(d.source, w.source);
    EXPECT_EQ(d.path, path);
    EXPECT_EQ(d.date, w.date);
    EXPECT_TRUE(d.text == w.text) << d.text.substr(0, 100);
    ASSERT_NE(d.origin.file, nullptr);
    EXPECT_EQ(d.origin.file->path, path);
    EXPECT_EQ(d.origin.offset, at[w.line - 1]);
    EXPECT_EQ(d.origin.length, w.length);
    EXPECT_EQ(d.origin.size, w.text.size());
  }
  struct WantIssue {
    uint64_t line;
    std::string message;
  };
  const std::vector<WantIssue> want_issues = {
      {5, "not valid JSON (A string is opened, but never closed.); record skipped"},
      {6, "a JSONL record must be a JSON object; record skipped"},
      {7, "a JSONL record must be a JSON object; record skipped"},
      {8, "record has no string field \"text\"; record skipped"},
      {9, "record has no string field \"text\"; record skipped"},
      {10, "binary data (NUL byte at offset 4); not read"},
      {11, "not valid JSON (The input is not valid UTF-8); record skipped"},
      {12, "not valid JSON (Empty: no JSON found); record skipped"},
      {15, "text exceeds the document size limit; record skipped"},
  };
  ASSERT_EQ(serial.issues.size(), want_issues.size());
  for (size_t i = 0; i < want_issues.size(); ++i) {
    EXPECT_EQ(serial.issues[i].path, path);
    EXPECT_EQ(serial.issues[i].line, want_issues[i].line);
    EXPECT_EQ(serial.issues[i].message, want_issues[i].message);
    EXPECT_TRUE(serial.issues[i].rejected);
  }
  // Each line counts with a line end, the last one's included.
  EXPECT_EQ(serial.bytes_read, file.size() + 1);

  ExpectSameEverywhere(path, opt, Describe(serial));
}

TEST(IngestParallelTest, EmptyAndBlankFilesGiveNothingWithAnyThreadsAndChunks) {
  TempDir dir;
  ExpectSameEverywhere(dir.Write("empty.jsonl", ""), IngestOptions(), {"bytes_read 0"});
  ExpectSameEverywhere(dir.Write("blank.jsonl", "\n \n\t\r\n"), IngestOptions(), {"bytes_read 6"});
  ExpectSameEverywhere(dir.Write("cr.jsonl", "\r"), IngestOptions(), {"bytes_read 2"});
}

// One random line of every kind the reader treats differently.
std::string RandomLine(std::mt19937_64& rng, const std::string& long_text) {
  auto pick = [&rng](uint64_t n) { return std::uniform_int_distribution<uint64_t>(0, n - 1)(rng); };
  const std::string text = "w" + std::to_string(pick(1000)) + " x" + std::to_string(pick(1000));
  switch (pick(14)) {
    case 0:
      return "{\"id\":\"r" + std::to_string(pick(100)) + "\",\"text\":\"" + text +
             "\",\"source\":\"S\",\"date\":\"2020\"}";
    case 1:
      return "{\"text\":\"" + text + "\"}";  // default id and source
    case 2:
      return "{\"text\":\"" + text + "\"}\r";
    case 3:
      return "";
    case 4:
      return std::string(pick(4), ' ') + "\t";
    case 5:
      return "\r";
    case 6:
      return "{\"text\":\"" + text;
    case 7:
      return "[\"" + text + "\"]";
    case 8:
      return "{\"body\":\"" + text + "\"}";
    case 9:
      return "{\"text\":\"" + text + "\\u0000\"}";
    case 10:
      return "{\"text\":\"\xC3(" + text + "\"}";
    case 11:
      return "{\"text\":\"\"}";
    case 12:
      return "{\"text\":\"" + long_text + "\"}";  // over the size limit
    default:
      return "{\"text\":\"" + long_text.substr(0, 100 + pick(long_text.size() - 100)) + "\"}";
  }
}

TEST(IngestParallelTest, RandomLinesAreReadTheSameWithAnyThreadsAndChunks) {
  TempDir dir;
  const std::string long_text(3000, 'y');
  IngestOptions base;
  base.max_document_bytes = long_text.size() - 1;
  const uint64_t first_seed = testing::TestSeed(1);
  for (uint64_t seed = first_seed; seed < first_seed + 12; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937_64 rng(seed);
    std::string file;
    const int lines = std::uniform_int_distribution<int>(0, 300)(rng);
    for (int i = 0; i < lines; ++i) file += RandomLine(rng, long_text) + "\n";
    if (rng() % 2 == 0 && !file.empty()) file.pop_back();
    const std::string path = dir.Write(std::to_string(seed) + ".jsonl", file);
    ExpectSameEverywhere(path, base, Describe(Ingest({path}, base)));
  }
}

// Serves its bytes a few at a time, then fails as std::filebuf does on a
// read error: by throwing from underflow.
class FailingBuf : public std::streambuf {
 public:
  FailingBuf(std::string data, size_t piece) : data_(std::move(data)), piece_(piece) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (next_ >= data_.size()) throw std::ios_base::failure("read error");
    const size_t n = std::min(piece_, data_.size() - next_);
    char* p = data_.data() + next_;
    setg(p, p, p + n);
    next_ += n;
    return traits_type::to_int_type(*p);
  }

 private:
  std::string data_;
  size_t piece_;
  size_t next_ = 0;
};

TEST(IngestParallelTest, ReadFailureKeepsEveryLineReadBeforeIt) {
  // Lines 1 and 2 are whole when the stream fails; line 3 is not, and is lost.
  const std::string data = "{\"text\":\"one\"}\n{\"text\":\"two\"}\n{\"text\":\"thr";
  for (const size_t piece : {1, 5, 16, 1000}) {
    for (const int threads : kThreads) {
      for (const uint64_t chunk : kChunks) {
        SCOPED_TRACE("piece " + std::to_string(piece) + ", threads " + std::to_string(threads) +
                     ", chunk " + std::to_string(chunk));
        FailingBuf buf(data, piece);
        std::istream in(&buf);
        IngestResult r;
        IngestJsonl(in, "feed.jsonl", Options(threads, chunk), &r);
        EXPECT_EQ(Describe(r),
                  (std::vector<std::string>{
                      "doc id=feed.jsonl:1 source=feed path=feed.jsonl line=1 date= text=one "
                      "origin= 0+0 size=0 hash=0",
                      "doc id=feed.jsonl:2 source=feed path=feed.jsonl line=2 date= text=two "
                      "origin= 0+0 size=0 hash=0",
                      "issue feed.jsonl:2: error: read failed after this line (rejected)",
                      "bytes_read 30"}));
      }
    }
  }
}

TEST(IngestParallelTest, StandardInputAsJsonlWithThreads) {
  std::string data;
  for (int i = 1; i <= 500; ++i) {
    data += i % 7 == 0 ? "{broken\n" : "{\"text\":\"record " + std::to_string(i) + "\"}\n";
  }
  std::istringstream serial_in(data);
  IngestOptions serial_opt;
  serial_opt.stdin_jsonl = true;
  const std::vector<std::string> want = Describe(Ingest({"-"}, serial_opt, &serial_in));
  ASSERT_EQ(want.size(), 500u + 1);  // 429 documents, 71 issues, bytes
  for (const int threads : kThreads) {
    for (const uint64_t chunk : kChunks) {
      SCOPED_TRACE("threads " + std::to_string(threads) + ", chunk " + std::to_string(chunk));
      std::istringstream in(data);
      IngestOptions opt = Options(threads, chunk);
      opt.stdin_jsonl = true;
      EXPECT_EQ(Describe(Ingest({"-"}, opt, &in)), want);
    }
  }
}

TEST(IngestParallelTest, OptionsValidate) {
  EXPECT_TRUE(Options(1, 1).Validate().ok());
  EXPECT_TRUE(Options(256, 1).Validate().ok());
  EXPECT_FALSE(Options(0, 1).Validate().ok());
  EXPECT_FALSE(Options(257, 1).Validate().ok());
  EXPECT_FALSE(Options(2, 0).Validate().ok());
}

TEST(IngestParallelTest, LastNewlineAndCountLinesMatchAPlainSearch) {
  std::mt19937_64 rng(5);
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 40, 'a');
    for (char& c : s) c = "ab\n"[rng() % 3];
    const char* p = s.data();
    const size_t last = s.rfind('\n');
    EXPECT_EQ(internal::LastNewline(p, s.size()), last == std::string::npos ? nullptr : p + last)
        << s;
    const uint64_t lines = static_cast<uint64_t>(std::count(s.begin(), s.end(), '\n')) +
                           (!s.empty() && s.back() != '\n' ? 1 : 0);
    EXPECT_EQ(internal::CountLines(p, p + s.size()), lines) << s;
  }
}

}  // namespace
}  // namespace reprint

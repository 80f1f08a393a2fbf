// The reprint command line as a user meets it: exit codes (0 ran, 1 some
// inputs rejected but the rest processed, 2 usage error), errors on stderr
// naming the file and line, a JSON report that parses and is byte-identical
// across runs and thread counts, and large or odd inputs that never crash,
// hang or get dropped silently. Runs the built binary (REPRINT_CLI_PATH).
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/support/mutate.h"
#include "tests/support/peak_rss.h"
#include "tests/support/temp_dir.h"
#include "tests/support/unprivileged.h"

namespace reprint {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using testing::ReadBytes;
using testing::TempDir;

// Long enough (>= 6 words, several 5-word shingles) to be compared.
constexpr char kShared[] =
    "The harbour authority confirmed on Tuesday that the northern pier would close for "
    "repairs until the end of the summer season, affecting three ferry routes.";
constexpr char kOtherA[] =
    "Local bakers have raised the price of bread twice this year, citing the cost of flour, "
    "energy and the wages of their night shift workers.";
constexpr char kOtherB[] =
    "A rare orchid was found growing beside a motorway verge, surprising botanists who had "
    "believed the species extinct in the county for decades.";

struct CliRun {
  int exit_code = -1;  // negative: killed by that signal
  std::string out;
  std::string err;
  // reprint's own peak resident set, measured by reprint_measure_peak_rss
  // (negative: not measured).
  double peak_rss_mib = -1;
  // Asked to run unprivileged, as root, and privileges could not be dropped
  // (`err` says why): the test should skip.
  bool could_not_drop = false;
};

// Runs `reprint args...` (through reprint_measure_peak_rss, so that its peak
// memory is measured) with stdin from `stdin_path`, never the terminal.
// Output is captured in files under `scratch`. `unprivileged`: when this
// process is root, the child drops to uid/gid 65534 first (see
// tests/support/unprivileged.h), so permission tests mean something; the
// paths it reads must then be reachable by that user.
CliRun RunCli(const TempDir& scratch, const std::vector<std::string>& args,
              const std::string& stdin_path = "/dev/null", bool unprivileged = false) {
  CliRun run;
  const int in = open(stdin_path.c_str(), O_RDONLY | O_CLOEXEC);
  const int out = open(scratch.Path("stdout.txt").c_str(),
                       O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const int err = open(scratch.Path("stderr.txt").c_str(),
                       O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  int rss[2] = {-1, -1};
  if (in < 0 || out < 0 || err < 0 || pipe2(rss, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "cannot set up the reprint run: " << std::strerror(errno);
    for (int fd : {in, out, err, rss[0], rss[1]}) {
      if (fd >= 0) close(fd);
    }
    return run;
  }
  std::vector<std::string> argv_s = {REPRINT_MEASURE_PEAK_RSS_PATH, REPRINT_CLI_PATH};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  const bool drop = unprivileged && geteuid() == 0;
  const pid_t pid = fork();
  if (pid == 0) {
    // dup2 clears close-on-exec on the copies: the child keeps 0-3 only.
    if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0 || dup2(rss[1], 3) < 0) _exit(126);
    std::string why;
    if (drop && !testing::DropPrivileges(&why)) {
      why = "cannot drop privileges: " + why + "\n";
      const ssize_t written = write(2, why.data(), why.size());
      (void)written;  // exiting anyway
      _exit(testing::kCannotDropExit);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(in);
  close(out);
  close(err);
  close(rss[1]);
  std::string rss_text;
  char buf[64];
  for (ssize_t n; (n = read(rss[0], buf, sizeof(buf))) != 0;) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    rss_text.append(buf, static_cast<size_t>(n));
  }
  close(rss[0]);
  int status = 0;
  if (pid < 0) {
    ADD_FAILURE() << "cannot fork: " << std::strerror(errno);
    return run;
  }
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    run.exit_code = -WTERMSIG(status);
  } else if (WIFEXITED(status)) {
    run.exit_code = WEXITSTATUS(status);
  }
  run.could_not_drop = drop && run.exit_code == testing::kCannotDropExit;
  if (!rss_text.empty()) run.peak_rss_mib = std::strtod(rss_text.c_str(), nullptr) / 1024.0;
  run.out = ReadBytes(scratch.Path("stdout.txt"));
  run.err = ReadBytes(scratch.Path("stderr.txt"));
  return run;
}

std::string Describe(const CliRun& r) {
  return "exit " + std::to_string(r.exit_code) + "\n--- stderr ---\n" + r.err +
         "--- stdout (first 2000 bytes) ---\n" + r.out.substr(0, 2000);
}

// Parses a report; a parse failure leaves a discarded value and a test failure.
Json ParseReport(const std::string& text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << "report is not valid JSON:\n" << text.substr(0, 2000);
  return j;
}

std::vector<std::string> DocumentIds(const Json& report) {
  std::vector<std::string> ids;
  if (!report.contains("documents")) return ids;
  for (const Json& d : report["documents"]) ids.push_back(d.value("id", ""));
  return ids;
}

std::vector<std::string> DocumentPaths(const Json& report) {
  std::vector<std::string> paths;
  if (!report.contains("documents")) return paths;
  for (const Json& d : report["documents"]) paths.push_back(d.value("path", ""));
  return paths;
}

// Lines of `text` starting with `prefix`.
std::vector<std::string> LinesStartingWith(const std::string& text, const std::string& prefix) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) == 0) out.push_back(line);
  }
  return out;
}

using DocPair = std::pair<std::string, std::string>;

// An unordered pair of document ids, in the order ClusteredDocPairs uses.
DocPair Pair(std::string a, std::string b) {
  if (a > b) std::swap(a, b);
  return {a, b};
}

// Docs whose clusters pair up: every pair of documents with a shared member.
std::set<DocPair> ClusteredDocPairs(const Json& report) {
  std::set<DocPair> out;
  for (const Json& c : report["clusters"]) {
    const Json& m = c["members"];
    for (size_t i = 0; i < m.size(); ++i) {
      for (size_t k = i + 1; k < m.size(); ++k) {
        const std::string a = m[i]["doc"], b = m[k]["doc"];
        if (a != b) out.insert(Pair(a, b));
      }
    }
  }
  return out;
}

// A small corpus with findings: generated documents with mutated and quoted
// paragraphs (fixed seed), written as files.
std::string WriteGeneratedCorpus(const TempDir& dir, const std::string& folder) {
  std::mt19937_64 rng(20240611);
  for (const Document& d : testing::MutatedCorpus(60, rng))
    dir.Write(folder + "/" + d.id + ".txt", d.text);
  return dir.Path(folder);
}

TEST(CliTest, ExitsZeroWithoutFindings) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", std::string(kOtherA) + "\n");
  const std::string b = dir.Write("c/b.txt", std::string(kOtherB) + "\n");
  CliRun run = RunCli(dir, {"scan", "--format", "json", a, b});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_EQ(run.err, "");
  Json report = ParseReport(run.out);
  EXPECT_EQ(DocumentIds(report), (std::vector<std::string>{a, b}));
  EXPECT_TRUE(report["clusters"].empty());
}

TEST(CliTest, ExitsZeroWithFindings) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", std::string(kOtherA) + "\n\n" + kShared + "\n");
  const std::string b = dir.Write("c/b.txt", std::string(kShared) + "\n\n" + kOtherB + "\n");
  for (const char* format : {"json", "text"}) {
    SCOPED_TRACE(format);
    CliRun run = RunCli(dir, {"scan", "--format", format, dir.Path("c")});
    ASSERT_EQ(run.exit_code, 0) << Describe(run);
    EXPECT_EQ(run.err, "");
    if (std::string(format) == "json") {
      Json report = ParseReport(run.out);
      EXPECT_EQ(ClusteredDocPairs(report), (std::set<DocPair>{Pair(a, b)}));
    } else {
      EXPECT_NE(run.out.find("Cluster 1"), std::string::npos) << run.out;
    }
  }
}

TEST(CliTest, JsonReportHasTheDocumentedShape) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", std::string(kShared) + "\n");
  const std::string b = dir.Write("c/b.txt", std::string(kShared) + "\n");
  CliRun run = RunCli(dir, {"scan", "--format", "json", "--threshold", "0.7", dir.Path("c")});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  Json report = ParseReport(run.out);
  ASSERT_TRUE(report.is_object());
  EXPECT_EQ(report["format"], "reprint-report");
  EXPECT_EQ(report["version"], 2);
  ASSERT_TRUE(report["params"].is_object());
  EXPECT_EQ(report["params"]["unit"], "paragraph");
  EXPECT_DOUBLE_EQ(report["params"]["threshold"].get<double>(), 0.7);
  EXPECT_TRUE(report["params"].contains("seed"));
  ASSERT_TRUE(report["documents"].is_array());
  ASSERT_EQ(report["documents"].size(), 2u);
  const Json& d0 = report["documents"][0];
  EXPECT_EQ(d0["id"], a);
  EXPECT_EQ(d0["path"], a);
  EXPECT_EQ(d0["source"], "a");
  EXPECT_EQ(d0["bytes"], std::string(kShared).size() + 1);
  ASSERT_TRUE(report["clusters"].is_array());
  ASSERT_EQ(report["clusters"].size(), 1u);
  const Json& c = report["clusters"][0];
  ASSERT_EQ(c["members"].size(), 2u);
  EXPECT_EQ(c["members"][1]["doc"], b);
  EXPECT_EQ(c["members"][0]["text"], kShared);
  ASSERT_EQ(c["pairs"].size(), 1u);
  EXPECT_EQ(c["pairs"][0]["jaccard"], 1.0);
  EXPECT_TRUE(report["issues"].is_array());
  ASSERT_TRUE(report["stats"].is_object());
  EXPECT_EQ(report["stats"]["documents"], 2);
  EXPECT_EQ(report["stats"]["clusters"], 1);
  EXPECT_FALSE(report["stats"].contains("stage_seconds"));
}

TEST(CliTest, RejectedInputsExitOneAndTheRestIsProcessed) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", std::string(kOtherA) + "\n\n" + kShared + "\n");
  const std::string bin = dir.Write("c/b.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  const std::string jsonl =
      dir.Write("c/feed.jsonl", "{\"id\":\"r1\",\"text\":\"" + std::string(kShared) +
                                    "\"}\n"                                         // 1
                                    "\n"                                            // 2
                                    "{\"id\":\"r3\",\"text\":\"oops\n"              // 3
                                    "[1,2,3]\n"                                     // 4
                                    "{\"id\":\"r5\",\"title\":\"no text\"}\n"       // 5
                                    "{\"id\":\"r6\",\"text\":[\"not\",\"str\"]}\n"  // 6
                                    "{\"id\":\"r7\",\"text\":\"" +
                                    kOtherB + "\"}\n");  // 7
  const std::string z = dir.Write("c/z.txt", std::string(kShared) + "\n");
  const std::string missing = dir.Path("missing.txt");
  CliRun run = RunCli(dir, {"scan", "--format", "json", missing, dir.Path("c")});
  ASSERT_EQ(run.exit_code, 1) << Describe(run);

  // Errors name the file (and line) and say what is wrong.
  EXPECT_EQ(LinesStartingWith(run.err, missing + ": error: ").size(), 1u) << run.err;
  const auto bin_lines = LinesStartingWith(run.err, bin + ": error: ");
  ASSERT_EQ(bin_lines.size(), 1u) << run.err;
  EXPECT_NE(bin_lines[0].find("binary"), std::string::npos);
  for (int line : {3, 4, 5, 6}) {
    EXPECT_EQ(LinesStartingWith(run.err, jsonl + ":" + std::to_string(line) + ": error: ").size(),
              1u)
        << "line " << line << "\n"
        << run.err;
  }
  EXPECT_TRUE(LinesStartingWith(run.err, jsonl + ":1:").empty()) << run.err;
  EXPECT_TRUE(LinesStartingWith(run.err, jsonl + ":7:").empty()) << run.err;

  // The valid documents are all in the report, and still matched.
  Json report = ParseReport(run.out);
  EXPECT_EQ(DocumentIds(report), (std::vector<std::string>{a, "r1", "r7", z}));
  EXPECT_EQ(ClusteredDocPairs(report),
            (std::set<DocPair>{Pair(a, "r1"), Pair(a, z), Pair("r1", z)}))
      << run.out;
  size_t errors = 0;
  for (const Json& i : report["issues"]) {
    EXPECT_EQ(i["severity"], "error");
    errors += 1;
  }
  EXPECT_EQ(errors, 6u);
}

TEST(CliTest, UsageErrorsExitTwo) {
  TempDir dir;
  const std::string a = dir.Write("a.txt", std::string(kShared) + "\n");
  const std::vector<std::vector<std::string>> cases = {
      {"scan", "--no-such-flag", a},
      {"scan", "--unit", "bogus", a},
      {"scan", "--bands", "16", a},
      {"scan", "--rows", "8", a},
      {"scan", "--threshold", "0", a},
      {"scan", "--threshold", "1.5", a},
      {"scan", "--threads", "0", a},
      {"scan", "--format", "xml", a},
      {"scan", "--measure", "cosine", a},
      {"scan", "--shingle", "many", a},
      {"scan", "--text-field", "", a},
      {"scan"},
      {},
      {"frobnicate", a},
  };
  for (const auto& args : cases) {
    std::string joined;
    for (const std::string& x : args) joined += " " + x;
    SCOPED_TRACE("reprint" + joined);
    CliRun run = RunCli(dir, args);
    EXPECT_EQ(run.exit_code, 2) << Describe(run);
    EXPECT_NE(run.err, "");
    EXPECT_EQ(run.out, "");
  }
}

TEST(CliTest, ErrorsOnStderrNameFileAndLine) {
  TempDir dir;
  const std::string jsonl = dir.Write("in.jsonl",
                                      "{\"text\":\"one two three four five six seven\"}\n"
                                      "{\"text\":\"eight nine ten eleven twelve thirteen\"}\n"
                                      "{\"text\": not json}\n");
  CliRun run = RunCli(dir, {"scan", jsonl});
  ASSERT_EQ(run.exit_code, 1) << Describe(run);
  EXPECT_EQ(run.err, jsonl +
                         ":3: error: not valid JSON (Problem while parsing an atom starting with "
                         "the letter 'n'); record skipped\n");
  // The text report still runs, and says inputs were rejected.
  EXPECT_NE(run.out.find("2 documents"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("1 rejected"), std::string::npos) << run.out;
}

// As root (CI) reprint runs as uid 65534, for which chmod 000 means something.
TEST(CliTest, UnreadableFileExitsOne) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", std::string(kShared) + "\n");
  const std::string locked = dir.Write("c/locked.txt", std::string(kShared) + "\n");
  const std::string z = dir.Write("c/z.txt", std::string(kOtherA) + "\n");
  ASSERT_EQ(chmod(dir.path().c_str(), 0755), 0);  // reachable by the unprivileged user
  ASSERT_EQ(chmod(locked.c_str(), 0), 0);
  CliRun run = RunCli(dir, {"scan", "--format", "json", dir.Path("c")}, "/dev/null",
                      /*unprivileged=*/true);
  if (run.could_not_drop) GTEST_SKIP() << run.err;
  ASSERT_EQ(run.exit_code, 1) << Describe(run);
  EXPECT_EQ(run.err, locked + ": error: cannot open: Permission denied\n") << run.err;
  EXPECT_EQ(DocumentIds(ParseReport(run.out)), (std::vector<std::string>{a, z}));
}

// Invalid UTF-8 is a warning (exit 0); offsets in the report still address
// the original bytes, so a slice of the file at [start, end) is the passage.
TEST(CliTest, InvalidUtf8WarnsAndOffsetsPointAtOriginalBytes) {
  TempDir dir;
  // Bad bytes before the shared paragraph: any repair that changed lengths
  // (e.g. U+FFFD is 3 bytes) would shift the offsets.
  const std::string bad_text = std::string("Caf\xE9 society \xFF\xFE gossip and \xC3 more ") +
                               "words in a latin-1 paragraph here.\n\n" + kShared + "\n";
  const std::string bad = dir.Write("c/bad.txt", bad_text);
  const std::string good = dir.Write("c/good.txt", std::string(kOtherB) + "\n\n" + kShared + "\n");
  CliRun run = RunCli(dir, {"scan", "--format", "json", dir.Path("c")});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  const auto warnings = LinesStartingWith(run.err, bad + ": warning: ");
  ASSERT_EQ(warnings.size(), 1u) << run.err;
  EXPECT_NE(warnings[0].find("UTF-8"), std::string::npos) << warnings[0];
  EXPECT_EQ(LinesStartingWith(run.err, good).size(), 0u) << run.err;

  Json report = ParseReport(run.out);
  EXPECT_EQ(DocumentIds(report), (std::vector<std::string>{bad, good}));
  ASSERT_EQ(report["issues"].size(), 1u);
  EXPECT_EQ(report["issues"][0]["severity"], "warning");
  EXPECT_EQ(report["documents"][0]["bytes"], bad_text.size());
  ASSERT_EQ(report["clusters"].size(), 1u) << run.out;
  bool saw_bad = false;
  for (const Json& m : report["clusters"][0]["members"]) {
    if (m["doc"] != bad) continue;
    saw_bad = true;
    const size_t start = m["start"], end = m["end"];
    ASSERT_LE(start, end);
    ASSERT_LE(end, bad_text.size());
    const std::string slice = bad_text.substr(start, end - start);
    EXPECT_EQ(slice, kShared);
    EXPECT_EQ(m["text"], slice);
  }
  EXPECT_TRUE(saw_bad) << run.out;
}

TEST(CliTest, EmptyFileIsSkippedQuietly) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", std::string(kShared) + "\n");
  const std::string empty = dir.Write("c/empty.txt", "");
  CliRun run = RunCli(dir, {"scan", "--format", "json", dir.Path("c"), empty});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_EQ(run.err, "");
  Json report = ParseReport(run.out);
  EXPECT_EQ(DocumentIds(report), (std::vector<std::string>{a}));
  EXPECT_TRUE(report["issues"].empty());
}

TEST(CliTest, TwoRunsGiveIdenticalBytes) {
  TempDir dir;
  const std::string gen = WriteGeneratedCorpus(dir, "gen");
  const std::string seeds = std::string(REPRINT_SOURCE_DIR) + "/corpus/seeds";
  for (const char* format : {"json", "text"}) {
    SCOPED_TRACE(format);
    CliRun first = RunCli(dir, {"scan", "--format", format, gen, seeds});
    ASSERT_EQ(first.exit_code, 0) << Describe(first);
    CliRun second = RunCli(dir, {"scan", "--format", format, gen, seeds});
    ASSERT_EQ(second.exit_code, 0) << Describe(second);
    EXPECT_TRUE(first.out == second.out) << "reports differ between two runs";
    if (std::string(format) == "json") {
      EXPECT_FALSE(ParseReport(first.out)["clusters"].empty()) << "corpus has no findings";
    }
  }
}

// The CLI re-executes itself with glibc's huge-page and trim tunables
// (cli/malloc_tunables.h); the report must not depend on them.
TEST(CliTest, MallocTunablesDoNotChangeTheReport) {
  TempDir dir;
  const std::string gen = WriteGeneratedCorpus(dir, "gen");
  CliRun with = RunCli(dir, {"scan", "--format", "json", gen});
  ASSERT_EQ(with.exit_code, 0) << Describe(with);
  ASSERT_EQ(setenv("REPRINT_HUGE_PAGES", "0", 1), 0);
  CliRun without = RunCli(dir, {"scan", "--format", "json", gen});
  unsetenv("REPRINT_HUGE_PAGES");
  ASSERT_EQ(without.exit_code, 0) << Describe(without);
  EXPECT_TRUE(with.out == without.out) << "huge pages changed the report";
  // Tunables the user set are kept: nothing is added, no re-execution.
  ASSERT_EQ(setenv("GLIBC_TUNABLES",
                   "glibc.malloc.hugetlb=0:glibc.malloc.trim_threshold=33554432", 1),
            0);
  CliRun user = RunCli(dir, {"scan", "--format", "json", gen});
  unsetenv("GLIBC_TUNABLES");
  ASSERT_EQ(user.exit_code, 0) << Describe(user);
  EXPECT_TRUE(with.out == user.out) << "the user's tunables changed the report";
}

// Doc scans read texts again from the files (a folder of files, or one
// JSONL file); holding them gives the same report in every format.
TEST(CliTest, TextsReadAgainGiveTheSameReport) {
  TempDir dir;
  const std::string gen = WriteGeneratedCorpus(dir, "gen");
  std::string jsonl;
  std::mt19937_64 rng(20240611);
  for (const Document& d : testing::MutatedCorpus(60, rng)) {
    jsonl += Json{{"id", d.id}, {"text", d.text}}.dump() + "\n";
  }
  const std::string lines = dir.Write("gen.jsonl", jsonl);
  for (const std::string& input : {gen, lines}) {
    for (const char* format : {"json", "text", "html"}) {
      SCOPED_TRACE(input + " " + format);
      CliRun read_again = RunCli(dir, {"scan", "--unit", "doc", "--format", format, input});
      ASSERT_EQ(read_again.exit_code, 0) << Describe(read_again);
      CliRun held =
          RunCli(dir, {"scan", "--unit", "doc", "--keep-text", "--format", format, input});
      ASSERT_EQ(held.exit_code, 0) << Describe(held);
      EXPECT_TRUE(read_again.out == held.out) << "--keep-text changed the report";
      if (std::string(format) == "json") {
        EXPECT_FALSE(ParseReport(read_again.out)["clusters"].empty());
      }
    }
  }
}

TEST(CliTest, ThreadCountDoesNotChangeTheReport) {
  TempDir dir;
  const std::string gen = WriteGeneratedCorpus(dir, "gen");
  for (const char* format : {"json", "text"}) {
    for (const char* unit : {"paragraph", "doc"}) {
      SCOPED_TRACE(std::string(format) + " " + unit);
      CliRun one = RunCli(dir, {"scan", "--format", format, "--unit", unit, "--threads", "1", gen});
      ASSERT_EQ(one.exit_code, 0) << Describe(one);
      CliRun two = RunCli(dir, {"scan", "--format", format, "--unit", unit, "--threads", "2", gen});
      ASSERT_EQ(two.exit_code, 0) << Describe(two);
      EXPECT_TRUE(one.out == two.out) << "--threads 1 and --threads 2 reports differ";
    }
  }
}

TEST(CliTest, JsonlFieldFlags) {
  TempDir dir;
  const std::string jsonl =
      dir.Write("wire.jsonl", "{\"uid\":\"A-1\",\"body\":\"" + std::string(kShared) +
                                  "\",\"outlet\":\"Herald\"}\n" + "{\"uid\":\"B-2\",\"body\":\"" +
                                  kShared + "\",\"outlet\":\"Gazette\"}\n");
  CliRun run = RunCli(dir, {"scan", "--format", "json", "--id-field", "uid", "--text-field", "body",
                            "--source-field", "outlet", jsonl});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  Json report = ParseReport(run.out);
  ASSERT_EQ(report["documents"].size(), 2u);
  EXPECT_EQ(report["documents"][0]["id"], "A-1");
  EXPECT_EQ(report["documents"][0]["source"], "Herald");
  EXPECT_EQ(report["documents"][0]["line"], 1);
  EXPECT_EQ(report["documents"][1]["id"], "B-2");
  EXPECT_EQ(report["documents"][1]["source"], "Gazette");
  ASSERT_EQ(report["clusters"].size(), 1u);
  EXPECT_EQ(report["clusters"][0]["members"][0]["source"], "Herald");

  // Without the flags the records have no "text": both rejected, by line.
  CliRun plain = RunCli(dir, {"scan", "--format", "json", jsonl});
  ASSERT_EQ(plain.exit_code, 1) << Describe(plain);
  EXPECT_EQ(LinesStartingWith(plain.err, jsonl + ":1: error: ").size(), 1u) << plain.err;
  EXPECT_EQ(LinesStartingWith(plain.err, jsonl + ":2: error: ").size(), 1u) << plain.err;
  EXPECT_TRUE(ParseReport(plain.out)["documents"].empty());
}

TEST(CliTest, StdinIsOneDocument) {
  TempDir dir;
  const std::string text = std::string("{\"text\":\"not parsed\"}\n\n") + kShared + "\n";
  const std::string in = dir.Write("stdin.txt", text);
  const std::string other = dir.Write("other.txt", std::string(kShared) + "\n");
  CliRun run = RunCli(dir, {"scan", "--format", "json", "-", other}, in);
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  Json report = ParseReport(run.out);
  ASSERT_EQ(report["documents"].size(), 2u);
  EXPECT_EQ(report["documents"][0]["id"], "-");
  EXPECT_EQ(report["documents"][0]["path"], "-");
  EXPECT_EQ(report["documents"][0]["source"], "stdin");
  EXPECT_EQ(report["documents"][0]["bytes"], text.size());
  EXPECT_EQ(ClusteredDocPairs(report), (std::set<DocPair>{Pair("-", other)}));
}

TEST(CliTest, StdinAsJsonl) {
  TempDir dir;
  const std::string in = dir.Write(
      "stdin.jsonl", "{\"id\":\"s1\",\"text\":\"" + std::string(kShared) + "\"}\n" +
                         "{\"id\":\"s2\",\"text\":\"" + kShared + "\"}\n" + "not json at all\n");
  CliRun run = RunCli(dir, {"scan", "--format", "json", "--jsonl", "-"}, in);
  ASSERT_EQ(run.exit_code, 1) << Describe(run);
  EXPECT_EQ(LinesStartingWith(run.err, "-:3: error: ").size(), 1u) << run.err;
  Json report = ParseReport(run.out);
  EXPECT_EQ(DocumentIds(report), (std::vector<std::string>{"s1", "s2"}));
  EXPECT_EQ(report["documents"][0]["source"], "stdin");
  EXPECT_EQ(ClusteredDocPairs(report), (std::set<DocPair>{Pair("s1", "s2")}));
}

TEST(CliTest, OutputFlagWritesTheReport) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", std::string(kShared) + "\n");
  const std::string report_path = dir.Path("report.json");
  CliRun to_file = RunCli(dir, {"scan", "--format", "json", "-o", report_path, a});
  ASSERT_EQ(to_file.exit_code, 0) << Describe(to_file);
  EXPECT_EQ(to_file.out, "");
  CliRun to_stdout = RunCli(dir, {"scan", "--format", "json", a});
  ASSERT_EQ(to_stdout.exit_code, 0) << Describe(to_stdout);
  EXPECT_EQ(ReadBytes(report_path), to_stdout.out);
  // A report that cannot be written is an error of its own (exit 2).
  CliRun nowhere =
      RunCli(dir, {"scan", "--format", "json", "-o", dir.Path("no/such/dir/r.json"), a});
  EXPECT_EQ(nowhere.exit_code, 2) << Describe(nowhere);
  EXPECT_NE(nowhere.err.find("no/such/dir/r.json"), std::string::npos) << nowhere.err;
}

// Links to folders (here both loops) are not followed: a warning each, exit 0.
TEST(CliTest, NestedFoldersSortedAndSymlinkLoopDoesNotHang) {
  TempDir dir;
  const std::vector<std::string> rel = {"c/z.txt",        "c/b/2.txt", "c/a.txt",
                                        "c/b/1/deep.txt", "c/b.txt",   "c/0.txt"};
  std::vector<std::string> want;
  for (const std::string& f : rel) want.push_back(dir.Write(f, "the text of " + f + "\n"));
  std::sort(want.begin(), want.end());
  std::error_code ec;
  fs::create_directory_symlink("..", dir.Path("c/b/1/up"), ec);
  ASSERT_FALSE(ec) << ec.message();
  fs::create_directory_symlink(dir.Path("c"), dir.Path("c/b/again"), ec);
  ASSERT_FALSE(ec) << ec.message();
  const std::string not_followed =
      ": warning: symbolic link to a folder, not followed inside a folder walk; its files were "
      "not read (name the folder itself to read it)\n";
  for (int round = 0; round < 2; ++round) {
    CliRun run = RunCli(dir, {"scan", "--format", "json", dir.Path("c")});
    ASSERT_EQ(run.exit_code, 0) << Describe(run);
    EXPECT_EQ(DocumentPaths(ParseReport(run.out)), want);
    EXPECT_EQ(run.err, dir.Path("c/b/1/up") + not_followed + dir.Path("c/b/again") + not_followed);
    // Six tiny files; a walk that followed the loops would not end at all.
    testing::CheckChildPeakRss(run.peak_rss_mib, 64);
  }
}

// Every entry of a folder that is not read is named on stderr: dangling and
// looping links are errors (exit 1), a FIFO with no writer and a link to a
// socket-like special file are warnings; the rest of the folder is read.
TEST(CliTest, FolderEntriesThatAreNotReadAreNamed) {
  TempDir dir;
  const std::string a = dir.Write("c/a.txt", std::string(kShared) + "\n");
  const std::string z = dir.Write("c/sub/z.txt", std::string(kShared) + "\n");
  std::error_code ec;
  fs::create_symlink("gone.txt", dir.Path("c/dangling.txt"), ec);
  ASSERT_FALSE(ec) << ec.message();
  fs::create_symlink("knot", dir.Path("c/knot"), ec);
  ASSERT_FALSE(ec) << ec.message();
  ASSERT_EQ(mkfifo(dir.Path("c/pipe").c_str(), 0644), 0);
  fs::create_symlink("/dev/null", dir.Path("c/null"), ec);
  ASSERT_FALSE(ec) << ec.message();
  CliRun run = RunCli(dir, {"scan", "--format", "json", dir.Path("c")});
  ASSERT_EQ(run.exit_code, 1) << Describe(run);
  EXPECT_EQ(DocumentPaths(ParseReport(run.out)), (std::vector<std::string>{a, z}));
  EXPECT_EQ(run.err,
            dir.Path("c/dangling.txt") +
                ": error: dangling symbolic link (its target does not exist); not read\n" +
                dir.Path("c/knot") +
                ": error: symbolic link loop (Too many levels of symbolic links); not read\n" +
                dir.Path("c/null") +
                ": warning: symbolic link to a character device; not read (only regular files "
                "are read)\n" +
                dir.Path("c/pipe") +
                ": warning: named pipe (FIFO); not read (only regular files are read)\n");
  testing::CheckChildPeakRss(run.peak_rss_mib, 64);  // two tiny files
}

// A 50 MB file that is one line: one document, one paragraph, scanned to the end.
TEST(CliTest, FiftyMegabyteSingleLine) {
  TempDir dir;
  std::mt19937_64 rng(50);
  std::uniform_int_distribution<int> pick(0, 9999);
  std::string line;
  line.reserve((50u << 20) + 16);
  while (line.size() < (50u << 20)) {
    if (!line.empty()) line += ' ';
    line += 'w';
    line += std::to_string(pick(rng));
  }
  line += '\n';
  const std::string big = dir.Write("big.txt", line);
  const std::string small = dir.Write("small.txt", std::string(kShared) + "\n");
  CliRun run = RunCli(dir, {"scan", "--unit", "paragraph", "--format", "json", big, small});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  Json report = ParseReport(run.out);
  EXPECT_EQ(DocumentIds(report), (std::vector<std::string>{big, small}));
  EXPECT_EQ(report["documents"][0]["bytes"], line.size());
  EXPECT_EQ(report["stats"]["units"], 2);
  EXPECT_GT(report["stats"]["shingles"].get<uint64_t>(), 1000000u);
}

TEST(CliTest, TenThousandTinyFiles) {
  TempDir dir;
  constexpr int kFiles = 10000;
  std::vector<std::string> want;
  want.reserve(kFiles);
  for (int i = kFiles - 1; i >= 0; --i) {
    want.push_back(dir.Write("many/" + std::to_string(i) + ".txt",
                             "tiny file " + std::to_string(i) + " of a large folder\n"));
  }
  std::sort(want.begin(), want.end());
  CliRun run = RunCli(dir, {"scan", "--format", "json", dir.Path("many")});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  Json report = ParseReport(run.out);
  EXPECT_EQ(report["stats"]["documents"], kFiles);
  EXPECT_TRUE(DocumentPaths(report) == want) << "not all files, or not in sorted order";
}

}  // namespace
}  // namespace reprint

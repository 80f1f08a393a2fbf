// File: bench/e2e.cc
// reprint_e2e: the end-to-end benchmark. For each corpus size it generates a
// dedup corpus with corpus_gen, runs `reprint scan` on it for every unit and
// thread count (wall time, CPU time and peak RSS of the child process from
// wait4), measures the hash-only floor (bench/floor.h) on the same file in
// this process, and prints one table.
//
//   reprint_e2e                       # 10 MB and 100 MB, doc/paragraph, 1/2 threads
//   reprint_e2e --big                 # adds 1000 MB
//   reprint_e2e --sizes 10 --units doc --threads 1,2,4 --stages
//
// The tools are found next to this binary (build/bench/corpus_gen,
// build/src/reprint) unless --corpus-gen / --reprint say otherwise. Scans run
// before the floor loads the corpus, so the forked child never inherits a
// large parent (Linux counts the pre-exec image in ru_maxrss).
// Exit codes: 0 all runs succeeded, 1 some run failed, 2 usage error.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "bench/floor.h"
#include "nlohmann/json.hpp"

namespace {

namespace fs = std::filesystem;

struct ChildRun {
  int exit_code = -1;  // 128 + signal when killed
  double wall_seconds = 0;
  double cpu_seconds = 0;  // user + system
  double peak_rss_mb = 0;
};

// Runs argv[0] with `argv`, stdout to /dev/null; stderr is inherited.
ChildRun Run(const std::vector<std::string>& argv) {
  ChildRun r;
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::fflush(nullptr);
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) return r;
  if (pid == 0) {
    if (std::freopen("/dev/null", "w", stdout) == nullptr) _exit(126);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  struct rusage ru {};
  if (wait4(pid, &status, 0, &ru) < 0) return r;
  r.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.cpu_seconds = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
                  ru.ru_stime.tv_usec / 1e6;
  r.peak_rss_mb = ru.ru_maxrss / 1024.0;  // KiB on Linux
  return r;
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : " ") + x;
  return s;
}

struct Row {
  double corpus_mb = 0;
  std::string unit;
  int threads = 1;
  ChildRun run;
  uint64_t docs = 0;
  double floor_seconds = 0;
  std::string stages;  // "name=s ..." with --stages
};

// Stage seconds from a --timings report. The stats come last, so only the
// file's tail is read: paragraph reports of 1 GB corpora run to gigabytes.
std::string StageSummary(const std::string& report_path) {
  std::ifstream in(report_path, std::ios::binary | std::ios::ate);
  const std::streamoff size = in.tellg();
  const std::streamoff tail = std::min<std::streamoff>(size, 1 << 20);
  std::string buf(static_cast<size_t>(std::max<std::streamoff>(tail, 0)), '\0');
  in.seekg(size - tail);
  in.read(buf.data(), tail);
  const size_t key = buf.rfind("\"stage_seconds\"");
  const size_t open = key == std::string::npos ? key : buf.find('{', key);
  const size_t close = open == std::string::npos ? open : buf.find('}', open);
  if (close == std::string::npos) return "?";
  const nlohmann::ordered_json j =
      nlohmann::ordered_json::parse(buf.substr(open, close - open + 1), nullptr, false);
  if (!j.is_object()) return "?";
  std::string s;
  char line[96];
  for (const auto& [name, sec] : j.items()) {
    if (!sec.is_number()) continue;
    std::snprintf(line, sizeof line, "%s%s %.2f", s.empty() ? "" : ", ", name.c_str(),
                  sec.get<double>());
    s += line;
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path self_dir = fs::read_symlink("/proc/self/exe").parent_path();
  std::string reprint = (self_dir.parent_path() / "src" / "reprint").string();
  std::string corpus_gen = (self_dir / "corpus_gen").string();
  std::string scratch = "/tmp/reprint-bench";
  std::vector<double> sizes = {10, 100};
  std::vector<std::string> units = {"doc", "paragraph"};
  std::vector<int> threads = {1, 2};
  uint64_t seed = 1;
  bool big = false, reuse = false, stages = false;

  CLI::App app{"reprint_e2e: end-to-end scan benchmark against the hash-only floor"};
  app.add_option("--reprint", reprint, "reprint binary")->capture_default_str();
  app.add_option("--corpus-gen", corpus_gen, "corpus_gen binary")->capture_default_str();
  app.add_option("--scratch", scratch, "folder for corpora and reports")->capture_default_str();
  app.add_option("--sizes", sizes, "corpus sizes in MB")->delimiter(',')->capture_default_str();
  app.add_flag("--big", big, "also run a 1000 MB corpus");
  app.add_option("--units", units, "doc,paragraph")->delimiter(',')->capture_default_str();
  app.add_option("--threads", threads, "thread counts")->delimiter(',')->capture_default_str();
  app.add_option("--seed", seed, "corpus_gen seed")->capture_default_str();
  app.add_flag("--reuse", reuse, "keep an existing corpus file instead of regenerating it");
  app.add_flag("--stages", stages, "run scans with --timings and print per-stage seconds");
  CLI11_PARSE(app, argc, argv);
  if (big) sizes.push_back(1000);
  for (const std::string& u : units) {
    if (u != "doc" && u != "paragraph") {
      std::fprintf(stderr, "reprint_e2e: --units takes doc and paragraph, not %s\n", u.c_str());
      return 2;
    }
  }
  for (const std::string& tool : {reprint, corpus_gen}) {
    if (access(tool.c_str(), X_OK) != 0) {
      std::fprintf(stderr, "reprint_e2e: %s is not an executable (build it first)\n", tool.c_str());
      return 2;
    }
  }
  std::error_code ec;
  fs::create_directories(scratch, ec);

  std::vector<Row> rows;
  bool failed = false;
  for (const double mb : sizes) {
    char name[64];
    std::snprintf(name, sizeof name, "dedup-%gmb-seed%llu.jsonl", mb,
                  static_cast<unsigned long long>(seed));
    const std::string corpus = (fs::path(scratch) / name).string();
    if (!(reuse && fs::exists(corpus))) {
      const std::vector<std::string> gen = {
          corpus_gen,           "--mode", "dedup", "--size-mb", std::to_string(mb), "--seed",
          std::to_string(seed), "--out",  corpus};
      std::fprintf(stderr, "reprint_e2e: %s\n", Join(gen).c_str());
      const ChildRun g = Run(gen);
      if (g.exit_code != 0) {
        std::fprintf(stderr, "reprint_e2e: corpus_gen failed (exit %d)\n", g.exit_code);
        return 1;
      }
    }
    const double corpus_mb = fs::file_size(corpus) / 1e6;
    const size_t first_row = rows.size();
    for (const std::string& unit : units) {
      for (const int t : threads) {
        const std::string report =
            stages ? (fs::path(scratch) / ("report-" + unit + ".json")).string() : "/dev/null";
        std::vector<std::string> cmd = {
            reprint, "scan", "--unit",  unit,        "--format",        "json",
            "-o",    report, "--quiet", "--threads", std::to_string(t), corpus};
        if (stages) cmd.insert(cmd.begin() + 2, "--timings");
        std::fprintf(stderr, "reprint_e2e: %s\n", Join(cmd).c_str());
        Row row;
        row.corpus_mb = corpus_mb;
        row.unit = unit;
        row.threads = t;
        row.run = Run(cmd);
        if (row.run.exit_code != 0) {
          std::fprintf(stderr, "reprint_e2e: exit %d\n", row.run.exit_code);
          failed = true;
        }
        if (stages) {
          row.stages = StageSummary(report);
          fs::remove(report, ec);
        }
        rows.push_back(row);
      }
    }
    // The floor, after the scans (see the file comment).
    absl::StatusOr<reprint::bench::JsonlTexts> texts = reprint::bench::LoadJsonlTexts(corpus);
    if (!texts.ok()) {
      std::fprintf(stderr, "reprint_e2e: %s\n", std::string(texts.status().message()).c_str());
      return 1;
    }
    const reprint::bench::FloorResult floor =
        reprint::bench::HashFloor(*texts, reprint::bench::FloorOptions{});
    std::fprintf(stderr, "reprint_e2e: floor %.3f s on %s (%.1f MB/s of text)\n", floor.seconds,
                 corpus.c_str(), floor.mb_per_s());
    for (size_t i = first_row; i < rows.size(); ++i) {
      rows[i].docs = floor.records;
      rows[i].floor_seconds = floor.seconds;
    }
    Row floor_row;
    floor_row.corpus_mb = corpus_mb;
    floor_row.unit = "floor";
    floor_row.run = ChildRun{0, floor.seconds, floor.seconds, 0};
    floor_row.docs = floor.records;
    floor_row.floor_seconds = floor.seconds;
    rows.push_back(floor_row);
  }

  std::printf(
      "| corpus MB | unit | threads | seconds | CPU s | MB/s | docs/s | peak RSS MB | x floor |\n");
  std::printf("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const Row& r : rows) {
    const double s = r.run.wall_seconds;
    char rss[32] = "-";
    if (r.unit != "floor") std::snprintf(rss, sizeof rss, "%.0f", r.run.peak_rss_mb);
    std::printf("| %.1f | %s | %d | %.3f | %.3f | %.1f | %.0f | %s | %.1f |%s\n", r.corpus_mb,
                r.unit.c_str(), r.threads, s, r.run.cpu_seconds, r.corpus_mb / s, r.docs / s, rss,
                s / r.floor_seconds, r.run.exit_code == 0 ? "" : " FAILED");
  }
  if (stages) {
    std::printf("\nstage seconds (reprint --timings):\n");
    for (const Row& r : rows) {
      if (r.unit == "floor") continue;
      std::printf("  %.1f MB %s t=%d: %s\n", r.corpus_mb, r.unit.c_str(), r.threads,
                  r.stages.c_str());
    }
  }
  return failed ? 1 : 0;
}

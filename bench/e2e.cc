// File: bench/e2e.cc
// reprint_e2e: the end-to-end benchmark. For each corpus size it generates a
// dedup corpus with corpus_gen, runs `reprint scan` on it for every unit and
// thread count (wall time, CPU time and peak RSS of the child process from
// wait4), measures the hash-only floor (bench/floor.h) on the same file in
// this process, and prints one table. --csv keeps the rows and --svg plots
// time and peak RSS against corpus size (bench/plot.h); --plot-from redraws
// the plot from a CSV written earlier without running anything.
//
//   reprint_e2e                       # 10 MB and 100 MB, doc/paragraph, 1/2 threads
//   reprint_e2e --big                 # adds 1000 MB
//   reprint_e2e --sizes 10 --units doc --threads 1,2,4 --stages
//   reprint_e2e --csv e2e.csv --svg e2e.svg
//   reprint_e2e --plot-from e2e.csv --svg e2e.svg
//
// The tools are found next to this binary (build/bench/corpus_gen,
// build/src/reprint) unless --corpus-gen / --reprint say otherwise. Scans run
// before the floor loads the corpus, so the forked child never inherits a
// large parent (Linux counts the pre-exec image in ru_maxrss).
// Exit codes: 0 all runs succeeded, 1 some run failed (or a file could not be
// read or written), 2 usage error.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "bench/floor.h"
#include "bench/plot.h"
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
  std::vector<std::pair<std::string, double>> stages;  // with --stages; empty if unreadable
};

// Stage seconds from a --timings report. The stats come last, so only the
// file's tail is read: paragraph reports of 1 GB corpora run to gigabytes.
std::vector<std::pair<std::string, double>> StageSeconds(const std::string& report_path) {
  std::ifstream in(report_path, std::ios::binary | std::ios::ate);
  const std::streamoff size = in.tellg();
  const std::streamoff tail = std::min<std::streamoff>(size, 1 << 20);
  std::string buf(static_cast<size_t>(std::max<std::streamoff>(tail, 0)), '\0');
  in.seekg(size - tail);
  in.read(buf.data(), tail);
  const size_t key = buf.rfind("\"stage_seconds\"");
  const size_t open = key == std::string::npos ? key : buf.find('{', key);
  const size_t close = open == std::string::npos ? open : buf.find('}', open);
  if (close == std::string::npos) return {};
  const nlohmann::ordered_json j =
      nlohmann::ordered_json::parse(buf.substr(open, close - open + 1), nullptr, false);
  if (!j.is_object()) return {};
  std::vector<std::pair<std::string, double>> stages;
  for (const auto& [name, sec] : j.items()) {
    if (sec.is_number()) stages.emplace_back(name, sec.get<double>());
  }
  return stages;
}

void PrintTable(const std::vector<Row>& rows, bool stages) {
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
  if (!stages) return;
  std::printf("\nstage seconds (reprint --timings):\n");
  for (const Row& r : rows) {
    if (r.unit == "floor") continue;
    std::printf("  %.1f MB %s t=%d: ", r.corpus_mb, r.unit.c_str(), r.threads);
    for (size_t i = 0; i < r.stages.size(); ++i) {
      std::printf("%s%s %.2f", i ? ", " : "", r.stages[i].first.c_str(), r.stages[i].second);
    }
    std::printf("%s\n", r.stages.empty() ? "?" : "");
  }
}

// The union of the rows' stage names, in the order first seen: a paragraph
// scan may report a stage a doc scan does not.
std::vector<std::string> StageNames(const std::vector<Row>& rows) {
  std::vector<std::string> names;
  for (const Row& r : rows) {
    for (const auto& st : r.stages) {
      if (std::find(names.begin(), names.end(), st.first) == names.end()) names.push_back(st.first);
    }
  }
  return names;
}

// One line per row, fixed decimals so equal runs give equal bytes. A row
// without some stage leaves its stage_<name> column empty, as the floor leaves
// peak_rss_mb. No field holds a comma (units are doc, paragraph, floor), so
// nothing is quoted.
std::string CsvText(const std::vector<Row>& rows) {
  const std::vector<std::string> stage_names = StageNames(rows);
  std::string csv =
      "corpus_mb,unit,threads,seconds,cpu_seconds,mb_per_s,docs_per_s,peak_rss_mb,x_floor,"
      "exit_code";
  for (const std::string& name : stage_names) csv.append(",stage_").append(name);
  csv += "\n";
  char buf[256];
  for (const Row& r : rows) {
    const double s = r.run.wall_seconds;
    char rss[32] = "";
    if (r.unit != "floor") std::snprintf(rss, sizeof rss, "%.1f", r.run.peak_rss_mb);
    std::snprintf(buf, sizeof buf, "%.3f,%s,%d,%.6f,%.6f,%.3f,%.1f,%s,%.3f,%d", r.corpus_mb,
                  r.unit.c_str(), r.threads, s, r.run.cpu_seconds, r.corpus_mb / s, r.docs / s, rss,
                  s / r.floor_seconds, r.run.exit_code);
    csv += buf;
    for (const std::string& name : stage_names) {
      const auto it = std::find_if(r.stages.begin(), r.stages.end(),
                                   [&](const auto& st) { return st.first == name; });
      csv += ',';
      if (it == r.stages.end()) continue;
      std::snprintf(buf, sizeof buf, "%.4f", it->second);
      csv += buf;
    }
    csv += "\n";
  }
  return csv;
}

std::vector<std::string> SplitCsvLine(const std::string& line) {
  std::vector<std::string> fields(1);
  for (const char c : line) {
    if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

// A whole field as a number; from_chars ignores the locale, unlike strtod.
bool ParseNumber(const std::string& field, double* out) {
  const char* end = field.data() + field.size();
  const auto [ptr, ec] = std::from_chars(field.data(), end, *out);
  return !field.empty() && ec == std::errc() && ptr == end;
}

// One (unit, threads) series of the CSV, with both panels' points.
struct Series {
  std::string key;
  reprint::bench::PlotSeries seconds, rss;
};

std::string SeriesLabel(const std::string& unit, const std::string& threads) {
  if (unit == "floor") return "hash floor";
  return unit + ", " + threads + (threads == "1" ? " thread" : " threads");
}

// The series for (unit, threads), added on first sight.
Series& SeriesFor(std::vector<Series>& series, const std::string& unit,
                  const std::string& threads) {
  const std::string key = unit + "/" + threads;
  for (Series& s : series) {
    if (s.key == key) return s;
  }
  Series& s = series.emplace_back();
  s.key = key;
  s.seconds.label = s.rss.label = SeriesLabel(unit, threads);
  s.seconds.muted = s.rss.muted = unit == "floor";
  return s;
}

// Where the plotted fields sit. Found by name, so files with columns added
// later (or by hand) still plot; exit_code may be missing.
struct Columns {
  int mb, unit, threads, seconds, rss, exit;
};

absl::StatusOr<Columns> FindColumns(const std::vector<std::string>& header) {
  const auto column = [&](const std::string& name) -> int {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
  };
  const Columns c{column("corpus_mb"), column("unit"),        column("threads"),
                  column("seconds"),   column("peak_rss_mb"), column("exit_code")};
  if (c.mb < 0 || c.unit < 0 || c.threads < 0 || c.seconds < 0 || c.rss < 0) {
    return absl::InvalidArgumentError(
        "the header lacks one of corpus_mb, unit, threads, seconds, peak_rss_mb");
  }
  return c;
}

// The series of CSV text as CsvText writes it, in order of first appearance
// with the floor last. Failed runs (exit_code not 0) are left out.
absl::StatusOr<std::vector<Series>> SeriesFromCsv(const std::string& csv) {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = SplitCsvLine(line);
  const absl::StatusOr<Columns> c = FindColumns(header);
  if (!c.ok()) return c.status();
  std::vector<Series> series;
  for (int n = 2; std::getline(in, line); ++n) {
    if (line.empty() || line == "\r") continue;
    const std::vector<std::string> f = SplitCsvLine(line);
    double x = 0, y = 0;
    if (f.size() != header.size() || !ParseNumber(f[c->mb], &x) ||
        !ParseNumber(f[c->seconds], &y)) {
      return absl::InvalidArgumentError("line " + std::to_string(n) +
                                        ": wrong field count or a bad corpus_mb or seconds");
    }
    if (c->exit >= 0 && f[c->exit] != "0") continue;
    Series& s = SeriesFor(series, f[c->unit], f[c->threads]);
    s.seconds.points.emplace_back(x, y);
    if (ParseNumber(f[c->rss], &y)) s.rss.points.emplace_back(x, y);
  }
  std::stable_partition(series.begin(), series.end(),
                        [](const Series& s) { return !s.seconds.muted; });
  return series;
}

// The plot for docs/performance.md: wall time left, peak RSS right. A series
// keeps its slot in both panels so it keeps its colour (the floor's RSS slot
// stays empty: it runs in this process, not as a child).
absl::StatusOr<std::string> SvgFromCsv(const std::string& csv) {
  absl::StatusOr<std::vector<Series>> series = SeriesFromCsv(csv);
  if (!series.ok()) return series.status();
  reprint::bench::PlotPanel time{"reprint scan: wall time", "corpus MB", "wall seconds", {}};
  reprint::bench::PlotPanel memory{"reprint scan: peak RSS", "corpus MB", "peak RSS MB", {}};
  for (Series& s : *series) {
    time.series.push_back(std::move(s.seconds));
    memory.series.push_back(std::move(s.rss));
  }
  return reprint::bench::LogLogSvg({time, memory});
}

bool WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) std::fprintf(stderr, "reprint_e2e: cannot write %s\n", path.c_str());
  return static_cast<bool>(out);
}

// --svg from an earlier --csv: nothing runs.
int PlotFromCsv(const std::string& csv_path, const std::string& svg_path) {
  std::ifstream in(csv_path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "reprint_e2e: cannot read %s\n", csv_path.c_str());
    return 1;
  }
  std::stringstream csv;
  csv << in.rdbuf();
  absl::StatusOr<std::string> svg = SvgFromCsv(csv.str());
  if (!svg.ok()) {
    std::fprintf(stderr, "reprint_e2e: %s: %s\n", csv_path.c_str(),
                 std::string(svg.status().message()).c_str());
    return 1;
  }
  return WriteFile(svg_path, *svg) ? 0 : 1;
}

// The folder a file would go in exists and is writable: checked before the
// runs, so a long benchmark does not end unable to save its results.
bool CanCreate(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return access(parent.empty() ? "." : parent.c_str(), W_OK) == 0;
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
  std::string csv_path, svg_path, plot_from;

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
  app.add_option("--csv", csv_path, "also write one CSV row per run to this file");
  app.add_option("--svg", svg_path, "also plot time and peak RSS against corpus size (SVG)");
  app.add_option("--plot-from", plot_from, "run nothing: make --svg from this earlier --csv");
  CLI11_PARSE(app, argc, argv);
  if (!plot_from.empty()) {
    if (svg_path.empty()) {
      std::fprintf(stderr, "reprint_e2e: --plot-from needs --svg\n");
      return 2;
    }
    return PlotFromCsv(plot_from, svg_path);
  }
  for (const std::string& out : {csv_path, svg_path}) {
    if (!out.empty() && !CanCreate(out)) {
      std::fprintf(stderr, "reprint_e2e: cannot create %s\n", out.c_str());
      return 2;
    }
  }
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
          row.stages = StageSeconds(report);
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

  PrintTable(rows, stages);
  const std::string csv = CsvText(rows);
  if (!csv_path.empty() && !WriteFile(csv_path, csv)) failed = true;
  if (!svg_path.empty()) {
    // Drawn from the CSV text, so a plot redrawn with --plot-from is identical.
    const absl::StatusOr<std::string> svg = SvgFromCsv(csv);
    if (!svg.ok() || !WriteFile(svg_path, *svg)) failed = true;
  }
  return failed ? 1 : 0;
}

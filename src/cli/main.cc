// reprint command line: parses arguments and calls the library. Nothing here
// computes; see src/reprint/*.h.
//
// Exit codes: 0 ran (findings or not), 1 some inputs were rejected but the
// rest was processed, 2 usage error (or the report could not be written).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "cli/progress_printer.h"
#include "reprint/ingest.h"
#include "reprint/report.h"
#include "reprint/scan.h"

namespace {

int Usage(const std::string& message) {
  std::cerr << "reprint: " << message << "\n";
  return 2;
}

struct ScanFlags {
  std::vector<std::string> paths;
  std::string unit = "paragraph";
  int shingle = 5;
  int char_shingle = 0;
  std::string measure = "both";
  std::string format = "text";
  std::string output;
  bool no_fold_spelling = false;
  bool timings = false;
  bool quiet = false;
  bool all_pairs = false;
};

bool ParseUnit(const std::string& s, reprint::UnitKind* out) {
  if (s == "doc") *out = reprint::UnitKind::kDoc;
  else if (s == "paragraph") *out = reprint::UnitKind::kParagraph;
  else return false;
  return true;
}

bool ParseMeasure(const std::string& s, reprint::Measure* out) {
  if (s == "jaccard") *out = reprint::Measure::kJaccard;
  else if (s == "containment") *out = reprint::Measure::kContainment;
  else if (s == "both") *out = reprint::Measure::kBoth;
  else return false;
  return true;
}

int RunScan(const ScanFlags& f, reprint::ScanOptions opt, const reprint::IngestOptions& ingest) {
  if (!ParseUnit(f.unit, &opt.unit)) return Usage("--unit must be doc or paragraph");
  if (!ParseMeasure(f.measure, &opt.measure)) {
    return Usage("--measure must be jaccard, containment or both");
  }
  if (f.char_shingle > 0) {
    opt.shingle.kind = reprint::ShingleKind::kChar;
    opt.shingle.size = f.char_shingle;
  } else {
    opt.shingle.size = f.shingle;
  }
  opt.normalize.fold_spelling = !f.no_fold_spelling;
  opt.pairs = f.all_pairs ? reprint::PairListing::kAll : reprint::PairListing::kSpanning;
  if (f.format != "json" && f.format != "text") return Usage("--format must be json or text");
  if (absl::Status s = opt.Validate(); !s.ok()) return Usage(std::string(s.message()));
  if (absl::Status s = ingest.Validate(); !s.ok()) return Usage(std::string(s.message()));

  reprint::cli::ProgressPrinter progress(
      !f.quiet && reprint::cli::ProgressPrinter::StderrIsTerminal(), 0);
  reprint::IngestResult in = reprint::Ingest(f.paths, ingest, nullptr, progress.Callback());
  progress.Clear();
  for (const reprint::InputIssue& i : in.issues) std::cerr << i.ToString() << "\n";
  progress.SetTotalBytes(in.bytes_read);
  absl::StatusOr<reprint::ScanResult> result =
      reprint::Scan(in.documents, opt, progress.Callback());
  progress.Clear();
  if (!result.ok()) return Usage(std::string(result.status().message()));

  const reprint::ReportInput report{in.documents, *result, in.issues, f.timings};
  const std::string text =
      f.format == "json" ? reprint::RenderJson(report) : reprint::RenderText(report);
  if (f.output.empty() || f.output == "-") {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) return Usage("cannot write the report to standard output");
  } else {
    std::ofstream out(f.output, std::ios::binary);
    out << text;
    out.close();
    if (!out) return Usage("cannot write the report to " + f.output);
  }
  return in.any_rejected() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"reprint: finds copied text (near-duplicates, repeated passages, quotations)"};
  app.require_subcommand(1);
  ScanFlags f;
  reprint::ScanOptions opt;
  reprint::IngestOptions ingest;
  CLI::App* scan = app.add_subcommand("scan", "find near-duplicate and repeated text");
  scan->add_option("paths", f.paths, "files, folders, .jsonl files, or - for standard input")
      ->required();
  scan->add_option("--unit", f.unit, "doc | paragraph")->capture_default_str();
  scan->add_option("--shingle", f.shingle, "words per shingle")->capture_default_str();
  scan->add_option("--char-shingle", f.char_shingle, "characters per shingle (instead of words)");
  scan->add_option("--num-perm", opt.num_perm, "MinHash signature length K")->capture_default_str();
  scan->add_option("--bands", opt.bands, "LSH bands (with --rows)");
  scan->add_option("--rows", opt.rows, "LSH rows per band (with --bands)");
  scan->add_option("--threshold", opt.threshold, "minimum exact score")->capture_default_str();
  scan->add_option("--measure", f.measure, "jaccard | containment | both")->capture_default_str();
  scan->add_option("--seed", opt.seed, "master seed for all hashing")->capture_default_str();
  scan->add_flag("--exact", opt.exact, "brute-force all pairs (the reference)");
  scan->add_option("--min-words", opt.min_words, "skip units with fewer words")
      ->capture_default_str();
  scan->add_flag("--no-fold-spelling", f.no_fold_spelling,
                 "do not fold British/American spelling variants");
  scan->add_flag("--all-pairs", f.all_pairs,
                 "list every verified pair of a cluster (default: a spanning set, n-1 pairs)");
  scan->add_option("--format", f.format, "text | json")->capture_default_str();
  scan->add_option("-o,--output", f.output, "write the report here (default stdout)");
  scan->add_option("--threads", opt.threads, "worker threads")->capture_default_str();
  scan->add_option("--id-field", ingest.id_field, "JSONL id field")->capture_default_str();
  scan->add_option("--text-field", ingest.text_field, "JSONL text field")->capture_default_str();
  scan->add_option("--source-field", ingest.source_field, "JSONL source field")
      ->capture_default_str();
  scan->add_option("--date-field", ingest.date_field, "JSONL date field")->capture_default_str();
  scan->add_flag("--jsonl", ingest.stdin_jsonl, "read standard input as JSONL");
  scan->add_flag("--timings", f.timings, "add per-stage seconds to the JSON stats");
  scan->add_flag("-q,--quiet", f.quiet, "no progress output");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  if (*scan) return RunScan(f, opt, ingest);
  return 2;
}

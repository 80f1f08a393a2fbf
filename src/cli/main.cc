// reprint command line: parses arguments and calls the library. Nothing here
// computes; see src/reprint/*.h.
//
// Exit codes: 0 ran (findings or not), 1 some inputs were rejected but the
// rest was processed, 2 usage error (or the report could not be written).
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "cli/malloc_tunables.h"
#include "cli/progress_printer.h"
#include "reprint/document_text.h"
#include "reprint/html_report.h"
#include "reprint/ingest.h"
#include "reprint/passages.h"
#include "reprint/preset.h"
#include "reprint/report.h"
#include "reprint/scan.h"

namespace {

int Usage(const std::string& message) {
  std::cerr << "reprint: " << message << "\n";
  return 2;
}

struct ScanFlags {
  std::vector<std::string> paths;
  std::string preset = "default";
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
  bool no_quotes = false;
  bool no_variants = false;
  bool keep_text = false;
};

bool ParseUnit(const std::string& s, reprint::UnitKind* out) {
  if (s == "doc") *out = reprint::UnitKind::kDoc;
  else if (s == "paragraph") *out = reprint::UnitKind::kParagraph;
  else if (s == "quote") *out = reprint::UnitKind::kQuote;
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

// Takes the fields a preset sets from `p`, except where their flag was given
// on the command line (reprint/preset.h; README "Presets").
void ApplyPreset(const reprint::ScanOptions& p, const CLI::App& scan, reprint::ScanOptions* opt) {
  auto given = [&scan](const char* flag) { return scan.count(flag) > 0; };
  opt->preset = p.preset;
  if (!given("--shingle") && !given("--char-shingle")) {
    opt->shingle.kind = p.shingle.kind;
    opt->shingle.size = p.shingle.size;
  } else if (given("--char-shingle") && p.shingle.kind == reprint::ShingleKind::kCharNoSpace) {
    opt->shingle.kind = p.shingle.kind;  // the preset's kind of character shingle
  }
  if (!given("--sample")) opt->shingle.sample = p.shingle.sample;
  if (!given("--ocr-repair")) {
    opt->normalize.dehyphenate = p.normalize.dehyphenate;
    opt->normalize.ocr_fold = p.normalize.ocr_fold;
  }
  if (!given("--measure")) opt->measure = p.measure;
  if (!given("--threshold")) opt->threshold = p.threshold;
  const reprint::BoilerplateOptions parsed = opt->boilerplate;
  opt->boilerplate = p.boilerplate;
  if (given("--boilerplate")) opt->boilerplate.enabled = parsed.enabled;
  if (given("--max-df")) opt->boilerplate.max_df = parsed.max_df;
  opt->containment = p.containment;
  if (!given("--link-similarity")) opt->min_link_similarity = p.min_link_similarity;
}

int RunScan(const ScanFlags& f, reprint::ScanOptions opt, reprint::IngestOptions ingest,
            const CLI::App& scan) {
  if (!ParseUnit(f.unit, &opt.unit)) return Usage("--unit must be doc, paragraph or quote");
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
  opt.paragraph_quotes = !f.no_quotes;
  opt.quote_cluster.join_variants = !f.no_variants;
  opt.pairs = f.all_pairs ? reprint::PairListing::kAll : reprint::PairListing::kSpanning;
  const absl::StatusOr<reprint::Preset> preset = reprint::ParsePreset(f.preset);
  if (!preset.ok()) return Usage(std::string(preset.status().message()));
  if (*preset != reprint::Preset::kDefault) {
    ApplyPreset(reprint::PresetOptions(*preset, opt.unit), scan, &opt);
  }
  if (f.format != "json" && f.format != "text" && f.format != "html") {
    return Usage("--format must be text, json or html");
  }
  if (absl::Status s = opt.Validate(); !s.ok()) return Usage(std::string(s.message()));
  ingest.threads = opt.threads;  // JSONL records are parsed on the scan's threads too
  if (absl::Status s = ingest.Validate(); !s.ok()) return Usage(std::string(s.message()));

  reprint::cli::ProgressPrinter progress(
      !f.quiet && reprint::cli::ProgressPrinter::StderrIsTerminal(), 0);
  const auto read_start = std::chrono::steady_clock::now();
  // Document scans read each text about once per stage: their texts are read
  // again from the files when needed instead of held (docs/design.md,
  // "Memory"). Paragraph and quote reports read a document's text once per
  // cluster member, so those keep them.
  ingest.release_text = opt.unit == reprint::UnitKind::kDoc && !f.keep_text;
  if (opt.unit != reprint::UnitKind::kDoc) reprint::cli::ReuseBlocksUpTo(size_t{16} << 20);
  reprint::IngestResult in = reprint::Ingest(f.paths, ingest, nullptr, progress.Callback());
  const double read_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - read_start).count();
  progress.Clear();
  // Dates serve the earliest carrier of quote clusters: say which are unusable.
  if (opt.unit == reprint::UnitKind::kQuote ||
      (opt.unit == reprint::UnitKind::kParagraph && opt.paragraph_quotes)) {
    for (reprint::InputIssue& i : reprint::DateIssues(in.documents)) {
      in.issues.push_back(std::move(i));
    }
  }
  for (const reprint::InputIssue& i : in.issues) std::cerr << i.ToString() << "\n";
  progress.SetTotalBytes(in.bytes_read);
  absl::StatusOr<reprint::ScanResult> result =
      reprint::Scan(in.documents, opt, progress.Callback());
  progress.Clear();
  if (!result.ok()) return Usage(std::string(result.status().message()));
  auto& stages = result->stats.stage_seconds;
  stages.insert(stages.begin(), {"read", read_seconds});

  // Passages are aligned for the listed pairs only, after the scan (see
  // docs/design.md, "Passage alignment"); the text summary does not show them.
  // The JSON report aligns a batch of clusters at a time as it writes them.
  reprint::ListedPassagesOptions popt;
  popt.threads = opt.threads;
  reprint::ListedPassages passages;
  reprint::ReportInput report{in.documents, *result, in.issues, f.timings, nullptr, popt};
  if (f.format == "html") {
    passages = reprint::AlignListedPairs(in.documents, *result, popt);
    result->stats.stage_seconds.emplace_back("align", passages.seconds);
    report.passages = &passages;
  }
  // JSON streams into the destination piece by piece (no string of the whole
  // report, 89 MB on a 100 MB corpus); text and HTML are rendered first.
  const bool json = f.format == "json";
  const std::string text = json                 ? std::string()
                           : f.format == "html" ? reprint::RenderHtml(report)
                                                : reprint::RenderText(report);
  const auto write = [&](std::ostream& out) {
    if (json) {
      reprint::WriteJson(report, out);
    } else {
      out << text;
    }
  };
  if (f.output.empty() || f.output == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) return Usage("cannot write the report to standard output");
  } else {
    std::ofstream out(f.output, std::ios::binary);
    if (out) write(out);
    out.close();
    if (!out) return Usage("cannot write the report to " + f.output);
  }
  // An input that changed while the report was written (its texts are read
  // again) leaves a report that does not match the input: say so, remove it.
  if (absl::Status s = reprint::TextStatus(in.documents); !s.ok()) {
    if (!f.output.empty() && f.output != "-") std::remove(f.output.c_str());
    return Usage(std::string(s.message()) + "; no report written");
  }
  return in.any_rejected() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  reprint::cli::ReexecWithMallocTunables(argv);
  CLI::App app{"reprint: finds copied text (near-duplicates, repeated passages, quotations)"};
  app.require_subcommand(1);
  ScanFlags f;
  reprint::ScanOptions opt;
  reprint::IngestOptions ingest;
  CLI::App* scan = app.add_subcommand("scan", "find near-duplicate and repeated text");
  scan->add_option("paths", f.paths, "files, folders, .jsonl files, or - for standard input")
      ->required();
  scan->add_option("--preset", f.preset,
                   "default | reprints: a parameter set (noisy news and wire copy: reprints); "
                   "flags given explicitly override it")
      ->capture_default_str();
  scan->add_option("--unit", f.unit, "doc | paragraph | quote")->capture_default_str();
  scan->add_option("--shingle", f.shingle, "words per shingle")->capture_default_str();
  scan->add_option("--char-shingle", f.char_shingle, "characters per shingle (instead of words)");
  scan->add_option("--sample", opt.shingle.sample, "keep 1 in N shingles, chosen by hash")
      ->capture_default_str();
  scan->add_flag("--ocr-repair,!--no-ocr-repair", opt.normalize.ocr_fold,
                 "undo line-end hyphenation and fold OCR confusions (c/e, i/l/1, o/0, rn/m)");
  scan->add_flag("--boilerplate,!--no-boilerplate", opt.boilerplate.enabled,
                 "ignore shingles that recur across a source's documents");
  scan->add_option("--max-df", opt.boilerplate.max_df,
                   "with --boilerplate: also ignore shingles in more documents (0: no cap)")
      ->capture_default_str();
  scan->add_option("--link-similarity", opt.min_link_similarity,
                   "drop pairs whose units share too few matches before clustering (0: keep all)")
      ->capture_default_str();
  scan->add_option("--num-perm", opt.num_perm, "MinHash signature length K")->capture_default_str();
  scan->add_option("--bands", opt.bands, "LSH bands (with --rows)");
  scan->add_option("--rows", opt.rows, "LSH rows per band (with --bands)");
  scan->add_option("--threshold", opt.threshold, "minimum exact score")->capture_default_str();
  scan->add_option("--measure", f.measure, "jaccard | containment | both")->capture_default_str();
  scan->add_option("--seed", opt.seed, "master seed for all hashing")->capture_default_str();
  scan->add_flag("--exact", opt.exact, "brute-force all pairs (the reference)");
  scan->add_option("--min-words", opt.min_words, "skip units with fewer words")
      ->capture_default_str();
  scan->add_option("--min-quote-words", opt.quote.min_words,
                   "quotations with fewer words are not units")
      ->capture_default_str();
  scan->add_flag("--no-quotes", f.no_quotes,
                 "paragraph scans: do not add quotations as units of their own");
  scan->add_option("--variant-threshold", opt.quote_cluster.variant_threshold,
                   "content-word Jaccard at which a quote of the same speaker joins a quote "
                   "cluster as a variant")
      ->capture_default_str();
  scan->add_flag("--no-variants", f.no_variants, "quote clusters hold exact members only");
  scan->add_flag("--no-fold-spelling", f.no_fold_spelling,
                 "do not fold British/American spelling variants");
  scan->add_flag("--all-pairs", f.all_pairs,
                 "list every verified pair of a cluster (default: a spanning set, n-1 pairs)");
  scan->add_option("--format", f.format, "text | json | html")->capture_default_str();
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
  scan->add_option("--scratch-dir", opt.spill.dir,
                   "folder for the scratch file that large shingle sets move to "
                   "(default $TMPDIR, else /tmp)");
  scan->add_flag("--keep-text", f.keep_text,
                 "doc scans: hold every text in memory instead of reading it again from its "
                 "file when needed");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  }
  opt.normalize.dehyphenate = opt.normalize.ocr_fold;
  if (*scan) return RunScan(f, opt, ingest, *scan);
  return 2;
}

// reprint_quality: scores reprint's presets, and a text-dedup-style baseline,
// on labelled reprint sets (docs/quality.md).
//
//   reprint_quality --stories 300 --seeds 1,2 --baselines      # generates the sets
//   reprint_quality /tmp/r300-seed7.jsonl                        # a set of one's own
//   reprint_quality --stories 300 --seeds 1 --threshold 0.45    # one override
//   reprint_quality --stories 300 --seeds 3 --only ocr           # one alteration alone
//   reprint_quality --stories 300 --seeds 3 --text-root /usr/share/perl/5.36.0 --text-label perl
//
// For every set it prints one row per method: adjusted Rand index (singletons
// included), pairwise precision, recall and F1 against the `family` field,
// predicted clusters, clusters mixing families, seconds, and for reprint
// scans the candidate and verified pair counts. Exit codes: 0 ran, 1 a set
// could not be generated or read, 2 usage error.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "bench/gen/reprint_corpus.h"
#include "bench/gen/source_text.h"
#include "bench/quality/metrics.h"
#include "bench/quality/quality_run.h"
#include "bench/quality/textdedup.h"
#include "reprint/preset.h"
#include "reprint/scan.h"

namespace {

using reprint::bench::LabelledSet;
using reprint::bench::PartitionScores;
using Clock = std::chrono::steady_clock;

struct Flags {
  std::vector<std::string> files;
  int stories = 300;
  std::vector<uint64_t> seeds;
  std::string scratch = "/tmp/reprint-quality";
  std::string only = "mixed";
  std::vector<std::string> text_roots;
  std::string text_label = "other";
  std::string preset = "reprints";
  std::string unit = "doc";
  bool baselines = false;
  bool exact_check = false;
  bool stages = false;
  int show_errors = 0;
  int threads = 1;
  // Overrides of the preset (negative / empty: keep the preset's value).
  std::string shingle_kind;
  int size = -1;
  int sample = -1;
  double threshold = -1;
  std::string measure;
  int window = -1;
  double slack = -1;
  int max_postings = -1;
  double share = -1;
  int min_docs = -1;
  int max_df = -1;
  int min_shingles = -1;
  double common_ratio = -1, common_quantile = -1;
  int common_floor = -1;
  double stock_ratio = -1, own_share = -1;
  int num_perm = -1;
  double link = -1;
  int bands = -1, rows = -1;
  std::string boilerplate, ocr_fold, dehyphenate;  // "on" / "off"
};

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

void PrintRow(const std::string& set, const std::string& method, const PartitionScores& s,
              double seconds, const std::string& extra) {
  std::printf(
      "%-24s %-34s ARI %.4f  P %.4f  R %.4f  F1 %.4f  clusters %5llu  mixed %3llu  %6.2f s%s\n",
      set.c_str(), method.c_str(), s.ari, s.precision, s.recall, s.f1,
      static_cast<unsigned long long>(s.predicted_clusters),
      static_cast<unsigned long long>(s.false_merges), seconds, extra.c_str());
  std::fflush(stdout);
}

bool OnOff(const std::string& v, bool* out) {
  if (v.empty()) return true;
  if (v == "on")
    *out = true;
  else if (v == "off")
    *out = false;
  else
    return false;
  return true;
}

// The preset with the command line's overrides; false on a bad value.
bool BuildOptions(const Flags& f, reprint::Preset preset, reprint::ScanOptions* out) {
  const reprint::UnitKind unit = f.unit == "paragraph" ? reprint::UnitKind::kParagraph
                                 : f.unit == "quote"   ? reprint::UnitKind::kQuote
                                                       : reprint::UnitKind::kDoc;
  reprint::ScanOptions o = reprint::PresetOptions(preset, unit);
  o.threads = f.threads;
  if (f.shingle_kind == "word")
    o.shingle.kind = reprint::ShingleKind::kWord;
  else if (f.shingle_kind == "char")
    o.shingle.kind = reprint::ShingleKind::kChar;
  else if (f.shingle_kind == "char-nospace")
    o.shingle.kind = reprint::ShingleKind::kCharNoSpace;
  else if (!f.shingle_kind.empty())
    return false;
  if (f.size > 0) o.shingle.size = f.size;
  if (f.sample > 0) o.shingle.sample = static_cast<uint32_t>(f.sample);
  if (f.threshold > 0) o.threshold = f.threshold;
  if (f.measure == "jaccard")
    o.measure = reprint::Measure::kJaccard;
  else if (f.measure == "containment")
    o.measure = reprint::Measure::kContainment;
  else if (f.measure == "both")
    o.measure = reprint::Measure::kBoth;
  else if (!f.measure.empty())
    return false;
  if (f.window > 0) o.containment.window = f.window;
  if (f.slack > 0) o.containment.slack = f.slack;
  if (f.max_postings > 0) o.containment.max_postings = static_cast<uint32_t>(f.max_postings);
  if (f.share > 0) o.boilerplate.source_share = f.share;
  if (f.min_docs > 0) o.boilerplate.source_min_docs = static_cast<uint32_t>(f.min_docs);
  if (f.max_df >= 0) o.boilerplate.max_df = static_cast<uint32_t>(f.max_df);
  if (f.min_shingles > 0) o.boilerplate.min_shingles = static_cast<uint32_t>(f.min_shingles);
  if (f.common_ratio >= 0) o.boilerplate.common_ratio = f.common_ratio;
  if (f.common_quantile >= 0) o.boilerplate.common_quantile = f.common_quantile;
  if (f.common_floor > 0) o.boilerplate.common_floor = static_cast<uint32_t>(f.common_floor);
  if (f.stock_ratio >= 0) o.boilerplate.stock_ratio = f.stock_ratio;
  if (f.own_share >= 0) o.boilerplate.min_own_share = f.own_share;
  if (f.num_perm > 0) o.num_perm = f.num_perm;
  if (f.link >= 0) o.min_link_similarity = f.link;
  if (f.bands > 0) o.bands = f.bands;
  if (f.rows > 0) o.rows = f.rows;
  if (!OnOff(f.boilerplate, &o.boilerplate.enabled) || !OnOff(f.ocr_fold, &o.normalize.ocr_fold) ||
      !OnOff(f.dehyphenate, &o.normalize.dehyphenate)) {
    return false;
  }
  *out = o;
  return o.Validate().ok();
}

// Prints the largest clusters that mix families: members and family sizes.
void ShowErrors(const LabelledSet& set, const reprint::ScanResult& r, int limit) {
  std::vector<std::pair<size_t, size_t>> mixed;  // (size, cluster)
  for (size_t c = 0; c < r.clusters.size(); ++c) {
    std::map<uint32_t, int> fams;
    for (uint32_t u : r.clusters[c].members) ++fams[set.families[r.units[u].doc]];
    if (fams.size() > 1) mixed.push_back({r.clusters[c].members.size(), c});
  }
  std::sort(mixed.rbegin(), mixed.rend());
  for (int k = 0; k < limit && k < static_cast<int>(mixed.size()); ++k) {
    const reprint::Cluster& c = r.clusters[mixed[k].second];
    std::printf("  mixed cluster of %zu:", c.members.size());
    for (const reprint::VerifiedPair& p : c.pairs) {
      const uint32_t a = r.units[p.a].doc, b = r.units[p.b].doc;
      if (set.families[a] == set.families[b]) continue;
      std::printf("  [%s %s - %s %s J %.3f C %.3f shared %u sizes %u/%u]",
                  set.documents[a].id.c_str(), set.documents[a].source.c_str(),
                  set.documents[b].id.c_str(), set.documents[b].source.c_str(), p.score.jaccard(),
                  p.score.containment_of_smaller(), p.score.shared, p.score.size_a, p.score.size_b);
    }
    std::printf("\n");
  }
  // Families split over several predicted groups: the members outside the
  // family's largest group.
  const std::vector<uint32_t> labels =
      reprint::bench::ScanLabels(r, static_cast<uint32_t>(set.documents.size()));
  std::map<uint32_t, std::map<uint32_t, std::vector<uint32_t>>> parts;  // family -> label -> docs
  for (uint32_t d = 0; d < labels.size(); ++d) parts[set.families[d]][labels[d]].push_back(d);
  int shown = 0;
  for (const auto& [family, groups] : parts) {
    if (groups.size() < 2 || shown >= limit) continue;
    ++shown;
    size_t largest = 0;
    for (const auto& [label, docs] : groups) largest = std::max(largest, docs.size());
    std::printf("  split family (%zu groups, largest %zu):", groups.size(), largest);
    bool skipped = false;
    for (const auto& [label, docs] : groups) {
      if (docs.size() == largest && !skipped) {
        skipped = true;
        continue;
      }
      for (uint32_t d : docs) {
        std::printf(" %s(%zu bytes)", set.documents[d].id.c_str(), set.documents[d].text.size());
      }
    }
    std::printf("\n");
  }
}

int ScoreSet(const Flags& f, const std::string& name, const LabelledSet& set) {
  absl::StatusOr<reprint::Preset> preset = reprint::ParsePreset(f.preset);
  reprint::ScanOptions opt;
  if (!preset.ok() || !BuildOptions(f, *preset, &opt)) {
    std::fprintf(stderr, "reprint_quality: bad option values\n");
    return 2;
  }
  struct Run {
    std::string method;
    reprint::ScanOptions options;
  };
  std::vector<Run> runs = {{std::string("reprint --preset ") + f.preset, opt}};
  if (f.baselines && f.preset != "default") {
    runs.push_back(
        {"reprint --preset default", reprint::PresetOptions(reprint::Preset::kDefault, opt.unit)});
    runs.back().options.threads = f.threads;
  }
  std::vector<std::pair<reprint::CandidatePair, double>> fast_pairs;
  for (const Run& run : runs) {
    const auto start = Clock::now();
    absl::StatusOr<reprint::ScanResult> r = reprint::Scan(set.documents, run.options);
    const double sec = Seconds(start);
    if (!r.ok()) {
      std::fprintf(stderr, "reprint_quality: %s\n", std::string(r.status().message()).c_str());
      return 2;
    }
    char extra[256];
    std::snprintf(extra, sizeof extra,
                  "  candidates %llu (lsh %llu %dx%d, index %llu)  verified %llu  pruned %llu  "
                  "boilerplate %llu  stock pairs %llu",
                  static_cast<unsigned long long>(r->stats.candidates),
                  static_cast<unsigned long long>(r->stats.lsh_candidates), r->options.bands,
                  r->options.rows, static_cast<unsigned long long>(r->stats.containment_candidates),
                  static_cast<unsigned long long>(r->stats.verified_pairs),
                  static_cast<unsigned long long>(r->stats.pruned_pairs),
                  static_cast<unsigned long long>(r->stats.boilerplate.shingles),
                  static_cast<unsigned long long>(r->stats.boilerplate.stock_pairs));
    if (run.options.unit != reprint::UnitKind::kDoc) {
      const reprint::bench::PassageScores p = reprint::bench::ScorePassages(set, *r);
      const double all = static_cast<double>(std::max<uint64_t>(p.pairs, 1));
      std::printf(
          "%-24s %-34s %s clusters %llu, pairs %llu: same doc %.4f, same family "
          "%.4f, quoted %.4f, same source %.4f, other %.4f; family coverage %.4f, quote "
          "coverage %.4f of %llu  %.2f s\n",
          name.c_str(), run.method.c_str(), reprint::UnitKindName(run.options.unit),
          static_cast<unsigned long long>(p.clusters), static_cast<unsigned long long>(p.pairs),
          p.same_document / all, p.same_family / all, p.quoted / all, p.same_source / all,
          p.other / all, p.family_coverage, p.quote_coverage,
          static_cast<unsigned long long>(p.quote_family_pairs), sec);
      continue;
    }
    PrintRow(name, run.method, reprint::bench::ScoreScan(set, *r), sec, extra);
    if (f.show_errors > 0) ShowErrors(set, *r, f.show_errors);
    if (f.stages) {
      std::printf("  stages:");
      for (const auto& [stage, s] : r->stats.stage_seconds)
        std::printf(" %s %.3f", stage.c_str(), s);
      std::printf("\n");
    }
    if (f.exact_check && &run == &runs.front()) {
      reprint::ScanOptions exact = run.options;
      exact.exact = true;
      exact.pairs = reprint::PairListing::kAll;
      reprint::ScanOptions all = run.options;
      all.pairs = reprint::PairListing::kAll;
      absl::StatusOr<reprint::ScanResult> e = reprint::Scan(set.documents, exact);
      absl::StatusOr<reprint::ScanResult> a = reprint::Scan(set.documents, all);
      if (e.ok() && a.ok()) {
        std::vector<std::pair<uint32_t, uint32_t>> ep, ap;
        for (const auto& c : e->clusters)
          for (const auto& p : c.pairs) ep.push_back({p.a, p.b});
        for (const auto& c : a->clusters)
          for (const auto& p : c.pairs) ap.push_back({p.a, p.b});
        std::sort(ep.begin(), ep.end());
        std::sort(ap.begin(), ap.end());
        std::vector<std::pair<uint32_t, uint32_t>> both;
        std::set_intersection(ep.begin(), ep.end(), ap.begin(), ap.end(), std::back_inserter(both));
        std::printf(
            "%-24s %-34s exact pairs %zu, fast path %zu, found %zu (recall %.4f); exact "
            "ARI %.4f\n",
            name.c_str(), "  candidate recall vs --exact", ep.size(), ap.size(), both.size(),
            ep.empty() ? 1.0 : static_cast<double>(both.size()) / ep.size(),
            reprint::bench::ScoreScan(set, *e).ari);
      }
    }
  }
  if (f.baselines && opt.unit == reprint::UnitKind::kDoc) {
    std::vector<std::string_view> texts;
    for (const reprint::Document& d : set.documents) texts.push_back(d.text);
    const struct {
      int ngram;
      double threshold;
    } configs[] = {{2, 0.45}, {5, 0.5}};
    for (const auto& c : configs) {
      reprint::bench::TextDedupOptions o;
      o.ngram = c.ngram;
      o.threshold = c.threshold;
      o.num_perm = 256;
      const auto start = Clock::now();
      const auto clusters = reprint::bench::TextDedupClusters(texts, o);
      const double sec = Seconds(start);
      const auto [b, r] = reprint::bench::OptimalParam(o.threshold, o.num_perm);
      char method[80];
      std::snprintf(method, sizeof method, "text-dedup w%d T%.2f K256 %dx%d", c.ngram, c.threshold,
                    b, r);
      PrintRow(name, method,
               reprint::bench::ScorePartition(set.families,
                                              reprint::bench::LabelsFromClusters(
                                                  static_cast<uint32_t>(texts.size()), clusters)),
               sec, "");
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "reprint_quality: ARI, pairwise precision and recall of reprint presets and a "
      "text-dedup baseline on labelled reprint sets"};
  Flags f;
  app.add_option("files", f.files, "labelled JSONL sets (id, source, family, text)");
  app.add_option("--stories", f.stories, "stories per generated set")->capture_default_str();
  app.add_option("--seeds", f.seeds, "generate one set per seed (corpus_gen --mode reprints)")
      ->delimiter(',');
  app.add_option("--scratch", f.scratch, "folder for generated sets")->capture_default_str();
  app.add_option("--only", f.only,
                 "generate sets with one alteration alone: none | ocr | abridge | lede | "
                 "drop-paragraph | word-changes | boilerplate (default: mixed)")
      ->capture_default_str();
  app.add_option("--text-root", f.text_roots,
                 "generate sets from every file under these folders instead of "
                 "/usr/share/doc and /usr/share/common-licenses");
  app.add_option("--text-label", f.text_label, "set-name suffix for --text-root sets")
      ->capture_default_str();
  app.add_option("--preset", f.preset, "default | reprints")->capture_default_str();
  app.add_option("--unit", f.unit,
                 "doc | paragraph | quote (paragraph, quote: pairs within clusters by kind)")
      ->capture_default_str();
  app.add_flag("--baselines", f.baselines,
               "also the default preset and text-dedup (word 2-gram T 0.45, word 5-gram T 0.5, "
               "256 permutations, no verification)");
  app.add_flag("--stages", f.stages, "print seconds per scan stage");
  app.add_flag("--exact-check", f.exact_check, "compare the fast path's pairs with --exact");
  app.add_option("--show-errors", f.show_errors, "print the N largest clusters mixing families");
  app.add_option("--threads", f.threads, "scan threads")->capture_default_str();
  app.add_option("--shingle-kind", f.shingle_kind, "word | char | char-nospace");
  app.add_option("--size", f.size, "shingle size");
  app.add_option("--sample", f.sample, "keep 1 in N shingles by hash");
  app.add_option("--threshold", f.threshold, "score threshold");
  app.add_option("--measure", f.measure, "jaccard | containment | both");
  app.add_option("--window", f.window, "winnowing window");
  app.add_option("--slack", f.slack, "containment index slack");
  app.add_option("--max-postings", f.max_postings, "containment index posting cap");
  app.add_option("--share", f.share, "boilerplate: share of a source's documents");
  app.add_option("--min-docs", f.min_docs, "boilerplate: minimum documents of a source");
  app.add_option("--max-df", f.max_df, "boilerplate: corpus document-frequency cap (0: none)");
  app.add_option("--min-shingles", f.min_shingles, "boilerplate: minimum shingles left");
  app.add_option("--common-ratio", f.common_ratio, "boilerplate: relative frequency cap (0: none)");
  app.add_option("--common-quantile", f.common_quantile, "boilerplate: a unit's typical frequency");
  app.add_option("--common-floor", f.common_floor, "boilerplate: lowest typical frequency");
  app.add_option("--stock-ratio", f.stock_ratio, "boilerplate: stock text above this ratio (0: off)");
  app.add_option("--own-share", f.own_share,
                 "boilerplate: share of a pair's shared shingles that must not be stock");
  app.add_option("--num-perm", f.num_perm, "MinHash K");
  app.add_option("--link", f.link, "minimum link similarity (0: union-find on every pair)");
  app.add_option("--bands", f.bands, "LSH bands");
  app.add_option("--rows", f.rows, "LSH rows");
  app.add_option("--boilerplate", f.boilerplate, "on | off");
  app.add_option("--ocr-fold", f.ocr_fold, "on | off");
  app.add_option("--dehyphenate", f.dehyphenate, "on | off");
  CLI11_PARSE(app, argc, argv);
  if (f.files.empty() && f.seeds.empty()) {
    std::fprintf(stderr, "reprint_quality: give JSONL files or --seeds\n");
    return 2;
  }
  reprint::bench::Perturbation only;
  if (!reprint::bench::ParsePerturbation(f.only, &only)) {
    std::fprintf(stderr, "reprint_quality: unknown --only %s\n", f.only.c_str());
    return 2;
  }
  std::vector<std::pair<std::string, std::string>> sets;  // (name, path)
  for (const std::string& p : f.files) {
    sets.push_back({std::filesystem::path(p).filename().string(), p});
  }
  if (!f.seeds.empty()) {
    std::filesystem::create_directories(f.scratch);
    reprint::bench::SourceText source;
    bool loaded = false;
    for (uint64_t seed : f.seeds) {
      // Sets from other text or with one alteration alone get their own names.
      std::string name = "r" + std::to_string(f.stories) + "-seed" + std::to_string(seed);
      if (!f.text_roots.empty()) name += "-" + f.text_label;
      if (only != reprint::bench::Perturbation::kMixed) {
        name += std::string("-") + reprint::bench::PerturbationName(only);
      }
      const std::string path = f.scratch + "/" + name + ".jsonl";
      if (!std::filesystem::exists(path)) {
        if (!loaded) {
          reprint::bench::SourceOptions so;
          if (!f.text_roots.empty()) {  // every file under them, as corpus_gen --license-root
            so.doc_roots.clear();
            so.all_file_roots = f.text_roots;
          }
          source = reprint::bench::LoadSourceText(so);
          loaded = true;
        }
        reprint::bench::ReprintOptions ro;
        ro.stories = f.stories;
        ro.seed = seed;
        ro.Only(only);
        reprint::bench::ReprintStats stats;
        std::string error;
        if (!reprint::bench::WriteReprintCorpus(source, ro, path, &stats, &error)) {
          std::fprintf(stderr, "reprint_quality: %s\n", error.c_str());
          return 1;
        }
      }
      sets.push_back({name, path});
    }
  }
  for (const auto& [name, path] : sets) {
    absl::StatusOr<LabelledSet> set = reprint::bench::LoadLabelledSet(path);
    if (!set.ok()) {
      std::fprintf(stderr, "reprint_quality: %s\n", std::string(set.status().message()).c_str());
      return 1;
    }
    if (int rc = ScoreSet(f, name, *set); rc != 0) return rc;
  }
  return 0;
}

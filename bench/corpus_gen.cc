// File: bench/corpus_gen.cc
// corpus_gen: writes deterministic benchmark corpora from the real text every
// Debian machine carries (/usr/share/doc, /usr/share/common-licenses).
//
//   corpus_gen --mode dedup --size-mb 100 --seed 1 --out /tmp/c.jsonl
//   corpus_gen --mode reprints --stories 500 --seed 1 --out /tmp/r.jsonl
//   corpus_gen --mode reprints --stories 300 --only ocr --out /tmp/r-ocr.jsonl
//
// The output is a pure function of the files found and the flags: two runs
// write the same bytes. Summary lines go to stderr. Exit codes: 0 written,
// 1 I/O error or not enough source text, 2 usage error. See
// bench/gen/dedup_corpus.h and bench/gen/reprint_corpus.h for the formats.
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "bench/gen/dedup_corpus.h"
#include "bench/gen/reprint_corpus.h"
#include "bench/gen/source_text.h"

namespace {

using reprint::bench::DedupOptions;
using reprint::bench::ReprintOptions;
using reprint::bench::SourceOptions;

constexpr char kUsage[] =
    "usage: corpus_gen --mode dedup --size-mb N [--seed S] --out FILE.jsonl\n"
    "                  [--copy-share F] [--embed-share F] [--max-edit-rate F]\n"
    "       corpus_gen --mode reprints --stories N [--seed S] --out FILE.jsonl\n"
    "                  [--only mixed|none|ocr|abridge|lede|drop-paragraph|word-changes|\n"
    "                          boilerplate]  (one alteration alone, in every reprint)\n"
    "  common: [--doc-root DIR] [--license-root DIR]  (default /usr/share/doc,\n"
    "          /usr/share/common-licenses; give either to replace both)\n";

int Usage(const std::string& message) {
  std::fprintf(stderr, "corpus_gen: %s\n%s", message.c_str(), kUsage);
  return 2;
}

bool ParseDouble(const std::string& s, double* out) {
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return !s.empty() && end == s.c_str() + s.size();
}

bool ParseU64(const std::string& s, uint64_t* out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

struct Flags {
  std::string mode, out;
  double size_mb = -1;
  uint64_t stories = 0;
  uint64_t seed = 1;
  DedupOptions dedup;
  reprint::bench::Perturbation only = reprint::bench::Perturbation::kMixed;
  std::vector<std::string> doc_roots, license_roots;
};

// Returns an error message, or "" on success.
std::string ParseFlags(int argc, char** argv, Flags* f) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i], value;
    if (arg == "-h" || arg == "--help") return "help";
    const size_t eq = arg.find('=');
    if (eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg.resize(eq);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      return arg + " needs a value";
    }
    bool ok = true;
    if (arg == "--mode") {
      f->mode = value;
    } else if (arg == "--out") {
      f->out = value;
    } else if (arg == "--size-mb") {
      ok = ParseDouble(value, &f->size_mb) && f->size_mb > 0;
    } else if (arg == "--stories") {
      ok = ParseU64(value, &f->stories) && f->stories > 0 && f->stories <= 9999;
    } else if (arg == "--seed") {
      ok = ParseU64(value, &f->seed);
    } else if (arg == "--copy-share") {
      ok = ParseDouble(value, &f->dedup.copy_share) && f->dedup.copy_share >= 0 &&
           f->dedup.copy_share < 1;
    } else if (arg == "--embed-share") {
      ok = ParseDouble(value, &f->dedup.embed_share) && f->dedup.embed_share >= 0 &&
           f->dedup.embed_share < 1;
    } else if (arg == "--max-edit-rate") {
      ok = ParseDouble(value, &f->dedup.max_edit_rate) && f->dedup.max_edit_rate >= 0 &&
           f->dedup.max_edit_rate <= 1;
    } else if (arg == "--only") {
      ok = reprint::bench::ParsePerturbation(value, &f->only);
    } else if (arg == "--doc-root") {
      f->doc_roots.push_back(value);
    } else if (arg == "--license-root") {
      f->license_roots.push_back(value);
    } else {
      return "unknown flag " + arg;
    }
    if (!ok) return "bad value for " + arg + ": '" + value + "'";
  }
  if (f->mode != "dedup" && f->mode != "reprints") return "--mode must be dedup or reprints";
  if (f->out.empty()) return "--out is required";
  if (f->mode == "dedup" && f->size_mb <= 0) return "--mode dedup needs --size-mb";
  if (f->mode == "reprints" && f->stories == 0) return "--mode reprints needs --stories";
  if (f->mode == "dedup" && f->dedup.copy_share + f->dedup.embed_share >= 1) {
    return "--copy-share + --embed-share must be below 1";
  }
  return "";
}

double Mb(uint64_t bytes) { return bytes / 1e6; }

}  // namespace

int main(int argc, char** argv) {
  Flags f;
  if (const std::string err = ParseFlags(argc, argv, &f); !err.empty()) {
    if (err == "help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    return Usage(err);
  }
  SourceOptions so;
  if (!f.doc_roots.empty() || !f.license_roots.empty()) {
    so.doc_roots = f.doc_roots;
    so.all_file_roots = f.license_roots;
  }
  const reprint::bench::SourceText source = reprint::bench::LoadSourceText(so);
  const auto& st = source.stats;
  std::fprintf(stderr,
               "corpus_gen: source text %.1f MB from %llu files (%llu duplicate, %llu binary, "
               "%llu unreadable skipped; %llu cut at 4 MB)\n",
               Mb(st.bytes), static_cast<unsigned long long>(st.files_used),
               static_cast<unsigned long long>(st.duplicate_files),
               static_cast<unsigned long long>(st.binary_files),
               static_cast<unsigned long long>(st.unreadable_files),
               static_cast<unsigned long long>(st.truncated_files));
  if (source.files.empty()) {
    std::fprintf(stderr, "corpus_gen: no source text found\n");
    return 1;
  }
  std::string error;
  if (f.mode == "dedup") {
    const std::vector<reprint::bench::SourceDoc> docs =
        reprint::bench::CutDocuments(source, reprint::bench::CutOptions{}, f.seed);
    f.dedup.size_mb = f.size_mb;
    f.dedup.seed = f.seed;
    reprint::bench::DedupStats s;
    if (!reprint::bench::WriteDedupCorpus(docs, source, f.dedup, f.out, &s, &error)) {
      std::fprintf(stderr, "corpus_gen: %s\n", error.c_str());
      return 1;
    }
    std::fprintf(stderr,
                 "corpus_gen: wrote %s: %.1f MB, %llu documents (%llu originals of %llu "
                 "available, %llu mutated copies = %.1f%%, %llu with an embedded passage = "
                 "%.1f%%)\n",
                 f.out.c_str(), Mb(s.bytes), static_cast<unsigned long long>(s.documents),
                 static_cast<unsigned long long>(s.originals),
                 static_cast<unsigned long long>(s.source_documents),
                 static_cast<unsigned long long>(s.copies), 100.0 * s.copies / s.documents,
                 static_cast<unsigned long long>(s.embedded), 100.0 * s.embedded / s.documents);
    if (s.exhausted_at_bytes > 0) {
      std::fprintf(stderr,
                   "corpus_gen: source text ran out at %.1f MB; the remaining %.1f MB are all "
                   "mutated copies\n",
                   Mb(s.exhausted_at_bytes), Mb(s.bytes - s.exhausted_at_bytes));
    }
    return 0;
  }
  ReprintOptions ro;
  ro.stories = static_cast<int>(f.stories);
  ro.seed = f.seed;
  ro.Only(f.only);
  reprint::bench::ReprintStats s;
  if (!reprint::bench::WriteReprintCorpus(source, ro, f.out, &s, &error)) {
    std::fprintf(stderr, "corpus_gen: %s\n", error.c_str());
    return 1;
  }
  const auto pct = [&](uint64_t k) { return 100.0 * k / s.records; };
  std::fprintf(stderr,
               "corpus_gen: wrote %s: %.1f MB, %d stories, %llu reprints, %d quotes; ocr %.0f%%, "
               "abridged %.0f%%, lede %.0f%%, paragraph dropped %.0f%%, words changed %.0f%%, "
               "boilerplate %.0f%%\n",
               f.out.c_str(), Mb(s.bytes), s.stories, static_cast<unsigned long long>(s.records),
               s.quotes, pct(s.ocr), pct(s.abridged), pct(s.ledes), pct(s.dropped_paragraphs),
               pct(s.word_changes), pct(s.boilerplate_items));
  std::fprintf(stderr,
               "corpus_gen: word-3-gram Jaccard within families: mean %.3f (p10 %.3f, median "
               "%.3f, p90 %.3f; %llu pairs); across families: mean %.4f (%llu sampled pairs)\n",
               s.mean_family_jaccard, s.p10_family_jaccard, s.median_family_jaccard,
               s.p90_family_jaccard, static_cast<unsigned long long>(s.family_pairs),
               s.mean_cross_jaccard, static_cast<unsigned long long>(s.cross_pairs));
  return 0;
}

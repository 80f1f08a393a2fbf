// File: reprint/scan.h
// The scan pipeline: segment -> normalize -> shingle -> sign -> LSH and
// fingerprint candidates -> exact verification -> clusters.
//
//   ScanOptions opt;                 // paragraphs, 5-word shingles, T = 0.5
//   opt.threads = 2;
//   absl::StatusOr<ScanResult> r = Scan(documents, opt);
//
// Deterministic: the same documents and options give the same result, for any
// thread count. Thread-safe (no shared state); uses `threads` worker threads.
#ifndef REPRINT_SCAN_H_
#define REPRINT_SCAN_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "reprint/cluster.h"
#include "reprint/containment.h"
#include "reprint/document.h"
#include "reprint/lsh.h"
#include "reprint/normalize.h"
#include "reprint/progress.h"
#include "reprint/segment.h"
#include "reprint/shingle.h"
#include "reprint/verify.h"

namespace reprint {

struct ScanOptions {
  UnitKind unit = UnitKind::kParagraph;
  SegmentOptions segment;
  NormalizeOptions normalize;
  ShingleOptions shingle;  // seed is derived from `seed`
  // Units with fewer words are not compared (headings, bylines, "3 min read").
  int min_words = 6;
  int num_perm = 128;
  // LSH banding; both 0 means "choose from threshold".
  int bands = 0;
  int rows = 0;
  // A pair qualifies when its exact score (per `measure`) is >= threshold.
  double threshold = 0.5;
  Measure measure = Measure::kBoth;
  // Master seed: shingle, MinHash and band seeds are derived from it.
  uint64_t seed = 0;
  // Brute-force all pairs instead of candidates (the reference; O(n^2)).
  bool exact = false;
  int threads = 1;
  // Pairs listed per cluster: a spanning set (O(n)) or every verified pair.
  PairListing pairs = PairListing::kSpanning;
  ContainmentOptions containment;
  LshOptions lsh;

  absl::Status Validate() const;
  // The LSH parameters in force (explicit, or chosen from the threshold).
  LshParams ResolvedLsh() const;
};

// Seeds derived from the master seed, one per stage.
uint64_t DeriveSeed(uint64_t master, const char* stage);

struct ScanStats {
  uint64_t documents = 0;
  uint64_t bytes = 0;
  uint64_t units = 0;
  uint64_t units_too_short = 0;
  uint64_t shingles = 0;
  uint64_t lsh_candidates = 0;
  uint64_t containment_candidates = 0;
  uint64_t candidates = 0;  // after merging both generators
  uint64_t verified_pairs = 0;
  uint64_t clusters = 0;
  // Wall seconds per stage, in pipeline order (not deterministic: reported
  // only on request).
  std::vector<std::pair<std::string, double>> stage_seconds;
};

struct ScanResult {
  ScanOptions options;  // as used; bands and rows resolved
  std::vector<Unit> units;  // sorted by (doc, begin, end)
  std::vector<Cluster> clusters;
  ScanStats stats;
};

// `progress`, when set, receives events per stage (see reprint/progress.h).
absl::StatusOr<ScanResult> Scan(const std::vector<Document>& documents, const ScanOptions& options,
                                const ProgressFn& progress = {});

}  // namespace reprint

#endif  // REPRINT_SCAN_H_

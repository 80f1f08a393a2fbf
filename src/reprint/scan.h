// File: reprint/scan.h
// The scan pipeline: segment (and quotes) -> normalize -> shingle -> sign ->
// LSH and fingerprint candidates -> exact verification -> clusters -> quote
// audit (reprint/quote_cluster.h).
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
#include "reprint/boilerplate.h"
#include "reprint/cluster.h"
#include "reprint/containment.h"
#include "reprint/document.h"
#include "reprint/lsh.h"
#include "reprint/normalize.h"
#include "reprint/progress.h"
#include "reprint/quote_cluster.h"
#include "reprint/segment.h"
#include "reprint/shingle.h"
#include "reprint/shingle_sets.h"
#include "reprint/verify.h"

namespace reprint {

struct ScanOptions {
  // The named parameter set these options started from (reprint/preset.h):
  // "default" or "reprints". A label for the report; the fields below are
  // what runs.
  std::string preset = "default";
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
  // Units are shingled and signed a block at a time: at most block_units
  // units, ending once their text reaches block_bytes. Only two blocks'
  // per-unit records are alive at once (one is kept while the next is
  // computed); smaller blocks hold less but wait more often for their
  // slowest unit. The result does not depend on either.
  size_t block_units = 4096;
  uint64_t block_bytes = uint64_t{2} << 20;
  // Paragraph and quote units with the same bytes (copies of a paragraph)
  // are normalized, shingled and signed once, the others taking the first's
  // set, keys and fingerprints. The result is the same either way; false
  // computes every unit (for tests and measurement). Not with boilerplate
  // removal or OCR repairs, which look past a unit's bytes.
  bool compute_equal_units_once = true;
  // Pairs listed per cluster: a spanning set (O(n)) or every verified pair.
  PairListing pairs = PairListing::kSpanning;
  ContainmentOptions containment;
  LshOptions lsh;
  // Shingles recurring across a source's documents (or the corpus) are
  // removed from every unit before signing (reprint/boilerplate.h).
  BoilerplateOptions boilerplate;
  // Verified pairs whose units are matched by too few of the same units are
  // dropped before clustering (reprint/link_prune.h; 0: keep all), so one
  // pair cannot chain two families into one cluster.
  double min_link_similarity = 0;
  // Quotations as units of kind quote (reprint/quote_cluster.h): the only
  // units with unit == kQuote, and alongside paragraphs when
  // `paragraph_quotes`. Quote units pair only with quote units. quote.min_words
  // (default 6) replaces min_words for them; quote.segment is `segment`.
  QuoteOptions quote;
  bool paragraph_quotes = true;
  SpeakerOptions speaker;  // segment is `segment`
  QuoteClusterOptions quote_cluster;
  // Shingle sets (once they take 4 MB and average 128 shingles) and winnowed
  // fingerprints (once they take 4 MB) move to an unlinked scratch file and
  // are read back by offset (reprint/shingle_sets.h); the result is the same.
  // Not with `exact`, which reads every set once per unit.
  SpillOptions spill{.above_bytes = uint64_t{4} << 20, .min_mean_values = 128, .dir = {}};

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
  // What was treated as boilerplate (all zero unless options.boilerplate.enabled).
  BoilerplateStats boilerplate;
  uint64_t pruned_pairs = 0;  // verified pairs dropped by min_link_similarity
  uint64_t quotes = 0;          // quote units kept (included in `units`)
  uint64_t quote_clusters = 0;  // clusters of kind quote (included in `clusters`)
  uint64_t quote_variants = 0;  // quote units joined to a quote cluster as variants
  // Wall seconds per stage, in pipeline order (not deterministic: reported
  // only on request).
  std::vector<std::pair<std::string, double>> stage_seconds;
};

struct ScanResult {
  ScanOptions options;  // as used; bands and rows resolved
  std::vector<Unit> units;  // sorted by (doc, begin, end)
  std::vector<Cluster> clusters;
  // One per unit of kind quote, sorted by unit: the quote and its speaker.
  std::vector<QuoteUnit> quotes;
  // One per cluster of kind quote, sorted by cluster: speaker key, fullest
  // and earliest member, variants, word diffs (FindQuoteCluster).
  std::vector<QuoteCluster> quote_clusters;
  ScanStats stats;
};

// `progress`, when set, receives events per stage (see reprint/progress.h).
absl::StatusOr<ScanResult> Scan(const std::vector<Document>& documents, const ScanOptions& options,
                                const ProgressFn& progress = {});

}  // namespace reprint

#endif  // REPRINT_SCAN_H_

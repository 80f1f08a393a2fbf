// File: reprint/passages.h
// Aligns every pair a scan lists: for each verified pair of each cluster,
// the shared passages of its two units (reprint/align.h), as byte spans in
// both original documents. This is what the version-2 report prints per pair
// and what the HTML report highlights.
//
//   absl::StatusOr<ScanResult> r = Scan(docs, scan_options);
//   ListedPassages p = AlignListedPairs(docs, *r, ListedPassagesOptions());
//   for (const PairPassage& x : p.passages[c][i]) ...  // r->clusters[c].pairs[i]
//
// Cost: one banded alignment per listed pair, near-linear in the two units'
// words (n - 1 pairs per cluster by default; every verified pair with
// PairListing::kAll). Units are normalized again with the scan's
// NormalizeOptions, so token spans match the ones the scan compared.
// Deterministic for any thread count. Pure function; thread-safe.
#ifndef REPRINT_PASSAGES_H_
#define REPRINT_PASSAGES_H_

#include <vector>

#include "absl/status/status.h"
#include "reprint/align.h"
#include "reprint/document.h"
#include "reprint/scan.h"

namespace reprint {

struct ListedPassagesOptions {
  // Alignment parameters (defaults: 3-word seeds, band 16, passages of at
  // least 8 matched words); printed in the report's params.align.
  AlignOptions align;
  // Worker threads. More: faster on many pairs; output is identical.
  int threads = 1;

  absl::Status Validate() const;
};

// An edited stretch of a passage as original bytes: A's words `a` were
// replaced by B's words `b`. A side with no words (a word added to, or
// dropped from, B) is an empty span at the end of the word before the edit.
struct EditSpan {
  Span a;
  Span b;
  uint32_t a_words = 0;
  uint32_t b_words = 0;
};

// One passage of a listed pair.
struct PairPassage {
  // As AlignPassages returned it: spans are original bytes; token ranges and
  // runs index the pair's own normalized texts.
  Passage passage;
  // The passage's edited runs (runs with equal == false), in order.
  std::vector<EditSpan> edits;
};

struct ListedPassages {
  AlignOptions options;  // as used
  // passages[c][i]: the passages of result.clusters[c].pairs[i] (of cluster
  // first_cluster + c for a range of clusters), aligned with
  // the pair's unit `a` as A and unit `b` as B; spans are byte offsets into
  // the two units' original documents. May be empty for a pair (e.g. short
  // units, or char shingles matching across word boundaries).
  std::vector<std::vector<std::vector<PairPassage>>> passages;
  AlignStats stats;    // summed over all pairs
  uint64_t pairs = 0;  // pairs aligned
  double seconds = 0;  // wall time (not deterministic; reported on request)
};

// REQUIRES: options.Validate().ok(); `result` came from Scan(documents, ...).
ListedPassages AlignListedPairs(const std::vector<Document>& documents, const ScanResult& result,
                                const ListedPassagesOptions& options);
// The same for clusters [first_cluster, end_cluster) only: passages[c -
// first_cluster] are those of cluster c, identical to the whole call's. A
// report aligns a batch of clusters at a time this way, so only one batch's
// passages are in memory. REQUIRES: first_cluster <= end_cluster <=
// result.clusters.size().
ListedPassages AlignListedPairs(const std::vector<Document>& documents, const ScanResult& result,
                                const ListedPassagesOptions& options, size_t first_cluster,
                                size_t end_cluster);

}  // namespace reprint

#endif  // REPRINT_PASSAGES_H_

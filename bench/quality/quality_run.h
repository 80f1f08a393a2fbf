// File: bench/quality/quality_run.h
// Glue for scoring scans on labelled sets (docs/quality.md): reads a
// generated JSONL set with its family labels, turns a doc-unit scan into one
// cluster label per document, and scores it (bench/quality/metrics.h).
//
//   absl::StatusOr<LabelledSet> set = LoadLabelledSet("r300-seed7.jsonl");
//   absl::StatusOr<ScanResult> r = Scan(set->documents, PresetOptions(Preset::kReprints,
//   UnitKind::kDoc)); PartitionScores s = ScoreScan(*set, *r);
//
// Thread-compatible. Not for use outside bench/ and tests/.
#ifndef REPRINT_BENCH_QUALITY_QUALITY_RUN_H_
#define REPRINT_BENCH_QUALITY_QUALITY_RUN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "bench/quality/metrics.h"
#include "reprint/document.h"
#include "reprint/scan.h"

namespace reprint::bench {

struct LabelledSet {
  std::vector<Document> documents;        // id, source, path, line, text
  std::vector<uint32_t> families;         // one label per document
  std::vector<std::string> family_names;  // by label
  // Pairs of family labels (smaller first, sorted) where one quotes the
  // other, from PATH.truth when it exists.
  std::vector<std::pair<uint32_t, uint32_t>> quotes;
};

// Reads {"id","source","family","text"} records (corpus_gen --mode reprints)
// and, if present, the quote lines of PATH.truth. A line that does not parse,
// or lacks a field, is an error naming the line.
absl::StatusOr<LabelledSet> LoadLabelledSet(const std::string& path);

// Paragraph-level scoring: every pair of units in one cluster, by what links
// their documents.
struct PassageScores {
  uint64_t clusters = 0;
  uint64_t pairs = 0;          // unit pairs within clusters
  uint64_t same_document = 0;  // a passage repeated inside one document
  uint64_t same_family = 0;    // reprints of one story
  uint64_t quoted = 0;         // families of which one quotes the other
  uint64_t same_source = 0;    // other families, one source (boilerplate)
  uint64_t other = 0;          // other families, other sources
  // Share of document pairs of one family that share a cluster.
  double family_coverage = 0;
  // Of the document pairs of one family that both have quote units, the
  // share that share a cluster of quote units (1 when there are none).
  uint64_t quote_family_pairs = 0;
  double quote_coverage = 1;
};
PassageScores ScorePassages(const LabelledSet& set, const ScanResult& result);

// One label per document from the clusters of a doc-unit scan.
// REQUIRES: result.options.unit == UnitKind::kDoc
std::vector<uint32_t> ScanLabels(const ScanResult& result, uint32_t num_documents);

PartitionScores ScoreScan(const LabelledSet& set, const ScanResult& result);

}  // namespace reprint::bench

#endif  // REPRINT_BENCH_QUALITY_QUALITY_RUN_H_

// File: reprint/boilerplate.h
// Boilerplate: shingles that say nothing about whether two texts are the same
// story, removed from every unit's shingle set before signing, candidate
// generation and verification. Three rules, each optional:
//
//   source  a shingle in at least max(source_min_docs, ceil(source_share * n))
//           of the n documents of one source (an outlet's header, footer,
//           cookie notice, sign-off) is removed from every unit;
//   cap     a shingle in more than max_df documents of the corpus is removed
//           from every unit (passim's --maxDF);
//   common  in each unit, a shingle whose document frequency is more than
//           common_ratio times the unit's own typical frequency is removed
//           from that unit (stock text: a licence or a standard background
//           paragraph recurs far more often than the story around it).
//
// Two items of one outlet that share only its footer then share nothing.
// Units themselves are unchanged, so every span still points at the original
// text (boilerplate included).
//
// Stock text is what the common rule leaves but still recurs more often than
// a unit's own text: a shingle kept in a unit whose document frequency is
// above stock_ratio times the unit's typical frequency. It is not removed;
// a verified pair whose shared shingles are almost all stock in both units
// (a licence two stories carry, next to text of their own) is dropped before
// clustering (DropStockPairs, reprint/link_prune.h).
//
//   std::vector<std::vector<uint64_t>*> sets = ...;   // one per unit, doc-major
//   std::vector<uint8_t> dropped;
//   BoilerplateStats stats = RemoveBoilerplate(documents, unit_docs, sets, {}, options, &dropped);
//
// Cost: one stable radix sort of all (shingle, unit) occurrences and linear
// passes: O(S) time and 20·S bytes for S shingle occurrences. Deterministic.
// Pure function of its arguments; thread-compatible.
#ifndef REPRINT_BOILERPLATE_H_
#define REPRINT_BOILERPLATE_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "reprint/document.h"

namespace reprint {

struct BoilerplateOptions {
  // Off: every shingle counts (the default preset; a repeated footer is a
  // repeated passage). On: the reprints preset.
  bool enabled = false;
  // Source rule. Lower share: template text that changed over time is caught
  // too, but so is a story an outlet ran in several versions. Lower min_docs:
  // small sources get boilerplate at all, but two items of a tiny source
  // sharing a story lose it.
  uint32_t source_min_docs = 3;
  double source_share = 0.5;
  // Cap (0: none). A story reprinted by more than max_df documents loses its
  // shingles: keep it above the largest family expected, or use `common`.
  uint32_t max_df = 0;
  // Common rule (common_ratio 0: off). A unit's typical frequency is the
  // common_quantile of the document frequencies of its shingles that occur
  // in 2 or more documents (those in one document say nothing about
  // frequency), at least common_floor. A reprinted story's text recurs about
  // as often as the story was reprinted, so the rule adapts to any family
  // size and corpus size; a unit that is all stock text keeps it. Lower
  // ratio or quantile: more stock text goes, and more of a story's own text
  // where its copies differ in length.
  double common_ratio = 0;
  double common_quantile = 0.1;
  uint32_t common_floor = 2;
  // Units left with fewer shingles than this are not compared (an item that
  // is all header and footer).
  uint32_t min_shingles = 1;
  // Stock text (stock_ratio 0: off; else >= 1): a kept shingle with a
  // document frequency above stock_ratio times the unit's typical frequency
  // (as in the common rule, computed even when that rule is off) is stock in
  // that unit. A verified pair is kept when at least min_own_share of its
  // shared shingles are not stock in both units. Lower ratio or higher share:
  // fewer merges of stories through shared stock text, but reprints whose
  // copies differ in length (the shared text of an abridged copy is the
  // story's most reprinted part) are dropped too.
  double stock_ratio = 0;
  double min_own_share = 0.05;

  absl::Status Validate() const;
};

// One source that has boilerplate of its own (by the source rule), or lost
// shingles to any rule.
struct SourceBoilerplate {
  std::string source;
  uint64_t documents = 0;  // documents of the source with a compared unit
  uint64_t shingles = 0;   // distinct shingles that are boilerplate in this source
  uint64_t removed = 0;    // shingle occurrences removed from this source's units
  uint64_t units = 0;      // units of this source that lost shingles
};

struct BoilerplateStats {
  uint64_t shingles = 0;                   // distinct shingles removed everywhere (source or cap)
  uint64_t source_shingles = 0;            // distinct, by the source rule
  uint64_t capped_shingles = 0;            // distinct, by the cap
  uint64_t removed = 0;                    // shingle occurrences removed from units (all rules)
  uint64_t common_removed = 0;             // of which by the common rule
  uint64_t units_touched = 0;              // units that lost at least one shingle
  uint64_t units_dropped = 0;              // units left with fewer than min_shingles
  uint64_t stock_shingles = 0;             // kept shingle occurrences that are stock
  uint64_t stock_pairs = 0;                // verified pairs dropped as joined by stock text
  std::vector<SourceBoilerplate> sources;  // sorted by name
};

// Removes boilerplate from every unit's sorted unique set in place, and the
// same shingles from also[i] (a sorted subset of sets[i], e.g. winnowed
// fingerprints) when `also` is not empty. *dropped gets one flag per unit:
// 1 when fewer than min_shingles are left.
// REQUIRES: options.Validate().ok(); unit_docs ascending (units grouped by
// document); sets.size() == unit_docs.size(); also empty or the same size.
BoilerplateStats RemoveBoilerplate(const std::vector<Document>& documents,
                                   std::span<const uint32_t> unit_docs,
                                   std::span<std::vector<uint64_t>* const> sets,
                                   std::span<std::vector<uint64_t>* const> also,
                                   const BoilerplateOptions& options,
                                   std::vector<uint8_t>* dropped);

// The same, and *stock[i] gets the stock shingles of unit i: the sorted
// subset of its set (after removal) above options.stock_ratio times its
// typical frequency (empty when stock_ratio is 0). Empty `stock`: not
// computed.
// REQUIRES: as above; stock empty or sets.size() long.
BoilerplateStats RemoveBoilerplate(const std::vector<Document>& documents,
                                   std::span<const uint32_t> unit_docs,
                                   std::span<std::vector<uint64_t>* const> sets,
                                   std::span<std::vector<uint64_t>* const> also,
                                   std::span<std::vector<uint64_t>* const> stock,
                                   const BoilerplateOptions& options,
                                   std::vector<uint8_t>* dropped);

// A unit's typical frequency: the common_quantile of `frequencies` (its
// shingles' document frequencies; 0 for shingles removed corpus-wide) that
// are 2 or more, at least common_floor (exposed for tests).
double TypicalFrequency(std::span<const uint32_t> frequencies, const BoilerplateOptions& options);

// The common rule's limit for one unit: shingles with a document frequency
// above it are removed; infinity when the rule is off (exposed for tests).
double CommonLimit(std::span<const uint32_t> frequencies, const BoilerplateOptions& options);

}  // namespace reprint

#endif  // REPRINT_BOILERPLATE_H_

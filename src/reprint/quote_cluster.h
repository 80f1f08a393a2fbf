// File: reprint/quote_cluster.h
// Quotations as units of the scan, and the audit of each quote cluster: who
// said it, its fullest wording, what each outlet changed, which outlet carried
// it first, and paraphrased or re-translated variants of the same statement.
//
//   // In Scan (reprint/scan.h), per document:
//   std::vector<QuoteUnit> q = FindQuoteUnits(doc.text, d, quote_opt, speaker_opt);
//   // ... units of kind quote are shingled and clustered like paragraphs;
//   // after clustering:
//   std::vector<QuoteCluster> audit =
//       AuditQuoteClusters(docs, units, quotes, normalize, options, &clusters, &stats);
//
// A quote unit's span is the quote's inner span (the quoted words without
// marks), so a member's text is what was said. Clusters are formed by the scan
// on text alone (exact shingle scores >= the scan threshold). The audit then
//  1. gives each cluster a speaker key: the key most of its members carry
//     (ties: the key of the earliest member in unit order); members that name
//     no speaker do not vote;
//  2. joins variants: a quote unit in no cluster whose speaker key is
//     compatible with a cluster's key (SpeakerKeysCompatible: same surname
//     skeleton, given-name initials equal or one unknown) and with every
//     member key of that surname (so "Hunter Biden" never joins a cluster
//     where a member names "Joe Biden"), and whose content words (normalized
//     words less a fixed list of English function words) have Jaccard >=
//     variant_threshold with some exact member, joins the cluster it scores
//     best with, marked QuoteMatch::kVariant (lower confidence). Variants
//     never move a quote that the scan clustered, and never start a cluster
//     of their own;
//  3. picks the fullest exact member (most normalized words; ties: lower
//     unit) and diffs every member against it word by word
//     (reprint/word_diff.h);
//  4. picks the earliest carrier among exact members: the one whose document
//     has the earliest ISO-8601 Document::date (members without a date rank
//     after dated ones, and so do dates that are not ISO-8601: DateIssues
//     lists those; ties: unit order); with no dated member, the first exact
//     member in input order.
// Variants are never the fullest member or the earliest carrier: their link
// to the statement is a weaker claim.
//
// Pure functions, deterministic; thread-safe.
#ifndef REPRINT_QUOTE_CLUSTER_H_
#define REPRINT_QUOTE_CLUSTER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "reprint/cluster.h"
#include "reprint/document.h"
#include "reprint/normalize.h"
#include "reprint/quote.h"
#include "reprint/segment.h"
#include "reprint/speaker.h"
#include "reprint/word_diff.h"

namespace reprint {

// A quotation that is a unit of the scan.
struct QuoteUnit {
  uint32_t unit = 0;  // index into ScanResult::units (set by Scan; 0 from FindQuoteUnits)
  Quote quote;        // marks, style, parts; quote.inner is the unit's span
  std::optional<Speaker> speaker;  // nullopt: the text names no speaker
};

// The quotes of `text` ExtractQuotes returns with `quote` (top level, at
// least quote.min_words words, by default), each with its speaker. The text
// is segmented into paragraphs once for both where quote.segment and
// speaker.segment agree; `paragraphs`, if not null, are those paragraphs
// (SegmentParagraphs(text, quote.segment), as a paragraph scan has them).
// REQUIRES: quote.Validate().ok() && speaker.Validate().ok()
std::vector<QuoteUnit> FindQuoteUnits(std::string_view text, const QuoteOptions& quote,
                                      const SpeakerOptions& speaker,
                                      const std::vector<Span>* paragraphs = nullptr);

struct QuoteClusterOptions {
  // Content-word Jaccard (see above) at or above which an unclustered quote of
  // the cluster's speaker joins as a variant. Lower: catches looser
  // translations, but also unrelated statements of one speaker on one topic.
  // On corpus/seeds 003's re-translation scores 0.50 against the cluster and
  // the highest unrelated pair of one speaker 0.11 (docs/design.md).
  double variant_threshold = 0.3;
  // Join variants at all. Off: quote clusters hold exact members only.
  bool join_variants = true;
  // Word diff limits (reprint/word_diff.h).
  WordDiffOptions diff;

  absl::Status Validate() const;
};

enum class QuoteMatch : uint8_t {
  kExact,    // clustered by the scan (exact score >= threshold)
  kVariant,  // joined by speaker key and content words: lower confidence
};
const char* QuoteMatchName(QuoteMatch m);  // "exact", "variant"

// How the earliest carrier was chosen.
enum class EarliestBasis : uint8_t {
  kDate,        // the earliest Document::date among members
  kInputOrder,  // no member's document has a date
};
const char* EarliestBasisName(EarliestBasis b);  // "date", "input-order"

struct VariantScore {
  double jaccard = 0;      // |A∩B| / |A∪B| over content words
  double containment = 0;  // |A∩B| / min(|A|, |B|)
  uint32_t shared = 0;     // |A∩B|
};

struct QuoteMember {
  uint32_t unit = 0;
  QuoteMatch match = QuoteMatch::kExact;
  uint32_t words = 0;  // normalized words
  // For a variant: the exact member it scored best with, and the score.
  uint32_t variant_of = 0;
  VariantScore variant;
  // Edits from the fullest member's wording to this member's (empty for the
  // fullest member itself).
  WordDiff diff;
};

struct QuoteCluster {
  uint32_t cluster = 0;     // index into the clusters AuditQuoteClusters returned in
  std::string speaker_key;  // majority key; empty when no member names a speaker
  // Every key the members carry, with its number of members, most first
  // (ties: first appearance in member order).
  std::vector<std::pair<std::string, uint32_t>> speaker_keys;
  uint32_t fullest = 0;   // unit index of the fullest member
  uint32_t earliest = 0;  // unit index of the earliest carrier
  EarliestBasis earliest_basis = EarliestBasis::kInputOrder;
  std::vector<QuoteMember> members;  // in the cluster's member order
};

struct QuoteAuditStats {
  uint64_t clusters = 0;             // clusters of kind quote
  uint64_t variants = 0;             // quote units joined as variants
  uint64_t variant_comparisons = 0;  // content-word scores computed
};

// Audits the clusters whose members are quote units and adds variant members
// to them (so Cluster::members then holds exact and variant members; variants
// have no VerifiedPair, their link is QuoteMember::variant_of). Clusters are
// re-sorted by first member afterwards, and QuoteCluster::cluster indexes the
// re-sorted list. Returns one QuoteCluster per quote cluster, by cluster index.
// REQUIRES: `units` sorted by (doc, begin, end) and indexing `documents`;
//           `quotes` sorted by unit, one per unit of kind quote;
//           clusters came from BuildClusters over `units` and never mix
//           quote units with other units; options.Validate().ok().
std::vector<QuoteCluster> AuditQuoteClusters(
    const std::vector<Document>& documents, const std::vector<Unit>& units,
    const std::vector<QuoteUnit>& quotes, const NormalizeOptions& normalize,
    const QuoteClusterOptions& options, std::vector<Cluster>* clusters, QuoteAuditStats* stats);

// The quote unit of `unit`, or null. REQUIRES: `quotes` sorted by unit.
const QuoteUnit* FindQuoteUnit(const std::vector<QuoteUnit>& quotes, uint32_t unit);
// The audit of cluster `cluster`, or null. REQUIRES: sorted by cluster.
const QuoteCluster* FindQuoteCluster(const std::vector<QuoteCluster>& audits, uint32_t cluster);

// Content words of a normalized text: sorted unique words less the function
// words (a fixed English list: articles, pronouns, auxiliaries, prepositions,
// conjunctions, "more", "ever", ...).
std::vector<std::string> ContentWords(const NormalizedText& text);
VariantScore ScoreVariant(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Seconds since 1970-01-01 UTC of an ISO-8601 date: "YYYY-MM-DD", optionally
// followed by 'T' or ' ', "HH:MM[:SS[.fraction]]" and "Z" or "±HH[:]MM".
// nullopt for anything else (such dates rank as absent).
std::optional<int64_t> ParseIsoDate(std::string_view date);

// Warnings for the documents whose date is set but not ISO-8601 ("Feb. 7,
// 2024", a Unix timestamp): ParseIsoDate rejects it, so the document ranks as
// undated for the earliest carrier. One InputIssue (rejected == false) naming
// the document's path, line and id and the date, for each of the first
// `max_issues` such documents; then one issue counting the rest. The CLI
// prints them on stderr and in the report's issues when quotes are units.
std::vector<InputIssue> DateIssues(const std::vector<Document>& documents, size_t max_issues = 20);

}  // namespace reprint

#endif  // REPRINT_QUOTE_CLUSTER_H_

// File: reprint/internal/quote_report.h
// NOT FOR DIRECT USE: the quote-cluster parts of the report (report.cc calls
// these); use RenderJson / RenderText from reprint/report.h.
//
// Defines the JSON fields of quote members and quote clusters
// (docs/report-format.md, "Quote clusters"), the audit block of the text
// summary (speaker, outlets with the earliest carrier, the fullest wording,
// and per outlet, variants included, the words it changed), and what the
// HTML report's quote audit shows (html_report.cc calls these too).
//
// Pure functions; thread-safe.
#ifndef REPRINT_INTERNAL_QUOTE_REPORT_H_
#define REPRINT_INTERNAL_QUOTE_REPORT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nlohmann/json.hpp"
#include "reprint/document.h"
#include "reprint/scan.h"

namespace reprint::internal {

// params.quote: whether quotes are units, and the quote, speaker and variant
// parameters.
nlohmann::ordered_json QuoteParamsJson(const ScanOptions& options);

// Adds "speaker", "marks", "match", "variant" (variants only), "words" and
// "diff" to member `m` (the m-th member of cluster `c`) when its unit is a
// quote; does nothing otherwise.
void AddQuoteMemberJson(const std::vector<Document>& documents, const ScanResult& result, size_t c,
                        size_t m, nlohmann::ordered_json* member);

// Adds the cluster-level "quote" object to cluster `c` when it is a quote
// cluster; does nothing otherwise.
void AddQuoteClusterJson(const ScanResult& result, size_t c, nlohmann::ordered_json* cluster);

// Appends the audit block of cluster `c` when it is a quote cluster.
void AppendQuoteAuditText(const std::vector<Document>& documents, const ScanResult& result,
                          size_t c, std::string* out);

// What member `m` of quote cluster `c` changed against the fullest wording,
// as the text summary prints it ("carries words 1-33 of 59; US -> American;
// dropped "Global""); "fullest wording" for the fullest member itself; empty
// when `c` is no quote cluster.
std::string QuoteMemberChanges(const std::vector<Document>& documents, const ScanResult& result,
                               size_t c, size_t m);

// Member `m` of quote cluster `c` side by side with the fullest member (for
// the HTML view; variants too, which are in no pair): the stretch from the
// first to the last word they share (spelling edits count as shared), in the
// original bytes of both documents, and the word-diff edits inside it as
// (fullest bytes, member bytes); an empty side is where words were added or
// dropped.
struct QuoteComparison {
  size_t fullest = 0;   // member index of the fullest member
  bool shared = false;  // false: no word in common (spans and edits empty)
  Span fullest_span;    // in the fullest member's document
  Span span;            // in member m's document
  std::vector<std::pair<Span, Span>> edits;
};
// nullopt when `c` is no quote cluster or `m` is its fullest member.
std::optional<QuoteComparison> CompareWithFullest(const std::vector<Document>& documents,
                                                  const ScanResult& result, size_t c, size_t m);

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_QUOTE_REPORT_H_

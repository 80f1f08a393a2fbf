// File: reprint/internal/quote_report.h
// NOT FOR DIRECT USE: the quote-cluster parts of the report (report.cc calls
// these); use RenderJson / RenderText from reprint/report.h.
//
// Defines the JSON fields of quote members and quote clusters
// (docs/report-format.md, "Quote clusters") and the audit block of the text
// summary: speaker, outlets with the earliest carrier, the fullest wording,
// and per outlet the words it changed.
//
// Pure functions; thread-safe.
#ifndef REPRINT_INTERNAL_QUOTE_REPORT_H_
#define REPRINT_INTERNAL_QUOTE_REPORT_H_

#include <cstddef>
#include <string>
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

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_QUOTE_REPORT_H_

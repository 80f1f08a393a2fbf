// File: reprint/report.h
// Renders a scan as the versioned JSON report (docs/report-format.md) or as a
// readable text summary. Output is deterministic: sorted, fixed rounding, and
// timings only when asked for.
//
//   std::string json = RenderJson(ReportInput{docs, result, issues});
//   WriteJson(ReportInput{docs, result, issues}, std::cout);  // same bytes, streamed
//
// Pure functions; thread-safe.
#ifndef REPRINT_REPORT_H_
#define REPRINT_REPORT_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "reprint/document.h"
#include "reprint/passages.h"
#include "reprint/scan.h"

namespace reprint {

inline constexpr int kReportVersion = 2;  // 2: passages per pair; quote clusters
inline constexpr char kReportFormat[] = "reprint-report";

struct ReportInput {
  const std::vector<Document>& documents;
  const ScanResult& result;
  const std::vector<InputIssue>& issues;
  bool include_timings = false;  // stage seconds in stats (breaks byte-equality)
  // The passages of every listed pair (AlignListedPairs on `result`). Null:
  // WriteJson aligns them itself with `align`, a batch of clusters at a time
  // just before it writes them, so only one batch's passages are in memory
  // (the align stage's seconds then join the stats when timings are on).
  const ListedPassages* passages = nullptr;
  // (Initialized here, so ReportInput{docs, result, issues} leaves no member
  // without an initializer: g++ -Wextra warned of it.)
  ListedPassagesOptions align = {};
  // When WriteJson aligns: about how many bytes of the pairs' JSON the
  // alignment threads render per batch, ahead of the (serial) writer, which
  // renders the rest as it reaches them. Larger: more of the rendering runs
  // in parallel, more memory held (a doc pair's JSON runs to kilobytes).
  // The report's bytes do not depend on it.
  size_t render_ahead_bytes = size_t{4} << 20;
};

const char* ClusterKindName(const ScanResult& result, const Cluster& c);

// Writes the JSON report to `out` piece by piece: the header, then each
// document, cluster and issue built and dumped on its own, then the stats. No
// DOM or string of the whole report exists (on a 100 MB corpus the report is
// about 89 MB); the bytes are exactly RenderJson's. Stops early once `out`
// fails; the caller checks the stream.
void WriteJson(const ReportInput& in, std::ostream& out);
// The same report as one string (WriteJson into a string stream).
std::string RenderJson(const ReportInput& in);
std::string RenderText(const ReportInput& in);

// Rounds a score to 6 decimals, as every report prints it.
double RoundScore(double x);

}  // namespace reprint

#endif  // REPRINT_REPORT_H_

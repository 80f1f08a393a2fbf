// File: reprint/html_report.h
// Renders a scan as one self-contained HTML page that a person can check by
// eye: an index of the clusters (sorted by size and score, filtered by kind,
// source and score, paginated) and, per cluster, its pairs side by side with
// the aligned passages highlighted in the original text and edited words
// marked. Inline CSS and JavaScript, no network access (a Content Security
// Policy forbids it), opens from disk; `report.html#cluster=2` opens cluster 2
// (`&pair=1` its second listed pair).
//
//   std::string html = RenderHtml(ReportInput{docs, result, issues, false, &passages});
//
// The page embeds the version-2 JSON report (docs/report-format.md) in a
// <script type="application/json"> block, with two changes for the viewer:
// member `text` is always valid UTF-8 (each invalid byte becomes U+FFFD), and
// each pair has `view`: its passages as [a_start, a_end, b_start, b_end,
// edits] in UTF-16 code units from the start of the two members' `text`
// (edits as [a_start, a_end, b_start, b_end]), which is what JavaScript
// strings index; and each member of a quote cluster has `quote_view`:
// `changes`, what it changed against the fullest wording as the text summary
// says it, and (all but the fullest member) `with`, the fullest member's
// index, and `view`, the member against the fullest as one passage in the
// same form (A = the fullest member), edits from the word diff. The quote
// audit of a cluster (speaker and key, earliest carrier, fullest wording,
// each member's changes, variants marked lower confidence) renders from
// these, and `report.html#cluster=2&member=5` shows member 5 side by side with
// the fullest wording: a variant, which is in no pair, can be checked too.
// The JavaScript renders the index a page at a time, so 10,000 clusters stay
// responsive.
//
// All document text is untrusted. The C++ side escapes & < > " ' in every
// byte it writes as HTML, and writes the JSON with < > & as \u escapes so no
// text can close the data block; the JavaScript builds the DOM with
// textContent only (never innerHTML).
//
// Pure functions; thread-safe.
#ifndef REPRINT_HTML_REPORT_H_
#define REPRINT_HTML_REPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reprint/report.h"

namespace reprint {

// The whole page. Deterministic, like RenderJson (timings only on request).
std::string RenderHtml(const ReportInput& in);

// Exposed for tests.

// `text` as HTML character data or attribute value: & < > " ' escaped,
// invalid UTF-8 replaced by U+FFFD (one per byte).
std::string HtmlEscape(std::string_view text);

// JSON text made safe inside <script type="application/json">: every < > &
// (which JSON allows only inside strings) becomes \u003c \u003e \u0026, and
// U+2028/U+2029 become \u2028/\u2029, so "</script>" and "<!--" cannot occur.
// REQUIRES: `json` is valid JSON.
std::string ScriptSafeJson(std::string_view json);

// Appends `bytes` to *out as valid UTF-8, each byte that is not part of a
// valid sequence replaced by U+FFFD. When `utf16_at` is not null it is set to
// bytes.size() + 1 entries: for each byte offset, the UTF-16 offset in the
// appended text of the code point that byte belongs to (the last entry is the
// appended text's UTF-16 length).
void AppendValidUtf8(std::string_view bytes, std::string* out,
                     std::vector<uint32_t>* utf16_at = nullptr);

}  // namespace reprint

#endif  // REPRINT_HTML_REPORT_H_

#include "reprint/html_report.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "nlohmann/json.hpp"
#include "reprint/document_text.h"
#include "reprint/internal/html_assets.h"
#include "reprint/internal/quote_report.h"

namespace reprint {
namespace {

using Json = nlohmann::ordered_json;

// Length of the valid UTF-8 sequence at s[i], or 0 if s[i] does not start
// one (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
size_t ValidSequenceLength(std::string_view s, size_t i) {
  const auto byte = [&s](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  return len;
}

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD

// Flattens params into ("shingle.size", "5") rows, in report order.
void FlattenParams(const Json& j, const std::string& prefix,
                   std::vector<std::pair<std::string, std::string>>* rows) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      FlattenParams(value, prefix.empty() ? key : prefix + "." + key, rows);
    }
    return;
  }
  rows->emplace_back(prefix, j.is_string() ? j.get<std::string>() : j.dump());
}

uint64_t U64(const Json& j, const char* key) { return j.value(key, uint64_t{0}); }

// A member's text as the viewer gets it, and the UTF-16 offset (in that
// text) of each byte offset of the member's span.
struct MemberText {
  std::string text;
  std::vector<uint32_t> utf16_at;  // span.size() + 1 entries
  Span span;

  // UTF-16 offset of document byte `offset`, clamped to the member.
  uint32_t At(uint64_t offset) const {
    const uint64_t o = std::clamp<uint64_t>(offset, span.begin, span.end);
    return utf16_at[o - span.begin];
  }
};

// Adds `view` (UTF-16 passages) to every pair of cluster `cj` (index `ci`),
// `quote_view` to every member of a quote cluster but the fullest, and
// replaces member texts by valid UTF-8 whose offsets the views use.
void AddView(const std::vector<Document>& documents, const ScanResult& r, size_t ci, Json* cj) {
  const Cluster& c = r.clusters[ci];
  Json& members = (*cj)["members"];
  if (members.size() != c.members.size()) return;  // not the cluster we think: no view
  std::vector<MemberText> texts(c.members.size());
  for (size_t m = 0; m < c.members.size(); ++m) {
    const Unit& u = r.units[c.members[m]];
    if (members[m].value("start", uint64_t{0}) != u.span.begin ||
        members[m].value("end", uint64_t{0}) != u.span.end) {
      return;
    }
    const std::string_view bytes =
        SpanText(documents[u.doc], u.span);
    AppendValidUtf8(bytes, &texts[m].text, &texts[m].utf16_at);
    texts[m].span = u.span;
    members[m]["text"] = texts[m].text;
  }
  for (Json& pj : (*cj)["pairs"]) {
    const size_t a = pj.value("a", size_t{0}), b = pj.value("b", size_t{0});
    if (a >= texts.size() || b >= texts.size() || !pj.contains("passages")) continue;
    const MemberText& ta = texts[a];
    const MemberText& tb = texts[b];
    Json view = Json::array();
    for (const Json& p : pj["passages"]) {
      Json edits = Json::array();
      for (const Json& e : p["edits"]) {
        edits.push_back(Json::array({ta.At(U64(e, "a_start")), ta.At(U64(e, "a_end")),
                                     tb.At(U64(e, "b_start")), tb.At(U64(e, "b_end"))}));
      }
      view.push_back(
          Json::array({ta.At(U64(p, "a_start")), ta.At(U64(p, "a_end")), tb.At(U64(p, "b_start")),
                       tb.At(U64(p, "b_end")), std::move(edits)}));
    }
    pj["view"] = std::move(view);
  }
  // Quote clusters: each member against the fullest wording, as a one-passage
  // view with the word-diff edits (variants have no pair of their own).
  if (FindQuoteCluster(r.quote_clusters, static_cast<uint32_t>(ci)) == nullptr) return;
  for (size_t m = 0; m < c.members.size(); ++m) {
    Json qv{{"changes", internal::QuoteMemberChanges(documents, r, ci, m)}};
    if (const auto cmp = internal::CompareWithFullest(documents, r, ci, m)) {
      const MemberText& ta = texts[cmp->fullest];
      const MemberText& tb = texts[m];
      Json view = Json::array();
      if (cmp->shared) {
        Json edits = Json::array();
        for (const auto& [ea, eb] : cmp->edits) {
          edits.push_back(
              Json::array({ta.At(ea.begin), ta.At(ea.end), tb.At(eb.begin), tb.At(eb.end)}));
        }
        view.push_back(
            Json::array({ta.At(cmp->fullest_span.begin), ta.At(cmp->fullest_span.end),
                         tb.At(cmp->span.begin), tb.At(cmp->span.end), std::move(edits)}));
      }
      qv["with"] = cmp->fullest;
      qv["view"] = std::move(view);
    }
    members[m]["quote_view"] = std::move(qv);
  }
}

}  // namespace

void AppendValidUtf8(std::string_view bytes, std::string* out, std::vector<uint32_t>* utf16_at) {
  if (utf16_at != nullptr) utf16_at->assign(bytes.size() + 1, 0);
  uint32_t units = 0;
  size_t i = 0;
  while (i < bytes.size()) {
    const size_t len = ValidSequenceLength(bytes, i);
    if (utf16_at != nullptr) {
      for (size_t k = 0; k < std::max<size_t>(len, 1); ++k) (*utf16_at)[i + k] = units;
    }
    if (len == 0) {
      out->append(kReplacement);
      units += 1;
      i += 1;
    } else {
      out->append(bytes.substr(i, len));
      units += len == 4 ? 2 : 1;  // above U+FFFF: a surrogate pair
      i += len;
    }
  }
  if (utf16_at != nullptr) (*utf16_at)[bytes.size()] = units;
}

std::string HtmlEscape(std::string_view text) {
  std::string valid;
  AppendValidUtf8(text, &valid);
  std::string out;
  out.reserve(valid.size() + valid.size() / 8);
  for (char ch : valid) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string ScriptSafeJson(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (size_t i = 0; i < json.size(); ++i) {
    const char ch = json[i];
    if (ch == '<') {
      out += "\\u003c";
    } else if (ch == '>') {
      out += "\\u003e";
    } else if (ch == '&') {
      out += "\\u0026";
    } else if (ch == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += ch;
    }
  }
  return out;
}

std::string RenderHtml(const ReportInput& in) {
  const ScanResult& r = in.result;
  ListedPassages own_passages;
  if (in.passages == nullptr) own_passages = AlignListedPairs(in.documents, r, in.align);
  ReportInput with_passages = in;
  with_passages.passages = in.passages ? in.passages : &own_passages;
  Json report = Json::parse(RenderJson(with_passages));

  Json& clusters = report["clusters"];
  if (clusters.size() == r.clusters.size()) {
    for (size_t ci = 0; ci < r.clusters.size(); ++ci) {
      AddView(in.documents, r, ci, &clusters[ci]);
    }
  }

  std::vector<std::pair<std::string, std::string>> params;
  FlattenParams(report["params"], "", &params);
  const std::string version = report["version"].dump();

  std::string html;
  absl::StrAppend(
      &html,
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      // No network: nothing may be fetched; only the inline style and script run.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
      "base-uri 'none'; form-action 'none'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>reprint report</title>\n<style>",
      internal::kHtmlCss,
      "</style>\n</head>\n<body>\n<header id=\"top\">\n<h1>reprint report</h1>\n",
      "<p class=\"meta\"><span id=\"report-format\">", HtmlEscape(kReportFormat),
      "</span> version <span id=\"report-version\">", HtmlEscape(version), "</span> &middot; ",
      report["documents"].size(), " documents &middot; ", r.stats.units,
      " units compared &middot; ", r.clusters.size(), " clusters</p>\n",
      "<details id=\"params\"><summary>Parameters</summary>\n<table class=\"params\">\n");
  for (const auto& [key, value] : params) {
    absl::StrAppend(&html, "<tr><th>", HtmlEscape(key), "</th><td>", HtmlEscape(value),
                    "</td></tr>\n");
  }
  absl::StrAppend(&html, "</table>\n</details>\n</header>\n",
                  "<noscript><p class=\"noscript\">The cluster index needs JavaScript. The whole "
                  "report is in the JSON block at the end of this file.</p></noscript>\n",
                  "<main id=\"app\"></main>\n",
                  "<script type=\"application/json\" id=\"reprint-data\">",
                  ScriptSafeJson(report.dump(-1, ' ', false, Json::error_handler_t::replace)),
                  "</script>\n<script>", internal::kHtmlJs, "</script>\n</body>\n</html>\n");
  return html;
}

}  // namespace reprint

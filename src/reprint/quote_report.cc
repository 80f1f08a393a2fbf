#include "reprint/internal/quote_report.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "reprint/document_text.h"

namespace reprint::internal {
namespace {

using Json = nlohmann::ordered_json;

double Round6(double x) { return std::round(x * 1e6) / 1e6; }

// White space collapsed to single spaces; cut at a character boundary after
// `max` bytes, with "...".
std::string Clip(std::string_view text, size_t max) {
  std::string out;
  bool space = false;
  for (char ch : text) {
    if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
      space = !out.empty();
      continue;
    }
    if (out.size() >= max && (static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
      out += "...";
      return out;
    }
    if (space) out += ' ';
    space = false;
    out += ch;
  }
  return out;
}

const QuoteCluster* AuditOf(const ScanResult& result, size_t c) {
  return FindQuoteCluster(result.quote_clusters, static_cast<uint32_t>(c));
}

size_t MemberIndex(const Cluster& c, uint32_t unit) {
  return static_cast<size_t>(std::lower_bound(c.members.begin(), c.members.end(), unit) -
                             c.members.begin());
}

// The name written for `key` by the first member carrying it.
std::string NameOf(const ScanResult& result, const QuoteCluster& qc, const std::string& key) {
  for (const QuoteMember& m : qc.members) {
    const QuoteUnit* q = FindQuoteUnit(result.quotes, m.unit);
    if (q && q->speaker && q->speaker->key == key) return q->speaker->name;
  }
  return key;
}

// Rank of a member's document date: dated documents first, by date.
std::tuple<bool, int64_t> DateRank(const std::vector<Document>& documents, const Unit& u) {
  const std::optional<int64_t> d = ParseIsoDate(documents[u.doc].date);
  return {!d.has_value(), d.value_or(0)};
}

// What a member changed against the fullest wording (`fd`, `full_words`
// normalized words): "carries words 1-33 of 59; US -> American; dropped
// "Global"", "same wording" when nothing; at most kMaxEdits edits listed.
std::string DiffText(const Document& fd, const Document& d, const WordDiff& diff,
                     uint32_t full_words) {
  constexpr size_t kMaxEdits = 8;
  std::vector<WordEdit> edits = diff.edits;
  std::vector<std::string> parts;
  // Leading and trailing drops: the member carries part of the fullest wording.
  uint32_t from = 0, to = full_words;
  if (!edits.empty() && edits.front().kind == WordEditKind::kDropped &&
      edits.front().ref_begin == 0) {
    from = edits.front().ref_end;
    edits.erase(edits.begin());
  }
  if (!edits.empty() && edits.back().kind == WordEditKind::kDropped &&
      edits.back().ref_end == full_words) {
    to = edits.back().ref_begin;
    edits.pop_back();
  }
  if (from > 0 || to < full_words) {
    parts.push_back(absl::StrCat("carries words ", from + 1, "-", to, " of ", full_words));
  }
  for (size_t k = 0; k < edits.size() && k < kMaxEdits; ++k) {
    const WordEdit& e = edits[k];
    const std::string a = Clip(SpanText(fd, e.ref), 60);
    const std::string b = Clip(SpanText(d, e.other), 60);
    switch (e.kind) {
      case WordEditKind::kChanged:
        parts.push_back(absl::StrCat(a, " -> ", b));
        break;
      case WordEditKind::kSpelling:
        parts.push_back(absl::StrCat(a, " -> ", b, " (spelling)"));
        break;
      case WordEditKind::kDropped:
        parts.push_back(absl::StrCat("dropped \"", a, "\""));
        break;
      case WordEditKind::kAdded:
        parts.push_back(absl::StrCat("added \"", b, "\""));
        break;
    }
  }
  if (edits.size() > kMaxEdits) {
    parts.push_back(absl::StrCat("and ", edits.size() - kMaxEdits, " more edits (JSON report)"));
  }
  if (parts.empty()) parts.push_back("same wording");
  return absl::StrJoin(parts, "; ");
}

}  // namespace

Json QuoteParamsJson(const ScanOptions& o) {
  const bool units =
      o.unit == UnitKind::kQuote || (o.unit == UnitKind::kParagraph && o.paragraph_quotes);
  return Json{{"units", units},
              {"min_words", o.quote.min_words},
              {"nested", o.quote.include_nested},
              {"multi_paragraph", o.quote.multi_paragraph},
              {"unterminated", o.quote.keep_unterminated},
              {"speaker_context_bytes", o.speaker.context_bytes},
              {"speaker_key", "surname-skeleton:given-initial"},
              {"variants", o.quote_cluster.join_variants},
              {"variant_measure", "content-word-jaccard"},
              {"variant_threshold", o.quote_cluster.variant_threshold}};
}

void AddQuoteMemberJson(const std::vector<Document>& documents, const ScanResult& result, size_t c,
                        size_t m, Json* member) {
  const QuoteCluster* qc = AuditOf(result, c);
  if (qc == nullptr || m >= qc->members.size()) return;
  const QuoteMember& qm = qc->members[m];
  const QuoteUnit* q = FindQuoteUnit(result.quotes, qm.unit);
  if (q == nullptr) return;
  Json& j = *member;
  if (q->speaker) {
    const Speaker& s = *q->speaker;
    j["speaker"] = Json{{"name", s.name},
                        {"key", s.key},
                        {"start", s.span.begin},
                        {"end", s.span.end},
                        {"cue_start", s.cue.begin},
                        {"cue_end", s.cue.end},
                        {"pattern", AttributionPatternName(s.pattern)},
                        {"confidence", Round6(s.confidence)}};
  } else {
    j["speaker"] = nullptr;
  }
  j["marks"] = Json{{"style", QuoteStyleName(q->quote.style)},
                    {"start", q->quote.outer.begin},
                    {"end", q->quote.outer.end},
                    {"closed", q->quote.closed},
                    {"multi_paragraph", q->quote.multi_paragraph}};
  j["match"] = QuoteMatchName(qm.match);
  const Cluster& cl = result.clusters[c];
  if (qm.match == QuoteMatch::kVariant) {
    j["variant"] = Json{{"of", MemberIndex(cl, qm.variant_of)},
                        {"content_jaccard", Round6(qm.variant.jaccard)},
                        {"content_containment", Round6(qm.variant.containment)},
                        {"shared_content_words", qm.variant.shared}};
  }
  j["words"] = qm.words;
  const Document& fd = documents[result.units[qc->fullest].doc];
  const Document& md = documents[result.units[qm.unit].doc];
  Json diff = Json::array();
  for (const WordEdit& e : qm.diff.edits) {
    diff.push_back(Json{{"op", WordEditKindName(e.kind)},
                        {"fullest_start", e.ref.begin},
                        {"fullest_end", e.ref.end},
                        {"start", e.other.begin},
                        {"end", e.other.end},
                        {"fullest_text", std::string(SpanText(fd, e.ref))},
                        {"text", std::string(SpanText(md, e.other))}});
  }
  j["diff"] = std::move(diff);
  if (qm.diff.truncated) j["diff_truncated"] = true;
}

void AddQuoteClusterJson(const ScanResult& result, size_t c, Json* cluster) {
  const QuoteCluster* qc = AuditOf(result, c);
  if (qc == nullptr) return;
  const Cluster& cl = result.clusters[c];
  Json q;
  if (qc->speaker_key.empty()) {
    q["speaker"] = nullptr;
  } else {
    Json keys = Json::array();
    for (const auto& [key, n] : qc->speaker_keys)
      keys.push_back(Json{{"key", key}, {"members", n}});
    q["speaker"] = Json{{"key", qc->speaker_key},
                        {"name", NameOf(result, *qc, qc->speaker_key)},
                        {"members", qc->speaker_keys.front().second},
                        {"keys", std::move(keys)}};
  }
  q["fullest"] = MemberIndex(cl, qc->fullest);
  q["earliest"] = MemberIndex(cl, qc->earliest);
  q["earliest_by"] = EarliestBasisName(qc->earliest_basis);
  size_t variants = 0;
  for (const QuoteMember& m : qc->members) variants += m.match == QuoteMatch::kVariant;
  q["variants"] = variants;
  (*cluster)["quote"] = std::move(q);
}

void AppendQuoteAuditText(const std::vector<Document>& documents, const ScanResult& result,
                          size_t c, std::string* out) {
  const QuoteCluster* qc = AuditOf(result, c);
  if (qc == nullptr) return;
  const Cluster& cl = result.clusters[c];
  const size_t n = qc->members.size();
  size_t attributed = 0;
  for (const auto& [key, count] : qc->speaker_keys) attributed += count;

  // Speaker.
  if (qc->speaker_key.empty()) {
    absl::StrAppend(out, "  quote audit  speaker: none named (", n, " members)\n");
  } else {
    absl::StrAppend(out, "  quote audit  speaker: ", NameOf(result, *qc, qc->speaker_key), " (key ",
                    qc->speaker_key, ", ", qc->speaker_keys.front().second, " of ", n, " members");
    for (size_t k = 1; k < qc->speaker_keys.size(); ++k) {
      absl::StrAppend(out, "; ", NameOf(result, *qc, qc->speaker_keys[k].first), " (key ",
                      qc->speaker_keys[k].first, ") ", qc->speaker_keys[k].second);
    }
    if (attributed < n) absl::StrAppend(out, "; ", n - attributed, " unattributed");
    absl::StrAppend(out, ")\n");
  }

  // Outlets, dated first by date, then in input order; earliest carrier marked.
  std::vector<size_t> order(n);
  for (size_t m = 0; m < n; ++m) order[m] = m;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return DateRank(documents, result.units[qc->members[a].unit]) <
           DateRank(documents, result.units[qc->members[b].unit]);
  });
  std::vector<std::string> outlets;
  std::vector<std::string> seen;
  for (size_t m : order) {
    const QuoteMember& qm = qc->members[m];
    const Document& d = documents[result.units[qm.unit].doc];
    std::string label = d.source;
    if (std::find(seen.begin(), seen.end(), label) != seen.end()) continue;
    seen.push_back(label);
    size_t copies = 0;
    bool any_exact = false;
    for (const QuoteMember& o : qc->members) {
      if (documents[result.units[o.unit].doc].source != d.source) continue;
      ++copies;
      any_exact |= o.match == QuoteMatch::kExact;
    }
    if (copies > 1) absl::StrAppend(&label, " x", copies);
    if (documents[result.units[qc->earliest].doc].source == d.source) {
      absl::StrAppend(&label, " (earliest carrier, by ",
                      qc->earliest_basis == EarliestBasis::kDate
                          ? "date " + documents[result.units[qc->earliest].doc].date
                          : std::string("input order"),
                      ")");
    }
    if (!any_exact) absl::StrAppend(&label, " (variant)");
    outlets.push_back(std::move(label));
  }
  absl::StrAppend(out, "    outlets: ", absl::StrJoin(outlets, ", "), "\n");

  // The fullest wording.
  const size_t fi = MemberIndex(cl, qc->fullest);
  const Unit& fu = result.units[qc->fullest];
  const Document& fd = documents[fu.doc];
  const uint32_t full_words = qc->members[fi].words;
  absl::StrAppend(out, "    fullest: [", fi, "] ", fd.source, ", ", full_words, " words: \"",
                  Clip(SpanText(fd, fu.span), 600), "\"\n");

  // Per member: what it carries and which words it changed.
  for (size_t m = 0; m < n; ++m) {
    const QuoteMember& qm = qc->members[m];
    const Unit& u = result.units[qm.unit];
    const Document& d = documents[u.doc];
    absl::StrAppend(out, "    [", m, "] ", d.source, ": ");
    if (m == fi) {
      absl::StrAppend(out, "fullest wording\n");
      continue;
    }
    if (qm.match == QuoteMatch::kVariant) {
      absl::StrAppendFormat(out,
                            "variant, lower confidence (content-word jaccard %.3f with [%d], %d "
                            "shared): \"%s\"\n",
                            qm.variant.jaccard, MemberIndex(cl, qm.variant_of), qm.variant.shared,
                            Clip(SpanText(d, u.span), 300));
      absl::StrAppend(out, "        against the fullest: ", DiffText(fd, d, qm.diff, full_words),
                      "\n");
      continue;
    }
    absl::StrAppend(out, DiffText(fd, d, qm.diff, full_words), "\n");
  }
}

std::string QuoteMemberChanges(const std::vector<Document>& documents, const ScanResult& result,
                               size_t c, size_t m) {
  const QuoteCluster* qc = AuditOf(result, c);
  if (qc == nullptr || m >= qc->members.size()) return "";
  if (qc->members[m].unit == qc->fullest) return "fullest wording";
  const size_t fi = MemberIndex(result.clusters[c], qc->fullest);
  return DiffText(documents[result.units[qc->fullest].doc],
                  documents[result.units[qc->members[m].unit].doc], qc->members[m].diff,
                  qc->members[fi].words);
}

std::optional<QuoteComparison> CompareWithFullest(const std::vector<Document>& documents,
                                                  const ScanResult& result, size_t c, size_t m) {
  const QuoteCluster* qc = AuditOf(result, c);
  if (qc == nullptr || m >= qc->members.size() || qc->members[m].unit == qc->fullest) {
    return std::nullopt;
  }
  const QuoteMember& qm = qc->members[m];
  QuoteComparison out;
  out.fullest = MemberIndex(result.clusters[c], qc->fullest);
  const Unit& fu = result.units[qc->fullest];
  const Unit& mu = result.units[qm.unit];
  const NormalizedText a = Normalize(TextOf(documents[fu.doc]), fu.span, result.options.normalize);
  const NormalizedText b = Normalize(TextOf(documents[mu.doc]), mu.span, result.options.normalize);
  // Words outside every edit but spelling ones are shared.
  std::vector<char> shared_a(a.tokens.size(), 1), shared_b(b.tokens.size(), 1);
  for (const WordEdit& e : qm.diff.edits) {
    if (e.kind == WordEditKind::kSpelling) continue;
    for (uint32_t k = e.ref_begin; k < e.ref_end && k < shared_a.size(); ++k) shared_a[k] = 0;
    for (uint32_t k = e.other_begin; k < e.other_end && k < shared_b.size(); ++k) shared_b[k] = 0;
  }
  const auto first = [](const std::vector<char>& v) {
    return static_cast<size_t>(std::find(v.begin(), v.end(), 1) - v.begin());
  };
  const auto last = [](const std::vector<char>& v) {  // one past the last shared word
    return static_cast<size_t>(v.rend() - std::find(v.rbegin(), v.rend(), 1));
  };
  const size_t a0 = first(shared_a), a1 = last(shared_a);
  const size_t b0 = first(shared_b), b1 = last(shared_b);
  if (a0 >= a1 || b0 >= b1) return out;  // no word in common
  out.shared = true;
  out.fullest_span = Span{a.tokens[a0].orig.begin, a.tokens[a1 - 1].orig.end};
  out.span = Span{b.tokens[b0].orig.begin, b.tokens[b1 - 1].orig.end};
  for (const WordEdit& e : qm.diff.edits) {
    if (e.ref_begin < a0 || e.ref_end > a1 || e.other_begin < b0 || e.other_end > b1) continue;
    if (e.ref_begin == e.ref_end && e.other_begin == e.other_end) continue;
    out.edits.push_back({e.ref, e.other});
  }
  return out;
}

}  // namespace reprint::internal

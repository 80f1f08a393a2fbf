#include "reprint/report.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <future>
#include <ostream>
#include <sstream>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"
#include "reprint/document_text.h"
#include "reprint/internal/json_string.h"
#include "reprint/internal/quote_report.h"
#include "reprint/internal/threads.h"

namespace reprint {
namespace {

using Json = nlohmann::ordered_json;

Json ParamsJson(const ScanOptions& o) {
  Json p;
  p["preset"] = o.preset;
  p["unit"] = UnitKindName(o.unit);
  p["shingle"] = {{"kind", ShingleKindName(o.shingle.kind)},
                  {"size", o.shingle.size},
                  {"sample", o.shingle.sample},
                  {"hash", "xxh3-64"}};
  p["normalize"] = {{"unicode", "nfkd+casefold+strip-marks"},
                    {"fold_spelling", o.normalize.fold_spelling},
                    {"dehyphenate", o.normalize.dehyphenate},
                    {"ocr_fold", o.normalize.ocr_fold}};
  p["segment"] = {{"wrapped_line_max", o.segment.wrapped_line_max}};
  p["min_words"] = o.min_words;
  p["num_perm"] = o.num_perm;
  p["minhash"] = "fast-similarity-sketch";
  p["bands"] = o.bands;
  p["rows"] = o.rows;
  p["threshold"] = o.threshold;
  p["measure"] = MeasureName(o.measure);
  p["seed"] = o.seed;
  p["exact"] = o.exact;
  p["pairs"] = PairListingName(o.pairs);
  p["lsh_max_bucket_all_pairs"] = o.lsh.max_bucket_all_pairs;
  p["containment"] = {{"candidates", o.exact || o.measure == Measure::kJaccard
                                         ? "none"
                                         : "winnowed-fingerprint-index"},
                      {"window", o.containment.window},
                      {"max_postings", o.containment.max_postings},
                      {"slack", o.containment.slack}};
  p["boilerplate"] = {{"enabled", o.boilerplate.enabled},
                      {"source_min_docs", o.boilerplate.source_min_docs},
                      {"source_share", o.boilerplate.source_share},
                      {"max_df", o.boilerplate.max_df},
                      {"common_ratio", o.boilerplate.common_ratio},
                      {"common_quantile", o.boilerplate.common_quantile},
                      {"common_floor", o.boilerplate.common_floor},
                      {"min_shingles", o.boilerplate.min_shingles}};
  if (o.boilerplate.enabled) {  // stock text needs the frequencies boilerplate counts
    p["boilerplate"]["stock_ratio"] = o.boilerplate.stock_ratio;
    p["boilerplate"]["min_own_share"] = o.boilerplate.min_own_share;
  }
  p["min_link_similarity"] = o.min_link_similarity;
  p["quote"] = internal::QuoteParamsJson(o);
  return p;
}

Json AlignParamsJson(const AlignOptions& a) {
  return Json{{"method", "seed-chain-banded-smith-waterman"},
              {"seed_words", a.seed_words},
              {"max_seed_occurrences", a.max_seed_occurrences},
              {"max_gap", a.max_gap},
              {"band", a.band},
              {"min_passage_words", a.min_passage_words},
              {"match", a.match},
              {"mismatch", a.mismatch},
              {"gap", a.gap}};
}

}  // namespace

double RoundScore(double x) { return std::round(x * 1e6) / 1e6; }

const char* ClusterKindName(const ScanResult& result, const Cluster& c) {
  switch (result.units[c.members.front()].kind) {
    case UnitKind::kDoc:
      return "near-duplicate";
    case UnitKind::kParagraph:
      return "repeated-passage";
    case UnitKind::kQuote:
      return "quote";
  }
  return "?";
}

namespace {

// The JSON report is written piece by piece (WriteJson): the bytes equal
// those of the whole report built as one ordered_json and dumped with
// kIndent, but neither that DOM nor that string ever exists. Clusters'
// members, pairs and passages are written field by field (JsonSink's
// brackets and scalars, strings escaped as a dump escapes them); the other
// pieces (a document, params, stats, a quote's fields) are built and dumped
// on their own, between brackets JsonSink writes. A value dumped alone has
// its lines indented from column 0, so every line after its first is shifted
// right by the depth where it stands (JSON strings never hold a raw newline,
// so every '\n' of a dump is a line break of the layout).
constexpr int kIndent = 1;

std::string Dump(const Json& j) {
  // Invalid UTF-8 in a text is replaced by U+FFFD in the JSON string; start
  // and end still address the original bytes.
  return j.dump(kIndent, ' ', false, Json::error_handler_t::replace);
}

class JsonSink {
 public:
  explicit JsonSink(std::ostream& out) : out_(&out) {}
  // Renders into a string (Take) a value that is written `depth` containers
  // deep, after the Item or Key that places it; `reserve`: about how many
  // bytes it will render.
  JsonSink(size_t depth, size_t reserve) : open_(depth, 1) {
    open_.reserve(depth + 8);
    buf_.reserve(reserve);
  }

  // What a sink made by JsonSink(depth, reserve) rendered.
  std::string Take() { return std::move(buf_); }

  // Appends `s` as it stands.
  void Raw(std::string_view s) {
    buf_.append(s);
    if (buf_.size() >= kFlushBytes) Flush();
  }

  // A container written piece by piece: Begin..., then its items (Key and
  // a value for an object, Item and a value for an array), then End....
  void BeginObject() { Begin('{'); }
  void EndObject() { End('}'); }
  void BeginArray() { Begin('['); }
  void EndArray() { End(']'); }

  // Starts the next member of the innermost object; a value must follow
  // (Value, or a container). `key` is one of the report's field names: plain
  // ASCII, nothing to escape.
  void Key(std::string_view key) {
    // Lead, quotes and colon in one append: four appends (one with a
    // strlen) cost about 190 instructions a key, 3.6% of a paragraph scan.
    char piece[64];
    const std::string_view lead = ShortLead();
    const size_t size = lead.size() + key.size() + 4;
    if (lead.empty() || size > sizeof piece) {
      WriteLead(lead);
      buf_.push_back('"');
      buf_.append(key);
      buf_.append("\": ", 3);
    } else {
      char* p = std::copy(lead.begin(), lead.end(), piece);
      *p++ = '"';
      p = std::copy(key.begin(), key.end(), p);
      *p++ = '"';
      *p++ = ':';
      *p++ = ' ';
      buf_.append(piece, size);
    }
    if (buf_.size() >= kFlushBytes) Flush();
  }
  // Starts the next element of the innermost array; a value must follow.
  void Item() {
    Lead();
    if (buf_.size() >= kFlushBytes) Flush();
  }

  // `value` dumped alone, placed where the current item stands.
  void Value(const Json& value) {
    const std::string piece = Dump(value);
    size_t from = 0;
    for (size_t nl = piece.find('\n'); nl != std::string::npos; nl = piece.find('\n', from)) {
      buf_.append(piece, from, nl + 1 - from);
      Indent();
      from = nl + 1;
    }
    buf_.append(piece, from, std::string::npos);
    if (buf_.size() >= kFlushBytes) Flush();
  }
  // A scalar written as a dump writes it, without building a Json for
  // strings and integers (a cluster's member texts are most of a report).
  template <typename T>
  void Value(const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      buf_.append(value ? "true" : "false");
    } else if constexpr (std::is_floating_point_v<T>) {
      internal::AppendJsonDouble(static_cast<double>(value), &buf_);
    } else if constexpr (std::is_integral_v<T>) {
      char digits[24];
      buf_.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
    } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
      internal::AppendJsonString(std::string_view(value), &buf_);
    } else {
      Value(Json(value));
      return;
    }
    if (buf_.size() >= kFlushBytes) Flush();
  }
  template <typename T>
  void Member(std::string_view key, const T& value) {
    Key(key);
    Value(value);
  }
  template <typename T>
  void Element(const T& value) {
    Item();
    Value(value);
  }

  // Writes what is buffered (a sink rendering into a string keeps it).
  void Flush() {
    if (out_ == nullptr) return;
    if (!buf_.empty()) out_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  // False once the stream failed: the rest need not be built.
  bool ok() const { return out_ == nullptr || static_cast<bool>(*out_); }

 private:
  void Begin(char bracket) {
    Raw(std::string_view(&bracket, 1));
    open_.push_back(0);
  }
  // An empty container closes on its line ("[]"), as a dump writes it.
  void End(char bracket) {
    const size_t items = open_.back();
    open_.pop_back();
    if (items > 0) {
      Raw("\n");
      Indent();
    }
    Raw(std::string_view(&bracket, 1));
  }

  // What starts an item: a line break (after a comma unless it is the
  // container's first), then the indent of the current depth.
  void Lead() { WriteLead(ShortLead()); }
  // Writes the lead ShortLead returned (LongLead's when that was empty).
  void WriteLead(std::string_view short_lead) {
    if (short_lead.empty()) {
      LongLead();
    } else {
      buf_.append(short_lead);
    }
  }
  // Lead's text, counting the item, when the indent is at most the
  // deepest the report needs, most of the time; else empty, with the item
  // counted, and LongLead writes it.
  std::string_view ShortLead() {
    // ",\n" and the deepest indent the report needs, most of the time.
    static constexpr std::string_view kLead = ",\n                ";
    const bool first = open_.back()++ == 0;
    const size_t indent = open_.size() * kIndent;
    if (indent + 2 > kLead.size()) return {};
    return kLead.substr(first ? 1 : 0, (first ? 1 : 2) + indent);
  }
  // Lead past ShortLead's depth (the item already counted).
  void LongLead() {
    const bool first = open_.back() == 1;
    buf_.append(first ? "\n" : ",\n");
    buf_.append(open_.size() * kIndent, ' ');
  }

  // The spaces that start a line at the current depth.
  void Indent() {
    buf_.append(open_.size() * kIndent, ' ');
    if (buf_.size() >= kFlushBytes) Flush();
  }

  static constexpr size_t kFlushBytes = size_t{1} << 18;
  std::ostream* out_ = nullptr;  // null: rendering into buf_
  std::string buf_;
  std::vector<size_t> open_;  // items written so far, per open container
};

// The byte spans of a passage or of an edit, in A's and B's documents.
void WriteSpans(Span a, Span b, JsonSink& sink) {
  sink.Member("a_start", a.begin);
  sink.Member("a_end", a.end);
  sink.Member("b_start", b.begin);
  sink.Member("b_end", b.end);
}

// A pair's passages (report version 2): byte spans into the members'
// original documents, and the edits inside each passage.
void WritePassages(const std::vector<PairPassage>& passages, JsonSink& sink) {
  sink.BeginArray();
  for (const PairPassage& pp : passages) {
    const Passage& p = pp.passage;
    sink.Item();
    sink.BeginObject();
    WriteSpans(p.a, p.b, sink);
    sink.Member("words_matched", p.words_matched);
    sink.Member("words_edited", p.words_edited);
    sink.Member("score", p.score);
    sink.Key("edits");
    sink.BeginArray();
    for (const EditSpan& e : pp.edits) {
      sink.Item();
      sink.BeginObject();
      WriteSpans(e.a, e.b, sink);
      sink.Member("a_words", e.a_words);
      sink.Member("b_words", e.b_words);
      sink.EndObject();
    }
    sink.EndArray();
    sink.EndObject();
  }
  sink.EndArray();
}

Json DocumentJson(const Document& d) {
  Json j;
  j["id"] = d.id;
  j["source"] = d.source;
  j["path"] = d.path;
  if (d.line > 0) j["line"] = d.line;
  if (!d.date.empty()) j["date"] = d.date;
  j["bytes"] = d.size();
  return j;
}

// About how many bytes PairJson renders for a pair with these passages
// (the 100 MB corpora average 683 bytes per paragraph pair and 8.3 KB per
// doc pair); it only bounds how much is rendered ahead.
size_t PairJsonBytes(const std::vector<PairPassage>& passages) {
  size_t bytes = 300;
  for (const PairPassage& pp : passages) bytes += 300 + 200 * pp.edits.size();
  return bytes;
}

// One verified pair of cluster c, as an element of the cluster's "pairs"
// array: from its '{' to its '}', indented for where WriteCluster puts it
// (four containers deep: the report, "clusters", the cluster, "pairs").
std::string PairJson(const Cluster& c, const VerifiedPair& p,
                     const std::vector<PairPassage>& passages) {
  const auto a = std::lower_bound(c.members.begin(), c.members.end(), p.a) - c.members.begin();
  const auto b = std::lower_bound(c.members.begin(), c.members.end(), p.b) - c.members.begin();
  JsonSink sink(4, PairJsonBytes(passages));
  sink.BeginObject();
  sink.Member("a", a);
  sink.Member("b", b);
  sink.Member("jaccard", RoundScore(p.score.jaccard()));
  sink.Member("containment_a_in_b", RoundScore(p.score.containment_a_in_b()));
  sink.Member("containment_b_in_a", RoundScore(p.score.containment_b_in_a()));
  sink.Member("shared_shingles", p.score.shared);
  sink.Member("estimated", false);
  sink.Key("passages");
  WritePassages(passages, sink);
  sink.EndObject();
  return sink.Take();
}

// The pairs of each cluster as JSON (PairJson), in cluster order. Their
// passages are those of in.passages, or aligned here a batch of clusters
// (about kBatchPairs pairs) at a time. With two or more threads, the next
// batch is aligned, and its first pairs rendered, on those threads while
// the caller writes this one: writing is serial, and in a paragraph scan
// rendering pairs took as long as aligning them (the caller's thread was the
// bottleneck with two threads). Each batch renders its pairs in order up to
// about in.render_ahead_bytes (a doc pair's passages run to kilobytes; memory
// stays bounded); the caller renders the rest as it writes them. A pair's
// JSON does not depend on where it was rendered, so neither does the report.
class ClusterPairs {
 public:
  explicit ClusterPairs(const ReportInput& in) : in_(in) {}
  ~ClusterPairs() {
    if (next_.valid()) next_.wait();  // it reads in_
  }

  // The JSON of pair i of cluster ci. REQUIRES: clusters are asked for in
  // order, ci = 0, 1, 2, ... (each batch replaces the last).
  std::string PairText(size_t ci, size_t i) {
    const ScanResult& r = in_.result;
    const Cluster& c = r.clusters[ci];
    if (in_.passages != nullptr) return PairJson(c, c.pairs[i], in_.passages->passages[ci][i]);
    if (ci >= batch_.end) {
      batch_ = Batch();     // the last batch's memory first
      if (next_.valid()) {  // started at the end of the last batch, ci
        batch_ = next_.get();
      } else {
        batch_ = MakeBatch(ci, BatchEnd(ci));
      }
      passages_ += batch_.aligned.stats.passages;
      seconds_ += batch_.aligned.seconds;
      if (in_.align.threads > 1 && batch_.end < r.clusters.size()) {
        next_ = std::async(std::launch::async, [this, first = batch_.end] {
          return MakeBatch(first, BatchEnd(first));
        });
      }
    }
    const size_t slot = ci - batch_.first;
    std::string& rendered = batch_.rendered[slot][i];
    if (!rendered.empty()) return std::move(rendered);
    return PairJson(c, c.pairs[i], batch_.aligned.passages[slot][i]);
  }

  const AlignOptions& options() const {
    return in_.passages != nullptr ? in_.passages->options : in_.align.align;
  }
  uint64_t passages() const {
    return in_.passages != nullptr ? in_.passages->stats.passages : passages_;
  }
  // Seconds spent aligning here, summed over batches (a batch aligned while
  // the one before was written counts in full); -1 when the passages were
  // given.
  double seconds() const { return in_.passages != nullptr ? -1 : seconds_; }

 private:
  // Enough pairs that the threads share each batch evenly (a pair takes
  // 0.1 ms to a few ms), few enough that a batch's passages stay small
  // (about 3 KB per pair on the 1 GB doc corpus; two batches are held while
  // one is written and the next aligned).
  static constexpr size_t kBatchPairs = 4096;

  struct Batch {
    size_t first = 0, end = 0;  // clusters [first, end)
    ListedPassages aligned;
    // rendered[c][i]: the JSON of pair i of cluster first + c, or empty
    // where the caller renders it.
    std::vector<std::vector<std::string>> rendered;
  };

  // The end of the batch of clusters that starts at `first`.
  size_t BatchEnd(size_t first) const {
    const std::vector<Cluster>& clusters = in_.result.clusters;
    size_t end = first, pairs = 0;
    do {
      pairs += clusters[end++].pairs.size();
    } while (end < clusters.size() && pairs < kBatchPairs);
    return end;
  }

  // Clusters [first, end) aligned, and their pairs rendered in order while
  // they fit in in_.render_ahead_bytes.
  Batch MakeBatch(size_t first, size_t end) const {
    const std::vector<Cluster>& clusters = in_.result.clusters;
    Batch b;
    b.first = first;
    b.end = end;
    b.aligned = AlignListedPairs(in_.documents, in_.result, in_.align, first, end);
    b.rendered.resize(end - first);
    std::vector<std::pair<uint32_t, uint32_t>> ahead;  // (slot, pair)
    size_t bytes = 0;
    for (size_t slot = 0; slot < end - first; ++slot) {
      const size_t pairs = clusters[first + slot].pairs.size();
      b.rendered[slot].resize(pairs);
      for (size_t i = 0; i < pairs && bytes < in_.render_ahead_bytes; ++i) {
        bytes += PairJsonBytes(b.aligned.passages[slot][i]);
        ahead.emplace_back(static_cast<uint32_t>(slot), static_cast<uint32_t>(i));
      }
    }
    constexpr size_t kBlockPairs = 64;
    internal::RunOnBlocks(0, ahead.size(), in_.align.threads, kBlockPairs, [&](int, size_t k) {
      const auto [slot, i] = ahead[k];
      const Cluster& c = clusters[first + slot];
      b.rendered[slot][i] = PairJson(c, c.pairs[i], b.aligned.passages[slot][i]);
    });
    return b;
  }

  const ReportInput& in_;
  Batch batch_;
  std::future<Batch> next_;  // clusters [batch_.end, ...)
  uint64_t passages_ = 0;
  double seconds_ = 0;
};

// Cluster ci, a member and a pair at a time: a cluster can hold thousands of
// documents, whose texts would otherwise be in memory twice at once (its DOM
// and that dumped).
void WriteCluster(const ReportInput& in, ClusterPairs& pairs, size_t ci, JsonSink& sink) {
  const ScanResult& r = in.result;
  const Cluster& c = r.clusters[ci];
  sink.Item();
  sink.BeginObject();
  sink.Member("id", ci + 1);
  sink.Member("kind", ClusterKindName(r, c));
  sink.Key("members");
  sink.BeginArray();
  for (size_t i = 0; i < c.members.size(); ++i) {
    const Unit& unit = r.units[c.members[i]];
    const Document& d = in.documents[unit.doc];
    sink.Item();
    sink.BeginObject();
    sink.Member("doc", d.id);
    sink.Member("source", d.source);
    sink.Member("unit", UnitKindName(unit.kind));
    sink.Member("start", unit.span.begin);
    sink.Member("end", unit.span.end);
    sink.Member("text", SpanText(d, unit.span));
    Json quote;  // a quote member's own fields, after the text
    internal::AddQuoteMemberJson(in.documents, r, ci, i, &quote);
    for (const auto& [key, value] : quote.items()) sink.Member(key, value);
    sink.EndObject();
  }
  sink.EndArray();
  sink.Key("pairs");
  sink.BeginArray();
  for (size_t i = 0; i < c.pairs.size(); ++i) {
    sink.Item();
    sink.Raw(pairs.PairText(ci, i));
  }
  sink.EndArray();
  Json quote;  // quote clusters' own fields, after the pairs
  internal::AddQuoteClusterJson(r, ci, &quote);
  for (const auto& [key, value] : quote.items()) sink.Member(key, value);
  sink.EndObject();
}

Json IssueJson(const InputIssue& i) {
  return Json{{"path", i.path},
              {"line", i.line},
              {"severity", i.rejected ? "error" : "warning"},
              {"message", i.message}};
}

// `align_seconds` < 0: the alignment was timed elsewhere (or not at all).
Json StatsJson(const ReportInput& in, uint64_t passages, double align_seconds) {
  const ScanResult& r = in.result;
  const ScanStats& s = r.stats;
  Json stats;
  stats["documents"] = s.documents;
  stats["bytes"] = s.bytes;
  stats["units"] = s.units;
  stats["units_too_short"] = s.units_too_short;
  stats["shingles"] = s.shingles;
  stats["lsh_candidates"] = s.lsh_candidates;
  stats["containment_candidates"] = s.containment_candidates;
  stats["candidates"] = s.candidates;
  stats["verified_pairs"] = s.verified_pairs;
  stats["clusters"] = s.clusters;
  if (r.options.min_link_similarity > 0) stats["pruned_pairs"] = s.pruned_pairs;
  if (r.options.boilerplate.enabled) {
    const BoilerplateStats& b = s.boilerplate;
    Json sources = Json::array();
    for (const SourceBoilerplate& src : b.sources) {
      sources.push_back(Json{{"source", src.source},
                             {"documents", src.documents},
                             {"shingles", src.shingles},
                             {"units", src.units},
                             {"removed", src.removed}});
    }
    stats["boilerplate"] = {{"shingles", b.shingles},
                            {"source_shingles", b.source_shingles},
                            {"capped_shingles", b.capped_shingles},
                            {"removed", b.removed},
                            {"common_removed", b.common_removed},
                            {"units_touched", b.units_touched},
                            {"units_dropped", b.units_dropped},
                            {"stock_shingles", b.stock_shingles},
                            {"stock_pairs", b.stock_pairs},
                            {"sources", std::move(sources)}};
  }
  stats["quotes"] = s.quotes;
  stats["quote_clusters"] = s.quote_clusters;
  stats["quote_variants"] = s.quote_variants;
  stats["passages"] = passages;
  if (in.include_timings) {
    Json t;  // stays null when no stage was timed
    for (const auto& [stage, sec] : s.stage_seconds) t[stage] = sec;
    if (align_seconds >= 0) t["align"] = align_seconds;
    stats["stage_seconds"] = std::move(t);
  }
  return stats;
}

}  // namespace

void WriteJson(const ReportInput& in, std::ostream& out) {
  const ScanResult& r = in.result;
  ClusterPairs pairs(in);
  JsonSink sink(out);
  sink.BeginObject();
  sink.Member("format", kReportFormat);
  sink.Member("version", kReportVersion);
  Json params = ParamsJson(r.options);
  params["align"] = AlignParamsJson(pairs.options());
  sink.Member("params", params);
  sink.Key("documents");
  sink.BeginArray();
  for (const Document& d : in.documents) sink.Element(DocumentJson(d));
  sink.EndArray();
  sink.Key("clusters");
  sink.BeginArray();
  for (size_t ci = 0; ci < r.clusters.size(); ++ci) {
    if (!sink.ok()) return;  // the destination failed: the caller reports it
    WriteCluster(in, pairs, ci, sink);
  }
  sink.EndArray();
  sink.Key("issues");
  sink.BeginArray();
  for (const InputIssue& i : in.issues) sink.Element(IssueJson(i));
  sink.EndArray();
  sink.Member("stats", StatsJson(in, pairs.passages(), pairs.seconds()));
  sink.EndObject();
  sink.Raw("\n");
  sink.Flush();
}

std::string RenderJson(const ReportInput& in) {
  std::ostringstream out;
  WriteJson(in, out);
  return std::move(out).str();
}

std::string RenderText(const ReportInput& in) {
  const ScanResult& r = in.result;
  const ScanOptions& o = r.options;
  std::string out;
  if (o.unit == UnitKind::kParagraph && r.stats.quotes > 0) {
    absl::StrAppend(&out, "reprint: ", r.stats.documents, " documents, ",
                    r.stats.units - r.stats.quotes, " paragraph and ", r.stats.quotes,
                    " quote units compared, ", r.clusters.size(), " clusters (",
                    r.stats.quote_clusters, " of quotes)\n");
  } else {
    absl::StrAppend(&out, "reprint: ", r.stats.documents, " documents, ", r.stats.units, " ",
                    UnitKindName(o.unit), " units compared, ", r.clusters.size(), " clusters\n");
  }
  absl::StrAppendFormat(
      &out, "params: threshold %.2f (%s), %d-%s shingles, K=%d, LSH %d bands x %d rows%s\n",
      o.threshold, MeasureName(o.measure), o.shingle.size, ShingleKindName(o.shingle.kind),
      o.num_perm, o.bands, o.rows, o.exact ? ", exact all-pairs" : "");
  if (o.preset != "default") absl::StrAppend(&out, "preset: ", o.preset, "\n");
  if (o.boilerplate.enabled) {
    absl::StrAppend(&out, "boilerplate: ", r.stats.boilerplate.shingles, " shingles in ",
                    r.stats.boilerplate.sources.size(), " sources, ",
                    r.stats.boilerplate.units_dropped, " units all boilerplate\n");
  }
  size_t rejected = 0;
  for (const InputIssue& i : in.issues) rejected += i.rejected;
  if (!in.issues.empty()) {
    absl::StrAppend(&out, "inputs: ", rejected, " rejected, ", in.issues.size() - rejected,
                    " warnings (details on stderr and in the JSON report)\n");
  }
  for (size_t ci = 0; ci < r.clusters.size(); ++ci) {
    const Cluster& c = r.clusters[ci];
    double best_j = 0, best_c = 0;
    for (const VerifiedPair& p : c.pairs) {
      best_j = std::max(best_j, p.score.jaccard());
      best_c = std::max(best_c, p.score.containment_of_smaller());
    }
    absl::StrAppendFormat(&out, "\nCluster %d  %s  %d members  best jaccard %.3f  containment %.3f\n",
                          ci + 1, ClusterKindName(r, c), c.members.size(), best_j, best_c);
    for (size_t m = 0; m < c.members.size(); ++m) {
      const Unit& u = r.units[c.members[m]];
      const Document& d = in.documents[u.doc];
      std::string preview;
      for (char ch : SpanText(d, u.span)) {
        if (preview.size() >= 90 && (static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
          preview += "...";
          break;
        }
        preview += (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : ch;
      }
      absl::StrAppendFormat(&out, "  [%d] %s  bytes %d-%d  %s\n", m, d.id, u.span.begin,
                            u.span.end, preview);
    }
    for (const VerifiedPair& p : c.pairs) {
      const auto a = std::lower_bound(c.members.begin(), c.members.end(), p.a) - c.members.begin();
      const auto b = std::lower_bound(c.members.begin(), c.members.end(), p.b) - c.members.begin();
      absl::StrAppendFormat(&out, "      [%d]-[%d] jaccard %.3f  contained %.3f / %.3f\n", a, b,
                            p.score.jaccard(), p.score.containment_a_in_b(),
                            p.score.containment_b_in_a());
    }
    internal::AppendQuoteAuditText(in.documents, r, ci, &out);
  }
  return out;
}

}  // namespace reprint

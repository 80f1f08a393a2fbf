// File: tests/fuzz/scan_fuzz.h
// Fuzz target "scan": the whole reprint::Scan on a few fuzzed documents, and
// both report renderers.
// Input: 25 option bytes (29 with explicit banding: unit and quotes,
// boilerplate, segmenting, normalization, shingles, LSH, threshold, measure,
// limits, threads; see the code),
// then the documents separated by byte 0x1E (at most 8). With option bit
// `copy`, one more document joins documents 0 and 1, so that clusters (and
// containment) are exercised on most inputs.
//
// Invariants: Scan accepts the options; units are sorted, inside their
// documents and non-empty; clusters have sorted, disjoint members, and their
// pairs join members, do not overlap in one document, qualify, and (spanning)
// number members-1; every reported pair is found by the brute-force reference
// with the identical exact score; the JSON report parses back.
// Not for production use.
#ifndef REPRINT_TESTS_FUZZ_SCAN_FUZZ_H_
#define REPRINT_TESTS_FUZZ_SCAN_FUZZ_H_

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "nlohmann/json.hpp"
#include "reprint/report.h"
#include "reprint/scan.h"
#include "tests/fuzz/fuzz_check.h"

namespace reprint::fuzz {

inline void FuzzScan(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  ScanOptions o;
  const uint8_t unit = in.TakeByte();
  o.unit = (unit & 1) ? UnitKind::kDoc : (unit & 2) ? UnitKind::kQuote : UnitKind::kParagraph;
  o.paragraph_quotes = (unit & 4) != 0;
  o.boilerplate.enabled = (unit & 8) != 0;
  o.segment.wrapped_line_max = static_cast<uint32_t>(in.TakeInt(1, 200));
  const uint8_t norm = in.TakeByte();
  o.normalize.fold_spelling = (norm & 1) != 0;
  o.normalize.dehyphenate = (norm & 2) != 0;
  o.normalize.ocr_fold = (norm & 4) != 0;
  o.shingle.sample = (norm & 0x18) == 0x18 ? 3u : 1u;
  static constexpr ShingleKind kKinds[] = {ShingleKind::kWord, ShingleKind::kChar,
                                           ShingleKind::kCharNoSpace, ShingleKind::kWord};
  o.shingle.kind = kKinds[in.TakeByte() % 4];
  o.shingle.size = in.TakeInt(1, 8);
  o.min_words = in.TakeInt(1, 8);
  static constexpr int kPerms[] = {1, 8, 16, 64, 128, 200, 256, 512};
  o.num_perm = kPerms[in.TakeByte() % 8];
  if (in.TakeBool()) {  // explicit banding
    o.bands = in.TakeInt(1, o.num_perm);
    o.rows = in.TakeInt(1, o.num_perm / o.bands);
  }
  static constexpr double kThresholds[] = {0.05, 0.2, 0.5, 0.5, 0.7, 0.9, 1.0, 0.33};
  o.threshold = kThresholds[in.TakeByte() % 8];
  o.measure = static_cast<Measure>(in.TakeByte() % 3);
  o.seed = in.TakeByte();
  o.exact = (in.TakeByte() % 8) == 0;
  o.pairs = in.TakeBool() ? PairListing::kAll : PairListing::kSpanning;
  o.lsh.max_bucket_all_pairs = static_cast<uint32_t>(in.TakeInt(2, 70));
  o.containment.window = in.TakeInt(1, 8);
  o.containment.max_postings = static_cast<uint32_t>(in.TakeInt(2, 300));
  const uint8_t misc = in.TakeByte();
  o.threads = (misc & 1) ? 2 : 1;
  const bool copy = (misc & 2) != 0;

  std::vector<Document> docs;
  const std::string_view rest = in.Rest();
  size_t pos = 0;
  while (docs.size() < 8) {
    const size_t sep = rest.find('\x1E', pos);
    const size_t end = sep == std::string_view::npos ? rest.size() : sep;
    Document d;
    d.id = "doc" + std::to_string(docs.size());
    d.source = "src" + std::to_string(docs.size() % 3);
    d.path = d.id + ".txt";
    d.text = std::string(rest.substr(pos, end - pos));
    docs.push_back(std::move(d));
    if (sep == std::string_view::npos) break;
    pos = sep + 1;
  }
  if (copy) {
    Document d;
    d.id = d.path = "copy";
    d.source = "copy";
    d.text = docs[0].text + "\n\n" + (docs.size() > 1 ? docs[1].text : docs[0].text);
    docs.push_back(std::move(d));
  }

  absl::StatusOr<ScanResult> scanned = Scan(docs, o);
  FuzzCheck(scanned.ok(), "Scan accepts the chosen options");
  const ScanResult& r = *scanned;
  const std::vector<Unit>& units = r.units;
  FuzzCheck(r.stats.units == units.size() && r.stats.documents == docs.size(), "stats counts");
  for (size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    FuzzCheck(u.doc < docs.size(), "unit names a document");
    FuzzCheck(u.span.begin < u.span.end && u.span.end <= docs[u.doc].text.size(),
              "unit span non-empty and inside its document");
    // Quote units come alongside paragraphs (paragraph_quotes) and may
    // overlap them; units of one kind never overlap each other.
    FuzzCheck(u.kind == o.unit || u.kind == UnitKind::kQuote, "unit kind as asked");
    if (i > 0) {
      const Unit& p = units[i - 1];
      FuzzCheck(p.doc < u.doc || (p.doc == u.doc && (p.span.begin < u.span.begin ||
                                                     (p.span.begin == u.span.begin &&
                                                      p.span.end <= u.span.end))),
                "units sorted by (document, begin, end)");
    }
  }
  std::set<uint32_t> seen;
  uint32_t last_first = 0;
  for (size_t ci = 0; ci < r.clusters.size(); ++ci) {
    const Cluster& c = r.clusters[ci];
    FuzzCheck(c.members.size() >= 2, "cluster has two members");
    FuzzCheck(ci == 0 || c.members.front() > last_first, "clusters sorted by first member");
    last_first = c.members.front();
    for (size_t m = 0; m < c.members.size(); ++m) {
      FuzzCheck(c.members[m] < units.size(), "member is a unit");
      FuzzCheck(m == 0 || c.members[m] > c.members[m - 1], "members sorted and unique");
      FuzzCheck(seen.insert(c.members[m]).second, "clusters are disjoint");
    }
    if (o.pairs == PairListing::kSpanning) {
      // Variants joined by the quote audit carry no VerifiedPair (their link
      // is QuoteMember::variant_of): the exact members are spanned.
      size_t variants = 0;
      for (const QuoteCluster& q : r.quote_clusters) {
        if (q.cluster != ci) continue;
        for (const QuoteMember& m : q.members) variants += m.match == QuoteMatch::kVariant;
      }
      FuzzCheck(c.pairs.size() == c.members.size() - 1 - variants,
                "spanning set has one pair per exact member but the first");
    }
    // Quote clusters may hold variants joined by the quote audit (speaker
    // and content words, reprint/quote_cluster.h): exact scores are checked
    // on the other clusters.
    const bool quote_cluster = units[c.members.front()].kind == UnitKind::kQuote;
    for (const VerifiedPair& p : c.pairs) {
      FuzzCheck(p.a < p.b, "pair ordered");
      FuzzCheck(std::binary_search(c.members.begin(), c.members.end(), p.a) &&
                    std::binary_search(c.members.begin(), c.members.end(), p.b),
                "pair joins members of its cluster");
      const Unit& x = units[p.a];
      const Unit& y = units[p.b];
      FuzzCheck(x.doc != y.doc || x.span.end <= y.span.begin, "no overlapping self-pair");
      FuzzCheck((x.kind == UnitKind::kQuote) == (y.kind == UnitKind::kQuote),
                "quote units pair only with quote units");
      if (quote_cluster) continue;
      FuzzCheck(Qualifies(p.score, o.measure, o.threshold), "pair qualifies");
      FuzzCheck(p.score.jaccard() >= 0 && p.score.jaccard() <= 1, "jaccard in [0, 1]");
    }
  }

  // Every pair must be a pair of the brute-force reference, with equal scores.
  if (!o.exact && !r.clusters.empty()) {
    ScanOptions ref = o;
    ref.exact = true;
    ref.pairs = PairListing::kAll;
    ref.threads = 1;
    ref.bands = r.options.bands;  // resolved already; saves ForThreshold's search
    ref.rows = r.options.rows;
    absl::StatusOr<ScanResult> exact = Scan(docs, ref);
    FuzzCheck(exact.ok(), "reference scan runs");
    FuzzCheck(exact->units.size() == units.size(), "reference sees the same units");
    std::map<std::pair<uint32_t, uint32_t>, PairScore> truth;
    for (const Cluster& c : exact->clusters) {
      for (const VerifiedPair& p : c.pairs) truth[{p.a, p.b}] = p.score;
    }
    for (const Cluster& c : r.clusters) {
      if (units[c.members.front()].kind == UnitKind::kQuote) continue;
      for (const VerifiedPair& p : c.pairs) {
        auto it = truth.find({p.a, p.b});
        FuzzCheck(it != truth.end(), "reported pair is found by brute force");
        FuzzCheck(it->second.shared == p.score.shared && it->second.jaccard() == p.score.jaccard(),
                  "reported score is exact");
      }
    }
  }

  std::vector<InputIssue> issues{InputIssue{"doc0.txt", 3, "fuzz \xFF issue", false}};
  const std::string json = RenderJson(ReportInput{docs, r, issues});
  FuzzCheck(nlohmann::json::accept(json), "JSON report parses back");
  const std::string text = RenderText(ReportInput{docs, r, issues});
  FuzzCheck(!text.empty(), "text report is not empty");
}

}  // namespace reprint::fuzz

#endif  // REPRINT_TESTS_FUZZ_SCAN_FUZZ_H_

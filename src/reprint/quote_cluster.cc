#include "reprint/quote_cluster.h"

#include <algorithm>
#include <iterator>
#include <memory>
#include <string>
#include <tuple>

#include "absl/container/flat_hash_map.h"
#include "reprint/document_text.h"
#include "reprint/internal/sorted.h"

namespace reprint {
namespace {

// English function words, normalized as Normalize spells them (lower case,
// apostrophes joined: "dont"). "us" is absent on purpose: the pronoun and
// the country (U.S. -> us) are one word once normalized. Sorted.
constexpr std::string_view kFunctionWords[] = {
    "a",       "about",      "above",   "after",  "again",   "against", "all",     "also",
    "am",      "an",         "and",     "any",    "are",     "arent",   "as",      "at",
    "be",      "because",    "been",    "before", "being",   "below",   "between", "both",
    "but",     "by",         "can",     "cannot", "could",   "couldnt", "did",     "didnt",
    "do",      "does",       "doesnt",  "doing",  "dont",    "down",    "during",  "each",
    "either",  "even",       "ever",    "few",    "for",     "from",    "further", "had",
    "hadnt",   "has",        "hasnt",   "have",   "havent",  "having",  "he",      "her",
    "here",    "hers",       "herself", "him",    "himself", "his",     "how",     "i",
    "if",      "in",         "into",    "is",     "isnt",    "it",      "its",     "itself",
    "just",    "may",        "me",      "might",  "more",    "most",    "must",    "my",
    "myself",  "neither",    "no",      "nor",    "not",     "now",     "of",      "off",
    "on",      "once",       "only",    "or",     "other",   "our",     "ours",    "ourselves",
    "out",     "over",       "own",     "same",   "shall",   "she",     "should",  "so",
    "some",    "such",       "than",    "that",   "thats",   "the",     "their",   "theirs",
    "them",    "themselves", "then",    "there",  "these",   "they",    "this",    "those",
    "through", "to",         "too",     "under",  "until",   "up",      "upon",    "very",
    "was",     "wasnt",      "we",      "were",   "werent",  "what",    "when",    "where",
    "which",   "while",      "who",     "whom",   "whose",   "why",     "will",    "with",
    "wont",    "would",      "wouldnt", "yet",    "you",     "your",
};

static_assert(std::is_sorted(std::begin(kFunctionWords), std::end(kFunctionWords)));

bool IsFunctionWord(std::string_view w) {
  return std::binary_search(std::begin(kFunctionWords), std::end(kFunctionWords), w);
}

// Words shared by more exact members of one speaker than this are not used to
// find variant candidates (they still count in the exact score).
constexpr size_t kMaxVariantPostings = 1024;
// Exact members scored per variant candidate: those sharing the most
// (non-frequent) content words with it. Bounds the cost for prolific speakers.
constexpr size_t kMaxVariantScores = 64;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// Reads exactly `n` digits at s[*i] into *out.
bool Digits(std::string_view s, size_t* i, int n, int64_t* out) {
  if (*i + static_cast<size_t>(n) > s.size()) return false;
  int64_t v = 0;
  for (int k = 0; k < n; ++k) {
    const char c = s[*i + k];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *i += n;
  *out = v;
  return true;
}

// The most frequent key of `keys` (ties: first appearance), with counts.
std::vector<std::pair<std::string, uint32_t>> CountKeys(const std::vector<std::string>& keys) {
  std::vector<std::pair<std::string, uint32_t>> out;  // in order of first appearance
  absl::flat_hash_map<std::string_view, size_t> index;
  for (const std::string& k : keys) {
    if (k.empty()) continue;
    auto [it, fresh] = index.try_emplace(k, out.size());
    if (fresh) {
      out.emplace_back(k, 1);
    } else {
      ++out[it->second].second;
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

// Normalized texts of quote units, made on first use.
class QuoteTexts {
 public:
  QuoteTexts(const std::vector<Document>& documents, const std::vector<Unit>& units,
             const std::vector<QuoteUnit>& quotes, const NormalizeOptions& normalize)
      : documents_(documents),
        units_(units),
        quotes_(quotes),
        normalize_(normalize),
        norm_(quotes.size()),
        content_(quotes.size()) {}

  // `q` indexes `quotes`.
  const NormalizedText& Norm(size_t q) {
    if (!norm_[q]) {
      const Unit& u = units_[quotes_[q].unit];
      norm_[q] =
          std::make_unique<NormalizedText>(Normalize(TextOf(documents_[u.doc]), u.span, normalize_));
    }
    return *norm_[q];
  }
  const std::vector<std::string>& Content(size_t q) {
    if (!content_[q])
      content_[q] = std::make_unique<std::vector<std::string>>(ContentWords(Norm(q)));
    return *content_[q];
  }
  // The text of quote q's document; valid while at most three other
  // documents are read (TextOf).
  std::string_view Text(size_t q) const { return TextOf(documents_[units_[quotes_[q].unit].doc]); }

 private:
  const std::vector<Document>& documents_;
  const std::vector<Unit>& units_;
  const std::vector<QuoteUnit>& quotes_;
  const NormalizeOptions& normalize_;
  std::vector<std::unique_ptr<NormalizedText>> norm_;
  std::vector<std::unique_ptr<std::vector<std::string>>> content_;
};

std::string KeyOf(const QuoteUnit& q) { return q.speaker ? q.speaker->key : std::string(); }

}  // namespace

const char* QuoteMatchName(QuoteMatch m) { return m == QuoteMatch::kExact ? "exact" : "variant"; }

const char* EarliestBasisName(EarliestBasis b) {
  return b == EarliestBasis::kDate ? "date" : "input-order";
}

absl::Status QuoteClusterOptions::Validate() const {
  if (!(variant_threshold > 0 && variant_threshold <= 1)) {
    return absl::InvalidArgumentError("variant threshold must be in (0, 1]");
  }
  if (diff.max_cells < 1) return absl::InvalidArgumentError("diff max_cells must be >= 1");
  return absl::OkStatus();
}

std::vector<QuoteUnit> FindQuoteUnits(std::string_view text, const QuoteOptions& quote,
                                      const SpeakerOptions& speaker,
                                      const std::vector<Span>* paragraphs) {
  std::vector<Span> own;
  if (paragraphs == nullptr) {
    own = SegmentParagraphs(text, quote.segment);
    paragraphs = &own;
  }
  // Every quote once (the shorter ones mask names for Attribute); those of
  // min_words or more are the units, exactly as ExtractQuotes(text, quote).
  QuoteOptions every = quote;
  every.min_words = 0;
  const std::vector<Quote> all = ExtractQuotes(text, every, paragraphs);
  std::vector<Quote> quotes;
  for (const Quote& q : all) {
    if (q.words >= quote.min_words) quotes.push_back(q);
  }
  const bool same = quote.segment.wrapped_line_max == speaker.segment.wrapped_line_max;
  std::vector<std::optional<Speaker>> who =
      Attribute(text, quotes, speaker, &all, same ? paragraphs : nullptr);
  std::vector<QuoteUnit> out(quotes.size());
  for (size_t i = 0; i < quotes.size(); ++i) {
    out[i].quote = std::move(quotes[i]);
    out[i].speaker = std::move(who[i]);
  }
  return out;
}

std::vector<std::string> ContentWords(const NormalizedText& text) {
  std::vector<std::string> out;
  for (const Token& t : text.tokens) {
    const std::string_view w = text.word(t);
    if (!IsFunctionWord(w)) out.emplace_back(w);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

VariantScore ScoreVariant(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  VariantScore s;
  s.shared = static_cast<uint32_t>(internal::SortedIntersectionSize(a, b));
  const size_t uni = a.size() + b.size() - s.shared;
  const size_t small = std::min(a.size(), b.size());
  s.jaccard = uni == 0 ? 0 : static_cast<double>(s.shared) / static_cast<double>(uni);
  s.containment = small == 0 ? 0 : static_cast<double>(s.shared) / static_cast<double>(small);
  return s;
}

std::optional<int64_t> ParseIsoDate(std::string_view s) {
  size_t i = 0;
  int64_t y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!Digits(s, &i, 4, &y) || i >= s.size() || s[i++] != '-' || !Digits(s, &i, 2, &mo) ||
      i >= s.size() || s[i++] != '-' || !Digits(s, &i, 2, &d)) {
    return std::nullopt;
  }
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (mo < 1 || mo > 12 || d < 1 || d > kDays[mo - 1]) return std::nullopt;
  int64_t offset = 0;
  if (i < s.size()) {
    if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return std::nullopt;
    ++i;
    if (!Digits(s, &i, 2, &h) || i >= s.size() || s[i++] != ':' || !Digits(s, &i, 2, &mi)) {
      return std::nullopt;
    }
    if (i < s.size() && s[i] == ':') {
      ++i;
      if (!Digits(s, &i, 2, &sec)) return std::nullopt;
      if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        const size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i == start) return std::nullopt;
      }
    }
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
    if (i < s.size()) {
      if (s[i] == 'Z' || s[i] == 'z') {
        ++i;
      } else if (s[i] == '+' || s[i] == '-') {
        const int64_t sign = s[i++] == '-' ? -1 : 1;
        int64_t oh = 0, om = 0;
        if (!Digits(s, &i, 2, &oh)) return std::nullopt;
        if (i < s.size() && s[i] == ':') ++i;
        if (!Digits(s, &i, 2, &om) || oh > 23 || om > 59) return std::nullopt;
        offset = sign * (oh * 3600 + om * 60);
      }
      if (i != s.size()) return std::nullopt;
    }
  }
  return DaysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset;
}

std::vector<InputIssue> DateIssues(const std::vector<Document>& documents, size_t max_issues) {
  std::vector<InputIssue> out;
  size_t more = 0;
  const Document* first_more = nullptr;
  for (const Document& d : documents) {
    if (d.date.empty() || ParseIsoDate(d.date).has_value()) continue;
    if (out.size() >= max_issues) {
      if (more++ == 0) first_more = &d;
      continue;
    }
    InputIssue i;
    i.path = d.path;
    i.line = d.line;
    i.rejected = false;
    std::string date = d.date.substr(0, 80);
    for (char& c : date) {
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    i.message = "document \"" + d.id + "\": date \"" + date +
                "\" is not ISO-8601 (YYYY-MM-DD[THH:MM[:SS]][Z|+HH:MM]); the document counts "
                "as undated when choosing a quote's earliest carrier";
    out.push_back(std::move(i));
  }
  if (more > 0) {
    InputIssue i;
    i.path = first_more->path;
    i.line = first_more->line;
    i.rejected = false;
    i.message = std::to_string(more) +
                " more documents (from this one on) have a date that is not ISO-8601; they "
                "count as undated when choosing a quote's earliest carrier";
    out.push_back(std::move(i));
  }
  return out;
}

const QuoteUnit* FindQuoteUnit(const std::vector<QuoteUnit>& quotes, uint32_t unit) {
  auto it = std::lower_bound(quotes.begin(), quotes.end(), unit,
                             [](const QuoteUnit& q, uint32_t u) { return q.unit < u; });
  return it != quotes.end() && it->unit == unit ? &*it : nullptr;
}

const QuoteCluster* FindQuoteCluster(const std::vector<QuoteCluster>& audits, uint32_t cluster) {
  auto it = std::lower_bound(audits.begin(), audits.end(), cluster,
                             [](const QuoteCluster& q, uint32_t c) { return q.cluster < c; });
  return it != audits.end() && it->cluster == cluster ? &*it : nullptr;
}

std::vector<QuoteCluster> AuditQuoteClusters(
    const std::vector<Document>& documents, const std::vector<Unit>& units,
    const std::vector<QuoteUnit>& quotes, const NormalizeOptions& normalize,
    const QuoteClusterOptions& options, std::vector<Cluster>* clusters, QuoteAuditStats* stats) {
  std::vector<QuoteCluster> out;
  if (quotes.empty()) return out;
  QuoteTexts texts(documents, units, quotes, normalize);
  // Quote index of each quote unit, and the cluster of each clustered one.
  auto quote_index = [&](uint32_t unit) {
    return static_cast<size_t>(FindQuoteUnit(quotes, unit) - quotes.data());
  };
  std::vector<int64_t> cluster_of(quotes.size(), -1);
  std::vector<size_t> quote_clusters;  // indices into *clusters
  std::vector<std::string> cluster_key(clusters->size());
  // Every key the cluster's members carry: a variant must agree with all of
  // those with its surname.
  std::vector<std::vector<std::string>> member_keys(clusters->size());
  for (size_t c = 0; c < clusters->size(); ++c) {
    const Cluster& cl = (*clusters)[c];
    if (units[cl.members.front()].kind != UnitKind::kQuote) continue;
    quote_clusters.push_back(c);
    std::vector<std::string> keys;
    for (uint32_t u : cl.members) {
      const size_t q = quote_index(u);
      cluster_of[q] = static_cast<int64_t>(c);
      keys.push_back(KeyOf(quotes[q]));
    }
    const auto counted = CountKeys(keys);
    if (!counted.empty()) cluster_key[c] = counted.front().first;
    for (const auto& [key, n] : counted) member_keys[c].push_back(key);
  }
  // Whether a quote of speaker `key` may join cluster `c`: compatible with
  // the cluster's key and with no member naming another person of that
  // surname ("Hunter Biden" never joins "Joe Biden"; "Biden" may).
  auto may_join = [&](const std::string& key, size_t c) {
    if (!SpeakerKeysCompatible(key, cluster_key[c])) return false;
    const std::string_view surname = SpeakerKeySurname(key);
    for (const std::string& k : member_keys[c]) {
      if (SpeakerKeySurname(k) == surname && !SpeakerKeysCompatible(key, k)) return false;
    }
    return true;
  };

  // Variants: (candidate quote, exact member quote, score) per joined candidate.
  struct Join {
    size_t candidate;
    size_t member;
    VariantScore score;
  };
  std::vector<Join> joins;
  if (options.join_variants) {
    // (surname part of the key, quote index, is candidate), grouped by
    // surname; may_join then checks the given-name initials.
    std::vector<std::tuple<std::string, size_t, bool>> entries;
    for (size_t q = 0; q < quotes.size(); ++q) {
      if (cluster_of[q] >= 0) {
        const std::string& key = cluster_key[static_cast<size_t>(cluster_of[q])];
        if (!key.empty()) entries.emplace_back(SpeakerKeySurname(key), q, false);
      } else if (!KeyOf(quotes[q]).empty()) {
        entries.emplace_back(SpeakerKeySurname(KeyOf(quotes[q])), q, true);
      }
    }
    std::sort(entries.begin(), entries.end());
    for (size_t g = 0; g < entries.size();) {
      size_t e = g;
      while (e < entries.size() && std::get<0>(entries[e]) == std::get<0>(entries[g])) ++e;
      std::vector<size_t> members, candidates;
      for (size_t k = g; k < e; ++k) {
        (std::get<2>(entries[k]) ? candidates : members).push_back(std::get<1>(entries[k]));
      }
      g = e;
      if (members.empty() || candidates.empty()) continue;
      // Inverted index: content word -> members holding it.
      absl::flat_hash_map<std::string_view, std::vector<uint32_t>> postings;
      for (uint32_t m = 0; m < members.size(); ++m) {
        for (const std::string& w : texts.Content(members[m])) postings[w].push_back(m);
      }
      std::vector<uint32_t> hits(members.size(), 0);
      std::vector<uint32_t> touched;
      for (size_t cand : candidates) {
        const std::string cand_key = KeyOf(quotes[cand]);
        const std::vector<std::string>& words = texts.Content(cand);
        for (const std::string& w : words) {
          auto it = postings.find(w);
          if (it == postings.end() || it->second.size() > kMaxVariantPostings) continue;
          for (uint32_t m : it->second) {
            if (hits[m]++ == 0) touched.push_back(m);
          }
        }
        // Most shared words first (ties: member order), at most kMaxVariantScores.
        std::sort(touched.begin(), touched.end(), [&](uint32_t a, uint32_t b) {
          return hits[a] != hits[b] ? hits[a] > hits[b] : a < b;
        });
        for (size_t k = std::min(touched.size(), kMaxVariantScores); k < touched.size(); ++k) {
          hits[touched[k]] = 0;
        }
        touched.resize(std::min(touched.size(), kMaxVariantScores));
        std::sort(touched.begin(), touched.end());
        bool found = false;
        Join best{cand, 0, {}};
        for (uint32_t m : touched) {
          hits[m] = 0;
          if (!may_join(cand_key, static_cast<size_t>(cluster_of[members[m]]))) continue;
          const VariantScore s = ScoreVariant(words, texts.Content(members[m]));
          if (stats) ++stats->variant_comparisons;
          if (s.jaccard >= options.variant_threshold &&
              (!found || s.jaccard > best.score.jaccard)) {
            best = Join{cand, members[m], s};
            found = true;
          }
        }
        touched.clear();
        if (found) joins.push_back(best);
      }
    }
  }

  // Add variants to their clusters; re-sort clusters by first member.
  std::vector<int> is_variant(quotes.size(), 0);
  std::vector<size_t> variant_of(quotes.size(), 0);
  std::vector<VariantScore> variant_score(quotes.size());
  for (const Join& j : joins) {
    Cluster& cl = (*clusters)[static_cast<size_t>(cluster_of[j.member])];
    const uint32_t u = quotes[j.candidate].unit;
    cl.members.insert(std::lower_bound(cl.members.begin(), cl.members.end(), u), u);
    is_variant[j.candidate] = 1;
    variant_of[j.candidate] = j.member;
    variant_score[j.candidate] = j.score;
  }
  if (stats) stats->variants += joins.size();
  if (!joins.empty()) {
    std::stable_sort(clusters->begin(), clusters->end(), [](const Cluster& a, const Cluster& b) {
      return a.members.front() < b.members.front();
    });
  }

  for (size_t c = 0; c < clusters->size(); ++c) {
    const Cluster& cl = (*clusters)[c];
    if (units[cl.members.front()].kind != UnitKind::kQuote) continue;
    QuoteCluster qc;
    qc.cluster = static_cast<uint32_t>(c);
    std::vector<size_t> qs;
    std::vector<std::string> keys;
    for (uint32_t u : cl.members) {
      qs.push_back(quote_index(u));
      keys.push_back(KeyOf(quotes[qs.back()]));
    }
    qc.speaker_keys = CountKeys(keys);
    if (!qc.speaker_keys.empty()) qc.speaker_key = qc.speaker_keys.front().first;

    // Fullest and earliest exact members.
    size_t fullest = qs.size(), earliest = qs.size();
    std::optional<int64_t> earliest_date;
    for (size_t k = 0; k < qs.size(); ++k) {
      if (is_variant[qs[k]]) continue;
      const size_t words = texts.Norm(qs[k]).tokens.size();
      if (fullest == qs.size() || words > texts.Norm(qs[fullest]).tokens.size()) fullest = k;
      const std::optional<int64_t> date = ParseIsoDate(documents[units[cl.members[k]].doc].date);
      if (earliest == qs.size() || (date && (!earliest_date || *date < *earliest_date))) {
        earliest = k;
        earliest_date = date;
      }
    }
    qc.fullest = cl.members[fullest];
    qc.earliest = cl.members[earliest];
    qc.earliest_basis = earliest_date ? EarliestBasis::kDate : EarliestBasis::kInputOrder;

    const NormalizedText& ref = texts.Norm(qs[fullest]);
    for (size_t k = 0; k < qs.size(); ++k) {
      QuoteMember m;
      m.unit = cl.members[k];
      m.words = static_cast<uint32_t>(texts.Norm(qs[k]).tokens.size());
      if (is_variant[qs[k]]) {
        m.match = QuoteMatch::kVariant;
        m.variant_of = quotes[variant_of[qs[k]]].unit;
        m.variant = variant_score[qs[k]];
      }
      if (k != fullest) {
        m.diff = DiffWords(ref, texts.Text(qs[fullest]), texts.Norm(qs[k]), texts.Text(qs[k]),
                           options.diff);
      }
      qc.members.push_back(std::move(m));
    }
    out.push_back(std::move(qc));
  }
  if (stats) stats->clusters += out.size();
  return out;
}

}  // namespace reprint

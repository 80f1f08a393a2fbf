#include "reprint/boilerplate.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace reprint {
namespace {

// Sorted unique source names, and each document's index into them.
struct SourceIndex {
  std::vector<std::string> names;
  std::vector<uint32_t> of_doc;
};

SourceIndex IndexSources(const std::vector<Document>& documents) {
  SourceIndex index;
  index.names.reserve(documents.size());
  for (const Document& d : documents) index.names.push_back(d.source);
  std::sort(index.names.begin(), index.names.end());
  index.names.erase(std::unique(index.names.begin(), index.names.end()), index.names.end());
  index.of_doc.reserve(documents.size());
  for (const Document& d : documents) {
    index.of_doc.push_back(static_cast<uint32_t>(
        std::lower_bound(index.names.begin(), index.names.end(), d.source) - index.names.begin()));
  }
  return index;
}

struct Occurrence {
  uint64_t hash;
  uint32_t unit;
};

// Stable LSD radix sort by hash, 16 bits per pass: equal hashes keep their
// (unit) order.
void RadixSortByHash(std::vector<Occurrence>* v) {
  std::vector<Occurrence> tmp(v->size());
  std::vector<size_t> count(65537);
  for (int shift = 0; shift < 64; shift += 16) {
    std::fill(count.begin(), count.end(), 0);
    for (const Occurrence& o : *v) ++count[((o.hash >> shift) & 0xFFFF) + 1];
    if (count[((v->empty() ? 0 : (*v)[0].hash) >> shift & 0xFFFF) + 1] == v->size()) continue;
    for (size_t d = 1; d < count.size(); ++d) count[d] += count[d - 1];
    for (const Occurrence& o : *v) tmp[count[(o.hash >> shift) & 0xFFFF]++] = o;
    v->swap(tmp);
  }
}

}  // namespace

absl::Status BoilerplateOptions::Validate() const {
  if (source_min_docs < 2) return absl::InvalidArgumentError("boilerplate min docs must be >= 2");
  if (!(source_share > 0 && source_share <= 1)) {
    return absl::InvalidArgumentError("boilerplate source share must be in (0, 1]");
  }
  if (max_df == 1) return absl::InvalidArgumentError("max_df must be 0 (no cap) or >= 2");
  if (!(common_ratio == 0 || common_ratio >= 1)) {
    return absl::InvalidArgumentError("common ratio must be 0 (off) or >= 1");
  }
  if (!(common_quantile >= 0 && common_quantile <= 1)) {
    return absl::InvalidArgumentError("common quantile must be in [0, 1]");
  }
  if (common_floor < 1) return absl::InvalidArgumentError("common floor must be >= 1");
  if (min_shingles < 1) return absl::InvalidArgumentError("boilerplate min shingles must be >= 1");
  if (!(stock_ratio == 0 || stock_ratio >= 1)) {
    return absl::InvalidArgumentError("stock ratio must be 0 (off) or >= 1");
  }
  if (!(min_own_share >= 0 && min_own_share <= 1)) {
    return absl::InvalidArgumentError("min own share must be in [0, 1]");
  }
  return absl::OkStatus();
}

double TypicalFrequency(std::span<const uint32_t> frequencies, const BoilerplateOptions& options) {
  std::vector<uint32_t> seen;  // shingles found in other documents too
  for (uint32_t f : frequencies) {
    if (f >= 2) seen.push_back(f);
  }
  double typical = options.common_floor;
  if (!seen.empty()) {
    const size_t q =
        static_cast<size_t>(options.common_quantile * static_cast<double>(seen.size() - 1));
    std::nth_element(seen.begin(), seen.begin() + q, seen.end());
    typical = std::max<double>(typical, seen[q]);
  }
  return typical;
}

double CommonLimit(std::span<const uint32_t> frequencies, const BoilerplateOptions& options) {
  if (options.common_ratio <= 0) return std::numeric_limits<double>::infinity();
  return options.common_ratio * TypicalFrequency(frequencies, options);
}

BoilerplateStats RemoveBoilerplate(const std::vector<Document>& documents,
                                   std::span<const uint32_t> unit_docs,
                                   std::span<std::vector<uint64_t>* const> sets,
                                   std::span<std::vector<uint64_t>* const> also,
                                   const BoilerplateOptions& options,
                                   std::vector<uint8_t>* dropped) {
  return RemoveBoilerplate(documents, unit_docs, sets, also, {}, options, dropped);
}

BoilerplateStats RemoveBoilerplate(const std::vector<Document>& documents,
                                   std::span<const uint32_t> unit_docs,
                                   std::span<std::vector<uint64_t>* const> sets,
                                   std::span<std::vector<uint64_t>* const> also,
                                   std::span<std::vector<uint64_t>* const> stock,
                                   const BoilerplateOptions& options,
                                   std::vector<uint8_t>* dropped) {
  BoilerplateStats stats;
  const size_t n = sets.size();
  dropped->assign(n, 0);
  const SourceIndex sources = IndexSources(documents);
  const size_t num_sources = sources.names.size();

  // Documents per source (with a unit), and the source rule's bar.
  std::vector<uint64_t> docs(num_sources, 0);
  for (size_t u = 0; u < n; ++u) {
    if (u == 0 || unit_docs[u] != unit_docs[u - 1]) ++docs[sources.of_doc[unit_docs[u]]];
  }
  std::vector<uint64_t> need(num_sources, std::numeric_limits<uint64_t>::max());
  for (size_t s = 0; s < num_sources; ++s) {
    const uint64_t bar = std::max<uint64_t>(
        options.source_min_docs, static_cast<uint64_t>(std::ceil(
                                     options.source_share * static_cast<double>(docs[s]) - 1e-9)));
    if (docs[s] >= bar) need[s] = bar;
  }

  // Every (shingle, unit) occurrence, sorted by shingle; units stay in order.
  std::vector<uint64_t> offset(n + 1, 0);
  for (size_t u = 0; u < n; ++u) offset[u + 1] = offset[u] + sets[u]->size();
  std::vector<Occurrence> occ;
  occ.reserve(offset[n]);
  for (size_t u = 0; u < n; ++u) {
    for (uint64_t h : *sets[u]) occ.push_back(Occurrence{h, static_cast<uint32_t>(u)});
  }
  RadixSortByHash(&occ);

  // Per occurrence, aligned with each unit's sorted set: the shingle's
  // document frequency, or 0 when a corpus-wide rule removes it. Groups come
  // in ascending shingle order, as each unit's set does.
  std::vector<uint32_t> frequency(offset[n]);
  std::vector<uint64_t> next(offset.begin(), offset.end() - 1);
  std::vector<uint32_t> per_source(num_sources, 0);
  std::vector<uint32_t> touched;
  std::vector<uint64_t> own(num_sources, 0);
  for (size_t g = 0; g < occ.size();) {
    size_t e = g + 1;
    while (e < occ.size() && occ[e].hash == occ[g].hash) ++e;
    uint32_t df = 0;
    touched.clear();
    for (size_t k = g; k < e; ++k) {
      const uint32_t doc = unit_docs[occ[k].unit];
      if (k > g && doc == unit_docs[occ[k - 1].unit]) continue;  // paragraphs of one document
      ++df;
      const uint32_t s = sources.of_doc[doc];
      if (per_source[s]++ == 0) touched.push_back(s);
    }
    bool by_source = false;
    for (uint32_t s : touched) {
      if (per_source[s] >= need[s]) {
        by_source = true;
        ++own[s];
      }
      per_source[s] = 0;
    }
    const bool capped = options.max_df > 0 && df > options.max_df;
    stats.source_shingles += by_source;
    stats.capped_shingles += capped;
    stats.shingles += by_source || capped;
    const uint32_t value = by_source || capped ? 0 : df;
    for (size_t k = g; k < e; ++k) frequency[next[occ[k].unit]++] = value;
    g = e;
  }
  occ.clear();
  occ.shrink_to_fit();

  std::vector<uint64_t> removed_of(num_sources, 0), units_of(num_sources, 0);
  for (size_t u = 0; u < n; ++u) {
    std::vector<uint64_t>& set = *sets[u];
    const std::span<const uint32_t> f(frequency.data() + offset[u], set.size());
    const bool want_typical = options.common_ratio > 0 || options.stock_ratio > 0;
    const double typical = want_typical ? TypicalFrequency(f, options) : 0;
    const double limit = options.common_ratio > 0 ? options.common_ratio * typical
                                                  : std::numeric_limits<double>::infinity();
    const double stock_limit = options.stock_ratio > 0 ? options.stock_ratio * typical
                                                       : std::numeric_limits<double>::infinity();
    std::vector<uint64_t>* stock_of = stock.empty() ? nullptr : stock[u];
    if (stock_of != nullptr) stock_of->clear();
    size_t out = 0;
    uint32_t common = 0;
    for (size_t k = 0; k < set.size(); ++k) {
      if (f[k] == 0) continue;
      if (f[k] > limit) {
        ++common;
        continue;
      }
      if (f[k] > stock_limit) {
        ++stats.stock_shingles;
        if (stock_of != nullptr) stock_of->push_back(set[k]);
      }
      set[out++] = set[k];
    }
    const uint64_t removed = set.size() - out;
    set.resize(out);
    if (removed > 0) {
      if (!also.empty()) {
        std::erase_if(*also[u], [&set](uint64_t h) {
          return !std::binary_search(set.begin(), set.end(), h);
        });
      }
      const uint32_t s = sources.of_doc[unit_docs[u]];
      removed_of[s] += removed;
      ++units_of[s];
      stats.removed += removed;
      stats.common_removed += common;
      ++stats.units_touched;
    }
    if (set.size() < options.min_shingles) {
      (*dropped)[u] = 1;
      ++stats.units_dropped;
    }
  }
  for (size_t s = 0; s < num_sources; ++s) {
    if (own[s] == 0 && removed_of[s] == 0) continue;
    stats.sources.push_back(
        SourceBoilerplate{sources.names[s], docs[s], own[s], removed_of[s], units_of[s]});
  }
  return stats;
}

}  // namespace reprint

#include "bench/quality/quality_run.h"

#include <algorithm>
#include <fstream>
#include <map>

#include "nlohmann/json.hpp"

namespace reprint::bench {
namespace {

std::pair<uint32_t, uint32_t> Ordered(uint32_t a, uint32_t b) {
  return a < b ? std::pair(a, b) : std::pair(b, a);
}

}  // namespace

absl::StatusOr<LabelledSet> LoadLabelledSet(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot open " + path);
  LabelledSet set;
  std::map<std::string, uint32_t> families;
  std::string line;
  uint64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    const char* fields[] = {"id", "source", "family", "text"};
    bool ok = j.is_object();
    for (const char* f : fields) ok = ok && j.contains(f) && j[f].is_string();
    if (!ok) {
      return absl::InvalidArgumentError(path + ":" + std::to_string(number) +
                                        ": not a {id, source, family, text} record");
    }
    Document d;
    d.id = j["id"].get<std::string>();
    d.source = j["source"].get<std::string>();
    d.path = path;
    d.line = number;
    d.text = j["text"].get<std::string>();
    set.documents.push_back(std::move(d));
    const auto [it, added] =
        families.emplace(j["family"].get<std::string>(), static_cast<uint32_t>(families.size()));
    set.families.push_back(it->second);
  }
  set.family_names.resize(families.size());
  for (const auto& [name, label] : families) set.family_names[label] = name;
  std::ifstream truth(path + ".truth", std::ios::binary);
  while (std::getline(truth, line)) {
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string::npos) continue;
    const auto a = families.find(line.substr(0, tab1));
    const auto b = families.find(line.substr(tab1 + 1, tab2 - tab1 - 1));
    if (a == families.end() || b == families.end()) continue;
    set.quotes.push_back(Ordered(a->second, b->second));
  }
  std::sort(set.quotes.begin(), set.quotes.end());
  set.quotes.erase(std::unique(set.quotes.begin(), set.quotes.end()), set.quotes.end());
  return set;
}

PassageScores ScorePassages(const LabelledSet& set, const ScanResult& result) {
  PassageScores s;
  s.clusters = result.clusters.size();
  std::vector<std::pair<uint32_t, uint32_t>> doc_pairs;  // same family, sharing a cluster
  std::vector<std::pair<uint32_t, uint32_t>> quote_pairs;  // same, in a cluster of quotes
  for (const Cluster& c : result.clusters) {
    const bool quotes = !c.members.empty() && result.units[c.members[0]].kind == UnitKind::kQuote;
    for (size_t i = 0; i < c.members.size(); ++i) {
      for (size_t j = i + 1; j < c.members.size(); ++j) {
        const uint32_t a = result.units[c.members[i]].doc, b = result.units[c.members[j]].doc;
        const uint32_t fa = set.families[a], fb = set.families[b];
        ++s.pairs;
        if (a == b) {
          ++s.same_document;
        } else if (fa == fb) {
          ++s.same_family;
          doc_pairs.push_back(Ordered(a, b));
          if (quotes) quote_pairs.push_back(Ordered(a, b));
        } else if (std::binary_search(set.quotes.begin(), set.quotes.end(), Ordered(fa, fb))) {
          ++s.quoted;
        } else if (set.documents[a].source == set.documents[b].source) {
          ++s.same_source;
        } else {
          ++s.other;
        }
      }
    }
  }
  std::sort(doc_pairs.begin(), doc_pairs.end());
  doc_pairs.erase(std::unique(doc_pairs.begin(), doc_pairs.end()), doc_pairs.end());
  std::map<uint32_t, uint64_t> family_size;
  for (uint32_t f : set.families) ++family_size[f];
  uint64_t total = 0;
  for (const auto& [f, n] : family_size) total += n * (n - 1) / 2;
  s.family_coverage = total == 0 ? 1.0 : static_cast<double>(doc_pairs.size()) / total;

  std::sort(quote_pairs.begin(), quote_pairs.end());
  quote_pairs.erase(std::unique(quote_pairs.begin(), quote_pairs.end()), quote_pairs.end());
  std::vector<uint32_t> quoting_docs;  // documents with a quote unit
  for (const Unit& u : result.units) {
    if (u.kind == UnitKind::kQuote) quoting_docs.push_back(u.doc);
  }
  quoting_docs.erase(std::unique(quoting_docs.begin(), quoting_docs.end()), quoting_docs.end());
  std::map<uint32_t, uint64_t> quoting_family_size;
  for (uint32_t d : quoting_docs) ++quoting_family_size[set.families[d]];
  for (const auto& [f, n] : quoting_family_size) s.quote_family_pairs += n * (n - 1) / 2;
  s.quote_coverage = s.quote_family_pairs == 0 ? 1.0
                                               : static_cast<double>(quote_pairs.size()) /
                                                     static_cast<double>(s.quote_family_pairs);
  return s;
}

std::vector<uint32_t> ScanLabels(const ScanResult& result, uint32_t num_documents) {
  std::vector<std::vector<uint32_t>> clusters;
  for (const Cluster& c : result.clusters) {
    std::vector<uint32_t> docs;
    for (uint32_t u : c.members) docs.push_back(result.units[u].doc);
    std::sort(docs.begin(), docs.end());
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    clusters.push_back(std::move(docs));
  }
  return LabelsFromClusters(num_documents, clusters);
}

PartitionScores ScoreScan(const LabelledSet& set, const ScanResult& result) {
  const std::vector<uint32_t> labels =
      ScanLabels(result, static_cast<uint32_t>(set.documents.size()));
  return ScorePartition(set.families, labels);
}

}  // namespace reprint::bench

// File: bench/gen/reprint_corpus.cc
#include "bench/gen/reprint_corpus.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numeric>
#include <unordered_set>
#include <utility>

#include "bench/gen/jsonl_writer.h"
#include "bench/gen/rng.h"
#include "bench/gen/text_edit.h"
#include "bench/words.h"
#include "xxhash.h"

namespace reprint::bench {
namespace {

// Usable source paragraphs, reflowed to one line, per file.
struct Paragraph {
  std::string text;
  int words = 0;
  bool used = false;  // taken by a story
};
using Pool = std::vector<std::vector<Paragraph>>;

std::string Reflow(const std::string& p) {
  std::string out;
  bool space = false;
  for (char c : p) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

Pool BuildPool(const SourceText& source, const ReprintOptions& o) {
  Pool pool(source.files.size());
  std::unordered_set<uint64_t> seen;
  std::string joined;
  std::vector<uint32_t> starts;
  for (size_t f = 0; f < source.files.size(); ++f) {
    for (const std::string& raw : source.files[f].paragraphs) {
      Paragraph p{Reflow(raw), 0, false};
      p.words = static_cast<int>(CountWords(p.text));
      if (p.words < o.min_paragraph_words || p.words > o.max_paragraph_words) continue;
      const size_t letters = std::count_if(p.text.begin(), p.text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      });
      if (letters * 2 < p.text.size()) continue;  // tables, code, addresses
      LowerWords(p.text, &joined, &starts);
      if (!seen.insert(XXH3_64bits(joined.data(), joined.size())).second) continue;
      pool[f].push_back(std::move(p));
    }
  }
  return pool;
}

std::string FirstWords(const std::string& text, int n) {
  std::vector<Piece> pieces = SplitPieces(text);
  if (static_cast<int>(pieces.size()) > n) pieces.resize(n);
  for (Piece& p : pieces) p.sep.assign(1, ' ');  // not = " ": GCC 12 -Wrestrict false positive
  return JoinPieces(pieces);
}

std::string WordRun(const std::vector<Piece>& words, size_t first, size_t n) {
  std::string s;
  for (size_t i = first; i < first + n && i < words.size(); ++i) {
    if (!s.empty()) s.push_back(' ');
    s += words[i].word;
  }
  return s;
}

// Cuts stories of consecutive paragraphs: at most two per file on a first pass
// over the files in seeded order, as many as needed on a second.
std::vector<std::vector<std::string>> CutStories(Pool& pool, const ReprintOptions& o) {
  Rng rng(StreamSeed(o.seed, "stories"));
  std::vector<uint32_t> order(pool.size());
  std::iota(order.begin(), order.end(), 0u);
  rng.Shuffle(order);
  std::vector<size_t> cursor(pool.size(), 0);
  std::vector<std::vector<std::string>> stories;
  for (int pass = 0; pass < 2; ++pass) {
    for (uint32_t f : order) {
      std::vector<Paragraph>& ps = pool[f];
      for (int taken = 0; pass == 1 || taken < 2; ++taken) {
        if (static_cast<int>(stories.size()) == o.stories) return stories;
        const int target = rng.Range(o.min_story_words, o.max_story_words);
        size_t i = cursor[f];
        int words = 0;
        std::vector<std::string> story;
        while (i < ps.size() && words < target) {
          const int room = o.max_story_words - words;
          story.push_back(ps[i].words <= room ? ps[i].text : FirstWords(ps[i].text, room));
          words += std::min(ps[i].words, room);
          ps[i++].used = true;
        }
        cursor[f] = i;
        if (words < o.min_story_words) break;  // the file's rest is too short
        stories.push_back(std::move(story));
      }
    }
  }
  return stories;
}

std::string Join(const std::vector<std::string>& paragraphs) {
  std::string s;
  for (const std::string& p : paragraphs) {
    if (!s.empty()) s += "\n\n";
    s += p;
  }
  return s;
}

// Keeps about `keep` of the words, cutting inside the last paragraph kept.
void Abridge(std::vector<std::string>& paragraphs, double keep) {
  int total = 0;
  for (const std::string& p : paragraphs) total += static_cast<int>(CountWords(p));
  int budget = std::max(1, static_cast<int>(total * keep));
  size_t i = 0;
  for (; i < paragraphs.size() && budget > 0; ++i) {
    const int n = static_cast<int>(CountWords(paragraphs[i]));
    if (n > budget) paragraphs[i] = FirstWords(paragraphs[i], budget);
    budget -= n;
  }
  paragraphs.resize(i);
}

std::vector<uint64_t> TrigramSet(const std::string& text) {
  std::string joined;
  std::vector<uint32_t> starts;
  std::vector<uint64_t> set;
  LowerWords(text, &joined, &starts);
  ShingleHashes(joined, starts, 3, 0, &set);
  std::sort(set.begin(), set.end());
  set.erase(std::unique(set.begin(), set.end()), set.end());
  return set;
}

double Jaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, shared = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  const size_t uni = a.size() + b.size() - shared;
  return uni == 0 ? 1.0 : static_cast<double>(shared) / uni;
}

}  // namespace

const char* PerturbationName(Perturbation p) {
  switch (p) {
    case Perturbation::kMixed:
      return "mixed";
    case Perturbation::kNone:
      return "none";
    case Perturbation::kOcr:
      return "ocr";
    case Perturbation::kAbridge:
      return "abridge";
    case Perturbation::kLede:
      return "lede";
    case Perturbation::kDropParagraph:
      return "drop-paragraph";
    case Perturbation::kWordChanges:
      return "word-changes";
    case Perturbation::kBoilerplate:
      return "boilerplate";
  }
  return "?";
}

bool ParsePerturbation(std::string_view name, Perturbation* out) {
  for (Perturbation p :
       {Perturbation::kMixed, Perturbation::kNone, Perturbation::kOcr, Perturbation::kAbridge,
        Perturbation::kLede, Perturbation::kDropParagraph, Perturbation::kWordChanges,
        Perturbation::kBoilerplate}) {
    if (name == PerturbationName(p)) {
      *out = p;
      return true;
    }
  }
  return false;
}

void ReprintOptions::Only(Perturbation p) {
  if (p == Perturbation::kMixed) return;
  p_ocr = p == Perturbation::kOcr ? 1 : 0;
  p_abridge = p == Perturbation::kAbridge ? 1 : 0;
  p_lede = p == Perturbation::kLede ? 1 : 0;
  p_drop_paragraph = p == Perturbation::kDropParagraph ? 1 : 0;
  p_word_changes = p == Perturbation::kWordChanges ? 1 : 0;
  if (p != Perturbation::kBoilerplate) outlet.boilerplate_share = 0;
}

bool WriteReprintCorpus(const SourceText& source, const ReprintOptions& o,
                        const std::string& out_path, ReprintStats* stats, std::string* error) {
  *stats = ReprintStats{};
  if (o.outlets < o.max_family) {
    *error = "need at least as many outlets as the largest family";
    return false;
  }
  Pool pool = BuildPool(source, o);
  std::vector<std::vector<std::string>> bases = CutStories(pool, o);
  if (static_cast<int>(bases.size()) < o.stories) {
    *error = "the source text makes only " + std::to_string(bases.size()) + " stories of " +
             std::to_string(o.min_story_words) + "+ words";
    return false;
  }
  // Ledes come from paragraphs no story uses.
  std::vector<const Paragraph*> unused;
  for (const std::vector<Paragraph>& ps : pool) {
    for (const Paragraph& p : ps) {
      if (!p.used) unused.push_back(&p);
    }
  }
  std::vector<std::string_view> texts;
  for (const std::vector<Paragraph>& ps : pool) {
    for (const Paragraph& p : ps) texts.push_back(p.text);
  }
  const Vocabulary vocab = Vocabulary::FromTexts(texts);
  const std::vector<Outlet> outlets = MakeOutlets(o.outlets, o.outlet, o.seed);

  JsonlWriter out;
  if (!out.Open(out_path, error)) return false;
  const std::string truth_path = out_path + ".truth";
  std::FILE* truth = std::fopen(truth_path.c_str(), "wb");
  if (truth == nullptr) {
    *error = "cannot create " + truth_path + ": " + std::strerror(errno);
    return false;
  }
  const auto family_name = [](int s) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "s%04d", s);
    return std::string(buf);
  };

  // Quotes: a passage of story q (as cut) inserted into story s != q.
  const int n = o.stories;
  const std::vector<std::vector<std::string>> originals = bases;
  if (n >= 2) {
    Rng rng(StreamSeed(o.seed, "quotes"));
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    rng.Shuffle(order);
    std::vector<int> quoting(order.begin(), order.begin() + std::lround(n * o.quote_share));
    std::sort(quoting.begin(), quoting.end());
    for (int s : quoting) {
      int q = static_cast<int>(rng.Below(n - 1));
      if (q >= s) ++q;
      const std::vector<Piece> words = SplitPieces(Join(originals[q]));
      const size_t len =
          std::min<size_t>(rng.Range(o.min_quote_words, o.max_quote_words), words.size());
      const std::string passage = WordRun(words, rng.Below(words.size() - len + 1), len);
      std::vector<std::string>& b = bases[s];
      const int at = rng.Range(1, std::max<int>(1, static_cast<int>(b.size()) / 2));
      b.insert(b.begin() + at, "\"" + passage + "\"");
      std::fprintf(truth, "%s\t%s\tquote\t%zu\n", family_name(s).c_str(), family_name(q).c_str(),
                   len);
      ++stats->quotes;
    }
  }

  std::vector<std::vector<uint64_t>> sets;  // per record
  std::vector<int> record_family;
  std::vector<double> family_j;
  for (int s = 0; s < n; ++s) {
    Rng family_rng(StreamSeed(o.seed, "family", s));
    const int members = family_rng.Range(o.min_family, o.max_family);
    std::vector<int> outlet_order(o.outlets);
    std::iota(outlet_order.begin(), outlet_order.end(), 0);
    family_rng.Shuffle(outlet_order);
    const size_t first_record = sets.size();
    for (int m = 0; m < members; ++m) {
      Rng rng(StreamSeed(o.seed, "reprint", static_cast<uint64_t>(s) * 64 + m));
      const Outlet& outlet = outlets[outlet_order[m]];
      std::vector<std::string> paragraphs = bases[s];
      if (rng.Chance(o.p_abridge)) {
        Abridge(paragraphs, rng.Uniform(o.min_abridge_keep, o.max_abridge_keep));
        ++stats->abridged;
      }
      if (rng.Chance(o.p_drop_paragraph) && paragraphs.size() >= 3) {
        paragraphs.erase(paragraphs.begin() +
                         rng.Range(1, static_cast<int>(paragraphs.size()) - 1));
        ++stats->dropped_paragraphs;
      }
      std::string text = Join(paragraphs);
      if (rng.Chance(o.p_word_changes)) {
        text = ChangeWords(text, rng.Uniform(o.min_word_change, o.max_word_change), vocab, rng);
        ++stats->word_changes;
      }
      if (rng.Chance(o.p_lede) && !unused.empty()) {
        std::string lede;
        for (int k = rng.Range(1, 2); k > 0; --k) {
          std::string sentence =
              FirstWords(unused[rng.Below(unused.size())]->text, rng.Range(8, 25));
          while (!sentence.empty() && std::strchr(".,;:!?", sentence.back())) sentence.pop_back();
          if (!lede.empty()) lede.push_back(' ');
          lede += sentence + ".";
        }
        text = lede + "\n\n" + text;
        ++stats->ledes;
      }
      if (rng.Chance(o.p_ocr)) {
        text = OcrNoise(text, rng.Uniform(o.min_ocr_rate, o.max_ocr_rate), rng);
        ++stats->ocr;
      }
      text = outlet.Wrap(text);
      stats->boilerplate_items += outlet.boilerplate.empty() ? 0 : 1;
      char id[32];
      std::snprintf(id, sizeof id, "s%04d-r%02d", s, m);
      const std::string family = family_name(s);
      out.Write({{"id", id}, {"source", outlet.source}, {"family", family}, {"text", text}});
      sets.push_back(TrigramSet(text));
      record_family.push_back(s);
    }
    for (size_t a = first_record; a < sets.size(); ++a) {
      for (size_t b = a + 1; b < sets.size(); ++b) family_j.push_back(Jaccard(sets[a], sets[b]));
    }
  }
  stats->stories = n;
  stats->records = out.records();
  stats->bytes = out.bytes();
  stats->family_pairs = family_j.size();
  if (!family_j.empty()) {
    stats->mean_family_jaccard =
        std::accumulate(family_j.begin(), family_j.end(), 0.0) / family_j.size();
    std::sort(family_j.begin(), family_j.end());
    const auto q = [&](double p) {
      return family_j[static_cast<size_t>(p * (family_j.size() - 1))];
    };
    stats->p10_family_jaccard = q(0.1);
    stats->median_family_jaccard = q(0.5);
    stats->p90_family_jaccard = q(0.9);
  }
  if (n >= 2) {
    Rng rng(StreamSeed(o.seed, "cross"));
    double sum = 0;
    for (int k = 0; k < 5000; ++k) {
      const size_t a = rng.Below(sets.size()), b = rng.Below(sets.size());
      if (record_family[a] == record_family[b]) continue;
      sum += Jaccard(sets[a], sets[b]);
      ++stats->cross_pairs;
    }
    if (stats->cross_pairs > 0) stats->mean_cross_jaccard = sum / stats->cross_pairs;
  }
  const bool truth_ok = !std::ferror(truth);
  const bool truth_closed = std::fclose(truth) == 0;
  if (!out.Close(error)) return false;
  if (!truth_ok || !truth_closed) {
    *error = "cannot write " + truth_path;
    return false;
  }
  return true;
}

}  // namespace reprint::bench

// Equivalence of AlignPassages with the algorithm as first written: a copy
// of that implementation (align.cc before its speed-ups: per-pair hash maps,
// 64-bit scores, no shortcut for identical texts) is kept below as the
// reference, and both must return the same passages, field for field, and
// the same stats, on many seeded random pairs: identical texts (with and
// without repeated or too-frequent windows), near-copies, texts repeating
// their own passages, short and empty texts, unrelated texts, random options,
// and one pair large enough for 64-bit scores. Pairs run back to back, so
// buffers reused from a larger pair are exercised too. The reference can
// also align every chain, as align.cc did before it skipped chains that
// cannot hold a passage: the passages must be the same as with the skip.
#include <algorithm>
#include <cassert>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <queue>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "gtest/gtest.h"
#include "reprint/align.h"
#include "reprint/normalize.h"
#include "tests/support/ascii_words.h"
#include "tests/support/mutate.h"
#include "tests/support/same_passages.h"
#include "xxhash.h"

namespace reprint {
namespace {
namespace reference {

// XXH3 seed for seed-window keys. Keys never leave this file, and every seed
// is checked word by word, so the value only has to be fixed.
constexpr uint64_t kWindowHashSeed = 0x616c69676e31ull;  // "align1"
// Chaining looks back at most this many runs for a predecessor (as minimap2
// does), which bounds its cost on repetitive text.
constexpr int kMaxPredecessors = 64;

// Trace-back operations of the local alignment.
enum Op : uint8_t { kStop = 0, kDiagonal = 1, kSkipA = 2, kSkipB = 3 };

// Word ids shared by both texts: equal normalized words get equal ids.
void AssignWordIds(const NormalizedText& a, const NormalizedText& b, std::vector<uint32_t>* ids_a,
                   std::vector<uint32_t>* ids_b) {
  absl::flat_hash_map<std::string_view, uint32_t> ids;
  ids.reserve(std::min<size_t>(a.tokens.size() + b.tokens.size(), 1u << 16));
  auto assign = [&ids](const NormalizedText& text, std::vector<uint32_t>* out) {
    out->resize(text.tokens.size());
    for (size_t i = 0; i < text.tokens.size(); ++i) {
      const uint32_t next = static_cast<uint32_t>(ids.size());
      (*out)[i] = ids.try_emplace(text.word(text.tokens[i]), next).first->second;
    }
  };
  assign(a, ids_a);
  assign(b, ids_b);
}

// XXH3 of the word ids of the k-word window starting at each token.
std::vector<uint64_t> WindowKeys(const std::vector<uint32_t>& ids, size_t k) {
  std::vector<uint64_t> keys(ids.size() < k ? 0 : ids.size() - k + 1);
  for (size_t i = 0; i < keys.size(); ++i) {
    keys[i] = XXH3_64bits_withSeed(ids.data() + i, k * sizeof(uint32_t), kWindowHashSeed);
  }
  return keys;
}

// An exact run: A tokens [a, a + len) equal B tokens [b, b + len).
struct Run {
  uint32_t a = 0;
  uint32_t b = 0;
  uint32_t len = 0;
  int64_t diagonal() const { return int64_t{a} - int64_t{b}; }
  uint32_t a_end() const { return a + len; }
  uint32_t b_end() const { return b + len; }
};

// Seeds merged into maximal runs per diagonal. A's windows are indexed by key
// (positions grouped per key, in text order); B's windows are looked up in
// text order, so the seeds of each diagonal arrive in order and extend the
// diagonal's last run in place: no sort, linear in the number of seeds.
std::vector<Run> FindRuns(const std::vector<uint32_t>& ids_a, const std::vector<uint32_t>& ids_b,
                          const AlignOptions& options, AlignStats* stats) {
  const size_t k = static_cast<size_t>(options.seed_words);
  const uint32_t max_occ = static_cast<uint32_t>(options.max_seed_occurrences);
  const std::vector<uint64_t> keys_a = WindowKeys(ids_a, k);
  const std::vector<uint64_t> keys_b = WindowKeys(ids_b, k);

  // Group g holds A positions [start[g], start[g + 1]) of pos_a, and is seen
  // count_b[g] times in B.
  absl::flat_hash_map<uint64_t, uint32_t> group_of;
  group_of.reserve(keys_a.size());
  std::vector<uint32_t> group_a(keys_a.size());
  std::vector<uint32_t> start;
  for (size_t i = 0; i < keys_a.size(); ++i) {
    const uint32_t next = static_cast<uint32_t>(group_of.size());
    const uint32_t g = group_of.try_emplace(keys_a[i], next).first->second;
    if (g == start.size()) start.push_back(0);
    ++start[g];
    group_a[i] = g;
  }
  uint32_t total = 0;
  for (uint32_t& c : start) total += std::exchange(c, total);
  start.push_back(total);
  std::vector<uint32_t> pos_a(keys_a.size());
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  for (size_t i = 0; i < keys_a.size(); ++i) pos_a[fill[group_a[i]]++] = static_cast<uint32_t>(i);

  std::vector<int64_t> group_b(keys_b.size(), -1);
  std::vector<uint32_t> count_b(group_of.size(), 0);
  for (size_t j = 0; j < keys_b.size(); ++j) {
    const auto it = group_of.find(keys_b[j]);
    if (it == group_of.end()) continue;
    group_b[j] = it->second;
    ++count_b[it->second];
  }

  std::vector<Run> runs;
  absl::flat_hash_map<int64_t, size_t> last_run;  // diagonal -> its latest run
  for (size_t j = 0; j < keys_b.size(); ++j) {
    if (group_b[j] < 0) continue;
    const uint32_t g = static_cast<uint32_t>(group_b[j]);
    if (start[g + 1] - start[g] > max_occ || count_b[g] > max_occ) continue;
    for (uint32_t x = start[g]; x < start[g + 1]; ++x) {
      const uint32_t i = pos_a[x];
      if (!std::equal(ids_a.begin() + i, ids_a.begin() + i + k, ids_b.begin() + j)) continue;
      ++stats->seeds;
      const Run seed{i, static_cast<uint32_t>(j), static_cast<uint32_t>(k)};
      const auto [it, inserted] = last_run.try_emplace(seed.diagonal(), runs.size());
      if (!inserted && runs[it->second].a_end() >= seed.a) {
        Run& r = runs[it->second];
        r.len = std::max(r.len, seed.a_end() - r.a);
      } else {
        it->second = runs.size();
        runs.push_back(seed);
      }
    }
  }
  stats->runs += runs.size();
  return runs;
}

// A colinear chain of runs, sorted by A (and so by B).
struct Chain {
  std::vector<Run> runs;
  uint64_t words = 0;      // sum of run lengths
  bool remainder = false;  // left over from aligning a chain; not split again
};

// Processing order: most seed words first, then by position (a total order:
// no two chains share a first run).
bool AlignsBefore(const Chain& x, const Chain& y) {
  if (x.words != y.words) return x.words > y.words;
  if (x.runs[0].a != y.runs[0].a) return x.runs[0].a < y.runs[0].a;
  return x.runs[0].b < y.runs[0].b;
}

Chain MakeChain(std::vector<Run> runs, bool remainder) {
  Chain c;
  c.runs = std::move(runs);
  for (const Run& r : c.runs) c.words += r.len;
  c.remainder = remainder;
  return c;
}

// Best-scoring colinear chains of runs at most max_gap words apart (in the
// text where the gap is shorter) and at most `band` diagonals apart (local
// chaining: a chain restarts where a gap costs more than it gains). The same
// reach as the alignment region's margin, so a chain's region never sees
// another chain's run that could not have been linked to it.
std::vector<Chain> ChainRuns(std::vector<Run> runs, const AlignOptions& o) {
  std::sort(runs.begin(), runs.end(), [](const Run& x, const Run& y) {
    if (x.a_end() != y.a_end()) return x.a_end() < y.a_end();
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  const size_t n = runs.size();
  std::vector<int64_t> score(n);
  std::vector<int64_t> pred(n, -1);
  for (size_t r = 0; r < n; ++r) {
    const Run& cur = runs[r];
    score[r] = int64_t{cur.len} * o.match;
    int scanned = 0;
    for (size_t q = r; q-- > 0 && scanned < kMaxPredecessors; ++scanned) {
      const Run& p = runs[q];
      if (int64_t{p.a_end()} + o.max_gap + o.band < int64_t{cur.a}) break;
      if (p.a >= cur.a || p.b >= cur.b || p.a_end() >= cur.a_end() || p.b_end() >= cur.b_end()) {
        continue;
      }
      const int64_t ga = int64_t{cur.a} - p.a_end();
      const int64_t gb = int64_t{cur.b} - p.b_end();
      const int64_t shift = std::abs(ga - gb);
      if (std::min(ga, gb) > o.max_gap || shift > o.band) continue;
      const int64_t gain = std::min(cur.a_end() - p.a_end(), cur.b_end() - p.b_end());
      const int64_t cost = shift * -o.gap + std::max<int64_t>(0, std::min(ga, gb)) * -o.mismatch;
      const int64_t s = score[q] + gain * o.match - cost;
      if (s > score[r]) {
        score[r] = s;
        pred[r] = static_cast<int64_t>(q);
      }
    }
  }
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&score](size_t x, size_t y) {
    return score[x] != score[y] ? score[x] > score[y] : x < y;
  });
  std::vector<bool> used(n, false);
  std::vector<Chain> chains;
  for (size_t end : order) {
    if (used[end]) continue;
    std::vector<Run> chain;
    for (int64_t x = static_cast<int64_t>(end); x >= 0 && !used[x]; x = pred[x]) {
      used[x] = true;
      chain.push_back(runs[x]);
    }
    std::reverse(chain.begin(), chain.end());
    chains.push_back(MakeChain(std::move(chain), false));
  }
  return chains;
}

// One pair's alignment state: word ids and the A tokens already in passages.
class Aligner {
 public:
  Aligner(const NormalizedText& a, const NormalizedText& b, const AlignOptions& options,
          AlignStats* stats, bool skip_hopeless)
      : a_(a), b_(b), o_(options), stats_(stats), skip_hopeless_(skip_hopeless) {
    AssignWordIds(a, b, &ids_a_, &ids_b_);
    claimed_.assign(ids_a_.size(), false);
    for (const uint32_t id : ids_b_) {
      if (in_b_.size() <= id) in_b_.resize(id + 1, false);
      in_b_[id] = true;
    }
  }

  std::vector<Passage> AllPassages() {
    std::vector<Passage> out;
    if (ids_a_.empty() || ids_b_.empty()) return out;
    std::vector<Chain> chains = ChainRuns(FindRuns(ids_a_, ids_b_, o_, stats_), o_);
    auto after = [&chains](size_t x, size_t y) { return AlignsBefore(chains[y], chains[x]); };
    std::priority_queue<size_t, std::vector<size_t>, decltype(after)> queue(after);
    for (size_t i = 0; i < chains.size(); ++i) queue.push(i);
    while (!queue.empty()) {
      const size_t next = queue.top();
      queue.pop();
      const Chain chain = std::move(chains[next]);  // popped: never compared again
      ++stats_->chains;
      Passage p;
      if (!AlignChain(chain, &p)) continue;  // nothing left to align
      if (p.words_matched >= static_cast<uint32_t>(o_.min_passage_words)) {
        for (uint32_t t = p.a_tokens_begin; t < p.a_tokens_end; ++t) claimed_[t] = true;
      }
      if (!chain.remainder) {
        // Runs the alignment left out entirely get one more chance on their own.
        std::vector<Run> left, right;
        for (const Run& r : chain.runs) {
          if (r.a_end() <= p.a_tokens_begin) left.push_back(r);
          if (r.a >= p.a_tokens_end) right.push_back(r);
        }
        for (std::vector<Run>* part : {&left, &right}) {
          if (part->empty()) continue;
          chains.push_back(MakeChain(std::move(*part), true));
          queue.push(chains.size() - 1);
        }
      }
      if (p.words_matched >= static_cast<uint32_t>(o_.min_passage_words)) {
        out.push_back(std::move(p));
      }
    }
    std::sort(out.begin(), out.end(), [](const Passage& x, const Passage& y) {
      if (x.a_tokens_begin != y.a_tokens_begin) return x.a_tokens_begin < y.a_tokens_begin;
      return x.b_tokens_begin < y.b_tokens_begin;
    });
    stats_->passages += out.size();
    return out;
  }

 private:
  // Smith-Waterman over A rows near the chain, each row limited to B tokens
  // within `band` diagonals of the chain's path; claimed rows are empty.
  // Fills *p with the best local alignment; false if there is none.
  bool AlignChain(const Chain& chain, Passage* p) {
    const int64_t n = static_cast<int64_t>(ids_a_.size());
    const int64_t m = static_cast<int64_t>(ids_b_.size());
    const int64_t margin = o_.max_gap;
    const int64_t t0 = std::max<int64_t>(0, int64_t{chain.runs.front().a} - margin);
    const int64_t t1 = std::min<int64_t>(n, int64_t{chain.runs.back().a_end()} + margin);
    if (skip_hopeless_) {
      // A passage matches min_passage_words words, each on an unclaimed row
      // of its own whose word B has: fewer such rows, no passage.
      int64_t could_match = 0;
      for (int64_t t = t0; t < t1; ++t) {
        const uint32_t word = ids_a_[static_cast<size_t>(t)];
        could_match += !claimed_[static_cast<size_t>(t)] && word < in_b_.size() && in_b_[word];
      }
      if (could_match < o_.min_passage_words) return false;
    }
    const size_t rows = static_cast<size_t>(t1 - t0);
    row_lo_.assign(rows, 0);
    row_hi_.assign(rows, 0);
    row_offset_.assign(rows + 1, 0);
    trace_.clear();
    // Two score rows, slot j + 1 holding column j (slot 0 is column -1).
    // Outside the range a row last wrote, a buffer holds zeros, which is the
    // score of a cell outside the band: the inner loop reads its neighbours
    // without range checks.
    if (h_prev_.size() < static_cast<size_t>(m) + 2) {
      h_prev_.assign(static_cast<size_t>(m) + 2, 0);
      h_cur_.assign(static_cast<size_t>(m) + 2, 0);
    }
    int64_t* prev = h_prev_.data();
    int64_t* cur = h_cur_.data();
    int64_t prev_lo = 0, prev_hi = 0;  // columns prev holds (others are 0)
    int64_t cur_lo = 0, cur_hi = 0;    // columns cur still holds from two rows up
    const int64_t match = o_.match, mismatch = o_.mismatch, gap = o_.gap;
    const uint32_t* ids_b = ids_b_.data();
    int64_t best = 0, best_t = -1, best_j = -1;
    size_t run = 0;  // the last run starting at or before row t, if any
    for (int64_t t = t0; t < t1; ++t) {
      while (run + 1 < chain.runs.size() && chain.runs[run + 1].a <= t) ++run;
      // The path's diagonals at row t: the run there, and its neighbour where
      // the row lies in a gap between runs or where two runs overlap in A.
      const Run& r = chain.runs[run];
      int64_t dmin = r.diagonal(), dmax = r.diagonal();
      auto cover = [&dmin, &dmax](const Run& other) {
        dmin = std::min(dmin, other.diagonal());
        dmax = std::max(dmax, other.diagonal());
      };
      if (r.a <= t && t >= int64_t{r.a_end()} && run + 1 < chain.runs.size()) {
        cover(chain.runs[run + 1]);
      }
      if (run > 0 && t < int64_t{chain.runs[run - 1].a_end()}) cover(chain.runs[run - 1]);
      int64_t lo = std::max<int64_t>(0, t - dmax - o_.band);
      int64_t hi = std::min<int64_t>(m, t - dmin + o_.band + 1);
      if (claimed_[t] || lo >= hi) lo = hi = 0;
      const size_t row = static_cast<size_t>(t - t0);
      row_lo_[row] = lo;
      row_hi_[row] = hi;
      row_offset_[row] = trace_.size();
      trace_.resize(trace_.size() + static_cast<size_t>(hi - lo));
      uint8_t* trace = trace_.data() + row_offset_[row] - lo;
      std::fill(cur + cur_lo + 1, cur + cur_hi + 1, 0);
      stats_->dp_cells += static_cast<uint64_t>(hi - lo);
      const uint32_t word = ids_a_[t];
      for (int64_t j = lo; j < hi; ++j) {
        const int64_t diag = prev[j];  // column j - 1 of the row above
        const int64_t up = prev[j + 1];
        const int64_t left = cur[j];
        int64_t h = diag + (word == ids_b[j] ? match : mismatch);
        uint8_t op = kDiagonal;
        if (up + gap > h) h = up + gap, op = kSkipA;
        if (left + gap > h) h = left + gap, op = kSkipB;
        if (h <= 0) h = 0, op = kStop;
        cur[j + 1] = h;
        trace[j] = op;
        if (h > best) best = h, best_t = t, best_j = j;
      }
      cur_lo = lo;
      cur_hi = hi;
      std::swap(prev, cur);
      std::swap(prev_lo, cur_lo);
      std::swap(prev_hi, cur_hi);
    }
    // Leave both buffers all zeros for the next chain.
    std::fill(prev + prev_lo + 1, prev + prev_hi + 1, 0);
    std::fill(cur + cur_lo + 1, cur + cur_hi + 1, 0);
    row_offset_[rows] = trace_.size();
    if (best == 0) return false;

    // Trace back from the best cell to where the score started from zero.
    std::vector<uint8_t> ops;
    int64_t t = best_t, j = best_j;
    while (t >= t0 && j >= 0) {
      const size_t row = static_cast<size_t>(t - t0);
      if (j < row_lo_[row] || j >= row_hi_[row]) break;
      const uint8_t op = trace_[row_offset_[row] + static_cast<size_t>(j - row_lo_[row])];
      if (op == kStop) break;
      ops.push_back(op);
      if (op != kSkipB) --t;
      if (op != kSkipA) --j;
    }
    std::reverse(ops.begin(), ops.end());
    *p = MakePassage(static_cast<uint32_t>(t + 1), static_cast<uint32_t>(j + 1), ops, best);
    return true;
  }

  Passage MakePassage(uint32_t ta, uint32_t tb, const std::vector<uint8_t>& ops, int64_t score) {
    Passage p;
    p.a_tokens_begin = ta;
    p.b_tokens_begin = tb;
    p.score = score;
    for (uint8_t op : ops) {
      const bool equal = op == kDiagonal && ids_a_[ta] == ids_b_[tb];
      if (p.runs.empty() || p.runs.back().equal != equal) {
        p.runs.push_back(AlignedRun{ta, ta, tb, tb, equal});
      }
      if (op != kSkipB) ++ta;
      if (op != kSkipA) ++tb;
      p.runs.back().a_end = ta;
      p.runs.back().b_end = tb;
      if (equal) {
        ++p.words_matched;
      } else {
        ++p.words_edited;  // one substituted, dropped or added word
      }
    }
    p.a_tokens_end = ta;
    p.b_tokens_end = tb;
    assert(!p.runs.empty() && p.runs.front().equal && p.runs.back().equal);
    p.a = Span{a_.tokens[p.a_tokens_begin].orig.begin, a_.tokens[p.a_tokens_end - 1].orig.end};
    p.b = Span{b_.tokens[p.b_tokens_begin].orig.begin, b_.tokens[p.b_tokens_end - 1].orig.end};
    return p;
  }

  const NormalizedText& a_;
  const NormalizedText& b_;
  const AlignOptions& o_;
  AlignStats* stats_;
  const bool skip_hopeless_;
  std::vector<uint32_t> ids_a_, ids_b_;
  std::vector<bool> claimed_;  // A tokens inside an accepted passage
  std::vector<bool> in_b_;     // word id -> whether B has the word
  // Trace-back of the current chain: row r covers B tokens [row_lo_, row_hi_)
  // at trace_[row_offset_[r]...].
  std::vector<int64_t> row_lo_, row_hi_;
  std::vector<size_t> row_offset_;
  std::vector<uint8_t> trace_;
  // Score rows of the local alignment (see AlignChain); all zeros between chains.
  std::vector<int64_t> h_prev_, h_cur_;
};

// skip_hopeless: chains whose region cannot hold a passage are not aligned
// (and leave no remainders), as align.cc does since; passages are the same
// either way (ExpectSame checks it), only the stats differ.
std::vector<Passage> AlignPassages(const NormalizedText& a, const NormalizedText& b,
                                   const AlignOptions& options, AlignStats* stats,
                                   bool skip_hopeless) {
  return Aligner(a, b, options, stats, skip_hopeless).AllPassages();
}

}  // namespace reference

// Test-only tokenizer, independent of normalize.cc (tests/support/ascii_words.h).
NormalizedText Words(const std::string& original) { return testing::AsciiWords(original); }

using testing::RandomWords;

using testing::Concat;

// Aligns a with b both ways and expects identical passages and stats; and
// the same passages from the reference that aligns every chain, with no
// fewer chains and cells.
void ExpectSame(const NormalizedText& a, const NormalizedText& b, const AlignOptions& o) {
  AlignStats fast_stats, ref_stats, all_stats;
  const std::vector<Passage> fast = AlignPassages(a, b, o, &fast_stats);
  const std::vector<Passage> ref = reference::AlignPassages(a, b, o, &ref_stats, true);
  testing::ExpectSamePassages(fast, fast_stats, ref, ref_stats);
  const std::vector<Passage> all = reference::AlignPassages(a, b, o, &all_stats, false);
  testing::ExpectSamePassages(fast, all);
  EXPECT_LE(fast_stats.chains, all_stats.chains);
  EXPECT_LE(fast_stats.dp_cells, all_stats.dp_cells);
}

using testing::RandomAlignOptions;

// Text with its own repeats: paragraphs drawn (with replacement) from a few,
// some mutated, and sometimes a refrain repeated more often than
// max_seed_occurrences.
std::vector<std::string> RepetitiveText(std::mt19937_64& rng) {
  std::vector<std::vector<std::string>> paragraphs;
  const size_t distinct = 1 + rng() % 5;
  for (size_t i = 0; i < distinct; ++i) {
    paragraphs.push_back(RandomWords(3 + rng() % 40, "r", 30 + rng() % 300, rng));
  }
  const std::vector<std::string> vocab = RandomWords(50, "v", 50, rng);
  std::vector<std::string> out;
  const size_t count = rng() % 12;
  for (size_t i = 0; i < count; ++i) {
    const std::vector<std::string>& p = paragraphs[rng() % distinct];
    out = Concat(out, rng() % 3 == 0 ? testing::Mutate(p, 0.1, vocab, rng) : p);
  }
  if (rng() % 4 == 0) {
    const std::vector<std::string> refrain = RandomWords(1 + rng() % 4, "f", 1000, rng);
    for (int i = 0; i < 40; ++i) out = Concat(out, refrain);
  }
  return out;
}

TEST(AlignEquivalenceTest, RandomPairsMatchTheReference) {
  const uint64_t seed = testing::TestSeed(31337);
  SCOPED_TRACE("REPRINT_TEST_SEED=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int trial = 0; trial < 3000; ++trial) {
    SCOPED_TRACE("trial " + std::to_string(trial));
    const AlignOptions o = RandomAlignOptions(rng);
    const std::vector<std::string> vocab = RandomWords(100, "v", 100, rng);
    std::vector<std::string> a, b;
    switch (rng() % 8) {
      case 0:  // identical
        a = b = RandomWords(rng() % 300, "w", 20 + rng() % 2000, rng);
        break;
      case 1:  // identical, repeating itself
        a = b = RepetitiveText(rng);
        break;
      case 2:  // near-identical
        a = RandomWords(rng() % 300, "w", 20 + rng() % 2000, rng);
        b = testing::Mutate(a, static_cast<double>(rng() % 10) / 100.0, vocab, rng);
        break;
      case 3:  // repetitive, edited
        a = RepetitiveText(rng);
        b = rng() % 2 ? testing::Mutate(a, 0.05, vocab, rng) : RepetitiveText(rng);
        break;
      case 4:  // short, tiny vocabulary
        a = RandomWords(rng() % 12, "w", 2 + rng() % 5, rng);
        b = rng() % 2 ? a : RandomWords(rng() % 12, "w", 2 + rng() % 5, rng);
        break;
      case 5: {  // a passage embedded in unrelated words on both sides
        const std::vector<std::string> passage = RandomWords(5 + rng() % 60, "p", 500, rng);
        a = Concat(Concat(RandomWords(rng() % 50, "x", 500, rng), passage),
                   RandomWords(rng() % 50, "x", 500, rng));
        b = Concat(Concat(RandomWords(rng() % 50, "y", 500, rng),
                          testing::Mutate(passage, 0.1, vocab, rng)),
                   RandomWords(rng() % 50, "y", 500, rng));
        break;
      }
      case 6:  // identical but for one end
        a = RandomWords(10 + rng() % 200, "w", 1000, rng);
        b = a;
        if (rng() % 2) {
          b.insert(b.begin(), "extra");
        } else {
          b.pop_back();
        }
        break;
      default:  // unrelated, or B containing A twice
        a = RandomWords(rng() % 200, "w", 50 + rng() % 500, rng);
        b = rng() % 2 ? Concat(a, a) : RandomWords(rng() % 200, "w", 50 + rng() % 500, rng);
        break;
    }
    if (rng() % 2) std::swap(a, b);
    ExpectSame(Words(testing::Join(a)), Words(testing::Join(b)), o);
    if (::testing::Test::HasFailure()) return;
  }
}

// Texts repeating a short period, lightly edited: many runs per A position
// (every period offset is a diagonal), so chaining sees up to its 64
// predecessors per run, most of which cannot link, and many equal chain
// scores. Seeds are never dropped as too frequent.
TEST(AlignEquivalenceTest, PeriodicTextsMatchTheReference) {
  const uint64_t seed = testing::TestSeed(4242);
  SCOPED_TRACE("REPRINT_TEST_SEED=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int trial = 0; trial < 100; ++trial) {
    SCOPED_TRACE("trial " + std::to_string(trial));
    AlignOptions o = RandomAlignOptions(rng);
    o.max_seed_occurrences = 1 << 20;
    const std::vector<std::string> vocab = RandomWords(20, "v", 20, rng);
    const std::vector<std::string> period = RandomWords(2 + rng() % 12, "p", 3 + rng() % 10, rng);
    std::vector<std::string> a;
    const size_t words = 50 + rng() % 1000;
    while (a.size() < words) a = Concat(a, period);
    const double rate = static_cast<double>(rng() % 5) / 100.0;
    ExpectSame(Words(testing::Join(a)), Words(testing::Join(testing::Mutate(a, rate, vocab, rng))),
               o);
    if (::testing::Test::HasFailure()) return;
  }
}

// A block repeated 20 times, with scores large enough (match 1000 over
// 560K words) for chaining's 64-bit scan: about 20 runs per A position.
TEST(AlignEquivalenceTest, RepeatedBlocksWithLargeScoresMatchTheReference) {
  std::mt19937_64 rng(9);
  const std::vector<std::string> block = RandomWords(14000, "w", 5000, rng);
  const std::vector<std::string> vocab = RandomWords(100, "v", 100, rng);
  std::vector<std::string> a;
  for (int i = 0; i < 20; ++i) a = Concat(a, block);
  AlignOptions o;
  o.match = 1000;
  ExpectSame(Words(testing::Join(a)), Words(testing::Join(testing::Mutate(a, 0.02, vocab, rng))),
             o);
}

// Scores past 2^30 (match 1000 over about 1.1 million words) use 64-bit
// rows; an identical pair there takes the shortcut, a near-copy the DP.
TEST(AlignEquivalenceTest, LargeScoresMatchTheReference) {
  std::mt19937_64 rng(5);
  const std::vector<std::string> words = RandomWords(1100000, "w", 50000, rng);
  const std::vector<std::string> vocab = RandomWords(1000, "v", 1000, rng);
  AlignOptions o;
  o.match = 1000;
  const NormalizedText a = Words(testing::Join(words));
  ExpectSame(a, a, o);
  ExpectSame(a, Words(testing::Join(testing::Mutate(words, 0.01, vocab, rng))), o);
}

}  // namespace
}  // namespace reprint

#include "reprint/align.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "reprint/internal/banded_sw.h"
#include "reprint/internal/chain_links.h"
#include "reprint/internal/mix64.h"
#include "reprint/internal/radix_sort.h"

// Inlined: a call per word and per window otherwise (the same XXH3).
#define XXH_INLINE_ALL
#include "xxhash.h"

namespace reprint {
namespace {

// XXH3 seed for seed-window keys. Keys never leave this file, and every seed
// is checked word by word, so the value only has to be fixed.
constexpr uint64_t kWindowHashSeed = 0x616c69676e31ull;  // "align1"
// XXH3 seed for word hashes (word ids); any fixed value.
constexpr uint64_t kWordHashSeed = 0x776f72647331ull;  // "words1"
// Chaining looks back at most this many runs for a predecessor (as minimap2
// does), which bounds its cost on repetitive text.
constexpr size_t kMaxPredecessors = internal::kChainCandidates;
constexpr uint32_t kNone = UINT32_MAX;

// Trace-back operations of the local alignment (internal/banded_sw.h).
constexpr uint8_t kStop = internal::kSwStop;
constexpr uint8_t kDiagonal = internal::kSwDiagonal;
constexpr uint8_t kSkipA = internal::kSwSkipA;
constexpr uint8_t kSkipB = internal::kSwSkipB;

// Open-addressing map from 64-bit hashes to uint32 values, reused from pair
// to pair: a slot is live only if it carries the current generation, so
// starting over costs nothing, and only the first `capacity` slots (sized
// for the pair at hand) are probed, so a small pair after a large one stays
// in cache. Callers resolve hash collisions themselves (see Find).
class HashIndex {
 public:
  // Empties the index and sizes it for about `expected` keys.
  void Reset(size_t expected) {
    NextGeneration();
    size_ = 0;
    size_t capacity = 16;
    while (capacity < 2 * expected) capacity <<= 1;
    SetCapacity(capacity);
  }

  // The value of a live slot with `hash` for which same(value) holds, or
  // kNone.
  template <typename Same>
  uint32_t Find(uint64_t hash, Same same) const {
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.generation != generation_) return kNone;
      if (s.hash == hash && same(s.value)) return s.value;
    }
  }

  // As Find, but a missing key is inserted with `value`.
  template <typename Same>
  uint32_t FindOrInsert(uint64_t hash, uint32_t value, Same same) {
    if (2 * (size_ + 1) > mask_ + 1) Grow();
    for (size_t i = hash & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.generation != generation_) {
        s = Slot{hash, value, generation_};
        ++size_;
        if (logging_) inserted_.push_back(static_cast<uint32_t>(i));
        return value;
      }
      if (s.hash == hash && same(s.value)) return s.value;
    }
  }

  // From here on, notes the keys inserted so that Rollback() can remove
  // them.
  void Checkpoint() {
    logging_ = true;
    inserted_.clear();
  }

  // Removes the keys inserted since Checkpoint(), leaving the slots exactly
  // as they were then (with linear probing, the later keys only took slots
  // that were empty, so no earlier key's probe sequence changes), and starts
  // noting again. False, with nothing removed, if the index grew since: the
  // caller must then Reset() it.
  bool Rollback() {
    if (!logging_) return false;
    for (const uint32_t i : inserted_) slots_[i].generation = 0;
    size_ -= inserted_.size();
    inserted_.clear();
    return true;
  }

  size_t capacity() const { return mask_ + 1; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t value = 0;
    uint32_t generation = 0;  // live if equal to generation_ (never 0)
  };

  void NextGeneration() {
    logging_ = false;          // Reset and Grow: the noted slots mean nothing now
    if (++generation_ == 0) {  // wrapped: forget every stamp
      std::fill(slots_.begin(), slots_.end(), Slot{});
      generation_ = 1;
    }
  }

  void SetCapacity(size_t capacity) {
    if (slots_.size() < capacity) slots_.resize(capacity);
    mask_ = capacity - 1;
  }

  // Doubles the probed capacity; live entries move to a fresh generation.
  void Grow() {
    std::vector<Slot> live;
    live.reserve(size_);
    for (size_t i = 0; i <= mask_; ++i) {
      if (slots_[i].generation == generation_) live.push_back(slots_[i]);
    }
    NextGeneration();
    SetCapacity(2 * (mask_ + 1));
    for (Slot s : live) {
      size_t i = s.hash & mask_;
      while (slots_[i].generation == generation_) i = (i + 1) & mask_;
      s.generation = generation_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
  uint32_t generation_ = 0;
  bool logging_ = false;            // inserted_ lists every key since Checkpoint()
  std::vector<uint32_t> inserted_;  // their slots
};

// An exact run: A tokens [a, a + len) equal B tokens [b, b + len).
struct Run {
  uint32_t a = 0;
  uint32_t b = 0;
  uint32_t len = 0;
  int64_t diagonal() const { return int64_t{a} - int64_t{b}; }
  uint32_t a_end() const { return a + len; }
  uint32_t b_end() const { return b + len; }
};

// A colinear chain of runs: Workspace::pool[begin, end), sorted by A (and
// so by B), each run starting and ending after the one before in A.
struct Chain {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint64_t words = 0;      // sum of run lengths
  bool remainder = false;  // left over from aligning a chain; not split again
};

// A chain's place in AlignsBefore order, compared without reading the
// pool: more seed words first (hi, inverted), then A start (lo's top half),
// then B start. No two chains share a first run, so `index` never decides.
struct ChainKey {
  uint64_t hi;
  uint64_t lo;
  uint32_t index;
  friend bool operator<(const ChainKey& x, const ChainKey& y) {
    return x.hi != y.hi ? x.hi < y.hi : x.lo < y.lo;
  }
};

// Everything one pair needs besides its output, kept per thread and reused
// by the next pair: a pair allocates nothing once the buffers have grown.
// Invariants between pairs: h32/h64 hold zeros, last_run holds kNone.
// What depends on text A alone (PrepareA: its word ids, window keys and
// window index) stays valid for every B aligned with it, until the next
// PrepareA; `words` and `word_of` then hold A's words only (ForgetB).
struct Workspace {
  HashIndex words;                        // word hash -> id
  std::vector<std::string_view> word_of;  // id -> word
  std::vector<uint64_t> word_prefix;      // id -> WordPrefix of the word
  std::vector<uint64_t> word_hash;        // id -> its hash in `words`
  uint32_t a_words = 0;                   // ids [0, a_words) are A's words
  uint32_t a_groups = 0;                  // A's distinct windows (groups)
  std::vector<uint32_t> ids_a, ids_b;
  std::vector<uint16_t> ids_b16;         // ids_b in 16 bits, for the AVX2 DP (AlignChain)
  std::vector<uint64_t> keys_a, keys_b;  // window keys
  HashIndex groups;                      // window key -> group
  std::vector<uint32_t> group_a, start, pos_a, fill, group_b, count_b;
  std::vector<uint32_t> last_run;  // diagonal + |B| - 1 -> its latest run
  std::vector<Run> runs, runs_scratch;
  struct Scored {
    int64_t score;
    uint32_t run;
  };
  std::vector<int64_t> score;
  std::vector<uint32_t> pred;
  // 32-bit copies of the sorted runs' fields and scores, one array each, for
  // the vectorized predecessor scan (see BestPredecessorNarrow).
  std::vector<int32_t> col_a, col_b, col_a_end, col_b_end, col_score;
  std::vector<Scored> order, order_scratch;
  std::vector<uint8_t> used;
  std::vector<Run> pool;
  std::vector<Chain> chains;
  std::vector<ChainKey> sorted, later;  // the chain order (AllPassages)
  std::vector<uint8_t> claimed;  // A tokens inside an accepted passage
  std::vector<uint8_t> in_b;     // id -> whether B has the word (ids of A)
  // Trace-back of the current chain: row r covers B tokens
  // [row_lo[r], row_hi[r]) at trace[row_offset[r]...].
  std::vector<uint32_t> row_lo, row_hi;
  std::vector<size_t> row_offset;
  std::vector<uint8_t> trace;
  std::vector<uint8_t> ops;
  // Score rows of the local alignment (see AlignChain), 16-, 32- or 64-bit.
  std::vector<int16_t> h16;
  std::vector<int32_t> h32;
  std::vector<int64_t> h64;

  // Frees the buffers after a very large pair, so a thread does not keep
  // its largest pair's memory for the rest of the run.
  // True if it did (A must then be prepared again).
  bool ReleaseIfLarge() {
    constexpr size_t kKeepTokens = size_t{1} << 20;
    if (last_run.size() <= 2 * kKeepTokens && trace.size() <= 64 * kKeepTokens) return false;
    *this = Workspace();
    return true;
  }
};

Workspace& ThreadWorkspace() {
  thread_local Workspace w;
  return w;
}

// A word's first 8 bytes as a number, zero past its end: with its length,
// this decides equality for words of up to 8 bytes, the most, without
// reading their bytes again. `end` is where the text ends (the load stays
// inside it).
uint64_t WordPrefix(const char* p, size_t len, const char* end) {
  uint64_t x = 0;
  if (end - p >= 8) {
    std::memcpy(&x, p, 8);  // one load
  } else {
    std::memcpy(&x, p, static_cast<size_t>(end - p));  // the text's last word
  }
  if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
  if (len < 8) x &= (uint64_t{1} << (8 * len)) - 1;
  return x;
}

// Slot hash of a word: short words mix their prefix (Mix64: two multiplies,
// where XXH3 took a call's worth of work); longer ones XXH3 all their bytes. Only
// slots depend on it: ids go by first occurrence whatever the hash.
uint64_t WordHash(std::string_view word, uint64_t prefix) {
  if (word.size() > 8) return XXH3_64bits_withSeed(word.data(), word.size(), kWordHashSeed);
  return internal::Mix64(prefix ^ kWordHashSeed);
}

// Word ids shared by both texts: equal normalized words get equal ids, in
// order of first occurrence (A, then B). Words are found by a 64-bit hash
// and compared in full (length and prefix, then any bytes past 8), so
// distinct words never share an id. A's ids do not depend on B, so they are
// assigned once per A (AssignIdsA) and B's new words are forgotten after
// each pair (ForgetB).
void AssignIds(const NormalizedText& text, std::vector<uint32_t>* out, Workspace& w) {
  out->resize(text.tokens.size());
  const char* base = text.text.data();
  const char* end = base + text.text.size();
  for (size_t i = 0; i < text.tokens.size(); ++i) {
    const Token& t = text.tokens[i];
    const std::string_view word(base + t.norm_begin, t.norm_end - t.norm_begin);
    const uint64_t prefix = WordPrefix(word.data(), word.size(), end);
    const uint64_t hash = WordHash(word, prefix);
    const uint32_t next = static_cast<uint32_t>(w.word_of.size());
    // Words are short: compared byte by byte past the prefix, a call to
    // memcmp cost more than the comparison.
    auto same = [&](uint32_t v) {
      const std::string_view known = w.word_of[v];
      if (w.word_prefix[v] != prefix || known.size() != word.size()) return false;
      for (size_t k = 8; k < known.size(); ++k) {
        if (known[k] != word[k]) return false;
      }
      return true;
    };
    const uint32_t id = w.words.FindOrInsert(hash, next, same);
    if (id == next) {
      w.word_of.push_back(word);
      w.word_prefix.push_back(prefix);
      w.word_hash.push_back(hash);
    }
    (*out)[i] = id;
  }
}

// The word index sized for about `expected` words, holding A's words only.
void IndexWordsOfA(size_t expected, Workspace& w) {
  w.words.Reset(expected);
  for (uint32_t id = 0; id < w.a_words; ++id) {
    w.words.FindOrInsert(w.word_hash[id], id, [](uint32_t) { return false; });
  }
  w.words.Checkpoint();
}

// A's word ids, the index sized for A and about `b_tokens` more words.
void AssignIdsA(const NormalizedText& a, size_t b_tokens, Workspace& w) {
  w.words.Reset(std::min<size_t>(a.tokens.size() + b_tokens, 1u << 16));
  w.word_of.clear();
  w.word_prefix.clear();
  w.word_hash.clear();
  AssignIds(a, &w.ids_a, w);
  w.a_words = static_cast<uint32_t>(w.word_of.size());
  w.words.Checkpoint();
}

void AssignIdsB(const NormalizedText& b, Workspace& w) {
  // Room for A's words and B's tokens, as far as the index sizes itself for
  // a pair (a small pair after a large one stays in cache).
  const size_t expected = std::min<size_t>(w.a_words + b.tokens.size(), 1u << 16);
  if (2 * expected > w.words.capacity()) IndexWordsOfA(expected, w);
  AssignIds(b, &w.ids_b, w);
}

// Back to A's words only, for the next B.
void ForgetB(Workspace& w) {
  w.word_of.resize(w.a_words);
  w.word_prefix.resize(w.a_words);
  w.word_hash.resize(w.a_words);
  if (!w.words.Rollback()) IndexWordsOfA(w.a_words, w);
}

// XXH3 of the word ids of the k-word window starting at each token.
void WindowKeys(const std::vector<uint32_t>& ids, size_t k, std::vector<uint64_t>* keys) {
  keys->resize(ids.size() < k ? 0 : ids.size() - k + 1);
  for (size_t i = 0; i < keys->size(); ++i) {
    (*keys)[i] = XXH3_64bits_withSeed(ids.data() + i, k * sizeof(uint32_t), kWindowHashSeed);
  }
}

// A's windows indexed by key: group g holds A positions [start[g],
// start[g + 1]) of pos_a, in text order. Depends on A alone.
void IndexWindowsOfA(const AlignOptions& options, Workspace& w) {
  const size_t k = static_cast<size_t>(options.seed_words);
  WindowKeys(w.ids_a, k, &w.keys_a);
  const std::vector<uint64_t>& keys_a = w.keys_a;
  auto any = [](uint32_t) { return true; };  // groups are keyed by hash alone
  w.groups.Reset(keys_a.size());
  w.group_a.resize(keys_a.size());
  w.start.clear();
  for (size_t i = 0; i < keys_a.size(); ++i) {
    const uint32_t next = static_cast<uint32_t>(w.start.size());
    const uint32_t g = w.groups.FindOrInsert(keys_a[i], next, any);
    if (g == next) w.start.push_back(0);
    ++w.start[g];
    w.group_a[i] = g;
  }
  const size_t groups = w.start.size();
  uint32_t total = 0;
  for (uint32_t& c : w.start) total += std::exchange(c, total);
  w.start.push_back(total);
  w.pos_a.resize(keys_a.size());
  w.fill.assign(w.start.begin(), w.start.end() - 1);
  for (size_t i = 0; i < keys_a.size(); ++i) {
    w.pos_a[w.fill[w.group_a[i]]++] = static_cast<uint32_t>(i);
  }
  w.a_groups = static_cast<uint32_t>(groups);
}

// Seeds merged into maximal runs per diagonal, into w.runs. A's windows are
// indexed by key (IndexWindowsOfA); B's windows are looked up in text order,
// so the seeds of each diagonal arrive in order and extend the diagonal's
// last run in place: no sort, linear in the number of seeds.
void FindRuns(const AlignOptions& options, AlignStats* stats, Workspace& w) {
  const std::vector<uint32_t>& ids_a = w.ids_a;
  const std::vector<uint32_t>& ids_b = w.ids_b;
  const size_t k = static_cast<size_t>(options.seed_words);
  const uint32_t max_occ = static_cast<uint32_t>(options.max_seed_occurrences);
  WindowKeys(ids_b, k, &w.keys_b);
  const std::vector<uint64_t>& keys_b = w.keys_b;
  auto any = [](uint32_t) { return true; };  // groups are keyed by hash alone
  const size_t groups = w.a_groups;

  // Group g of A's windows is seen count_b[g] times in B.
  w.group_b.resize(keys_b.size());
  w.count_b.assign(groups, 0);
  for (size_t j = 0; j < keys_b.size(); ++j) {
    const uint32_t g = w.groups.Find(keys_b[j], any);
    w.group_b[j] = g;
    if (g != kNone) ++w.count_b[g];
  }

  std::vector<Run>& runs = w.runs;
  runs.clear();
  const size_t m = ids_b.size();
  if (w.last_run.size() < ids_a.size() + m) w.last_run.resize(ids_a.size() + m, kNone);
  uint32_t* last_run = w.last_run.data() + (m - 1);  // indexed by diagonal
  const uint32_t* start = w.start.data();
  for (size_t j = 0; j < keys_b.size(); ++j) {
    const uint32_t g = w.group_b[j];
    if (g == kNone) continue;
    if (start[g + 1] - start[g] > max_occ || w.count_b[g] > max_occ) continue;
    for (uint32_t x = start[g]; x < start[g + 1]; ++x) {
      const uint32_t i = w.pos_a[x];
      // Word by word: std::equal called memcmp for these few bytes.
      size_t same = 0;
      while (same < k && ids_a[i + same] == ids_b[j + same]) ++same;
      if (same < k) continue;
      ++stats->seeds;
      const Run seed{i, static_cast<uint32_t>(j), static_cast<uint32_t>(k)};
      uint32_t& last = last_run[seed.diagonal()];
      if (last != kNone && runs[last].a_end() >= seed.a) {
        Run& r = runs[last];
        r.len = std::max(r.len, seed.a_end() - r.a);
      } else {
        last = static_cast<uint32_t>(runs.size());
        runs.push_back(seed);
      }
    }
  }
  for (const Run& r : runs) last_run[r.diagonal()] = kNone;
  stats->runs += runs.size();
}

// Processing order: most seed words first, then by position (a total order:
// no two chains in the queue share a first run).
bool AlignsBefore(const Chain& x, const Chain& y, const std::vector<Run>& pool) {
  if (x.words != y.words) return x.words > y.words;
  const Run& rx = pool[x.begin];
  const Run& ry = pool[y.begin];
  if (rx.a != ry.a) return rx.a < ry.a;
  return rx.b < ry.b;
}

// Chain c's key, c being chains[index].
ChainKey KeyOf(const Chain& c, uint32_t index, const std::vector<Run>& pool) {
  const Run& first = pool[c.begin];
  return ChainKey{~c.words, (uint64_t{first.a} << 32) | first.b, index};
}

Chain MakeChain(const std::vector<Run>& pool, uint32_t begin, uint32_t end, bool remainder) {
  Chain c;
  c.begin = begin;
  c.end = end;
  for (uint32_t i = begin; i < end; ++i) c.words += pool[i].len;
  c.remainder = remainder;
  return c;
}

// The first of runs [stop, r) within reach of run r in A: runs are sorted by
// a_end, so those ending too far before run r starts form a prefix, found by
// binary search (walking back from r to it was 2% of a doc scan).
size_t ReachableFrom(const AlignOptions& o, const Run* runs, size_t stop, size_t r) {
  const int64_t reach = int64_t{o.max_gap} + o.band;
  const int64_t cur_a = runs[r].a;
  const Run* first = std::partition_point(
      runs + stop, runs + r, [&](const Run& x) { return int64_t{x.a_end()} + reach < cur_a; });
  return static_cast<size_t>(first - runs);
}

// What linking run p before run cur adds to p's chain score: cur's words
// past p, less the gap between them (valid only where CanLink holds).
int64_t LinkScore(const AlignOptions& o, const Run& p, const Run& cur) {
  const int64_t ga = int64_t{cur.a} - p.a_end();
  const int64_t gb = int64_t{cur.b} - p.b_end();
  const int64_t shift = std::abs(ga - gb);
  const int64_t gain = std::min(ga, gb) + cur.len;
  const int64_t cost = shift * -o.gap + std::max<int64_t>(0, std::min(ga, gb)) * -o.mismatch;
  return gain * o.match - cost;
}

// Whether run p may precede run cur in a chain: starting and ending before
// it in both texts, at most max_gap words apart and band diagonals off.
bool CanLink(const AlignOptions& o, const Run& p, const Run& cur) {
  const int64_t ga = int64_t{cur.a} - p.a_end();
  const int64_t gb = int64_t{cur.b} - p.b_end();
  return p.a < cur.a && p.b < cur.b && p.a_end() < cur.a_end() && p.b_end() < cur.b_end() &&
         std::min(ga, gb) <= o.max_gap && std::abs(ga - gb) <= o.band;
}

// Run r's chain score and best predecessor among runs [from, r): pred is
// kNone where no predecessor beats run r on its own (len * match), and
// among equal best scores the latest run wins (as scanning down with a
// strict comparison does).
struct Linked {
  int64_t score;
  uint32_t pred;
};
Linked BestPredecessor(const AlignOptions& o, const Run* runs, const int64_t* score, size_t from,
                       size_t r) {
  const Run cur = runs[r];
  Linked best{int64_t{cur.len} * o.match, kNone};
  for (size_t q = r; q-- > from;) {
    if (!CanLink(o, runs[q], cur)) continue;
    const int64_t s = score[q] + LinkScore(o, runs[q], cur);
    if (s > best.score) best = Linked{s, static_cast<uint32_t>(q)};
  }
  return best;
}

// Whether the 32-bit columns of internal::BestChainLink are exact for a
// pair of n and m tokens: positions stay below 2^29, and so do chain scores
// (at most match * min(n, m): a link adds at most match per word its run
// ends past its predecessor in A and in B).
bool NarrowScanFits(const AlignOptions& o, size_t n, size_t m) {
  return int64_t{o.match} * static_cast<int64_t>(n + m) < (int64_t{1} << 29);
}

// Scores every run and links it to its best predecessor (w.score, w.pred),
// on 32-bit columns (internal/chain_links.h) where they are exact.
void LinkRuns(const AlignOptions& o, Workspace& w) {
  const std::vector<Run>& runs = w.runs;
  const size_t n = runs.size();
  w.score.resize(n);
  w.pred.resize(n);
  // The first candidate predecessor of run r: at most kMaxPredecessors back.
  auto first_candidate = [&](size_t r) {
    return ReachableFrom(o, runs.data(), r > kMaxPredecessors ? r - kMaxPredecessors : 0, r);
  };
  const bool narrow = NarrowScanFits(o, w.ids_a.size(), w.ids_b.size());
  if (!narrow) {
    for (size_t r = 0; r < n; ++r) {
      const Linked l = BestPredecessor(o, runs.data(), w.score.data(), first_candidate(r), r);
      w.score[r] = l.score;
      w.pred[r] = l.pred;
    }
    return;
  }
  bool avx2 = false;
#ifdef REPRINT_SORTED_AVX2
  avx2 = internal::HasAvx2();
#endif
  // The AVX2 version reads up to 7 slots past run r - 1.
  constexpr size_t kPast = 8;
  w.col_a.resize(n + kPast);
  w.col_b.resize(n + kPast);
  w.col_a_end.resize(n + kPast);
  w.col_b_end.resize(n + kPast);
  w.col_score.resize(n + kPast);
  for (size_t i = 0; i < n; ++i) {
    w.col_a[i] = static_cast<int32_t>(runs[i].a);
    w.col_b[i] = static_cast<int32_t>(runs[i].b);
    w.col_a_end[i] = static_cast<int32_t>(runs[i].a_end());
    w.col_b_end[i] = static_cast<int32_t>(runs[i].b_end());
  }
  const internal::ChainColumns columns{w.col_a.data(), w.col_b.data(), w.col_a_end.data(),
                                       w.col_b_end.data(), w.col_score.data()};
  const internal::ChainCosts costs{o.max_gap, o.band, o.match, -o.gap, -o.mismatch};
  for (size_t r = 0; r < n; ++r) {
    const internal::ChainLink l =
        internal::BestChainLink(columns, costs, first_candidate(r), r, avx2);
    w.score[r] = l.score;
    w.pred[r] = l.index < 0 ? kNone : static_cast<uint32_t>(l.index);
    w.col_score[r] = l.score;
  }
}

// Sorts w.runs by A end, then A start, then B start. FindRuns creates runs
// in order of B start, then A start (B is scanned in order, and a B
// window's A positions in order), so a stable sort by (A end, A start)
// gives that order; a radix sort by that key costs a few linear passes
// where std::sort's comparisons cost n log n.
void SortRunsByEnd(Workspace& w) {
  const int bits = std::bit_width(w.ids_a.size());
  internal::RadixSortByKey(
      std::span<Run>(w.runs), w.runs_scratch,
      [bits](const Run& r) { return (uint64_t{r.a_end()} << bits) | r.a; }, 2 * bits);
}

// w.order: the runs by chain score, highest first, then by index. Scores
// are at least 1 (a run alone scores len * match), so a stable radix sort
// by the distance below the highest score, of the runs in index order,
// gives that order.
void SortByScore(Workspace& w) {
  const size_t n = w.score.size();
  w.order.resize(n);
  int64_t top = 0;
  for (size_t i = 0; i < n; ++i) {
    w.order[i] = Workspace::Scored{w.score[i], static_cast<uint32_t>(i)};
    top = std::max(top, w.score[i]);
  }
  const int bits = std::bit_width(static_cast<uint64_t>(top));
  internal::RadixSortByKey(
      std::span<Workspace::Scored>(w.order), w.order_scratch,
      [top](const Workspace::Scored& x) { return static_cast<uint64_t>(top - x.score); }, bits);
}

// Best-scoring colinear chains of w.runs at most max_gap words apart (in the
// text where the gap is shorter) and at most `band` diagonals apart (local
// chaining: a chain restarts where a gap costs more than it gains), into
// w.chains with their runs in w.pool. The same reach as the alignment
// region's margin, so a chain's region never sees another chain's run that
// could not have been linked to it.
void ChainRuns(const AlignOptions& o, Workspace& w) {
  std::vector<Run>& runs = w.runs;
  SortRunsByEnd(w);
  const size_t n = runs.size();
  LinkRuns(o, w);
  const uint32_t* pred = w.pred.data();
  SortByScore(w);
  w.used.assign(n, 0);
  w.pool.clear();
  w.chains.clear();
  for (const Workspace::Scored& s : w.order) {
    if (w.used[s.run]) continue;
    const uint32_t begin = static_cast<uint32_t>(w.pool.size());
    for (uint32_t x = s.run; x != kNone && !w.used[x]; x = pred[x]) {
      w.used[x] = 1;
      w.pool.push_back(runs[x]);
    }
    std::reverse(w.pool.begin() + begin, w.pool.end());
    w.chains.push_back(MakeChain(w.pool, begin, static_cast<uint32_t>(w.pool.size()), false));
  }
}

// Walks the band of a chain's alignment region row by row: at row t, B
// tokens [lo, hi) lie within `band` diagonals of the chain's path (before
// claimed rows are emptied). Rows must be visited in increasing order.
class BandWalker {
 public:
  BandWalker(const Run* runs, size_t count, int64_t m, int64_t band)
      : runs_(runs), count_(count), m_(m), band_(band) {}

  void Row(int64_t t, int64_t* lo, int64_t* hi) {
    while (run_ + 1 < count_ && runs_[run_ + 1].a <= t) ++run_;
    // The path's diagonals at row t: the run there, and its neighbour where
    // the row lies in a gap between runs or where two runs overlap in A.
    const Run& r = runs_[run_];
    int64_t dmin = r.diagonal(), dmax = r.diagonal();
    auto cover = [&dmin, &dmax](const Run& other) {
      dmin = std::min(dmin, other.diagonal());
      dmax = std::max(dmax, other.diagonal());
    };
    if (r.a <= t && t >= int64_t{r.a_end()} && run_ + 1 < count_) cover(runs_[run_ + 1]);
    if (run_ > 0 && t < int64_t{runs_[run_ - 1].a_end()}) cover(runs_[run_ - 1]);
    *lo = std::max<int64_t>(0, t - dmax - band_);
    *hi = std::min<int64_t>(m_, t - dmin + band_ + 1);
  }

 private:
  const Run* runs_;
  size_t count_;
  int64_t m_;
  int64_t band_;
  size_t run_ = 0;  // the last run starting at or before row t, if any
};

// One pair's alignment state: the A tokens already in passages. REQUIRES:
// A prepared (PrepareA) and B's word ids assigned (AssignIdsB) in w.
class Aligner {
 public:
  Aligner(const NormalizedText& a, const NormalizedText& b, const AlignOptions& options,
          AlignStats* stats, Workspace& w)
      : a_(a), b_(b), o_(options), stats_(stats), w_(w) {
    w_.claimed.assign(w_.ids_a.size(), 0);
  }

  std::vector<Passage> AllPassages() {
    std::vector<Passage> out;
    if (w_.ids_a.empty() || w_.ids_b.empty()) return out;
    FindRuns(o_, stats_, w_);
    ChainRuns(o_, w_);
    std::vector<Chain>& chains = w_.chains;
    if (IdenticalTexts(&out)) return out;
    // Chains go in AlignsBefore order: the chains made here sorted once by
    // their keys, merged with a heap of the remainders made on the way (few:
    // only a chain that is aligned leaves any). A heap of all the chains,
    // comparing through the pool, was a fifth of the chain loop.
    std::vector<ChainKey>& sorted = w_.sorted;
    sorted.resize(chains.size());
    for (uint32_t i = 0; i < chains.size(); ++i) sorted[i] = KeyOf(chains[i], i, w_.pool);
    std::sort(sorted.begin(), sorted.end());
    std::vector<ChainKey>& later = w_.later;  // a min-heap of remainders
    later.clear();
    const auto after = [](const ChainKey& x, const ChainKey& y) { return y < x; };
    size_t next = 0;
    while (next < sorted.size() || !later.empty()) {
      uint32_t index;
      if (later.empty() || (next < sorted.size() && sorted[next] < later.front())) {
        index = sorted[next++].index;
      } else {
        std::pop_heap(later.begin(), later.end(), after);
        index = later.back().index;
        later.pop_back();
      }
      const Chain chain = chains[index];
      ++stats_->chains;
      Passage p;
      if (!AlignChain(chain, &p)) continue;  // nothing left to align
      if (p.words_matched >= static_cast<uint32_t>(o_.min_passage_words)) {
        std::fill(w_.claimed.begin() + p.a_tokens_begin, w_.claimed.begin() + p.a_tokens_end, 1);
      }
      if (!chain.remainder) {
        // Runs the alignment left out entirely get one more chance on their
        // own. Runs start and end later in A than the run before, so those
        // ending before the passage are a prefix of the chain and those
        // starting after it a suffix.
        uint32_t left = chain.begin, right = chain.end;
        while (left < chain.end && w_.pool[left].a_end() <= p.a_tokens_begin) ++left;
        while (right > chain.begin && w_.pool[right - 1].a >= p.a_tokens_end) --right;
        for (const auto& [begin, end] :
             {std::pair{chain.begin, left}, std::pair{right, chain.end}}) {
          if (begin == end) continue;
          chains.push_back(MakeChain(w_.pool, begin, end, true));
          const uint32_t index = static_cast<uint32_t>(chains.size() - 1);
          later.push_back(KeyOf(chains.back(), index, w_.pool));
          std::push_heap(later.begin(), later.end(), after);
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
  // Shortcut for texts with equal words (exact copies are common): the
  // result, stats included, is what the chain loop would produce, without
  // its alignments. Applies when the first chain's band holds the whole
  // main diagonal. Then the alignment of that chain scores match per word
  // on the diagonal cell (t, t) and never more (a path to (t, t) holds at
  // most t + 1 matches, and any edit lowers it), so the diagonal step wins
  // every cell strictly, and only (n - 1, n - 1) reaches the best score,
  // n * match: the passage is the whole text, one equal run. It claims all
  // of A, so every later chain finds all its rows claimed, computes no cell
  // and adds no remainder. False (nothing done) where it does not apply.
  bool IdenticalTexts(std::vector<Passage>* out) {
    const size_t n = w_.ids_a.size();
    if (n != w_.ids_b.size() || n < static_cast<size_t>(o_.min_passage_words) ||
        !std::equal(w_.ids_a.begin(), w_.ids_a.end(), w_.ids_b.begin()) || w_.chains.empty()) {
      return false;
    }
    const Chain* first = &w_.chains[0];
    for (const Chain& c : w_.chains) {
      if (AlignsBefore(c, *first, w_.pool)) first = &c;
    }
    const Run* runs = w_.pool.data() + first->begin;
    const size_t count = first->end - first->begin;
    const int64_t margin = o_.max_gap;
    if (int64_t{runs[0].a} - margin > 0 ||
        int64_t{runs[count - 1].a_end()} + margin < static_cast<int64_t>(n)) {
      return false;
    }
    BandWalker band(runs, count, static_cast<int64_t>(n), o_.band);
    uint64_t cells = 0;
    for (int64_t t = 0; t < static_cast<int64_t>(n); ++t) {
      int64_t lo, hi;
      band.Row(t, &lo, &hi);
      if (lo > t || hi <= t) return false;
      cells += static_cast<uint64_t>(hi - lo);
    }
    stats_->chains += w_.chains.size();
    stats_->dp_cells += cells;
    stats_->passages += 1;
    w_.ops.assign(n, kDiagonal);
    out->push_back(MakePassage(0, 0, w_.ops, static_cast<int64_t>(n) * o_.match));
    return true;
  }

  // Smith-Waterman over A rows near the chain, each row limited to B tokens
  // within `band` diagonals of the chain's path; claimed rows are empty.
  // Fills *p with the best local alignment; false if there is none.
  bool AlignChain(const Chain& chain, Passage* p) {
    const int64_t n = static_cast<int64_t>(w_.ids_a.size());
    const int64_t m = static_cast<int64_t>(w_.ids_b.size());
    const Run* runs = w_.pool.data() + chain.begin;
    const size_t count = chain.end - chain.begin;
    const int64_t margin = o_.max_gap;
    const int64_t t0 = std::max<int64_t>(0, int64_t{runs[0].a} - margin);
    const int64_t t1 = std::min<int64_t>(n, int64_t{runs[count - 1].a_end()} + margin);
    // A region whose rows are all claimed has no cell to compute: common
    // for the many small chains that repeat text an earlier passage took.
    if (std::memchr(w_.claimed.data() + t0, 0, static_cast<size_t>(t1 - t0)) == nullptr) {
      return false;
    }
    // Nor one with too few rows that could match: common for the small
    // chains of repeated phrases around a passage (half the regions of the
    // 10 MB doc scan). Returning false leaves out this chain's remainders
    // too; their rows are a part of these, so they could not hold a
    // passage either.
    if (!MayHoldPassage(t0, t1)) return false;
    // Scores never exceed match * min(n, m); 32 bits hold them in all but
    // enormous pairs and halve the memory traffic. Within the region they
    // never exceed match * min(t1 - t0, m) (a path gains at most match per
    // diagonal step, one row down), which 16 bits hold for all but passages
    // of some 30,000 words. Where the CPU has AVX2, rows are scored 16
    // cells at a time on 16-bit scores (when the pair's word ids fit 16
    // bits too), else 8 at a time on 32-bit ones (internal/banded_sw.h: the
    // same operations and best cell as the scalar loop). On
    // BM_AlignPassages/10240 AlignRegion takes 0.70 instead of 1.28 ns per
    // cell (0.53 scoring the rows); 32-bit lanes take 6% longer overall.
    bool avx2 = false;
#ifdef REPRINT_SORTED_AVX2
    avx2 = internal::HasAvx2();
    const internal::SwScoring scoring{o_.match, o_.mismatch, o_.gap};
    if (avx2 && w_.word_of.size() <= 65536 &&
        internal::SwFitsAvx2<int16_t>(int64_t{o_.match} * std::min(t1 - t0, m), scoring)) {
      if (!ids_b16_ready_) {
        w_.ids_b16.resize(w_.ids_b.size() + internal::kSwSlack);
        for (size_t j = 0; j < w_.ids_b.size(); ++j) {
          w_.ids_b16[j] = static_cast<uint16_t>(w_.ids_b[j]);
        }
        ids_b16_ready_ = true;
      }
      return AlignRegion<int16_t>(runs, count, t0, t1, w_.h16, true, p);
    }
#endif
    if (int64_t{o_.match} * std::min(n, m) < (int64_t{1} << 30)) {
      // Leaves SwFitsAvx2<int32_t> room for 8 gaps of at most 1000.
      return AlignRegion<int32_t>(runs, count, t0, t1, w_.h32, avx2, p);
    }
    return AlignRegion<int64_t>(runs, count, t0, t1, w_.h64, false, p);
  }

  // Whether rows [t0, t1) have min_passage_words unclaimed rows whose word
  // B has: a passage matches that many words, each on a row of its own
  // (claimed rows have no cells), whatever the band.
  bool MayHoldPassage(int64_t t0, int64_t t1) {
    if (!in_b_ready_) {
      const uint32_t a_words = w_.a_words;
      w_.in_b.assign(a_words, 0);
      for (const uint32_t id : w_.ids_b) {
        if (id < a_words) w_.in_b[id] = 1;
      }
      in_b_ready_ = true;
    }
    const uint8_t* in_b = w_.in_b.data();
    const uint8_t* claimed = w_.claimed.data();
    const uint32_t* ids_a = w_.ids_a.data();
    const uint32_t need = static_cast<uint32_t>(o_.min_passage_words);
    uint32_t rows = 0;
    // Counted a block at a time, to stop once there are enough: most
    // chains have them within their first rows.
    constexpr int64_t kBlock = 32;
    for (int64_t t = t0; t < t1;) {
      const int64_t stop = std::min(t1, t + kBlock);
      for (; t < stop; ++t) rows += in_b[ids_a[t]] & (claimed[t] ^ 1);
      if (rows >= need) return true;
    }
    return false;
  }

  // One region's rows: 16 or 8 cells at a time with avx2 (int16_t and
  // int32_t scores), else one at a time.
  template <typename Score>
  static internal::SwBest ScoreRows(const internal::SwRows& rows, internal::SwScoring scoring,
                                    Score* h, size_t width, bool avx2) {
#ifdef REPRINT_SORTED_AVX2
    if constexpr (!std::is_same_v<Score, int64_t>) {
      if (avx2) return internal::SwAlignRowsAvx2(rows, scoring, h, width);
    }
#endif
    (void)avx2;
    return internal::SwAlignRowsScalar(rows, scoring, h, width);
  }

  // AlignChain's DP: the rows laid out along the band, then scored
  // (ScoreRows), then the trace-back from the best cell.
  template <typename Score>
  bool AlignRegion(const Run* runs, size_t count, int64_t t0, int64_t t1, std::vector<Score>& h,
                   bool avx2, Passage* p) {
    const int64_t m = static_cast<int64_t>(w_.ids_b.size());
    const size_t rows = static_cast<size_t>(t1 - t0);
    if (w_.row_lo.size() < rows + 1) {
      w_.row_lo.resize(rows + 1);
      w_.row_hi.resize(rows + 1);
      w_.row_offset.resize(rows + 1);
    }
    const uint8_t* claimed = w_.claimed.data();
    size_t trace_size = 0;
    BandWalker band(runs, count, m, o_.band);
    for (int64_t t = t0; t < t1; ++t) {
      int64_t lo, hi;
      band.Row(t, &lo, &hi);
      if (claimed[t] || lo >= hi) lo = hi = 0;
      const size_t row = static_cast<size_t>(t - t0);
      w_.row_lo[row] = static_cast<uint32_t>(lo);
      w_.row_hi[row] = static_cast<uint32_t>(hi);
      w_.row_offset[row] = trace_size;
      trace_size += static_cast<size_t>(hi - lo);
    }
    stats_->dp_cells += trace_size;
    // Every version gets the room the AVX2 ones need past the last row.
    if (w_.trace.size() < trace_size + internal::kSwSlack) {
      w_.trace.resize(std::max(trace_size + internal::kSwSlack, 2 * w_.trace.size()));
    }
    // Two score rows (see SwAlignRowsScalar), all zeros between chains.
    const size_t width = static_cast<size_t>(m) + 2 + internal::kSwSlack;
    if (h.size() < 2 * width) h.resize(2 * width, 0);
    const internal::SwRows region{w_.ids_a.data() + t0,
                                  w_.ids_b.data(),
                                  std::is_same_v<Score, int16_t> ? w_.ids_b16.data() : nullptr,
                                  m,
                                  w_.row_lo.data(),
                                  w_.row_hi.data(),
                                  w_.row_offset.data(),
                                  rows,
                                  w_.trace.data()};
    const internal::SwScoring scoring{o_.match, o_.mismatch, o_.gap};
    const internal::SwBest best = ScoreRows(region, scoring, h.data(), width, avx2);
    if (best.row < 0) return false;

    // Trace back from the best cell to where the score started from zero.
    std::vector<uint8_t>& ops = w_.ops;
    ops.clear();
    int64_t t = t0 + best.row, j = best.col;
    while (t >= t0 && j >= 0) {
      const size_t row = static_cast<size_t>(t - t0);
      if (j < w_.row_lo[row] || j >= w_.row_hi[row]) break;
      const uint8_t op = w_.trace[w_.row_offset[row] + static_cast<size_t>(j - w_.row_lo[row])];
      if (op == kStop) break;
      ops.push_back(op);
      if (op != kSkipB) --t;
      if (op != kSkipA) --j;
    }
    std::reverse(ops.begin(), ops.end());
    *p = MakePassage(static_cast<uint32_t>(t + 1), static_cast<uint32_t>(j + 1), ops, best.score);
    return true;
  }

  Passage MakePassage(uint32_t ta, uint32_t tb, const std::vector<uint8_t>& ops, int64_t score) {
    const uint32_t* ids_a = w_.ids_a.data();
    const uint32_t* ids_b = w_.ids_b.data();
    Passage p;
    p.a_tokens_begin = ta;
    p.b_tokens_begin = tb;
    p.score = score;
    for (uint8_t op : ops) {
      const bool equal = op == kDiagonal && ids_a[ta] == ids_b[tb];
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
  Workspace& w_;
  bool ids_b16_ready_ = false;  // w_.ids_b16 holds this pair's B ids
  bool in_b_ready_ = false;     // w_.in_b is this pair's
};

// What the alignment needs of A alone, into w, for Bs of about `b_tokens`.
void PrepareA(const NormalizedText& a, size_t b_tokens, const AlignOptions& options, Workspace& w) {
  AssignIdsA(a, b_tokens, w);
  IndexWindowsOfA(options, w);
}

// AlignPassages(a, b) with A prepared in w; leaves A prepared.
std::vector<Passage> AlignPrepared(const NormalizedText& a, const NormalizedText& b,
                                   const AlignOptions& options, AlignStats* stats, Workspace& w) {
  AssignIdsB(b, w);
  std::vector<Passage> out = Aligner(a, b, options, stats, w).AllPassages();
  ForgetB(w);
  return out;
}

absl::Status OutOfRange(const char* field, int value, const char* range) {
  return absl::InvalidArgumentError(std::string("align option ") + field + " must be in " + range +
                                    ", got " + std::to_string(value));
}

}  // namespace

absl::Status AlignOptions::Validate() const {
  if (seed_words < 1 || seed_words > 32) return OutOfRange("seed_words", seed_words, "[1, 32]");
  if (max_seed_occurrences < 1) {
    return OutOfRange("max_seed_occurrences", max_seed_occurrences, "[1, inf)");
  }
  if (max_gap < 0 || max_gap > 1000) return OutOfRange("max_gap", max_gap, "[0, 1000]");
  if (band < 1 || band > 1000) return OutOfRange("band", band, "[1, 1000]");
  if (min_passage_words < seed_words) {
    return OutOfRange("min_passage_words", min_passage_words, "[seed_words, inf)");
  }
  if (match < 1 || match > 1000) return OutOfRange("match", match, "[1, 1000]");
  if (mismatch > -1 || mismatch < -1000) return OutOfRange("mismatch", mismatch, "[-1000, -1]");
  if (gap > -1 || gap < -1000) return OutOfRange("gap", gap, "[-1000, -1]");
  return absl::OkStatus();
}

std::vector<Passage> AlignPassages(const NormalizedText& a, const NormalizedText& b,
                                   const AlignOptions& options, AlignStats* stats) {
  assert(options.Validate().ok());
  AlignStats local;
  Workspace& w = ThreadWorkspace();
  PrepareA(a, b.tokens.size(), options, w);
  std::vector<Passage> out = AlignPrepared(a, b, options, stats ? stats : &local, w);
  w.ReleaseIfLarge();
  return out;
}

struct PassageAligner::State {
  AlignOptions options;
  Workspace w;
  const NormalizedText* a = nullptr;
  bool prepared = false;  // w holds what PrepareA made of *a
};

PassageAligner::PassageAligner(const AlignOptions& options) : state_(std::make_unique<State>()) {
  assert(options.Validate().ok());
  state_->options = options;
}
PassageAligner::~PassageAligner() = default;
PassageAligner::PassageAligner(PassageAligner&&) noexcept = default;
PassageAligner& PassageAligner::operator=(PassageAligner&&) noexcept = default;

void PassageAligner::SetA(const NormalizedText& a) {
  state_->a = &a;
  // Listed pairs are near copies: a B about as long as A.
  PrepareA(a, a.tokens.size(), state_->options, state_->w);
  state_->prepared = true;
}

std::vector<Passage> PassageAligner::Align(const NormalizedText& b, AlignStats* stats) {
  State& s = *state_;
  assert(s.a != nullptr);
  if (!s.prepared) PrepareA(*s.a, b.tokens.size(), s.options, s.w);
  AlignStats local;
  std::vector<Passage> out = AlignPrepared(*s.a, b, s.options, stats ? stats : &local, s.w);
  s.prepared = !s.w.ReleaseIfLarge();
  return out;
}

}  // namespace reprint

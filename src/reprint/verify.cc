#include "reprint/verify.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <mutex>
#include <span>

#include "reprint/internal/first_equal.h"
#include "reprint/internal/sorted.h"
#include "reprint/internal/threads.h"
#include "xxhash.h"

namespace reprint {
namespace {

// Runs fn(out, chunk, begin, end) over [0, n) split into `threads` chunks and
// returns the per-chunk outputs in order, so results do not depend on timing.
template <typename Fn>
std::vector<std::vector<VerifiedPair>> ParallelChunks(size_t n, int threads, Fn fn) {
  std::vector<std::vector<VerifiedPair>> out(internal::ChunkCount(n, threads));
  internal::RunOnChunks(n, threads, [&](size_t c, size_t begin, size_t end) {
    fn(out[c], c, begin, end);
  });
  return out;
}

std::vector<VerifiedPair> Concat(std::vector<std::vector<VerifiedPair>> parts) {
  // One part (one thread) is the result: copying millions of pairs only
  // cost time and page faults.
  if (parts.size() == 1) return std::move(parts[0]);
  std::vector<VerifiedPair> out;
  size_t total = 0;
  for (const auto& p : parts) total += p.size();
  out.reserve(total);
  for (auto& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

// ScorePair's values for sets of na and nb members sharing `shared`.
PairScore ScoreFromCounts(size_t na, size_t nb, size_t shared) {
  PairScore s;
  s.size_a = static_cast<uint32_t>(na);
  s.size_b = static_cast<uint32_t>(nb);
  s.shared = static_cast<uint32_t>(shared);
  return s;
}

// The smallest s in [1, m] with pred(s), or m + 1 if there is none. REQUIRES:
// pred monotone (false then true); `estimate` is a guess of the answer.
template <typename Pred>
size_t FirstTrue(size_t m, double estimate, Pred pred) {
  size_t s = 1;
  if (estimate >= static_cast<double>(m + 1)) {
    s = m + 1;
  } else if (estimate > 1) {
    s = static_cast<size_t>(std::ceil(estimate));
  }
  while (s > 1 && pred(s - 1)) --s;
  while (s <= m && !pred(s)) ++s;
  return s;
}

// Unscored candidates are the bulk of verification (about 2 of 3 at the
// default threshold), and most are far from the threshold: the merge stops as
// soon as it has passed so many non-shared members that the pair cannot reach
// MinSharedToQualify(). Pairs that can are merged to the end, so every score
// is still exact.
bool ScoreIfQualifies(std::span<const uint64_t> a, std::span<const uint64_t> b, Measure measure,
                      double threshold, PairScore* score) {
  const size_t need = MinSharedToQualify(a.size(), b.size(), measure, threshold);
  const size_t shared =
      internal::SortedIntersectionSizeAtLeast(a.data(), a.size(), b.data(), b.size(), need);
  if (shared < need) return false;
  *score = ScoreFromCounts(a.size(), b.size(), shared);
  return Qualifies(*score, measure, threshold);
}

}  // namespace

size_t MinSharedToQualify(size_t size_a, size_t size_b, Measure measure, double threshold) {
  // Qualifies() on ScorePair()'s values, as a function of the shared count s
  // with the sizes fixed: jaccard s / (size_a + size_b - s) and containment
  // of the smaller s / m both grow with s (IEEE division is monotone), so the
  // qualifying counts are [need, m]. Jaccard never exceeds containment (its
  // denominator is at least m), so for kBoth containment decides.
  const size_t m = std::min(size_a, size_b);
  const double md = static_cast<double>(m);
  auto containment = [&](size_t s) { return static_cast<double>(s) / md >= threshold; };
  auto jaccard = [&](size_t s) {
    return static_cast<double>(s) / static_cast<double>(size_a + size_b - s) >= threshold;
  };
  switch (measure) {
    case Measure::kJaccard:
      return FirstTrue(m, threshold * static_cast<double>(size_a + size_b) / (1 + threshold),
                       jaccard);
    case Measure::kContainment:
    case Measure::kBoth:
      return FirstTrue(m, threshold * md, containment);
  }
  return 1;
}

const char* MeasureName(Measure m) {
  switch (m) {
    case Measure::kJaccard:
      return "jaccard";
    case Measure::kContainment:
      return "containment";
    case Measure::kBoth:
      return "both";
  }
  return "?";
}

PairScore ScorePair(std::span<const uint64_t> a, std::span<const uint64_t> b) {
  return ScoreFromCounts(a.size(), b.size(), internal::SortedIntersectionSize(a, b));
}

bool Qualifies(const PairScore& s, Measure measure, double threshold) {
  if (s.shared == 0) return false;
  const bool j = s.jaccard() >= threshold;
  const bool c = s.containment_of_smaller() >= threshold;
  switch (measure) {
    case Measure::kJaccard:
      return j;
    case Measure::kContainment:
      return c;
    case Measure::kBoth:
      return j || c;
  }
  return false;
}

namespace {

// What scoring found, per candidate: its shared shingle count + 1 when it
// qualifies, 0 when not (or not allowed). Each candidate is scored by one
// thread and written once, so threads write disjoint elements, and the
// verified pairs are then read off in candidate order. The hits of the
// faster orders (by component, by set) used to be kept in lists and sorted
// back into candidate order: at 1 GB of paragraphs 63M hits of 8 bytes,
// concatenated and radix-sorted on one thread, where this array holds 4
// bytes for each of the 119M candidates and needs no sort.
using Found = std::vector<uint32_t>;

// Scores candidates[order[k]] for k in [begin, end) in that order, reading
// a's set once per run of equal a (order keeps candidates sorted by a).
// Returns how many qualify.
uint64_t ScoreInOrder(const std::vector<CandidatePair>& candidates, const uint32_t* order,
                      size_t begin, size_t end, const ShingleSets& sets, Measure measure,
                      double threshold, Found& found) {
  uint64_t hits = 0;
  std::vector<uint64_t> buf_a, buf_b;
  uint32_t last_a = std::numeric_limits<uint32_t>::max();
  std::span<const uint64_t> set_a;
  for (size_t k = begin; k < end; ++k) {
    const CandidatePair& c = candidates[order[k]];
    if (c.a != last_a) {
      set_a = sets.Read(c.a, &buf_a);
      last_a = c.a;
    }
    PairScore s;
    if (ScoreIfQualifies(set_a, sets.Read(c.b, &buf_b), measure, threshold, &s)) {
      found[order[k]] = s.shared + 1;
      ++hits;
    }
  }
  return hits;
}

// Spilled sets cost a read each, and candidates in (a, b) order read b's set
// once per pair: 2.5M reads for the 1 GB doc corpus. Scored one connected
// component of the candidate graph at a time instead, with the component's
// sets read once into memory, every set is read about once. Licence texts
// and other shared boilerplate join many families into one large component
// (13 MB of sets and 50,938 of the 70,311 candidates in the 100 MB doc
// corpus, 142 MB and 1.09M of 2.5M at 1 GB), so a component may hold a
// quarter of all sets, and at least 32 MB; one past that (one story copied
// 100,000 times) is scored pair by pair. Fills `found`; returns how many
// qualify.
uint64_t ScoreByComponent(const std::vector<CandidatePair>& candidates, const ShingleSets& sets,
                          Measure measure, double threshold,
                          const std::function<bool(uint32_t, uint32_t)>& allowed, int threads,
                          uint64_t* skipped, Found& found) {
  const uint64_t max_component_bytes =
      std::max(uint64_t{32} << 20, sets.total_values() * sizeof(uint64_t) / 4);
  const uint32_t n = sets.size();
  std::vector<uint32_t> parent(n);
  for (uint32_t u = 0; u < n; ++u) parent[u] = u;
  auto find = [&parent](uint32_t u) {
    while (parent[u] != u) u = parent[u] = parent[parent[u]];
    return u;
  };
  std::vector<uint8_t> ok(candidates.size(), 1);
  for (size_t i = 0; i < candidates.size(); ++i) {
    const CandidatePair& c = candidates[i];
    if (allowed && !allowed(c.a, c.b)) {
      ok[i] = 0;
      ++*skipped;
      continue;
    }
    const uint32_t x = find(c.a), y = find(c.b);
    if (x != y) parent[std::max(x, y)] = std::min(x, y);
  }
  // Candidates grouped by component (its smallest unit), each group in
  // candidate order: a counting sort on the root.
  std::vector<uint32_t> begin(static_cast<size_t>(n) + 1, 0);
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (ok[i]) ++begin[find(candidates[i].a) + 1];
  }
  for (uint32_t u = 0; u < n; ++u) begin[u + 1] += begin[u];
  std::vector<uint32_t> order(begin[n]);
  {
    std::vector<uint32_t> fill(begin.begin(), begin.end() - 1);
    for (size_t i = 0; i < candidates.size(); ++i) {
      if (ok[i]) order[fill[find(candidates[i].a)]++] = static_cast<uint32_t>(i);
    }
  }
  ok = {};
  std::vector<uint32_t> roots;
  for (uint32_t u = 0; u < n; ++u) {
    if (begin[u + 1] > begin[u]) roots.push_back(u);
  }
  // A component's sets, read into one array: set m of `members` (sorted) is
  // values[at[m], at[m + 1]).
  struct Loaded {
    std::vector<uint32_t> members;
    std::vector<size_t> at;
    std::vector<uint64_t> values;
    std::span<const uint64_t> Of(uint32_t u) const {
      const size_t m = static_cast<size_t>(
          std::lower_bound(members.begin(), members.end(), u) - members.begin());
      return std::span<const uint64_t>(values.data() + at[m], at[m + 1] - at[m]);
    }
  };
  // Members of the component whose candidates are order[first, last), and
  // the bytes of their sets.
  auto members_of = [&](uint32_t first, uint32_t last, Loaded* c) {
    c->members.clear();
    for (uint32_t k = first; k < last; ++k) {
      c->members.push_back(candidates[order[k]].a);
      c->members.push_back(candidates[order[k]].b);
    }
    std::sort(c->members.begin(), c->members.end());
    c->members.erase(std::unique(c->members.begin(), c->members.end()), c->members.end());
    c->at.assign(1, 0);
    for (uint32_t u : c->members) c->at.push_back(c->at.back() + sets.set_size(u));
    return c->at.back() * sizeof(uint64_t);
  };
  // Reads members [lo, hi) of c into place.
  auto load = [&](Loaded* c, size_t lo, size_t hi, std::vector<uint64_t>* buf) {
    for (size_t m = lo; m < hi; ++m) {
      const std::span<const uint64_t> s = sets.Read(c->members[m], buf);
      std::copy(s.begin(), s.end(), c->values.begin() + static_cast<ptrdiff_t>(c->at[m]));
    }
  };
  auto score = [&](const Loaded& c, uint32_t first, uint32_t last) {
    uint64_t hits = 0;
    for (uint32_t k = first; k < last; ++k) {
      const CandidatePair& p = candidates[order[k]];
      PairScore s;
      if (ScoreIfQualifies(c.Of(p.a), c.Of(p.b), measure, threshold, &s)) {
        found[order[k]] = s.shared + 1;
        ++hits;
      }
    }
    return hits;
  };
  // Workers take components in turn; each keeps its hits. A component with
  // more than its share of the candidates (the licence-text one holds 43% of
  // them at 1 GB) would leave the other workers idle: those (at most four
  // per worker) are set aside and done one at a time after, each by all
  // workers.
  const size_t big_candidates =
      threads > 1 ? std::max<size_t>(1, order.size() / (4 * static_cast<size_t>(threads)))
                  : std::numeric_limits<size_t>::max();
  std::vector<uint64_t> hits(internal::ChunkCount(roots.size(), threads), 0);  // per worker
  std::vector<uint32_t> big;  // roots, in order
  std::mutex big_mu;
  std::atomic<size_t> next{0};
  internal::RunOnThreads(static_cast<int>(hits.size()), [&](int t) {
    uint64_t& out = hits[static_cast<size_t>(t)];
    Loaded c;
    std::vector<uint64_t> buf;
    for (size_t r = next.fetch_add(1); r < roots.size(); r = next.fetch_add(1)) {
      const uint32_t first = begin[roots[r]], last = begin[roots[r] + 1];
      if (last - first > big_candidates) {
        std::lock_guard<std::mutex> lock(big_mu);
        big.push_back(roots[r]);
        continue;
      }
      if (members_of(first, last, &c) > max_component_bytes) {
        out += ScoreInOrder(candidates, order.data(), first, last, sets, measure, threshold, found);
        continue;
      }
      c.values.resize(c.at.back());
      load(&c, 0, c.members.size(), &buf);
      out += score(c, first, last);
    }
  });
  uint64_t total = 0;
  for (uint64_t h : hits) total += h;
  std::sort(big.begin(), big.end());
  for (uint32_t root : big) {
    const uint32_t first = begin[root], last = begin[root + 1];
    Loaded c;
    const bool fits = members_of(first, last, &c) <= max_component_bytes;
    if (fits) {
      c.values.resize(c.at.back());
      internal::RunOnChunks(c.members.size(), threads, [&](size_t, size_t lo, size_t hi) {
        std::vector<uint64_t> buf;
        load(&c, lo, hi, &buf);
      });
    }
    const size_t chunks = internal::ChunkCount(last - first, threads);
    std::vector<uint64_t> out(chunks, 0);
    internal::RunOnChunks(last - first, threads, [&](size_t k, size_t lo, size_t hi) {
      const uint32_t from = first + static_cast<uint32_t>(lo), to = first + static_cast<uint32_t>(hi);
      out[k] =
          fits ? score(c, from, to)
               : ScoreInOrder(candidates, order.data(), from, to, sets, measure, threshold, found);
    });
    for (uint64_t o : out) total += o;
  }
  return total;
}

// Units with equal sets (copies of one paragraph): rep[u] is the smallest
// unit whose set equals u's. Empty when no two sets are equal.
std::vector<uint32_t> SetTwins(const ShingleSets& sets, int threads) {
  std::vector<uint32_t> hashes(sets.size());
  sets.ForEach([&](uint32_t u, std::span<const uint64_t> s) {
    hashes[u] = static_cast<uint32_t>(XXH3_64bits(s.data(), s.size_bytes()));
  });
  return internal::FirstOfEqual(
      hashes, [&](uint32_t u, uint32_t v) { return std::ranges::equal(sets[u], sets[v]); },
      threads);
}

// Scores the candidates with sets in memory when some sets are equal
// (`rep`, SetTwins): a pair's score depends on its two sets only, so pairs
// whose sets are the same two sets are scored once. Candidates are taken a
// set at a time: those of every unit with set x (their first unit a has set
// x), each scored with the other unit's set y unless this x was scored with
// y already; a pair with y == x shares all of it. On the 1 GB paragraph
// corpus 119M candidates come down to 17M pairs of equal sets and 38M
// distinct pairs of sets. `allowed` is still asked per candidate. Fills
// `found`; returns how many qualify.
uint64_t ScoreByTwins(const std::vector<CandidatePair>& candidates, const ShingleSets& sets,
                      const std::vector<uint32_t>& rep, Measure measure, double threshold,
                      const std::function<bool(uint32_t, uint32_t)>& allowed, int threads,
                      uint64_t* skipped, Found& found) {
  const uint32_t n = sets.size();
  // Candidates of unit a: [from[a], from[a + 1]) (they are sorted by a).
  std::vector<uint32_t> from(static_cast<size_t>(n) + 1, 0);
  for (const CandidatePair& c : candidates) ++from[c.a + 1];
  for (uint32_t u = 0; u < n; ++u) from[u + 1] += from[u];
  // Units with set x: members[at[x], at[x + 1]), in unit order.
  std::vector<uint32_t> at(static_cast<size_t>(n) + 1, 0);
  for (uint32_t u = 0; u < n; ++u) ++at[rep[u] + 1];
  for (uint32_t u = 0; u < n; ++u) at[u + 1] += at[u];
  std::vector<uint32_t> members(n);
  {
    std::vector<uint32_t> fill(at.begin(), at.end() - 1);
    for (uint32_t u = 0; u < n; ++u) members[fill[rep[u]]++] = u;
  }
  constexpr uint32_t kBlockUnits = 2048;
  constexpr uint32_t kAhead = 8;
  const size_t blocks = (static_cast<size_t>(n) + kBlockUnits - 1) / kBlockUnits;
  // Each worker notes, per set y, the set x it last scored y with and the
  // result (x + 1 in the high half, shared + 1 or 0 in the low): a lookup
  // where sorting each x's candidates by y cost more than the scores saved.
  struct Worker {
    uint64_t hits = 0;
    std::vector<uint64_t> scored;
    uint64_t skipped = 0;
  };
  std::vector<Worker> workers(internal::ChunkCount(blocks, threads));
  internal::RunOnBlocks(0, blocks, threads, 1, [&](int t, size_t block) {
    Worker& w = workers[static_cast<size_t>(t)];
    if (w.scored.empty()) w.scored.assign(n, 0);
    const uint32_t first = static_cast<uint32_t>(block * kBlockUnits);
    const uint32_t last = std::min(n, first + kBlockUnits);
    for (uint32_t x = first; x < last; ++x) {
      if (rep[x] != x) continue;  // done with its set's first unit
      const std::span<const uint64_t> set_x = sets[x];
      const uint64_t stamp = uint64_t{x + 1} << 32;
      for (uint32_t m = at[x]; m < at[x + 1]; ++m) {
        const uint32_t a = members[m];
        const uint32_t end = from[a + 1];
        for (uint32_t k = from[a]; k < end; ++k) {
          // The other unit's set lies anywhere: three reads in a row that
          // miss the cache (its twin, its address, its values) are asked
          // for ahead, each once the one before should have arrived.
          if (k + 2 * kAhead < end) __builtin_prefetch(rep.data() + candidates[k + 2 * kAhead].b);
          if (k + kAhead < end) {
            const uint32_t ahead = rep[candidates[k + kAhead].b];
            sets.PrefetchRecord(ahead);
            __builtin_prefetch(w.scored.data() + ahead);
          }
          if (k + kAhead / 2 < end) sets.PrefetchValues(rep[candidates[k + kAhead / 2].b]);
          const CandidatePair& c = candidates[k];
          if (allowed && !allowed(c.a, c.b)) {
            ++w.skipped;
            continue;
          }
          const uint32_t y = rep[c.b];
          uint64_t& noted = w.scored[y];
          if ((noted & ~uint64_t{0xffffffff}) != stamp) {
            PairScore s;
            bool qualifies;
            if (y == x) {  // equal sets share all of it
              s = ScoreFromCounts(set_x.size(), set_x.size(), set_x.size());
              qualifies = Qualifies(s, measure, threshold);
            } else {
              qualifies = ScoreIfQualifies(set_x, sets[y], measure, threshold, &s);
            }
            noted = stamp | (qualifies ? uint64_t{s.shared} + 1 : 0);
          }
          // The low half is shared + 1, or 0: what `found` holds.
          found[k] = static_cast<uint32_t>(noted);
          w.hits += (noted & 0xffffffff) != 0;
        }
      }
    }
  });
  uint64_t hits = 0;
  for (const Worker& w : workers) {
    hits += w.hits;
    *skipped += w.skipped;
  }
  return hits;
}

}  // namespace

std::vector<VerifiedPair> Verify(const std::vector<CandidatePair>& candidates,
                                 const ShingleSets& sets, Measure measure, double threshold,
                                 const std::function<bool(uint32_t, uint32_t)>& allowed,
                                 int threads, VerifyStats* stats) {
  // Two passes: scoring notes what it found per candidate (Found), then the
  // result is allocated once at its size and filled in candidate order.
  // Growing the pairs (48 bytes each then) by push_back wrote (and faulted
  // in) about twice the result's memory and copied it; that was a fifth of
  // the stage.
  Found found(candidates.size(), 0);
  uint64_t hits = 0;
  uint64_t skipped = 0;
  std::vector<uint32_t> rep;
  const bool indexable = candidates.size() < std::numeric_limits<uint32_t>::max();
  if (!sets.spilled() && indexable) rep = SetTwins(sets, threads);
  if (!rep.empty()) {
    hits =
        ScoreByTwins(candidates, sets, rep, measure, threshold, allowed, threads, &skipped, found);
  } else if (sets.spilled() && indexable) {
    hits =
        ScoreByComponent(candidates, sets, measure, threshold, allowed, threads, &skipped, found);
  } else {
    const size_t chunks = internal::ChunkCount(candidates.size(), threads);
    std::vector<uint64_t> chunk_hits(chunks, 0), chunk_skipped(chunks, 0);
    internal::RunOnChunks(candidates.size(), threads, [&](size_t chunk, size_t b, size_t e) {
      std::vector<uint64_t> buf_a, buf_b;  // for spilled sets only
      for (size_t i = b; i < e; ++i) {
        const CandidatePair& c = candidates[i];
        if (allowed && !allowed(c.a, c.b)) {
          ++chunk_skipped[chunk];
          continue;
        }
        PairScore s;
        if (ScoreIfQualifies(sets.Read(c.a, &buf_a), sets.Read(c.b, &buf_b), measure, threshold,
                             &s)) {
          found[i] = s.shared + 1;
          ++chunk_hits[chunk];
        }
      }
    });
    for (size_t chunk = 0; chunk < chunks; ++chunk) {
      hits += chunk_hits[chunk];
      skipped += chunk_skipped[chunk];
    }
  }
  std::vector<VerifiedPair> out;
  out.reserve(hits);
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (found[i] == 0) continue;
    const CandidatePair& c = candidates[i];
    out.push_back(
        {c.a, c.b, ScoreFromCounts(sets.set_size(c.a), sets.set_size(c.b), found[i] - 1)});
  }
  if (stats != nullptr) {
    stats->candidates += candidates.size();
    stats->skipped += skipped;
    stats->verified += out.size();
  }
  return out;
}

std::vector<VerifiedPair> VerifyAllPairs(const ShingleSets& sets, Measure measure,
                                         double threshold,
                                         const std::function<bool(uint32_t, uint32_t)>& allowed,
                                         int threads, VerifyStats* stats) {
  const uint32_t n = sets.size();
  auto parts = ParallelChunks(n, threads, [&](std::vector<VerifiedPair>& out, size_t, size_t b,
                                              size_t e) {
    std::vector<uint64_t> buf_a, buf_b;
    for (size_t a = b; a < e; ++a) {
      const std::span<const uint64_t> set_a = sets.Read(static_cast<uint32_t>(a), &buf_a);
      for (uint32_t c = static_cast<uint32_t>(a) + 1; c < n; ++c) {
        if (allowed && !allowed(static_cast<uint32_t>(a), c)) continue;
        PairScore s;
        if (ScoreIfQualifies(set_a, sets.Read(c, &buf_b), measure, threshold, &s)) {
          out.push_back({static_cast<uint32_t>(a), c, s});
        }
      }
    }
  });
  std::vector<VerifiedPair> out = Concat(std::move(parts));
  if (stats != nullptr) {
    stats->candidates += static_cast<uint64_t>(n) * (n > 0 ? n - 1 : 0) / 2;
    stats->verified += out.size();
  }
  return out;
}

}  // namespace reprint

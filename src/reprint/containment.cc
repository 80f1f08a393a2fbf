#include "reprint/containment.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <limits>
#include <memory>
#include <span>
#include <utility>

#include "reprint/internal/hash_sort.h"
#include "reprint/internal/threads.h"

namespace reprint {

absl::Status ContainmentOptions::Validate() const {
  if (window < 1 || window > 1024) return absl::InvalidArgumentError("window must be in [1, 1024]");
  if (max_postings < 2) return absl::InvalidArgumentError("max_postings must be >= 2");
  if (!(slack > 0 && slack <= 1)) return absl::InvalidArgumentError("slack must be in (0, 1]");
  return absl::OkStatus();
}

std::vector<uint64_t> Winnow(std::span<const uint64_t> shingles, int window) {
  std::vector<uint64_t> out;
  WinnowInto(shingles, window, &out);
  return out;
}

// The fingerprints are the set of window minima. The loop this replaced
// followed each window's rightmost minimum and emitted it when it moved,
// which gives the same set after the sort, but its compares hinged on random
// hash order (a mispredicted branch for about every second shingle). Here
// the minima come from branch-free passes over a block of windows at a time
// (so the scratch stays small for any unit): after the pass for p, m[i] is
// the minimum of the p shingles from i on, p doubling up to the largest
// power of two <= window, and a last pass joins two overlapping spans of p
// into the window. Consecutive windows mostly share their minimum, so only
// changes go on to the sort.
void WinnowInto(std::span<const uint64_t> shingles, int window, std::vector<uint64_t>* out_ptr) {
  std::vector<uint64_t>& out = *out_ptr;
  const size_t n = shingles.size();
  const size_t w = static_cast<size_t>(window);
  if (n <= w) {
    out.assign(shingles.begin(), shingles.end());
  } else {
    out.clear();
    out.reserve(2 * n / (w + 1) + 2);
    constexpr size_t kBlock = 4096;  // windows per block
    thread_local std::vector<uint64_t> minima;
    if (minima.size() < kBlock + w) minima.resize(kBlock + w);
    uint64_t* m = minima.data();
    const size_t windows = n - w + 1;
    uint64_t last = 0;  // the last minimum kept
    for (size_t b = 0; b < windows; b += kBlock) {
      const size_t count = std::min(kBlock, windows - b);
      const size_t len = count + w - 1;            // shingles [b, b + len)
      const uint64_t* from = shingles.data() + b;  // from[i]: the minimum of [i, i + p)
      size_t p = 1;
      for (; 2 * p <= w; p *= 2) {
        for (size_t i = 0; i + 2 * p <= len; ++i) m[i] = std::min(from[i], from[i + p]);
        from = m;
      }
      if (p < w) {
        for (size_t i = 0; i < count; ++i) m[i] = std::min(from[i], from[i + (w - p)]);
        from = m;
      }
      if (b == 0) last = ~from[0];  // none yet: unlike the first
      size_t kept = 0;
      for (size_t i = 0; i < count; ++i) {
        const uint64_t x = from[i];
        m[kept] = x;  // in place: kept <= i
        kept += x != last;
        last = x;  // in a register: not read back from m[kept - 1]
      }
      out.insert(out.end(), m, m + kept);
    }
  }
  thread_local internal::HashSortScratch scratch;
  internal::SortHashes(out, scratch);
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

namespace {

// Ends each group in `Groups`; unit ids are below ShingleSets::size(), so
// never this.
constexpr uint32_t kEnd = std::numeric_limits<uint32_t>::max();

// Indexed fingerprints: each group lists, in unit order, the 2 to
// max_postings units that carry one fingerprint, then kEnd. Groups go in
// order into pages of 2^page_bits entries, none split across two pages, and
// an entry is found by a 32-bit position (page << page_bits | index). Pages
// and not one vector: how many groups there are is known only after the
// last round, and a vector grown by doubling held up to twice their size (4.3
// million entries for 2.7 million on the 100 MB doc corpus); a page leaves
// less than one group unused at its end. kEnd instead of a vector of group
// starts: a unit's partners are then the entries after its own up to kEnd,
// one 32-bit position per unit and group instead of a [from, to) pair.
class Groups {
 public:
  // Groups of at most `largest_group` units.
  explicit Groups(uint64_t largest_group)
      : page_bits_(std::clamp(static_cast<int>(std::bit_width(largest_group)), 16, 31)) {}

  // Appends `groups`, each followed by kEnd.
  void Append(std::span<const uint32_t> groups) {
    while (!groups.empty()) {
      size_t take = pages_.empty() ? 0 : std::min(groups.size(), PageSize() - used_.back());
      while (take > 0 && groups[take - 1] != kEnd) --take;  // whole groups only
      if (take == 0) {
        // Positions are 32-bit: 2^32 entries need over 2^31 postings (32 GB).
        assert(((pages_.size() + 1) << page_bits_) <= (uint64_t{1} << 32));
        pages_.push_back(std::make_unique_for_overwrite<uint32_t[]>(PageSize()));
        used_.push_back(0);
        continue;  // a page holds any group (a page size > largest_group)
      }
      std::copy_n(groups.begin(), take, pages_.back().get() + used_.back());
      used_.back() += take;
      groups = groups.subspan(take);
    }
  }

  size_t pages() const { return pages_.size(); }
  // The groups in page p, the last one ending the page.
  std::span<const uint32_t> page(size_t p) const { return {pages_[p].get(), used_[p]}; }
  uint32_t Position(size_t p, size_t i) const { return static_cast<uint32_t>(p << page_bits_ | i); }
  const uint32_t* At(uint32_t position) const {
    return pages_[position >> page_bits_].get() + (position & (PageSize() - 1));
  }

 private:
  size_t PageSize() const { return size_t{1} << page_bits_; }

  int page_bits_;
  std::vector<std::unique_ptr<uint32_t[]>> pages_;
  std::vector<size_t> used_;  // entries filled, per page
};

// Writes [begin, end), postings whose fingerprints agree in the top
// `known_bits` bits and are in unit order, to `sorted` in (fingerprint, unit)
// order: scattered by the next bits into parts of about four postings (a
// stable counting pass), then each part sorted.
void SortBucket(std::vector<std::pair<uint64_t, uint32_t>>::const_iterator begin,
                std::vector<std::pair<uint64_t, uint32_t>>::const_iterator end, int known_bits,
                std::vector<std::pair<uint64_t, uint32_t>>& sorted, std::vector<uint32_t>& fill) {
  const size_t n = static_cast<size_t>(end - begin);
  if (n <= 16) {
    sorted.assign(begin, end);
    std::sort(sorted.begin(), sorted.end());
    return;
  }
  sorted.resize(n);
  const int bits = std::clamp(static_cast<int>(std::bit_width(n)) - 2, 1, 16);
  const int shift = 64 - known_bits - bits;
  const uint64_t mask = (uint64_t{1} << bits) - 1;
  const size_t parts = size_t{1} << bits;
  fill.assign(parts, 0);
  for (auto it = begin; it != end; ++it) ++fill[(it->first >> shift) & mask];
  uint32_t sum = 0;
  for (size_t d = 0; d < parts; ++d) sum += std::exchange(fill[d], sum);
  for (auto it = begin; it != end; ++it) sorted[fill[(it->first >> shift) & mask]++] = *it;
  // fill[d] is now where part d ends.
  size_t from = 0;
  for (size_t d = 0; d < parts; ++d) {
    if (fill[d] - from >= 2) {
      std::sort(sorted.begin() + static_cast<ptrdiff_t>(from),
                sorted.begin() + static_cast<ptrdiff_t>(fill[d]));
    }
    from = fill[d];
  }
}

// Postings are partitioned by the fingerprint's top bits into buckets that
// fit in cache and each bucket is sorted on its own (a pass of radix sort,
// then small sorts): the sort of all postings at once was the costliest step
// of the doc scan, and nearly all fingerprints are carried by one unit only
// and never reach `Groups`. Buckets are taken a range at a time (a round),
// each round collecting only its postings from a pass over the fingerprints,
// so about a sixteenth of the postings (ContainmentOptions::round_postings)
// is in memory at once, not all of them (16 bytes each: they were the peak of
// the doc scan). Within a round, buckets are split across threads in
// contiguous ranges and concatenated in order; rounds go in bucket order, so
// the result depends on neither.
Groups IndexedGroups(const ShingleSets& fingerprints, const ContainmentOptions& options,
                     int threads) {
  constexpr int kBucketBits = 12;
  constexpr size_t kBuckets = size_t{1} << kBucketBits;
  constexpr uint64_t kMaxRounds = 16;
  constexpr uint64_t kMinRoundPostings = uint64_t{1} << 16;
  constexpr uint64_t kPostingsPerUnit = 16;
  constexpr uint64_t kMaxPerUnitRoundPostings = uint64_t{1} << 20;
  // The passes over the fingerprints are split into contiguous ranges of
  // units, one per thread (on the 100 MB doc corpus they read the spilled
  // fingerprints 17 times, 0.12 s on one thread). chunk_at[c][b] is where
  // chunk c's next posting in bucket b goes: after those of the chunks
  // before it, so each bucket still lists its postings in unit order.
  const uint32_t n = fingerprints.size();
  const size_t chunks = internal::ChunkCount(n, threads);
  std::vector<std::vector<uint64_t>> chunk_at(chunks, std::vector<uint64_t>(kBuckets, 0));
  // Calls fn(chunk_at[c].data(), u, set u) for every unit u, chunk c's on
  // its own thread, which reads spilled fingerprints into buffer c: the
  // same memory pass after pass (a fresh 1 MB each time was 17 MB of page
  // faults at 100 MB).
  std::vector<std::vector<uint64_t>> buffers(chunks);
  auto each_unit = [&](auto fn) {
    internal::RunOnChunks(n, threads, [&](size_t c, size_t lo, size_t hi) {
      uint64_t* at = chunk_at[c].data();
      fingerprints.ForEach(
          static_cast<uint32_t>(lo), static_cast<uint32_t>(hi),
          [&](uint32_t u, std::span<const uint64_t> f) { fn(at, u, f); }, &buffers[c]);
    });
  };
  each_unit([](uint64_t* count, uint32_t, std::span<const uint64_t> f) {
    for (uint64_t fp : f) ++count[fp >> (64 - kBucketBits)];
  });
  std::vector<uint64_t> bucket_begin(kBuckets + 1, 0);
  for (size_t b = 0; b < kBuckets; ++b) {
    uint64_t at = bucket_begin[b];
    for (std::vector<uint64_t>& chunk : chunk_at) at += std::exchange(chunk[b], at);
    bucket_begin[b + 1] = at;
  }
  // Positions are 32-bit: 2^32 postings would take 32 GB of fingerprints.
  assert(bucket_begin[kBuckets] < std::numeric_limits<uint32_t>::max());
  // Round r covers buckets [round_begin[r], round_begin[r + 1]): as many
  // whole buckets as fit the round's postings (at least one). About
  // kMaxRounds rounds at most, so the passes over the fingerprints stay few.
  // Each pass touches every unit's set, so a round also takes at least
  // kPostingsPerUnit postings per unit (up to 1M, 16 MB): 16 rounds over
  // 16 MB of paragraph units (9 fingerprints each) made the index 40%
  // slower, over documents (hundreds each) no slower (BM_ContainmentIndex).
  const uint64_t round_postings =
      options.round_postings > 0
          ? options.round_postings
          : std::max({kMinRoundPostings, bucket_begin[kBuckets] / kMaxRounds + 1,
                      std::min(kPostingsPerUnit * fingerprints.size(), kMaxPerUnitRoundPostings)});
  std::vector<size_t> round_begin{0};
  for (size_t b = 1; b < kBuckets; ++b) {
    if (bucket_begin[b + 1] - bucket_begin[round_begin.back()] > round_postings) {
      round_begin.push_back(b);
    }
  }
  round_begin.push_back(kBuckets);
  // Sized once for the largest round: resize() round by round grew it to
  // twice a round.
  uint64_t largest_round = 0;
  for (size_t r = 0; r + 1 < round_begin.size(); ++r) {
    largest_round =
        std::max(largest_round, bucket_begin[round_begin[r + 1]] - bucket_begin[round_begin[r]]);
  }
  std::vector<std::pair<uint64_t, uint32_t>> postings(largest_round);
  // next[u]: how many of unit u's fingerprints the rounds so far took. Sets
  // are sorted and rounds go up the fingerprints, so a round's part of a set
  // starts there: a search per unit and round cost more than the 4 bytes.
  std::vector<uint32_t> next(n, 0);
  std::vector<std::vector<uint32_t>> parts(static_cast<size_t>(threads));
  Groups all(std::min<uint64_t>(options.max_postings, n));
  for (size_t r = 0; r + 1 < round_begin.size(); ++r) {
    const size_t first_bucket = round_begin[r];
    const size_t last_bucket = round_begin[r + 1];
    const uint64_t base = bucket_begin[first_bucket];
    each_unit([&](uint64_t* at, uint32_t u, std::span<const uint64_t> f) {
      uint32_t i = next[u];
      for (; i < f.size(); ++i) {
        const size_t b = f[i] >> (64 - kBucketBits);
        if (b >= last_bucket) break;
        postings[at[b]++ - base] = {f[i], u};
      }
      next[u] = i;
    });
    for (std::vector<uint32_t>& part : parts) part.clear();
    internal::RunOnChunks(last_bucket - first_bucket, threads, [&](size_t t, size_t lo, size_t hi) {
      std::vector<uint32_t>& out = parts[t];
      std::vector<std::pair<uint64_t, uint32_t>> sorted;
      std::vector<uint32_t> fill;
      for (size_t b = first_bucket + lo; b < first_bucket + hi; ++b) {
        // Within a bucket postings are in unit order and a unit carries each
        // fingerprint once, so ordering them by fingerprint, stably, sorts
        // groups by unit: the bucket is split once more by the next bits and
        // each small part sorted (std::sort over the bucket was the costliest
        // step of the candidates stage).
        const auto begin = postings.begin() + static_cast<ptrdiff_t>(bucket_begin[b] - base);
        const auto end = postings.begin() + static_cast<ptrdiff_t>(bucket_begin[b + 1] - base);
        SortBucket(begin, end, kBucketBits, sorted, fill);
        for (auto g = sorted.begin(); g != sorted.end();) {
          auto e = g + 1;
          while (e != sorted.end() && e->first == g->first) ++e;
          const size_t size = static_cast<size_t>(e - g);
          if (size >= 2 && size <= options.max_postings) {
            for (auto x = g; x != e; ++x) out.push_back(x->second);
            out.push_back(kEnd);
          }
          g = e;
        }
      }
    });
    for (const std::vector<uint32_t>& part : parts) all.Append(part);
  }
  return all;
}

}  // namespace

std::vector<CandidatePair> ContainmentCandidates(
    const std::vector<std::vector<uint64_t>>& fingerprints, const ContainmentOptions& options,
    double threshold, int threads) {
  ShingleSets sets;
  sets.Reserve(fingerprints.size());
  for (const std::vector<uint64_t>& f : fingerprints) sets.Add(f);
  return ContainmentCandidates(sets, options, threshold, threads);
}

std::vector<CandidatePair> ContainmentCandidates(const ShingleSets& fingerprints,
                                                 const ContainmentOptions& options,
                                                 double threshold, int threads) {
  const uint32_t n = fingerprints.size();
  threads = std::max(1, std::min(threads, 64));
  const Groups groups = IndexedGroups(fingerprints, options, threads);
  // For each unit u, the positions of its entries in groups but the last
  // ones: the entries that follow each, up to kEnd, are its partners v > u.
  // Shared fingerprints are then counted per unit u in a dense counter, never
  // as one entry per (fingerprint, pair): that list would hold
  // sum C(postings, 2) entries, 240M for 50 stories reprinted 200 times each
  // (tests/blowup_test.cc). 32-bit offsets: there are fewer partners than
  // positions.
  std::vector<uint32_t> offsets(static_cast<size_t>(n) + 1, 0);
  for (size_t p = 0; p < groups.pages(); ++p) {
    const std::span<const uint32_t> page = groups.page(p);
    for (size_t i = 0; i + 1 < page.size(); ++i) {
      if (page[i] != kEnd && page[i + 1] != kEnd) ++offsets[page[i] + 1];
    }
  }
  for (uint32_t u = 0; u < n; ++u) offsets[u + 1] += offsets[u];
  std::vector<uint32_t> partners(offsets[n]);  // positions in groups
  {
    std::vector<uint32_t> fill(offsets.begin(), offsets.end() - 1);
    for (size_t p = 0; p < groups.pages(); ++p) {
      const std::span<const uint32_t> page = groups.page(p);
      for (size_t i = 0; i + 1 < page.size(); ++i) {
        if (page[i] != kEnd && page[i + 1] != kEnd) {
          partners[fill[page[i]]++] = groups.Position(p, i);
        }
      }
    }
  }
  // The fewest shared fingerprints a pair needs is
  // max(1, floor(slack * threshold * min(|u|, |v|))) = min(need[u], need[v]):
  // floor and the product are monotone in the size (and for a factor <= 0
  // or NaN both sides are 1). Looking it up in one array instead of each
  // partner's fingerprint vector saves a cache miss per partner. Clamped to
  // 32 bits, which no pair's shared count reaches (2^32 - 1 fingerprints in
  // one unit), so no comparison changes.
  std::vector<uint32_t> need(n);
  for (uint32_t u = 0; u < n; ++u) {
    const double f = std::max(
        1.0, std::floor(options.slack * threshold * static_cast<double>(fingerprints.set_size(u))));
    need[u] = f < std::numeric_limits<uint32_t>::max() ? static_cast<uint32_t>(f)
                                                       : std::numeric_limits<uint32_t>::max();
  }
  // Units are counted in blocks of kBlockUnits that threads take in turn
  // (earlier units have more partners v > u, and a large cluster's units
  // sit together, so equal ranges would leave one thread with most of the
  // work). Each worker keeps one counter and appends its blocks' pairs to
  // its own list, noting where each block's pairs lie; the lists are then
  // concatenated in block order, so in unit order. One worker's list is
  // already in that order and is the result as it stands.
  constexpr uint32_t kBlockUnits = 2048;
  const size_t blocks = (static_cast<size_t>(n) + kBlockUnits - 1) / kBlockUnits;
  struct Worker {
    std::vector<uint32_t> shared;
    std::vector<uint32_t> touched;
    std::vector<CandidatePair> out;
  };
  struct Placed {  // block b's pairs: workers[worker].out[begin, end)
    size_t worker = 0, begin = 0, end = 0;
  };
  std::vector<Worker> workers(internal::ChunkCount(blocks, threads));
  std::vector<Placed> placed(blocks);
  constexpr uint32_t kAhead = 8;
  internal::RunOnBlocks(0, blocks, threads, 1, [&](int t, size_t block) {
    Worker& w = workers[static_cast<size_t>(t)];
    if (w.shared.empty()) w.shared.assign(n, 0);
    // A pointer, not the vector: the compiler then knows that appending to
    // `touched` or `out` leaves it in place (the vector lives in `workers`).
    uint32_t* const shared = w.shared.data();
    std::vector<uint32_t>& touched = w.touched;
    std::vector<CandidatePair>& out = w.out;
    placed[block] = Placed{static_cast<size_t>(t), out.size(), 0};
    const uint32_t first = static_cast<uint32_t>(block * kBlockUnits);
    const uint32_t last = std::min(n, first + kBlockUnits);
    for (uint32_t u = first; u < last; ++u) {
      touched.clear();
      for (uint32_t k = offsets[u]; k < offsets[u + 1]; ++k) {
        // A unit's groups lie far apart, and where one ends is known only
        // once it is read: asking now for the group kAhead partners on lets
        // those reads overlap. On the 1 GB doc corpus counting took 5.5 s,
        // against 8.5-11 s without (and 7.5 s with [from, to) pairs).
        if (k + kAhead < partners.size()) __builtin_prefetch(groups.At(partners[k + kAhead]));
        for (const uint32_t* y = groups.At(partners[k]) + 1; *y != kEnd; ++y) {
          if (shared[*y]++ == 0) touched.push_back(*y);
        }
      }
      // Only the partners that share enough are sorted (into v order), not
      // all those touched: 55K of 3.7M pass on the 100 MB doc corpus.
      const uint32_t need_u = need[u];
      const size_t from = out.size();
      for (uint32_t v : touched) {
        if (shared[v] >= std::min(need_u, need[v])) out.push_back({u, v});
        shared[v] = 0;
      }
      std::sort(out.begin() + static_cast<ptrdiff_t>(from), out.end());
    }
    placed[block].end = out.size();
  });
  if (workers.size() == 1) return std::move(workers[0].out);
  size_t total = 0;
  for (const Worker& w : workers) total += w.out.size();
  std::vector<CandidatePair> out;
  out.reserve(total);  // exactly, not by doubling
  for (const Placed& p : placed) {
    const std::vector<CandidatePair>& from = workers[p.worker].out;
    out.insert(out.end(), from.begin() + static_cast<ptrdiff_t>(p.begin),
               from.begin() + static_cast<ptrdiff_t>(p.end));
  }
  return out;
}

}  // namespace reprint

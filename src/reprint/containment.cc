#include "reprint/containment.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <limits>
#include <utility>

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
  const size_t n = shingles.size();
  const size_t w = static_cast<size_t>(window);
  if (n <= w) {
    out.assign(shingles.begin(), shingles.end());
  } else {
    out.reserve(2 * n / (w + 1) + 2);
    size_t last = n;  // index of the last selected minimum
    size_t m = 0;     // rightmost minimum of the current window
    for (size_t i = 0; i + w <= n; ++i) {
      // Rightmost minimum of the window [i, i + w): while the previous one is
      // still inside, only the entering shingle can replace it.
      const size_t enter = i + w - 1;
      if (i == 0 || m < i) {
        m = i;
        for (size_t j = i + 1; j <= enter; ++j) {
          if (shingles[j] <= shingles[m]) m = j;
        }
      } else if (shingles[enter] <= shingles[m]) {
        m = enter;
      }
      if (m != last) {
        // Runs of equal hashes (a repeated word) move the rightmost minimum
        // every window; keep one copy instead of one per window.
        if (out.empty() || out.back() != shingles[m]) out.push_back(shingles[m]);
        last = m;
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// Indexed fingerprints: each group lists, in unit order, the 2 to
// max_postings units that carry one fingerprint; members[group_begin[g],
// group_begin[g + 1]) is group g.
struct Groups {
  std::vector<uint32_t> members;
  std::vector<uint32_t> group_begin;  // one more than the number of groups
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
// so about a sixteenth of the postings is in memory at once, not all of them
// (16 bytes each: they were the peak of the doc scan). Within a round, buckets are
// split across threads in contiguous ranges and concatenated in order; rounds
// go in bucket order, so the result depends on neither.
Groups IndexedGroups(const ShingleSets& fingerprints, uint32_t max_postings, int threads) {
  constexpr int kBucketBits = 12;
  constexpr size_t kBuckets = size_t{1} << kBucketBits;
  constexpr uint64_t kMinRoundPostings = uint64_t{1} << 20;
  constexpr uint64_t kMaxRounds = 16;
  std::vector<uint64_t> bucket_begin(kBuckets + 1, 0);
  fingerprints.ForEach([&](uint32_t, std::span<const uint64_t> f) {
    for (uint64_t fp : f) ++bucket_begin[(fp >> (64 - kBucketBits)) + 1];
  });
  for (size_t b = 0; b < kBuckets; ++b) bucket_begin[b + 1] += bucket_begin[b];
  // Positions are 32-bit: 2^32 postings would take 32 GB of fingerprints.
  assert(bucket_begin[kBuckets] < std::numeric_limits<uint32_t>::max());
  // Round r covers buckets [round_begin[r], round_begin[r + 1]): as many
  // whole buckets as fit the round's postings (at least one). About
  // kMaxRounds rounds at most, so the passes over the fingerprints stay few.
  const uint64_t round_postings =
      std::max(kMinRoundPostings, bucket_begin[kBuckets] / kMaxRounds + 1);
  std::vector<size_t> round_begin{0};
  for (size_t b = 1; b < kBuckets; ++b) {
    if (bucket_begin[b + 1] - bucket_begin[round_begin.back()] > round_postings) {
      round_begin.push_back(b);
    }
  }
  round_begin.push_back(kBuckets);
  std::vector<std::pair<uint64_t, uint32_t>> postings;
  std::vector<Groups> parts(static_cast<size_t>(threads));
  Groups all;
  for (size_t r = 0; r + 1 < round_begin.size(); ++r) {
    const size_t first_bucket = round_begin[r];
    const size_t last_bucket = round_begin[r + 1];
    const uint64_t base = bucket_begin[first_bucket];
    postings.resize(bucket_begin[last_bucket] - base);
    {
      std::vector<uint64_t> fill(bucket_begin.begin() + static_cast<ptrdiff_t>(first_bucket),
                                 bucket_begin.begin() + static_cast<ptrdiff_t>(last_bucket));
      fingerprints.ForEach([&](uint32_t u, std::span<const uint64_t> f) {
        // f is sorted: the round's fingerprints are one contiguous range.
        auto it = std::lower_bound(f.begin(), f.end(), uint64_t{first_bucket}
                                                           << (64 - kBucketBits));
        for (; it != f.end(); ++it) {
          const size_t b = *it >> (64 - kBucketBits);
          if (b >= last_bucket) break;
          postings[fill[b - first_bucket]++ - base] = {*it, u};
        }
      });
    }
    for (Groups& part : parts) {
      part.members.clear();
      part.group_begin.clear();
    }
    internal::RunOnChunks(last_bucket - first_bucket, threads, [&](size_t t, size_t lo, size_t hi) {
      Groups& out = parts[t];
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
          if (size >= 2 && size <= max_postings) {
            out.group_begin.push_back(static_cast<uint32_t>(out.members.size()));
            for (auto x = g; x != e; ++x) out.members.push_back(x->second);
          }
          g = e;
        }
      }
    });
    for (const Groups& part : parts) {
      const uint32_t shift = static_cast<uint32_t>(all.members.size());
      for (uint32_t gb : part.group_begin) all.group_begin.push_back(gb + shift);
      all.members.insert(all.members.end(), part.members.begin(), part.members.end());
    }
  }
  all.group_begin.push_back(static_cast<uint32_t>(all.members.size()));
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
  const Groups groups = IndexedGroups(fingerprints, options.max_postings, threads);
  // For each unit, the ranges of members[] that follow it in its groups: its
  // partners v > u. Shared fingerprints are then counted per unit u in a
  // dense counter, never as one entry per (fingerprint, pair): that list
  // would hold sum C(postings, 2) entries, 240M for 50 stories reprinted 200
  // times each (tests/blowup_test.cc).
  std::vector<uint64_t> offsets(static_cast<size_t>(n) + 1, 0);
  const size_t num_groups = groups.group_begin.size() - 1;
  for (size_t g = 0; g < num_groups; ++g) {
    for (uint32_t x = groups.group_begin[g]; x + 1 < groups.group_begin[g + 1]; ++x) {
      ++offsets[groups.members[x] + 1];
    }
  }
  for (uint32_t u = 0; u < n; ++u) offsets[u + 1] += offsets[u];
  std::vector<std::pair<uint32_t, uint32_t>> partners(offsets[n]);  // [from, to) in members
  {
    std::vector<uint64_t> fill(offsets.begin(), offsets.end() - 1);
    for (size_t g = 0; g < num_groups; ++g) {
      const uint32_t end = groups.group_begin[g + 1];
      for (uint32_t x = groups.group_begin[g]; x + 1 < end; ++x) {
        partners[fill[groups.members[x]]++] = {x + 1, end};
      }
    }
  }
  // The fewest shared fingerprints a pair needs is
  // max(1, floor(slack * threshold * min(|u|, |v|))) = min(need[u], need[v]):
  // floor and the product are monotone in the size (and for a factor <= 0
  // or NaN both sides are 1). Looking it up in one array instead of each
  // partner's fingerprint vector saves a cache miss per partner.
  std::vector<double> need(n);
  for (uint32_t u = 0; u < n; ++u) {
    need[u] = std::max(
        1.0, std::floor(options.slack * threshold * static_cast<double>(fingerprints.set_size(u))));
  }
  // Units are split across threads in contiguous ranges, each with its own
  // counter; the parts are concatenated in unit order.
  std::vector<std::vector<CandidatePair>> parts(static_cast<size_t>(threads));
  internal::RunOnChunks(n, threads, [&](size_t t, size_t begin, size_t end) {
    std::vector<CandidatePair>& out = parts[t];
    const uint32_t first = static_cast<uint32_t>(begin);
    const uint32_t last = static_cast<uint32_t>(end);
    std::vector<uint32_t> shared(n, 0);
    std::vector<uint32_t> touched;
    for (uint32_t u = first; u < last; ++u) {
      touched.clear();
      for (uint64_t k = offsets[u]; k < offsets[u + 1]; ++k) {
        for (uint32_t y = partners[k].first; y < partners[k].second; ++y) {
          const uint32_t v = groups.members[y];
          if (shared[v]++ == 0) touched.push_back(v);
        }
      }
      std::sort(touched.begin(), touched.end());
      const double need_u = need[u];
      for (uint32_t v : touched) {
        if (static_cast<double>(shared[v]) >= std::min(need_u, need[v])) out.push_back({u, v});
        shared[v] = 0;
      }
    }
  });
  std::vector<CandidatePair> out = std::move(parts[0]);
  for (size_t t = 1; t < parts.size(); ++t) out.insert(out.end(), parts[t].begin(), parts[t].end());
  return out;
}

}  // namespace reprint

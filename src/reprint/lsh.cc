#include "reprint/lsh.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <limits>
#include <utility>

#include "reprint/internal/first_equal.h"
#include "reprint/internal/threads.h"
#include "xxhash.h"

namespace reprint {
namespace {

// Trapezoid rule on [lo, hi] with `steps` intervals.
template <typename F>
double Integrate(F f, double lo, double hi, int steps = 200) {
  if (hi <= lo) return 0;
  const double h = (hi - lo) / steps;
  double sum = 0.5 * (f(lo) + f(hi));
  for (int i = 1; i < steps; ++i) sum += f(lo + i * h);
  return sum * h;
}

}  // namespace

double LshParams::CandidateProbability(double j) const {
  return 1.0 - std::pow(1.0 - std::pow(j, rows), bands);
}

double LshParams::RecallPoint(double threshold) {
  return std::min(threshold + 0.1, (1.0 + threshold) / 2.0);
}

LshParams LshParams::ForThreshold(double threshold, int num_perm, double min_recall) {
  const double at = RecallPoint(threshold);
  LshParams best{1, 1};
  bool best_meets = false;
  double best_fp = std::numeric_limits<double>::infinity();
  double best_recall = -1;
  for (int r = 1; r <= num_perm; ++r) {
    for (int b = 1; b * r <= num_perm; ++b) {
      const LshParams p{b, r};
      const double recall = p.CandidateProbability(at);
      const bool meets = recall >= min_recall;
      if (!meets) {
        if (!best_meets && recall > best_recall + 1e-12) {
          best = p;
          best_recall = recall;
        }
        continue;
      }
      // Within one r, more bands only add false positives: take the fewest.
      const double fp =
          Integrate([&](double s) { return p.CandidateProbability(s); }, 0.0, threshold);
      if (!best_meets || fp < best_fp - 1e-12) {
        best = p;
        best_fp = fp;
        best_meets = true;
      }
      break;
    }
  }
  return best;
}

absl::Status LshParams::Validate(int num_perm) const {
  if (bands < 1 || rows < 1 || bands * rows > num_perm) {
    return absl::InvalidArgumentError("bands (" + std::to_string(bands) + ") x rows (" +
                                      std::to_string(rows) + ") must be >= 1 and <= num_perm (" +
                                      std::to_string(num_perm) + ")");
  }
  return absl::OkStatus();
}

void BandKeys(std::span<const uint32_t> signature, const LshParams& p, uint64_t seed,
              uint64_t* out) {
  for (int band = 0; band < p.bands; ++band) {
    out[band] = XXH3_64bits_withSeed(signature.data() + band * p.rows,
                                     sizeof(uint32_t) * static_cast<size_t>(p.rows),
                                     seed + static_cast<uint64_t>(band));
  }
}

namespace {

// Twins: units whose keys agree in every band (copies of one text have equal
// signatures). They share a bucket in every band, so the per-band listing
// gave each pair of them once per band: on the 100 MB paragraph corpus 12M
// of the 15M pairs listed were pairs of twins, 0.54M of them distinct. Bands
// list no pair of twins; each band notes what it would have listed (all
// pairs of a group, or the star from its first unit), and each group's
// pairs are listed once at the end. A group stands in each band's column
// once, by its first unit, weighed by its size (a bucket's size counts
// units, as before), and its pairs with other units are listed member by
// member: the column is a third shorter at 1 GB (5.5M units, 3.7M groups
// and single units), and scattering it was most of the stage.
struct Twins {
  // first[u]: the smallest unit with u's keys (u itself if it has no twin);
  // empty if no unit has a twin.
  std::vector<uint32_t> first;
  // Groups of two or more twins, each in unit order: members[begin[g],
  // begin[g + 1]); groups in order of their first unit.
  std::vector<uint32_t> members;
  std::vector<size_t> begin{0};
  // group[u]: the group whose first unit is u, or kNoGroup (u has no twin,
  // or is not its group's first); empty if no unit has a twin.
  std::vector<uint32_t> group;
  bool any() const { return !members.empty(); }
};

constexpr uint32_t kNoGroup = UINT32_MAX;

Twins FindTwins(const BandKeyTable& keys, int threads) {
  Twins t;
  const uint32_t num_units = keys.size();
  // A hash of each unit's keys, a band at a time (each band's keys lie
  // together); units with equal hashes are then compared key by key, so
  // the hash decides nothing but the work.
  std::vector<uint32_t> hashes(num_units, 0);
  for (int b = 0; b < keys.bands(); ++b) {
    const std::span<const uint64_t> column = keys.band(b);
    for (uint32_t u = 0; u < num_units; ++u) {
      uint64_t h = (hashes[u] ^ column[u]) * 0x9E3779B97F4A7C15ULL;
      hashes[u] = static_cast<uint32_t>(h >> 32);
    }
  }
  t.first = internal::FirstOfEqual(
      hashes,
      [&](uint32_t u, uint32_t v) {
        for (int b = 0; b < keys.bands(); ++b) {
          if (keys.key(u, b) != keys.key(v, b)) return false;
        }
        return true;
      },
      threads);
  if (t.first.empty()) return t;
  // Groups of two or more, in order of their first unit: a counting sort.
  std::vector<uint32_t> count(num_units, 0);
  for (uint32_t u = 0; u < num_units; ++u) ++count[t.first[u]];
  std::vector<size_t> at(num_units, 0);  // where group u's members go
  t.group.assign(num_units, kNoGroup);
  for (uint32_t u = 0; u < num_units; ++u) {
    if (t.first[u] == u && count[u] >= 2) {
      t.group[u] = static_cast<uint32_t>(t.begin.size() - 1);
      at[u] = t.members.size();
      t.members.resize(t.members.size() + count[u]);
      t.begin.push_back(t.members.size());
    }
  }
  for (uint32_t u = 0; u < num_units; ++u) {
    if (count[t.first[u]] >= 2) t.members[at[t.first[u]]++] = u;
  }
  return t;
}

// What the bands would have listed of a group of twins, noted at its first
// unit: kAllPairs (a bucket within the all-pairs limit) or kStar (a larger
// bucket whose first unit is the group's).
constexpr uint8_t kAllPairs = 1;
constexpr uint8_t kStar = 2;

// One entry of a band's column: a unit without twins, or the first unit of
// a group of twins (`group`, else kNoGroup).
struct Entry {
  uint64_t key;
  uint32_t unit;
  uint32_t group;
};

// A thread's buffers for BandPairs, kept from band to band.
struct BandScratch {
  std::vector<Entry> column, parted, grouped;
  std::vector<uint32_t> part_end, fill;
};

// The bins are reached in two steps when there are many (kSplitBits or
// more bits): the column is first scattered into 2^kPartitionBits
// partitions by the keys' top bits, a scatter to 256 places that each fill
// in order, and then each partition, small enough to stay in cache, into
// its bins by the next bits. Scattering a large column straight into its
// bins missed the cache on every entry (40% of the stage at 100 MB), which
// is also why bins were once capped at 2^16, 56 units each at 1 GB.
constexpr int kPartitionBits = 8;
constexpr int kSplitBits = 12;
constexpr int kMaxBinBits = 24;

// Each band's (key, unit) column is grouped by scattering it into 2^bits bins
// by the keys' top bits (unit order is kept inside a bin) and sorting each
// small bin, instead of sorting the whole column: a few linear passes per
// band where std::sort took 20. About 4 to 8 units per bin.
int BinBits(uint32_t num_units) {
  return std::clamp(static_cast<int>(std::bit_width(num_units)) - 3, 1, kMaxBinBits);
}

// Appends the pairs of the buckets in one bin [first, last) of a band's
// column (sorting it by key, then unit), but no pair of twins: see BandPairs.
void BinPairs(Entry* first, Entry* last, const LshOptions& options, const Twins& twins,
              std::vector<uint8_t>& seen, std::vector<CandidatePair>& out) {
  // The units an entry stands for, in order.
  auto units_of = [&twins](const Entry& e) {
    if (e.group == kNoGroup) return std::span<const uint32_t>(&e.unit, 1);
    return std::span<const uint32_t>(twins.members.data() + twins.begin[e.group],
                                     twins.begin[e.group + 1] - twins.begin[e.group]);
  };
  auto weight = [&twins](const Entry& e) -> size_t {
    return e.group == kNoGroup ? 1 : twins.begin[e.group + 1] - twins.begin[e.group];
  };
  std::sort(first, last, [](const Entry& x, const Entry& y) {
    return x.key != y.key ? x.key < y.key : x.unit < y.unit;
  });
  for (Entry* g = first; g != last;) {
    Entry* e = g + 1;
    size_t size = weight(*g);
    while (e != last && e->key == g->key) size += weight(*e++);
    if (size >= 2) {
      if (size <= options.max_bucket_all_pairs) {
        for (Entry* x = g; x != e; ++x) {
          if (!seen.empty()) seen[x->unit] |= kAllPairs;
          for (Entry* y = x + 1; y != e; ++y) {
            for (const uint32_t u : units_of(*x)) {
              for (const uint32_t v : units_of(*y)) {
                out.push_back({std::min(u, v), std::max(u, v)});
              }
            }
          }
        }
      } else {
        // g is the bucket's smallest unit: every unit of the others is
        // larger, and g is the first of its twins.
        if (!seen.empty()) seen[g->unit] |= kStar;
        for (Entry* y = g + 1; y != e; ++y) {
          for (const uint32_t v : units_of(*y)) out.push_back({g->unit, v});
        }
      }
    }
    g = e;
  }
}

// Scatters `in` to out[0, in.size()) by bucket_of(key), in bucket order and
// keeping their order within a bucket (a counting sort); ends[b] is then
// where bucket b ends and bucket b + 1 begins.
template <typename BucketOf>
void ScatterByKey(std::span<const Entry> in, size_t buckets, BucketOf bucket_of,
                  std::vector<uint32_t>& ends, Entry* out) {
  ends.assign(buckets, 0);
  for (const Entry& entry : in) ++ends[bucket_of(entry.key)];
  uint32_t sum = 0;
  for (uint32_t& e : ends) sum += std::exchange(e, sum);
  for (const Entry& entry : in) out[ends[bucket_of(entry.key)]++] = entry;
}

// Appends the pairs of one band to `out`, but no pair of twins: those are
// noted in `seen` (indexed by first unit; empty when there are no twins).
void BandPairs(const BandKeyTable& keys, int band, const LshOptions& options, const Twins& twins,
               BandScratch& scratch, std::vector<uint8_t>& seen, std::vector<CandidatePair>& out) {
  const uint32_t num_units = keys.size();
  const int bits = BinBits(num_units);
  const int outer = bits >= kSplitBits ? kPartitionBits : 0;  // partition bits
  const int inner = bits - outer;                             // bin bits within one
  const std::span<const uint64_t> band_keys = keys.band(band);
  std::vector<Entry>& column = scratch.column;
  column.clear();
  for (uint32_t i = 0; i < num_units; ++i) {
    if (twins.any() && twins.first[i] != i) continue;  // its group's first stands for it
    column.push_back({band_keys[i], i, twins.any() ? twins.group[i] : kNoGroup});
  }
  // The column in partitions (the column itself when there is one); then
  // part_end[q] is where partition q ends.
  std::vector<uint32_t>& part_end = scratch.part_end;
  std::span<const Entry> parted(column);
  if (outer > 0) {
    auto part_of = [outer](uint64_t key) { return key >> (64 - outer); };
    scratch.parted.resize(column.size());
    ScatterByKey(column, size_t{1} << outer, part_of, part_end, scratch.parted.data());
    parted = scratch.parted;
  } else {
    part_end.assign(1, static_cast<uint32_t>(column.size()));
  }
  std::vector<Entry>& grouped = scratch.grouped;  // one partition at a time
  std::vector<uint32_t>& fill = scratch.fill;
  uint32_t largest = 0;
  for (uint32_t q = 0, from = 0; q < part_end.size(); from = part_end[q++]) {
    largest = std::max(largest, part_end[q] - from);
  }
  grouped.resize(largest);
  const size_t num_bins = size_t{1} << inner;
  const int shift = 64 - inner;
  auto bin_of = [outer, shift](uint64_t key) { return (key << outer) >> shift; };
  size_t part_begin = 0;
  for (const uint32_t part_stop : part_end) {
    const std::span<const Entry> part = parted.subspan(part_begin, part_stop - part_begin);
    part_begin = part_stop;
    if (part.empty()) continue;
    ScatterByKey(part, num_bins, bin_of, fill, grouped.data());
    // Now fill[b] is where bin b ends and bin b + 1 begins.
    size_t begin = 0;
    for (size_t b = 0; b < num_bins; ++b) {
      const size_t end = fill[b];
      // A lone unit has no pair; a lone group of twins notes its bucket.
      if (end - begin >= 2 || (end > begin && grouped[begin].group != kNoGroup)) {
        BinPairs(grouped.data() + begin, grouped.data() + end, options, twins, seen, out);
      }
      begin = end;
    }
  }
}

// The pairs of twins the bands would have listed, sorted.
std::vector<CandidatePair> TwinPairs(const Twins& twins, std::span<const uint8_t> seen) {
  std::vector<CandidatePair> out;
  for (size_t g = 0; g + 1 < twins.begin.size(); ++g) {
    const uint32_t* m = twins.members.data() + twins.begin[g];
    const size_t size = twins.begin[g + 1] - twins.begin[g];
    if (seen[m[0]] & kAllPairs) {
      for (size_t x = 0; x < size; ++x) {
        for (size_t y = x + 1; y < size; ++y) out.push_back({m[x], m[y]});
      }
    } else if (seen[m[0]] & kStar) {
      for (size_t y = 1; y < size; ++y) out.push_back({m[0], m[y]});
    }
  }
  SortUnique(out);
  return out;
}

}  // namespace

BandKeyTable::BandKeyTable(int bands, size_t capacity)
    : bands_(bands),
      capacity_(capacity),
      keys_(std::make_unique_for_overwrite<uint64_t[]>(static_cast<size_t>(bands) * capacity)) {}

void BandKeyTable::Add(std::span<const uint64_t> keys) {
  assert(keys.size() == static_cast<size_t>(bands_) && size_ < capacity_);
  for (int b = 0; b < bands_; ++b) keys_[static_cast<size_t>(b) * capacity_ + size_] = keys[b];
  ++size_;
}

void BandKeyTable::AddCopyOf(uint32_t u) {
  assert(u < size_ && size_ < capacity_);
  for (int b = 0; b < bands_; ++b) {
    keys_[static_cast<size_t>(b) * capacity_ + size_] = key(u, b);
  }
  ++size_;
}

std::vector<CandidatePair> LshCandidates(std::span<const uint64_t> keys, uint32_t num_units,
                                         const LshParams& p, const LshOptions& options) {
  BandKeyTable table(p.bands, num_units);
  for (uint32_t i = 0; i < num_units; ++i) {
    table.Add(keys.subspan(static_cast<size_t>(i) * p.bands, static_cast<size_t>(p.bands)));
  }
  return LshCandidates(table, p, options);
}

std::vector<CandidatePair> LshCandidates(const BandKeyTable& keys, const LshParams& p,
                                         const LshOptions& options) {
  assert(keys.bands() == p.bands);
  const uint32_t num_units = keys.size();
  const int threads = std::max(1, std::min(options.threads, p.bands));
  const Twins twins = FindTwins(keys, options.threads);
  std::vector<std::vector<CandidatePair>> parts(static_cast<size_t>(threads));
  std::vector<std::vector<uint8_t>> seen(static_cast<size_t>(threads));
  // The pairs a thread's bands listed, sorted and without duplicates, and
  // the pairs its latest bands added. Once these outnumber about four per
  // unit they are sorted on their own and merged in (a linear pass), which
  // bounds memory by the duplicates across bands. Sorting the whole list
  // each time instead, once the distinct pairs alone passed that bound
  // (37M at 1 GB), re-sorted all of them after every band: 11% of a 1 GB
  // paragraph scan.
  const size_t bound = 4 * static_cast<size_t>(num_units) + (size_t{1} << 20);
  auto work = [&](int t) {
    BandScratch scratch;
    std::vector<uint8_t>& s = seen[static_cast<size_t>(t)];
    if (twins.any()) s.assign(num_units, 0);
    std::vector<CandidatePair>& merged = parts[static_cast<size_t>(t)];
    std::vector<CandidatePair> added;
    auto merge = [&] {
      SortUnique(added);
      merged = merged.empty() ? std::move(added) : MergeCandidates(merged, added);
      added = {};
    };
    for (int band = t; band < p.bands; band += threads) {
      BandPairs(keys, band, options, twins, scratch, s, added);
      if (added.size() > bound) merge();
    }
    merge();
  };
  internal::RunOnThreads(threads, work);
  std::vector<CandidatePair> out = std::move(parts[0]);
  for (size_t t = 1; t < parts.size(); ++t) out = MergeCandidates(out, parts[t]);
  if (twins.any()) {
    for (size_t t = 1; t < seen.size(); ++t) {
      for (uint32_t u = 0; u < num_units; ++u) seen[0][u] |= seen[t][u];
    }
    out = MergeCandidates(out, TwinPairs(twins, seen[0]));
  }
  return out;
}

}  // namespace reprint

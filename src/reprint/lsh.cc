#include "reprint/lsh.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <utility>

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

// Each band's (key, unit) column is grouped by scattering it into 2^bits bins
// by the keys' top bits (unit order is kept inside a bin) and sorting each
// small bin, instead of sorting the whole column: a few linear passes per
// band where std::sort took 20. About 4 to 8 units per bin.
int BinBits(uint32_t num_units) {
  return std::clamp(static_cast<int>(std::bit_width(num_units)) - 3, 1, 16);
}

// Appends the pairs of one band to `out`.
void BandPairs(std::span<const uint64_t> keys, uint32_t num_units, const LshParams& p, int band,
               const LshOptions& options, std::vector<std::pair<uint64_t, uint32_t>>& column,
               std::vector<std::pair<uint64_t, uint32_t>>& grouped, std::vector<uint32_t>& fill,
               std::vector<CandidatePair>& out) {
  const int bits = BinBits(num_units);
  const size_t num_bins = size_t{1} << bits;
  const int shift = 64 - bits;
  fill.assign(num_bins, 0);
  column.resize(num_units);
  for (uint32_t i = 0; i < num_units; ++i) {
    const uint64_t key = keys[static_cast<size_t>(i) * p.bands + band];
    column[i] = {key, i};
    ++fill[key >> shift];
  }
  uint32_t sum = 0;
  for (size_t b = 0; b < num_bins; ++b) sum += std::exchange(fill[b], sum);
  grouped.resize(num_units);
  for (const auto& entry : column) grouped[fill[entry.first >> shift]++] = entry;
  // Now fill[b] is where bin b ends and bin b + 1 begins.
  size_t begin = 0;
  for (size_t b = 0; b < num_bins; ++b) {
    const size_t end = fill[b];
    if (end - begin < 2) {
      begin = end;
      continue;
    }
    const auto first = grouped.begin() + static_cast<ptrdiff_t>(begin);
    const auto last = grouped.begin() + static_cast<ptrdiff_t>(end);
    std::sort(first, last);
    for (auto g = first; g != last;) {
      auto e = g + 1;
      while (e != last && e->first == g->first) ++e;
      const size_t size = static_cast<size_t>(e - g);
      if (size >= 2) {
        if (size <= options.max_bucket_all_pairs) {
          for (auto x = g; x != e; ++x) {
            for (auto y = x + 1; y != e; ++y) out.push_back({x->second, y->second});
          }
        } else {
          for (auto y = g + 1; y != e; ++y) out.push_back({g->second, y->second});
        }
      }
      g = e;
    }
    begin = end;
  }
  // Keep memory bounded by duplicates across bands.
  if (out.size() > 4 * static_cast<size_t>(num_units) + (1u << 20)) SortUnique(out);
}

}  // namespace

std::vector<CandidatePair> LshCandidates(std::span<const uint64_t> keys, uint32_t num_units,
                                         const LshParams& p, const LshOptions& options) {
  const int threads = std::max(1, std::min(options.threads, p.bands));
  std::vector<std::vector<CandidatePair>> parts(static_cast<size_t>(threads));
  auto work = [&](int t) {
    std::vector<std::pair<uint64_t, uint32_t>> column, grouped;
    std::vector<uint32_t> fill;
    for (int band = t; band < p.bands; band += threads) {
      BandPairs(keys, num_units, p, band, options, column, grouped, fill,
                parts[static_cast<size_t>(t)]);
    }
    SortUnique(parts[static_cast<size_t>(t)]);
  };
  internal::RunOnThreads(threads, work);
  std::vector<CandidatePair> out = std::move(parts[0]);
  for (size_t t = 1; t < parts.size(); ++t) out = MergeCandidates(out, parts[t]);
  return out;
}

}  // namespace reprint

#include "reprint/lsh.h"

#include <algorithm>
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

// Appends the pairs of one band to `out`.
void BandPairs(std::span<const uint64_t> keys, uint32_t num_units, const LshParams& p, int band,
               const LshOptions& options, std::vector<std::pair<uint64_t, uint32_t>>& column,
               std::vector<CandidatePair>& out) {
  column.resize(num_units);
  for (uint32_t i = 0; i < num_units; ++i) {
    column[i] = {keys[static_cast<size_t>(i) * p.bands + band], i};
  }
  std::sort(column.begin(), column.end());
  for (size_t g = 0; g < column.size();) {
    size_t e = g + 1;
    while (e < column.size() && column[e].first == column[g].first) ++e;
    const size_t size = e - g;
    if (size >= 2) {
      if (size <= options.max_bucket_all_pairs) {
        for (size_t x = g; x < e; ++x) {
          for (size_t y = x + 1; y < e; ++y) out.push_back({column[x].second, column[y].second});
        }
      } else {
        for (size_t y = g + 1; y < e; ++y) out.push_back({column[g].second, column[y].second});
      }
    }
    g = e;
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
    std::vector<std::pair<uint64_t, uint32_t>> column;
    for (int band = t; band < p.bands; band += threads) {
      BandPairs(keys, num_units, p, band, options, column, parts[static_cast<size_t>(t)]);
    }
    SortUnique(parts[static_cast<size_t>(t)]);
  };
  internal::RunOnThreads(threads, work);
  std::vector<CandidatePair> out = std::move(parts[0]);
  for (size_t t = 1; t < parts.size(); ++t) out = MergeCandidates(out, parts[t]);
  return out;
}

}  // namespace reprint

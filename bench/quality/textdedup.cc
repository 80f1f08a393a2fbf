#include "bench/quality/textdedup.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "xxhash.h"

namespace reprint::bench {
namespace {

constexpr uint64_t kMersenne61 = (1ull << 61) - 1;

uint64_t SplitMix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// (a*h + b) mod 2^61-1.
uint64_t Permute(uint64_t a, uint64_t b, uint64_t h) {
  const unsigned __int128 x = static_cast<unsigned __int128>(a) * h + b;
  uint64_t r = static_cast<uint64_t>(x & kMersenne61) + static_cast<uint64_t>(x >> 61);
  r = (r & kMersenne61) + (r >> 61);
  return r >= kMersenne61 ? r - kMersenne61 : r;
}

template <typename F>
double Integrate(F f, double lo, double hi, int steps = 200) {
  if (hi <= lo) return 0;
  const double h = (hi - lo) / steps;
  double sum = 0.5 * (f(lo) + f(hi));
  for (int i = 1; i < steps; ++i) sum += f(lo + i * h);
  return sum * h;
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The distinct n-gram hashes of one text (32 bits each).
std::vector<uint32_t> NgramHashes(std::string_view text, const TextDedupOptions& o) {
  std::vector<std::string> tokens;
  std::string cur;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsWordByte(c)) {
      cur.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : ch);
    } else {
      tokens.push_back(cur);  // empty strings too, as re.split gives them
      cur.clear();
    }
  }
  tokens.push_back(cur);
  std::vector<uint32_t> out;
  if (static_cast<int>(tokens.size()) < o.min_length) return out;
  const size_t n = static_cast<size_t>(o.ngram);
  const size_t count = tokens.size() < n ? 1 : tokens.size() - n + 1;
  std::string gram;
  for (size_t i = 0; i < count; ++i) {
    gram.clear();
    for (size_t k = i; k < std::min(tokens.size(), i + n); ++k) {
      if (k > i) gram.push_back(' ');
      gram += tokens[k];
    }
    out.push_back(static_cast<uint32_t>(XXH3_64bits(gram.data(), gram.size())));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

uint32_t Find(std::vector<uint32_t>& parent, uint32_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

std::pair<int, int> OptimalParam(double threshold, int num_perm) {
  double best = std::numeric_limits<double>::infinity();
  std::pair<int, int> opt{0, 0};
  for (int b = 1; b <= num_perm; ++b) {
    for (int r = 1; r <= num_perm / b; ++r) {
      auto p = [&](double s) { return 1.0 - std::pow(1.0 - std::pow(s, r), b); };
      const double fp = Integrate(p, 0.0, threshold);
      const double fn = Integrate([&](double s) { return 1.0 - p(s); }, threshold, 1.0);
      const double error = 0.5 * fp + 0.5 * fn;
      if (error < best) {
        best = error;
        opt = {b, r};
      }
    }
  }
  return opt;
}

std::vector<std::vector<uint32_t>> TextDedupClusters(const std::vector<std::string_view>& texts,
                                                     const TextDedupOptions& o) {
  const auto [bands, rows] = OptimalParam(o.threshold, o.num_perm);
  uint64_t state = o.seed;
  std::vector<uint64_t> a(o.num_perm), b(o.num_perm);
  for (int k = 0; k < o.num_perm; ++k) {
    a[k] = 1 + SplitMix(state) % (kMersenne61 - 1);
    b[k] = SplitMix(state) % kMersenne61;
  }
  const uint32_t n = static_cast<uint32_t>(texts.size());
  // keys[band * n + doc]; documents without n-grams get no keys.
  std::vector<std::pair<uint64_t, uint32_t>> keys;
  keys.reserve(static_cast<size_t>(n) * bands);
  std::vector<uint32_t> sig(o.num_perm);
  for (uint32_t d = 0; d < n; ++d) {
    const std::vector<uint32_t> hashes = NgramHashes(texts[d], o);
    if (hashes.empty()) continue;
    std::fill(sig.begin(), sig.end(), std::numeric_limits<uint32_t>::max());
    for (uint32_t h : hashes) {
      for (int k = 0; k < o.num_perm; ++k) {
        const auto v = static_cast<uint32_t>(Permute(a[k], b[k], h));
        sig[k] = std::min(sig[k], v);
      }
    }
    for (int band = 0; band < bands; ++band) {
      const uint64_t key = XXH3_64bits_withSeed(sig.data() + band * rows, sizeof(uint32_t) * rows,
                                                static_cast<uint64_t>(band));
      keys.push_back({key ^ (static_cast<uint64_t>(band) * 0x9E3779B97F4A7C15ull), d});
    }
  }
  std::sort(keys.begin(), keys.end());
  std::vector<uint32_t> parent(n);
  for (uint32_t d = 0; d < n; ++d) parent[d] = d;
  for (size_t i = 0; i < keys.size();) {
    size_t j = i + 1;
    while (j < keys.size() && keys[j].first == keys[i].first) ++j;
    for (size_t k = i + 1; k < j; ++k) {
      const uint32_t x = Find(parent, keys[i].second), y = Find(parent, keys[k].second);
      if (x != y) parent[std::max(x, y)] = std::min(x, y);
    }
    i = j;
  }
  std::vector<std::vector<uint32_t>> groups(n);
  for (uint32_t d = 0; d < n; ++d) groups[Find(parent, d)].push_back(d);
  std::vector<std::vector<uint32_t>> out;
  for (auto& g : groups) {
    if (g.size() >= 2) out.push_back(std::move(g));
  }
  return out;
}

}  // namespace reprint::bench

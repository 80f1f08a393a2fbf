#include "reprint/scan.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <barrier>
#include <cassert>
#include <chrono>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <tuple>
#include <utility>

#include "absl/container/inlined_vector.h"
#include "reprint/document_text.h"
#include "reprint/internal/first_equal.h"
#include "reprint/internal/hash_sort.h"
#include "reprint/internal/threads.h"
#include "reprint/link_prune.h"
#include "reprint/minhash.h"
#include "xxhash.h"

namespace reprint {
namespace {

using Clock = std::chrono::steady_clock;

// Serializes progress events from worker threads and sends at most one every
// 1/16 of a second (plus the last one of each stage).
class ProgressReporter {
 public:
  explicit ProgressReporter(const ProgressFn& fn) : fn_(fn) {}

  void Update(std::string_view stage, uint64_t done, uint64_t total, uint64_t bytes) {
    if (!fn_) return;
    std::unique_lock<std::mutex> lock(mu_, std::try_to_lock);
    if (!lock.owns_lock()) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(62)) return;
    last_ = now;
    fn_(ProgressEvent{stage, done, total, bytes, false});
  }

  void Finish(std::string_view stage, uint64_t done, uint64_t total, uint64_t bytes) {
    if (!fn_) return;
    std::lock_guard<std::mutex> lock(mu_);
    fn_(ProgressEvent{stage, done, total, bytes, true});
  }

 private:
  const ProgressFn& fn_;
  std::mutex mu_;
  Clock::time_point last_{};
};

class StageTimer {
 public:
  explicit StageTimer(ScanStats* stats) : stats_(stats), start_(Clock::now()) {}
  void Done(const char* stage) {
    const auto now = Clock::now();
    stats_->stage_seconds.emplace_back(stage, std::chrono::duration<double>(now - start_).count());
    start_ = now;
  }

 private:
  ScanStats* stats_;
  Clock::time_point start_;
};

// What the per-unit stages produce for one kept unit. Scan holds one pointer
// per segmented unit and allocates a record only for units that are kept, so
// ten million one-word paragraphs cost 80 MB of pointers, not 880 MB of
// empty records.
struct UnitFeatures {
  std::vector<uint64_t> set;           // sorted unique shingles
  // LSH keys, one per band: inline up to 32 bands (22 by default), which
  // spares an allocation per unit.
  absl::InlinedVector<uint64_t, 32> band_keys;
  std::vector<uint64_t> fingerprints;  // winnowed, for containment candidates
  std::vector<uint64_t> stock;         // boilerplate.stock_ratio: stock shingles of `set`
  uint64_t shingles = 0;
  uint32_t worker = 0;  // the signing worker that made the record (see Scan's `spent`)
};

// For each unit, the first unit of its kind with the same bytes (see
// ScanOptions::compute_equal_units_once); empty when none repeats or when
// that is off. Doc units are not compared: equal documents are rare and
// a doc unit's text is found only when it is computed.
std::vector<uint32_t> FirstEqualUnits(const std::vector<Document>& documents,
                                      const std::vector<Unit>& all, const ScanOptions& options) {
  if (!options.compute_equal_units_once || options.unit == UnitKind::kDoc ||
      options.boilerplate.enabled || options.normalize.dehyphenate || options.normalize.ocr_fold) {
    return {};
  }
  auto bytes_of = [&](uint32_t i) {
    return TextOf(documents[all[i].doc]).substr(all[i].span.begin, all[i].span.size());
  };
  // Only units that may be kept: a token takes at least a byte of its
  // unit, so a unit of fewer bytes than the words it needs is too short
  // (ten million one-word paragraphs cost nothing here).
  std::vector<uint32_t> may_keep;
  for (uint32_t i = 0; i < all.size(); ++i) {
    const size_t min_words = all[i].kind == UnitKind::kQuote ? 1 : options.min_words;
    if (all[i].span.size() >= min_words) may_keep.push_back(i);
  }
  std::vector<uint32_t> hashes(may_keep.size());
  internal::RunOnChunks(may_keep.size(), options.threads, [&](size_t, size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) {
      const Unit& u = all[may_keep[k]];
      const std::string_view b = bytes_of(may_keep[k]);
      hashes[k] = static_cast<uint32_t>(
          XXH3_64bits_withSeed(b.data(), b.size(), static_cast<uint64_t>(u.kind)));
    }
  });
  const std::vector<uint32_t> first = internal::FirstOfEqual(
      hashes,
      [&](uint32_t x, uint32_t y) {
        const uint32_t i = may_keep[x], j = may_keep[y];
        return all[i].kind == all[j].kind && bytes_of(i) == bytes_of(j);
      },
      options.threads);
  if (first.empty()) return {};
  std::vector<uint32_t> first_equal(all.size());
  for (uint32_t i = 0; i < all.size(); ++i) first_equal[i] = i;
  for (size_t k = 0; k < may_keep.size(); ++k) first_equal[may_keep[k]] = may_keep[first[k]];
  return first_equal;
}

}  // namespace

uint64_t DeriveSeed(uint64_t master, const char* stage) {
  return XXH3_64bits_withSeed(stage, std::strlen(stage), master);
}

absl::Status ScanOptions::Validate() const {
  if (!segment.Valid()) return absl::InvalidArgumentError("invalid segment options");
  if (absl::Status s = shingle.Validate(); !s.ok()) return s;
  if (absl::Status s = MinHashOptions{num_perm, seed}.Validate(); !s.ok()) return s;
  if (!(threshold > 0 && threshold <= 1)) {
    return absl::InvalidArgumentError("threshold must be in (0, 1]");
  }
  if ((bands == 0) != (rows == 0)) {
    return absl::InvalidArgumentError("--bands and --rows go together");
  }
  if (bands != 0) {
    if (absl::Status s = LshParams{bands, rows}.Validate(num_perm); !s.ok()) return s;
  }
  if (min_words < 1) return absl::InvalidArgumentError("min_words must be >= 1");
  if (threads < 1 || threads > 256)
    return absl::InvalidArgumentError("threads must be in [1, 256]");
  if (block_units < 1 || block_bytes < 1) {
    return absl::InvalidArgumentError("block_units and block_bytes must be >= 1");
  }
  if (absl::Status s = containment.Validate(); !s.ok()) return s;
  if (absl::Status s = boilerplate.Validate(); !s.ok()) return s;
  if (!(min_link_similarity >= 0 && min_link_similarity <= 1)) {
    return absl::InvalidArgumentError("link similarity must be in [0, 1]");
  }
  if (lsh.max_bucket_all_pairs < 2) return absl::InvalidArgumentError("max bucket must be >= 2");
  if (quote.min_words < 1) return absl::InvalidArgumentError("min_quote_words must be >= 1");
  if (absl::Status s = quote_cluster.Validate(); !s.ok()) return s;
  if (speaker.context_bytes == 0)
    return absl::InvalidArgumentError("speaker context_bytes must be > 0");
  return absl::OkStatus();
}

LshParams ScanOptions::ResolvedLsh() const {
  if (bands != 0) return LshParams{bands, rows};
  return LshParams::ForThreshold(threshold, num_perm);
}

absl::StatusOr<ScanResult> Scan(const std::vector<Document>& documents, const ScanOptions& options,
                                const ProgressFn& progress) {
  if (absl::Status s = options.Validate(); !s.ok()) return s;
  ScanResult result;
  result.options = options;
  const LshParams lsh = options.ResolvedLsh();
  result.options.bands = lsh.bands;
  result.options.rows = lsh.rows;
  ScanStats& stats = result.stats;
  StageTimer timer(&stats);
  ProgressReporter reporter(progress);

  // Segment. Quote units (reprint/quote_cluster.h) come from each document's
  // quotes, which are sorted by inner span, and keep that order among the
  // document's units (stable sort), so the k-th quote unit of a document is
  // doc_quotes[doc][k].
  const bool want_quotes = options.unit == UnitKind::kQuote ||
                           (options.unit == UnitKind::kParagraph && options.paragraph_quotes);
  std::vector<std::vector<QuoteUnit>> doc_quotes(want_quotes ? documents.size() : 0);
  // Each document's paragraphs, found on the workers, each reading the texts
  // of its documents once. A doc unit starts as the whole text; the first
  // read of it, in the per-unit stage, trims it (WholeText), so a doc scan
  // reads each text once fewer.
  std::vector<std::vector<Span>> doc_spans(options.unit == UnitKind::kDoc ? 0 : documents.size());
  if (options.unit != UnitKind::kDoc) {
    QuoteOptions quote = options.quote;
    quote.segment = options.segment;
    SpeakerOptions speaker = options.speaker;
    speaker.segment = options.segment;
    internal::RunOnChunks(documents.size(), options.threads, [&](size_t, size_t begin, size_t end) {
      for (size_t d = begin; d < end; ++d) {
        const std::string_view text = TextOf(documents[d]);
        if (options.unit == UnitKind::kParagraph) {
          doc_spans[d] = SegmentParagraphs(text, options.segment);
        }
        if (!want_quotes) continue;
        doc_quotes[d] = FindQuoteUnits(
            text, quote, speaker, options.unit == UnitKind::kParagraph ? &doc_spans[d] : nullptr);
        std::stable_sort(doc_quotes[d].begin(), doc_quotes[d].end(),
                         [](const QuoteUnit& a, const QuoteUnit& b) {
                           return std::pair(a.quote.inner.begin, a.quote.inner.end) <
                                  std::pair(b.quote.inner.begin, b.quote.inner.end);
                         });
      }
    });
  }
  std::vector<Unit> all;
  for (uint32_t d = 0; d < documents.size(); ++d) {
    stats.bytes += documents[d].size();
    if (options.unit == UnitKind::kDoc) {
      const uint32_t size = static_cast<uint32_t>(documents[d].size());
      all.push_back(Unit{d, UnitKind::kDoc, Span{0, size}});
    } else {
      const size_t first = all.size();
      if (options.unit == UnitKind::kParagraph) {
        for (const Span& s : doc_spans[d]) all.push_back(Unit{d, UnitKind::kParagraph, s});
      }
      if (want_quotes && !doc_quotes[d].empty()) {
        for (const QuoteUnit& q : doc_quotes[d])
          all.push_back(Unit{d, UnitKind::kQuote, q.quote.inner});
        std::stable_sort(all.begin() + first, all.end(), [](const Unit& a, const Unit& b) {
          return std::tuple(a.span.begin, a.span.end, a.kind) <
                 std::tuple(b.span.begin, b.span.end, b.kind);
        });
      }
    }
  }
  doc_spans.clear();
  doc_spans.shrink_to_fit();
  stats.documents = documents.size();
  timer.Done("segment");

  // Normalize, shingle, sign: independent per unit.
  ShingleOptions shingle = options.shingle;
  shingle.seed = DeriveSeed(options.seed, "shingle");
  const MinHasher hasher(MinHashOptions{options.num_perm, DeriveSeed(options.seed, "minhash")});
  const uint64_t band_seed = DeriveSeed(options.seed, "lsh");
  const bool want_fingerprints = !options.exact && options.measure != Measure::kJaccard;
  std::vector<std::unique_ptr<UnitFeatures>> features(all.size());
  // Buffers one worker reuses from unit to unit: only the kept set and
  // fingerprints are allocated per unit, at their exact size.
  struct Scratch {
    uint32_t worker = 0;  // its index
    NormalizedText norm;
    std::vector<uint64_t> seq;
    std::vector<uint64_t> fingerprints;
    std::vector<uint32_t> sig;
    internal::HashSortScratch sort;

    // Frees the buffers after a very long unit (more than 2^20 shingles or
    // tokens: 24 MB of tokens), so that they are not still held while its
    // block is kept (a 200 MB document's took 1.4 GB).
    void ReleaseIfLarge() {
      constexpr size_t kKeep = size_t{1} << 20;
      if (norm.tokens.capacity() > kKeep || seq.capacity() > kKeep ||
          fingerprints.capacity() > kKeep) {
        *this = Scratch();
      }
    }
  };
  auto sign = [&](UnitFeatures& f, Scratch& s) {
    if (options.exact) return;
    s.sig.resize(static_cast<size_t>(options.num_perm));
    hasher.Sign(f.set, s.sig.data());
    f.band_keys.resize(static_cast<size_t>(lsh.bands));
    BandKeys(s.sig, lsh, band_seed, f.band_keys.data());
  };
  // Units that repeat an earlier one: first_equal[i] is the first unit of
  // i's kind with i's bytes (empty when none repeats). A repeat is not
  // computed; keep() copies what was kept of its first. On the 1 GB
  // paragraph corpus a third of the units repeat one.
  const std::vector<uint32_t> first_equal = FirstEqualUnits(documents, all, options);
  std::atomic<uint64_t> units_done{0}, bytes_done{0};
  auto compute = [&](size_t i, Scratch& s) {
    Unit& u = all[i];
    const uint64_t done = units_done.fetch_add(1, std::memory_order_relaxed) + 1;
    const uint64_t bytes = bytes_done.fetch_add(u.span.size(), std::memory_order_relaxed);
    if ((done & 255) == 0) reporter.Update("shingle+sign", done, all.size(), bytes);
    if (!first_equal.empty() && first_equal[i] != i) return;
    const std::string_view text = TextOf(documents[u.doc]);
    // A doc unit is its text without leading and trailing white space, and
    // none when that is empty (marked by an empty span: see keep).
    if (u.kind == UnitKind::kDoc) {
      u.span = WholeText(text);
      if (u.span.size() == 0) return;
    }
    NormalizeInto(text, u.span, options.normalize, &s.norm);
    // Quotes were filtered by their own word count (options.quote.min_words).
    const int min_words = u.kind == UnitKind::kQuote ? 1 : options.min_words;
    if (s.norm.tokens.size() < static_cast<size_t>(min_words)) return;
    ShingleInto(s.norm, shingle, &s.seq);
    if (s.seq.empty()) return;
    features[i] = std::make_unique<UnitFeatures>();
    UnitFeatures& f = *features[i];
    f.shingles = s.seq.size();
    f.worker = s.worker;
    if (want_fingerprints) {
      WinnowInto(s.seq, options.containment.window, &s.fingerprints);
      // Exact size: kept to the end.
      f.fingerprints.assign(s.fingerprints.begin(), s.fingerprints.end());
    }
    internal::SortHashes(s.seq, s.sort);
    f.set.assign(s.seq.begin(), std::unique(s.seq.begin(), s.seq.end()));
    if (!options.boilerplate.enabled) sign(f, s);
  };
  // compute() for the units of blocks [0, block_end[0]), [block_end[0],
  // block_end[1]), ...: workers take batches of units of a block in turn,
  // so one long unit does not hold up a whole chunk, and wait for each
  // other at the end of each block. Before its share of block k, worker 0
  // runs before(begin of block k), which keeps the blocks before: keeping
  // is serial, and when it ran after each block one core idled meanwhile
  // (the 1 GB paragraph scan used 1.3 of its 2 cores while signing). One
  // RunOnThreads call serves all blocks. Worker t's buffers are scratch[t].
  //
  // The records keep() is done with go back to the worker that made them,
  // which frees them: freeing in worker 0 records that another worker
  // allocated contended with that worker's allocations on its malloc arena,
  // and took 7.3 s of worker 0's 17.4 s of keeping in the 1 GB paragraph
  // scan on two threads (0.52 s of 1.38 at 100 MB; 0.06 s on one thread).
  // During block k, keep() puts worker t's records in spent[k % 2][t];
  // worker t frees them at the start of block k + 1, while worker 0 fills
  // spent[(k + 1) % 2].
  std::vector<Scratch> scratch(static_cast<size_t>(std::max(1, options.threads)));
  for (size_t t = 0; t < scratch.size(); ++t) scratch[t].worker = static_cast<uint32_t>(t);
  std::array<std::vector<std::vector<std::unique_ptr<UnitFeatures>>>, 2> spent;
  for (auto& by_worker : spent) by_worker.resize(scratch.size());
  int spent_parity = -1;  // where keep() puts records; -1: it frees them
  auto compute_blocks = [&](const std::vector<size_t>& block_end,
                            const std::function<void(size_t)>& before) {
    if (block_end.empty()) return;
    constexpr size_t kBatch = 16;
    std::atomic<size_t> next{0};  // the next unit of the current block
    size_t done = 0;              // blocks done
    auto block_done = [&]() noexcept { next = block_end[done++]; };
    std::barrier sync(static_cast<ptrdiff_t>(scratch.size()), block_done);
    internal::RunOnThreads(options.threads, [&](int t) {
      Scratch& s = scratch[static_cast<size_t>(t)];
      for (size_t k = 0; k < block_end.size(); ++k) {
        const size_t begin = k == 0 ? 0 : block_end[k - 1], end = block_end[k];
        if (before) {
          spent[(k + 1) % 2][static_cast<size_t>(t)].clear();  // kept during block k - 1
          if (t == 0) {
            spent_parity = static_cast<int>(k % 2);
            before(begin);
          }
        }
        for (size_t b = next.fetch_add(kBatch); b < end; b = next.fetch_add(kBatch)) {
          for (size_t i = b; i < std::min(end, b + kBatch); ++i) compute(i, s);
        }
        s.ReleaseIfLarge();
        sync.arrive_and_wait();
      }
    });
  };

  // What is kept of each unit, in (doc, offset) order: its set (and stock
  // shingles), band keys and fingerprints; units too short are counted.
  const bool want_stock = options.boilerplate.enabled && options.boilerplate.stock_ratio > 0;
  SpillOptions set_spill = options.spill;
  if (options.exact) set_spill.above_bytes = std::numeric_limits<uint64_t>::max();
  SpillOptions fingerprint_spill = options.spill;
  fingerprint_spill.min_mean_values = 0;  // only ever read in order
  ShingleSets sets(set_spill), stock, fingerprints(fingerprint_spill);
  // Room for every unit's band keys (units too short leave theirs unused).
  BandKeyTable keys(lsh.bands, options.exact ? 0 : all.size());
  size_t next_quote = 0;  // of the current document, in doc_quotes
  // For a unit that others repeat: its index in result.units (kNotKept if
  // it was too short) and its shingle count.
  constexpr uint32_t kNotKept = std::numeric_limits<uint32_t>::max();
  std::vector<std::pair<uint32_t, uint32_t>> kept_as(first_equal.empty() ? 0 : all.size(),
                                                     {kNotKept, 0});
  std::vector<uint64_t> copy, buf;
  auto keep_repeat = [&](size_t i) {
    const auto [r, shingles] = kept_as[first_equal[i]];
    result.units.push_back(all[i]);
    // Copied out first: a spilled store's unwritten sets move as it grows.
    const std::span<const uint64_t> set = sets.Read(r, &buf);
    copy.assign(set.begin(), set.end());
    sets.Add(copy);
    if (!options.exact) keys.AddCopyOf(r);
    if (want_fingerprints) {
      const std::span<const uint64_t> fp = fingerprints.Read(r, &buf);
      copy.assign(fp.begin(), fp.end());
      fingerprints.Add(copy);
    }
    stats.shingles += shingles;
  };
  auto keep = [&](size_t i) {
    if (i > 0 && all[i].doc != all[i - 1].doc) next_quote = 0;
    QuoteUnit* quote =
        all[i].kind == UnitKind::kQuote ? &doc_quotes[all[i].doc][next_quote++] : nullptr;
    const bool repeat = !first_equal.empty() && first_equal[i] != i;
    const bool kept = repeat ? kept_as[first_equal[i]].first != kNotKept : features[i] != nullptr;
    if (quote != nullptr && kept) {
      quote->unit = static_cast<uint32_t>(result.units.size());
      result.quotes.push_back(std::move(*quote));
    }
    if (!kept) {
      if (all[i].kind != UnitKind::kDoc || all[i].span.size() > 0) ++stats.units_too_short;
      return;
    }
    if (repeat) {
      keep_repeat(i);
      return;
    }
    UnitFeatures& f = *features[i];
    if (!kept_as.empty()) {
      // A unit's span is under 4 GB, so its shingles are fewer than 2^32.
      kept_as[i] = {static_cast<uint32_t>(result.units.size()), static_cast<uint32_t>(f.shingles)};
    }
    result.units.push_back(all[i]);
    sets.Add(f.set);
    if (want_stock) stock.Add(f.stock);
    if (!options.exact) keys.Add(f.band_keys);
    if (want_fingerprints) fingerprints.Add(f.fingerprints);
    stats.shingles += f.shingles;
    if (spent_parity < 0) {
      features[i].reset();
    } else {
      spent[static_cast<size_t>(spent_parity)][f.worker].push_back(std::move(features[i]));
    }
  };

  if (options.boilerplate.enabled) {
    // Boilerplate needs every unit's set: remove it, then sign.
    compute_blocks({all.size()}, nullptr);
    std::vector<uint32_t> kept, unit_docs;
    std::vector<std::vector<uint64_t>*> unit_sets, unit_fingerprints, unit_stock;
    for (size_t i = 0; i < all.size(); ++i) {
      if (!features[i]) continue;
      kept.push_back(static_cast<uint32_t>(i));
      unit_docs.push_back(all[i].doc);
      unit_sets.push_back(&features[i]->set);
      if (want_fingerprints) unit_fingerprints.push_back(&features[i]->fingerprints);
      if (want_stock) unit_stock.push_back(&features[i]->stock);
    }
    std::vector<uint8_t> dropped;
    stats.boilerplate = RemoveBoilerplate(documents, unit_docs, unit_sets, unit_fingerprints,
                                          unit_stock, options.boilerplate, &dropped);
    internal::RunOnChunks(kept.size(), options.threads, [&](size_t, size_t begin, size_t end) {
      Scratch s;
      for (size_t k = begin; k < end; ++k) {
        if (dropped[k]) {
          features[kept[k]].reset();
        } else {
          sign(*features[kept[k]], s);
        }
      }
    });
    for (size_t i = 0; i < all.size(); ++i) keep(i);
  } else {
    // A block of units at a time, kept while the next one is computed: the
    // per-unit records of two blocks are alive at once, not the whole
    // corpus's (docs/design.md, "Speed and memory").
    // A block ends after block_units units or block_bytes of their text,
    // whichever comes first: its records (about twice its text) stay small
    // for whole documents as for paragraphs.
    sets.Reserve(all.size());
    if (want_fingerprints) fingerprints.Reserve(all.size());
    // keep() reads only its own block's records and units before it, and
    // compute() writes only its own block's.
    std::vector<size_t> block_end;
    for (size_t end = 0; end < all.size();) {
      const size_t begin = end;
      uint64_t block_bytes = 0;
      do {
        block_bytes += all[end++].span.size();
      } while (end < all.size() && end - begin < options.block_units &&
               block_bytes < options.block_bytes);
      block_end.push_back(end);
    }
    size_t kept = 0;  // units [0, kept) are kept
    auto keep_to = [&](size_t end) {
      for (; kept < end; ++kept) keep(kept);
    };
    compute_blocks(block_end, keep_to);
    spent_parity = -1;  // the workers are done: the last block's records are freed here
    keep_to(all.size());
    for (auto& by_worker : spent) by_worker.clear();
  }
  reporter.Finish("shingle+sign", all.size(), all.size(), bytes_done.load());
  timer.Done("shingle+sign");
  features.clear();
  features.shrink_to_fit();
  stats.units_too_short -= stats.boilerplate.units_dropped;  // counted apart
  doc_quotes.clear();
  doc_quotes.shrink_to_fit();
  stats.quotes = result.quotes.size();
  const uint32_t n = static_cast<uint32_t>(result.units.size());
  stats.units = n;
  for (const ShingleSets* store : {&sets, &fingerprints}) {
    if (absl::Status s = store->status(); !s.ok()) return s;
  }

  // Pairs inside one document must not overlap (a unit is not its own
  // copy), and quotes pair with quotes only. Verification asks this of every
  // candidate (117M for the 1 GB paragraph corpus), in (a, b) order with b
  // anywhere, so it reads b's unit record only when the pair may lie in one
  // document: units are in document order, so with a < b that holds exactly
  // when b comes before doc_end[a], the first unit of a later document; and
  // b's kind is a bit (the quote bits of 5.5M units fit in 700 KB). A doc
  // scan has one unit per document and one kind: every pair is allowed.
  const std::vector<Unit>& units = result.units;
  std::vector<uint32_t> doc_end;
  std::vector<uint64_t> quote_bits;
  std::function<bool(uint32_t, uint32_t)> allowed;
  if (options.unit != UnitKind::kDoc) {
    doc_end.resize(n);
    for (uint32_t u = n; u-- > 0;) {
      doc_end[u] = u + 1 == n || units[u + 1].doc != units[u].doc ? u + 1 : doc_end[u + 1];
    }
    bool any_quote = false;
    quote_bits.assign((static_cast<size_t>(n) + 63) / 64, 0);
    for (uint32_t u = 0; u < n; ++u) {
      assert(u == 0 || units[u - 1].doc <= units[u].doc);
      if (units[u].kind == UnitKind::kQuote) {
        quote_bits[u / 64] |= uint64_t{1} << (u % 64);
        any_quote = true;
      }
    }
    if (!any_quote) quote_bits = {};
    allowed = [&units, &doc_end, &quote_bits](uint32_t a, uint32_t b) {
      if (b < a) std::swap(a, b);
      if (!quote_bits.empty() &&
          ((quote_bits[a / 64] >> (a % 64)) ^ (quote_bits[b / 64] >> (b % 64))) & 1) {
        return false;
      }
      if (b >= doc_end[a]) return true;
      const Unit& x = units[a];
      const Unit& y = units[b];
      return x.span.end <= y.span.begin || y.span.end <= x.span.begin;
    };
  }

  std::vector<VerifiedPair> verified;
  VerifyStats vstats;
  if (options.exact) {
    timer.Done("candidates");
    verified =
        VerifyAllPairs(sets, options.measure, options.threshold, allowed, options.threads, &vstats);
    stats.candidates = vstats.candidates;
  } else {
    LshOptions lsh_options = options.lsh;
    lsh_options.threads = options.threads;
    std::vector<CandidatePair> candidates = LshCandidates(keys, lsh, lsh_options);
    stats.lsh_candidates = candidates.size();
    keys = BandKeyTable(0, 0);
    if (want_fingerprints) {
      std::vector<CandidatePair> more = ContainmentCandidates(fingerprints, options.containment,
                                                              options.threshold, options.threads);
      if (absl::Status s = fingerprints.status(); !s.ok()) return s;
      fingerprints = ShingleSets();
      stats.containment_candidates = more.size();
      candidates = MergeCandidates(candidates, more);
    }
    stats.candidates = candidates.size();
    reporter.Finish("candidates", candidates.size(), 0, 0);
    timer.Done("candidates");
    verified = Verify(candidates, sets, options.measure, options.threshold, allowed,
                      options.threads, &vstats);
  }
  if (absl::Status s = sets.status(); !s.ok()) return s;
  sets = ShingleSets();
  stats.verified_pairs = verified.size();
  reporter.Finish("verify", vstats.candidates, vstats.candidates, 0);
  timer.Done("verify");

  if (want_stock) {
    verified = DropStockPairs(verified, stock, options.boilerplate.min_own_share,
                              &stats.boilerplate.stock_pairs);
  }
  if (options.min_link_similarity > 0) {
    LinkPruneStats prune;
    verified = PruneWeakLinks(n, verified, options.min_link_similarity, &prune);
    stats.pruned_pairs = prune.pruned;
  }
  result.clusters = BuildClusters(n, verified, options.pairs, options.threads);
  stats.clusters = result.clusters.size();
  timer.Done("cluster");

  // Quote clusters: speaker, variants, fullest wording, diffs, earliest carrier.
  QuoteAuditStats qstats;
  result.quote_clusters =
      AuditQuoteClusters(documents, result.units, result.quotes, options.normalize,
                         options.quote_cluster, &result.clusters, &qstats);
  stats.quote_clusters = qstats.clusters;
  stats.quote_variants = qstats.variants;
  timer.Done("quotes");
  if (absl::Status s = TextStatus(documents); !s.ok()) return s;
  return result;
}

}  // namespace reprint

#include "reprint/passages.h"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstdint>
#include <utility>

#include "reprint/document_text.h"
#include "reprint/internal/threads.h"
#include "reprint/normalize.h"

namespace reprint {
namespace {

// One listed pair: pair i of the c-th cluster aligned.
struct PairRef {
  uint32_t cluster = 0;
  uint32_t pair = 0;
};

// Byte spans of tokens [begin, end) of `t`; empty at the end of token
// begin - 1 when the range is empty. REQUIRES: begin > 0 or begin < end.
Span TokenBytes(const NormalizedText& t, uint32_t begin, uint32_t end) {
  if (begin == end) {
    assert(begin > 0);
    const uint32_t at = t.tokens[begin - 1].orig.end;
    return Span{at, at};
  }
  return Span{t.tokens[begin].orig.begin, t.tokens[end - 1].orig.end};
}

// A pair's passages with their edits as byte spans.
std::vector<PairPassage> WithEdits(std::vector<Passage> passages, const NormalizedText& a,
                                   const NormalizedText& b) {
  std::vector<PairPassage> out;
  out.reserve(passages.size());
  for (Passage& passage : passages) {
    PairPassage pp;
    for (const AlignedRun& r : passage.runs) {
      if (r.equal) continue;
      pp.edits.push_back(EditSpan{TokenBytes(a, r.a_begin, r.a_end),
                                  TokenBytes(b, r.b_begin, r.b_end), r.a_end - r.a_begin,
                                  r.b_end - r.b_begin});
    }
    pp.passage = std::move(passage);
    out.push_back(std::move(pp));
  }
  return out;
}

// `passages` with their B spans moved by `delta` bytes.
std::vector<PairPassage> ShiftB(std::vector<PairPassage> passages, int64_t delta) {
  auto shift = [delta](Span* s) {
    s->begin = static_cast<uint32_t>(s->begin + delta);
    s->end = static_cast<uint32_t>(s->end + delta);
  };
  for (PairPassage& pp : passages) {
    shift(&pp.passage.b);
    for (EditSpan& e : pp.edits) shift(&e.b);
  }
  return passages;
}

void Add(const AlignStats& x, AlignStats* sum) {
  sum->seeds += x.seeds;
  sum->runs += x.runs;
  sum->chains += x.chains;
  sum->dp_cells += x.dp_cells;
  sum->passages += x.passages;
}

}  // namespace

absl::Status ListedPassagesOptions::Validate() const {
  if (absl::Status s = align.Validate(); !s.ok()) return s;
  if (threads < 1 || threads > 256)
    return absl::InvalidArgumentError("threads must be in [1, 256]");
  return absl::OkStatus();
}

ListedPassages AlignListedPairs(const std::vector<Document>& documents, const ScanResult& result,
                                const ListedPassagesOptions& options) {
  return AlignListedPairs(documents, result, options, 0, result.clusters.size());
}

ListedPassages AlignListedPairs(const std::vector<Document>& documents, const ScanResult& result,
                                const ListedPassagesOptions& options, size_t first_cluster,
                                size_t end_cluster) {
  assert(options.Validate().ok());
  assert(first_cluster <= end_cluster && end_cluster <= result.clusters.size());
  const auto start = std::chrono::steady_clock::now();
  ListedPassages out;
  out.options = options.align;
  out.passages.resize(end_cluster - first_cluster);
  std::vector<PairRef> work;
  for (size_t c = first_cluster; c < end_cluster; ++c) {
    const uint32_t slot = static_cast<uint32_t>(c - first_cluster);
    out.passages[slot].resize(result.clusters[c].pairs.size());
    for (uint32_t i = 0; i < result.clusters[c].pairs.size(); ++i) {
      work.push_back(PairRef{slot, i});
    }
  }
  out.pairs = work.size();

  const NormalizeOptions& norm = result.options.normalize;
  // A cluster's spanning pairs mostly share their first unit ((0, 1), (0, 2),
  // ...: 77% of the pairs listed for the 100 MB doc corpus, 96% at 1 GB), so
  // each thread keeps the last first unit it normalized, and its aligner
  // what it made of it (PassageAligner). Both texts are normalized into
  // buffers the thread reuses (no allocation per pair once they have grown).
  //
  // Many listed pairs are copies byte for byte (45% of the paragraph pairs
  // listed for the 100 MB corpus). Equal bytes normalize to equal words,
  // with token offsets that differ by where each unit starts, and the
  // alignment reads only the words: the passages of A with any copy of
  // itself are those of A with A, B's spans moved by the distance between
  // the two units. Each thread aligns A with itself once, at A's first copy,
  // and keeps the result and its stats for A's later copies.
  struct LastUnit {
    explicit LastUnit(const AlignOptions& options) : aligner(options) {}
    uint32_t unit = UINT32_MAX;
    NormalizedText text;
    NormalizedText b;
    PassageAligner aligner;
    bool have_self = false;         // self and self_stats hold A with A
    std::vector<PairPassage> self;  // both sides at A's own offsets
    AlignStats self_stats;
  };
  auto align_one = [&](const PairRef& ref, AlignStats* stats, LastUnit* last) {
    const VerifiedPair& p = result.clusters[first_cluster + ref.cluster].pairs[ref.pair];
    const Unit& ua = result.units[p.a];
    const Unit& ub = result.units[p.b];
    const std::string_view text_a = TextOf(documents[ua.doc]);
    if (last->unit != p.a) {
      NormalizeInto(text_a, ua.span, norm, &last->text);
      last->aligner.SetA(last->text);
      last->unit = p.a;
      last->have_self = false;
    }
    const NormalizedText& a = last->text;
    std::vector<PairPassage>& slot = out.passages[ref.cluster][ref.pair];
    const std::string_view text_b = TextOf(documents[ub.doc]);
    if (text_b.substr(ub.span.begin, ub.span.size()) ==
        text_a.substr(ua.span.begin, ua.span.size())) {
      if (!last->have_self) {
        last->self_stats = AlignStats();
        last->self = WithEdits(last->aligner.Align(a, &last->self_stats), a, a);
        last->have_self = true;
      }
      Add(last->self_stats, stats);
      slot = ShiftB(last->self, int64_t{ub.span.begin} - int64_t{ua.span.begin});
      return;
    }
    NormalizeInto(text_b, ub.span, norm, &last->b);
    slot = WithEdits(last->aligner.Align(last->b, stats), a, last->b);
  };

  // Threads take blocks of pairs in turn, so the slowest pairs of a batch
  // do not leave a thread idle at its end (a report aligns a few thousand
  // pairs at a time). Each pair writes its own slot and the counters are
  // sums, so the result does not depend on the threads or the schedule.
  constexpr size_t kBlockPairs = 16;
  const size_t n = work.size();
  const size_t workers = internal::ChunkCount(n, options.threads);
  std::vector<AlignStats> stats(workers);
  std::vector<LastUnit> last;
  last.reserve(workers);
  for (size_t i = 0; i < workers; ++i) last.emplace_back(options.align);
  internal::RunOnBlocks(0, n, options.threads, kBlockPairs, [&](int t, size_t i) {
    align_one(work[i], &stats[static_cast<size_t>(t)], &last[static_cast<size_t>(t)]);
  });
  for (const AlignStats& s : stats) Add(s, &out.stats);
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace reprint

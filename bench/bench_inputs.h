// File: bench/bench_inputs.h
// Inputs shared by the per-stage benchmarks (bench/*_bench.cc), built once per
// process and outside every timed loop:
//   - SeedText(): corpus/seeds/*.txt (news articles with Unicode punctuation),
//     repeated to the size asked for;
//   - DebianDocs(): a dedup-style document set cut from /usr/share/doc by the
//     corpus generator (bench/gen/), 30% of it mutated copies, so candidate
//     and verification stages see a realistic mix of near-duplicates;
//   - Prepared(): those documents cut into units and run through segment,
//     normalize and shingle with the scan defaults, for the later stages.
//
//   const PreparedUnits& u = Prepared(8 << 20, UnitKind::kParagraph);
//   for (auto _ : state) for (const auto& set : u.sets) hasher.Sign(set, sig);
//   state.SetBytesProcessed(state.iterations() * u.bytes);
//
// Everything is deterministic (fixed seeds). Not thread-safe: call from the
// benchmark's main thread (Google Benchmark runs benchmarks one at a time).
#ifndef REPRINT_BENCH_BENCH_INPUTS_H_
#define REPRINT_BENCH_BENCH_INPUTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "reprint/candidate.h"
#include "reprint/lsh.h"
#include "reprint/segment.h"

namespace reprint::bench {

// The seed articles joined by blank lines, repeated to >= min_bytes.
const std::string& SeedText(size_t min_bytes);

// Documents totalling >= bytes of text (generator seed 1).
const std::vector<std::string>& DebianDocs(size_t bytes);

struct PreparedUnits {
  std::vector<std::string> docs;                 // DebianDocs(bytes)
  std::vector<Unit> units;                       // units with >= 6 words
  std::vector<std::vector<uint64_t>> sequences;  // 5-word shingles in text order
  std::vector<std::vector<uint64_t>> sets;       // sorted unique shingles
  uint64_t bytes = 0;                            // original bytes of the units
};

// DebianDocs(bytes) cut into `kind` units, normalized and shingled with the
// scan defaults (ScanOptions{}: 5-word shingles, spelling fold, min 6 words).
const PreparedUnits& Prepared(size_t bytes, UnitKind kind);

// Band keys of every unit's MinHash signature with the scan
// defaults (K = 128, banding for threshold 0.5).
BandKeyTable BandKeysOf(const PreparedUnits& units);

// The candidates Scan() would verify: LSH merged with the winnowed
// containment index, scan defaults, sorted and unique.
std::vector<CandidatePair> CandidatesOf(const PreparedUnits& units);

}  // namespace reprint::bench

#endif  // REPRINT_BENCH_BENCH_INPUTS_H_

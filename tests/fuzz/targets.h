// File: tests/fuzz/targets.h
// The registry of fuzz targets: name -> entry function. The libFuzzer
// binaries (tests/fuzz/<name>_fuzz.cc, clang) and the replay tests
// (tests/fuzz_regression_test.cc, the normal gtest binary) share it, so
// every seed and every stored crash is also replayed by `ctest`.
//
// To add a target "quote":
//   1. tests/fuzz/quote_fuzz.h: `inline void FuzzQuote(const uint8_t*, size_t)`
//      that calls the stage and FuzzCheck()s its invariants (see
//      normalize_fuzz.h for the shape; document the input layout and the
//      invariants in the header comment).
//   2. tests/fuzz/quote_fuzz.cc: the two lines of segment_fuzz.cc, renamed.
//   3. One line below: {"quote", FuzzQuote}.
//   4. tests/fuzz/corpus/quote/: a few small seed files (< 4 KB each).
// CMake picks up the new *_fuzz.cc by glob; test.sh fuzzes every target that
// has a corpus folder; a crash goes to tests/fuzz/regressions/quote/ plus a
// named TEST in tests/fuzz_regression_test.cc.
// Not for production use.
#ifndef REPRINT_TESTS_FUZZ_TARGETS_H_
#define REPRINT_TESTS_FUZZ_TARGETS_H_

#include <cstddef>
#include <cstdint>

#include "tests/fuzz/ingest_jsonl_fuzz.h"
#include "tests/fuzz/normalize_fuzz.h"
#include "tests/fuzz/quote_fuzz.h"
#include "tests/fuzz/scan_fuzz.h"
#include "tests/fuzz/segment_fuzz.h"
#include "tests/fuzz/shingle_fuzz.h"

namespace reprint::fuzz {

struct FuzzTarget {
  const char* name;  // also the folder under corpus/ and regressions/
  void (*run)(const uint8_t* data, size_t size);
};

inline constexpr FuzzTarget kFuzzTargets[] = {
    {"ingest_jsonl", FuzzIngestJsonl},
    {"segment", FuzzSegment},
    {"normalize", FuzzNormalize},
    {"shingle", FuzzShingle},
    {"scan", FuzzScan},
    {"quote", FuzzQuote},
};

}  // namespace reprint::fuzz

#endif  // REPRINT_TESTS_FUZZ_TARGETS_H_

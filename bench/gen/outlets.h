// File: bench/gen/outlets.h
// The outlets of the reprints corpus: each has a source name ("outlet-07"), a
// masthead ("Northfield Gazette"), and half of them a fixed header or footer
// of 20-60 words of navigation, cookie and copyright text that wraps every
// item they carry. Such boilerplate is shared across unrelated stories of one
// outlet: a detector has to look past it.
//
//   std::vector<Outlet> outlets = MakeOutlets(40, OutletOptions{}, seed);
//   std::string item = outlets[7].Wrap(story_text);
//
// Pure function of its arguments; Outlet is a plain value.
#ifndef REPRINT_BENCH_GEN_OUTLETS_H_
#define REPRINT_BENCH_GEN_OUTLETS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace reprint::bench {

struct Outlet {
  std::string source;       // "outlet-07"
  std::string name;         // "Northfield Gazette"
  std::string boilerplate;  // empty for outlets without one
  bool header = false;      // boilerplate above the text (else below)

  // `text` with the boilerplate added, separated by a blank line.
  std::string Wrap(const std::string& text) const;
};

struct OutletOptions {
  // Share of outlets (rounded) that wrap items in boilerplate.
  double boilerplate_share = 0.5;
  int min_boilerplate_words = 20;
  int max_boilerplate_words = 60;
};

// REQUIRES: count >= 1
std::vector<Outlet> MakeOutlets(int count, const OutletOptions& options, uint64_t seed);

}  // namespace reprint::bench

#endif  // REPRINT_BENCH_GEN_OUTLETS_H_

// File: bench/hash_floor.cc
// hash_floor: prints the hash-only floor (bench/floor.h) of JSONL files.
//
//   hash_floor [--shingle K] [--repeat R] FILE.jsonl...
//
// One line per file. Exit codes: 0 ok, 1 a file could not be read, 2 usage.
#include <charconv>
#include <cstdio>
#include <string>
#include <vector>

#include "bench/floor.h"

namespace {

bool ParseInt(const std::string& s, int* out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && *out >= 1;
}

int Usage(const std::string& message) {
  std::fprintf(stderr,
               "hash_floor: %s\nusage: hash_floor [--shingle K] [--repeat R] FILE.jsonl...\n",
               message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  reprint::bench::FloorOptions options;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--shingle" || arg == "--repeat") {
      if (i + 1 >= argc) return Usage(arg + " needs a value");
      int* target = arg == "--shingle" ? &options.shingle : &options.repeat;
      if (!ParseInt(argv[++i], target)) return Usage("bad value for " + arg);
    } else if (arg.starts_with("-")) {
      return Usage("unknown flag " + arg);
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) return Usage("no input file");
  int rc = 0;
  for (const std::string& f : files) {
    absl::StatusOr<reprint::bench::JsonlTexts> texts = reprint::bench::LoadJsonlTexts(f);
    if (!texts.ok()) {
      std::fprintf(stderr, "hash_floor: %s\n", std::string(texts.status().message()).c_str());
      rc = 1;
      continue;
    }
    const reprint::bench::FloorResult r = reprint::bench::HashFloor(*texts, options);
    std::printf(
        "%s: %llu records, %.1f MB text, %llu words, %llu %d-word shingles in %.3f s "
        "(best of %d) = %.1f MB/s (checksum %016llx)\n",
        f.c_str(), static_cast<unsigned long long>(r.records), r.text_bytes / 1e6,
        static_cast<unsigned long long>(r.words), static_cast<unsigned long long>(r.shingles),
        options.shingle, r.seconds, options.repeat, r.mb_per_s(),
        static_cast<unsigned long long>(r.checksum));
  }
  return rc;
}

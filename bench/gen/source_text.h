// File: bench/gen/source_text.h
// Reads the real text every Debian machine carries (/usr/share/doc changelogs,
// copyright files and READMEs; /usr/share/common-licenses) into paragraphs,
// and cuts it into documents of a few KB.
//
//   SourceText src = LoadSourceText(SourceOptions{});
//   std::vector<SourceDoc> docs = CutDocuments(src, CutOptions{}, seed);
//
// Determinism: folders are walked in byte-wise sorted path order, symlinks
// (to files or folders) are never followed, gzip files are inflated with
// zlib, and byte-identical files are read once (many binary packages of one
// source package ship the same changelog). The result is a function of the
// files present and, for CutDocuments, of the seed. Thread-compatible.
#ifndef REPRINT_BENCH_GEN_SOURCE_TEXT_H_
#define REPRINT_BENCH_GEN_SOURCE_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace reprint::bench {

struct SourceOptions {
  // Folders to walk. Under /usr/share/doc only changelog*, copyright and
  // README* files are read; under any other root, every regular file.
  std::vector<std::string> doc_roots = {"/usr/share/doc"};
  std::vector<std::string> all_file_roots = {"/usr/share/common-licenses"};
  // Files inflating to more than this are cut off here (a few huge
  // changelogs would otherwise dominate the text).
  uint64_t max_file_bytes = 4ull << 20;
  // A file whose bytes are more than this share of control characters (other
  // than tab and newline) is taken as binary and skipped.
  double max_control_share = 0.01;
};

struct SourceFile {
  std::string path;
  std::string package;  // folder under the root ("gzip"), or the root's name
  // Blank-line separated blocks, lines right-trimmed, valid UTF-8 (bytes that
  // are not UTF-8 are read as Latin-1), no control characters but \n and \t.
  std::vector<std::string> paragraphs;
};

struct SourceStats {
  uint64_t files_used = 0;
  uint64_t duplicate_files = 0;   // byte-identical to a file already read
  uint64_t binary_files = 0;      // NUL bytes or too many control characters
  uint64_t unreadable_files = 0;  // could not be opened or inflated
  uint64_t truncated_files = 0;   // longer than max_file_bytes
  uint64_t bytes = 0;             // paragraph bytes kept
};

struct SourceText {
  std::vector<SourceFile> files;  // in walk order
  SourceStats stats;
};

SourceText LoadSourceText(const SourceOptions& options);

struct CutOptions {
  // Each document's target size is drawn uniformly from
  // [target_bytes - jitter_bytes, target_bytes + jitter_bytes].
  uint32_t target_bytes = 3072;
  uint32_t jitter_bytes = 1024;
  // Hard bounds: pieces under min_bytes (a file's tail that cannot be merged,
  // a file that is too short) are dropped; paragraphs over max_bytes are
  // split at line, then word boundaries.
  uint32_t min_bytes = 1024;
  uint32_t max_bytes = 6144;
};

struct SourceDoc {
  uint32_t file = 0;  // index into SourceText::files
  std::string text;   // paragraphs joined by "\n\n"
};

// Documents in file order, each from one file, cut at paragraph boundaries.
std::vector<SourceDoc> CutDocuments(const SourceText& source, const CutOptions& options,
                                    uint64_t seed);

// Repairs `bytes` into valid UTF-8 (invalid bytes read as Latin-1), turns
// "\r\n" and lone "\r" into "\n", and other control characters except "\t"
// into spaces. Returns the number of control characters seen.
uint64_t CleanText(const std::string& bytes, std::string* out);

}  // namespace reprint::bench

#endif  // REPRINT_BENCH_GEN_SOURCE_TEXT_H_

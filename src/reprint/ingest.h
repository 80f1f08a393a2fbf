// File: reprint/ingest.h
// Reads files, folders (recursively, in sorted order), JSONL files (one
// document per line) and standard input into Documents.
//
//   IngestOptions opt;
//   IngestResult r = Ingest({"corpus/"}, opt);
//   for (const InputIssue& i : r.issues) std::cerr << i.ToString() << "\n";
//
// Bad input never stops the run: each rejected file or record becomes an
// InputIssue naming the path (and line) and the rest is still read.
// Thread-compatible; reads the file system.
#ifndef REPRINT_INGEST_H_
#define REPRINT_INGEST_H_

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "reprint/document.h"
#include "reprint/document_text.h"
#include "reprint/progress.h"

namespace reprint {

struct IngestOptions {
  // JSONL field names.
  std::string id_field = "id";
  std::string text_field = "text";
  std::string source_field = "source";
  std::string date_field = "date";
  // Treat standard input ("-") as JSONL instead of one document.
  bool stdin_jsonl = false;
  // Documents longer than this are rejected: offsets are 32-bit.
  uint64_t max_document_bytes = 0xFFFFFFF0ull;
  // Texts that can be read again from their file (all but standard input's)
  // are checked and then released at once (reprint/document_text.h), so the
  // corpus is never held in memory. Stages read them through TextOf.
  bool release_text = false;
  // Worker threads that parse JSONL records; results never depend on it.
  int threads = 1;
  // JSONL is read in chunks of lines of about this many bytes (a longer
  // line makes one of its own), each parsed by one thread while it is still
  // in that core's cache. Results never depend on it; tests make it tiny.
  uint64_t jsonl_chunk_bytes = 256 << 10;

  absl::Status Validate() const;
};

struct IngestResult {
  std::vector<Document> documents;  // in input order, folders sorted
  std::vector<InputIssue> issues;   // rejections and warnings, in input order
  uint64_t bytes_read = 0;

  // True when some input was rejected (exit code 1).
  bool any_rejected() const;
};

// Reads every path. "-" reads `stdin_stream` (std::cin when null).
// `progress` (optional) gets "read" events: documents so far and bytes read.
IngestResult Ingest(const std::vector<std::string>& paths, const IngestOptions& options,
                    std::istream* stdin_stream = nullptr, const ProgressFn& progress = {});

// Appends the documents of one JSONL stream (named `path` in messages).
void IngestJsonl(std::istream& in, const std::string& path, const IngestOptions& options,
                 IngestResult* result);

// Checks one text: rejects NUL bytes (binary), warns about invalid UTF-8.
// Returns false when the text must be rejected; appends any issue.
bool CheckText(std::string_view text, const std::string& path, uint64_t line,
               std::vector<InputIssue>* issues);

}  // namespace reprint

#endif  // REPRINT_INGEST_H_

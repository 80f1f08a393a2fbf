// File: tests/fuzz/ingest_jsonl_fuzz.h
// Fuzz target "ingest_jsonl": reprint::IngestJsonl over an istringstream of
// arbitrary bytes, and CheckText on the same bytes.
//
// Invariants: no crash or exception; every record either becomes a document
// or an issue naming the stream and its line; documents come in line order
// with non-empty, NUL-free text and non-empty id and source; bytes_read counts
// every byte (plus one for a missing final newline).
// Not for production use.
#ifndef REPRINT_TESTS_FUZZ_INGEST_JSONL_FUZZ_H_
#define REPRINT_TESTS_FUZZ_INGEST_JSONL_FUZZ_H_

#include <algorithm>
#include <sstream>
#include <string>

#include "reprint/ingest.h"
#include "tests/fuzz/fuzz_check.h"

namespace reprint::fuzz {

inline void FuzzIngestJsonl(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  IngestOptions options;
  // Small limit sometimes, so the size check is reached.
  if (size > 0 && (data[0] & 0x80) != 0) options.max_document_bytes = 16;
  IngestResult r;
  std::istringstream in(bytes);
  IngestJsonl(in, "fuzz.jsonl", options, &r);

  const uint64_t lines = static_cast<uint64_t>(std::count(bytes.begin(), bytes.end(), '\n')) +
                         (bytes.empty() || bytes.back() == '\n' ? 0 : 1);
  FuzzCheck(r.bytes_read == size || r.bytes_read == size + 1, "bytes_read counts every byte");
  uint64_t last_line = 0;
  for (const Document& d : r.documents) {
    FuzzCheck(d.line > last_line && d.line <= lines, "documents in strictly increasing line order");
    last_line = d.line;
    FuzzCheck(!d.text.empty(), "no empty document");
    FuzzCheck(d.text.size() <= options.max_document_bytes, "size limit enforced");
    FuzzCheck(d.text.find('\0') == std::string::npos, "NUL bytes are rejected");
    FuzzCheck(!d.id.empty() && !d.source.empty(), "id and source are filled in");
    FuzzCheck(d.path == "fuzz.jsonl", "document names its stream");
  }
  for (const InputIssue& i : r.issues) {
    FuzzCheck(i.path == "fuzz.jsonl", "issue names the stream");
    FuzzCheck(i.line >= 1 && i.line <= lines, "issue names a line of the stream");
    FuzzCheck(!i.message.empty(), "issue has a message");
  }
  FuzzCheck(r.documents.size() <= lines, "at most one document per line");

  std::vector<InputIssue> issues;
  const bool accepted = CheckText(bytes, "fuzz.txt", 0, &issues);
  FuzzCheck(accepted == (bytes.find('\0') == std::string::npos), "CheckText rejects exactly NUL");
  FuzzCheck(issues.size() <= 1, "CheckText reports at most one issue");
}

}  // namespace reprint::fuzz

#endif  // REPRINT_TESTS_FUZZ_INGEST_JSONL_FUZZ_H_

// File: reprint/document.h
// Defines Document (one input text, bytes kept exactly as read) and InputIssue
// (a problem with one input, naming the file and line).
//
//   Document d{.id = "a.txt", .source = "a", .path = "a.txt", .text = bytes};
//
// Plain values; thread-compatible.
#ifndef REPRINT_DOCUMENT_H_
#define REPRINT_DOCUMENT_H_

#include <cstdint>
#include <memory>
#include <string>

namespace reprint {

struct TextFile;  // reprint/document_text.h

// Where a document's text can be read again once released
// (IngestOptions::release_text, reprint/document_text.h).
struct TextOrigin {
  std::shared_ptr<const TextFile> file;  // null: it cannot (standard input)
  uint64_t offset = 0;  // of its bytes in the file: 0, or the JSONL line's start
  uint64_t length = 0;  // bytes in the file (a JSONL line without its line end)
  uint64_t size = 0;    // bytes of the text
  uint64_t hash = 0;    // XXH3-64 (seed 0) of the text, checked when read again
};

// One document: a file, one JSONL record, or standard input.
struct Document {
  std::string id;      // file path, or the JSONL id field (else "path:line")
  std::string source;  // outlet: the JSONL source field, else the file's stem
  std::string path;    // where it was read from ("-" for standard input)
  uint64_t line = 0;   // JSONL line number (1-based), 0 for whole files
  std::string date;    // optional JSONL date field, empty when absent
  // The bytes as read (JSONL: the decoded text value); empty once released,
  // then read through TextOf (reprint/document_text.h).
  std::string text;
  TextOrigin origin = {};  // set by Ingest for files

  bool released() const { return text.empty() && origin.size > 0; }
  uint64_t size() const { return released() ? origin.size : text.size(); }
};

// A problem with one input. `rejected` inputs were not processed; the others
// were processed with a repair (e.g. invalid UTF-8 replaced for matching).
struct InputIssue {
  std::string path;
  uint64_t line = 0;  // 0 when the issue concerns the whole file
  std::string message;
  bool rejected = true;

  // "path:line: message" (or "path: message"), for stderr.
  std::string ToString() const;
};

}  // namespace reprint

#endif  // REPRINT_DOCUMENT_H_

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
#include <string>

namespace reprint {

// One document: a file, one JSONL record, or standard input.
struct Document {
  std::string id;      // file path, or the JSONL id field (else "path:line")
  std::string source;  // outlet: the JSONL source field, else the file's stem
  std::string path;    // where it was read from ("-" for standard input)
  uint64_t line = 0;   // JSONL line number (1-based), 0 for whole files
  std::string date;    // optional JSONL date field, empty when absent
  std::string text;    // the bytes as read (JSONL: the decoded text value)
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

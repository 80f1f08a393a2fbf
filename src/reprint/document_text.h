// File: reprint/document_text.h
// Documents whose text is released after ingest and read again from their
// file by offset whenever a stage needs it, so the corpus costs page cache,
// not the process's memory (docs/design.md, "Memory"). A whole file is read
// again; a JSONL record's line is read and parsed again. Every text read again
// is checked against the size and XXH3 taken when it was first read.
//
//   opt.release_text = true;                // or ReleaseText(&in.documents) later
//   IngestResult in = Ingest(paths, opt);   // records each document's origin
//   std::string_view t = TextOf(in.documents[d]);  // the bytes as first read
//   if (absl::Status s = TextStatus(in.documents); !s.ok()) ...  // a file changed
//
// A text that cannot be read again (the file changed or vanished) reads as
// that many spaces, so spans stay in range, and TextStatus names the file.
// Thread-safe.
#ifndef REPRINT_DOCUMENT_TEXT_H_
#define REPRINT_DOCUMENT_TEXT_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "reprint/document.h"
#include "reprint/segment.h"

namespace reprint {

// A file documents were read from, shared by all of them.
struct TextFile {
  enum class Kind : uint8_t { kWhole, kJsonl };
  std::string path;
  Kind kind = Kind::kWhole;
  std::string text_field;  // kJsonl: the field holding the text

  TextFile(std::string path, Kind kind, std::string text_field = {});
  ~TextFile();
  // Reads [offset, offset + length) into *out; false with status() set.
  bool ReadAt(uint64_t offset, uint64_t length, std::string* out) const;
  void Fail(const std::string& message) const;  // keeps the first
  absl::Status status() const;

 private:
  mutable std::mutex mu_;
  mutable int fd_ = -1;  // kJsonl: opened once, on first read
  mutable absl::Status status_;
};

// The origin of a text read from `file` at [offset, offset + length).
TextOrigin MakeOrigin(std::shared_ptr<const TextFile> file, uint64_t offset, uint64_t length,
                      std::string_view text);

// Clears the text of every document that can be read again (as
// IngestOptions::release_text does while reading); returns the bytes
// released.
uint64_t ReleaseText(std::vector<Document>* documents);

// OK, or the first failure to read a released text again.
absl::Status TextStatus(const std::vector<Document>& documents);

// Document d's text: `d.text`, or (released) its bytes read again. The view
// of a released text stays valid until this thread has read three more
// released documents (a per-thread cache keeps the last four).
std::string_view TextOf(const Document& d);

// The bytes of `span` in d's text.
std::string_view SpanText(const Document& d, Span span);

}  // namespace reprint

#endif  // REPRINT_DOCUMENT_TEXT_H_

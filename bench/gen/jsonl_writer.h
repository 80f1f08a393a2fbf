// File: bench/gen/jsonl_writer.h
// Writes JSONL records whose fields are all strings, one object per line,
// fields in the order given, and counts the bytes written.
//
//   JsonlWriter w;
//   if (!w.Open("out.jsonl", &error)) ...
//   w.Write({{"id", "d0000001"}, {"source", "gzip"}, {"text", text}});
//   if (!w.Close(&error)) ...
//
// Strings must be valid UTF-8 (the generator only makes such text); control
// characters are escaped. Not copyable: it owns an open file. Thread-compatible.
#ifndef REPRINT_BENCH_GEN_JSONL_WRITER_H_
#define REPRINT_BENCH_GEN_JSONL_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace reprint::bench {

// Appends `s` as a quoted JSON string.
void AppendJsonString(std::string_view s, std::string* out);

class JsonlWriter {
 public:
  JsonlWriter() = default;
  JsonlWriter(const JsonlWriter&) = delete;
  JsonlWriter& operator=(const JsonlWriter&) = delete;
  ~JsonlWriter();

  // Creates or truncates `path`. On failure returns false and sets *error.
  bool Open(const std::string& path, std::string* error);
  // REQUIRES: Open() succeeded and Close() was not called.
  void Write(std::initializer_list<std::pair<std::string_view, std::string_view>> fields);
  // Flushes and closes; false (with *error) if any write failed.
  bool Close(std::string* error);

  uint64_t bytes() const { return bytes_; }
  uint64_t records() const { return records_; }

 private:
  std::FILE* file_ = nullptr;
  std::string path_;
  std::string line_;
  uint64_t bytes_ = 0;
  uint64_t records_ = 0;
  bool failed_ = false;
};

}  // namespace reprint::bench

#endif  // REPRINT_BENCH_GEN_JSONL_WRITER_H_

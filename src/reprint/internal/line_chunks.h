// File: reprint/internal/line_chunks.h
// Hands out a stream a chunk of whole lines at a time, in order, each read
// into a buffer its caller owns: threads that take turns at Next (under a
// lock) then parse each its own chunk where the read left it, in its own
// core's cache. A chunk ends at the last line end read; the rest is carried
// into the next one. Each read takes `chunk_bytes`; a line longer than that
// grows the buffer until its end is read, so a chunk holds at most one such
// line (its first). `padding` readable bytes follow every chunk (simdjson
// reads up to SIMDJSON_PADDING bytes past a record).
//
//   LineChunks chunks(in, 256 << 10, simdjson::SIMDJSON_PADDING);
//   LineChunks::Buffer buffer;
//   LineChunks::Chunk chunk;
//   while (chunks.Next(&buffer, &chunk)) Parse(buffer.data(), chunk);
//   if (chunks.failed()) ...  // a read failed after line chunks.lines()
//
// Internal: not part of the public API. Thread-compatible.
#ifndef REPRINT_INTERNAL_LINE_CHUNKS_H_
#define REPRINT_INTERNAL_LINE_CHUNKS_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <istream>
#include <memory>
#include <string>

namespace reprint::internal {

// The lines in [begin, end): whole lines, the last perhaps without its '\n'.
inline uint64_t CountLines(const char* begin, const char* end) {
  uint64_t lines = 0;
  for (const char* p = begin; p < end; ++lines) {
    const void* nl = std::memchr(p, '\n', static_cast<size_t>(end - p));
    p = nl != nullptr ? static_cast<const char*>(nl) + 1 : end;
  }
  return lines;
}

// The last '\n' in [p, p + n), or null: memrchr where the C library has
// it (glibc), a backward loop elsewhere.
inline const char* LastNewline(const char* p, size_t n) {
#if defined(__GLIBC__)
  return static_cast<const char*>(memrchr(p, '\n', n));
#else
  for (size_t i = n; i-- > 0;) {
    if (p[i] == '\n') return p + i;
  }
  return nullptr;
#endif
}

class LineChunks {
 public:
  // Where chunks are read to, each overwriting the one before: the chunk,
  // then at least the padding.
  class Buffer {
   public:
    const char* data() const { return data_.get(); }
    // Not counting the padding. Two chunks at first (a carried partial
    // line up to a chunk long, then a read); more only for a longer line.
    size_t capacity() const { return capacity_; }

   private:
    friend class LineChunks;
    std::unique_ptr<char[]> data_;
    size_t capacity_ = 0;
  };

  struct Chunk {
    size_t size = 0;            // its bytes, at the start of the buffer
    uint64_t offset = 0;        // of its first byte in the stream
    uint64_t lines_before = 0;  // in the stream
  };

  LineChunks(std::istream& in, size_t chunk_bytes, size_t padding)
      : in_(in), chunk_bytes_(std::max<size_t>(1, chunk_bytes)), padding_(padding) {}

  // Reads the next chunk into *buffer: whole lines, each ending with '\n'
  // except the stream's last line when it has none. False at the end of the
  // stream, or after a failed read, whose partial line is dropped (as
  // std::getline drops it).
  bool Next(Buffer* buffer, Chunk* chunk) {
    size_t held = carry_.size();
    Reserve(buffer, 0, held + chunk_bytes_);
    if (held > 0) std::memcpy(buffer->data_.get(), carry_.data(), held);
    size_t size = 0;
    while (size == 0 && !ended_) {
      Reserve(buffer, held, held + chunk_bytes_);
      char* data = buffer->data_.get();
      const size_t got = Read(data + held, chunk_bytes_);
      held += got;
      // Only the bytes just read can hold a line end: the carried ones had none.
      if (const char* nl = LastNewline(data + held - got, got)) {
        size = static_cast<size_t>(nl - data) + 1;
      }
    }
    if (size == 0 && !failed_) size = held;  // the stream's last line, without '\n'
    const char* data = buffer->data_.get();
    carry_.assign(data + size, size > 0 ? held - size : 0);
    if (size == 0) return false;
    *chunk = Chunk{size, offset_, lines_};
    offset_ += size;
    lines_ += CountLines(data, data + size);
    return true;
  }

  uint64_t lines() const { return lines_; }  // in the chunks handed out
  bool failed() const { return failed_; }

 private:
  // Reads up to `n` bytes to `out`; at the stream's end or failure, sets
  // ended_ (and failed_). A failing stream buffer throws (std::filebuf on a
  // read error), and istream::read then drops the count of what it had
  // read: so it is asked for no more than its buffer holds, and every byte
  // it delivered before failing is kept, as std::getline keeps it. (A
  // stream with no buffer to ask about, such as std::cin synced with stdio,
  // gets the whole request.)
  size_t Read(char* out, size_t n) {
    size_t got = 0;
    while (got < n && !ended_) {
      if (in_.peek() == std::istream::traits_type::eof()) {
        ended_ = true;
        failed_ = in_.bad();
        break;
      }
      const std::streamsize held = in_.rdbuf()->in_avail();
      const size_t want = held > 0 ? std::min(n - got, static_cast<size_t>(held)) : n - got;
      in_.read(out + got, static_cast<std::streamsize>(want));
      got += static_cast<size_t>(in_.gcount());
      if (!in_) {
        ended_ = true;
        failed_ = in_.bad();
      }
    }
    return got;
  }

  // Room in *buffer for `bytes` plus the padding, keeping its first `keep`;
  // doubles, so that a long line is copied a bounded number of times.
  void Reserve(Buffer* buffer, size_t keep, size_t bytes) const {
    if (bytes <= buffer->capacity_) return;
    buffer->capacity_ = std::max({bytes, 2 * buffer->capacity_, 2 * chunk_bytes_});
    std::unique_ptr<char[]> grown =
        std::make_unique_for_overwrite<char[]>(buffer->capacity_ + padding_);
    if (keep > 0) std::memcpy(grown.get(), buffer->data_.get(), keep);
    buffer->data_ = std::move(grown);
  }

  std::istream& in_;
  const size_t chunk_bytes_;
  const size_t padding_;
  std::string carry_;  // read after the last chunk's last line end
  uint64_t offset_ = 0;
  uint64_t lines_ = 0;
  bool ended_ = false;
  bool failed_ = false;
};

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_LINE_CHUNKS_H_

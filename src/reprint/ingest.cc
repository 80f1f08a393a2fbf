#include "reprint/ingest.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <system_error>

#include "reprint/document_text.h"
#include "reprint/internal/line_chunks.h"
#include "reprint/internal/threads.h"
#include "simdjson.h"

namespace reprint {
namespace {

namespace fs = std::filesystem;

// IngestJsonl, recording for each document that `file` (when not null)
// holds its line, to be read again once its text is released.
// `size_hint`: the stream's size, when known (else UINT64_MAX).
void IngestJsonlLines(std::istream& in, const std::string& path, const IngestOptions& opt,
                      IngestResult* r, const std::shared_ptr<const TextFile>& file,
                      uint64_t size_hint);

// Offset of the first invalid UTF-8 sequence, or npos; counts all of them.
size_t FirstInvalidUtf8(std::string_view s, size_t* count) {
  size_t first = std::string::npos;
  *count = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t min = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
    }
    bool ok = len > 0 && i + len <= n;
    uint32_t cp = len > 0 ? (c & (0x7F >> len)) : 0;
    for (size_t k = 1; ok && k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
    if (ok) {
      i += len;
    } else {
      if (first == std::string::npos) first = i;
      ++*count;
      ++i;
    }
  }
  return first;
}

std::string StemOf(const std::string& path) {
  return fs::path(path).stem().string();
}

bool IsJsonlPath(const std::string& path) {
  const std::string ext = fs::path(path).extension().string();
  return ext == ".jsonl" || ext == ".ndjson";
}

void Reject(IngestResult* r, const std::string& path, uint64_t line, std::string message) {
  r->issues.push_back(InputIssue{path, line, std::move(message), true});
}

// Reads `in` to its end, or until it holds more than `limit` bytes: then
// stops (an endless input such as /dev/zero or `yes |` must not fill memory)
// and returns false with `*out` cleared. `size_hint` (e.g. the file size)
// only reserves memory.
bool ReadBounded(std::istream& in, uint64_t limit, uint64_t size_hint, std::string* out) {
  out->clear();
  out->reserve(static_cast<size_t>(std::min(size_hint, limit) + 1));
  char buf[1 << 16];
  while (in.read(buf, sizeof(buf)) || in.gcount() > 0) {
    out->append(buf, static_cast<size_t>(in.gcount()));
    if (out->size() > limit) {
      out->clear();
      out->shrink_to_fit();
      return false;
    }
  }
  return true;
}

std::string OverLimit(uint64_t limit) {
  return "document exceeds the limit of " + std::to_string(limit) + " bytes; not read";
}

// Reads a whole file; on failure records an issue and returns false.
bool ReadFile(const std::string& path, uint64_t limit, std::string* out, IngestResult* r) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec(errno, std::generic_category());
    Reject(r, path, 0, "cannot open: " + ec.message());
    return false;
  }
  std::error_code size_ec;
  const uintmax_t size = fs::file_size(path, size_ec);  // fails for pipes and devices
  if (!size_ec && size > limit) {
    r->bytes_read += size;
    Reject(r, path, 0,
           "document of " + std::to_string(size) + " bytes exceeds the limit of " +
               std::to_string(limit) + "; not read");
    return false;
  }
  if (!ReadBounded(in, limit, size_ec ? 0 : size, out)) {
    r->bytes_read += limit + 1;
    Reject(r, path, 0, OverLimit(limit));
    return false;
  }
  if (in.bad()) {
    Reject(r, path, 0, "read failed");
    return false;
  }
  return true;
}

// `rereadable`: the text is the whole of a regular file, which can be read
// again by offset once released (reprint/document_text.h).
void AddTextDocument(const std::string& path, std::string text, const IngestOptions& opt,
                     IngestResult* r, bool rereadable = false) {
  r->bytes_read += text.size();
  if (text.empty()) return;  // empty files are skipped quietly
  if (text.size() > opt.max_document_bytes) {
    Reject(r, path, 0,
           "document of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
               std::to_string(opt.max_document_bytes));
    return;
  }
  if (!CheckText(text, path, 0, &r->issues)) return;
  Document d;
  d.id = path;
  d.source = path == "-" ? "stdin" : StemOf(path);
  d.path = path;
  if (rereadable) {
    d.origin = MakeOrigin(std::make_shared<const TextFile>(path, TextFile::Kind::kWhole), 0,
                          text.size(), text);
  }
  if (!opt.release_text || d.origin.file == nullptr) d.text = std::move(text);
  r->documents.push_back(std::move(d));
}

void IngestFile(const std::string& path, const IngestOptions& opt, IngestResult* r) {
  if (IsJsonlPath(path)) {
    // The stream reads 256 KiB per system call, not std::filebuf's 8 KiB:
    // those calls took a fifth of the JSONL read. (Declared first, so it
    // outlives the stream.)
    constexpr size_t kStreamBuffer = 256 << 10;
    const std::unique_ptr<char[]> stream_buffer =
        std::make_unique_for_overwrite<char[]>(kStreamBuffer);
    std::ifstream in;
    in.rdbuf()->pubsetbuf(stream_buffer.get(), kStreamBuffer);
    in.open(path, std::ios::binary);
    if (!in) {
      std::error_code ec(errno, std::generic_category());
      Reject(r, path, 0, "cannot open: " + ec.message());
      return;
    }
    std::error_code size_ec;
    const uintmax_t size = fs::file_size(path, size_ec);  // fails for pipes and devices
    IngestJsonlLines(in, path, opt, r,
                     std::make_shared<const TextFile>(path, TextFile::Kind::kJsonl, opt.text_field),
                     size_ec ? UINT64_MAX : size);
    return;
  }
  std::string text;
  std::error_code ec;
  const bool regular = fs::is_regular_file(path, ec);
  if (ReadFile(path, opt.max_document_bytes, &text, r)) {
    AddTextDocument(path, std::move(text), opt, r, regular && !ec);
  }
}

// One entry found by a folder walk: a file to read, or an entry that is not
// read, with the reason (an error rejects it; a warning only says so).
struct FolderEntry {
  enum class Kind : uint8_t { kFile, kError, kWarning };
  std::string path;
  Kind kind = Kind::kFile;
  std::string message;
  bool operator<(const FolderEntry& o) const { return path < o.path; }
};

// What a file type is called in messages ("named pipe (FIFO)", ...).
std::string DescribeType(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo:
      return "named pipe (FIFO)";
    case fs::file_type::socket:
      return "socket";
    case fs::file_type::block:
      return "block device";
    case fs::file_type::character:
      return "character device";
    default:
      return "file of unknown type";
  }
}

// Classifies the symbolic link `path` found in a walk by what it points to.
// Links to files are read; links to folders are not followed (so a walk
// cannot loop), which is a warning; a link that cannot be resolved is an
// error, like an unreadable file.
FolderEntry ClassifyLink(const fs::path& path) {
  FolderEntry e{path.string(), FolderEntry::Kind::kFile, ""};
  std::error_code ec;
  const fs::file_status target = fs::status(path, ec);
  if (ec) {
    e.kind = FolderEntry::Kind::kError;
    if (ec == std::errc::too_many_symbolic_link_levels) {
      e.message = "symbolic link loop (" + ec.message() + "); not read";
    } else if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) {
      e.message = "dangling symbolic link (its target does not exist); not read";
    } else {
      e.message = "cannot follow symbolic link: " + ec.message() + "; not read";
    }
    return e;
  }
  if (fs::is_regular_file(target)) return e;
  e.kind = FolderEntry::Kind::kWarning;
  if (fs::is_directory(target)) {
    e.message =
        "symbolic link to a folder, not followed inside a folder walk; its files were not read "
        "(name the folder itself to read it)";
  } else {
    e.message = "symbolic link to a " + DescribeType(target.type()) +
                "; not read (only regular files are read)";
  }
  return e;
}

// Every entry below `dir`, sorted by path: regular files and links to them to
// read, and one entry with a message for everything that is not read (links
// to folders, dangling or looping links, FIFOs, sockets, devices, unreadable
// subfolders, entries whose type cannot be read). Each folder is listed with
// its own iterator, opened only when its turn comes (one open folder at a
// time), so an error while listing one (reported) costs only the rest of that
// folder, never the rest of the walk: std::filesystem's recursive iterator
// becomes the end iterator on any error, which would drop every folder after
// it. Symbolic links to folders are never followed, so no walk loops.
void CollectFolder(const std::string& dir, std::vector<FolderEntry>* files, IngestResult* r) {
  using Kind = FolderEntry::Kind;
  std::vector<FolderEntry> found;
  std::vector<fs::path> pending{fs::path(dir)};  // folders still to list
  for (bool top = true; !pending.empty(); top = false) {
    const fs::path folder = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec) {
      if (top) {
        Reject(r, dir, 0, "cannot read folder: " + ec.message());
        return;
      }
      // E.g. EACCES, or ENAMETOOLONG past PATH_MAX; not descended.
      found.push_back({folder.string(), Kind::kError, "cannot read folder: " + ec.message()});
      continue;
    }
    for (const fs::directory_iterator end; it != end;) {
      const fs::path path = it->path();
      std::error_code sec;
      const fs::file_status st = it->symlink_status(sec);
      if (sec) {
        found.push_back({path.string(), Kind::kError, "cannot read: " + sec.message()});
      } else if (fs::is_symlink(st)) {
        found.push_back(ClassifyLink(path));
      } else if (fs::is_directory(st)) {
        pending.push_back(path);
      } else if (fs::is_regular_file(st)) {
        found.push_back({path.string(), Kind::kFile, ""});
      } else {
        found.push_back({path.string(), Kind::kWarning,
                         DescribeType(st.type()) + "; not read (only regular files are read)"});
      }
      it.increment(ec);
      if (ec) {
        // The iterator is now the end iterator: the rest of this folder is
        // lost (and named here); the other folders are still walked.
        found.push_back({folder.string(), Kind::kError,
                         "error while listing folder: " + ec.message() +
                             "; its remaining entries were not read"});
        break;
      }
    }
  }
  std::sort(found.begin(), found.end());
  files->insert(files->end(), found.begin(), found.end());
}

}  // namespace

absl::Status IngestOptions::Validate() const {
  if (text_field.empty()) return absl::InvalidArgumentError("--text-field must not be empty");
  if (max_document_bytes == 0 || max_document_bytes > 0xFFFFFFF0ull) {
    return absl::InvalidArgumentError("max_document_bytes must be in [1, 2^32-16]");
  }
  if (threads < 1 || threads > 256) {
    return absl::InvalidArgumentError("threads must be in [1, 256]");
  }
  if (jsonl_chunk_bytes == 0) {
    return absl::InvalidArgumentError("jsonl_chunk_bytes must be positive");
  }
  return absl::OkStatus();
}

bool IngestResult::any_rejected() const {
  return std::any_of(issues.begin(), issues.end(), [](const InputIssue& i) { return i.rejected; });
}

bool CheckText(std::string_view text, const std::string& path, uint64_t line,
               std::vector<InputIssue>* issues) {
  const size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    issues->push_back(InputIssue{
        path, line, "binary data (NUL byte at offset " + std::to_string(nul) + "); not read", true});
    return false;
  }
  size_t bad = 0;
  // simdjson's SIMD check passes valid text (nearly all of it) at memory
  // speed; only invalid text is walked byte by byte to locate and count.
  const size_t first = simdjson::validate_utf8(text.data(), text.size())
                           ? std::string::npos
                           : FirstInvalidUtf8(text, &bad);
  if (first != std::string::npos) {
    issues->push_back(InputIssue{path, line,
                                 "invalid UTF-8 at byte " + std::to_string(first) + " (" +
                                     std::to_string(bad) +
                                     " bad bytes, treated as separators for matching; offsets "
                                     "still point at the original bytes)",
                                 false});
  }
  return true;
}

void IngestJsonl(std::istream& in, const std::string& path, const IngestOptions& opt,
                 IngestResult* r) {
  IngestJsonlLines(in, path, opt, r, nullptr, UINT64_MAX);
}

namespace {

// Appends to *r the records of `chunk`, whose bytes start at `data`.
void IngestJsonlChunk(const char* data, const internal::LineChunks::Chunk& chunk,
                      const std::string& path, const IngestOptions& opt,
                      const std::shared_ptr<const TextFile>& file, simdjson::dom::parser* parser,
                      IngestResult* r) {
  // simdjson parses and validates the whole record (UTF-8 included) at about
  // a GB/s, where it lies: it reads up to SIMDJSON_PADDING bytes past the
  // end, the next lines' or the padding after the chunk.
  const char* const end = data + chunk.size;
  uint64_t lineno = chunk.lines_before;
  for (const char* p = data; p < end;) {
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
    std::string_view line(p, static_cast<size_t>((nl != nullptr ? nl : end) - p));
    ++lineno;
    const uint64_t line_at = chunk.offset + static_cast<uint64_t>(p - data);
    p = nl != nullptr ? nl + 1 : end;
    r->bytes_read += line.size() + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const size_t size = line.size();
    simdjson::dom::element rec;
    if (const simdjson::error_code e = parser->parse(line.data(), size, false).get(rec)) {
      Reject(r, path, lineno,
             std::string("not valid JSON (") + simdjson::error_message(e) + "); record skipped");
      continue;
    }
    simdjson::dom::object obj;
    if (rec.get(obj) != simdjson::SUCCESS) {
      Reject(r, path, lineno, "a JSONL record must be a JSON object; record skipped");
      continue;
    }
    // A key given twice counts with its last value (as most JSON readers do).
    auto find = [&obj](std::string_view name, simdjson::dom::element* out) {
      bool found = false;
      for (const simdjson::dom::key_value_pair field : obj) {
        if (field.key == name) {
          *out = field.value;
          found = true;
        }
      }
      return found;
    };
    simdjson::dom::element text;
    std::string_view text_value;
    if (!find(opt.text_field, &text) || text.get(text_value) != simdjson::SUCCESS) {
      Reject(r, path, lineno,
             "record has no string field \"" + opt.text_field + "\"; record skipped");
      continue;
    }
    if (text_value.size() > opt.max_document_bytes) {
      Reject(r, path, lineno, "text exceeds the document size limit; record skipped");
      continue;
    }
    // Checked and hashed where simdjson left it: a text released at once
    // is never copied.
    if (!CheckText(text_value, path, lineno, &r->issues)) continue;
    if (text_value.empty()) continue;
    Document d;
    d.path = path;
    d.line = lineno;
    // Other fields: a string's value, null or absent as "", anything else as
    // its JSON text.
    auto field = [&](const std::string& name) -> std::string {
      simdjson::dom::element e;
      if (!find(name, &e) || e.is_null()) return "";
      std::string_view sv;
      if (e.get(sv) == simdjson::SUCCESS) return std::string(sv);
      return simdjson::minify(e);
    };
    d.id = field(opt.id_field);
    if (d.id.empty()) d.id = path + ":" + std::to_string(lineno);
    d.source = field(opt.source_field);
    if (d.source.empty()) d.source = path == "-" ? "stdin" : StemOf(path);
    d.date = field(opt.date_field);
    if (file != nullptr) d.origin = MakeOrigin(file, line_at, size, text_value);
    if (file == nullptr || !opt.release_text) d.text.assign(text_value);
    r->documents.push_back(std::move(d));
  }
}

// Moves `part` to the end of *r.
void Append(IngestResult* part, IngestResult* r) {
  r->documents.insert(r->documents.end(), std::make_move_iterator(part->documents.begin()),
                      std::make_move_iterator(part->documents.end()));
  r->issues.insert(r->issues.end(), std::make_move_iterator(part->issues.begin()),
                   std::make_move_iterator(part->issues.end()));
  r->bytes_read += part->bytes_read;
}

void IngestJsonlLines(std::istream& in, const std::string& path, const IngestOptions& opt,
                      IngestResult* r, const std::shared_ptr<const TextFile>& file,
                      uint64_t size_hint) {
  // The threads take turns to read a chunk of lines (in stream order, under
  // the lock), and each parses its chunk from its own buffer, still in its
  // core's cache, into a result of its own. The results are appended in
  // chunk order, each as soon as those before it are, so that no more than
  // a few are held at a time. So they are those of reading line after line,
  // whatever the threads and the chunk size. A thread costs about as much
  // to start as parsing a few tens of KB: no more start than there are
  // chunks to read.
  const uint64_t chunk_bytes = std::max<uint64_t>(1, opt.jsonl_chunk_bytes);
  const int threads = static_cast<int>(std::clamp<uint64_t>(
      size_hint / chunk_bytes + 1, 1, static_cast<uint64_t>(std::max(1, opt.threads))));
  internal::LineChunks chunks(in, chunk_bytes, simdjson::SIMDJSON_PADDING);
  struct Part {
    IngestResult result;
    bool parsed = false;
  };
  std::mutex mu;
  std::deque<Part> parts;  // read, not yet appended, in order; pointers to them stay valid
  internal::RunOnThreads(threads, [&](int) {
    internal::LineChunks::Buffer buffer;
    internal::LineChunks::Chunk chunk;
    simdjson::dom::parser parser;
    for (Part* part = nullptr;;) {
      std::unique_lock<std::mutex> lock(mu);
      if (part != nullptr) part->parsed = true;
      for (; !parts.empty() && parts.front().parsed; parts.pop_front()) {
        Append(&parts.front().result, r);
      }
      if (!chunks.Next(&buffer, &chunk)) break;
      part = &parts.emplace_back();
      // A buffer grown for a line longer than a chunk, and the parser, which
      // allocates about 14 bytes per byte of it, are used under the lock and
      // then freed: one such line is held at a time, as when read line after
      // line, and no thread keeps them for the rest of the file.
      const bool long_line = buffer.capacity() > 2 * chunk_bytes;
      if (!long_line) lock.unlock();
      IngestJsonlChunk(buffer.data(), chunk, path, opt, file, &parser, &part->result);
      if (long_line) {
        buffer = {};
        parser = simdjson::dom::parser();
      }
    }
  });
  if (chunks.failed()) Reject(r, path, chunks.lines(), "read failed after this line");
}

}  // namespace

IngestResult Ingest(const std::vector<std::string>& paths, const IngestOptions& options,
                    std::istream* stdin_stream, const ProgressFn& progress) {
  IngestResult r;
  auto report = [&](bool finished) {
    if (progress) progress(ProgressEvent{"read", r.documents.size(), 0, r.bytes_read, finished});
  };
  std::istream& sin = stdin_stream ? *stdin_stream : std::cin;
  for (const std::string& path : paths) {
    if (path == "-") {
      if (options.stdin_jsonl) {
        IngestJsonl(sin, "-", options, &r);
      } else {
        std::string text;
        if (ReadBounded(sin, options.max_document_bytes, 0, &text)) {
          AddTextDocument("-", std::move(text), options, &r);
        } else {
          r.bytes_read += options.max_document_bytes + 1;
          Reject(&r, "-", 0, OverLimit(options.max_document_bytes));
        }
      }
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      // ENOENT, or e.g. EACCES on a parent folder, ELOOP on a symlink loop.
      Reject(&r, path, 0,
             !ec || ec == std::errc::no_such_file_or_directory ? "no such file or folder"
                                                                : "cannot read: " + ec.message());
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<FolderEntry> files;
      CollectFolder(path, &files, &r);
      for (const FolderEntry& f : files) {
        switch (f.kind) {
          case FolderEntry::Kind::kFile:
            IngestFile(f.path, options, &r);
            break;
          case FolderEntry::Kind::kError:
            Reject(&r, f.path, 0, f.message);
            break;
          case FolderEntry::Kind::kWarning:
            r.issues.push_back(InputIssue{f.path, 0, f.message, false});
            break;
        }
        report(false);
      }
    } else {
      IngestFile(path, options, &r);
      report(false);
    }
  }
  report(true);
  return r;
}

}  // namespace reprint

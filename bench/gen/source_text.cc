// File: bench/gen/source_text.cc
#include "bench/gen/source_text.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <unordered_set>

#include "bench/gen/rng.h"
#include "xxhash.h"

namespace reprint::bench {
namespace {

namespace fs = std::filesystem;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool SelectedDocFile(const std::string& name) {
  return StartsWith(name, "changelog") || name == "copyright" || StartsWith(name, "README");
}

// Appends the regular files under `dir` (sorted, symlinks not followed).
void Walk(const fs::path& dir, bool doc_root, std::vector<std::string>* out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return;
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().native() < b.path().native(); });
  for (const fs::directory_entry& e : entries) {
    const fs::file_status st = e.symlink_status(ec);
    if (ec || fs::is_symlink(st)) continue;
    if (fs::is_directory(st)) {
      Walk(e.path(), doc_root, out);
    } else if (fs::is_regular_file(st)) {
      if (!doc_root || SelectedDocFile(e.path().filename().string())) {
        out->push_back(e.path().string());
      }
    }
  }
}

// Reads a file, inflating it if it is gzip (zlib reads plain files as they
// are). Returns false if it cannot be read; sets *truncated past `limit`.
bool ReadMaybeGzip(const std::string& path, uint64_t limit, std::string* out, bool* truncated) {
  out->clear();
  *truncated = false;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  gzbuffer(f, 1 << 16);
  char buf[1 << 16];
  bool ok = true;
  while (true) {
    const int n = gzread(f, buf, sizeof buf);
    if (n < 0) {
      ok = false;
      break;
    }
    if (n == 0) break;
    out->append(buf, static_cast<size_t>(n));
    if (out->size() > limit) {
      out->resize(limit);
      *truncated = true;
      break;
    }
  }
  gzclose(f);
  return ok;
}

// Length of the valid UTF-8 sequence at s[i], or 0 if invalid.
size_t Utf8Length(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n;
  uint32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  return n;
}

void SplitParagraphs(std::string_view text, std::vector<std::string>* out) {
  std::string cur;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) {
      if (!cur.empty()) out->push_back(std::move(cur));
      cur.clear();
    } else {
      if (!cur.empty()) cur.push_back('\n');
      cur.append(line);
    }
    pos = nl + 1;
  }
  if (!cur.empty()) out->push_back(std::move(cur));
}

// Largest cut <= `at` that does not fall inside a UTF-8 sequence.
size_t Utf8Boundary(std::string_view s, size_t at) {
  while (at > 0 && at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  return at;
}

// Splits `p` into pieces of at most `limit` bytes: at line breaks, then at
// spaces, then anywhere between UTF-8 sequences.
void SplitLong(std::string_view p, size_t limit, std::vector<std::string>* out) {
  if (p.size() <= limit) {
    out->emplace_back(p);
    return;
  }
  while (!p.empty()) {
    if (p.size() <= limit) {
      out->emplace_back(p);
      break;
    }
    std::string_view head = p.substr(0, limit + 1);
    size_t cut = head.rfind('\n');
    if (cut == std::string_view::npos || cut < limit / 4) cut = head.rfind(' ');
    if (cut == std::string_view::npos || cut < limit / 4) cut = Utf8Boundary(p, limit);
    if (cut == 0) cut = limit;
    std::string_view piece = p.substr(0, cut);
    while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\n')) piece.remove_suffix(1);
    if (!piece.empty()) out->emplace_back(piece);
    p.remove_prefix(cut);
    while (!p.empty() && (p.front() == ' ' || p.front() == '\n')) p.remove_prefix(1);
  }
}

}  // namespace

uint64_t CleanText(const std::string& bytes, std::string* out) {
  out->clear();
  out->reserve(bytes.size() + bytes.size() / 16);
  uint64_t controls = 0;
  const std::string_view s(bytes);
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '\r') {
        out->push_back('\n');
        i += (i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
        continue;
      }
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
        ++controls;
        out->push_back(' ');
      } else {
        out->push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    const size_t n = Utf8Length(s, i);
    if (n == 0) {  // Latin-1
      out->push_back(static_cast<char>(0xC0 | (c >> 6)));
      out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
      ++i;
    } else {
      out->append(s.substr(i, n));
      i += n;
    }
  }
  return controls;
}

SourceText LoadSourceText(const SourceOptions& options) {
  SourceText result;
  struct Root {
    std::string path;
    bool doc_root;
  };
  std::vector<Root> roots;
  for (const std::string& r : options.doc_roots) roots.push_back({r, true});
  for (const std::string& r : options.all_file_roots) roots.push_back({r, false});

  std::unordered_set<uint64_t> seen;  // XXH3 of raw file bytes
  std::string raw, clean;
  for (const Root& root : roots) {
    std::vector<std::string> paths;
    Walk(root.path, root.doc_root, &paths);
    const std::string root_name = fs::path(root.path).filename().string();
    for (const std::string& path : paths) {
      bool truncated = false;
      if (!ReadMaybeGzip(path, options.max_file_bytes, &raw, &truncated)) {
        ++result.stats.unreadable_files;
        continue;
      }
      if (std::memchr(raw.data(), 0, raw.size()) != nullptr) {
        ++result.stats.binary_files;
        continue;
      }
      if (!seen.insert(XXH3_64bits(raw.data(), raw.size())).second) {
        ++result.stats.duplicate_files;
        continue;
      }
      const uint64_t controls = CleanText(raw, &clean);
      if (static_cast<double>(controls) > options.max_control_share * raw.size()) {
        ++result.stats.binary_files;
        continue;
      }
      SourceFile f;
      f.path = path;
      if (root.doc_root) {
        const fs::path rel = fs::path(path).lexically_relative(root.path);
        f.package = rel.begin() != rel.end() ? rel.begin()->string() : root_name;
      } else {
        f.package = root_name;
      }
      SplitParagraphs(clean, &f.paragraphs);
      if (f.paragraphs.empty()) continue;
      for (const std::string& p : f.paragraphs) result.stats.bytes += p.size();
      result.stats.truncated_files += truncated ? 1 : 0;
      ++result.stats.files_used;
      result.files.push_back(std::move(f));
    }
  }
  return result;
}

std::vector<SourceDoc> CutDocuments(const SourceText& source, const CutOptions& options,
                                    uint64_t seed) {
  std::vector<SourceDoc> docs;
  std::vector<std::string> pieces;
  for (uint32_t fi = 0; fi < source.files.size(); ++fi) {
    Rng rng(StreamSeed(seed, "cut", fi));
    const auto draw_goal = [&] {
      return static_cast<size_t>(
          rng.Range(static_cast<int>(options.target_bytes - options.jitter_bytes),
                    static_cast<int>(options.target_bytes + options.jitter_bytes)));
    };
    pieces.clear();
    for (const std::string& p : source.files[fi].paragraphs) {
      SplitLong(p, options.max_bytes / 2, &pieces);
    }
    const size_t first_doc = docs.size();
    std::string cur;
    size_t goal = draw_goal();
    const auto flush = [&] {
      if (cur.size() >= options.min_bytes) {
        docs.push_back(SourceDoc{fi, std::move(cur)});
        goal = draw_goal();
      }
      cur.clear();
    };
    for (const std::string& piece : pieces) {
      if (!cur.empty() && cur.size() + 2 + piece.size() > options.max_bytes) flush();
      if (!cur.empty()) cur += "\n\n";
      cur += piece;
      if (cur.size() >= goal) flush();
    }
    if (!cur.empty() && cur.size() < options.min_bytes && docs.size() > first_doc &&
        docs.back().text.size() + 2 + cur.size() <= options.max_bytes) {
      docs.back().text += "\n\n";
      docs.back().text += cur;
      cur.clear();
    }
    flush();
  }
  return docs;
}

}  // namespace reprint::bench

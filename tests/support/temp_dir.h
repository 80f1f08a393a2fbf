// File: tests/support/temp_dir.h
// A scratch directory for one test: created under $TMPDIR (else /tmp) with a
// unique name, removed with everything in it when the TempDir goes away.
//
//   testing::TempDir dir;
//   std::string a = dir.Write("corpus/a.txt", "some text\n");
//   IngestResult r = Ingest({dir.Path("corpus")}, IngestOptions());
//
// Not copyable (two owners would remove the same directory twice); movable.
// Not thread-safe. Not for production use.
#ifndef REPRINT_TESTS_SUPPORT_TEMP_DIR_H_
#define REPRINT_TESTS_SUPPORT_TEMP_DIR_H_

#include <string>
#include <string_view>

namespace reprint::testing {

class TempDir {
 public:
  // Creates the directory; fails the current test (fatally for the caller's
  // later file operations) when it cannot.
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  TempDir(TempDir&& other) noexcept;
  TempDir& operator=(TempDir&& other) noexcept;

  // The directory's absolute path, without a trailing slash.
  const std::string& path() const { return root_; }

  // root/relative (no file-system access).
  std::string Path(std::string_view relative) const;

  // Writes `bytes` to root/relative exactly (binary), creating parent
  // folders; returns the full path. Adds a test failure on error.
  std::string Write(std::string_view relative, std::string_view bytes) const;

  // Creates root/relative and its parents; returns the full path.
  std::string MakeDir(std::string_view relative) const;

 private:
  void Remove();

  std::string root_;
};

// Reads a whole file as bytes; adds a test failure and returns "" on error.
std::string ReadBytes(const std::string& path);

}  // namespace reprint::testing

#endif  // REPRINT_TESTS_SUPPORT_TEMP_DIR_H_

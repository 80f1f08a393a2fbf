#include "tests/support/temp_dir.h"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace reprint::testing {
namespace {

namespace fs = std::filesystem;

std::string TempBase() {
  const char* env = std::getenv("TMPDIR");
  std::string base = env != nullptr && env[0] != '\0' ? env : "/tmp";
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  return base;
}

}  // namespace

TempDir::TempDir() {
  std::string pattern = TempBase() + "/reprint_test_XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) {
    ADD_FAILURE() << "mkdtemp(" << pattern << "): " << std::strerror(errno);
    return;
  }
  root_ = buf.data();
}

TempDir::~TempDir() { Remove(); }

TempDir::TempDir(TempDir&& other) noexcept : root_(std::exchange(other.root_, "")) {}

TempDir& TempDir::operator=(TempDir&& other) noexcept {
  if (this != &other) {
    Remove();
    root_ = std::exchange(other.root_, "");
  }
  return *this;
}

void TempDir::Remove() {
  if (root_.empty()) return;
  // Tests may leave chmod 000 entries behind; give the owner access back so
  // that remove_all can descend. Symlinks are not followed.
  std::error_code ec;
  fs::permissions(root_, fs::perms::owner_all, fs::perm_options::add, ec);
  for (fs::recursive_directory_iterator it(root_, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code pec;
    if (!it->is_symlink(pec)) {
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, pec);
    }
  }
  ec.clear();
  fs::remove_all(root_, ec);
  if (ec) ADD_FAILURE() << "cannot remove " << root_ << ": " << ec.message();
  root_.clear();
}

std::string TempDir::Path(std::string_view relative) const {
  return root_ + "/" + std::string(relative);
}

std::string TempDir::Write(std::string_view relative, std::string_view bytes) const {
  const std::string full = Path(relative);
  std::error_code ec;
  fs::create_directories(fs::path(full).parent_path(), ec);
  if (ec) ADD_FAILURE() << "cannot create the folder of " << full << ": " << ec.message();
  std::ofstream out(full, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) ADD_FAILURE() << "cannot write " << full;
  return full;
}

std::string TempDir::MakeDir(std::string_view relative) const {
  const std::string full = Path(relative);
  std::error_code ec;
  fs::create_directories(full, ec);
  if (ec) ADD_FAILURE() << "cannot create " << full << ": " << ec.message();
  return full;
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot open " << path;
    return "";
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace reprint::testing

#include "reprint/shingle_sets.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "reprint/internal/pread.h"

namespace reprint {
namespace {

// The scratch file starts with this line, padded with newlines to 64 bytes,
// so a file left behind (a crash between create and unlink) says what it is.
constexpr char kHeader[] = "reprint shingle-sets scratch file, format 1, little-endian uint64\n";
constexpr size_t kHeaderBytes = 128;
static_assert(sizeof(kHeader) <= kHeaderBytes);
constexpr size_t kBufferValues = size_t{1} << 15;  // 256 KB of pending writes
constexpr size_t kBlockValues = size_t{1} << 17;   // 1 MB per ForEach read

std::string ScratchDir(const SpillOptions& spill) {
  if (!spill.dir.empty()) return spill.dir;
  const char* tmp = std::getenv("TMPDIR");
  return tmp != nullptr && *tmp != '\0' ? tmp : "/tmp";
}

// An unlinked file in `dir` open for reading and writing, or -1 with errno.
int OpenScratch(const std::string& dir) {
#ifdef O_TMPFILE
  const int fd = open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0) return fd;
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) return -1;
#endif
  std::string path = dir + "/reprint-sets-XXXXXX";
  const int named = mkostemp(path.data(), O_CLOEXEC);
  if (named >= 0) unlink(path.c_str());
  return named;
}

bool WriteAll(int fd, const void* data, size_t bytes) {
  const char* p = static_cast<const char*>(data);
  while (bytes > 0) {
    const ssize_t w = write(fd, p, bytes);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    bytes -= static_cast<size_t>(w);
  }
  return true;
}

absl::Status ScratchError(const std::string& what, const std::string& dir, int err) {
  return absl::InternalError("cannot " + what + " the scratch file in " + dir + ": " +
                             std::strerror(err));
}

}  // namespace

// Sets are appended in index order: whole to `pending`, or written directly
// when larger than it, so each set is either all in the file or all pending.
struct ShingleSets::File {
  int fd = -1;
  std::string dir;
  uint64_t written = kHeaderBytes;  // bytes in the file
  std::vector<uint64_t> pending;    // the bytes after `written`
  ~File() {
    if (fd >= 0) close(fd);
  }
};

ShingleSets::ShingleSets() : status_mu_(std::make_unique<std::mutex>()) {}
ShingleSets::ShingleSets(SpillOptions spill)
    : spill_(std::move(spill)), status_mu_(std::make_unique<std::mutex>()) {}
ShingleSets::ShingleSets(ShingleSets&&) noexcept = default;
ShingleSets& ShingleSets::operator=(ShingleSets&&) noexcept = default;
ShingleSets::~ShingleSets() = default;

void ShingleSets::Fail(absl::Status s) const {
  std::lock_guard<std::mutex> lock(*status_mu_);
  if (status_.ok()) status_ = std::move(s);
}

absl::Status ShingleSets::status() const {
  std::lock_guard<std::mutex> lock(*status_mu_);
  return status_;
}

void ShingleSets::Reserve(size_t sets) {
  where_.reserve(sets);
  sizes_.reserve(sets);
}

uint32_t ShingleSets::Add(std::span<const uint64_t> set) {
  if (file_ == nullptr) {
    uint64_t* at = nullptr;
    if (!set.empty()) {
      if (set.size() > slab_size_ - slab_used_) {
        slab_size_ = std::max(kSlabValues, set.size());
        slab_used_ = 0;
        // Uninitialized: every value is written before it is read.
        slabs_.push_back(std::make_unique_for_overwrite<uint64_t[]>(slab_size_));
      }
      at = slabs_.back().get() + slab_used_;
      std::copy(set.begin(), set.end(), at);
      slab_used_ += set.size();
    }
    where_.push_back(reinterpret_cast<uintptr_t>(at));
    sizes_.push_back(static_cast<uint32_t>(set.size()));
    values_ += set.size();
    if (values_ * sizeof(uint64_t) > spill_.above_bytes &&
        values_ >= spill_.min_mean_values * sizes_.size()) {
      Spill();
    }
    return size() - 1;
  }
  File& f = *file_;
  where_.push_back(f.written + f.pending.size() * sizeof(uint64_t));
  sizes_.push_back(static_cast<uint32_t>(set.size()));
  values_ += set.size();
  if (f.pending.size() + set.size() > kBufferValues) {
    if (!WriteAll(f.fd, f.pending.data(), f.pending.size() * sizeof(uint64_t))) {
      Fail(ScratchError("write", f.dir, errno));
    }
    f.written += f.pending.size() * sizeof(uint64_t);
    f.pending.clear();
  }
  if (set.size() > kBufferValues) {
    if (!WriteAll(f.fd, set.data(), set.size_bytes())) Fail(ScratchError("write", f.dir, errno));
    f.written += set.size_bytes();
  } else {
    f.pending.insert(f.pending.end(), set.begin(), set.end());
  }
  return size() - 1;
}

void ShingleSets::Spill() {
  auto f = std::make_unique<File>();
  f->dir = ScratchDir(spill_);
  f->fd = OpenScratch(f->dir);
  char header[kHeaderBytes];
  std::memset(header, '\n', sizeof header);
  std::memcpy(header, kHeader, sizeof(kHeader) - 1);
  if (f->fd < 0 || !WriteAll(f->fd, header, sizeof header)) {
    // Staying in memory is always correct; only the saving is lost. Adding
    // never tries again.
    Fail(ScratchError("create", f->dir, errno));
    spill_.above_bytes = std::numeric_limits<uint64_t>::max();
    return;
  }
  f->pending.reserve(kBufferValues);
  // Move what is stored, in index order, through the usual append path.
  std::vector<uint64_t> where = std::move(where_);
  std::vector<uint32_t> sizes = std::move(sizes_);
  std::vector<std::unique_ptr<uint64_t[]>> slabs = std::move(slabs_);
  where_.clear();
  sizes_.clear();
  where_.reserve(where.capacity());
  sizes_.reserve(sizes.capacity());
  slab_size_ = slab_used_ = 0;
  values_ = 0;
  file_ = std::move(f);
  for (size_t i = 0; i < where.size(); ++i) {
    Add(std::span<const uint64_t>(reinterpret_cast<const uint64_t*>(where[i]), sizes[i]));
  }
}

std::span<const uint64_t> ShingleSets::operator[](uint32_t i) const {
  return std::span<const uint64_t>(reinterpret_cast<const uint64_t*>(where_[i]), sizes_[i]);
}

std::span<const uint64_t> ShingleSets::Read(uint32_t i, std::vector<uint64_t>* buf) const {
  if (file_ == nullptr) return (*this)[i];
  const File& f = *file_;
  const uint64_t at = where_[i];
  const size_t n = sizes_[i];
  if (at >= f.written) {
    return std::span<const uint64_t>(f.pending.data() + (at - f.written) / sizeof(uint64_t), n);
  }
  if (buf->size() < n) buf->resize(std::max(n, buf->size() * 2));
  if (const int err = internal::PreadFully(f.fd, buf->data(), n * sizeof(uint64_t), at)) {
    Fail(ScratchError("read", f.dir, err));
    return {};
  }
  return std::span<const uint64_t>(buf->data(), n);
}

void ShingleSets::ForEach(
    const std::function<void(uint32_t, std::span<const uint64_t>)>& fn) const {
  ForEach(0, size(), fn);
}

void ShingleSets::ForEach(uint32_t begin, uint32_t end,
                          const std::function<void(uint32_t, std::span<const uint64_t>)>& fn,
                          std::vector<uint64_t>* buf) const {
  assert(begin <= end && end <= size());
  if (file_ == nullptr) {
    for (uint32_t i = begin; i < end; ++i) fn(i, (*this)[i]);
    return;
  }
  // A block of consecutive sets read at once: [block_at, block_at + size).
  std::vector<uint64_t> own;
  std::vector<uint64_t>& block = buf != nullptr ? *buf : own;
  uint64_t block_at = 0;
  size_t block_values = 0;
  const File& f = *file_;
  for (uint32_t i = begin; i < end; ++i) {
    const uint64_t at = where_[i];
    const size_t n = sizes_[i];
    if (at >= f.written || n == 0) {
      fn(i, Read(i, &block));
      continue;
    }
    if (at < block_at || at + n * sizeof(uint64_t) > block_at + block_values * sizeof(uint64_t)) {
      block_values = static_cast<size_t>(
          std::min<uint64_t>(std::max(kBlockValues, n), (f.written - at) / sizeof(uint64_t)));
      if (block.size() < block_values) block.resize(block_values);
      block_at = at;
      if (const int err =
              internal::PreadFully(f.fd, block.data(), block_values * sizeof(uint64_t), at)) {
        Fail(ScratchError("read", f.dir, err));
        block_values = 0;
        fn(i, {});
        continue;
      }
    }
    fn(i, std::span<const uint64_t>(block.data() + (at - block_at) / sizeof(uint64_t), n));
  }
}

}  // namespace reprint

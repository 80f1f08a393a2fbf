// File: reprint/internal/pread.h
// Reads exactly `bytes` at `offset` of a file, retrying short reads and
// EINTR: the scratch file of shingle sets and documents' texts read again
// both need all of what they ask for. Internal: not part of the public API.
// Thread-safe (pread does not move the file offset).
#ifndef REPRINT_INTERNAL_PREAD_H_
#define REPRINT_INTERNAL_PREAD_H_

#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>

namespace reprint::internal {

// 0, or the errno of the failure (ENODATA when the file ends first).
inline int PreadFully(int fd, void* data, size_t bytes, uint64_t offset) {
  char* p = static_cast<char*>(data);
  while (bytes > 0) {
    const ssize_t r = pread(fd, p, bytes, static_cast<off_t>(offset));
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return errno;
    if (r == 0) return ENODATA;
    p += r;
    bytes -= static_cast<size_t>(r);
    offset += static_cast<uint64_t>(r);
  }
  return 0;
}

}  // namespace reprint::internal

#endif  // REPRINT_INTERNAL_PREAD_H_

// File: reprint/shingle_sets.h
// ShingleSets: one sorted unique array of 64-bit values per unit (shingle
// sets, winnowed fingerprints), added in unit order. Sets live in memory
// slabs until they pass a size given by SpillOptions; then they move to an
// unlinked scratch file and are read back by offset, so a large corpus's sets
// cost page cache, not the process's memory (docs/design.md, "Memory").
//
//   ShingleSets sets(SpillOptions{.above_bytes = 16 << 20});
//   sets.Add(set);                        // unit 0
//   std::vector<uint64_t> buf;
//   std::span<const uint64_t> s = sets.Read(0, &buf);
//   if (!sets.status().ok()) ...          // a scratch file could not be written or read
//
// Thread-compatible: Add from one thread; once adding is done, any number of
// threads may Read (each with its own buffer) and call ForEach.
#ifndef REPRINT_SHINGLE_SETS_H_
#define REPRINT_SHINGLE_SETS_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace reprint {

struct SpillOptions {
  // The sets move to a scratch file once those in memory take more than this
  // many bytes and average at least `min_mean_values` values (small sets would
  // cost a read per verified pair more than they save). Never by default.
  uint64_t above_bytes = std::numeric_limits<uint64_t>::max();
  uint64_t min_mean_values = 0;
  // Folder for the scratch file; empty: $TMPDIR, else /tmp. The file is
  // unlinked when created and gone when the sets are.
  std::string dir;
};

class ShingleSets {
 public:
  ShingleSets();  // in memory only
  explicit ShingleSets(SpillOptions spill);
  ShingleSets(ShingleSets&&) noexcept;
  ShingleSets& operator=(ShingleSets&&) noexcept;
  ~ShingleSets();

  // Stores the next set and returns its index. REQUIRES: sorted and unique.
  uint32_t Add(std::span<const uint64_t> sorted_unique_set);
  void Reserve(size_t sets);

  uint32_t size() const { return static_cast<uint32_t>(sizes_.size()); }
  uint32_t set_size(uint32_t i) const { return sizes_[i]; }
  uint64_t total_values() const { return values_; }  // in all sets
  // Whether the sets are in a scratch file.
  bool spilled() const { return file_ != nullptr; }

  // Set i: a view of memory, or (spilled) read into *buf. A failed read
  // gives an empty set and sets status().
  std::span<const uint64_t> Read(uint32_t i, std::vector<uint64_t>* buf) const;
  // REQUIRES: !spilled().
  std::span<const uint64_t> operator[](uint32_t i) const;
  // Start loading what operator[](i) reads, for a read a few steps later:
  // PrefetchRecord the set's address and size, then (once those are in
  // cache) PrefetchValues its first values. REQUIRES: !spilled().
  void PrefetchRecord(uint32_t i) const {
    __builtin_prefetch(where_.data() + i);
    __builtin_prefetch(sizes_.data() + i);
  }
  void PrefetchValues(uint32_t i) const {
    const char* values = reinterpret_cast<const char*>(where_[i]);
    __builtin_prefetch(values);
    __builtin_prefetch(values + 64);
  }
  // Calls fn(i, set i) for every set in index order; a spilled store is read
  // sequentially in large blocks.
  void ForEach(const std::function<void(uint32_t, std::span<const uint64_t>)>& fn) const;
  // The same for sets [begin, end) only; threads may each take a range
  // (each call reads with a buffer of its own: `buf` if given, kept by a
  // caller that makes many passes so that each is not fresh memory).
  // REQUIRES: begin <= end <= size().
  void ForEach(uint32_t begin, uint32_t end,
               const std::function<void(uint32_t, std::span<const uint64_t>)>& fn,
               std::vector<uint64_t>* buf = nullptr) const;

  // OK, or the first error writing or reading the scratch file.
  absl::Status status() const;

 private:
  struct File;
  void Spill();
  void Fail(absl::Status s) const;

  static constexpr size_t kSlabValues = size_t{1} << 20;
  SpillOptions spill_;
  uint64_t values_ = 0;  // stored in all sets
  // In memory: slabs filled in order (adding never moves stored values, so
  // growing costs no copy and no doubled peak). A set is never split across
  // slabs.
  std::vector<std::unique_ptr<uint64_t[]>> slabs_;
  size_t slab_size_ = 0;  // values in the last slab
  size_t slab_used_ = 0;  // of which filled
  // Per set: its first value's address (in memory) or byte offset (spilled).
  std::vector<uint64_t> where_;
  std::vector<uint32_t> sizes_;
  std::unique_ptr<File> file_;
  mutable std::unique_ptr<std::mutex> status_mu_;
  mutable absl::Status status_;
};

}  // namespace reprint

#endif  // REPRINT_SHINGLE_SETS_H_

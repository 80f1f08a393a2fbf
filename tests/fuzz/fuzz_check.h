// File: tests/fuzz/fuzz_check.h
// Shared helpers for the fuzz targets in tests/fuzz/: reading structured
// choices from the fuzzer's bytes, and CHECK-style invariant assertions.
//
//   FuzzInput in(data, size);
//   const int k = in.TakeInt(1, 8);          // a choice from the front bytes
//   std::string_view text = in.Rest();       // what is left
//   FuzzCheck(n.tokens.size() <= text.size(), "more tokens than bytes");
//
// A failed FuzzCheck throws FuzzCheckFailure. Under libFuzzer the exception
// is uncaught, so the process aborts and libFuzzer saves the input as a crash;
// under gtest (tests/fuzz_regression_test.cc replays the same code) the
// exception fails the test with the message. Header-only so that the gtest
// binary (GCC) and the fuzz binaries (clang) compile the same checks.
// Not for production use. Thread-compatible.
#ifndef REPRINT_TESTS_FUZZ_FUZZ_CHECK_H_
#define REPRINT_TESTS_FUZZ_FUZZ_CHECK_H_

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace reprint::fuzz {

struct FuzzCheckFailure : std::logic_error {
  using std::logic_error::logic_error;
};

inline void FuzzCheck(bool ok, std::string_view what) {
  if (!ok) throw FuzzCheckFailure("fuzz invariant violated: " + std::string(what));
}

// Consumes choices from the front of the input; Rest() is the remainder.
// Running out of bytes gives the smallest choice, never an error, so every
// input is valid.
class FuzzInput {
 public:
  FuzzInput(const uint8_t* data, size_t size)
      : data_(reinterpret_cast<const char*>(data)), size_(size) {}

  uint8_t TakeByte() {
    if (pos_ >= size_) return 0;
    return static_cast<uint8_t>(data_[pos_++]);
  }
  bool TakeBool() { return (TakeByte() & 1) != 0; }
  // Uniform-ish in [lo, hi]. REQUIRES: lo <= hi, hi - lo < 2^16.
  int TakeInt(int lo, int hi) {
    const uint32_t v = (static_cast<uint32_t>(TakeByte()) << 8) | TakeByte();
    return lo + static_cast<int>(v % static_cast<uint32_t>(hi - lo + 1));
  }
  std::string_view Rest() {
    std::string_view r(data_ + pos_, size_ - pos_);
    pos_ = size_;
    return r;
  }
  size_t remaining() const { return size_ - pos_; }

 private:
  const char* data_;
  size_t size_;
  size_t pos_ = 0;
};

}  // namespace reprint::fuzz

// Defines LLVMFuzzerTestOneInput calling `fn(const uint8_t*, size_t)`. Used
// once per <name>_fuzz.cc; the regression test calls `fn` directly instead.
#define REPRINT_FUZZ_ENTRY(fn)                                                  \
  extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {     \
    fn(data, size);                                                             \
    return 0;                                                                   \
  }

#endif  // REPRINT_TESTS_FUZZ_FUZZ_CHECK_H_

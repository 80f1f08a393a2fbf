#include "reprint/internal/ascii_classes.h"

#include <array>
#include <cstdint>
#include <random>

#include "gtest/gtest.h"

namespace reprint::internal {
namespace {

// The classes by their definitions, byte by byte.
AsciiClasses Reference(const unsigned char* p) {
  AsciiClasses c;
  for (int k = 0; k < 64; ++k) {
    const unsigned char b = p[k];
    const uint64_t bit = uint64_t{1} << k;
    const bool alpha = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    if (alpha) c.alpha |= bit;
    if (alpha || (b >= '0' && b <= '9')) c.alnum |= bit;
    if (b >= 0x80) c.high |= bit;
    if (b == '\'' || b == '`') c.apostrophes |= bit;
    if (b == '.') c.dots |= bit;
  }
  return c;
}

// Every byte value at every position of the block: block k holds byte
// (k + j) % 256 at position j, so each value meets each position once.
TEST(AsciiClassesTest, EveryByteValueAtEveryPosition) {
  std::array<unsigned char, 64> block;
  for (int k = 0; k < 256; ++k) {
    for (int j = 0; j < 64; ++j) block[j] = static_cast<unsigned char>((k + j) % 256);
    const AsciiClasses want = Reference(block.data());
    EXPECT_EQ(ClassifyAscii64Swar(block.data()), want) << "block " << k;
#if defined(__SSE2__)
    EXPECT_EQ(ClassifyAscii64Sse2(block.data()), want) << "block " << k;
#endif
    EXPECT_EQ(ClassifyAscii64(block.data()), want) << "block " << k;
  }
}

// Random blocks mixing the bytes next to each class's edges ('@' 'A' 'Z' '['
// '`' 'a' 'z' '{' '/' '0' '9' ':' 0x7f 0x80 0xff), where a range test that
// is off by one, or a borrow between bytes, would show.
TEST(AsciiClassesTest, RandomBlocksOfEdgeBytes) {
  constexpr unsigned char kEdges[] = {'@', 'A', 'Z', '[',  '`',  'a',  'z',  '{', '/', '0',
                                      '9', ':', '.', '\'', 0x7f, 0x80, 0xff, 0,   ' ', 0x01};
  std::mt19937_64 rng(7);
  std::array<unsigned char, 64> block;
  for (int round = 0; round < 20000; ++round) {
    for (auto& b : block) b = kEdges[rng() % sizeof kEdges];
    const AsciiClasses want = Reference(block.data());
    ASSERT_EQ(ClassifyAscii64Swar(block.data()), want) << "round " << round;
    ASSERT_EQ(ClassifyAscii64(block.data()), want) << "round " << round;
  }
}

}  // namespace
}  // namespace reprint::internal

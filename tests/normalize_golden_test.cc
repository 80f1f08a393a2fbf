// NormalizeInto on 4,000 seeded random texts must give, case for case, the
// output the byte-at-a-time implementation gave (before the word-at-a-time
// ASCII path): tests/golden/normalize_random.txt holds one XXH3 per case of
// the normalized text, every token and the invalid-byte count, computed with
// that implementation. The texts mix what each branch of the normalizer
// handles: ASCII words of every case and length (longer than a 16-byte
// block too), digits, separators, apostrophes of every style inside and
// around words, initialisms, British spellings, non-ASCII letters, marks,
// CJK, compatibility characters, invalid and truncated UTF-8, and line-end
// hyphens; spans start and end anywhere, also at the end of the buffer, and
// every option combination is used.
//
// To rewrite the file (only when the normalization itself is meant to
// change): REPRINT_WRITE_GOLDEN=1 ./build/tests/reprint_tests
// --gtest_filter='NormalizeGoldenTest.*' from the source tree.
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/normalize.h"
#include "xxhash.h"

namespace reprint {
namespace {

constexpr int kCases = 4000;
constexpr char kGolden[] = REPRINT_SOURCE_DIR "/tests/golden/normalize_random.txt";

// Pieces the texts are made of (each used as is).
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> pieces = {
      " ", " ", " ", "  ", "\n", "\n\n", "\t", ",", ".", ". ", ";", ":", "!", "?", "-", "--",
      "(", ")", "\"", "/", "'", "`", "\xE2\x80\x99", "\xE2\x80\x98", "\xCA\xBC", "\xC2\xB4",
      "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x94", "\xE2\x80\x93",
      "U.S.", "U.N.", "e.g.", "A.B.C", "u.s", "Iraq's", "don't", "Kata\xE2\x80\x99ib",
      "rock'n'roll", "colour", "Colours", "neighbourhood", "behaviour", "four", "hour",
      "organisation", "jeopardise", "realised", "analysed", "travelled", "cancelling",
      "centre", "fibres", "catalogue", "defence", "licence", "honourable", "favourite",
      "caf\xC3\xA9", "CAF\xC3\x89", "stra\xC3\x9F" "e", "\xEF\xAC\x81nance", "\xEF\xBC\xA1\xEF\xBC\xA2",
      "e\xCC\x81", "\xCC\x81", "\xC2\xBD", "\xE4\xB8\xAD\xE6\x96\x87", "\xCE\x91\xCE\xB8\xCE\xAE\xCE\xBD\xCE\xB1",
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "\xC3\xA9t\xC3\xA9", "na\xC3\xAFve",
      "\xF0\x9F\x98\x80", "\xFF", "\xC3", "\xE2\x80", "\xED\xA0\x80", "\xC0\xAF", "\x80",
      "exam-\n", "exam- ", "\xC2\xAD", "rnodern", "c1ear", "0ne", "2,500", "1990s", "x86_64",
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz0123456789abcdefghij",
  };
  return pieces;
}

std::string RandomWord(std::mt19937_64& rng) {
  static const char kChars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  // Mostly short words, some past 16 and 32 bytes.
  const size_t len = rng() % 8 == 0 ? 1 + rng() % 40 : 1 + rng() % 9;
  std::string w;
  for (size_t i = 0; i < len; ++i) w += kChars[rng() % (sizeof(kChars) - 1)];
  return w;
}

std::string RandomText(std::mt19937_64& rng) {
  const std::vector<std::string>& pieces = Pieces();
  const size_t n = rng() % 4 == 0 ? rng() % 8 : rng() % 200;
  const bool plain = rng() % 3 == 0;  // ASCII words and spaces only
  std::string text;
  for (size_t i = 0; i < n; ++i) {
    if (plain || rng() % 2 == 0) {
      text += RandomWord(rng);
      text += plain && rng() % 8 != 0 ? " " : pieces[rng() % pieces.size()];
    } else {
      text += pieces[rng() % pieces.size()];
    }
  }
  return text;
}

uint64_t HashOf(const NormalizedText& n) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset_withSeed(state, 0);
  XXH3_64bits_update(state, n.text.data(), n.text.size());
  for (const Token& t : n.tokens) {
    const uint32_t fields[4] = {t.norm_begin, t.norm_end, t.orig.begin, t.orig.end};
    XXH3_64bits_update(state, fields, sizeof fields);
  }
  XXH3_64bits_update(state, &n.invalid_utf8, sizeof n.invalid_utf8);
  const uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return h;
}

std::vector<uint64_t> CaseHashes() {
  std::mt19937_64 rng(20261128);
  std::vector<uint64_t> hashes;
  NormalizedText reused;  // NormalizeInto reuses buffers from case to case
  for (int c = 0; c < kCases; ++c) {
    const std::string text = RandomText(rng);
    const uint64_t size = text.size();
    uint32_t begin = 0, end = static_cast<uint32_t>(size);
    if (size > 0 && rng() % 2 == 0) {
      begin = static_cast<uint32_t>(rng() % (size + 1));
      end = begin + static_cast<uint32_t>(rng() % (size - begin + 1));
    }
    NormalizeOptions opt;
    const uint64_t o = rng() % 8;
    opt.fold_spelling = (o & 1) == 0;
    opt.dehyphenate = (o & 2) != 0;
    opt.ocr_fold = (o & 4) != 0;
    NormalizeInto(text, Span{begin, end}, opt, &reused);
    const uint64_t h = HashOf(reused);
    EXPECT_EQ(h, HashOf(Normalize(text, Span{begin, end}, opt))) << "case " << c;
    hashes.push_back(h);
  }
  return hashes;
}

TEST(NormalizeGoldenTest, RandomTextsNormalizeAsBefore) {
  const std::vector<uint64_t> got = CaseHashes();
  if (std::getenv("REPRINT_WRITE_GOLDEN") != nullptr) {
    std::ofstream out(kGolden);
    out << "# XXH3 of NormalizeInto's output per case of tests/normalize_golden_test.cc\n";
    for (uint64_t h : got) out << std::hex << h << "\n";
    GTEST_SKIP() << "wrote " << kGolden;
  }
  std::ifstream in(kGolden);
  ASSERT_TRUE(in) << "cannot read " << kGolden;
  std::string line;
  std::getline(in, line);  // the comment
  std::vector<uint64_t> want;
  while (std::getline(in, line)) want.push_back(std::stoull(line, nullptr, 16));
  ASSERT_EQ(want.size(), got.size());
  int differ = 0;
  for (size_t c = 0; c < got.size(); ++c) {
    if (got[c] != want[c] && ++differ <= 10) ADD_FAILURE() << "case " << c << " differs";
  }
  EXPECT_EQ(differ, 0);
}

}  // namespace
}  // namespace reprint

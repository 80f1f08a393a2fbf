// NormalizeInto takes runs of plain ASCII words 64 bytes at a time (the
// block path in normalize.cc); these tests hold it to the byte loop alone
// (internal::NormalizeBytewise), which must give identical output: the
// same text, the same tokens with the same original spans.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/internal/normalize_bytewise.h"
#include "reprint/normalize.h"

namespace reprint {
namespace {

// Empty when the two paths agree on original[span]; else what differs.
std::string Difference(std::string_view original, Span span, const NormalizeOptions& options) {
  NormalizedText fast, slow;
  NormalizeInto(original, span, options, &fast);
  internal::NormalizeBytewise(original, span, options, &slow);
  std::ostringstream out;
  if (fast.text != slow.text)
    out << "text\n  blocks:   " << fast.text << "\n  bytewise: " << slow.text;
  if (fast.invalid_utf8 != slow.invalid_utf8) out << " invalid_utf8";
  if (fast.tokens.size() != slow.tokens.size()) {
    out << " token count " << fast.tokens.size() << " vs " << slow.tokens.size();
  } else {
    for (size_t i = 0; i < fast.tokens.size(); ++i) {
      const Token& f = fast.tokens[i];
      const Token& s = slow.tokens[i];
      if (f.norm_begin != s.norm_begin || f.norm_end != s.norm_end ||
          f.orig.begin != s.orig.begin || f.orig.end != s.orig.end) {
        out << " token " << i << " (" << slow.word(s) << ")";
        break;
      }
    }
  }
  return out.str();
}

// Pieces of text that meet every rule of the byte loop that the block path
// must leave to it or reproduce: initialisms, contractions, apostrophes and
// dots in every position, spelling folds, non-ASCII letters, marks, CJK,
// compatibility forms, invalid bytes, and line-end hyphens.
const std::vector<std::string> kRare = {
    // Dots and apostrophes: joining, ending a word, or between separators.
    ".", "'", "`", "U.S.", "e.g.", "a.", ". a ", "don't", "Iraq's", "'quoted'", "1.2.3", "x.y",
    "A.B", "I.'", "..", "a''b", "a'.", "q.'x",
    // Non-ASCII: after a dot, letters, a curly apostrophe, a ligature, a
    // combining mark (also after a dot), CJK, an invalid byte, a fraction,
    // a curly quote.
    "x.\xC3\xA9", "\xC3\xA9", "\xE2\x80\x99", "\xEF\xAC\x81", "a\xCC\x81", "z.\u0301b",
    "\xE4\xB8\xAD", "\xFF", "\xC2\xBD", "\xE2\x80\x9C",
    // Line-end hyphens (dehyphenate).
    "exam-\nple", "pre- and"};

const std::vector<std::string> kCommon = {
    "the",           "The",       "forces",    "colour", "organise",
    "defence",       "centre",    "a",         "I",      "x",
    "2500",          "7",         "rnodern",   "WORD",   "jeopardise",
    "neighbourhood", "travelled", "catalogue", "b2b",    "abcdefghijklmnopq"};

const std::vector<std::string> kSeparators = {" ", " ",  " ",  "  ", ", ", "\n", " - ", "; ", "/",
                                              "(", ") ", ": ", "\t", "-",  "!",  "\"",  "."};

std::string RandomText(std::mt19937_64& rng, double rare_share, size_t pieces) {
  std::uniform_real_distribution<double> unit(0, 1);
  std::string text;
  for (size_t i = 0; i < pieces; ++i) {
    if (unit(rng) < rare_share) {
      text += kRare[rng() % kRare.size()];
    } else {
      text += kCommon[rng() % kCommon.size()];
    }
    if (unit(rng) < 0.8) text += kSeparators[rng() % kSeparators.size()];
  }
  return text;
}

TEST(NormalizeBlocksTest, RandomTextsMatchTheByteLoop) {
  std::mt19937_64 rng(20261128);
  for (int round = 0; round < 6000; ++round) {
    const double rare_share = std::vector<double>{0.0, 0.01, 0.05, 0.3}[round % 4];
    const std::string text = RandomText(rng, rare_share, 10 + rng() % 200);
    NormalizeOptions options;
    options.fold_spelling = (round & 1) != 0;
    options.dehyphenate = (round & 2) != 0;
    options.ocr_fold = (round & 4) != 0;
    const auto size = static_cast<uint32_t>(text.size());
    Span span{0, size};
    if (round % 3 == 0 && size > 0) {  // a sub-span, which may cut a word or a code point
      const auto a = static_cast<uint32_t>(rng() % size);
      const auto b = static_cast<uint32_t>(rng() % size);
      span = Span{std::min(a, b), std::max(a, b)};
    }
    ASSERT_EQ(Difference(text, span, options), "")
        << "round " << round << ", span [" << span.begin << ", " << span.end << ") of:\n"
        << text;
  }
}

// Each rare piece alone between plain words, at every offset of the block.
TEST(NormalizeBlocksTest, EachRarePieceAtEveryOffset) {
  for (const std::string& piece : kRare) {
    for (size_t lead = 0; lead < 80; ++lead) {
      std::string text(lead, 'w');
      for (size_t k = 1; k < lead; k += 3) text[k] = ' ';
      text += piece;
      text += " the end of a plain sentence, long enough for another block to start.";
      for (const bool fold : {false, true}) {
        NormalizeOptions options;
        options.fold_spelling = fold;
        ASSERT_EQ(Difference(text, Span{0, static_cast<uint32_t>(text.size())}, options), "")
            << "piece '" << piece << "' after " << lead << " bytes:\n"
            << text;
      }
    }
  }
}

// The bundled news reports, whole.
TEST(NormalizeBlocksTest, BundledCorpusMatchesTheByteLoop) {
  int files = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(REPRINT_SOURCE_DIR) + "/corpus/seeds")) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const bool ocr : {false, true}) {
      NormalizeOptions options;
      options.dehyphenate = ocr;
      options.ocr_fold = ocr;
      EXPECT_EQ(Difference(text, Span{0, static_cast<uint32_t>(text.size())}, options), "")
          << entry.path();
    }
    ++files;
  }
  EXPECT_GE(files, 5);
}

}  // namespace
}  // namespace reprint

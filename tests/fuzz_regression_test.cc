// Fuzz regressions: replays, in the normal gtest binary (and so under the
// sanitizer build too), every seed of tests/fuzz/corpus/<target>/ and every
// stored crash of tests/fuzz/regressions/<target>/ through the same checks the
// libFuzzer targets make (tests/fuzz/targets.h). Each crash the fuzzers found
// also has a named TEST below saying what broke and how it was fixed.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/normalize.h"
#include "tests/fuzz/targets.h"
#include "tests/support/temp_dir.h"

namespace reprint {
namespace {

namespace fs = std::filesystem;

// Runs `target` on one input; a broken invariant (FuzzCheckFailure) or any
// other exception fails the test, naming the input.
void Replay(const fuzz::FuzzTarget& target, const std::string& bytes, const std::string& name) {
  try {
    target.run(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  } catch (const std::exception& e) {
    ADD_FAILURE() << target.name << " on " << name << ": " << e.what();
  }
}

// Every file under tests/fuzz/<folder>/<target>/, for every target.
void ReplayFolder(const std::string& folder, size_t* count) {
  for (const fuzz::FuzzTarget& t : fuzz::kFuzzTargets) {
    const fs::path dir = fs::path(REPRINT_SOURCE_DIR) / "tests/fuzz" / folder / t.name;
    if (!fs::is_directory(dir)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.is_regular_file()) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      Replay(t, testing::ReadBytes(f.string()), f.string());
      ++*count;
    }
  }
}

TEST(FuzzRegressionTest, EveryTargetHasASeedCorpus) {
  for (const fuzz::FuzzTarget& t : fuzz::kFuzzTargets) {
    const fs::path dir = fs::path(REPRINT_SOURCE_DIR) / "tests/fuzz/corpus" / t.name;
    EXPECT_TRUE(fs::is_directory(dir) && !fs::is_empty(dir)) << "no seeds in " << dir;
  }
}

TEST(FuzzRegressionTest, SeedCorporaPassTheFuzzChecks) {
  size_t count = 0;
  ReplayFolder("corpus", &count);
  EXPECT_GE(count, 10u);
}

TEST(FuzzRegressionTest, StoredCrashesPassTheFuzzChecks) {
  size_t count = 0;
  ReplayFolder("regressions", &count);  // may be empty
  SUCCEED() << count << " stored inputs replayed";
}

TEST(FuzzRegressionTest, EmptyAndTinyInputs) {
  for (const fuzz::FuzzTarget& t : fuzz::kFuzzTargets) {
    Replay(t, "", "empty input");
    for (int b = 0; b < 256; ++b) Replay(t, std::string(1, static_cast<char>(b)), "one byte");
    Replay(t, std::string(64, '\xFF'), "64 x 0xFF");
    Replay(t, std::string(64, '\0'), "64 NULs");
  }
}

// The documented exception to "token spans never overlap" (normalize_fuzz.h):
// one code point whose compatibility decomposition holds several words.
TEST(FuzzRegressionTest, MultiWordCodePointSharesItsBytes) {
  const std::string text = "a\xC2\xBD" "b \xE2\x84\x85";  // "a½b ℅"
  const NormalizedText n = Normalize(text, Span{0, static_cast<uint32_t>(text.size())});
  ASSERT_EQ(n.tokens.size(), 4u);
  EXPECT_EQ(n.word(n.tokens[0]), "a1");
  EXPECT_EQ(n.word(n.tokens[1]), "2b");
  EXPECT_EQ(n.word(n.tokens[2]), "c");
  EXPECT_EQ(n.word(n.tokens[3]), "o");
  EXPECT_EQ(n.tokens[0].orig, (Span{0, 3}));  // "a½"
  EXPECT_EQ(n.tokens[1].orig, (Span{1, 4}));  // "½b"
  EXPECT_EQ(n.tokens[2].orig, (Span{5, 8}));  // "℅"
  EXPECT_EQ(n.tokens[3].orig, (Span{5, 8}));
  // "½" and "1/2" normalize alike; that is why the words are not joined.
  const std::string ascii = "a1/2b c/o";
  const NormalizedText m = Normalize(ascii, Span{0, static_cast<uint32_t>(ascii.size())});
  EXPECT_EQ(m.text, n.text);
}

}  // namespace
}  // namespace reprint

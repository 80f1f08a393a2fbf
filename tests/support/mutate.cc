#include "tests/support/mutate.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"

namespace reprint::testing {

uint64_t TestSeed(uint64_t fallback) {
  const char* env = std::getenv("REPRINT_TEST_SEED");
  return env ? std::strtoull(env, nullptr, 10) : fallback;
}

std::string ReadSourceFile(const std::string& relative_path) {
  const std::string path = std::string(REPRINT_SOURCE_DIR) + "/" + relative_path;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> SeedWords() {
  std::vector<std::string> words;
  for (const char* name :
       {"000_6fa34ba821cba727.txt", "001_c061e7b9e99da56e.txt", "002_e3ca70eda88bb4a3.txt",
        "003_ffbb0596cbef440d.txt", "004_07ee8de466f1c881.txt"}) {
    std::istringstream in(ReadSourceFile(std::string("corpus/seeds/") + name));
    std::string w;
    while (in >> w) words.push_back(w);
  }
  return words;
}

std::vector<std::string> RandomPassage(const std::vector<std::string>& words, size_t count,
                                       std::mt19937_64& rng) {
  const size_t start = rng() % (words.size() - count);
  return std::vector<std::string>(words.begin() + start, words.begin() + start + count);
}

std::vector<std::string> Mutate(const std::vector<std::string>& passage, double rate,
                                const std::vector<std::string>& vocabulary, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<std::string> out;
  for (const std::string& w : passage) {
    if (u(rng) >= rate) {
      out.push_back(w);
      continue;
    }
    switch (rng() % 3) {
      case 0:  // substitute
        out.push_back(vocabulary[rng() % vocabulary.size()]);
        break;
      case 1:  // delete
        break;
      default:  // insert
        out.push_back(w);
        out.push_back(vocabulary[rng() % vocabulary.size()]);
    }
  }
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string s;
  for (const std::string& w : words) {
    if (!s.empty()) s += ' ';
    s += w;
  }
  return s;
}

std::vector<Document> MutatedCorpus(size_t documents, std::mt19937_64& rng) {
  const std::vector<std::string> words = SeedWords();
  std::vector<std::vector<std::string>> paragraphs;
  std::vector<Document> docs;
  for (size_t d = 0; d < documents; ++d) {
    std::string text;
    const size_t n = 2 + rng() % 4;
    for (size_t p = 0; p < n; ++p) {
      std::vector<std::string> para;
      const uint64_t kind = rng() % 10;
      if (paragraphs.empty() || kind < 4) {
        para = RandomPassage(words, 15 + rng() % 70, rng);
      } else if (kind < 8) {
        const double rate = 0.4 * static_cast<double>(rng() % 1000) / 1000.0;
        para = Mutate(paragraphs[rng() % paragraphs.size()], rate, words, rng);
      } else {
        // An earlier paragraph quoted inside a longer new one.
        const auto& quoted = paragraphs[rng() % paragraphs.size()];
        para = RandomPassage(words, 20 + rng() % 40, rng);
        para.insert(para.begin() + static_cast<long>(rng() % para.size()), quoted.begin(),
                    quoted.end());
      }
      if (para.size() < 6) continue;
      paragraphs.push_back(para);
      text += Join(para) + "\n\n";
    }
    Document doc;
    doc.id = "doc" + std::to_string(d);
    doc.source = "gen";
    doc.path = doc.id;
    doc.text = text;
    docs.push_back(std::move(doc));
  }
  return docs;
}

}  // namespace reprint::testing

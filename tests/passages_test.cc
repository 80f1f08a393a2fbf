// Passages of the listed pairs (reprint/passages.h) on corpus/seeds: every
// pair gets its passages, spans are whole words of the two members' original
// bytes, edits map to the words that differ, and the result does not depend
// on the thread count.
#include "reprint/passages.h"

#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "reprint/ingest.h"
#include "reprint/normalize.h"
#include "reprint/scan.h"
#include "tests/support/mutate.h"

namespace reprint {
namespace {

std::string Bytes(const Document& d, Span s) { return d.text.substr(s.begin, s.size()); }

// ASCII letters and digits (the seeds' words next to a span are ASCII; a
// curly quote's last byte must not count).
bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

class SeedsPassages : public ::testing::Test {
 protected:
  void SetUp() override {
    docs_ = Ingest({std::string(REPRINT_SOURCE_DIR) + "/corpus/seeds"}, IngestOptions()).documents;
    ASSERT_EQ(docs_.size(), 5u);
    absl::StatusOr<ScanResult> r = Scan(docs_, ScanOptions());
    ASSERT_TRUE(r.ok()) << r.status();
    result_ = *r;
    passages_ = AlignListedPairs(docs_, result_, ListedPassagesOptions());
  }
  // (cluster, pair) of the paragraph pair whose A member contains `a` and B `b`.
  std::pair<int, int> FindPair(const std::string& a, const std::string& b) const {
    for (size_t c = 0; c < result_.clusters.size(); ++c) {
      const Cluster& cl = result_.clusters[c];
      if (result_.units[cl.members[0]].kind != UnitKind::kParagraph) continue;
      for (size_t i = 0; i < cl.pairs.size(); ++i) {
        const Unit& ua = result_.units[cl.pairs[i].a];
        const Unit& ub = result_.units[cl.pairs[i].b];
        if (Bytes(docs_[ua.doc], ua.span).find(a) != std::string::npos &&
            Bytes(docs_[ub.doc], ub.span).find(b) != std::string::npos) {
          return {static_cast<int>(c), static_cast<int>(i)};
        }
      }
    }
    return {-1, -1};
  }
  std::vector<Document> docs_;
  ScanResult result_;
  ListedPassages passages_;
};

TEST_F(SeedsPassages, EveryListedPairHasWholeWordPassagesInsideItsMembers) {
  ASSERT_EQ(passages_.passages.size(), result_.clusters.size());
  uint64_t pairs = 0;
  for (size_t c = 0; c < result_.clusters.size(); ++c) {
    const Cluster& cl = result_.clusters[c];
    ASSERT_EQ(passages_.passages[c].size(), cl.pairs.size());
    for (size_t i = 0; i < cl.pairs.size(); ++i, ++pairs) {
      const Unit& ua = result_.units[cl.pairs[i].a];
      const Unit& ub = result_.units[cl.pairs[i].b];
      const std::vector<PairPassage>& ps = passages_.passages[c][i];
      // Every seeds pair shares at least one run of >= 8 words.
      EXPECT_FALSE(ps.empty()) << "cluster " << c + 1 << " pair " << i;
      for (const PairPassage& pp : ps) {
        const Passage& p = pp.passage;
        EXPECT_LE(ua.span.begin, p.a.begin);
        EXPECT_LT(p.a.begin, p.a.end);
        EXPECT_LE(p.a.end, ua.span.end);
        EXPECT_LE(ub.span.begin, p.b.begin);
        EXPECT_LT(p.b.begin, p.b.end);
        EXPECT_LE(p.b.end, ub.span.end);
        // Whole words: the byte before and after a span is not a word byte.
        const std::string& ta = docs_[ua.doc].text;
        EXPECT_TRUE(p.a.begin == 0 || !IsWordByte(ta[p.a.begin - 1]));
        EXPECT_TRUE(p.a.end == ta.size() || !IsWordByte(ta[p.a.end]));
        EXPECT_GE(p.words_matched, 8u);
        uint32_t edited = 0;
        for (const EditSpan& e : pp.edits) {
          EXPECT_TRUE(p.a.begin < e.a.begin && e.a.end < p.a.end) << "edits are inside";
          EXPECT_TRUE(p.b.begin < e.b.begin && e.b.end < p.b.end);
          EXPECT_EQ(e.a_words == 0, e.a.size() == 0);
          EXPECT_EQ(e.b_words == 0, e.b.size() == 0);
          edited += std::max(e.a_words, e.b_words);
        }
        EXPECT_EQ(edited, p.words_edited);
      }
    }
  }
  EXPECT_EQ(passages_.pairs, pairs);
  EXPECT_GE(passages_.stats.passages, pairs);
}

TEST_F(SeedsPassages, RasoolQuoteIsOnePassageInBothParagraphs) {
  const auto [c, i] = FindPair("This trajectory compels", "Rasool added");
  ASSERT_GE(c, 0);
  const std::vector<PairPassage>& ps = passages_.passages[c][i];
  ASSERT_EQ(ps.size(), 1u);
  const VerifiedPair& pair = result_.clusters[c].pairs[i];
  const std::string a = Bytes(docs_[result_.units[pair.a].doc], ps[0].passage.a);
  const std::string b = Bytes(docs_[result_.units[pair.b].doc], ps[0].passage.b);
  EXPECT_EQ(a.substr(0, 23), "This trajectory compels");
  EXPECT_EQ(b.substr(0, 23), "This trajectory compels");
  EXPECT_EQ(a.substr(a.size() - 8), "conflict");
  EXPECT_EQ(b.substr(b.size() - 8), "conflict");
  EXPECT_EQ(ps[0].passage.words_matched, 33u);  // "coalition" = "Coalition" after folding
  EXPECT_TRUE(ps[0].edits.empty());
}

TEST_F(SeedsPassages, ByThisActEditIsAmericanForUs) {
  // 000's pull quote ("the American forces jeopardise") in 001 ("the US
  // forces jeopardize"): the spelling folds, the substituted word is an edit.
  const auto [c, i] = FindPair("By this act, the American forces", "Maj. Gen. Yahya Rasool");
  ASSERT_GE(c, 0);
  const std::vector<PairPassage>& ps = passages_.passages[c][i];
  ASSERT_EQ(ps.size(), 1u);
  ASSERT_EQ(ps[0].edits.size(), 1u);
  const VerifiedPair& pair = result_.clusters[c].pairs[i];
  const EditSpan& e = ps[0].edits[0];
  EXPECT_EQ(Bytes(docs_[result_.units[pair.a].doc], e.a), "American");
  EXPECT_EQ(Bytes(docs_[result_.units[pair.b].doc], e.b), "US");
  EXPECT_EQ(ps[0].passage.words_edited, 1u);
}

TEST_F(SeedsPassages, SameResultForAnyThreadCount) {
  ListedPassagesOptions three;
  three.threads = 3;
  const ListedPassages other = AlignListedPairs(docs_, result_, three);
  ASSERT_EQ(other.passages.size(), passages_.passages.size());
  for (size_t c = 0; c < other.passages.size(); ++c) {
    ASSERT_EQ(other.passages[c].size(), passages_.passages[c].size());
    for (size_t i = 0; i < other.passages[c].size(); ++i) {
      const auto& x = other.passages[c][i];
      const auto& y = passages_.passages[c][i];
      ASSERT_EQ(x.size(), y.size());
      for (size_t k = 0; k < x.size(); ++k) {
        EXPECT_EQ(x[k].passage.a, y[k].passage.a);
        EXPECT_EQ(x[k].passage.b, y[k].passage.b);
        EXPECT_EQ(x[k].passage.runs, y[k].passage.runs);
        EXPECT_EQ(x[k].edits.size(), y[k].edits.size());
      }
    }
  }
  EXPECT_EQ(other.stats.dp_cells, passages_.stats.dp_cells);
}

TEST_F(SeedsPassages, ClusterRangesGiveTheWholeCallsPassages) {
  const size_t n = result_.clusters.size();
  ASSERT_GE(n, 3u);
  uint64_t passages = 0;
  for (const auto& [first, end] : {std::pair<size_t, size_t>{0, 1}, {1, n - 1}, {n - 1, n}}) {
    const ListedPassages part = AlignListedPairs(docs_, result_, ListedPassagesOptions(), first, end);
    ASSERT_EQ(part.passages.size(), end - first);
    for (size_t c = first; c < end; ++c) {
      const auto& got = part.passages[c - first];
      const auto& want = passages_.passages[c];
      ASSERT_EQ(got.size(), want.size()) << "cluster " << c;
      for (size_t i = 0; i < got.size(); ++i) {
        ASSERT_EQ(got[i].size(), want[i].size());
        for (size_t k = 0; k < got[i].size(); ++k) {
          EXPECT_EQ(got[i][k].passage.a, want[i][k].passage.a);
          EXPECT_EQ(got[i][k].passage.b, want[i][k].passage.b);
          EXPECT_EQ(got[i][k].passage.runs, want[i][k].passage.runs);
        }
      }
    }
    passages += part.stats.passages;
  }
  EXPECT_EQ(passages, passages_.stats.passages);
  EXPECT_TRUE(AlignListedPairs(docs_, result_, ListedPassagesOptions(), n, n).passages.empty());
}

// Byte spans of tokens [begin, end), as passages.h defines an edit's side.
Span Tokens(const NormalizedText& t, uint32_t begin, uint32_t end) {
  if (begin == end) return Span{t.tokens[begin - 1].orig.end, t.tokens[begin - 1].orig.end};
  return Span{t.tokens[begin].orig.begin, t.tokens[end - 1].orig.end};
}

// Copies of a unit byte for byte take the result of aligning the unit with
// itself, aligned once per thread and moved to each copy's offsets: the
// passages, edits and stats must be those of aligning every pair on its own.
TEST(ListedPassagesTest, CopiesGiveWhatEachPairAlignedAloneGives) {
  const uint64_t seed = testing::TestSeed(77);
  SCOPED_TRACE("REPRINT_TEST_SEED=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  std::vector<Document> docs = testing::MutatedCorpus(60, rng);
  // A paragraph with repeated phrases (chains besides the diagonal), copied
  // into several documents, twice into one, and edited once.
  const std::string p =
      "the court said the court would rule on the appeal after the court "
      "heard the appeal and the court said nothing more about the appeal";
  const std::string edited =
      "the court said it would rule on the appeal after the court "
      "heard the appeal and said nothing more about the appeal";
  for (const std::string& text : {"A local lede.\n\n" + p + "\n\nA local footer.", p + "\n\n" + p,
                                  "Other words.\n\n" + p, edited + "\n\nThe end of it all."}) {
    Document d;
    d.id = "copy" + std::to_string(docs.size());
    d.text = text;
    docs.push_back(d);
  }
  ScanOptions opt;
  opt.seed = seed;
  opt.pairs = PairListing::kAll;
  absl::StatusOr<ScanResult> r = Scan(docs, opt);
  ASSERT_TRUE(r.ok()) << r.status();
  for (int threads : {1, 3}) {
    ListedPassagesOptions lopt;
    lopt.threads = threads;
    const ListedPassages got = AlignListedPairs(docs, *r, lopt);
    AlignStats want;
    size_t copies = 0;
    for (size_t c = 0; c < r->clusters.size(); ++c) {
      for (size_t i = 0; i < r->clusters[c].pairs.size(); ++i) {
        const VerifiedPair& pair = r->clusters[c].pairs[i];
        const Unit& ua = r->units[pair.a];
        const Unit& ub = r->units[pair.b];
        copies += Bytes(docs[ua.doc], ua.span) == Bytes(docs[ub.doc], ub.span);
        const NormalizedText a = Normalize(docs[ua.doc].text, ua.span, opt.normalize);
        const NormalizedText b = Normalize(docs[ub.doc].text, ub.span, opt.normalize);
        const std::vector<Passage> alone = AlignPassages(a, b, lopt.align, &want);
        const std::vector<PairPassage>& listed = got.passages[c][i];
        ASSERT_EQ(listed.size(), alone.size()) << "cluster " << c << " pair " << i;
        for (size_t k = 0; k < alone.size(); ++k) {
          const Passage& x = listed[k].passage;
          EXPECT_EQ(x.a, alone[k].a);
          EXPECT_EQ(x.b, alone[k].b);
          EXPECT_EQ(x.runs, alone[k].runs);
          EXPECT_EQ(x.score, alone[k].score);
          std::vector<std::pair<Span, Span>> edits, want_edits;
          for (const EditSpan& e : listed[k].edits) edits.emplace_back(e.a, e.b);
          for (const AlignedRun& run : alone[k].runs) {
            if (run.equal) continue;
            want_edits.emplace_back(Tokens(a, run.a_begin, run.a_end),
                                    Tokens(b, run.b_begin, run.b_end));
          }
          EXPECT_EQ(edits, want_edits);
        }
      }
    }
    EXPECT_GE(copies, 10u);
    EXPECT_EQ(got.stats.seeds, want.seeds);
    EXPECT_EQ(got.stats.runs, want.runs);
    EXPECT_EQ(got.stats.chains, want.chains);
    EXPECT_EQ(got.stats.dp_cells, want.dp_cells);
    EXPECT_EQ(got.stats.passages, want.passages);
  }
}

TEST(ListedPassagesOptionsTest, Validates) {
  EXPECT_TRUE(ListedPassagesOptions().Validate().ok());
  ListedPassagesOptions bad;
  bad.threads = 0;
  EXPECT_FALSE(bad.Validate().ok());
  bad = ListedPassagesOptions();
  bad.align.band = -1;
  EXPECT_FALSE(bad.Validate().ok());
}

}  // namespace
}  // namespace reprint

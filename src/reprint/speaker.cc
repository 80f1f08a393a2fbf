#include "reprint/speaker.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <span>
#include <unordered_map>
#include <utility>

#include "reprint/internal/utf8.h"
#include "utf8proc.h"

namespace reprint {
namespace {

using internal::DecodeAt;
using internal::IsAsciiSpace;

// ---------------------------------------------------------------------------
// Characters

bool IsSpaceCp(int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) return IsAsciiSpace(static_cast<char>(cp));
  const utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP ||
         cp == 0x200B;
}

bool IsWordCp(int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

bool IsUpperCp(int32_t cp) {
  if (cp < 0) return false;
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return utf8proc_isupper(cp) != 0;
}

bool IsLetterCp(int32_t cp) { return IsWordCp(cp) && !(cp >= '0' && cp <= '9'); }

// Apostrophes and hyphens join the letters on both sides into one word.
bool IsJoiner(int32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2010 || cp == 0x2011;
}

bool IsDashCp(int32_t cp) { return cp == '-' || (cp >= 0x2012 && cp <= 0x2015) || cp == '~'; }

bool IsQuoteCp(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0xAB || cp == 0xBB || (cp >= 0x2018 && cp <= 0x201F) ||
         cp == 0x2039 || cp == 0x203A;
}

// ---------------------------------------------------------------------------
// Word lists (lower case)

// Lists are sorted at compile time and searched by bisection.
template <size_t N>
constexpr std::array<std::string_view, N> SortedList(const std::string_view (&words)[N]) {
  std::array<std::string_view, N> list{};
  std::copy(words, words + N, list.begin());
  std::sort(list.begin(), list.end());
  return list;
}

template <size_t N>
bool In(std::string_view w, const std::array<std::string_view, N>& list) {
  return !w.empty() && std::binary_search(list.begin(), list.end(), w);
}

// clang-format off
constexpr std::string_view kSpeechVerbsWords[] = {
    "said", "says", "say", "saying", "added", "adds", "adding", "stressed", "stresses", "warned",
    "warns", "told", "tells", "stated", "states", "announced", "announces", "noted", "notes",
    "explained", "explains", "asserted", "asserts", "declared", "declares", "insisted", "insists",
    "wrote", "writes", "tweeted", "posted", "argued", "argues", "emphasized", "emphasised",
    "emphasizes", "emphasises", "urged", "urges", "threatened", "threatens", "confirmed",
    "confirms", "acknowledged", "commented", "remarked", "replied", "replies", "responded",
    "cautioned", "vowed", "vows", "pledged", "reiterated", "reiterates", "affirmed", "affirms",
    "admitted", "reported", "reports", "claimed", "claims", "predicted", "recalled", "observed",
    "underlined", "underscored", "maintained",
};
constexpr auto kSpeechVerbs = SortedList(kSpeechVerbsWords);

// Titles, offices and ranks stripped from the front of a name.
constexpr std::string_view kTitlesWords[] = {
    "mr", "mrs", "ms", "dr", "prof", "maj", "gen", "col", "lt", "capt", "sgt", "adm", "cmdr",
    "brig", "major", "general", "colonel", "lieutenant", "captain", "sergeant", "admiral",
    "commander", "brigadier", "president", "vice", "prime", "minister", "pm", "foreign", "defence",
    "defense", "interior", "finance", "secretary", "spokesman", "spokeswoman", "spokesperson",
    "sheikh", "shaikh", "king", "queen", "prince", "princess", "emir", "sultan", "senator", "sen",
    "rep", "representative", "governor", "gov", "mayor", "chief", "deputy", "ayatollah", "imam",
    "cleric", "judge", "justice", "ambassador", "envoy", "chairman", "chairwoman", "speaker",
    "director", "mp", "advisor", "adviser", "national", "security", "state", "military", "army",
    "supreme", "grand", "sir", "lord", "pope", "rev",
};
constexpr auto kTitles = SortedList(kTitlesWords);

// Capitalised words that start sentences or name times, never a speaker.
constexpr std::string_view kStopWordsWords[] = {
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
    "i", "you", "our", "their", "his", "her", "my", "according", "however", "while", "when",
    "after", "before", "since", "but", "and", "or", "so", "yet", "also", "in", "on", "at", "for",
    "from", "with", "by", "of", "to", "as", "if", "although", "though", "despite", "meanwhile",
    "earlier", "later", "today", "yesterday", "tomorrow", "then", "there", "here", "what", "who",
    "where", "why", "how", "which", "following", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "not", "no", "all", "some", "many",
    "several", "both", "each", "every",
};
constexpr auto kStopWords = SortedList(kStopWordsWords);

// Demonyms: stripped before a title ("Iraqi Foreign Minister"); a name of a
// demonym alone is not a speaker unless it is an acronym ("the US said").
constexpr std::string_view kDemonymsWords[] = {
    "iraqi", "iranian", "american", "israeli", "syrian", "kurdish", "british", "french", "german",
    "russian", "chinese", "turkish", "saudi", "jordanian", "lebanese", "palestinian", "egyptian",
    "yemeni", "qatari", "emirati", "afghan", "pakistani", "indian", "ukrainian", "european",
    "arab", "western", "us", "u.s", "uk", "un", "eu", "iraq", "iran", "israel",
};
constexpr auto kDemonyms = SortedList(kDemonymsWords);

constexpr std::string_view kParticlesWords[] = {
    "bin", "ibn", "bint", "al", "el", "de", "van", "von", "der", "den", "da", "di", "du", "la",
    "le", "dos", "das", "del",
};
constexpr auto kParticles = SortedList(kParticlesWords);

constexpr std::string_view kPrepositionsWords[] = {
    "on", "in", "at", "to", "from", "with", "by", "for", "of", "into", "over", "about", "via",
    "that", "after", "during",
};
constexpr auto kPrepositions = SortedList(kPrepositionsWords);

// A capitalised word right after one of these (determiners and one more
// word may stand between) is an object, never the subject of a speech verb:
// "vowed retaliation against the US and said", "the strike in Jordan".
constexpr std::string_view kGoverningWords[] = {
    "in", "against", "at", "from", "to", "of", "for", "with", "by", "on", "after", "before",
    "into", "onto", "over", "about", "via", "during", "under", "between", "among", "amid",
    "toward", "towards", "near", "across", "through", "throughout", "without", "within", "upon",
    "behind", "beyond", "inside", "outside", "around", "since", "until", "than", "like",
    "despite", "per", "including", "alongside", "versus", "vs",
};
constexpr auto kGoverning = SortedList(kGoverningWords);

// Words that may stand between a one-word name opening its sentence and its
// speech verb ("Rasool also said", "Khazali on Thursday said"). Anything else
// there means the name is not the verb's subject ("Tis the season, and 'em
// folks said").
constexpr std::string_view kAttachWordsWords[] = {
    "also", "again", "then", "later", "had", "has", "have", "was", "were", "is", "are", "would",
    "will", "did", "does", "do", "not", "never", "once", "further", "himself", "herself", "itself",
    "themselves", "earlier", "in", "a", "an", "statement", "interview", "on", "today",
    "yesterday", "tonight",
};
constexpr auto kAttachWords = SortedList(kAttachWordsWords);

// Abbreviations whose period does not end a sentence.
constexpr std::string_view kAbbreviationsWords[] = {
    "mr", "mrs", "ms", "dr", "prof", "maj", "gen", "col", "lt", "capt", "sgt", "adm", "cmdr",
    "brig", "sen", "rep", "gov", "st", "jr", "sr", "no", "vs", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "co", "corp", "ltd", "fig", "mt",
};
constexpr auto kAbbreviations = SortedList(kAbbreviationsWords);

// A name holding one of these words is an organisation (SpeakerKey).
constexpr std::string_view kOrgWordsWords[] = {
    "agency", "alliance", "army", "assembly", "association", "authority", "bank", "brigade",
    "brigades", "bureau", "cabinet", "center", "centre", "coalition", "command", "commission",
    "committee", "company", "corps", "council", "court", "department", "embassy", "federation",
    "force", "forces", "foundation", "front", "government", "group", "guard", "guards",
    "institute", "league", "militia", "ministry", "movement", "network", "news", "observatory",
    "office", "organisation", "organization", "parliament", "party", "police", "press",
    "service", "services", "union", "university",
};
constexpr auto kOrgWords = SortedList(kOrgWordsWords);

// Name suffixes after the surname; kunyas before a given name.
constexpr std::string_view kSuffixesWords[] = {"jr", "sr", "ii", "iii", "iv"};
constexpr auto kSuffixes = SortedList(kSuffixesWords);
constexpr std::string_view kKunyasWords[] = {"abu", "abou", "umm", "um"};
constexpr auto kKunyas = SortedList(kKunyasWords);

// Arabic article prefixes joined by a hyphen ("al-Khazali").
constexpr std::string_view kArticlesWords[] = {
    "al-", "el-", "ul-", "ad-", "an-", "ar-", "as-", "ash-", "at-", "az-",
};
constexpr auto kArticles = SortedList(kArticlesWords);
// clang-format on

// Length of an article prefix at the start of lower-cased `w` followed by more
// text, or 0.
size_t ArticlePrefix(std::string_view w) {
  for (std::string_view a : kArticles) {
    if (w.size() > a.size() && w.substr(0, a.size()) == a) return a.size();
  }
  return 0;
}

// ---------------------------------------------------------------------------
// Tokens

struct Tok {
  uint32_t b = 0;
  uint32_t e = 0;
  int32_t cp = 0;            // first code point
  bool word = false;         // else one punctuation code point
  bool upper = false;        // word starting with an upper-case letter
  bool caps = false;         // word of >= 2 letters, all upper case
  bool article = false;      // "al-Khazali": article, hyphen, upper-case letter
  bool lower_tail = false;   // hyphenated, last part lower case: "US-led"
  bool possessive = false;   // ends in 's or ’s
  bool line_before = false;  // a line break since the previous token
  bool quoted = false;       // inside a quotation (Attributor::MarkQuoted)
};

// Tokenizes text[b, e) into words and punctuation; appends to *out.
void Tokenize(std::string_view text, size_t b, size_t e, std::vector<Tok>* out) {
  bool line = false;
  size_t i = b;
  while (i < e) {
    size_t len = 0;
    const int32_t cp = DecodeAt(text, i, &len);
    if (IsSpaceCp(cp)) {
      line = line || cp == '\n' || cp == 0x2028 || cp == 0x2029;
      i += len;
      continue;
    }
    Tok t;
    t.b = static_cast<uint32_t>(i);
    t.cp = cp;
    t.line_before = line;
    line = false;
    if (!IsWordCp(cp)) {
      t.e = static_cast<uint32_t>(std::min(i + len, e));
      out->push_back(t);
      i += len;
      continue;
    }
    t.word = true;
    t.upper = IsUpperCp(cp);
    int letters = 0, uppers = 0;
    int seg_len = 0;  // letters since the last joiner or dot
    int32_t last_joiner = 0;
    size_t last_joiner_pos = 0;
    size_t j = i;
    int32_t c = cp;
    size_t clen = len;
    int32_t after_hyphen = 0;  // first code point after the last hyphen
    while (true) {
      if (IsLetterCp(c)) {
        ++letters;
        uppers += IsUpperCp(c);
      }
      ++seg_len;
      j += clen;
      if (j >= e) break;
      size_t nlen = 0;
      const int32_t n = DecodeAt(text, j, &nlen);
      if (IsWordCp(n)) {
        c = n;
        clen = nlen;
        continue;
      }
      // A joiner or a dot between word characters stays inside the word; a
      // dot only after a single letter ("U.S", "e.g").
      const bool dot = n == '.' && seg_len == 1;
      if ((IsJoiner(n) || dot) && j + nlen < e) {
        size_t alen = 0;
        const int32_t a = DecodeAt(text, j + nlen, &alen);
        if (IsWordCp(a)) {
          last_joiner = n;
          last_joiner_pos = j;
          if (n == '-' || n == 0x2010 || n == 0x2011) after_hyphen = a;
          seg_len = 0;
          j += nlen;
          c = a;
          clen = alen;
          continue;
        }
      }
      break;
    }
    t.e = static_cast<uint32_t>(j);
    t.caps = letters >= 2 && uppers == letters;
    t.lower_tail = after_hyphen != 0 && !IsUpperCp(after_hyphen) && IsLetterCp(after_hyphen);
    if (!t.upper && after_hyphen != 0 && IsUpperCp(after_hyphen)) {
      // al-Khazali: a lower-case article before the hyphen.
      std::string low;
      for (size_t k = i; k < t.e && low.size() < 5; ++k) {
        low.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[k]))));
      }
      t.article = ArticlePrefix(low) > 0;
    }
    if ((last_joiner == '\'' || last_joiner == 0x2019) && j - last_joiner_pos <= 4 &&
        (text[j - 1] == 's' || text[j - 1] == 'S') &&
        (j - last_joiner_pos == 2 || j - last_joiner_pos == 4)) {
      t.possessive = true;  // Iraq's, Iraq’s
    }
    out->push_back(t);
    i = j;
  }
}

// Lower-cased ASCII form of a word into buf (empty if longer than buf).
std::string_view Lower(std::string_view text, const Tok& t, std::array<char, 32>* buf) {
  const size_t n = t.e - t.b;
  if (n > buf->size()) return {};
  for (size_t k = 0; k < n; ++k) {
    const char c = text[t.b + k];
    (*buf)[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return std::string_view(buf->data(), n);
}

// ---------------------------------------------------------------------------
// Attribution

struct Found {
  enum Kind : uint8_t { kNone, kName, kPronoun } kind = kNone;
  Span name;  // the name, or the pronoun
  Span cue;
  AttributionPattern pattern = AttributionPattern::kNameSaid;
};

class Attributor {
 public:
  Attributor(std::string_view text, const std::vector<Quote>& quotes, const SpeakerOptions& options,
             const std::vector<Quote>* all_quotes)
      : text_(text), quotes_(quotes), options_(options), all_quotes_(all_quotes) {}

  // `paragraphs`: the text's paragraphs, or null to segment them here.
  std::vector<std::optional<Speaker>> Run(const std::vector<Span>* paragraphs) {
    if (paragraphs == nullptr) own_paras_ = SegmentParagraphs(text_, options_.segment);
    paras_ = paragraphs != nullptr ? *paragraphs : own_paras_;
    BuildQuoteMask();
    result_.assign(quotes_.size(), std::nullopt);
    for (size_t qi = 0; qi < quotes_.size(); ++qi) {
      const Quote& q = quotes_[qi];
      if (q.depth > 0 || q.outer.begin >= q.outer.end || q.outer.end > text_.size() ||
          q.inner.begin > q.inner.end || q.inner.end > q.outer.end) {
        continue;
      }
      result_[qi] = ForQuote(qi);
    }
    return std::move(result_);
  }

 private:
  std::optional<Speaker> ForQuote(size_t qi) {
    const Quote& q = quotes_[qi];
    if (std::optional<Speaker> s = Byline(q)) return s;

    // The sentence around the quote, bounded by its paragraph, by the
    // neighbouring quotes and by context_bytes.
    const size_t pb = ParaOf(q.outer.begin);
    const size_t pe = ParaOf(q.outer.end - 1);
    size_t lead_floor = pb < paras_.size() ? paras_[pb].begin : 0;
    if (qi > 0 && quotes_[qi - 1].outer.end <= q.outer.begin) {
      lead_floor = std::max<size_t>(lead_floor, quotes_[qi - 1].outer.end);
    }
    if (q.outer.begin > options_.context_bytes) {
      lead_floor = std::max<size_t>(lead_floor, q.outer.begin - options_.context_bytes);
    }
    lead_floor = std::min<size_t>(lead_floor, q.outer.begin);
    const size_t para_end = pe < paras_.size() ? paras_[pe].end : text_.size();
    const size_t lead_begin = SentenceStart(q.outer.begin, lead_floor,
                                            pb < paras_.size() ? paras_[pb].end : text_.size());
    size_t trail_limit = std::min<size_t>(std::max<size_t>(para_end, q.outer.end),
                                          size_t{q.outer.end} + options_.context_bytes);
    if (qi + 1 < quotes_.size() && quotes_[qi + 1].outer.begin >= q.outer.end) {
      trail_limit = std::min<size_t>(trail_limit, quotes_[qi + 1].outer.begin);
    }
    const size_t trail_end = SentenceEnd(q.outer.end, trail_limit, para_end);

    std::vector<Tok> trail;
    Tokens(q.outer.end, trail_end, &trail);
    std::vector<Tok> lead;
    Tokens(lead_begin, q.outer.begin, &lead);

    bool pronoun = false;
    Span pronoun_cue;
    if (TrailingApplies(q, trail)) {
      const Found f = Cues(trail, 0, trail.size(), /*descending=*/false, 24);
      if (f.kind == Found::kName) return Make(f, f.pattern, 0.9f);
      if (f.kind == Found::kPronoun) {
        pronoun = true;
        pronoun_cue = f.cue;
      }
    }
    const Found g = Cues(lead, 0, lead.size(), /*descending=*/true, 1000);
    if (g.kind == Found::kName) return Make(g, g.pattern, 0.8f);
    if (g.kind == Found::kPronoun && !pronoun) {
      pronoun = true;
      pronoun_cue = g.cue;
    }
    if (pronoun) {
      if (options_.pronoun_sentences == 0) return std::nullopt;
      std::optional<Speaker> s = Antecedent(qi, lead_begin, options_.pronoun_sentences, true);
      if (!s) return std::nullopt;
      s->pattern = AttributionPattern::kPronoun;
      s->confidence = 0.6f;
      s->cue = pronoun_cue;
      return s;
    }
    if (!HasWord(lead)) {
      std::optional<Speaker> s = Antecedent(qi, lead_begin, 1, false);
      if (!s) return std::nullopt;
      s->pattern = AttributionPattern::kContinuation;
      s->confidence = 0.5f;
      s->cue = Span{q.outer.begin, q.outer.begin};
      return s;
    }
    return std::nullopt;
  }

  static bool HasWord(const std::vector<Tok>& t) {
    return std::any_of(t.begin(), t.end(), [](const Tok& k) { return k.word; });
  }

  // The sentence goes on after the quote: the quote does not end in . ! ?,
  // or the next word is lower case ("…!” she said).
  bool TrailingApplies(const Quote& q, const std::vector<Tok>& trail) const {
    if (trail.empty() || trail.front().line_before) return false;
    const char last = q.inner.end > q.inner.begin ? text_[q.inner.end - 1] : ' ';
    if (last != '.' && last != '!' && last != '?') return true;
    const Tok& t = trail.front();
    return t.word && !t.upper;
  }

  // ---- sentences ----------------------------------------------------------

  // Whether the . ! ? at text_[i] ends a sentence in a paragraph ending at pe;
  // *next gets the start of the next sentence (or pe).
  bool Boundary(size_t i, size_t pe, size_t* next) const {
    size_t j = i + 1;
    while (j < pe) {  // closing marks and brackets after the terminator
      size_t len = 0;
      const int32_t cp = DecodeAt(text_, j, &len);
      if (!(cp == ')' || cp == ']' || cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 ||
            cp == 0xBB)) {
        break;
      }
      j += len;
    }
    if (j < pe && !IsAsciiSpace(text_[j])) return false;
    while (j < pe && IsAsciiSpace(text_[j])) ++j;
    if (j < pe) {
      size_t len = 0;
      const int32_t cp = DecodeAt(text_, j, &len);
      if (!(IsUpperCp(cp) || (cp >= '0' && cp <= '9') || IsQuoteCp(cp) || cp == '(' ||
            (cp >= 0x80 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LO))) {
        return false;
      }
    }
    if (text_[i] == '.') {
      size_t k = i;
      while (k > 0 && i - k < 8 && std::isalpha(static_cast<unsigned char>(text_[k - 1]))) --k;
      if (i - k == 1) return false;  // an initial: "U.S. Army", "John F. Kennedy"
      std::array<char, 32> buf;
      Tok t;
      t.b = static_cast<uint32_t>(k);
      t.e = static_cast<uint32_t>(i);
      if (In(Lower(text_, t, &buf), kAbbreviations)) return false;
    }
    *next = j;
    return true;
  }

  // Start of the sentence holding the text just before `end`: after the last
  // sentence boundary in [floor, end) whose next sentence starts by `end`.
  size_t SentenceStart(size_t end, size_t floor, size_t pe) const {
    for (size_t i = end; i-- > floor;) {
      const char c = text_[i];
      if (c != '.' && c != '!' && c != '?') continue;
      size_t next = 0;
      if (Boundary(i, pe, &next) && next <= end) return std::max(next, floor);
    }
    return floor;
  }

  // End of the sentence that starts at or goes on at `begin`, by `limit`.
  size_t SentenceEnd(size_t begin, size_t limit, size_t pe) const {
    for (size_t i = begin; i < limit; ++i) {
      const char c = text_[i];
      if (c != '.' && c != '!' && c != '?') continue;
      size_t next = 0;
      if (Boundary(i, pe, &next)) return i + 1;
    }
    return limit;
  }

  // Index of the paragraph holding `pos`, or of the last one before it;
  // paras_.size() when there is none.
  size_t ParaOf(size_t pos) const {
    auto it = std::upper_bound(paras_.begin(), paras_.end(), pos,
                               [](size_t p, const Span& s) { return p < s.begin; });
    if (it == paras_.begin()) return paras_.size();
    return static_cast<size_t>(it - paras_.begin()) - 1;
  }

  // The outer spans of every quotation of the text, merged and sorted: the
  // quotes given, and those ExtractQuotes finds with no minimum length (scare
  // quotes such as “targeted retaliation” are not in `quotes_` when the caller
  // filtered them). No word inside them is a speaker or a speech cue.
  void BuildQuoteMask() {
    std::vector<Quote> extracted;
    if (all_quotes_ == nullptr) {
      QuoteOptions all;
      all.min_words = 0;
      all.segment = options_.segment;
      extracted = ExtractQuotes(text_, all);
    }
    std::vector<Span> spans;
    for (const Quote& q : all_quotes_ ? *all_quotes_ : extracted) {
      if (q.outer.begin < q.outer.end && q.outer.end <= text_.size()) spans.push_back(q.outer);
    }
    for (const Quote& q : quotes_) {
      if (q.outer.begin < q.outer.end && q.outer.end <= text_.size()) spans.push_back(q.outer);
    }
    std::sort(spans.begin(), spans.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
    for (const Span& s : spans) {
      if (!mask_.empty() && s.begin < mask_.back().end) {
        mask_.back().end = std::max(mask_.back().end, s.end);
      } else {
        mask_.push_back(s);
      }
    }
  }

  // Tokenizes text_[b, e) into *out (appending), marking quoted tokens.
  void Tokens(size_t b, size_t e, std::vector<Tok>* out) const {
    const size_t first = out->size();
    Tokenize(text_, b, e, out);
    if (mask_.empty()) return;
    auto it = std::upper_bound(mask_.begin(), mask_.end(), b,
                               [](size_t p, const Span& s) { return p < s.begin; });
    if (it != mask_.begin()) --it;
    for (size_t k = first; k < out->size(); ++k) {
      Tok& t = (*out)[k];
      while (it != mask_.end() && it->end <= t.b) ++it;
      t.quoted = it != mask_.end() && it->begin <= t.b;
    }
  }

  // ---- names --------------------------------------------------------------

  static bool NameWord(const Tok& t) {
    return t.word && (t.upper || t.article) && !t.lower_tail && !t.quoted;
  }

  bool IsPronoun(const Tok& t) const {
    if (!t.word || t.e - t.b > 3) return false;
    std::array<char, 32> buf;
    const std::string_view w = Lower(text_, t, &buf);
    return w == "he" || w == "she";
  }

  bool IsWordIn(const Tok& t, bool (*pred)(std::string_view)) const {
    std::array<char, 32> buf;
    return t.word && pred(Lower(text_, t, &buf));
  }

  // The name starting at t[i] (a NameWord), within [i, to). Returns the index
  // after the run; *name gets the name without leading titles (empty when the
  // run is no acceptable name).
  size_t NameRun(const std::vector<Tok>& t, size_t i, size_t to, Span* name,
                 bool* possessive) const {
    std::array<size_t, 16> words;
    size_t n = 0;
    words[n++] = i;
    size_t k = i + 1;
    std::array<char, 32> buf;
    while (n + 2 <= words.size() && !t[words[n - 1]].possessive) {
      const Tok& last = t[words[n - 1]];
      size_t m = k;
      // "Maj. Gen.", "John F. Kennedy"
      if (m < to && !t[m].word && t[m].cp == '.' && t[m].b == last.e &&
          (In(Lower(text_, last, &buf), kAbbreviations) || In(Lower(text_, last, &buf), kTitles) ||
           last.e - last.b == 1 || Lower(text_, last, &buf).find('.') != std::string_view::npos)) {
        ++m;
      }
      if (m < to && !t[m].line_before && NameWord(t[m])) {
        words[n++] = m;
        k = m + 1;
        continue;
      }
      if (m + 1 < to && !t[m].line_before && !t[m + 1].line_before && t[m].word && !t[m].upper &&
          In(Lower(text_, t[m], &buf), kParticles) && NameWord(t[m + 1])) {
        words[n++] = m;
        words[n++] = m + 1;
        k = m + 2;
        continue;
      }
      break;
    }
    *possessive = t[words[n - 1]].possessive ||
                  (k < to && !t[k].word && (t[k].cp == '\'' || t[k].cp == 0x2019) &&
                   t[k].b == t[words[n - 1]].e);
    // Strip leading stop words, titles, and demonyms before a title.
    size_t s = 0;
    while (s < n) {
      const std::string_view w = Lower(text_, t[words[s]], &buf);
      if (In(w, kStopWords) || In(w, kTitles) || In(w, kParticles)) {
        ++s;
        continue;
      }
      if (In(w, kDemonyms)) {
        if (s + 1 < n && In(Lower(text_, t[words[s + 1]], &buf), kTitles)) {
          ++s;
          continue;
        }
        if (s + 1 == n && !t[words[s]].caps) ++s;  // "Iraqi" alone; "US" stays
      }
      break;
    }
    *name = Span{};
    if (s == n) return k;
    const Tok& first = t[words[s]];
    const Tok& last = t[words[n - 1]];
    if (s + 1 == n) {
      int letters = 0;
      for (size_t x = first.b; x < first.e; ++x) {
        letters += std::isalpha(static_cast<unsigned char>(text_[x])) ||
                   static_cast<unsigned char>(text_[x]) >= 0x80;
      }
      if (letters < 2) return k;
    }
    *name = Span{first.b, last.e};
    // "US Central Command (CENTCOM)"
    if (!*possessive && k + 2 < to && !t[k].word && t[k].cp == '(' && t[k + 1].caps &&
        !t[k + 2].word && t[k + 2].cp == ')') {
      name->end = t[k + 2].e;
      k += 3;
    }
    return k;
  }

  // The first pronoun (if allowed) or acceptable name in t[from, to), within
  // `max_words` words. With `verb` (the index of a speech verb after `to`),
  // the name must be able to be that verb's subject: not the object of a
  // preposition (Governed), and not a lone word opening its sentence unless
  // the verb is attached to it (Attached).
  Found FirstName(const std::vector<Tok>& t, size_t from, size_t to, bool allow_pronoun,
                  int max_words, size_t verb = SIZE_MAX) const {
    Found f;
    int words = 0;
    for (size_t i = from; i < to && words < max_words;) {
      if (!t[i].word) {
        ++i;
        continue;
      }
      ++words;
      if (allow_pronoun && IsPronoun(t[i])) {
        f.kind = Found::kPronoun;
        f.name = Span{t[i].b, t[i].e};
        return f;
      }
      if (!NameWord(t[i])) {
        ++i;
        continue;
      }
      Span name;
      bool possessive = false;
      const size_t next = NameRun(t, i, to, &name, &possessive);
      const bool subject =
          verb == SIZE_MAX ||
          (!Governed(t, i) && !(name.begin == t[i].b && name.end == t[i].e && next == i + 1 &&
                                SentenceInitial(t[i].b) && !Attached(t, next, verb)));
      if (name.size() > 0 && !possessive && subject) {
        f.kind = Found::kName;
        f.name = name;
        return f;
      }
      i = std::max(next, i + 1);
    }
    return f;
  }

  // Whether the name run starting at t[i] follows a preposition, with at
  // most two words that are neither capitalised nor speech verbs between:
  // "against the US", "in eastern Baghdad".
  bool Governed(const std::vector<Tok>& t, size_t i) const {
    std::array<char, 32> buf;
    int between = 0;
    for (size_t k = i; k-- > 0;) {
      if (!t[k].word) return false;
      const std::string_view w = Lower(text_, t[k], &buf);
      if (In(w, kGoverning)) return true;
      if (t[k].upper || between == 2 || In(w, kSpeechVerbs)) return false;
      ++between;
    }
    return false;
  }

  // Whether text_[pos] opens a sentence: only white space, quote marks and
  // brackets stand between it and the start of its paragraph or a . ! ?
  bool SentenceInitial(size_t pos) const {
    const size_t p = ParaOf(pos);
    const size_t floor = p < paras_.size() ? paras_[p].begin : 0;
    size_t i = pos;
    while (i > floor) {
      const int32_t cp = internal::DecodeBefore(text_, i);
      if (!(IsSpaceCp(cp) || IsQuoteCp(cp) || cp == '(' || cp == '[')) {
        return cp == '.' || cp == '!' || cp == '?';
      }
      size_t len = 1;
      if (cp >= 0x80) len = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i -= std::min(len, i - floor);
    }
    return true;
  }

  // Whether only commas-set-off appositions, brackets, dashes, adverbs in
  // -ly and the few words of kAttachWords stand in t[from, verb).
  bool Attached(const std::vector<Tok>& t, size_t from, size_t verb) const {
    std::array<char, 32> buf;
    bool aside = false;  // inside ", ... ," or "( ... )"
    for (size_t k = from; k < verb && k < t.size(); ++k) {
      if (!t[k].word) {
        const int32_t cp = t[k].cp;
        if (cp == ',' || cp == '(' || cp == ')') {
          aside = cp == ',' ? !aside : cp == '(';
        } else if (!IsDashCp(cp)) {
          return false;
        }
        continue;
      }
      if (aside) continue;
      const std::string_view w = Lower(text_, t[k], &buf);
      const bool adverb = w.size() > 4 && w.substr(w.size() - 2) == "ly";
      if (!(In(w, kAttachWords) || adverb || (t[k].upper && In(w, kStopWords)))) return false;
    }
    return true;
  }

  bool SegmentStartsLower(const std::vector<Tok>& t, size_t from, size_t to) const {
    for (size_t i = from; i < to; ++i) {
      if (t[i].word) return !t[i].upper && !t[i].article && !IsPronoun(t[i]);
    }
    return false;
  }

  // The subject of the speech verb t[verb], looked for in t[from, verb).
  // "X, APPOSITION, said" and "X, the ... of Y said" take X.
  Found SubjectBefore(const std::vector<Tok>& t, size_t from, size_t verb) const {
    std::array<size_t, 9> cuts;  // segment starts, split at , and ;
    size_t n = 0;
    cuts[n++] = from;
    for (size_t i = from; i < verb; ++i) {
      if (!t[i].word && (t[i].cp == ',' || t[i].cp == ';')) {
        if (n == cuts.size()) {
          std::copy(cuts.begin() + 1, cuts.end(), cuts.begin());
          --n;
        }
        cuts[n++] = i + 1;
      }
    }
    auto seg_end = [&](size_t k) { return k + 1 < n ? cuts[k + 1] - 1 : verb; };
    auto has_word = [&](size_t k) {
      for (size_t i = cuts[k]; i < seg_end(k); ++i) {
        if (t[i].word) return true;
      }
      return false;
    };
    size_t k = n - 1;
    if (!has_word(k) && k > 0) --k;
    if (k > 0 && SegmentStartsLower(t, cuts[k], seg_end(k))) {
      const Found g = FirstName(t, cuts[k - 1], seg_end(k - 1), true, 12, verb);
      if (g.kind == Found::kName) return g;
    }
    const Found f = FirstName(t, cuts[k], seg_end(k), true, 24, verb);
    if (f.kind != Found::kNone || k == 0) return f;
    // "X, Iraq's military spokesperson, said": no name in the apposition.
    const Found g = FirstName(t, cuts[k - 1], seg_end(k - 1), true, 12, verb);
    return g.kind == Found::kName ? g : f;
  }

  // "said Iraqi military spokesman Yahya Rasool": a name within a few words
  // after the verb, before any preposition or punctuation.
  Found AfterVerb(const std::vector<Tok>& t, size_t verb, size_t to) const {
    Found f;
    std::array<char, 32> buf;
    int words = 0;
    for (size_t i = verb + 1; i < to && words < 6;) {
      if (!t[i].word) break;
      ++words;
      if (NameWord(t[i])) {
        Span name;
        bool possessive = false;
        const size_t next = NameRun(t, i, to, &name, &possessive);
        if (name.size() > 0 && !possessive) {
          f.kind = Found::kName;
          f.name = name;
          return f;
        }
        i = std::max(next, i + 1);
        continue;
      }
      const std::string_view w = Lower(text_, t[i], &buf);
      if (In(w, kPrepositions) || IsPronoun(t[i]) || In(w, kSpeechVerbs)) break;
      ++i;
    }
    return f;
  }

  bool IsVerb(const Tok& t) const {
    if (!t.word || t.upper || t.e - t.b > 12) return false;
    std::array<char, 32> buf;
    return In(Lower(text_, t, &buf), kSpeechVerbs) && !t.quoted;
  }

  bool IsAccordingTo(const std::vector<Tok>& t, size_t i, size_t to) const {
    if (!t[i].word || i + 1 >= to || !t[i + 1].word) return false;
    std::array<char, 32> buf;
    if (Lower(text_, t[i], &buf) != "according") return false;
    return Lower(text_, t[i + 1], &buf) == "to";
  }

  // Speech cues in t[from, to): speech verbs with their subject (or object),
  // and "according to X". Trailing context tries the nearest cue to the quote
  // first: ascending; leading context: descending. A pronoun subject is
  // returned only when no cue names anyone.
  Found Cues(const std::vector<Tok>& t, size_t from, size_t to, bool descending,
             int max_words_before) const {
    std::vector<size_t> cues;
    for (size_t i = from; i < to; ++i) {
      if (IsVerb(t[i]) || IsAccordingTo(t, i, to)) cues.push_back(i);
    }
    Found pronoun;
    for (size_t n = 0; n < cues.size(); ++n) {
      const size_t k = descending ? cues.size() - 1 - n : n;
      const size_t c = cues[k];
      if (IsAccordingTo(t, c, to)) {
        size_t seg = c + 2;
        while (seg < to &&
               !(!t[seg].word && (t[seg].cp == ',' || t[seg].cp == ';' || t[seg].cp == '.'))) {
          ++seg;
        }
        Found f = FirstName(t, c + 2, seg, false, 8);
        if (f.kind == Found::kName) {
          f.cue = Span{t[c].b, f.name.end};
          f.pattern = AttributionPattern::kAccordingTo;
          return f;
        }
        continue;
      }
      const size_t lb = k > 0 ? cues[k - 1] + 1 : from;
      int words = 0;
      for (size_t i = lb; i < c; ++i) words += t[i].word;
      if (words <= max_words_before) {
        Found f = SubjectBefore(t, lb, c);
        if (f.kind == Found::kName) {
          f.cue = Span{std::min(f.name.begin, t[c].b), std::max(f.name.end, t[c].e)};
          f.pattern = AttributionPattern::kNameSaid;
          return f;
        }
        if (f.kind == Found::kPronoun) {
          if (pronoun.kind == Found::kNone) {
            pronoun = f;
            pronoun.cue = Span{f.name.begin, t[c].e};
          }
          continue;
        }
      }
      if (words == 0) {
        Found f = AfterVerb(t, c, to);
        if (f.kind == Found::kName) {
          f.cue = Span{t[c].b, f.name.end};
          f.pattern = AttributionPattern::kSaidName;
          return f;
        }
      }
    }
    return pronoun;
  }

  // ---- pull quotes ----------------------------------------------------------

  // A dash and a short name in text_[b, e), e.g. "- Iraqi military spokesman
  // Yahya Rasool".
  std::optional<Speaker> BylineIn(size_t b, size_t e) const {
    if (b >= e || e - b > options_.byline_max_bytes + 4) return std::nullopt;
    size_t len = 0;
    if (!IsDashCp(DecodeAt(text_, b, &len))) return std::nullopt;
    std::vector<Tok> t;
    Tokens(b + len, e, &t);
    Found f = FirstName(t, 0, t.size(), false, 12);
    if (f.kind != Found::kName) return std::nullopt;
    f.cue = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    return Make(f, AttributionPattern::kByline, 0.9f);
  }

  std::optional<Speaker> Byline(const Quote& q) const {
    const size_t p = ParaOf(q.outer.end - 1);
    if (p >= paras_.size() || q.outer.end > paras_[p].end) return std::nullopt;
    const Span rest = Trimmed(q.outer.end, paras_[p].end);
    if (rest.size() > 0) return BylineIn(rest.begin, rest.end);
    const size_t first = ParaOf(q.outer.begin);
    if (first >= paras_.size() || Trimmed(paras_[first].begin, q.outer.begin).size() > 0) {
      return std::nullopt;  // only a quote standing alone is a pull quote
    }
    if (p + 1 >= paras_.size()) return std::nullopt;
    return BylineIn(paras_[p + 1].begin, paras_[p + 1].end);
  }

  Span Trimmed(size_t b, size_t e) const {
    while (b < e && IsAsciiSpace(text_[b])) ++b;
    while (e > b && IsAsciiSpace(text_[e - 1])) --e;
    return Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
  }

  // ---- back references ------------------------------------------------------

  // The speaker a quote at `pos` continues, or a pronoun before `pos` refers
  // to: looking back over at most `sentences` sentences with sentence
  // punctuation, `continuation_paragraphs` paragraph breaks and
  // `lookback_bytes` bytes. A sentence overlapping an attributed quote gives
  // that quote's speaker; otherwise the named subject of its speech verb; for
  // pronouns, also a name that opens the sentence.
  std::optional<Speaker> Antecedent(size_t qi, size_t pos, uint32_t sentences, bool pronoun) const {
    const size_t floor = pos > options_.lookback_bytes ? pos - options_.lookback_bytes : 0;
    if (pos == 0) return std::nullopt;
    size_t p = ParaOf(pos - 1);
    if (p >= paras_.size()) return std::nullopt;
    const size_t start_para = ParaOf(pos);
    size_t cur = std::min<size_t>(pos, paras_[p].end);
    uint32_t seen = 0;
    while (cur > floor) {
      if (start_para - p > options_.continuation_paragraphs) break;
      const Span para = paras_[p];
      const Span s_end = Trimmed(para.begin, std::min<size_t>(cur, para.end));
      if (s_end.end <= para.begin) {
        if (p == 0) break;
        --p;
        cur = paras_[p].end;
        continue;
      }
      const size_t e = s_end.end;
      const size_t b = SentenceStart(e - 1, std::max<size_t>(para.begin, floor), para.end);
      cur = b;
      if (b >= e || Junk(b, e)) continue;
      ++seen;
      // A quote in the sentence.
      auto it = std::upper_bound(quotes_.begin(), quotes_.begin() + static_cast<long>(qi), e,
                                 [](size_t x, const Quote& q) { return x <= q.outer.begin; });
      for (int k = 0; k < 8 && it != quotes_.begin(); ++k) {
        --it;
        if (it->outer.end <= b) continue;
        const size_t j = static_cast<size_t>(it - quotes_.begin());
        if (result_[j]) return result_[j];
      }
      std::vector<Tok> t;
      Tokens(b, e, &t);
      const Found f = Cues(t, 0, t.size(), false, 24);
      if (f.kind == Found::kName) return Make(f, f.pattern, 0.6f);
      if (pronoun && f.kind == Found::kNone && !t.empty() && NameWord(t[0]) &&
          !IsWordIn(t[0], [](std::string_view w) { return In(w, kStopWords); })) {
        // With no speech verb, a lone capitalised word opening the sentence
        // ("Christmas came early") is no antecedent: a full name only.
        const Found g = FirstName(t, 0, std::min<size_t>(t.size(), 8), false, 8);
        if (g.kind == Found::kName &&
            text_.substr(g.name.begin, g.name.size()).find(' ') != std::string_view::npos) {
          return Make(g, AttributionPattern::kPronoun, 0.6f);
        }
      }
      if (seen >= sentences) break;
    }
    return std::nullopt;
  }

  // A line without sentence punctuation at its end ("Live Story", a
  // newsletter sign-up line) is skipped when looking back.
  bool Junk(size_t b, size_t e) const {
    if (e <= b) return true;
    const auto byte = [&](size_t back) { return static_cast<unsigned char>(text_[e - back]); };
    const unsigned char c = byte(1);
    if (c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')') return false;
    if (e - b >= 3 && byte(3) == 0xE2 && byte(2) == 0x80 && (c == 0x9D || c == 0x99)) {
      return false;  // ” ’
    }
    return !(e - b >= 2 && byte(2) == 0xC2 && c == 0xBB);  // »
  }

  // ---- results --------------------------------------------------------------

  Speaker Make(const Found& f, AttributionPattern pattern, float confidence) const {
    Speaker s;
    s.span = options_.resolve_names ? Resolve(f.name) : f.name;
    s.cue = f.cue;
    s.name = std::string(text_.substr(s.span.begin, s.span.size()));
    s.key = SpeakerKey(s.name);
    s.pattern = pattern;
    s.confidence = confidence;
    return s;
  }

  // Lower-cased surname of a one-word name, article dropped.
  std::string Surname(Span s) const {
    std::string w;
    for (size_t i = s.begin; i < s.end; ++i) {
      const char c = text_[i];
      w.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    }
    const size_t a = ArticlePrefix(w);
    return w.substr(a);
  }

  // A one-word name becomes the full name it abbreviates, when the text
  // introduced exactly one before it: a surname ("Rasool" -> "Yahya
  // Rasool") when every earlier full name with that surname has one key
  // (after "Joe Biden" and "Hunter Biden", "Biden" stays as it is); an
  // acronym ("CENTCOM") the earliest "... (CENTCOM)" before it.
  Span Resolve(Span name) const {
    const std::string_view w = text_.substr(name.begin, name.size());
    if (w.find_first_of(" \t\n(") != std::string_view::npos) return name;
    bool lower = false;
    for (char c : w) lower = lower || (c >= 'a' && c <= 'z');
    BuildSurnames();
    if (!lower) {  // an acronym
      auto it = acronyms_.find(std::string(w));
      return it != acronyms_.end() && it->second.begin < name.begin ? it->second : name;
    }
    auto it = surnames_.find(Surname(name));
    if (it == surnames_.end() || it->second.first.begin >= name.begin) return name;
    // Two people with this surname before the name: unsure.
    return it->second.conflict < name.begin ? name : it->second.first;
  }

  // SpeakerKey of a name in the text, computed once per distinct name.
  const std::string& KeyOf(std::string_view name) const {
    auto [it, fresh] = keys_.try_emplace(name);
    if (fresh) it->second = SpeakerKey(name);
    return it->second;
  }

  void BuildSurnames() const {
    if (surnames_built_) return;
    surnames_built_ = true;
    std::vector<Tok> t;
    for (const Span& para : paras_) {
      t.clear();
      Tokens(para.begin, para.end, &t);
      for (size_t i = 0; i < t.size();) {
        if (!NameWord(t[i])) {
          ++i;
          continue;
        }
        Span name;
        bool possessive = false;
        const size_t next = NameRun(t, i, t.size(), &name, &possessive);
        i = std::max(next, i + 1);
        const std::string_view w = text_.substr(name.begin, name.size());
        if (name.size() == 0 || possessive) continue;
        const size_t open = w.rfind('(');
        if (open != std::string_view::npos) {  // "US Central Command (CENTCOM)"
          if (w.back() == ')' && open + 2 < w.size()) {
            acronyms_.emplace(std::string(w.substr(open + 1, w.size() - open - 2)), name);
          }
          continue;
        }
        const size_t space = w.find_last_of(' ');
        if (space == std::string_view::npos) continue;
        const Span last{static_cast<uint32_t>(name.begin + space + 1), name.end};
        auto [it, fresh] = surnames_.try_emplace(Surname(last), FullNames{name});
        FullNames& f = it->second;
        if (!fresh && f.conflict == UINT32_MAX &&
            w != text_.substr(f.first.begin, f.first.size()) &&
            KeyOf(w) != KeyOf(text_.substr(f.first.begin, f.first.size()))) {
          f.conflict = name.begin;  // names come in text order: the first conflict
        }
      }
    }
  }

  std::string_view text_;
  const std::vector<Quote>& quotes_;
  const SpeakerOptions& options_;
  const std::vector<Quote>* all_quotes_;  // null: BuildQuoteMask extracts them
  std::vector<Span> own_paras_;           // when not given
  std::span<const Span> paras_;
  std::vector<std::optional<Speaker>> result_;
  std::vector<Span> mask_;  // BuildQuoteMask
  // Lazily built: lower-cased surname -> its full names; acronym -> its
  // earliest "Name (ACRONYM)"; keys of names met (KeyOf).
  struct FullNames {
    Span first;                      // the earliest full name with the surname
    uint32_t conflict = UINT32_MAX;  // the first one keyed differently
  };
  mutable bool surnames_built_ = false;
  mutable std::unordered_map<std::string, FullNames> surnames_;
  mutable std::unordered_map<std::string, Span> acronyms_;
  mutable std::unordered_map<std::string_view, std::string> keys_;
};

}  // namespace

const char* AttributionPatternName(AttributionPattern pattern) {
  switch (pattern) {
    case AttributionPattern::kNameSaid:
      return "name_said";
    case AttributionPattern::kSaidName:
      return "said_name";
    case AttributionPattern::kAccordingTo:
      return "according_to";
    case AttributionPattern::kByline:
      return "byline";
    case AttributionPattern::kPronoun:
      return "pronoun";
    case AttributionPattern::kContinuation:
      return "continuation";
  }
  return "?";
}

absl::Status SpeakerOptions::Validate() const {
  if (!segment.Valid()) {
    return absl::InvalidArgumentError("SpeakerOptions.segment: wrapped_line_max must be > 0");
  }
  if (context_bytes == 0) {
    return absl::InvalidArgumentError("SpeakerOptions.context_bytes must be > 0");
  }
  return absl::OkStatus();
}

std::vector<std::optional<Speaker>> Attribute(std::string_view text,
                                              const std::vector<Quote>& quotes,
                                              const SpeakerOptions& options,
                                              const std::vector<Quote>* all_quotes,
                                              const std::vector<Span>* paragraphs) {
  if (text.size() >= UINT32_MAX) return std::vector<std::optional<Speaker>>(quotes.size());
  return Attributor(text, quotes, options, all_quotes).Run(paragraphs);
}

namespace {

// Lower-case ASCII letters of `word` (NFKD, marks and non-letters dropped).
// *all_caps: two letters or more, all upper case.
std::string FoldLetters(std::string_view word, bool* all_caps) {
  std::string ascii;
  bool upper = true;
  utf8proc_uint8_t* folded = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
      static_cast<utf8proc_ssize_t>(word.size()), &folded,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK));
  if (n >= 0 && folded != nullptr) {
    for (utf8proc_ssize_t i = 0; i < n; ++i) {
      const char c = static_cast<char>(folded[i]);
      if (c >= 'A' && c <= 'Z') {
        ascii.push_back(static_cast<char>(c + 32));
      } else if (c >= 'a' && c <= 'z') {
        ascii.push_back(c);
        upper = false;
      }
    }
  }
  std::free(folded);
  if (all_caps != nullptr) *all_caps = upper && ascii.size() >= 2;
  return ascii;
}

// kh->k, gh->g, ph->f, ck->k, q->k.
std::string FoldDigraphs(const std::string& ascii) {
  std::string s;
  for (size_t i = 0; i < ascii.size(); ++i) {
    const char c = ascii[i];
    const char n = i + 1 < ascii.size() ? ascii[i + 1] : '\0';
    if ((c == 'k' || c == 'g') && n == 'h') {
      s.push_back(c);
      ++i;
    } else if (c == 'p' && n == 'h') {
      s.push_back('f');
      ++i;
    } else if (c == 'c' && n == 'k') {
      s.push_back('k');
      ++i;
    } else {
      s.push_back(c == 'q' ? 'k' : c);
    }
  }
  return s;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// The skeleton of a surname (see SpeakerKey). REQUIRES: !ascii.empty().
std::string Skeleton(const std::string& ascii) {
  const std::string s = FoldDigraphs(ascii);
  std::string key;
  bool vowel_seen = IsVowel(s[0]) && s[0] != 'y';
  key.push_back(vowel_seen ? 'a' : s[0]);
  for (size_t i = 1; i < s.size(); ++i) {
    if (IsVowel(s[i])) {
      if (!vowel_seen) key.push_back(s[i] == 'o' || s[i] == 'u' ? 'u' : 'a');
      vowel_seen = true;
      continue;
    }
    if (s[i] != key.back()) key.push_back(s[i]);
  }
  return key;
}

// The initial of a given name: its first letter after the digraph folds, a
// vowel as its class (a; e, i -> i; o, u -> u).
char GivenInitial(const std::string& ascii) {
  const char c = FoldDigraphs(ascii)[0];
  if (c == 'e' || c == 'i') return 'i';
  if (c == 'o' || c == 'u') return 'u';
  return c;
}

// Lower-cased ASCII bytes of `w` without trailing dots ("Maj." -> "maj",
// "U.S." -> "u.s"), for the word lists.
std::string ListForm(std::string_view w) {
  while (!w.empty() && w.back() == '.') w.remove_suffix(1);
  std::string out;
  for (char c : w) out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  return out;
}

}  // namespace

std::string SpeakerKey(std::string_view name) {
  const auto trim = [](std::string_view s) {
    while (!s.empty() && (IsAsciiSpace(s.front()) || s.front() == ',')) s.remove_prefix(1);
    while (!s.empty() && (IsAsciiSpace(s.back()) || s.back() == '.' || s.back() == ',')) {
      s.remove_suffix(1);
    }
    return s;
  };
  name = trim(name);
  // 1. A parenthesised acronym at the end is dropped; alone, it is the name.
  bool acronym = false;
  if (!name.empty() && name.back() == ')') {
    const size_t open = name.rfind('(');
    if (open != std::string_view::npos) {
      const std::string_view before = trim(name.substr(0, open));
      name = before.empty() ? trim(name.substr(open + 1, name.size() - open - 2)) : before;
      acronym = !before.empty();
    }
  }
  // Words, split at white space (no-break spaces included).
  std::vector<std::string_view> words;
  for (size_t i = 0; i < name.size();) {
    size_t len = 0;
    if (IsSpaceCp(DecodeAt(name, i, &len))) {
      i += len;
      continue;
    }
    const size_t b = i;
    while (i < name.size() && !IsSpaceCp(DecodeAt(name, i, &len))) i += len;
    words.push_back(name.substr(b, i - b));
  }
  if (words.empty()) return "";
  // 2. An organisation: a parenthesised acronym, or a word such as Command,
  // Ministry, Army. Its key is its folded words, less leading stop words and
  // a leading country abbreviation ("US Central Command" -> "central
  // command"); titles stay ("Foreign Ministry").
  bool org = acronym;
  for (size_t k = 0; k < words.size() && !org; ++k) org = In(ListForm(words[k]), kOrgWords);
  if (org) {
    size_t first = 0;
    while (first + 1 < words.size()) {
      const std::string w = ListForm(words[first]);
      bool caps = false;
      FoldLetters(words[first], &caps);
      const bool abbreviation = In(w, kDemonyms) && (caps || w.find('.') != std::string::npos);
      if (!In(w, kStopWords) && !abbreviation) break;
      ++first;
    }
    std::string key;
    for (size_t k = first; k < words.size(); ++k) {
      if (k > first && In(ListForm(words[k]), kStopWords)) continue;  // "Ministry of Defence"
      const std::string w = FoldLetters(words[k], nullptr);
      if (w.empty()) continue;
      if (!key.empty()) key.push_back(' ');
      key += w;
    }
    if (!key.empty()) return key;
  }
  // 3. A person: less leading stop words, titles and demonyms ("Maj. Gen.",
  // "Iraqi Foreign Minister") and trailing suffixes ("Jr.").
  size_t first = 0, last = words.size();
  while (first + 1 < last) {
    const std::string w = ListForm(words[first]);
    if (!(In(w, kStopWords) || In(w, kTitles) || In(w, kDemonyms))) break;
    ++first;
  }
  while (last - first > 1 && In(ListForm(words[last - 1]), kSuffixes)) --last;
  // 4. The surname's skeleton.
  std::string_view surname = words[last - 1];
  {
    const std::string low = ListForm(surname.substr(0, std::min<size_t>(surname.size(), 5)));
    surname.remove_prefix(ArticlePrefix(low));
  }
  bool caps = false;
  const std::string ascii = FoldLetters(surname, &caps);
  if (ascii.empty()) {
    // No Latin letters: the lower-cased surname itself (invalid UTF-8 kept).
    return ListForm(surname);
  }
  if (caps) return ascii;  // an acronym: "CENTCOM" -> "centcom"
  std::string key = Skeleton(ascii);
  // 5. The given name's initial: the first word before the surname that is
  // no particle or kunya ("Abu Baqir al-Saadi" -> 'b').
  for (size_t k = first; k + 1 < last; ++k) {
    const std::string w = ListForm(words[k]);
    if (In(w, kParticles) || In(w, kKunyas)) continue;
    const std::string given = FoldLetters(words[k], nullptr);
    if (given.empty()) continue;
    key.push_back(':');
    key.push_back(GivenInitial(given));
    break;
  }
  return key;
}

std::string_view SpeakerKeySurname(std::string_view key) {
  const size_t colon = key.rfind(':');
  return colon == std::string_view::npos ? key : key.substr(0, colon);
}

bool SpeakerKeysCompatible(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const std::string_view sa = SpeakerKeySurname(a), sb = SpeakerKeySurname(b);
  if (sa != sb || sa.empty()) return false;
  // Same surname: compatible unless both name a given initial, and differ.
  return sa.size() == a.size() || sb.size() == b.size();
}

}  // namespace reprint

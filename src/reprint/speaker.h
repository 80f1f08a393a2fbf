// File: reprint/speaker.h
// Attributes quotations (reprint/quote.h) to speakers, and gives every speaker
// a key that survives the transliteration variants outlets use for one name
// and still tells different people apart.
//
//   std::vector<Quote> quotes = ExtractQuotes(doc.text);
//   std::vector<std::optional<Speaker>> who = Attribute(doc.text, quotes);
//   if (who[i]) use(who[i]->name, who[i]->key);  // "Yahya Rasool", "rasl:y"
//
// Patterns, tried in this order for each top-level quote:
//  1. kByline       a pull quote's byline: the quote ends its paragraph and
//                   the next paragraph (or the rest of its own) is a dash and
//                   a short name: "- Iraqi military spokesman Yahya Rasool".
//  2. After the quote, in the same sentence (when the sentence goes on after
//     the quote): kNameSaid "…,” Khazali stressed." / "…,” Qais al-Khazali,
//     secretary-general of Asaib Ahl al-Haq, said on X."; kSaidName "…,” said
//     Iraqi military spokesman Yahya Rasool"; kAccordingTo "…,” according to
//     a statement from the US Central Command (CENTCOM)."
//  3. Before the quote, in the same sentence: "Rasool added: “…”", "He said
//     that “…”", "According to the CENTCOM, the airstrike "…"". The nearest
//     speech verb is tried first.
//  4. kPronoun: "he"/"she" as the subject in 2 or 3 refers back, over at most
//     `pronoun_sentences` earlier sentences, to the speaker of a quote in such
//     a sentence or to the named subject of its speech verb.
//  5. kContinuation: a quote that opens its sentence with no attribution of its
//     own continues the speaker of the sentence just before it (skipping lines
//     without sentence punctuation, such as "Live Story"), within
//     `continuation_paragraphs` paragraphs.
// A name is a run of capitalised words (with particles al-, bin, de, ...),
// less leading titles, stop words and demonyms ("Maj. Gen.", "Iraqi Foreign
// Minister", "The"). The subject of a speech verb is never a possessive
// ("Iraq's"), never a name right after a preposition (with at most two
// lower-case words between: "against the US", "in eastern Baghdad"), never a
// word inside a quotation (shorter quotes included: see Attribute), and a
// lone capitalised word opening its sentence only when the verb is attached
// to it ("Rasool added", "Khazali, the group's leader, said"; not "'Tis the
// season, and 'em folks said"). A pronoun's antecedent without a speech verb
// must be a name of two words or more. A one-word name is resolved to the
// earliest longer name in the text with the same surname ("Rasool" -> "Yahya
// Rasool", "Khazali" -> "Qais al-Khazali") unless an earlier full name of
// that surname has another key ("Joe Biden", "Hunter Biden": "Biden" stays);
// an acronym to the earliest "Name (ACRONYM)" before it. Names are only ever
// taken from the text; when a cue is unsure, the quote has no speaker.
//
// Pure functions; thread-safe. Linear in the text: each quote looks at most
// `context_bytes` around itself and `lookback_bytes` before itself.
#ifndef REPRINT_SPEAKER_H_
#define REPRINT_SPEAKER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "reprint/quote.h"
#include "reprint/segment.h"

namespace reprint {

enum class AttributionPattern : uint8_t {
  kNameSaid,      // X said / X added: / X stressed / X told ... (either side)
  kSaidName,      // said X
  kAccordingTo,   // according to X
  kByline,        // pull quote followed by "- X"
  kPronoun,       // he said / He also threatened that ...
  kContinuation,  // a quote that follows another of the same speaker
};
// "name_said", "said_name", "according_to", "byline", "pronoun", "continuation"
const char* AttributionPatternName(AttributionPattern pattern);

struct Speaker {
  // Where `name` is written in the text: text.substr(span) == name. For a
  // resolved short name this is the earlier full mention.
  Span span;
  // The words that attribute this quote ("Rasool added", "he said", "according
  // to Khazali", "- Iraqi military spokesman Yahya Rasool"); empty (at the
  // quote's start) for kContinuation.
  Span cue;
  // The name as written, titles removed: "Yahya Rasool", "Qais al-Khazali",
  // "US Central Command (CENTCOM)".
  std::string name;
  // SpeakerKey(name): equal for transliteration variants across outlets,
  // different for different people.
  std::string key;
  AttributionPattern pattern = AttributionPattern::kNameSaid;
  // Rough belief in the attribution, in (0, 1]: 0.9 direct cue next to the
  // quote, 0.8 cue before the quote, 0.6 pronoun, 0.5 continuation.
  float confidence = 0;
};

struct SpeakerOptions {
  // Bytes looked at before and after a quote for its cue. Larger: finds cues
  // in long sentences; smaller: fewer cues taken from unrelated clauses.
  uint32_t context_bytes = 400;
  // Bytes looked back for the antecedent of a pronoun or continuation.
  uint32_t lookback_bytes = 1500;
  // Sentences (with sentence punctuation) looked back for a pronoun's
  // antecedent. 0 turns pronoun attribution off.
  uint32_t pronoun_sentences = 3;
  // Paragraph breaks a look-back (continuation or pronoun) may cross to the
  // earlier speaker's sentence. 0: the same paragraph only.
  uint32_t continuation_paragraphs = 3;
  // Longest byline after a pull quote, in bytes.
  uint32_t byline_max_bytes = 120;
  // Resolve one-word names to a longer earlier mention in the same text.
  bool resolve_names = true;
  // Paragraph splitting, as for ExtractQuotes.
  SegmentOptions segment;

  absl::Status Validate() const;
};

// One optional speaker per element of `quotes`. Quotes with depth > 0 get
// none (they are quoted by the outer quote's speaker). No word inside any
// quotation of the text, `quotes` or shorter ones the caller filtered out
// (scare quotes), is ever a speaker or a cue: `all_quotes` lists them
// (ExtractQuotes with min_words 0); null: Attribute extracts them itself with
// the default QuoteOptions, min_words 0 (one more linear pass).
// `paragraphs`: SegmentParagraphs(text, options.segment) where the caller
// has it; null: segmented here.
// REQUIRES: quotes come from ExtractQuotes(text, ...) (sorted, inside text);
//           so does *all_quotes; options.Validate().ok()
std::vector<std::optional<Speaker>> Attribute(std::string_view text,
                                              const std::vector<Quote>& quotes,
                                              const SpeakerOptions& options = {},
                                              const std::vector<Quote>* all_quotes = nullptr,
                                              const std::vector<Span>* paragraphs = nullptr);

// The speaker key of a name: equal for the transliteration variants of one
// name across outlets, different for different people with a similar
// surname. Rule, in order:
//  1. A parenthesised acronym at the end is dropped ("US Central Command
//     (CENTCOM)" keys as "US Central Command"); an acronym alone stays.
//  2. An organisation (an acronym was dropped, or a word such as Command,
//     Ministry, Army, Council, Forces, Group; see kOrgWords) keys as its
//     words folded to lower-case ASCII letters, less leading stop words and a
//     leading country abbreviation: "US Central Command" -> "central
//     command" (so does "Central Command (CENTCOM)"); "Foreign Ministry"
//     keeps its title word.
//  3. A person: leading titles, stop words and demonyms are dropped ("Maj.
//     Gen.", "Iraqi Foreign Minister"), and suffixes (Jr., III).
//  4. The surname (last word, an Arabic article prefix such as al- dropped)
//     folded to lower-case ASCII letters (NFKD, marks and non-letters
//     dropped); an all-capitals word of two letters or more is an acronym and
//     keys as itself ("CENTCOM" -> "centcom", "US" -> "us"). Otherwise its
//     skeleton: digraphs kh->k, gh->g, ph->f, ck->k, q->k; the first letter
//     (an initial vowel becomes 'a'); the class of the first vowel after it
//     ('a' for a e i y, 'u' for o u: short vowels vary between a/e/i and
//     o/u in transliteration, but Hassan and Hussein differ); then the
//     consonants, repeats collapsed.
//  5. When a given name precedes the surname: ':' and its initial (digraphs
//     folded; a vowel as 'a', 'i' for e/i, 'u' for o/u), skipping particles
//     and kunyas (bin, al, Abu).
// So Yahya/Yehia Rasool -> "rasl:y", Rasool/Rasoul/Rasul -> "rasl", Saadi/
// Saeedi -> "sad", Qais/Kais al-Khazali -> "kazl:k", Fuad Hussein ->
// "husn:f" but Ali Hassan -> "hasn:a", Jane Doe -> "du:j" but John Day ->
// "da:j", Iyad Allawi -> "alw:i" but Ali Allawi -> "alw:a". A surname alone
// keys without the initial: it is compatible with every given name (see
// SpeakerKeysCompatible); Attribute resolves it to an earlier full name in the
// same text when there is exactly one candidate. Empty for a name with no
// letters; a surname with no Latin letters keys as its lower-case UTF-8 bytes.
std::string SpeakerKey(std::string_view name);

// The part of a key before the given-name initial: "rasl:y" -> "rasl".
std::string_view SpeakerKeySurname(std::string_view key);

// Whether two keys may name the same person: equal, or the same non-empty
// surname part where at most one names a given initial ("rasl" and "rasl:y"
// are compatible; "badn:j" and "badn:h" are not).
bool SpeakerKeysCompatible(std::string_view a, std::string_view b);

}  // namespace reprint

#endif  // REPRINT_SPEAKER_H_

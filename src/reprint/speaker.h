// File: reprint/speaker.h
// Attributes quotations (reprint/quote.h) to speakers, and gives every speaker
// a key that survives the transliteration variants outlets use for one name.
//
//   std::vector<Quote> quotes = ExtractQuotes(doc.text);
//   std::vector<std::optional<Speaker>> who = Attribute(doc.text, quotes);
//   if (who[i]) use(who[i]->name, who[i]->key);  // "Yahya Rasool", "rsl"
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
// Minister", "The"); a possessive ("Iraq's") is not a subject. A one-word name
// is resolved to the earliest longer name in the text with the same surname
// ("Rasool" -> "Yahya Rasool", "Khazali" -> "Qais al-Khazali"). Names are
// only ever taken from the text; a quote with no cue has no speaker.
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
  // SpeakerKey(name): equal for transliteration variants across outlets.
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
// none (they are quoted by the outer quote's speaker).
// REQUIRES: quotes come from ExtractQuotes(text, ...) (sorted, inside text);
//           options.Validate().ok()
std::vector<std::optional<Speaker>> Attribute(std::string_view text,
                                              const std::vector<Quote>& quotes,
                                              const SpeakerOptions& options = {});

// The speaker key of a name. Rule, in order:
//  1. Take the surname: the last word of the name; a parenthesised acronym at
//     the end wins ("US Central Command (CENTCOM)" -> "CENTCOM").
//  2. Drop an Arabic article prefix joined by a hyphen (al-, el-, ul-, ad-,
//     an-, ar-, as-, ash-, at-, az-): "al-Khazali" -> "Khazali".
//  3. Fold to lower-case ASCII letters (NFKD, marks and non-letters dropped).
//     An all-capitals word of two letters or more is an acronym: its
//     lower-case form is the key ("CENTCOM" -> "centcom", "US" -> "us").
//  4. Digraphs: kh->k, gh->g, ph->f, q->k, ck->k.
//  5. Keep the first letter (an initial vowel becomes 'a'), drop the vowels
//     a e i o u y after it, and collapse repeated letters.
// So Rasool/Rasoul/Rasul -> "rsl", Saadi/Saeedi/al-Saadi -> "sd", Khazali ->
// "kzl", Khafaji -> "kfj", Hussein/Husain -> "hsn", Sudani/Al-Sudani -> "sdn".
// Different people with one surname share a key. Empty for a name with no
// letters; a name with no Latin letters keys on its lower-case UTF-8 surname.
std::string SpeakerKey(std::string_view name);

}  // namespace reprint

#endif  // REPRINT_SPEAKER_H_

// File: tests/fuzz/segment_fuzz.h
// Fuzz target "segment": reprint::SegmentParagraphs and WholeText.
// Input: 1 byte picks wrapped_line_max (0 = the default 100), the rest is text.
//
// Invariants: spans lie inside the text, are non-empty, in strictly
// increasing order and disjoint, start and end on non-space bytes; every
// non-space byte of the text is inside some span (nothing is dropped);
// WholeText is the trimmed text and contains every paragraph.
// Not for production use.
#ifndef REPRINT_TESTS_FUZZ_SEGMENT_FUZZ_H_
#define REPRINT_TESTS_FUZZ_SEGMENT_FUZZ_H_

#include <string_view>
#include <vector>

#include "reprint/segment.h"
#include "tests/fuzz/fuzz_check.h"

namespace reprint::fuzz {

inline bool FuzzIsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

inline void FuzzSegment(const uint8_t* data, size_t size) {
  FuzzInput in(data, size);
  SegmentOptions options;
  if (const uint8_t w = in.TakeByte(); w != 0) options.wrapped_line_max = w;
  const std::string_view text = in.Rest();
  const std::vector<Span> spans = SegmentParagraphs(text, options);

  size_t covered_to = 0;  // every non-space byte before this is in a span
  uint32_t prev_end = 0;
  for (const Span& s : spans) {
    FuzzCheck(s.begin < s.end && s.end <= text.size(), "span non-empty and inside the text");
    FuzzCheck(s.begin >= prev_end, "spans increasing and disjoint");
    FuzzCheck(!FuzzIsSpace(text[s.begin]) && !FuzzIsSpace(text[s.end - 1]), "spans are trimmed");
    for (size_t i = covered_to; i < s.begin; ++i) {
      FuzzCheck(FuzzIsSpace(text[i]), "non-space byte outside every paragraph");
    }
    covered_to = s.end;
    prev_end = s.end;
  }
  for (size_t i = covered_to; i < text.size(); ++i) {
    FuzzCheck(FuzzIsSpace(text[i]), "non-space byte after the last paragraph");
  }

  const Span whole = WholeText(text);
  FuzzCheck(whole.begin <= whole.end && whole.end <= text.size(), "WholeText inside the text");
  FuzzCheck(spans.empty() == (whole.size() == 0), "paragraphs exist iff the text is not blank");
  if (!spans.empty()) {
    FuzzCheck(whole.begin == spans.front().begin && whole.end == spans.back().end,
              "WholeText spans exactly the paragraphs");
  }
}

}  // namespace reprint::fuzz

#endif  // REPRINT_TESTS_FUZZ_SEGMENT_FUZZ_H_

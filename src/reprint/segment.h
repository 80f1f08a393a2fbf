// File: reprint/segment.h
// Cuts a document into units: the whole document, or paragraphs. A paragraph
// is a block between blank lines; inside a block whose lines are long (not
// hard-wrapped), each line is its own paragraph. Spans are trimmed of
// surrounding white space and are byte offsets into Document::text.
//
//   std::vector<Span> p = SegmentParagraphs(doc.text);
//
// Pure functions; thread-safe.
#ifndef REPRINT_SEGMENT_H_
#define REPRINT_SEGMENT_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace reprint {

enum class UnitKind : uint8_t { kDoc, kParagraph, kQuote };
const char* UnitKindName(UnitKind kind);  // "doc", "paragraph", "quote"

// A half-open byte range [begin, end) of a document's original text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

// A unit of comparison: a span of one document.
struct Unit {
  uint32_t doc = 0;  // index into the document list
  UnitKind kind = UnitKind::kParagraph;
  Span span;
};

struct SegmentOptions {
  // A line longer than this many bytes inside a block means the block is not
  // hard-wrapped, so each of its lines is a paragraph. Lower: more, shorter
  // paragraphs from wrapped text; higher: news lines run together.
  uint32_t wrapped_line_max = 100;

  bool Valid() const { return wrapped_line_max > 0; }
};

// Paragraph spans in text order; never empty spans, never overlapping.
std::vector<Span> SegmentParagraphs(std::string_view text, const SegmentOptions& options = {});

// The whole text, trimmed of surrounding white space (empty if all space).
Span WholeText(std::string_view text);

}  // namespace reprint

#endif  // REPRINT_SEGMENT_H_

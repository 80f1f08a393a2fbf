#include "reprint/segment.h"

#include <algorithm>

#include "reprint/internal/utf8.h"

namespace reprint {
namespace {


// Trims ASCII white space from both ends of [b, e) within text.
Span Trim(std::string_view text, size_t b, size_t e) {
  while (b < e && internal::IsAsciiSpace(text[b])) ++b;
  while (e > b && internal::IsAsciiSpace(text[e - 1])) --e;
  return Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

bool IsBlank(std::string_view text, size_t b, size_t e) {
  for (size_t i = b; i < e; ++i) {
    if (!internal::IsAsciiSpace(text[i])) return false;
  }
  return true;
}

}  // namespace

const char* UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kDoc:
      return "doc";
    case UnitKind::kParagraph:
      return "paragraph";
    case UnitKind::kQuote:
      return "quote";
  }
  return "?";
}

Span WholeText(std::string_view text) { return Trim(text, 0, text.size()); }

std::vector<Span> SegmentParagraphs(std::string_view text, const SegmentOptions& options) {
  std::vector<Span> out;
  struct Line {
    size_t b, e;
  };
  std::vector<Line> block;
  auto flush = [&]() {
    if (block.empty()) return;
    const bool wrapped = std::all_of(block.begin(), block.end(), [&](const Line& l) {
      return Trim(text, l.b, l.e).size() <= options.wrapped_line_max;
    });
    if (wrapped) {
      Span s = Trim(text, block.front().b, block.back().e);
      if (s.size() > 0) out.push_back(s);
    } else {
      for (const Line& l : block) {
        Span s = Trim(text, l.b, l.e);
        if (s.size() > 0) out.push_back(s);
      }
    }
    block.clear();
  };
  size_t pos = 0;
  const size_t n = text.size();
  while (pos < n) {
    size_t nl = text.find('\n', pos);
    size_t e = nl == std::string_view::npos ? n : nl;
    if (IsBlank(text, pos, e)) {
      flush();
    } else {
      block.push_back(Line{pos, e});
    }
    pos = e + 1;
  }
  flush();
  return out;
}

}  // namespace reprint

#include "reprint/document.h"

namespace reprint {

std::string InputIssue::ToString() const {
  std::string out = path;
  if (line > 0) {
    out += ':';
    out += std::to_string(line);
  }
  out += ": ";
  out += rejected ? "error: " : "warning: ";
  out += message;
  return out;
}

}  // namespace reprint

#include "reprint/preset.h"

#include <string>

namespace reprint {

const char* PresetName(Preset preset) {
  switch (preset) {
    case Preset::kDefault:
      return "default";
    case Preset::kReprints:
      return "reprints";
  }
  return "?";
}

absl::StatusOr<Preset> ParsePreset(std::string_view name) {
  if (name == "default") return Preset::kDefault;
  if (name == "reprints") return Preset::kReprints;
  return absl::InvalidArgumentError("unknown preset \"" + std::string(name) +
                                    "\": use default or reprints");
}

ScanOptions PresetOptions(Preset preset, UnitKind unit) {
  ScanOptions o;
  o.preset = PresetName(preset);
  o.unit = unit;
  if (preset == Preset::kDefault) return o;

  // Reprints. Each value is measured in docs/design.md ("The reprints
  // preset") on generated sets (bench/corpus_gen --mode reprints).
  o.normalize.dehyphenate = true;
  o.normalize.ocr_fold = true;
  o.shingle.kind = ShingleKind::kCharNoSpace;
  o.shingle.size = 10;
  o.shingle.sample = 4;
  o.measure = Measure::kBoth;
  o.threshold = 0.5;
  o.boilerplate.enabled = true;
  o.boilerplate.source_min_docs = 3;
  o.boilerplate.source_share = 0.5;
  o.boilerplate.max_df = 0;
  o.boilerplate.common_ratio = 4;
  o.boilerplate.common_quantile = 0.1;
  o.boilerplate.common_floor = 2;
  o.boilerplate.min_shingles = 1;
  o.boilerplate.stock_ratio = 1.25;
  o.boilerplate.min_own_share = 0.05;
  o.containment.window = 8;
  o.min_link_similarity = 0.5;
  if (unit == UnitKind::kParagraph) {
    o.containment.window = 4;
  }
  if (unit == UnitKind::kQuote) {
    // Quotations: the same OCR repair and character shingles, but every
    // shingle kept (a 6-word quote has about 25), and neither boilerplate
    // removal nor link pruning: a statement that one outlet repeats in many
    // items, or that many stories quote, is what a quote audit looks for.
    o.shingle.sample = 1;
    o.boilerplate = BoilerplateOptions{};
    o.min_link_similarity = 0;
    o.containment.window = 4;
  }
  return o;
}

}  // namespace reprint

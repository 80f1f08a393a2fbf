// File: reprint/preset.h
// Named parameter sets for ScanOptions, so that a user picks one word instead
// of tuning a dozen numbers per corpus:
//
//   default   the ScanOptions defaults: 5-word shingles, T = 0.5, every
//             shingle counts. For clean text: licences, code comments, web
//             pages, paragraphs repeated inside one document.
//   reprints  noisy news and wire copy (OCR, abridged, local ledes, outlet
//             headers and footers): 10-character shingles over the words run
//             together after OCR repair (1 in 4 kept by hash), outlet
//             boilerplate and corpus-wide stock text removed, a pair
//             qualifies when the smaller text is mostly inside the larger
//             unless all it shares is stock text (a licence two stories
//             carry), and bridging pairs are pruned before clustering.
//             docs/quality.md has the figures and docs/design.md the
//             measurements behind each value.
//
//   absl::StatusOr<Preset> p = ParsePreset("reprints");
//   ScanOptions opt = PresetOptions(*p, UnitKind::kDoc);
//   opt.threads = 2;                   // then any explicit override
//
// Pure functions; thread-safe.
#ifndef REPRINT_PRESET_H_
#define REPRINT_PRESET_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "reprint/scan.h"

namespace reprint {

enum class Preset : uint8_t { kDefault, kReprints };

const char* PresetName(Preset preset);  // "default", "reprints"

// "default" or "reprints"; anything else is an InvalidArgument naming both.
absl::StatusOr<Preset> ParsePreset(std::string_view name);

// The options of `preset` for units of `unit` (doc or paragraph); fields the
// preset does not set keep their ScanOptions defaults. options.preset is the
// preset's name.
ScanOptions PresetOptions(Preset preset, UnitKind unit);

}  // namespace reprint

#endif  // REPRINT_PRESET_H_

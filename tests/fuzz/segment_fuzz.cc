// libFuzzer entry for the "segment" target; the checks are in segment_fuzz.h.
#include "tests/fuzz/segment_fuzz.h"

REPRINT_FUZZ_ENTRY(reprint::fuzz::FuzzSegment)

// libFuzzer entry for the "normalize" target; the checks are in normalize_fuzz.h.
#include "tests/fuzz/normalize_fuzz.h"

REPRINT_FUZZ_ENTRY(reprint::fuzz::FuzzNormalize)

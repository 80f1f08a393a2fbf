// libFuzzer entry for the "shingle" target; the checks are in shingle_fuzz.h.
#include "tests/fuzz/shingle_fuzz.h"

REPRINT_FUZZ_ENTRY(reprint::fuzz::FuzzShingle)

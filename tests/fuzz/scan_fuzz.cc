// libFuzzer entry for the "scan" target; the checks are in scan_fuzz.h.
#include "tests/fuzz/scan_fuzz.h"

REPRINT_FUZZ_ENTRY(reprint::fuzz::FuzzScan)

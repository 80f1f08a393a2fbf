// libFuzzer entry for the "quote" target; the checks are in quote_fuzz.h.
#include "tests/fuzz/quote_fuzz.h"

REPRINT_FUZZ_ENTRY(reprint::fuzz::FuzzQuote)

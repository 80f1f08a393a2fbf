// libFuzzer entry for the "ingest_jsonl" target; the checks are in ingest_jsonl_fuzz.h.
#include "tests/fuzz/ingest_jsonl_fuzz.h"

REPRINT_FUZZ_ENTRY(reprint::fuzz::FuzzIngestJsonl)

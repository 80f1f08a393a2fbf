// File: cli/malloc_tunables.h
// Sets two glibc malloc tunables for the run. glibc reads its tunables only
// at start-up, so this re-executes the program once with them added to
// GLIBC_TUNABLES:
//  - glibc.malloc.hugetlb=1: transparent huge pages (2 MB). A scan touches
//    a few times the corpus size in fresh memory; with 4 KB pages that is one
//    page fault per 4 KB, and faults are costly on virtual machines
//    (docs/performance.md, "Fourth pass"). Not when REPRINT_HUGE_PAGES=0 or
//    the kernel has transparent huge pages off ("[never]").
//  - glibc.malloc.trim_threshold=131072: freed memory goes back to the
//    system at once. By default glibc raises its trim and mmap thresholds as
//    large blocks are freed, so memory a stage freed stays in the process
//    (and in its peak RSS) while the next stage allocates elsewhere, more so
//    with one arena per thread (100 MB doc corpus: 47 -> 44 MB on one
//    thread, 55 -> 46 MB on two; paragraphs 512 -> 440 MB).
// A tunable already in GLIBC_TUNABLES is left as it is; nothing happens when
// there is nothing to add or the re-execution fails (the run then goes on).
#ifndef REPRINT_CLI_MALLOC_TUNABLES_H_
#define REPRINT_CLI_MALLOC_TUNABLES_H_

#include <cstddef>

namespace reprint::cli {

// Call first in main(). Returns only if it did not re-execute.
void ReexecWithMallocTunables(char** argv);

// Serves blocks of up to `bytes` from malloc's heap, where freed ones are
// used again, instead of mapping each afresh: the trim threshold set above
// also pins glibc's mmap threshold at 128 KB, so every larger block is
// zeroed by the kernel each time it is allocated. For paragraph and quote
// scans, which allocate many such blocks (page clearing took 15% of the
// 100 MB paragraph scan); a doc scan's peak memory would rise past half its
// corpus. Does nothing if GLIBC_TUNABLES sets glibc.malloc.mmap_threshold.
void ReuseBlocksUpTo(size_t bytes);

}  // namespace reprint::cli

#endif  // REPRINT_CLI_MALLOC_TUNABLES_H_

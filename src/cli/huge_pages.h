// File: cli/huge_pages.h
// Asks glibc's malloc for transparent huge pages (2 MB) on Linux. A scan
// touches a few times the corpus size in fresh memory; with 4 KB pages that
// is one page fault per 4 KB, and faults are costly on virtual machines
// (docs/performance.md, "Fourth pass"). glibc reads its tunables only at
// start-up, so this re-executes the program once with
// GLIBC_TUNABLES=glibc.malloc.hugetlb=1 added.
//
// It does nothing when REPRINT_HUGE_PAGES=0, when the tunable is already set,
// when the kernel has transparent huge pages off ("[never]"), or when the
// re-execution fails (the run then goes on as it is).
#ifndef REPRINT_CLI_HUGE_PAGES_H_
#define REPRINT_CLI_HUGE_PAGES_H_

namespace reprint::cli {

// Call first in main(). Returns only if it did not re-execute.
void ReexecWithHugePages(char** argv);

}  // namespace reprint::cli

#endif  // REPRINT_CLI_HUGE_PAGES_H_

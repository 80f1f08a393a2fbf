// File: tests/support/source_cli.h
// Runs the reprint CLI with the source tree as working directory, so that
// document paths in its report read corpus/seeds/... as in the golden files.
//
//   std::string out;
//   int rc = testing::RunCliInSourceTree("scan --format json corpus/seeds", &out);
//
// Standard output goes to a file in a TempDir of its own, so tests that ctest
// runs in parallel never share an output file. Standard error is kept on the
// test's stderr. Not for production use.
#ifndef REPRINT_TESTS_SUPPORT_SOURCE_CLI_H_
#define REPRINT_TESTS_SUPPORT_SOURCE_CLI_H_

#include <string>

namespace reprint::testing {

// Runs `reprint ARGS` (ARGS is shell text) from the source tree; *out gets
// its standard output. Returns the exit code, or -1 if it did not exit.
int RunCliInSourceTree(const std::string& args, std::string* out);

}  // namespace reprint::testing

#endif  // REPRINT_TESTS_SUPPORT_SOURCE_CLI_H_

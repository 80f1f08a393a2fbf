// File: tests/support/peak_rss.h
// Peak memory ceilings for tests (issue 6: "peak memory bounded, measured in
// the test with getrusage, a ceiling written out in the test").
//
//   testing::PeakRss rss;                // in-process work
//   IngestResult r = Ingest(...);
//   rss.Check(50);                       // growth of this process's peak <= 50 MiB
//
//   testing::CheckChildPeakRss(run.peak_rss_mib, 64);  // a child process's own peak
//
// Both print one line "[ peak RSS ] <test>: ..." (test.sh lists these lines
// after the Release suite) and record the figure as a gtest property.
//
// In-process: ru_maxrss (getrusage RUSAGE_SELF) is the process's peak
// resident set. ctest runs every TEST in its own process, so there the growth
// is the case's own peak above what gtest holds; when the whole binary runs in
// one process an earlier, larger test hides part of the growth, which can then
// only pass more easily.
// Child processes: see tests/measure_peak_rss.cc for why a child's peak is
// measured by a launcher rather than from wait4 in the test process.
// Not thread-safe. Not for production use.
#ifndef REPRINT_TESTS_SUPPORT_PEAK_RSS_H_
#define REPRINT_TESTS_SUPPORT_PEAK_RSS_H_

namespace reprint::testing {

// Peak resident set size of this process so far, in MiB.
double PeakRssMiB();

// Records this process's peak RSS at construction; Check() asserts a ceiling
// on its growth since then and prints it.
class PeakRss {
 public:
  PeakRss();
  double Delta() const;
  // Adds a (non-fatal) test failure when the growth exceeds `ceiling_mib`.
  void Check(double ceiling_mib) const;

 private:
  double start_;
};

// Asserts (non-fatally) that a child process's own peak, `peak_mib`, is at
// most `ceiling_mib`, and prints it. A negative `peak_mib` (not measured) is a
// failure.
void CheckChildPeakRss(double peak_mib, double ceiling_mib);

}  // namespace reprint::testing

#endif  // REPRINT_TESTS_SUPPORT_PEAK_RSS_H_

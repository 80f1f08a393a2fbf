#include "tests/support/peak_rss.h"

#include <sys/resource.h>

#include <cstdio>

#include "gtest/gtest.h"

namespace reprint::testing {
namespace {

const char* CurrentTestName() {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return info != nullptr ? info->name() : "?";
}

}  // namespace

double PeakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

PeakRss::PeakRss() : start_(PeakRssMiB()) {}

double PeakRss::Delta() const { return PeakRssMiB() - start_; }

void PeakRss::Check(double ceiling_mib) const {
  const double delta = Delta();
  std::printf("[ peak RSS ] %s: +%.0f MiB (process peak %.0f MiB, ceiling +%.0f MiB)\n",
              CurrentTestName(), delta, PeakRssMiB(), ceiling_mib);
  ::testing::Test::RecordProperty("peak_rss_delta_mib", static_cast<int>(delta));
  EXPECT_LE(delta, ceiling_mib) << "peak memory above the ceiling";
}

void CheckChildPeakRss(double peak_mib, double ceiling_mib) {
  std::printf("[ peak RSS ] %s: reprint %.0f MiB (ceiling %.0f MiB)\n", CurrentTestName(),
              peak_mib, ceiling_mib);
  ::testing::Test::RecordProperty("child_peak_rss_mib", static_cast<int>(peak_mib));
  EXPECT_GE(peak_mib, 0) << "the child's peak memory was not measured";
  EXPECT_LE(peak_mib, ceiling_mib) << "the child's peak memory is above the ceiling";
}

}  // namespace reprint::testing

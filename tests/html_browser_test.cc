// The HTML report in a real browser: headless Chromium opens a report made by
// the CLI from corpus/seeds plus hostile documents, runs its JavaScript, and
// the rendered DOM must show the Rasool quote's aligned passages highlighted
// on both sides, and the hostile text as text: no injected element, nothing
// executed.
//
// Skips when Chromium is not installed, unless REPRINT_REQUIRE_BROWSER is
// set (test.sh sets it, and installs Debian's chromium), in which case a
// missing browser is a failure. REPRINT_CHROMIUM names another binary.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "tests/support/mutate.h"
#include "tests/support/temp_dir.h"

namespace reprint {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using testing::ReadBytes;
using testing::TempDir;

// Passes every check of tests/html_report_test.cc's hostile text, and marks
// the page if anything in it ever runs.
constexpr char kHostileParagraph[] =
    "Officials said <script>alert(1)</script> the council will meet again on Monday to "
    "discuss the budget \"><img src=x onerror=alert(1)> and the new harbour plans \xFF\xFE "
    "for the city centre <script>document.title='PWNED'</script> with residents "
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> invited to speak.";

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// The browser binary: $REPRINT_CHROMIUM, else chromium or chromium-browser on
// PATH; empty if none.
std::string FindChromium() {
  if (const char* env = std::getenv("REPRINT_CHROMIUM"); env != nullptr && *env != '\0') {
    return env;
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser"}) {
    size_t start = 0;
    while (start <= dirs.size()) {
      const size_t end = std::min(dirs.find(':', start), dirs.size());
      const fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      std::error_code ec;
      if (!candidate.parent_path().empty() && fs::is_regular_file(candidate, ec) &&
          access(candidate.c_str(), X_OK) == 0) {
        return candidate.string();
      }
      start = end + 1;
    }
  }
  return "";
}

int RunShell(const std::string& cmd) {
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

class HtmlBrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium_ = FindChromium();
    if (chromium_.empty()) {
      if (std::getenv("REPRINT_REQUIRE_BROWSER") != nullptr) {
        FAIL() << "chromium is not installed but REPRINT_REQUIRE_BROWSER is set "
                  "(bash tools/install-deps.sh chromium)";
      }
      GTEST_SKIP() << "chromium is not installed (set REPRINT_REQUIRE_BROWSER=1 to require it)";
    }
    // The seeds, then two documents sharing the hostile paragraph; one file
    // name is hostile too (it becomes a document id and a source).
    std::vector<std::string> paths;
    for (const auto& entry :
         fs::directory_iterator(fs::path(REPRINT_SOURCE_DIR) / "corpus/seeds")) {
      paths.push_back(entry.path().filename().string());
    }
    std::sort(paths.begin(), paths.end());
    for (const std::string& name : paths) {
      dir_.Write("corpus/seeds/" + name, testing::ReadSourceFile("corpus/seeds/" + name));
    }
    dir_.Write("corpus/hostile/<img src=x onerror=alert(2)>.txt",
               std::string("Hostile one\n\n") + kHostileParagraph + "\n");
    dir_.Write("corpus/hostile/b.txt",
               std::string("Hostile two\n\n") + kHostileParagraph + " Entry is free.\n");
    const std::string args =
        Quote(dir_.Path("corpus/seeds")) + " " + Quote(dir_.Path("corpus/hostile"));
    // Exit code 0: invalid UTF-8 is a warning, not a rejection.
    ASSERT_EQ(RunShell(std::string("'") + REPRINT_CLI_PATH + "' scan -q --format json " + args +
                       " -o " + Quote(dir_.Path("report.json")) + " 2>/dev/null"),
              0);
    ASSERT_EQ(RunShell(std::string("'") + REPRINT_CLI_PATH + "' scan -q --format html " + args +
                       " -o " + Quote(dir_.Path("report.html")) + " 2>/dev/null"),
              0);
    report_ = Json::parse(ReadBytes(dir_.Path("report.json")));
  }

  // Id of the one paragraph cluster with a member containing `needle` (the
  // same text may also form a quote cluster).
  std::string ClusterWith(const std::string& needle) {
    std::vector<std::string> ids;
    for (const Json& c : report_["clusters"]) {
      if (c["kind"] != "repeated-passage") continue;
      for (const Json& m : c["members"]) {
        if (m["text"].get<std::string>().find(needle) != std::string::npos) {
          ids.push_back(c["id"].dump());
          break;
        }
      }
    }
    EXPECT_EQ(ids.size(), 1u) << needle;
    return ids.empty() ? "0" : ids[0];
  }

  // The DOM after the page's scripts ran, opened at `fragment`.
  std::string DumpDom(const std::string& fragment) {
    const std::string profile = dir_.Path("chromium-profile-" + std::to_string(++runs_));
    const std::string out = dir_.Path("dom-" + std::to_string(runs_) + ".html");
    const std::string url = "file://" + dir_.Path("report.html") + fragment;
    const std::string cmd =
        "timeout 120 " + Quote(chromium_) +
        " --headless --no-sandbox --disable-gpu --disable-dev-shm-usage"
        " --disable-background-networking --disable-component-update --disable-sync"
        " --no-first-run --disable-quic --user-data-dir=" +
        Quote(profile) + " --virtual-time-budget=5000 --dump-dom " + Quote(url) + " > " +
        Quote(out) + " 2> " + Quote(out + ".stderr");
    const int rc = RunShell(cmd);
    EXPECT_EQ(rc, 0) << cmd << "\n" << ReadBytes(out + ".stderr");
    return ReadBytes(out);
  }

  std::string chromium_;
  TempDir dir_;
  Json report_;
  int runs_ = 0;
};

size_t CountMatches(const std::string& text, const std::regex& re) {
  return static_cast<size_t>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

// Nothing a document carries became an element or ran.
void ExpectNothingInjected(const std::string& dom) {
  EXPECT_EQ(CountMatches(dom, std::regex("<script", std::regex::icase)), 2u)
      << "only the data block and the viewer script";
  EXPECT_EQ(dom.find("<img"), std::string::npos);
  EXPECT_EQ(dom.find("data-pwned=\""), std::string::npos);
  EXPECT_EQ(dom.find("PWNED</title>"), std::string::npos);
}

TEST_F(HtmlBrowserTest, RasoolClusterShowsAlignedPassagesOnBothSides) {
  const std::string id = ClusterWith("This trajectory compels the Iraqi government");
  const std::string dom = DumpDom("#cluster=" + id);
  ASSERT_NE(dom.find("id=\"app\""), std::string::npos) << dom.substr(0, 2000);
  EXPECT_NE(dom.find("Cluster " + id + "<"), std::string::npos) << "the cluster view rendered";
  // Pair [0]-[1]: 000's paragraph and 001's longer one, the passage marked in
  // each; the text starts right after the opening quote mark.
  const std::regex passage(
      "<mark class=\"pass c0[^\"]*\" data-p=\"0\"[^>]*>This trajectory compels the Iraqi "
      "government more than ever to terminate the mission of this [cC]oalition");
  EXPECT_EQ(CountMatches(dom, passage), 2u) << dom;
  // Outside the passage, 001's paragraph goes on unmarked.
  EXPECT_NE(dom.find(", and our armed forces cannot neglect"), std::string::npos);
  EXPECT_NE(dom.find("version <span id=\"report-version\">2</span>"), std::string::npos);
  ExpectNothingInjected(dom);
}

// The quote cluster's audit, and its variant (in no pair) side by side with
// the fullest wording, edited words marked, flagged as lower confidence.
TEST_F(HtmlBrowserTest, QuoteAuditShowsTheVariantSideBySide) {
  std::string id;
  size_t variant = 0;
  for (const Json& c : report_["clusters"]) {
    if (c["kind"] != "quote") continue;
    for (size_t m = 0; m < c["members"].size(); ++m) {
      if (c["members"][m]["match"] == "variant") {
        id = c["id"].dump();
        variant = m;
      }
    }
  }
  ASSERT_FALSE(id.empty()) << "the seeds' translation variant";
  const std::string audit = DumpDom("#cluster=" + id);
  EXPECT_NE(audit.find("<h3>Quote audit</h3>"), std::string::npos) << audit;
  EXPECT_NE(audit.find("<code class=\"speaker-key\">rasl:y</code>"), std::string::npos);
  EXPECT_NE(audit.find("<tr class=\"variant\" data-member=\"" + std::to_string(variant) + "\">"),
            std::string::npos);
  EXPECT_NE(audit.find("variant \u00b7 lower confidence"), std::string::npos);
  EXPECT_NE(audit.find("trajectory compels -&gt; path pushes"), std::string::npos);
  ExpectNothingInjected(audit);

  const std::string side = DumpDom("#cluster=" + id + "&member=" + std::to_string(variant));
  EXPECT_NE(side.find("against the fullest wording"), std::string::npos) << side;
  EXPECT_NE(side.find("<p class=\"variant-note\"><span class=\"badge variant\">"),
            std::string::npos);
  // Both sides: the shared stretch is one passage, the changed words marked.
  EXPECT_EQ(CountMatches(side, std::regex("<mark class=\"pass c0 edit\" data-p=\"0\"[^>]*>"
                                          "trajectory compels</mark>")),
            1u);
  EXPECT_EQ(CountMatches(side, std::regex("<mark class=\"pass c0 edit\" data-p=\"0\"[^>]*>"
                                          "path pushes</mark>")),
            1u);
  EXPECT_NE(side.find("data-p=\"0\"> the Iraqi government"), std::string::npos);
  ExpectNothingInjected(side);
}

TEST_F(HtmlBrowserTest, HostileTextRendersAsText) {
  const std::string id = ClusterWith("<script>alert(1)</script>");
  const std::string dom = DumpDom("#cluster=" + id);
  EXPECT_NE(dom.find("Cluster " + id + "<"), std::string::npos);
  // The serializer escapes text nodes: the markup is there, as characters.
  EXPECT_NE(dom.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << dom;
  EXPECT_NE(dom.find("\"&gt;&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(dom.find("&lt;img src=x onerror=alert(2)&gt;.txt"), std::string::npos)
      << "the hostile file name, as text";
  // Each invalid byte shows as U+FFFD, inside a highlighted passage.
  EXPECT_NE(dom.find("plans \xEF\xBF\xBD\xEF\xBF\xBD for"), std::string::npos);
  EXPECT_NE(dom.find("<mark class=\"pass c0\" data-p=\"0\">Officials said &lt;script&gt;"),
            std::string::npos);
  ExpectNothingInjected(dom);
}

TEST_F(HtmlBrowserTest, IndexListsClustersLargestFirst) {
  const std::string dom = DumpDom("");
  ASSERT_NE(dom.find("<table class=\"index\">"), std::string::npos) << dom.substr(0, 3000);
  // Sorted by size, then score: the first paragraph cluster is the
  // five-member Rasool cluster (quote clusters may be larger).
  const std::regex first_row(
      "<tr data-cluster=\"([0-9]+)\"><td class=\"num\"><a[^>]*>[0-9]+</a></td><td><span "
      "class=\"kind repeated-passage\">");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(dom, m, first_row)) << dom;
  EXPECT_EQ(m[1].str(), ClusterWith("This trajectory compels the Iraqi government"));
  EXPECT_NE(dom.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  ExpectNothingInjected(dom);
}

}  // namespace
}  // namespace reprint

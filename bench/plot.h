// File: bench/plot.h
// A log-log line chart as a self-contained SVG: plain text, no scripts, no
// external fonts or stylesheets, so it renders anywhere and can be committed
// next to docs/performance.md. reprint_e2e draws time and memory against
// corpus size with it.
//
//   PlotPanel time{"Scan time", "corpus MB", "wall seconds"};
//   time.series.push_back({"doc, 1 thread", {{10, 0.36}, {100, 5.2}}});
//   std::string svg = LogLogSvg({time});
//
// Panels sit side by side. Each has decade ticks labelled 1, 10, 100 ... (0.1,
// 0.01 ... below 1), one line with markers per series, a legend, and a dashed
// "linear" line through the first point of its highest series, so growth
// faster than linear shows as a curve pulling away from it. Deterministic: the
// same panels give the same bytes (fixed number formatting). Pure; thread-safe.
#ifndef REPRINT_BENCH_PLOT_H_
#define REPRINT_BENCH_PLOT_H_

#include <string>
#include <utility>
#include <vector>

namespace reprint::bench {

struct PlotSeries {
  std::string label;
  // (x, y) in data units; points with x <= 0 or y <= 0 cannot sit on a log
  // axis and are left out. Order does not matter: lines run by increasing x.
  std::vector<std::pair<double, double>> points;
  // Drawn grey and never chosen for the linear line: a baseline, not a result.
  bool muted = false;
};

struct PlotPanel {
  std::string title;
  std::string x_title;
  std::string y_title;
  // Colour and marker follow the index, so give a series the same index in
  // every panel (an empty series keeps its slot and draws nothing).
  std::vector<PlotSeries> series;
};

// An SVG document 600 px wide per panel and 600 px high. Text is escaped.
std::string LogLogSvg(const std::vector<PlotPanel>& panels);

}  // namespace reprint::bench

#endif  // REPRINT_BENCH_PLOT_H_

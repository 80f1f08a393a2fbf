// File: bench/plot.cc
#include "bench/plot.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>

namespace reprint::bench {
namespace {

using Points = std::vector<std::pair<double, double>>;

// Layout of one panel, in px. The left margin holds tick labels like
// "0.001" and the rotated y title.
constexpr double kPanelWidth = 600, kHeight = 600;
constexpr double kLeft = 84, kRight = 24, kTop = 56, kBottom = 64;

// Okabe-Ito colours (told apart with colour blindness; yellow dropped: too
// pale on white), paired with markers so series differ in print too.
constexpr const char* kColours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                    "#E69F00", "#56B4E9", "#000000"};
constexpr int kMarkers = 5;  // circle, square, triangle, diamond, inverted triangle
constexpr const char* kMuted = "#888888";

// printf into `out`, sized first so no label is ever cut. snprintf formats
// numbers the C locale's way here (nothing calls setlocale): fixed bytes.
__attribute__((format(printf, 2, 3))) void Appendf(std::string& out, const char* fmt, ...) {
  va_list ap, again;
  va_start(ap, fmt);
  va_copy(again, ap);
  const int n = std::vsnprintf(nullptr, 0, fmt, ap);
  va_end(ap);
  if (n > 0) {
    const size_t at = out.size();
    out.resize(at + n + 1);
    std::vsnprintf(out.data() + at, n + 1, fmt, again);
    out.resize(at + n);
  }
  va_end(again);
}

std::string Escape(const std::string& s) {
  std::string e;
  for (const char c : s) {
    switch (c) {
      case '&':
        e += "&amp;";
        break;
      case '<':
        e += "&lt;";
        break;
      case '>':
        e += "&gt;";
        break;
      case '"':
        e += "&quot;";
        break;
      case '\'':
        e += "&apos;";
        break;
      default:
        e += c;
    }
  }
  return e;
}

// "1", "10", "1000" or "0.1", "0.01": written out, never 1e+03.
std::string DecadeLabel(int e) {
  if (e >= 0) return std::string("1").append(e, '0');
  return std::string("0.").append(-e - 1, '0').append("1");
}

// A log axis over whole decades [10^lo, 10^hi] onto pixels [from, to].
struct Axis {
  int lo = 0, hi = 1;
  double from = 0, to = 1;
  double Map(double v) const { return from + (std::log10(v) - lo) / (hi - lo) * (to - from); }
};

// The smallest run of whole decades holding [min, max] (at least one), give
// or take 5%: a "10 MB" corpus of 10.001 MB should not open the decade to
// 100 and leave it empty. Such a point sits at most a few px past the frame.
Axis DecadesAround(double min, double max, double from, double to) {
  constexpr double kSlack = 0.02;  // log10(1.047)
  Axis a{static_cast<int>(std::floor(std::log10(min) + kSlack)),
         static_cast<int>(std::ceil(std::log10(max) - kSlack)), from, to};
  if (a.hi <= a.lo) a.hi = a.lo + 1;
  return a;
}

// The points a log axis can show, by increasing x.
Points Plottable(const Points& in) {
  Points p;
  for (const auto& [x, y] : in) {
    if (x > 0 && y > 0 && std::isfinite(x) && std::isfinite(y)) p.emplace_back(x, y);
  }
  std::sort(p.begin(), p.end());
  return p;
}

struct Reference {
  bool shown = false;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// y proportional to x from the first point of the highest unmuted series to
// the panel's largest x. Nothing when that series starts at the largest x.
Reference LinearReference(const std::vector<Points>& series, const std::vector<PlotSeries>& meta,
                          double x_max) {
  const Points* top = nullptr;
  double top_y = 0;
  for (size_t i = 0; i < series.size(); ++i) {
    for (const auto& [x, y] : series[i]) {
      if (!meta[i].muted && y > top_y) top = &series[i], top_y = y;
    }
  }
  if (top == nullptr || top->front().first >= x_max) return {};
  const auto [x0, y0] = top->front();
  return {true, x0, y0, x_max, y0 * x_max / x0};
}

void DrawMarker(std::string& out, int index, const char* colour, double x, double y) {
  constexpr double r = 4;
  switch (index % kMarkers) {
    case 0:
      Appendf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>\n", x, y, r, colour);
      return;
    case 1:
      Appendf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
              x - r, y - r, 2 * r, 2 * r, colour);
      return;
  }
  // The rest are polygons: triangle, diamond, inverted triangle.
  const double d = r * 1.25;
  Points v;
  switch (index % kMarkers) {
    case 2:
      v = {{x, y - d}, {x + d, y + 0.8 * d}, {x - d, y + 0.8 * d}};
      break;
    case 3:
      v = {{x, y - d}, {x + d, y}, {x, y + d}, {x - d, y}};
      break;
    default:
      v = {{x, y + d}, {x + d, y - 0.8 * d}, {x - d, y - 0.8 * d}};
  }
  out += "<polygon points=\"";
  for (size_t k = 0; k < v.size(); ++k)
    Appendf(out, "%s%.1f,%.1f", k ? " " : "", v[k].first, v[k].second);
  Appendf(out, "\" fill=\"%s\"/>\n", colour);
}

// Grid lines, tick marks and labels at every decade, short unlabelled ticks
// at 2-9 x each decade, and both axis titles.
void DrawAxes(std::string& out, const Axis& x, const Axis& y, const PlotPanel& p) {
  const double bottom = y.from, top = y.to, left = x.from, right = x.to;
  out += "<g stroke=\"#dddddd\" stroke-width=\"1\">\n";
  for (int e = x.lo; e <= x.hi; ++e) {
    const double px = x.Map(std::pow(10.0, e));
    Appendf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", px, top, px, bottom);
  }
  for (int e = y.lo; e <= y.hi; ++e) {
    const double py = y.Map(std::pow(10.0, e));
    Appendf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", left, py, right, py);
  }
  out += "</g>\n<g stroke=\"#000000\" stroke-width=\"1\">\n";
  for (int e = x.lo; e < x.hi; ++e) {
    for (int m = 2; m <= 9; ++m) {
      const double px = x.Map(m * std::pow(10.0, e));
      Appendf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", px, bottom, px,
              bottom + 3);
    }
  }
  for (int e = y.lo; e < y.hi; ++e) {
    for (int m = 2; m <= 9; ++m) {
      const double py = y.Map(m * std::pow(10.0, e));
      Appendf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n", left - 3, py, left,
              py);
    }
  }
  out += "</g>\n";
  for (int e = x.lo; e <= x.hi; ++e) {
    Appendf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
            x.Map(std::pow(10.0, e)), bottom + 18, DecadeLabel(e).c_str());
  }
  for (int e = y.lo; e <= y.hi; ++e) {
    Appendf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", left - 7,
            y.Map(std::pow(10.0, e)) + 4, DecadeLabel(e).c_str());
  }
  Appendf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", (left + right) / 2,
          bottom + 44, Escape(p.x_title).c_str());
  Appendf(out,
          "<text transform=\"translate(%.1f,%.1f) rotate(-90)\" text-anchor=\"middle\">%s</text>\n",
          left - 60, (top + bottom) / 2, Escape(p.y_title).c_str());
  Appendf(out,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
          "stroke=\"#000000\"/>\n",
          left, top, right - left, bottom - top);
}

const char* ColourOf(const PlotSeries& s, size_t i) {
  return s.muted ? kMuted : kColours[i % std::size(kColours)];
}

void DrawSeries(std::string& out, const Points& pts, const PlotSeries& s, size_t i, const Axis& x,
                const Axis& y) {
  if (pts.empty()) return;
  const char* colour = ColourOf(s, i);
  Appendf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" points=\"", colour,
          s.muted ? "1.5" : "2");
  for (size_t k = 0; k < pts.size(); ++k) {
    Appendf(out, "%s%.1f,%.1f", k ? " " : "", x.Map(pts[k].first), y.Map(pts[k].second));
  }
  out += "\"/>\n";
  for (const auto& [px, py] : pts)
    DrawMarker(out, static_cast<int>(i), colour, x.Map(px), y.Map(py));
}

constexpr const char* kReferenceStyle =
    "fill=\"none\" stroke=\"#444444\" stroke-width=\"1\" stroke-dasharray=\"6 4\"";

// Top left of the plot area: log-log benchmark lines rise to the right, so
// that corner is the emptiest.
void DrawLegend(std::string& out, const std::vector<Points>& series, const PlotPanel& p,
                bool reference, double left, double top) {
  std::vector<std::pair<std::string, int>> rows;  // label, series index (-1: linear)
  for (size_t i = 0; i < series.size(); ++i) {
    if (!series[i].empty()) rows.emplace_back(p.series[i].label, static_cast<int>(i));
  }
  if (reference) rows.emplace_back("linear (y \xE2\x88\x9D x)", -1);
  if (rows.empty()) return;
  size_t longest = 0;
  for (const auto& r : rows) longest = std::max(longest, r.first.size());
  const double x = left + 10, y = top + 10, row_h = 18;
  Appendf(out,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#ffffff\" "
          "fill-opacity=\"0.9\" stroke=\"#bbbbbb\"/>\n",
          x, y, 48 + 6.5 * longest, row_h * rows.size() + 8);
  for (size_t k = 0; k < rows.size(); ++k) {
    const double cy = y + 4 + row_h * (k + 0.5);
    const int i = rows[k].second;
    if (i < 0) {
      Appendf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" %s/>\n", x + 8, cy,
              x + 36, cy, kReferenceStyle);
    } else {
      const char* colour = ColourOf(p.series[i], i);
      Appendf(out,
              "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
              "stroke-width=\"2\"/>\n",
              x + 8, cy, x + 36, cy, colour);
      DrawMarker(out, i, colour, x + 22, cy);
    }
    Appendf(out, "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n", x + 42, cy + 4,
            Escape(rows[k].first).c_str());
  }
}

void DrawPanel(std::string& out, const PlotPanel& p, double offset) {
  std::vector<Points> series;
  double x_min = INFINITY, x_max = 0, y_min = INFINITY, y_max = 0;
  for (const PlotSeries& s : p.series) {
    series.push_back(Plottable(s.points));
    for (const auto& [x, y] : series.back()) {
      x_min = std::min(x_min, x), x_max = std::max(x_max, x);
      y_min = std::min(y_min, y), y_max = std::max(y_max, y);
    }
  }
  if (x_max == 0) x_min = 1, x_max = 10, y_min = 1, y_max = 10;  // no data: an empty frame
  const Reference ref = LinearReference(series, p.series, x_max);
  if (ref.shown) y_max = std::max(y_max, ref.y1);
  const double left = offset + kLeft, right = offset + kPanelWidth - kRight;
  const double top = kTop, bottom = kHeight - kBottom;
  const Axis x = DecadesAround(x_min, x_max, left, right);
  const Axis y = DecadesAround(y_min, y_max, bottom, top);

  Appendf(out,
          "<g>\n<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"16\">%s</text>\n",
          (left + right) / 2, top - 20, Escape(p.title).c_str());
  DrawAxes(out, x, y, p);
  if (ref.shown) {
    Appendf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" %s/>\n", x.Map(ref.x0),
            y.Map(ref.y0), x.Map(ref.x1), y.Map(ref.y1), kReferenceStyle);
  }
  for (size_t i = 0; i < series.size(); ++i) DrawSeries(out, series[i], p.series[i], i, x, y);
  DrawLegend(out, series, p, ref.shown, left, top);
  out += "</g>\n";
}

}  // namespace

std::string LogLogSvg(const std::vector<PlotPanel>& panels) {
  const double width = kPanelWidth * std::max<size_t>(panels.size(), 1);
  std::string out;
  Appendf(out,
          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
          "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\" font-size=\"12\">\n",
          width, kHeight, width, kHeight);
  Appendf(out, "<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n", width, kHeight);
  for (size_t i = 0; i < panels.size(); ++i) DrawPanel(out, panels[i], kPanelWidth * i);
  out += "</svg>\n";
  return out;
}

}  // namespace reprint::bench

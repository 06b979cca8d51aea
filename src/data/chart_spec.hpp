#pragma once
// What a chart shows, independent of how it is drawn. Built from indicator data (or written by
// hand in a ```chart directive); drawn by the chart stage onto SVG, PDF or PNG surfaces.
#include "core/diagnostics.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bp::data {

enum class ChartKind {
    monthly_comparison,  // this year against last, Apr–Mar: grouped bars or two lines
    quarter_totals,      // Q1–Q4 this year against last: grouped bars
    trend,               // a line over many periods, optionally with a target band
    category_comparison, // categories (e.g. hate-crime strands) this year against last
    sparkline,           // a tiny line for tables; no axes or labels
};

struct ChartSeries {
    std::string name;                          // "2017/18"
    std::vector<std::optional<double>> values; // one per category; nullopt is a gap
    // A comparator (London, a family group) for the current period: drawn as a line over the
    // chart's own series, after them in `series`.
    bool comparator = false;
};

struct ChartSpec {
    ChartKind kind = ChartKind::monthly_comparison;
    std::string id; // stable, for file names and anchors ("violence-with-injury-monthly")
    std::string title;
    bool show_title =
        false;        // the document usually captions the chart; draw the title only on request
    std::string unit; // "offences", "%", "per 1,000 population"
    std::optional<int> decimals; // the figures' decimal places (the indicator's); else by value
    std::vector<std::string> categories; // x-axis labels: "Apr", "Q1", "Jan 2017", …
    std::vector<ChartSeries> series;     // the current period comes last, then comparators
    std::optional<double> target_low;    // a target band or line (both equal for a line)
    std::optional<double> target_high;
    std::string description; // generated sentence: "Up 12% on last year, highest in July."
    double width_pt = 480;   // size in the pack; the site scales the SVG
    double height_pt = 220;
    // Where the chart's words were written, for a warning about one of them: the directive
    // that placed the chart first, then the indicator definitions its titles, units and
    // comparator names come from.
    std::vector<SourceLocation> sources;
};

} // namespace bp::data

#pragma once
// Chart specs shaped like the figures in a community safety partnership's performance pack.
#include "data/chart_spec.hpp"

#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace bp::chart::samples {

inline constexpr double gap = std::numeric_limits<double>::quiet_NaN();

inline std::vector<std::optional<double>> values(std::initializer_list<double> figures) {
    std::vector<std::optional<double>> out;
    for (double figure : figures) {
        out.push_back(std::isnan(figure) ? std::nullopt : std::optional<double>(figure));
    }
    return out;
}

inline data::ChartSpec monthly() {
    data::ChartSpec spec;
    spec.kind = data::ChartKind::monthly_comparison;
    spec.id = "violence-with-injury-monthly";
    spec.title = "Violence with injury by month";
    spec.unit = "offences";
    spec.description = "Level with last year to January; highest month May (206).";
    spec.categories = {"Apr", "May", "Jun", "Jul", "Aug", "Sep",
                       "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"};
    spec.series = {
        {"2016/17", values({166, 202, 195, 214, 190, 196, 158, 174, 163, 154, 153, 188})},
        {"2017/18", values({166, 206, 182, 178, 168, 183, 191, 160, 193, 142, gap, gap})}};
    return spec;
}

inline data::ChartSpec quarters() {
    data::ChartSpec spec;
    spec.kind = data::ChartKind::quarter_totals;
    spec.id = "violence-with-injury-quarters";
    spec.title = "Violence with injury by quarter";
    spec.unit = "offences";
    spec.categories = {"Q1", "Q2", "Q3", "Q4"};
    spec.series = {{"2016/17", values({563, 600, 495, 495})},
                   {"2017/18", values({554, 529, 544, gap})}};
    return spec;
}

inline data::ChartSpec trend() {
    data::ChartSpec spec;
    spec.kind = data::ChartKind::trend;
    spec.id = "asb-calls-trend";
    spec.title = "Anti-social behaviour calls";
    spec.unit = "calls";
    spec.categories = {"Q1 2015/16", "Q2 2015/16", "Q3 2015/16", "Q4 2015/16",
                       "Q1 2016/17", "Q2 2016/17", "Q3 2016/17", "Q4 2016/17",
                       "Q1 2017/18", "Q2 2017/18", "Q3 2017/18", "Q4 2017/18"};
    spec.series = {
        {"Calls", values({1702, 1815, 1490, 1398, 1655, 1720, 1402, 1310, 1580, 1644, 1451, gap})}};
    spec.target_low = 1300;
    spec.target_high = 1500;
    return spec;
}

inline data::ChartSpec categories() {
    data::ChartSpec spec;
    spec.kind = data::ChartKind::category_comparison;
    spec.id = "hate-crime-strands";
    spec.title = "Hate crime by strand";
    spec.unit = "offences";
    spec.categories = {"Racist and religious", "Homophobic",  "Disability",  "Faith",
                       "Transgender",          "Antisemitic", "Islamophobic"};
    spec.series = {{"2016/17", values({412, 58, 21, 97, 9, 12, 61})},
                   {"2017/18", values({455, 71, 18, 104, 14, 9, 73})}};
    return spec;
}

inline data::ChartSpec sparkline() {
    data::ChartSpec spec;
    spec.kind = data::ChartKind::sparkline;
    spec.id = "burglary-spark";
    spec.title = "Burglary, last twelve months";
    spec.width_pt = 72;
    spec.height_pt = 18;
    spec.series = {{"Burglary", values({98, 104, 131, 122, 140, 118, 126, 151, 149, 137})}};
    return spec;
}

} // namespace bp::chart::samples

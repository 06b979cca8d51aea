#include "chart/render.hpp"
#include "pdf_text.hpp"
#include "sample_specs.hpp"

#include <doctest/doctest.h>
#include <future>
#include <limits>
#include <vector>

using namespace bp;
using chart::samples::gap;
using chart::samples::values;
using chart::testing::contains;
using chart::testing::line_with;
using chart::testing::pdf_text;

namespace {

// Width and height from the PNG header (big-endian, after the 8-byte signature and IHDR tag).
std::pair<int, int> png_size(const std::string& png) {
    auto read = [&](std::size_t at) {
        return (static_cast<unsigned char>(png[at]) << 24) |
               (static_cast<unsigned char>(png[at + 1]) << 16) |
               (static_cast<unsigned char>(png[at + 2]) << 8) |
               static_cast<unsigned char>(png[at + 3]);
    };
    return {static_cast<int>(read(16)), static_cast<int>(read(20))};
}

std::vector<data::ChartSpec> every_sample() {
    return {chart::samples::monthly(), chart::samples::quarters(), chart::samples::trend(),
            chart::samples::categories(), chart::samples::sparkline()};
}

} // namespace

TEST_CASE("PDF output is one page of exactly the spec's size") {
    auto spec = chart::samples::monthly();
    spec.width_pt = 400;
    spec.height_pt = 180.5;
    const std::string pdf = chart::render_pdf(spec);
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(contains(pdf, "/MediaBox [ 0 0 400 180.5 ]"));
    CHECK(contains(pdf, "/Count 1"));
}

TEST_CASE("PDF dates are fixed so the bytes repeat") {
    const std::string pdf = chart::render_pdf(chart::samples::quarters());
    CHECK(contains(pdf, "/CreationDate (20000101000000Z)"));
    CHECK(chart::render_pdf(chart::samples::quarters()) == pdf);
}

namespace {
std::size_t occurrences(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++count;
    return count;
}
} // namespace

TEST_CASE("several charts make one PDF, a page each at its own size, the faces embedded once") {
    auto monthly = chart::samples::monthly();
    monthly.width_pt = 400;
    monthly.height_pt = 180.5;
    auto quarters = chart::samples::quarters();
    auto categories = chart::samples::categories();
    categories.width_pt = 300;
    categories.height_pt = 150;
    chart::ChartStyle larger;
    larger.label_size *= 1.5;
    const std::string pdf =
        chart::render_pdf_pages({{&monthly, {}}, {&quarters, larger}, {&categories, {}}});
    CHECK(contains(pdf, "/Count 3"));
    CHECK(contains(pdf, "/MediaBox [ 0 0 400 180.5 ]"));
    CHECK(contains(pdf, "/MediaBox [ 0 0 480 220 ]"));
    CHECK(contains(pdf, "/MediaBox [ 0 0 300 150 ]"));
    // Each chart alone embeds its own subset of the regular face; together they share one.
    CHECK(occurrences(chart::render_pdf(monthly), "/FontFile2") >= 1);
    CHECK(occurrences(pdf, "/FontFile2") == occurrences(chart::render_pdf(quarters), "/FontFile2"));
    const std::string text = pdf_text(pdf);
    for (const auto* spec : {&monthly, &quarters, &categories})
        CHECK(contains(text, spec->series.front().name));
    CHECK(chart::render_pdf_pages({{&monthly, {}}, {&quarters, larger}, {&categories, {}}}) == pdf);
    CHECK(chart::render_pdf_pages({}).empty());
}

TEST_CASE("nonsense sizes fall back to the default size") {
    auto spec = chart::samples::quarters();
    spec.width_pt = std::numeric_limits<double>::quiet_NaN();
    spec.height_pt = -3;
    CHECK(contains(chart::render_pdf(spec), "/MediaBox [ 0 0 480 220 ]"));
}

TEST_CASE("PNG is scaled from points to pixels") {
    const std::string png = chart::render_png(chart::samples::monthly(), 2);
    REQUIRE(png.size() > 24);
    CHECK(png.substr(1, 3) == "PNG");
    CHECK(png_size(png) == std::pair{960, 440});
    CHECK(png_size(chart::render_png(chart::samples::sparkline(), 1)) == std::pair{72, 18});
    CHECK(png_size(chart::render_png(chart::samples::sparkline(), -1)) == std::pair{72, 18});
}

TEST_CASE("SVG output has the accessibility attributes and the spec's size") {
    const std::string svg = chart::render_svg(chart::samples::monthly());
    CHECK(contains(svg, "width=\"480pt\" height=\"220pt\" viewBox=\"0 0 480 220\""));
    CHECK(contains(svg, "role=\"img\""));
    CHECK(contains(svg, "<title id=\"chart-violence-with-injury-monthly-title\">Violence with "
                        "injury by month</title>"));
    CHECK(contains(svg, "<desc id=\"chart-violence-with-injury-monthly-desc\">Level with last "
                        "year to January; highest month May (206).</desc>"));
}

TEST_CASE("every id and reference in the SVG begins with the page's prefix, then the chart's") {
    const std::string plain = chart::render_svg(chart::samples::monthly());
    const std::string svg = chart::render_svg(chart::samples::monthly(), {}, "chart-2-wide-");
    const std::string prefix = "chart-2-wide-chart-violence-with-injury-monthly-";
    std::size_t ids = 0;
    for (const std::string opening : {" id=\"", "xlink:href=\"#", "url(#"}) {
        for (std::size_t at = svg.find(opening); at != std::string::npos;
             at = svg.find(opening, at + 1)) {
            CAPTURE(svg.substr(at, 60));
            CHECK(svg.compare(at + opening.size(), prefix.size(), prefix) == 0);
            ++ids;
        }
    }
    CHECK(ids > 20); // glyphs, their uses, the title and the description
    CHECK(contains(svg, "aria-labelledby=\"" + prefix + "title " + prefix + "desc\""));
    // Without a page prefix, the chart's alone; the drawing is otherwise the same.
    std::string unprefixed = svg;
    for (std::size_t at = unprefixed.find("chart-2-wide-"); at != std::string::npos;
         at = unprefixed.find("chart-2-wide-", at))
        unprefixed.erase(at, std::string("chart-2-wide-").size());
    CHECK(unprefixed == plain);
}

TEST_CASE("every output is the same bytes on every run") {
    for (const auto& spec : every_sample()) {
        CAPTURE(spec.id);
        CHECK(chart::render_svg(spec) == chart::render_svg(spec));
        CHECK(chart::render_pdf(spec) == chart::render_pdf(spec));
        CHECK(chart::render_png(spec, 1.5) == chart::render_png(spec, 1.5));
    }
}

TEST_CASE("charts rendered on many threads at once match those rendered alone") {
    const auto specs = every_sample();
    std::vector<std::string> alone;
    for (const auto& spec : specs) {
        alone.push_back(chart::render_svg(spec) + chart::render_pdf(spec));
    }
    std::vector<std::future<std::string>> results;
    for (int round = 0; round < 4; ++round) {
        for (const auto& spec : specs) {
            results.push_back(std::async(std::launch::async, [spec] {
                return chart::render_svg(spec) + chart::render_pdf(spec);
            }));
        }
    }
    for (std::size_t i = 0; i < results.size(); ++i) {
        CHECK(results[i].get() == alone[i % specs.size()]);
    }
}

TEST_CASE("a monthly chart shows its axis, unit, legend and value labels") {
    const std::string text = pdf_text(chart::render_pdf(chart::samples::monthly()));
    for (const char* part : {"offences", "2016/17", "2017/18", "Apr", "Mar", "250", "214", "142"}) {
        CAPTURE(part);
        CHECK(contains(text, part));
    }
    CHECK_FALSE(contains(text, "Violence with injury")); // the title is the document's caption
}

TEST_CASE("the title is drawn only when the spec asks for it") {
    auto spec = chart::samples::quarters();
    spec.show_title = true;
    CHECK(contains(pdf_text(chart::render_pdf(spec)), "Violence with injury by quarter"));
}

TEST_CASE("bars with a line for the current year drop the bar labels the line would cross") {
    chart::ChartStyle style;
    style.monthly_form = chart::MonthlyForm::bars_and_line;
    const std::string text = pdf_text(chart::render_pdf(chart::samples::monthly(), style));
    CHECK(contains(text, "2017/18"));
    CHECK_FALSE(contains(text, "214"));
}

TEST_CASE("large figures get thousands separators on axis and labels") {
    auto spec = chart::samples::quarters();
    spec.series = {{"2016/17", values({1250000, 2400000, 1800000, 900000})},
                   {"2017/18", values({1450000, 2010000, 2100000, gap})}};
    const std::string text = pdf_text(chart::render_pdf(spec));
    CHECK(contains(text, "1,250,000"));
    CHECK(contains(text, "2,500,000"));
}

TEST_CASE("negative values get bars below zero and minus signs the font can draw") {
    auto spec = chart::samples::quarters();
    spec.series = {{"2016/17", values({-12.5, 30, -4, 8})},
                   {"2017/18", values({5, -20, 15.5, gap})}};
    const std::string text = pdf_text(chart::render_pdf(spec));
    CHECK(contains(text, "\u201312.5"));
    CHECK(contains(text, "\u201320"));
    CHECK(contains(text, "30.0"));
}

TEST_CASE("a trend names its target band in the legend") {
    const std::string text = pdf_text(chart::render_pdf(chart::samples::trend()));
    CHECK(contains(text, "Target 1,300\u20131,500"));
    CHECK(contains(text, "1,451")); // the latest figure labels the end of the line
}

TEST_CASE("long category names turn a comparison on its side, names in full") {
    const std::string text = pdf_text(chart::render_pdf(chart::samples::categories()), true);
    CHECK(contains(text, "Racist and religious"));
    CHECK(contains(text, "455"));
    CHECK_FALSE(contains(line_with(text, "Homophobic"), "Disability"));
}

TEST_CASE("short category names stand upright, side by side") {
    auto spec = chart::samples::categories();
    spec.categories = {"Police", "Council", "Health", "Fire", "Probation", "Housing", "Schools"};
    const std::string text = pdf_text(chart::render_pdf(spec), true);
    CHECK(contains(line_with(text, "Police"), "Schools"));
}

TEST_CASE("the style can force either orientation") {
    auto spec = chart::samples::categories();
    spec.categories = {"Police", "Council", "Health", "Fire", "Probation", "Housing", "Schools"};
    chart::ChartStyle style;
    style.category_orientation = chart::BarOrientation::horizontal;
    CHECK_FALSE(
        contains(line_with(pdf_text(chart::render_pdf(spec, style), true), "Police"), "Schools"));
    style.category_orientation = chart::BarOrientation::vertical;
    CHECK(contains(line_with(pdf_text(chart::render_pdf(spec, style), true), "Police"), "Schools"));
}

TEST_CASE("a sparkline has no text at all") {
    CHECK(pdf_text(chart::render_pdf(chart::samples::sparkline())).find_first_not_of(" \n\f") ==
          std::string::npos);
}

TEST_CASE("edge cases draw something and never fail") {
    std::vector<data::ChartSpec> specs;
    for (auto kind : {data::ChartKind::monthly_comparison, data::ChartKind::quarter_totals,
                      data::ChartKind::trend, data::ChartKind::category_comparison,
                      data::ChartKind::sparkline}) {
        data::ChartSpec empty;
        empty.kind = kind;
        specs.push_back(empty);
        auto gaps = empty;
        gaps.categories = {"Apr", "May"};
        gaps.series = {{"a", values({gap, gap})}, {"b", values({})}};
        specs.push_back(gaps);
        auto zeros = gaps;
        zeros.series = {{"a", values({0, 0})}, {"b", values({0, 0})}};
        specs.push_back(zeros);
        auto single = gaps;
        single.categories = {"Q1"};
        single.series = {{"", values({std::numeric_limits<double>::infinity()})},
                         {"b", values({-7})}};
        single.target_low = std::numeric_limits<double>::infinity();
        single.target_high = -3;
        specs.push_back(single);
        auto many = gaps;
        many.categories.assign(400, "A category name far too long to fit anywhere at all");
        many.series = {{"x\xff\xfe broken utf-8", std::vector<std::optional<double>>(400, 1e14)}};
        many.width_pt = 20;
        many.height_pt = 9;
        specs.push_back(many);
    }
    for (const auto& spec : specs) {
        CAPTURE(static_cast<int>(spec.kind));
        CHECK(chart::render_svg(spec).find("</svg>") != std::string::npos);
        CHECK(chart::render_pdf(spec).rfind("%PDF-", 0) == 0);
        CHECK(chart::render_png(spec, 1).size() > 8);
    }
}

TEST_CASE("a chart with nothing to plot says so") {
    data::ChartSpec spec = chart::samples::monthly();
    spec.series = {{"2017/18", values({gap, gap, gap})}};
    CHECK(contains(pdf_text(chart::render_pdf(spec)), "No figures to show"));
}

TEST_CASE("a missing font file falls back to the bundled font") {
    chart::ChartStyle style;
    style.regular_font = "/nonexistent/font.ttf";
    const std::string pdf = chart::render_pdf(chart::samples::quarters(), style);
    CHECK(contains(pdf, "NotoSans-Regular"));
    CHECK(contains(pdf_text(pdf), "Q1"));
}

TEST_CASE("very long names are cut short with an ellipsis, quickly") {
    auto spec = chart::samples::quarters();
    const std::string long_name(100000, 'x');
    spec.categories[0] = long_name;
    spec.series[0].name = "Barking and Riverside neighbourhood policing team " + long_name;
    spec.unit = long_name;
    const std::string text = pdf_text(chart::render_pdf(spec));
    CHECK(contains(text, "Barking and Riverside"));
    CHECK(contains(text, "x\u2026"));
    CHECK(text.size() < 5000);
}

TEST_CASE("values at the edge of the plotted range draw without stalling") {
    auto spec = chart::samples::trend();
    spec.series = {{"s", values({1e15, 1e15 + 0.25, 1e15 - 0.125})}};
    spec.target_low.reset();
    spec.target_high.reset();
    CHECK(chart::render_pdf(spec).rfind("%PDF-", 0) == 0);
}

TEST_CASE("chart text the bundled font lacks is drawn in an installed font that has it") {
    auto spec = chart::samples::monthly();
    spec.unit = "calls ≥ 85% → ✓ ★";
    const std::string text = pdf_text(chart::render_pdf(spec));
    for (const char* part : {"≥", "→", "✓", "★", "calls", "85%"}) {
        CAPTURE(part);
        CHECK(contains(text, part));
    }
}

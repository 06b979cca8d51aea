#include "chart/legend.hpp"

#include "chart/target.hpp"

namespace bp::chart {

namespace {

constexpr double swatch_bar_width = 10;
constexpr double swatch_line_width = 18;
constexpr double swatch_gap = 4;
constexpr double entry_gap = 12;
constexpr double header_gap = 6;

double swatch_width(const LegendEntry& entry) {
    return entry.kind == SwatchKind::line || entry.kind == SwatchKind::target_line
               ? swatch_line_width
               : swatch_bar_width;
}

double entry_width(const Canvas& canvas, const LegendEntry& entry) {
    return swatch_width(entry) + swatch_gap + canvas.text_width(entry.name);
}

void draw_swatch(const Canvas& canvas, const LegendEntry& entry, double x, double middle_y) {
    const ChartStyle& style = canvas.style();
    if (entry.kind == SwatchKind::bar) {
        draw_bar(canvas, {x, middle_y - 4.5, swatch_bar_width, 9}, entry.look);
        return;
    }
    if (entry.kind == SwatchKind::target_band) {
        draw_target_band_shape(canvas, {x, middle_y - 4.5, swatch_bar_width, 9});
        return;
    }
    if (entry.kind == SwatchKind::target_line) {
        draw_target_line_shape(canvas, x, x + swatch_line_width, middle_y);
        return;
    }
    const std::vector<PlotPoint> points = {{x, middle_y, true},
                                           {x + swatch_line_width, middle_y, true}};
    draw_series_line(canvas, points, entry.look, style.line_width);
    draw_marker(canvas, x + swatch_line_width / 2, middle_y, style.marker_radius, entry.look);
}

} // namespace

double legend_width(const Canvas& canvas, const std::vector<LegendEntry>& entries) {
    canvas.set_font(Weight::regular, canvas.style().label_size);
    double width = 0;
    for (const auto& entry : entries) {
        width += (width > 0 ? entry_gap : 0) + entry_width(canvas, entry);
    }
    return width;
}

void draw_legend(const Canvas& canvas, const std::vector<LegendEntry>& entries, double right,
                 double middle_y) {
    double x = right - legend_width(canvas, entries);
    for (const auto& entry : entries) {
        draw_swatch(canvas, entry, x, middle_y);
        const double text_x = x + swatch_width(entry) + swatch_gap;
        canvas.set_font(Weight::regular, canvas.style().label_size);
        canvas.set_colour(canvas.style().text);
        canvas.draw_text(entry.name, text_x, middle_y, HAlign::left, VAlign::middle);
        x = text_x + canvas.text_width(entry.name) + entry_gap;
    }
}

namespace {

// Greedy rows no wider than `width`; an entry wider than that gets a row to itself.
std::vector<std::vector<LegendEntry>>
legend_rows(const Canvas& canvas, const std::vector<LegendEntry>& entries, double width) {
    std::vector<std::vector<LegendEntry>> rows;
    canvas.set_font(Weight::regular, canvas.style().label_size);
    for (LegendEntry entry : entries) {
        entry.name = canvas.fit_text(entry.name, width - swatch_width(entry) - swatch_gap);
        if (!rows.empty()) {
            auto candidate = rows.back();
            candidate.push_back(entry);
            if (legend_width(canvas, candidate) <= width) {
                rows.back() = std::move(candidate);
                continue;
            }
        }
        rows.push_back({entry});
    }
    return rows;
}

} // namespace

double draw_header(const Canvas& canvas, const Header& header, const Rect& area) {
    const ChartStyle& style = canvas.style();
    double y = area.y;
    if (!header.title.empty()) {
        canvas.set_font(Weight::bold, style.title_size);
        canvas.set_colour(style.text);
        canvas.draw_text(canvas.fit_text(header.title, area.width), area.x, y, HAlign::left,
                         VAlign::cap_top);
        y += style.title_size * 1.5;
    }
    const double row_height = style.label_size * 1.5;
    canvas.set_font(Weight::regular, style.label_size);
    const double unit_width = header.unit.empty() ? 0 : canvas.text_width(header.unit);
    const auto rows = legend_rows(canvas, header.legend, area.width);
    if (!header.unit.empty()) {
        canvas.set_font(Weight::regular, style.label_size);
        canvas.set_colour(style.muted_text);
        canvas.draw_text(canvas.fit_text(header.unit, area.width), area.x, y + row_height / 2,
                         HAlign::left, VAlign::middle);
        const bool shares_row =
            rows.size() == 1 &&
            unit_width + entry_gap + legend_width(canvas, rows[0]) <= area.width;
        if (!shares_row) {
            y += row_height;
        }
    }
    for (const auto& row : rows) {
        draw_legend(canvas, row, area.right(), y + row_height / 2);
        y += row_height;
    }
    if (!header.unit.empty() || !rows.empty()) {
        y += header_gap;
    }
    return y - area.y;
}

} // namespace bp::chart

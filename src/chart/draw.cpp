#include "chart/kinds.hpp"
#include "chart/render.hpp"

#include <algorithm>

namespace bp::chart {

namespace {

constexpr double outer_padding = 6;

bool categories_fit_upright(const Canvas& canvas, const ChartData& data, double width) {
    canvas.set_font(Weight::regular, canvas.style().label_size);
    const double slot =
        width * 0.88 / static_cast<double>(std::max<std::size_t>(1, data.categories.size()));
    return std::all_of(
        data.categories.begin(), data.categories.end(),
        [&](const std::string& name) { return canvas.text_width(name) + 6 <= slot; });
}

bool horizontal(const Canvas& canvas, const ChartData& data, double width) {
    switch (canvas.style().category_orientation) {
    case BarOrientation::horizontal:
        return true;
    case BarOrientation::vertical:
        return false;
    case BarOrientation::automatic:
        break;
    }
    return !categories_fit_upright(canvas, data, width);
}

// A faint frame keeps the empty space recognisable as a chart rather than a layout slip.
void draw_no_data(const Canvas& canvas, const Rect& area) {
    canvas.set_colour(canvas.style().gridline);
    canvas.pen().set_line_width(canvas.style().gridline_width);
    canvas.pen().rectangle(area.x, area.y, area.width, area.height);
    canvas.pen().stroke();
    canvas.set_font(Weight::regular, canvas.style().label_size);
    canvas.set_colour(canvas.style().muted_text);
    canvas.draw_text("No figures to show", area.x + area.width / 2, area.y + area.height / 2,
                     HAlign::centre, VAlign::middle);
}

void draw_kind(const Canvas& canvas, const ChartInput& input) {
    switch (input.spec.kind) {
    case data::ChartKind::monthly_comparison:
        draw_grouped_bars(canvas, input, canvas.style().monthly_form == MonthlyForm::bars_and_line);
        return;
    case data::ChartKind::quarter_totals:
        draw_grouped_bars(canvas, input, false);
        return;
    case data::ChartKind::trend:
        draw_trend(canvas, input);
        return;
    case data::ChartKind::category_comparison:
        if (horizontal(canvas, input.data, input.area.width)) {
            draw_horizontal_bars(canvas, input);
        } else {
            draw_grouped_bars(canvas, input, false);
        }
        return;
    case data::ChartKind::sparkline:
        draw_sparkline(canvas, input);
        return;
    }
}

} // namespace

void draw(cairo_t* cr, const data::ChartSpec& spec, const ChartStyle& style,
          std::set<char32_t>* missing) {
    if (!cr || cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
        return;
    }
    CairoPen pen(cr);
    draw_with(pen, cr, spec, style, missing);
}

void draw_with(Pen& pen, cairo_t* fonts, const data::ChartSpec& spec, const ChartStyle& style,
               std::set<char32_t>* missing) {
    const ChartSize size = chart_size(spec);
    pen.save();
    Canvas canvas(fonts, pen, style);
    canvas.collect_missing(missing);
    canvas.fill_rect({0, 0, size.width, size.height}, style.background);
    const ChartData data = clean_chart_data(spec);
    const bool tiny = spec.kind == data::ChartKind::sparkline;
    const double padding = tiny ? 0 : outer_padding;
    const Rect area{padding, padding, size.width - 2 * padding, size.height - 2 * padding};
    const ChartInput input{spec, data, target_of(spec), area};
    if (data.has_values) {
        draw_kind(canvas, input);
    } else if (!tiny) {
        draw_no_data(canvas, area);
    }
    pen.restore();
}

} // namespace bp::chart

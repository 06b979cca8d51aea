#pragma once
// How charts look: fonts, colours and sizes. The defaults give a colour-blind-safe chart that
// also reads when printed in black and white.
#include "chart/font_family.hpp"

#include <string>
#include <vector>

namespace bp::chart {

struct Rgb {
    double r = 0, g = 0, b = 0;
};

// "#12436D" -> {0x12/255, 0x43/255, 0x6D/255}; anything malformed gives black.
Rgb rgb_from_hex(const std::string& hex);

// The font files shipped in assets/fonts, so output never depends on the fonts installed.
std::string bundled_font_path(const std::string& file_name);

// How a monthly comparison shows the current year against the earlier ones.
enum class MonthlyForm { grouped_bars, bars_and_line };
enum class BarOrientation { automatic, vertical, horizontal };

struct ChartStyle {
    std::string regular_font = bundled_font_path(bundled_file_name(FaceStyle::regular));
    std::string bold_font = bundled_font_path(bundled_file_name(FaceStyle::bold));

    // Series colours, the current period first, earlier periods after it.
    std::vector<Rgb> palette = {rgb_from_hex("#12436D"), rgb_from_hex("#28A197"),
                                rgb_from_hex("#801650"), rgb_from_hex("#F46A25"),
                                rgb_from_hex("#3D3D3D"), rgb_from_hex("#A285D1")};
    Rgb text = rgb_from_hex("#0B0C0C");
    Rgb muted_text = rgb_from_hex("#505A5F");
    Rgb gridline = rgb_from_hex("#D8DCDE");
    Rgb axis = rgb_from_hex("#505A5F");
    Rgb context_line = rgb_from_hex("#B1B4B6"); // earlier periods in a sparkline
    Rgb background = rgb_from_hex("#FFFFFF");
    Rgb target_fill = rgb_from_hex("#E3EFEC");
    Rgb target_edge = rgb_from_hex("#5E8B7E");

    double title_size = 10;
    double label_size = 8; // axis labels, unit, legend
    double value_size = 7; // numbers on bars and points
    double line_width = 1.75;
    double gridline_width = 0.5;
    double marker_radius = 2.6;

    MonthlyForm monthly_form = MonthlyForm::grouped_bars;
    BarOrientation category_orientation = BarOrientation::automatic;
};

// Chart text in the regular and bold faces of `fonts`, the family the pages around the chart
// are set in (site.yaml `style: body_font`); faces with no path keep the bundled ones.
void draw_text_in(ChartStyle& style, const FontFiles& fonts);

} // namespace bp::chart

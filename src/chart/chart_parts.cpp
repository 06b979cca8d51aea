#include "chart/kinds.hpp"
#include "chart/numbers.hpp"

#include <algorithm>

namespace bp::chart {

std::vector<LegendEntry> legend_entries(const Canvas& canvas, const ChartInput& input,
                                        SeriesForm form) {
    const auto& series = input.data.series;
    std::vector<LegendEntry> entries;
    // One unnamed series needs no key; several do, even when a name is missing.
    if (series.size() > 1 || (series.size() == 1 && !series[0].name.empty() && input.target)) {
        for (std::size_t i = 0; i < series.size(); ++i) {
            const bool as_line = form == SeriesForm::lines ||
                                 (form == SeriesForm::bars_then_line && i + 1 == series.size());
            entries.push_back({series[i].name, series_look(canvas.style(), i, series.size()),
                               as_line ? SwatchKind::line : SwatchKind::bar});
        }
    }
    for (std::size_t i = 0; i < input.data.comparators.size(); ++i)
        entries.push_back(
            {input.data.comparators[i].name, comparator_look(canvas.style(), i), SwatchKind::line});
    if (input.target) {
        const int decimals = decimals_needed({input.target->low, input.target->high});
        entries.push_back(
            {target_label(*input.target, decimals), SeriesLook{},
             input.target->is_line() ? SwatchKind::target_line : SwatchKind::target_band});
    }
    return entries;
}

Header header_for(const Canvas& canvas, const ChartInput& input, SeriesForm form, bool with_unit) {
    Header header;
    if (input.spec.show_title) {
        header.title = input.spec.title;
    }
    if (with_unit) {
        header.unit = input.spec.unit;
    }
    header.legend = legend_entries(canvas, input, form);
    return header;
}

void cover_values(const ChartInput& input, bool include_zero, double& low, double& high) {
    bool any = false;
    auto cover = [&](double value) {
        low = any ? std::min(low, value) : value;
        high = any ? std::max(high, value) : value;
        any = true;
    };
    if (input.data.has_values) {
        cover(input.data.min_value);
        cover(input.data.max_value);
    }
    if (input.target) {
        cover(input.target->low);
        cover(input.target->high);
    }
    if (include_zero || !any) {
        cover(0);
    }
}

} // namespace bp::chart

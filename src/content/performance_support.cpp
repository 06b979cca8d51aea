#include "content/performance_support.hpp"

#include "data/yaml_source.hpp"

namespace bp::content::performance {

data::FinancialCalendar calendar_of(const DirectiveContext& context) {
    return context.site.config.calendar();
}

const data::Indicator* find_indicator(std::string_view id, const SourceLocation& where,
                                      DirectiveContext& context) {
    const data::IndicatorSet* set = context.board.indicators.get();
    if (set) {
        if (const data::Indicator* found = set->find(id))
            return &use_indicator(*found, context);
        // Its definition's errors were reported at the definition itself; "unknown" would
        // send the reader looking for a file that exists.
        if (set->broken.count(std::string(id)))
            return nullptr;
    }
    std::string folder = context.board.folder + "/indicators";
    std::string message = "unknown indicator '" + std::string(id) + "'";
    if (!set || set->indicators.empty()) {
        context.sink.error(where, message,
                           "this board has no indicators: add " + folder + "/" + std::string(id) +
                               ".yaml and " + std::string(id) + ".csv");
        return nullptr;
    }
    auto suggestion = data::closest_match(id, set->ids());
    context.sink.error(where, message,
                       suggestion
                           ? "did you mean '" + *suggestion + "'?"
                           : "indicator ids are the file names in " + folder + " without .yaml");
    return nullptr;
}

const data::Indicator& use_indicator(const data::Indicator& indicator, DirectiveContext& context) {
    return context.figures ? context.figures->use(indicator) : indicator;
}

std::optional<data::IndicatorFigures> figures_for(const data::Indicator& indicator,
                                                  const SourceLocation& where,
                                                  DirectiveContext& context) {
    auto figures = data::figures_as_at(indicator, calendar_of(context), context.meeting.data_date,
                                       where, context.sink);
    if (figures && context.figures)
        context.figures->record(indicator, *figures, calendar_of(context));
    return figures;
}

doc::Block place_chart(data::ChartSpec spec, std::string caption, const SourceLocation& location,
                       DirectiveContext& context) {
    auto& charts = context.paper.charts;
    std::string base = spec.id;
    for (int n = 2;; ++n) {
        bool taken = false;
        for (const auto& chart : charts)
            taken = taken || chart.id == spec.id;
        if (!taken)
            break;
        spec.id = base + "-" + std::to_string(n);
    }
    spec.sources.insert(spec.sources.begin(), location);
    doc::Block block;
    block.kind = doc::BlockKind::chart;
    block.location = location;
    block.chart_index = static_cast<int>(charts.size());
    block.caption = caption.empty() ? spec.title : std::move(caption);
    block.css_class = "chart";
    charts.push_back(std::move(spec));
    return block;
}

std::string direction_text(const data::Indicator& indicator, data::Direction direction) {
    if (direction == data::Direction::unknown)
        return "";
    // In words: the bundled font has no arrow glyphs, and words survive any printer.
    std::string text = data::direction_word(direction);
    std::string judgement = data::performance_word(indicator, direction);
    if (!judgement.empty() && judgement != "no change")
        text += " (" + judgement + ")";
    return text;
}

} // namespace bp::content::performance

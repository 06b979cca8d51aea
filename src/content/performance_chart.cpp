#include "content/performance_handlers.hpp"
#include "content/performance_support.hpp"
#include "data/chart_builders.hpp"
#include "data/yaml_source.hpp"

namespace bp::content::performance {

namespace {

const std::set<std::string> chart_keys = {"indicator", "indicators", "kind",
                                          "title",     "caption",    "id"};

const std::vector<std::string> chart_kinds = {"monthly", "quarters", "trend", "categories",
                                              "sparkline"};

std::vector<const data::Indicator*>
listed_indicators(const YAML::Node& list, const SourceLocation& origin, DirectiveContext& context) {
    std::vector<const data::Indicator*> out;
    if (!list.IsSequence()) {
        context.sink.error(data::location_of(list, origin), "'indicators' must be a list of ids",
                           "write indicators: [knife-crime, gun-crime]");
        return out;
    }
    for (const auto& item : list) {
        if (!item.IsScalar()) {
            context.sink.error(data::location_of(item, origin), "an indicator id must be text");
            continue;
        }
        if (auto* found = find_indicator(item.Scalar(), data::location_of(item, origin), context))
            out.push_back(found);
    }
    return out;
}

std::optional<data::ChartSpec> category_spec(const YAML::Node& body, const SourceLocation& origin,
                                             DirectiveContext& context) {
    if (!body["indicators"]) {
        context.sink.error(data::location_of(body, origin),
                           "a categories chart needs a list of indicators",
                           "add 'indicators: [first-id, second-id]'");
        return std::nullopt;
    }
    auto indicators = listed_indicators(body["indicators"], origin, context);
    if (indicators.empty())
        return std::nullopt;
    std::optional<data::YearMonth> data_month;
    for (const auto* indicator : indicators) {
        auto figures = figures_for(*indicator, data::location_of(body, origin), context);
        if (!figures)
            return std::nullopt;
        if (!data_month || figures->data_month < *data_month)
            data_month = figures->data_month;
    }
    std::string id = data::read_string(body, "id", origin, context.sink).value_or("categories");
    return data::category_chart(indicators, calendar_of(context), *data_month, id);
}

std::optional<data::ChartSpec> single_spec(const std::string& kind, const YAML::Node& body,
                                           const SourceLocation& origin,
                                           DirectiveContext& context) {
    auto id = data::read_string(body, "indicator", origin, context.sink, true);
    if (!id)
        return std::nullopt;
    SourceLocation where = data::location_of(body["indicator"], origin);
    const data::Indicator* indicator = find_indicator(*id, where, context);
    if (!indicator)
        return std::nullopt;
    auto figures = figures_for(*indicator, where, context);
    if (!figures)
        return std::nullopt;
    data::FinancialCalendar calendar = calendar_of(context);
    if (kind == "quarters")
        return data::quarter_totals_chart(*indicator, calendar, figures->data_month);
    if (kind == "trend")
        return data::trend_chart(*indicator, figures->data_month);
    if (kind == "sparkline")
        return data::sparkline_chart(*indicator, figures->data_month);
    return data::monthly_comparison_chart(*indicator, calendar, figures->data_month);
}

} // namespace

std::vector<doc::Block> chart_directive(const doc::Block& directive, const YAML::Node& body,
                                        const SourceLocation& origin, DirectiveContext& context) {
    if (!body || body.IsNull()) {
        context.sink.error(directive.location, "a ```chart block needs an indicator",
                           "write 'indicator: <id>' and 'kind: monthly' inside the block");
        return {};
    }
    if (!check_body(body, chart_keys, origin, context.sink, "chart"))
        return {};
    std::string kind = data::read_choice(body, "kind", chart_kinds, origin, context.sink)
                           .value_or(body["kind"] ? "" : "monthly");
    if (kind.empty())
        return {};
    if (kind == "sparkline") {
        // A sparkline has no axes, labels or scale: on paper, alone, it says nothing.
        context.sink.warning(data::location_of(body["kind"], origin),
                             "a sparkline on its own has no axes or figures, so it is drawn as "
                             "a trend chart",
                             "write 'kind: trend'; sparklines belong in tables beside figures");
        kind = "trend";
    }
    auto spec = kind == "categories" ? category_spec(body, origin, context)
                                     : single_spec(kind, body, origin, context);
    if (!spec)
        return {};
    if (auto title = data::read_string(body, "title", origin, context.sink))
        spec->title = *title;
    if (auto id = data::read_string(body, "id", origin, context.sink))
        spec->id = *id;
    std::string caption = data::read_string(body, "caption", origin, context.sink).value_or("");
    return {place_chart(std::move(*spec), caption, directive.location, context)};
}

} // namespace bp::content::performance

#include "content/performance_handlers.hpp"
#include "content/performance_support.hpp"
#include "core/text.hpp"
#include "data/figure_format.hpp"
#include "data/yaml_source.hpp"

#include <algorithm>

namespace bp::content::performance {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words)
        out += (out.empty() ? "" : ", ") + word;
    return out;
}

void report_unknown(const std::string& kind, const std::string& word,
                    const std::vector<std::string>& choices, const SourceLocation& location,
                    DirectiveContext& context) {
    auto suggestion = data::closest_match(word, choices);
    context.sink.error(location, "unknown " + kind + " '" + word + "' in an indicator value",
                       suggestion ? "did you mean '" + *suggestion + "'?"
                                  : "use one of: " + joined(choices));
}

struct Request {
    const data::Indicator& indicator;
    const data::IndicatorFigures& figures;
    const SourceLocation& location;
    DirectiveContext& context;
    std::string expression;
    std::string label; // the measure's name for readers: "Q4 to date (Jan)", "Year to date"
};

std::optional<std::string> missing(const Request& request, const std::string& why,
                                   const std::string& hint) {
    request.context.sink.error(request.location,
                               "'{{ " + request.expression + " }}' has no figure: " + why, hint);
    return std::nullopt;
}

std::optional<std::string> indicator_field(const Request& request, const std::string& field) {
    const data::Indicator& indicator = request.indicator;
    const data::Comparison& ytd = request.figures.year_to_date;
    data::FinancialCalendar calendar = calendar_of(request.context);
    if (field == "rag")
        return data::rag_label(data::rate(indicator, request.figures).status);
    if (field == "rag_reason")
        return data::rate(indicator, request.figures).reason;
    if (field == "basis")
        return data::basis_words(indicator);
    if (field == "direction")
        return std::string(data::direction_word(ytd.direction()));
    if (field == "quarter_direction") {
        const auto& quarter = request.figures.latest_quarter;
        if (!quarter || quarter->previous_direction() == data::Direction::unknown)
            return missing(request, "there are no figures for the last two quarters ended",
                           "add figures for those months to " + indicator.figures_file);
        return std::string(data::direction_word(quarter->previous_direction()));
    }
    if (field == "fy")
        return calendar.year_label(request.figures.financial_year);
    if (field == "last_fy")
        return calendar.year_label(request.figures.financial_year - 1);
    if (field == "as_at")
        return request.figures.data_month.long_label();
    if (field == "target") {
        // The figure alone reads in a sentence ("against a target of 169 for the year").
        std::string figure = data::target_figure(indicator, request.figures.financial_year);
        if (!figure.empty())
            return figure;
        if (!indicator.target_text.empty())
            return indicator.target_text;
        return missing(request, "the indicator has no target",
                       "add 'target:', 'target_band:' or 'target_text:' to its definition");
    }
    return std::nullopt;
}

// Fields that describe the indicator rather than its figures, so need no data as at the date.
std::optional<std::string> descriptive_field(const data::Indicator& indicator,
                                             const std::string& field) {
    if (field == "title")
        return indicator.title;
    if (field == "lead")
        return indicator.lead;
    if (field == "source")
        return indicator.source;
    if (field == "sub_group")
        return indicator.sub_group;
    if (field == "unit")
        return indicator.unit_label();
    return std::nullopt;
}

std::optional<data::Comparison> measure_of(const Request& request, const std::string& measure) {
    if (measure == "fytd")
        return request.figures.year_to_date;
    if (measure == "latest")
        return request.figures.latest;
    if (measure == "rolling12")
        return request.figures.rolling_twelve_months;
    if (measure == "latest_quarter") {
        if (!request.figures.latest_quarter)
            missing(request, "no quarter has ended", "use fytd or latest");
        return request.figures.latest_quarter;
    }
    int quarter = measure[1] - '0';
    const auto& found = request.figures.quarters[quarter - 1];
    if (!found) {
        data::FinancialCalendar calendar = calendar_of(request.context);
        missing(request,
                "Q" + std::to_string(quarter) + " " +
                    calendar.year_label(request.figures.financial_year) + " has not begun by " +
                    request.figures.data_month.long_label(),
                "use fytd or latest, or an earlier quarter");
    }
    return found;
}

std::string measure_label(const data::IndicatorFigures& figures, const std::string& measure) {
    if (measure == "fytd")
        return "Year to date";
    if (measure == "latest")
        return "Latest " + std::string(figures.latest.period.months() > 1 ? "quarter" : "month");
    if (measure == "rolling12")
        return "Rolling 12 months";
    if (measure == "latest_quarter")
        return "Latest quarter";
    return data::quarter_name(figures, measure[1] - '0');
}

std::optional<std::string>
number_or_missing(const Request& request, const std::optional<double>& number,
                  const data::MonthRange& period,
                  std::string (*format)(const data::Indicator&, double)) {
    if (number)
        return format(request.indicator, *number);
    return missing(request, "there are no figures for " + period.label(),
                   "add figures for those months to " + request.indicator.figures_file);
}

// Last year's figure exists only when last year has a figure for every month that has one
// this year.
std::optional<std::string> last_year_or_missing(const Request& request, const data::Comparison& c,
                                                const std::optional<double>& number,
                                                std::string (*format)(const data::Indicator&,
                                                                      double)) {
    if (number)
        return format(request.indicator, *number);
    if (!c.value)
        return number_or_missing(request, c.value, c.period, format);
    return missing(request,
                   "last year's figures do not cover " + c.last_year_period.label() +
                       " month for month",
                   "add the missing months of " + c.last_year_period.label() + " to " +
                       request.indicator.figures_file);
}

std::string plain_number(const data::Indicator&, double value) {
    return format_number(value);
}
std::string percent_change(const data::Indicator&, double value) {
    return data::format_change_pct(value);
}

std::string unsigned_number(const data::Indicator& indicator, double value) {
    return format_number(std::fabs(value), indicator.display_decimals());
}
std::string unsigned_percent(const data::Indicator&, double value) {
    return format_number(std::fabs(value), 1) + "%";
}

// Fields on the quarter before (`previous`, `previous_direction`).
std::optional<std::string> previous_field(const Request& request, const data::Comparison& c,
                                          const std::string& field) {
    if (!c.previous_period)
        return missing(request, "only ended quarters have a previous quarter to compare with",
                       "use q1…q4 for an ended quarter, or latest_quarter");
    if (!c.previous)
        return missing(request, "there are no figures for " + c.previous_period->label(),
                       "add figures for those months to " + request.indicator.figures_file);
    if (field == "previous")
        return data::format_value(request.indicator, *c.previous);
    return std::string(data::direction_word(c.previous_direction()));
}

std::optional<std::string> comparator_field(const Request& request, const data::Comparison& c,
                                            const std::string& field) {
    if (c.comparators.empty())
        return missing(request, "the indicator has no comparator",
                       "add 'comparators:' to its definition");
    const data::ComparatorFigure& first = c.comparators.front();
    if (field == "comparator_name")
        return first.name;
    if (!first.value)
        return missing(request,
                       first.name + " has no figures for every month of " + c.period.label(),
                       "add them to the comparator's column or file");
    return data::format_value(request.indicator, *first.value);
}

std::optional<std::string> measure_field(const Request& request, const data::Comparison& c,
                                         const std::string& field) {
    if (field == "label")
        return request.label;
    if (field == "abs_change")
        return last_year_or_missing(request, c, c.change(), unsigned_number);
    if (field == "abs_change_pct") {
        if (c.last_year && *c.last_year == 0 && c.value)
            return missing(request, "last year's figure was 0, so there is no percentage change",
                           "use .abs_change for the difference");
        return last_year_or_missing(request, c, c.change_pct(), unsigned_percent);
    }
    if (field == "change_words") {
        if (!c.change())
            return last_year_or_missing(request, c, std::nullopt, data::format_value);
        return data::change_words(request.indicator, c);
    }
    if (field == "previous" || field == "previous_direction")
        return previous_field(request, c, field);
    if (field == "comparator" || field == "comparator_name")
        return comparator_field(request, c, field);
    if (field == "value")
        return number_or_missing(request, c.value, c.period, data::format_value);
    if (field == "last_year")
        return last_year_or_missing(request, c, c.last_year, data::format_value);
    if (field == "change")
        return last_year_or_missing(request, c, c.change(), data::format_change);
    if (field == "change_pct") {
        if (c.last_year && *c.last_year == 0 && c.value)
            return missing(request, "last year's figure was 0, so there is no percentage change",
                           "use .change for the difference");
        return last_year_or_missing(request, c, c.change_pct(), percent_change);
    }
    if (field == "direction") {
        if (c.direction() == data::Direction::unknown)
            return last_year_or_missing(request, c, std::nullopt, data::format_value);
        return std::string(data::direction_word(c.direction()));
    }
    if (field == "period")
        return c.period.label();
    if (field == "last_year_period")
        return c.last_year_period.label();
    if (field == "count") {
        if (request.indicator.unit != data::Unit::rate)
            return missing(request, "'count' is for indicators with unit: rate",
                           "use .value for the figure");
        return number_or_missing(request, c.count, c.period, plain_number);
    }
    return std::nullopt;
}

} // namespace

const std::vector<std::string>& value_measures() {
    static const std::vector<std::string> measures = {
        "fytd", "latest", "q1", "q2", "q3", "q4", "rolling12", "latest_quarter"};
    return measures;
}

const std::vector<std::string>& value_fields() {
    static const std::vector<std::string> fields = {
        "value",      "last_year",          "change",       "change_pct",
        "abs_change", "abs_change_pct",     "change_words", "direction",
        "period",     "last_year_period",   "label",        "count",
        "previous",   "previous_direction", "comparator",   "comparator_name"};
    return fields;
}

const std::vector<std::string>& indicator_fields() {
    static const std::vector<std::string> fields = {
        "title",   "rag",   "rag_reason", "basis", "direction", "quarter_direction", "fy",
        "last_fy", "as_at", "target",     "lead",  "source",    "sub_group",         "unit"};
    return fields;
}

bool owns_indicator_value(const std::vector<std::string>& path, DirectiveContext& context) {
    if (path.empty() || path[0] == "actions")
        return false;
    const data::IndicatorSet* set = context.board.indicators.get();
    if (set && (set->find(path[0]) || set->broken.count(path[0])))
        return true;
    return path.size() >= 2 &&
           (contains(value_measures(), path[1]) || contains(indicator_fields(), path[1]));
}

std::optional<std::string> resolve_indicator_value(const std::vector<std::string>& path,
                                                   const SourceLocation& location,
                                                   DirectiveContext& context) {
    const data::Indicator* indicator = find_indicator(path[0], location, context);
    if (!indicator)
        return std::nullopt;
    std::string expression;
    for (const auto& part : path)
        expression += (expression.empty() ? "" : ".") + part;
    std::vector<std::string> first_words = value_measures();
    first_words.insert(first_words.end(), indicator_fields().begin(), indicator_fields().end());
    if (path.size() < 2) {
        context.sink.error(location, "'{{ " + expression + " }}' needs a measure and a field",
                           "for example {{ " + path[0] + ".fytd.value }} or {{ " + path[0] +
                               ".rag }}");
        return std::nullopt;
    }
    bool is_measure = contains(value_measures(), path[1]);
    if (!is_measure && !contains(indicator_fields(), path[1])) {
        report_unknown("measure", path[1], first_words, location, context);
        return std::nullopt;
    }
    if (is_measure && path.size() != 3) {
        context.sink.error(location,
                           "'{{ " + expression + " }}' needs a field after '" + path[1] + "'",
                           "for example {{ " + path[0] + "." + path[1] + ".value }}; fields are " +
                               joined(value_fields()));
        return std::nullopt;
    }
    if (!is_measure && path.size() != 2) {
        context.sink.error(location, "'{{ " + expression + " }}' has too many parts",
                           "write {{ " + path[0] + "." + path[1] + " }}");
        return std::nullopt;
    }
    if (is_measure && !contains(value_fields(), path[2])) {
        report_unknown("field", path[2], value_fields(), location, context);
        return std::nullopt;
    }
    if (!is_measure) {
        if (auto text = descriptive_field(*indicator, path[1]))
            return text;
    }
    auto figures = figures_for(*indicator, location, context);
    if (!figures)
        return std::nullopt;
    Request request{*indicator, *figures, location, context, expression};
    if (!is_measure)
        return indicator_field(request, path[1]);
    auto comparison = measure_of(request, path[1]);
    if (!comparison)
        return std::nullopt;
    request.label = measure_label(*figures, path[1]);
    return measure_field(request, *comparison, path[2]);
}

} // namespace bp::content::performance

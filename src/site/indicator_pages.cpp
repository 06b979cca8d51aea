#include "site/indicator_pages.hpp"

#include "core/text.hpp"
#include "data/chart_builders.hpp"
#include "data/figure_format.hpp"
#include "data/indicator_calculations.hpp"
#include "site/board_records.hpp"
#include "site/chart_figure.hpp"
#include "site/count_phrase.hpp"
#include "site/site_paths.hpp"

#include <charconv>
#include <cmath>
#include <map>

namespace bp::site {
namespace {

using data::Indicator;

// Shortest text that reads back as the same number, so the CSV holds exactly the source figures.
std::string plain_number(double value) {
    if (std::fabs(value) < 1e-12)
        value = 0; // never "-0"
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string csv_cell(const std::optional<double>& value) {
    return value ? plain_number(*value) : std::string();
}

std::string rounded(double value, int decimals) {
    double scale = std::pow(10.0, decimals);
    return plain_number(std::round(value * scale) / scale);
}

std::string sentence_case(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text;
}

std::string board_label(const content::Board& board) {
    return board.short_name.empty() ? board.name : board.short_name;
}

std::vector<Crumb> board_crumbs(const content::Board& board) {
    return {{"Home", "index.html"}, {board_label(board), board_dir(board) + "/index.html"}};
}

const char* unit_word(data::Unit unit) {
    switch (unit) {
    case data::Unit::percentage:
        return "Percentage";
    case data::Unit::rate:
        return "Rate";
    case data::Unit::count:
        break;
    }
    return "Count";
}

const char* polarity_phrase(data::Polarity polarity) {
    switch (polarity) {
    case data::Polarity::lower_is_better:
        return "Lower is better";
    case data::Polarity::higher_is_better:
        return "Higher is better";
    case data::Polarity::target_band:
        return "Within the target band";
    case data::Polarity::monitoring:
        break;
    }
    return "Monitored, not rated";
}

TemplateData definition_rows(const Indicator& indicator) {
    TemplateData rows = list_data();
    auto add = [&](const char* label, const std::string& value) {
        if (value.empty())
            return;
        TemplateData row = object_data();
        put(row, "label", label);
        put(row, "value", value);
        rows.push_back(row);
    };
    add("Definition", indicator.definition);
    add("Source", indicator.source);
    add("How it works", indicator.how_it_works);
    add("What good looks like", indicator.what_good_looks_like);
    add("Why it matters", indicator.why_it_matters);
    add("Issues", indicator.issues);
    // The target of the year the latest figures are in, when targets change by year.
    std::optional<int> year;
    if (const data::Observation* latest = indicator.latest())
        year = data::FinancialCalendar(indicator.fy_start_month).year_of(latest->period);
    add("Target", data::target_phrase(indicator, year));
    std::string rule = data::rule_words(indicator);
    add("Rated by", rule.empty() ? std::string(polarity_phrase(indicator.polarity))
                                 : std::string(polarity_phrase(indicator.polarity)) + "; " + rule);
    std::string unit_label = indicator.unit_label();
    add("Unit", std::string(unit_word(indicator.unit)) +
                    (unit_label.empty() ? std::string() : " (" + unit_label + ")"));
    add("Figures", indicator.frequency == data::Frequency::quarterly ? "Quarterly" : "Monthly");
    add("Lead", indicator.lead);
    add("Sub-group", indicator.sub_group);
    return rows;
}

Date as_at_of(const content::Meeting& meeting) {
    return meeting.data_date.valid() ? meeting.data_date : meeting.date;
}

TemplateData rag_history(const content::Board& board, const Indicator& indicator,
                         const data::FinancialCalendar& calendar) {
    TemplateData rows = list_data();
    for (const auto& meeting : board.meetings) {
        if (meeting.status == content::MeetingStatus::cancelled)
            continue;
        Date as_at = as_at_of(meeting);
        data::RagRating rating = indicator_rag_as_at(indicator, calendar, as_at);
        bool rated = rating.status != Rag::none;
        TemplateData row = object_data();
        put(row, "meeting", meeting.date.medium_form());
        put(row, "meeting_href", "../" + meeting.slug + "/index.html");
        put(row, "as_at", as_at.medium_form());
        put(row, "rag",
            rag_badge(rag_key(rating.status), rated ? data::rag_label(rating.status) : "No data"));
        put(row, "reason", text_data(rated ? sentence_case(rating.reason) : std::string()));
        rows.push_back(row);
    }
    return rows;
}

std::string chart_prefix(const std::string& id) {
    return "chart-" + slugify(id);
}

TemplateData charts_data(const Indicator& indicator, const data::FinancialCalendar& calendar,
                         data::YearMonth last, const chart::FontFiles& fonts) {
    TemplateData list = list_data();
    data::ChartSpec trend = data::trend_chart(indicator, last);
    trend.title = indicator.title + ": every " +
                  (indicator.frequency == data::Frequency::quarterly ? "quarter" : "month") +
                  " to " + last.long_label();
    list.push_back(
        TemplateData(render_chart_figure(trend, chart_prefix(indicator.id) + "-trend", fonts)));
    data::ChartSpec year = indicator.frequency == data::Frequency::quarterly
                               ? data::quarter_totals_chart(indicator, calendar, last)
                               : data::monthly_comparison_chart(indicator, calendar, last);
    int financial_year = calendar.year_of(last);
    year.title = indicator.title + ": " + calendar.year_label(financial_year) + " against " +
                 calendar.year_label(financial_year - 1);
    list.push_back(
        TemplateData(render_chart_figure(year, chart_prefix(indicator.id) + "-year", fonts)));
    return list;
}

TemplateData latest_data(const Indicator& indicator, const data::FinancialCalendar& calendar) {
    auto last = last_covered_month(indicator);
    const data::Observation* latest = indicator.latest();
    TemplateData data = object_data();
    if (!last || !latest)
        return false;
    data::RagRating rating = indicator_rag_as_at(indicator, calendar, last->last_day());
    bool rated = rating.status != Rag::none;
    auto value = data::value_in_unit(indicator, *latest);
    put(data, "period",
        indicator.frequency == data::Frequency::quarterly
            ? data::MonthRange{latest->period, latest->period.plus_months(2)}.label()
            : latest->period.long_label());
    put(data, "value", value ? data::format_value(indicator, *value) : std::string("\xE2\x80\x93"));
    put(data, "rag",
        rag_badge(rag_key(rating.status), rated ? data::rag_label(rating.status) : "Not rated"));
    put(data, "reason", text_data(rating.reason));
    return data;
}

void write_indicator_page(const SiteContext& context, const content::Board& board,
                          const Indicator& indicator, const data::FinancialCalendar& calendar,
                          OutputTree& output) {
    std::string csv_name = indicator.id + ".csv";
    output.write(board_dir(board) + "/indicators/" + csv_name, indicator_csv(indicator));
    TemplateData page = object_data();
    put(page, "title", indicator.title);
    put(page, "definition_rows", definition_rows(indicator));
    put(page, "latest", latest_data(indicator, calendar));
    auto last = last_covered_month(indicator);
    put(page, "has_charts", last.has_value());
    put(page, "charts",
        last ? charts_data(indicator, calendar, *last, context.chart_fonts) : list_data());
    put(page, "csv_href", csv_name);
    put(page, "csv_detail", "CSV, " + count_phrase(indicator.observations.size(), "row", "rows"));
    TemplateData history = rag_history(board, indicator, calendar);
    put(page, "has_history", !history.list_value().empty());
    put(page, "history", history);
    put(page, "index_href", "index.html");
    auto crumbs = board_crumbs(board);
    crumbs.push_back({"Indicators", indicators_index_path(board)});
    write_page(context,
               {"indicator", indicator_page_path(board, indicator.id), indicator.title, crumbs},
               std::move(page), output);
}

TemplateData index_groups(const data::IndicatorSet& set, const data::FinancialCalendar& calendar) {
    std::map<std::string, std::vector<const Indicator*>> groups;
    for (const auto& indicator : set.indicators)
        groups[indicator.sub_group].push_back(&indicator);
    // Indicators without a sub-group come last, under their own heading.
    std::vector<std::pair<std::string, std::vector<const Indicator*>>> ordered;
    for (auto& [name, indicators] : groups)
        if (!name.empty())
            ordered.push_back({name, indicators});
    if (groups.count(""))
        ordered.push_back({"", groups[""]});
    TemplateData list = list_data();
    int number = 0;
    for (const auto& [name, indicators] : ordered) {
        TemplateData group = object_data();
        put(group, "heading", name.empty() ? std::string("Other indicators") : name);
        put(group, "id", "group-" + std::to_string(++number));
        TemplateData rows = list_data();
        for (const auto* indicator : indicators) {
            TemplateData row = object_data();
            put(row, "title", indicator->title);
            put(row, "href", indicator->id + ".html");
            put(row, "lead", text_data(indicator->lead));
            TemplateData latest = latest_data(*indicator, calendar);
            put(row, "has_latest", !latest.is_bool());
            put(row, "latest", latest);
            rows.push_back(row);
        }
        put(group, "indicators", rows);
        list.push_back(group);
    }
    return list;
}

} // namespace

std::string indicator_csv(const Indicator& indicator) {
    bool rate = indicator.unit == data::Unit::rate;
    std::string out = "period,value,numerator,denominator";
    if (rate)
        out += ",rate_per_" + plain_number(indicator.rate_per);
    out += "\n";
    for (const auto& observation : indicator.observations) {
        out += observation.period.iso() + "," + csv_cell(observation.value) + "," +
               csv_cell(observation.numerator) + "," + csv_cell(observation.denominator);
        if (rate) {
            auto value = data::value_in_unit(indicator, observation);
            out += "," + (value ? rounded(*value, indicator.display_decimals() + 1) : "");
        }
        out += "\n";
    }
    return out;
}

std::optional<data::YearMonth> last_covered_month(const Indicator& indicator) {
    const data::Observation* latest = indicator.latest();
    if (!latest)
        return std::nullopt;
    return indicator.frequency == data::Frequency::quarterly ? latest->period.plus_months(2)
                                                             : latest->period;
}

data::RagRating indicator_rag_as_at(const Indicator& indicator,
                                    const data::FinancialCalendar& calendar, Date as_at) {
    DiagnosticSink quiet; // missing figures are an answer here ("no data"), not an error
    auto figures = data::figures_as_at(indicator, calendar, as_at, indicator.location, quiet);
    if (!figures)
        return {};
    return data::rate(indicator, *figures);
}

void write_indicator_pages(const SiteContext& context, const content::Board& board,
                           OutputTree& output) {
    if (!has_indicator_pages(board))
        return;
    const data::IndicatorSet& set = *board.indicators;
    data::FinancialCalendar calendar(set.financial_year_start_month);
    for (const auto& indicator : set.indicators)
        write_indicator_page(context, board, indicator, calendar, output);
    TemplateData page = object_data();
    put(page, "board_name", board.name);
    put(page, "groups", index_groups(set, calendar));
    put(page, "count", std::to_string(set.indicators.size()));
    write_page(
        context,
        {"indicators", indicators_index_path(board), "Performance indicators", board_crumbs(board)},
        std::move(page), output);
}

} // namespace bp::site

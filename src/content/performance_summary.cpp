// The ```indicator directive: a one-page summary of an indicator — what it measures, how it
// is doing as at the meeting's data date, charts, the figures, and the lead's commentary.
#include "content/performance_handlers.hpp"
#include "content/performance_support.hpp"
#include "core/text.hpp"
#include "data/chart_builders.hpp"
#include "data/figure_format.hpp"
#include "data/yaml_source.hpp"
#include "markdown/parse.hpp"

namespace bp::content::performance {

namespace {

const std::set<std::string> summary_keys = {"id", "overview", "actions", "level"};

doc::Block definition_table(const data::Indicator& indicator, std::optional<int> financial_year,
                            const SourceLocation& where) {
    // The status table gives the year's target figure; the definition adds how the target is
    // described, when it is.
    const std::string target = indicator.target_text.empty()
                                   ? std::string()
                                   : data::target_phrase(indicator, financial_year);
    const std::pair<const char*, const std::string*> entries[] = {
        {"Source", &indicator.source},
        {"Definition", &indicator.definition},
        {"How it works", &indicator.how_it_works},
        {"What good looks like", &indicator.what_good_looks_like},
        {"Why it matters", &indicator.why_it_matters},
        {"Issues to consider", &indicator.issues},
        {"Target", &target},
        // The lead is named in the status row below; the sub-group heads the scorecard.
    };
    std::vector<doc::TableRow> rows;
    for (const auto& [label, text] : entries) {
        if (text->empty())
            continue;
        rows.push_back({{text_cell(label, where), text_cell(*text, where)}});
    }
    return table({"About this indicator", ""}, std::move(rows), where, "indicator-definition");
}

doc::TableRow figure_row(const data::Indicator& indicator, const std::string& label,
                         const data::Comparison& comparison, const SourceLocation& where) {
    auto shown = [&](const std::optional<double>& number) {
        return number ? data::format_value(indicator, *number) : std::string("\xE2\x80\x94");
    };
    auto change = comparison.change();
    auto change_pct = comparison.change_pct();
    doc::TableRow row{
        {text_cell(label, where), text_cell(shown(comparison.last_year), where),
         text_cell(shown(comparison.value), where),
         text_cell(change ? data::format_change(indicator, *change) : "\xE2\x80\x94", where),
         text_cell(change_pct ? data::format_change_pct(*change_pct) : "\xE2\x80\x94", where)}};
    // Comparators are columns after the change, over the same months as this year's figure.
    for (const auto& comparator : comparison.comparators)
        row.cells.push_back(text_cell(shown(comparator.value), where));
    return row;
}

doc::Block figures_table(const data::Indicator& indicator, const data::IndicatorFigures& figures,
                         const data::FinancialCalendar& calendar, const SourceLocation& where) {
    int year = figures.financial_year;
    std::vector<doc::TableRow> rows;
    rows.push_back(figure_row(indicator,
                              "Year to date (" + figures.year_to_date.period.label() + ")",
                              figures.year_to_date, where));
    // Monthly figures have a quarterly chart beside the table, labelled with the ended quarters'
    // totals, so the table adds only the quarter under way; quarterly figures list them all.
    bool chart_has_quarters = indicator.frequency == data::Frequency::monthly;
    std::string latest =
        indicator.frequency == data::Frequency::quarterly ? "Latest quarter (" : "Latest month (";
    latest += figures.latest.period.label() + ")";
    for (int quarter = 0; quarter < 4; ++quarter) {
        if (!figures.quarters[quarter] ||
            (chart_has_quarters && figures.partial_quarter != quarter + 1))
            continue;
        std::string name = data::quarter_name(figures, quarter + 1);
        // A quarter under way for one month is that month: one row says both.
        if (figures.partial_quarter == quarter + 1 &&
            figures.quarters[quarter]->period.months() == figures.latest.period.months()) {
            latest += ", " + name;
            continue;
        }
        rows.push_back(figure_row(indicator, name, *figures.quarters[quarter], where));
    }
    // Quarterly figures' latest period is the last quarter row already.
    if (chart_has_quarters)
        rows.push_back(figure_row(indicator, latest, figures.latest, where));
    rows.push_back(
        figure_row(indicator, "Rolling 12 months", figures.rolling_twelve_months, where));
    std::vector<std::string> headings = {"Period", calendar.year_label(year - 1),
                                         calendar.year_label(year), "Change", "Change %"};
    for (const auto& comparator : indicator.comparators)
        headings.push_back(comparator.name);
    doc::Block block =
        table(std::move(headings), std::move(rows), where, "indicator-figures",
              indicator.title + ": figures as at " + figures.data_month.long_label());
    block.alignments = {doc::Alignment::left, doc::Alignment::right, doc::Alignment::right,
                        doc::Alignment::right, doc::Alignment::right};
    for (std::size_t i = 0; i < indicator.comparators.size(); ++i)
        block.alignments.push_back(doc::Alignment::right);
    return block;
}

doc::Block status_table(const data::Indicator& indicator, const data::IndicatorFigures& figures,
                        const SourceLocation& where) {
    data::RagRating rating = data::rate(indicator, figures);
    doc::TableCell rag = text_cell(data::rag_label(rating.status), where);
    rag.rag = rating.status;
    std::string basis = rating.reason;
    if (!basis.empty())
        basis[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(basis[0])));
    // The direction on the previous quarter is an inline value ({{ x.quarter_direction }}):
    // a second judgement here would cost the summary a line it does not have.
    std::string direction = direction_text(indicator, figures.year_to_date.direction());
    std::string target = data::target_figure(indicator, figures.financial_year);
    doc::TableRow row{{rag, text_cell(direction, where), text_cell(basis, where),
                       text_cell(target.empty() ? "\xE2\x80\x94" : target, where),
                       text_cell(indicator.lead, where)}};
    return table({"RAG status", "Direction of travel", "Basis", "Target", "Lead"}, {row}, where,
                 "indicator-status");
}

// Where the Markdown of a key's text starts: the line after `key: |` for a block scalar.
SourceLocation markdown_origin(const YAML::Node& node, const SourceLocation& origin,
                               const std::string& yaml_text) {
    SourceLocation at = data::location_of(node, origin);
    std::vector<std::string> lines = split(yaml_text, '\n');
    int index = node.Mark().line;
    int column = node.Mark().column;
    if (index >= 0 && index < static_cast<int>(lines.size()) &&
        column < static_cast<int>(lines[index].size())) {
        char style = lines[index][column];
        if (style == '|' || style == '>')
            return {at.file, at.line + 1, 1};
    }
    return at;
}

void append_commentary(std::vector<doc::Block>& out, const YAML::Node& body, const char* key,
                       const std::string& title, int level, const std::string& anchor,
                       const doc::Block& directive, const SourceLocation& origin,
                       DirectiveContext& context) {
    auto text = data::read_string(body, key, origin, context.sink);
    if (!text || trim(*text).empty())
        return;
    SourceLocation start = markdown_origin(body[key], origin, directive.text);
    out.push_back(heading(level, title, anchor, start));
    doc::Document parsed = markdown::parse(*text, start, context.sink, directive_parse_options());
    for (auto& block : parsed.blocks)
        out.push_back(std::move(block));
}

// The charts, three tables and the commentary share one page.
data::ChartSpec compact(data::ChartSpec spec, double height_pt) {
    spec.height_pt = height_pt;
    return spec;
}

} // namespace

std::vector<doc::Block> indicator_directive(const doc::Block& directive, const YAML::Node& body,
                                            const SourceLocation& origin,
                                            DirectiveContext& context) {
    if (!body || body.IsNull()) {
        context.sink.error(directive.location, "an ```indicator block needs an id",
                           "write 'id: <indicator id>' inside the block");
        return {};
    }
    if (!check_body(body, summary_keys, origin, context.sink, "indicator"))
        return {};
    auto id = data::read_string(body, "id", origin, context.sink, true);
    if (!id)
        return {};
    SourceLocation where = data::location_of(body["id"], origin);
    const data::Indicator* indicator = find_indicator(*id, where, context);
    if (!indicator)
        return {};
    int level = data::read_int(body, "level", origin, context.sink).value_or(2);
    if (level < 1 || level > 5)
        level = 2;

    // A summary is a page of its own in the pack, like the appendix pages analysts make by hand.
    std::vector<doc::Block> out;
    doc::Block new_page;
    new_page.kind = doc::BlockKind::page_break;
    new_page.location = directive.location;
    out.push_back(std::move(new_page));
    out.push_back(
        heading(level, indicator->title, "indicator-" + indicator->id, directive.location));
    auto figures = figures_for(*indicator, where, context);
    doc::Block definition = definition_table(
        *indicator, figures ? std::optional<int>(figures->financial_year) : std::nullopt,
        directive.location);
    if (!definition.rows.empty()) // a table of headings alone says nothing
        out.push_back(std::move(definition));
    if (figures) {
        data::FinancialCalendar calendar = calendar_of(context);
        out.push_back(status_table(*indicator, *figures, directive.location));
        bool monthly = indicator->frequency == data::Frequency::monthly;
        out.push_back(place_chart(
            compact(data::monthly_comparison_chart(*indicator, calendar, figures->data_month),
                    monthly ? 84 : 110),
            "", directive.location, context));
        // A quarterly indicator's monthly chart is already its quarters chart.
        if (monthly)
            out.push_back(place_chart(
                compact(data::quarter_totals_chart(*indicator, calendar, figures->data_month), 80),
                "", directive.location, context));
        out.push_back(figures_table(*indicator, *figures, calendar, directive.location));
    }
    append_commentary(out, body, "overview", "Performance overview", level + 1,
                      "indicator-" + indicator->id + "-overview", directive, origin, context);
    append_commentary(out, body, "actions", "Actions to sustain or improve performance", level + 1,
                      "indicator-" + indicator->id + "-actions", directive, origin, context);
    return out;
}

} // namespace bp::content::performance

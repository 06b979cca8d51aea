// The ```scorecard directive: the board's indicators at a glance, one table per sub-group.
#include "content/performance_handlers.hpp"
#include "content/performance_support.hpp"
#include "data/figure_format.hpp"
#include "data/yaml_source.hpp"

#include <algorithm>

namespace bp::content::performance {

namespace {

const std::set<std::string> scorecard_keys = {"indicators", "title", "comparators"};
const char* const dash = "\xE2\x80\x94";

struct Entry {
    const data::Indicator* indicator;
    SourceLocation location;
};

std::vector<Entry> chosen_indicators(const YAML::Node& body, const SourceLocation& origin,
                                     const SourceLocation& fallback, DirectiveContext& context) {
    std::vector<Entry> out;
    YAML::Node list = body && body.IsMap() ? body["indicators"] : YAML::Node();
    if (!list || list.IsNull()) {
        // Without a list, every indicator the board has, in id order.
        if (context.board.indicators)
            for (const auto& indicator : context.board.indicators->indicators)
                out.push_back({&use_indicator(indicator, context), fallback});
        return out;
    }
    if (!list.IsSequence()) {
        context.sink.error(data::location_of(list, origin), "'indicators' must be a list of ids",
                           "write indicators: [violence-with-injury, knife-crime]");
        return out;
    }
    for (const auto& item : list) {
        SourceLocation where = data::location_of(item, origin);
        if (!item.IsScalar()) {
            context.sink.error(where, "an indicator id must be text");
            continue;
        }
        if (const auto* found = find_indicator(item.Scalar(), where, context))
            out.push_back({found, where});
    }
    return out;
}

// The comparators the scorecard shows as columns: those its `comparators:` list names, each
// the name of a comparator of at least one listed indicator. None without the list: a column
// per comparator of every indicator would crowd the table.
std::vector<std::string> comparator_columns(const YAML::Node& body, const SourceLocation& origin,
                                            const std::vector<Entry>& entries,
                                            DirectiveContext& context) {
    std::vector<std::string> known;
    for (const auto& entry : entries)
        for (const auto& comparator : entry.indicator->comparators)
            if (std::find(known.begin(), known.end(), comparator.name) == known.end())
                known.push_back(comparator.name);
    std::vector<std::string> names;
    YAML::Node list = body && body.IsMap() ? body["comparators"] : YAML::Node();
    if (!list || list.IsNull())
        return names;
    if (!list.IsSequence()) {
        context.sink.error(data::location_of(list, origin),
                           "'comparators' must be a list of comparator names",
                           "write comparators: [Family group, London]");
        return names;
    }
    for (const auto& item : list) {
        std::string name = item.IsScalar() ? item.Scalar() : "";
        if (std::find(known.begin(), known.end(), name) != known.end()) {
            names.push_back(name);
            continue;
        }
        auto suggestion = data::closest_match(name, known);
        context.sink.error(
            data::location_of(item, origin),
            "no indicator in the scorecard has a comparator '" + name + "'",
            suggestion      ? "did you mean '" + *suggestion + "'?"
            : known.empty() ? "add 'comparators:' to the indicators' definitions"
                            : "comparators of these indicators: " + [&] {
                                  std::string all;
                                  for (const auto& k : known)
                                      all += (all.empty() ? "" : ", ") + k;
                                  return all;
                              }());
    }
    return names;
}

doc::TableRow scorecard_row(const Entry& entry, const std::vector<std::string>& comparators,
                            DirectiveContext& context) {
    const data::Indicator& indicator = *entry.indicator;
    const SourceLocation& where = entry.location;
    doc::TableRow row;
    row.cells.push_back(text_cell(indicator.title, where));
    auto figures = figures_for(indicator, where, context);
    if (!figures) {
        for (std::size_t i = 0; i < 5 + comparators.size(); ++i)
            row.cells.push_back(text_cell(dash, where));
        return row;
    }
    const data::Comparison& ytd = figures->year_to_date;
    auto shown = [&](const std::optional<double>& n) {
        return n ? data::format_value(indicator, *n) : std::string(dash);
    };
    std::string change = dash;
    if (auto pct = ytd.change_pct())
        change = data::format_change_pct(*pct) + " (" +
                 data::format_change(indicator, *ytd.change()) + ")";
    else if (auto difference = ytd.change())
        change = data::format_change(indicator, *difference);
    Rag status = data::rate(indicator, *figures).status;
    doc::TableCell rag = text_cell(data::rag_label(status), where);
    rag.rag = status;
    row.cells.push_back(text_cell(shown(ytd.value), where));
    row.cells.push_back(text_cell(shown(ytd.last_year), where));
    row.cells.push_back(text_cell(change, where));
    for (const auto& name : comparators) {
        std::optional<double> figure;
        for (const auto& comparator : ytd.comparators)
            if (comparator.name == name)
                figure = comparator.value;
        row.cells.push_back(text_cell(shown(figure), where));
    }
    row.cells.push_back(std::move(rag));
    row.cells.push_back(text_cell(direction_text(indicator, ytd.direction()), where));
    return row;
}

std::string year_heading(DirectiveContext& context, int offset) {
    data::FinancialCalendar calendar = calendar_of(context);
    data::YearMonth month = data::month_of(context.meeting.data_date);
    return calendar.year_label(calendar.year_of(month) + offset) + " to date";
}

} // namespace

std::vector<doc::Block> scorecard_directive(const doc::Block& directive, const YAML::Node& body,
                                            const SourceLocation& origin,
                                            DirectiveContext& context) {
    if (!check_body(body, scorecard_keys, origin, context.sink, "scorecard"))
        return {};
    std::vector<Entry> entries = chosen_indicators(body, origin, directive.location, context);
    if (entries.empty()) {
        if (!context.board.indicators || context.board.indicators->indicators.empty())
            context.sink.error(
                directive.location, "a scorecard needs indicators, and this board has none",
                "add indicator definitions and figures to " + context.board.folder + "/indicators");
        return {};
    }
    // Sub-groups keep the order in which their first indicator is listed.
    std::vector<std::string> groups;
    for (const auto& entry : entries)
        if (std::find(groups.begin(), groups.end(), entry.indicator->sub_group) == groups.end())
            groups.push_back(entry.indicator->sub_group);
    std::vector<std::string> comparators = comparator_columns(body, origin, entries, context);
    std::vector<std::string> headings = {"Indicator", year_heading(context, 0),
                                         "Same period " + year_heading(context, -1).substr(0, 7),
                                         "Change"};
    headings.insert(headings.end(), comparators.begin(), comparators.end());
    headings.push_back("RAG");
    headings.push_back("Direction of travel");
    std::vector<doc::Block> out;
    if (auto title = data::read_string(body, "title", origin, context.sink))
        out.push_back(paragraph(*title, directive.location));
    for (const auto& group : groups) {
        std::vector<doc::TableRow> rows;
        for (const auto& entry : entries)
            if (entry.indicator->sub_group == group)
                rows.push_back(scorecard_row(entry, comparators, context));
        doc::Block block = table(headings, std::move(rows), directive.location, "scorecard",
                                 group.empty() ? "Other indicators" : group);
        block.alignments = {doc::Alignment::left, doc::Alignment::right, doc::Alignment::right,
                            doc::Alignment::right};
        for (std::size_t i = 0; i < comparators.size(); ++i)
            block.alignments.push_back(doc::Alignment::right);
        block.alignments.push_back(doc::Alignment::left);
        block.alignments.push_back(doc::Alignment::left);
        out.push_back(std::move(block));
    }
    return out;
}

} // namespace bp::content::performance

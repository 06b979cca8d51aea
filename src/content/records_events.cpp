// ```events: key dates, as a two-column table of when and what.
#include "content/records_blocks.hpp"
#include "content/records_handlers.hpp"
#include "data/yaml_source.hpp"

namespace bp::content::records {

namespace {

// "15 September 2017", "13–19 November 2017", "30 October – 5 November 2017".
std::string date_range(Date start, std::optional<Date> end) {
    if (!end || *end == start)
        return start.medium_form();
    const std::string dash = "\xE2\x80\x93";
    if (start.year == end->year && start.month == end->month)
        return std::to_string(start.day) + dash + end->medium_form();
    if (start.year == end->year)
        return std::to_string(start.day) + " " + month_name(start.month) + " " + dash + " " +
               end->medium_form();
    return start.medium_form() + " " + dash + " " + end->medium_form();
}

std::optional<doc::TableRow> event_row(const YAML::Node& node, const SourceLocation& origin,
                                       DiagnosticSink& sink) {
    if (!node.IsMap()) {
        sink.error(data::location_of(node, origin), "an event must be a map",
                   "write { date: 2017-10-10, title: World Mental Health Day }");
        return std::nullopt;
    }
    data::check_keys(node, {"date", "end", "when", "title", "description"}, origin, sink,
                     "an event");
    auto title = data::read_string(node, "title", origin, sink, true);
    auto when = data::read_string(node, "when", origin, sink);
    auto date = data::read_date(node, "date", origin, sink, !when);
    auto end = data::read_date(node, "end", origin, sink);
    if (!title || (!date && !when))
        return std::nullopt;
    if (date && end && *end < *date)
        sink.error(data::location_of(node["end"], origin), "the event ends before it starts");
    doc::TableRow row;
    SourceLocation where = data::location_of(node, origin);
    row.cells.push_back(text_cell(when ? *when : date_range(*date, end), where));
    doc::Inline strong;
    strong.kind = doc::InlineKind::strong;
    strong.location = where;
    strong.children = inline_markdown(*title, data::location_of(node["title"], origin), sink);
    doc::Inlines event{strong};
    if (auto description = data::read_string(node, "description", origin, sink)) {
        event.push_back(text_inline(" ", where));
        for (auto& part :
             inline_markdown(*description, data::location_of(node["description"], origin), sink))
            event.push_back(std::move(part));
    }
    row.cells.push_back(inlines_cell(std::move(event)));
    return row;
}

} // namespace

std::vector<doc::Block> events_directive(const doc::Block& directive, const YAML::Node& body,
                                         const SourceLocation& origin, DirectiveContext& context) {
    std::string caption;
    if (body.IsMap()) {
        data::check_keys(body, {"title", "events"}, origin, context.sink, "an 'events' block");
        caption = data::read_string(body, "title", origin, context.sink).value_or("");
    }
    // A new handle, never `list = body["events"]`: assigning to a YAML::Node rewrites the node
    // it refers to, and throws when the key is missing.
    const YAML::Node list = body.IsMap() ? body["events"] : body;
    if (!list || !list.IsSequence()) {
        context.sink.error(directive.location, "an 'events' block needs a list of events",
                           "write 'events:' and then lines like "
                           "'- { date: 2017-10-10, title: World Mental Health Day }'");
        return {};
    }
    std::vector<doc::TableRow> rows;
    for (const auto& entry : list)
        if (auto row = event_row(entry, origin, context.sink))
            rows.push_back(std::move(*row));
    if (rows.empty())
        return {};
    return {table({"Date", "Event"}, std::move(rows), directive.location, "events", caption)};
}

} // namespace bp::content::records

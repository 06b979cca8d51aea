#include "data/action_csv.hpp"

#include "core/text.hpp"
#include "data/csv.hpp"
#include "data/yaml_source.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

namespace bp::data {

namespace {

const std::vector<std::string>& known_columns() {
    static const std::vector<std::string> columns = {"id",     "raised",    "action", "lead",
                                                     "others", "start",     "due",    "status",
                                                     "update", "completed", "rag"};
    return columns;
}

// Column name → index, reporting unknown and repeated names.
std::map<std::string, std::size_t> read_header(const std::vector<CsvCell>& header,
                                               DiagnosticSink& sink) {
    std::map<std::string, std::size_t> columns;
    for (std::size_t i = 0; i < header.size(); ++i) {
        std::string name = to_lower_ascii(header[i].text);
        const auto& known = known_columns();
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            auto suggestion = closest_match(name, known);
            sink.error(header[i].location, "unknown column '" + header[i].text + "' in actions.csv",
                       suggestion ? "did you mean '" + *suggestion + "'?"
                                  : "the columns are id, raised, action, lead, others, start, "
                                    "due, status, update, completed and rag");
            continue;
        }
        if (columns.count(name)) {
            sink.error(header[i].location, "column '" + name + "' appears twice in actions.csv");
            continue;
        }
        columns[name] = i;
    }
    return columns;
}

// Column name → index from the header, or nothing (reported) when there is no 'id' column.
std::optional<std::map<std::string, std::size_t>> read_columns(const std::vector<CsvCell>& header,
                                                               DiagnosticSink& sink) {
    auto columns = read_header(header, sink);
    if (columns.count("id"))
        return columns;
    sink.error(header.front().location, "actions.csv has no 'id' column",
               "the first line should be: "
               "id,raised,action,lead,others,start,due,status,update,completed");
    return std::nullopt;
}

class RowReader {
  public:
    RowReader(const CsvRow& record, const std::map<std::string, std::size_t>& columns,
              DiagnosticSink& sink)
        : record_(record), columns_(columns), sink_(sink) {}

    bool had_errors() const { return had_errors_; }
    void report(const SourceLocation& location, std::string message, std::string hint) const {
        had_errors_ = true;
        sink_.error(location, std::move(message), std::move(hint));
    }

    // The named cell with its text trimmed, or nothing when the column is absent or empty.
    std::optional<CsvCell> field(const std::string& column) const {
        auto found = columns_.find(column);
        if (found == columns_.end() || found->second >= record_.cells.size())
            return std::nullopt;
        CsvCell cell = record_.cells[found->second];
        cell.text = trim(cell.text);
        if (cell.text.empty())
            return std::nullopt;
        return cell;
    }

    std::string text(const std::string& column) const {
        auto cell = field(column);
        return cell ? cell->text : std::string();
    }

    std::optional<Date> date(const std::string& column) const {
        auto cell = field(column);
        if (!cell)
            return std::nullopt;
        auto date = parse_date(cell->text);
        if (!date)
            report(cell->location, "'" + cell->text + "' is not a valid date for '" + column + "'",
                   "write dates as YYYY-MM-DD, for example 2017-09-30");
        return date;
    }

  private:
    const CsvRow& record_;
    const std::map<std::string, std::size_t>& columns_;
    DiagnosticSink& sink_;
    mutable bool had_errors_ = false;
};

// "2017-06-13/3" → the raising meeting and the sequence number.
void read_id_parts(const std::string& id, Action& action) {
    auto sequence = id_sequence(id);
    if (!sequence)
        return;
    if (!action.raised.valid())
        action.raised = *parse_date(id.substr(0, 10));
    action.sequence = *sequence;
}

void read_status(const RowReader& row, ActionCsvRow& out) {
    auto cell = row.field("status");
    if (!cell)
        return;
    auto status = parse_action_status(cell->text);
    if (!status) {
        auto suggestion = closest_match(to_lower_ascii(cell->text), action_status_words());
        row.report(cell->location, "'" + cell->text + "' is not an action status",
                   suggestion ? "did you mean '" + *suggestion + "'?"
                              : "use open, in progress, complete or dropped");
        return;
    }
    out.action.status = *status;
    out.has_status = true;
}

void read_rag(const RowReader& row, ActionCsvRow& out) {
    auto cell = row.field("rag");
    if (!cell)
        return;
    out.action.rag_override = parse_rag(cell->text);
    if (!out.action.rag_override)
        row.report(cell->location, "'" + cell->text + "' is not a RAG rating",
                   "use red, amber, green or grey, or leave the cell empty to have it computed");
}

std::optional<ActionCsvRow> read_row(const CsvRow& record,
                                     const std::map<std::string, std::size_t>& columns,
                                     DiagnosticSink& sink) {
    SourceLocation where = record.cells.front().location;
    RowReader row(record, columns, sink);
    ActionCsvRow out;
    out.action.location = where;
    out.action.id = row.text("id");
    if (out.action.id.empty()) {
        sink.error(where, "an action in actions.csv has no id",
                   "give each row an id such as 2017-06-13/1 (meeting date / number)");
        return std::nullopt;
    }
    out.action.raised = row.date("raised").value_or(Date{});
    read_id_parts(out.action.id, out.action);
    out.action.text = row.text("action");
    out.action.lead = row.text("lead");
    out.action.others = row.text("others");
    out.action.start = row.date("start");
    out.action.due = row.date("due");
    out.action.completed = row.date("completed");
    read_status(row, out);
    read_rag(row, out);
    if (auto update = row.field("update"))
        out.action.updates = parse_action_updates(update->text, update->location);
    out.has_errors = row.had_errors();
    return out;
}

} // namespace

std::vector<ActionUpdate> parse_action_updates(std::string_view cell,
                                               const SourceLocation& location) {
    std::vector<ActionUpdate> updates;
    int line_offset = 0;
    for (const auto& raw_line : split(cell, '\n')) {
        std::string line = trim(raw_line);
        std::optional<Date> date;
        if (line.size() >= 11 && line[10] == ':')
            date = parse_date(line.substr(0, 10));
        if (date) {
            updates.push_back({date, trim(line.substr(11)), location.at(line_offset, 1)});
        } else if (!line.empty()) {
            if (updates.empty())
                updates.push_back({std::nullopt, {}, location});
            std::string& text = updates.back().text;
            text += text.empty() ? line : " " + line;
        }
        ++line_offset;
    }
    if (!updates.empty())
        updates.front().location.column = location.column;
    return updates;
}

std::vector<ActionCsvRow> parse_actions_csv(std::string_view text, const std::string& file,
                                            DiagnosticSink& sink) {
    std::vector<ActionCsvRow> rows;
    // Rows are read one at a time, so a log of 100,000 actions is never held as cells too.
    bool header_read = false;
    std::optional<std::map<std::string, std::size_t>> columns;
    std::unordered_set<std::string> seen;
    auto header =
        read_csv_rows(text, file, sink, [&](const std::vector<CsvCell>& header, CsvRow&& record) {
            if (!header_read) {
                columns = read_columns(header, sink);
                header_read = true;
            }
            if (!columns)
                return;
            auto row = read_row(record, *columns, sink);
            if (!row)
                return;
            if (!seen.insert(row->action.id).second) {
                sink.error(row->action.location,
                           "action '" + row->action.id + "' appears twice in actions.csv",
                           "give each action its own id, or put both updates in one row's "
                           "'update' cell, each on a line starting with its date");
                return;
            }
            rows.push_back(std::move(*row));
        });
    if (!header_read && !header.empty())
        read_columns(header, sink); // a header without rows still has its mistakes reported
    return rows;
}

void merge_action_row(Action& action, const ActionCsvRow& row) {
    const Action& extra = row.action;
    if (!extra.text.empty())
        action.text = extra.text;
    if (!extra.lead.empty())
        action.lead = extra.lead;
    if (!extra.others.empty())
        action.others = extra.others;
    if (extra.start)
        action.start = extra.start;
    if (extra.due)
        action.due = extra.due;
    if (row.has_status)
        action.status = extra.status;
    if (extra.completed)
        action.completed = extra.completed;
    if (extra.rag_override)
        action.rag_override = extra.rag_override;
    action.updates.insert(action.updates.end(), extra.updates.begin(), extra.updates.end());
}

void validate_action(const Action& action, DiagnosticSink& sink) {
    const std::string name = "action '" + action.id + "'";
    if (action.text.empty())
        sink.error(action.location, name + " has no text", "say what is to be done");
    if (!action.raised.valid())
        sink.error(action.location, name + " has no raising meeting",
                   "fill in 'raised' with the meeting date (YYYY-MM-DD)");
    if (action.lead.empty())
        sink.error(action.location, name + " has no lead",
                   "name the person responsible, e.g. {lead: Ayo Bello, due: 2017-10-31}");
    if (!action.due)
        sink.error(action.location, name + " has no due date",
                   "add a target date, e.g. due: 2017-10-31");
    if (action.completed && action.raised.valid() && *action.completed < action.raised)
        sink.error(action.location, name + " was completed before it was raised",
                   "check the completed date");
    bool closed = action.status == ActionStatus::complete || action.status == ActionStatus::dropped;
    if (action.completed && !closed)
        sink.warning(action.location,
                     name + " has a completed date but its status is '" +
                         std::string(to_string(action.status)) + "'",
                     "set its status to complete or dropped, or clear the completed date");
}

} // namespace bp::data

#include "data/action_csv.hpp"

#include "core/text.hpp"
#include "data/yaml_source.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace bp::data {

namespace {

struct CsvField {
    std::string text;
    SourceLocation location;
};

using CsvRecord = std::vector<CsvField>;

// RFC 4180 with positions: quoted fields may hold commas, doubled quotes and line breaks.
class CsvReader {
  public:
    CsvReader(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {
        if (starts_with(text_, "\xEF\xBB\xBF"))
            position_ = 3;
    }

    // Reads the next record; false at the end of the text.
    bool next(CsvRecord& record, DiagnosticSink& sink) {
        record.clear();
        skip_blank_lines();
        if (position_ >= text_.size())
            return false;
        while (true) {
            record.push_back(read_field(sink));
            if (position_ >= text_.size())
                return true;
            char c = text_[position_];
            if (c == ',') {
                advance();
                continue;
            }
            end_line();
            return true;
        }
    }

  private:
    void advance() {
        if (text_[position_] == '\n') {
            ++line_;
            column_ = 1;
        } else if ((static_cast<unsigned char>(text_[position_]) & 0xC0) != 0x80) {
            ++column_;
        }
        ++position_;
    }

    void end_line() {
        if (position_ < text_.size() && text_[position_] == '\r')
            advance();
        if (position_ < text_.size() && text_[position_] == '\n')
            advance();
    }

    void skip_blank_lines() {
        while (position_ < text_.size() && (text_[position_] == '\n' || text_[position_] == '\r'))
            advance();
    }

    CsvField read_field(DiagnosticSink& sink) {
        CsvField field;
        field.location = {file_, line_, column_};
        if (position_ < text_.size() && text_[position_] == '"')
            return read_quoted(field, sink);
        while (position_ < text_.size()) {
            char c = text_[position_];
            if (c == ',' || c == '\n' || c == '\r')
                break;
            field.text += c;
            advance();
        }
        field.text = trim(field.text);
        return field;
    }

    CsvField read_quoted(CsvField& field, DiagnosticSink& sink) {
        advance(); // the opening quote
        while (position_ < text_.size()) {
            char c = text_[position_];
            if (c == '"') {
                advance();
                if (position_ < text_.size() && text_[position_] == '"') {
                    field.text += '"';
                    advance();
                    continue;
                }
                // Anything between the closing quote and the separator is kept, not lost.
                while (position_ < text_.size() && text_[position_] != ',' &&
                       text_[position_] != '\n' && text_[position_] != '\r') {
                    field.text += text_[position_];
                    advance();
                }
                field.text = trim(field.text);
                return field;
            }
            if (c != '\r')
                field.text += c;
            advance();
        }
        sink.error(field.location, "a quoted cell is not closed",
                   "add the closing '\"'; write a quote inside a quoted cell as '\"\"'");
        field.text = trim(field.text);
        return field;
    }

    std::string_view text_;
    std::string file_;
    std::size_t position_ = 0;
    int line_ = 1;
    int column_ = 1;
};

const std::vector<std::string>& known_columns() {
    static const std::vector<std::string> columns = {"id",     "raised",    "action", "lead",
                                                     "others", "start",     "due",    "status",
                                                     "update", "completed", "rag"};
    return columns;
}

// Column name → index, reporting unknown and repeated names.
std::map<std::string, std::size_t> read_header(const CsvRecord& header, DiagnosticSink& sink) {
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

class RowReader {
  public:
    RowReader(const CsvRecord& record, const std::map<std::string, std::size_t>& columns,
              DiagnosticSink& sink)
        : record_(record), columns_(columns), sink_(sink) {}

    bool had_errors() const { return had_errors_; }
    void report(const SourceLocation& location, std::string message, std::string hint) const {
        had_errors_ = true;
        sink_.error(location, std::move(message), std::move(hint));
    }

    const CsvField* field(const std::string& column) const {
        auto found = columns_.find(column);
        if (found == columns_.end() || found->second >= record_.size())
            return nullptr;
        const CsvField& cell = record_[found->second];
        return cell.text.empty() ? nullptr : &cell;
    }

    std::string text(const std::string& column) const {
        const CsvField* cell = field(column);
        return cell ? cell->text : std::string();
    }

    std::optional<Date> date(const std::string& column) const {
        const CsvField* cell = field(column);
        if (!cell)
            return std::nullopt;
        auto date = parse_date(cell->text);
        if (!date)
            report(cell->location, "'" + cell->text + "' is not a valid date for '" + column + "'",
                   "write dates as YYYY-MM-DD, for example 2017-09-30");
        return date;
    }

  private:
    const CsvRecord& record_;
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
    const CsvField* cell = row.field("status");
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
    const CsvField* cell = row.field("rag");
    if (!cell)
        return;
    out.action.rag_override = parse_action_rag(cell->text);
    if (!out.action.rag_override)
        row.report(cell->location, "'" + cell->text + "' is not a RAG rating",
                   "use red, amber, green or grey, or leave the cell empty to have it computed");
}

std::optional<ActionCsvRow> read_row(const CsvRecord& record,
                                     const std::map<std::string, std::size_t>& columns,
                                     DiagnosticSink& sink) {
    SourceLocation where = record.front().location;
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
    if (const CsvField* update = row.field("update"))
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
    CsvReader reader(text, file);
    CsvRecord header;
    if (!reader.next(header, sink))
        return rows;
    auto columns = read_header(header, sink);
    if (!columns.count("id")) {
        sink.error(header.front().location, "actions.csv has no 'id' column",
                   "the first line should be: "
                   "id,raised,action,lead,others,start,due,status,update,completed");
        return rows;
    }
    std::set<std::string> seen;
    CsvRecord record;
    while (reader.next(record, sink)) {
        auto row = read_row(record, columns, sink);
        if (!row)
            continue;
        if (!seen.insert(row->action.id).second) {
            sink.error(row->action.location,
                       "action '" + row->action.id + "' appears twice in actions.csv",
                       "give each action its own id, or put both updates in one row's 'update' "
                       "cell, each on a line starting with its date");
            continue;
        }
        rows.push_back(std::move(*row));
    }
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

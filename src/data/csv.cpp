#include "data/csv.hpp"

#include "core/text.hpp"

namespace bp::data {

namespace {

// A cursor over the text that knows its line and column (columns count code points).
class Cursor {
  public:
    Cursor(std::string_view text, const std::string& file) : text_(text), file_(file) {}

    bool done() const { return position_ >= text_.size(); }
    char peek(std::size_t ahead = 0) const {
        return position_ + ahead < text_.size() ? text_[position_ + ahead] : '\0';
    }
    SourceLocation here() const { return {file_, line_, column_}; }
    int line() const { return line_; }

    char take() {
        char c = text_[position_++];
        if (c == '\n') {
            ++line_;
            column_ = 1;
        } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            // Continuation bytes of a UTF-8 sequence do not start a new column.
            if (!(c == '\r' && peek() == '\n'))
                ++column_;
        }
        return c;
    }
    bool at_line_end() const { return peek() == '\n' || (peek() == '\r' && peek(1) == '\n'); }
    void take_line_end() {
        if (peek() == '\r')
            take();
        if (peek() == '\n')
            take();
    }

  private:
    std::string_view text_;
    const std::string& file_;
    std::size_t position_ = 0;
    int line_ = 1;
    int column_ = 1;
};

struct RawRow {
    std::vector<CsvCell> cells;
    int line = 0;
    bool broken = false;
};

void skip_to_line_end(Cursor& cursor) {
    while (!cursor.done() && !cursor.at_line_end())
        cursor.take();
}

// Reads a quoted field; the cursor sits on the opening quote.
bool read_quoted(Cursor& cursor, CsvCell& cell, DiagnosticSink& sink) {
    cursor.take();
    while (true) {
        if (cursor.done()) {
            sink.error(cell.location, "unclosed quote in CSV field",
                       "end the field with a closing \"; write a quote inside a field as \"\"");
            return false;
        }
        char c = cursor.take();
        if (c != '"') {
            if (!(c == '\r' && cursor.peek() == '\n'))
                cell.text += c;
            continue;
        }
        if (cursor.peek() == '"') {
            cursor.take();
            cell.text += '"';
            continue;
        }
        if (cursor.done() || cursor.peek() == ',' || cursor.at_line_end())
            return true;
        sink.error(cursor.here(), "unexpected text after the closing quote of a CSV field",
                   "quote the whole field, and write a quote inside it as \"\"");
        skip_to_line_end(cursor);
        return false;
    }
}

void read_unquoted(Cursor& cursor, CsvCell& cell) {
    while (!cursor.done() && cursor.peek() != ',' && !cursor.at_line_end())
        cell.text += cursor.take();
}

RawRow read_row(Cursor& cursor, DiagnosticSink& sink) {
    RawRow row;
    row.line = cursor.line();
    while (true) {
        CsvCell cell;
        cell.location = cursor.here();
        if (cursor.peek() == '"') {
            if (!read_quoted(cursor, cell, sink)) {
                row.broken = true;
                skip_to_line_end(cursor);
                cursor.take_line_end();
                return row;
            }
        } else {
            read_unquoted(cursor, cell);
        }
        row.cells.push_back(std::move(cell));
        if (cursor.peek() == ',' && !cursor.done()) {
            cursor.take();
            continue;
        }
        cursor.take_line_end();
        return row;
    }
}

bool is_blank(const RawRow& row) {
    return row.cells.size() == 1 && trim(row.cells[0].text).empty() &&
           row.cells[0].location.column == 1;
}

std::string_view without_bom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    return text;
}

void report_ragged(const RawRow& row, std::size_t expected, DiagnosticSink& sink,
                   const std::string& file) {
    std::string message = "row has " + std::to_string(row.cells.size()) + " field" +
                          (row.cells.size() == 1 ? "" : "s") + " but the header has " +
                          std::to_string(expected);
    SourceLocation where = row.cells.size() > expected ? row.cells[expected].location
                                                       : SourceLocation{file, row.line, 1};
    sink.error(where, message,
               "every row needs one value per header column; quote values that contain commas "
               "and leave a cell empty (\"a,,c\") rather than leaving it out");
}

} // namespace

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i].text == name)
            return i;
    return std::nullopt;
}

std::vector<std::string> CsvTable::column_names() const {
    std::vector<std::string> names;
    for (const auto& cell : header)
        names.push_back(cell.text);
    return names;
}

const CsvCell* CsvTable::cell(const CsvRow& row, std::string_view column_name) const {
    auto index = column(column_name);
    if (!index || *index >= row.cells.size())
        return nullptr;
    return &row.cells[*index];
}

std::string CsvTable::text(const CsvRow& row, std::string_view column_name) const {
    const CsvCell* found = cell(row, column_name);
    return found ? trim(found->text) : std::string();
}

std::vector<CsvCell> read_csv_rows(std::string_view text, const std::string& file,
                                   DiagnosticSink& sink, const CsvRowTaker& take) {
    std::vector<CsvCell> header;
    Cursor cursor(without_bom(text), file);
    bool have_header = false;
    while (!cursor.done()) {
        RawRow row = read_row(cursor, sink);
        if (row.broken || is_blank(row))
            continue;
        if (!have_header) {
            for (auto& cell : row.cells)
                cell.text = trim(cell.text);
            header = std::move(row.cells);
            have_header = true;
            continue;
        }
        if (row.cells.size() != header.size()) {
            report_ragged(row, header.size(), sink, file);
            continue;
        }
        take(header, {std::move(row.cells), row.line});
    }
    return header;
}

CsvTable read_csv(std::string_view text, const std::string& file, DiagnosticSink& sink) {
    CsvTable table;
    table.file = file;
    table.header = read_csv_rows(text, file, sink, [&](const std::vector<CsvCell>&, CsvRow&& row) {
        table.rows.push_back(std::move(row));
    });
    return table;
}

} // namespace bp::data

#pragma once
// CSV (RFC 4180 with the usual spreadsheet habits: a UTF-8 BOM, CRLF line ends, quoted fields
// holding commas, quotes and newlines). Every cell keeps its position so that later checks on
// its content can point at it.
#include "core/diagnostics.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp::data {

struct CsvCell {
    std::string text;        // unquoted, with "" turned into "
    SourceLocation location; // where the cell starts (its opening quote when quoted)
};

struct CsvRow {
    std::vector<CsvCell> cells; // as many as the header has columns
    int line = 0;               // line the row starts on
};

struct CsvTable {
    std::string file;
    std::vector<CsvCell> header; // names are trimmed
    std::vector<CsvRow> rows;    // rows that had the header's number of fields

    // Column number of a header name, or nothing when there is no such column.
    std::optional<std::size_t> column(std::string_view name) const;
    std::vector<std::string> column_names() const;
    // The row's cell under the named column, or nullptr when the column does not exist.
    const CsvCell* cell(const CsvRow& row, std::string_view column_name) const;
    // Trimmed text of the named cell; empty when the column does not exist.
    std::string text(const CsvRow& row, std::string_view column_name) const;
};

// Reads a whole CSV text whose first non-blank line is the header. Blank lines are skipped.
// A row with the wrong number of fields, an unclosed quote or text after a closing quote is
// reported as `file:line:col: error` and the row is left out; the rest is still read.
CsvTable read_csv(std::string_view text, const std::string& file, DiagnosticSink& sink);

// The same reading, handing each row to `take` with the header as it is read rather than
// keeping the table: a file of 100,000 rows need not be held twice. Returns the header (empty
// when there is none).
using CsvRowTaker = std::function<void(const std::vector<CsvCell>& header, CsvRow&& row)>;
std::vector<CsvCell> read_csv_rows(std::string_view text, const std::string& file,
                                   DiagnosticSink& sink, const CsvRowTaker& take);

} // namespace bp::data

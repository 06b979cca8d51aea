#include "core/diagnostics.hpp"
#include "data/csv.hpp"

#include <doctest/doctest.h>

using bp::DiagnosticSink;
using bp::data::read_csv;

namespace {
std::string first_error(const DiagnosticSink& sink) {
    auto all = sink.sorted();
    return all.empty() ? "" : bp::format_diagnostic(all.front());
}
} // namespace

TEST_CASE("csv: header lookup and cell positions") {
    DiagnosticSink sink;
    auto table = read_csv("period,value\n2016-04,155\n2016-05,162\n", "f.csv", sink);
    CHECK_FALSE(sink.has_errors());
    REQUIRE(table.rows.size() == 2);
    CHECK(table.column("value") == std::size_t{1});
    CHECK_FALSE(table.column("missing").has_value());
    CHECK(table.text(table.rows[1], "value") == "162");
    const auto* cell = table.cell(table.rows[1], "value");
    REQUIRE(cell);
    CHECK(cell->location.file == "f.csv");
    CHECK(cell->location.line == 3);
    CHECK(cell->location.column == 9);
    CHECK(table.rows[1].line == 3);
    CHECK(table.cell(table.rows[0], "nope") == nullptr);
}

TEST_CASE("csv: quoted fields hold commas, quotes and newlines") {
    DiagnosticSink sink;
    auto table = read_csv("id,action,lead\n"
                          "1,\"Review the plan, then report\",\"Ann \"\"Nan\"\" Lee\"\n"
                          "2,\"Two\nlines\",Bo\n"
                          "3,x,\"\"\n",
                          "a.csv", sink);
    CHECK_FALSE(sink.has_errors());
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0].cells[1].text == "Review the plan, then report");
    CHECK(table.rows[0].cells[2].text == "Ann \"Nan\" Lee");
    CHECK(table.rows[1].cells[1].text == "Two\nlines");
    CHECK(table.rows[1].cells[2].location.line == 4);
    CHECK(table.rows[1].cells[2].location.column == 8);
    CHECK(table.rows[2].line == 5);
    CHECK(table.rows[2].cells[2].text.empty());
}

TEST_CASE("csv: CRLF line ends, a BOM, blank lines and a missing final newline") {
    DiagnosticSink sink;
    auto table = read_csv("\xEF\xBB\xBFperiod,value\r\n2016-04,155\r\n\r\n2016-05,\"16\r\n2\"\r\n"
                          "2016-06,170",
                          "b.csv", sink);
    CHECK_FALSE(sink.has_errors());
    REQUIRE(table.header.size() == 2);
    CHECK(table.header[0].text == "period");
    CHECK(table.header[0].location.column == 1);
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0].cells[1].text == "155");
    CHECK(table.rows[1].line == 4);
    CHECK(table.rows[1].cells[1].text == "16\n2");
    CHECK(table.rows[2].line == 6);
    CHECK(table.rows[2].cells[1].text == "170");
}

TEST_CASE("csv: a ragged row is reported where it goes wrong and left out") {
    DiagnosticSink sink;
    auto table = read_csv("period,value\n2016-04,155,9\n2016-05\n2016-06,170\n", "c.csv", sink);
    REQUIRE(sink.error_count() == 2);
    auto all = sink.sorted();
    CHECK(bp::format_diagnostic(all[0]).rfind("c.csv:2:13: error: row has 3 fields but the "
                                              "header has 2",
                                              0) == 0);
    CHECK(all[0].hint.find("quote values that contain commas") != std::string::npos);
    CHECK(bp::format_diagnostic(all[1]).rfind("c.csv:3:1: error: row has 1 field but", 0) == 0);
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].cells[0].text == "2016-06");
}

TEST_CASE("csv: an unclosed quote points at the opening quote") {
    DiagnosticSink sink;
    auto table = read_csv("a,b\n1,2\n3,\"never closed\n4,5\n", "d.csv", sink);
    CHECK(sink.error_count() == 1);
    CHECK(first_error(sink).rfind("d.csv:3:3: error: unclosed quote in CSV field", 0) == 0);
    CHECK(table.rows.size() == 1);
}

TEST_CASE("csv: text after a closing quote is an error with its column") {
    DiagnosticSink sink;
    auto table = read_csv("a,b\n\"x\"y,2\n3,4\n", "e.csv", sink);
    CHECK(first_error(sink).rfind("e.csv:2:4: error: unexpected text after the closing quote", 0) ==
          0);
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].cells[0].text == "3");
}

TEST_CASE("csv: columns count characters, not bytes") {
    DiagnosticSink sink;
    auto table = read_csv("name,value\nO\xE2\x80\x99Neill,5\n", "g.csv", sink);
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].cells[1].location.column == 9);
}

TEST_CASE("csv: empty input and header only") {
    DiagnosticSink sink;
    CHECK(read_csv("", "h.csv", sink).header.empty());
    auto table = read_csv(" period , value \n", "h.csv", sink);
    CHECK_FALSE(sink.has_errors());
    CHECK(table.column_names() == std::vector<std::string>{"period", "value"});
    CHECK(table.rows.empty());
}

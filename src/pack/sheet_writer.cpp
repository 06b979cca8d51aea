#include "pack/sheet_writer.hpp"

#include "layout/column_needs.hpp"
#include "layout/table_columns.hpp"
#include "layout/text_lines.hpp"

#include <algorithm>

namespace bp::pack {

namespace {
constexpr double cell_padding_x = 5;
constexpr double cell_padding_y = 5;
} // namespace

using layout::wrap_text;

double left_margin(const Margins& margins, int page_number) {
    return page_number % 2 == 1 ? margins.inner : margins.outer;
}

double right_margin(const Margins& margins, int page_number) {
    return page_number % 2 == 1 ? margins.outer : margins.inner;
}

layout::TextRun make_run(const layout::TextMeasurer& measurer, double x, double baseline,
                         const std::string& text, layout::FontStyle style, double size,
                         layout::Colour colour) {
    layout::TextRun run;
    run.x = x;
    run.baseline = baseline;
    run.text = text;
    run.style = style;
    run.size = size;
    run.colour = colour;
    run.width = measurer.width(text, style, size);
    return run;
}

SheetWriter::SheetWriter(const layout::TextMeasurer& measurer, double page_width,
                         double page_height, Margins margins, int first_page_number)
    : measurer_(measurer), widths_(layout::thread_widths(measurer)), page_width_(page_width),
      page_height_(page_height), margins_(margins), first_page_number_(first_page_number) {
    new_page();
}

void SheetWriter::new_page() {
    layout::Page page;
    page.width = page_width_;
    page.height = page_height_;
    page.landscape = page_width_ > page_height_;
    pages.push_back(std::move(page));
    y_ = margins_.top;
}

void SheetWriter::space(double points) {
    y_ += points;
}

double SheetWriter::left() const {
    return left_margin(margins_, first_page_number_ + static_cast<int>(pages.size()) - 1);
}

double SheetWriter::content_width() const {
    int number = first_page_number_ + static_cast<int>(pages.size()) - 1;
    return page_width_ - left_margin(margins_, number) - right_margin(margins_, number);
}

void SheetWriter::keep(double points) {
    if (y_ + points > page_height_ - margins_.bottom && y_ > margins_.top)
        new_page();
}

void SheetWriter::paragraph(const TextSpec& spec) {
    y_ += spec.space_before;
    double width = content_width() - spec.indent;
    for (const std::string& line : wrap_text(widths_, spec.text, spec.style, spec.size, width)) {
        keep(line_height(spec.size));
        double baseline = y_ + spec.size * measurer_.ascent(spec.style);
        double x = left() + spec.indent;
        if (spec.align_right)
            x = left() + content_width() - measurer_.width(line, spec.style, spec.size);
        pages.back().texts.push_back(
            make_run(measurer_, x, baseline, line, spec.style, spec.size, spec.colour));
        y_ += line_height(spec.size);
    }
}

void SheetWriter::rule(double line_width, layout::Colour colour) {
    layout::Rule line;
    line.x1 = left();
    line.x2 = left() + content_width();
    line.y1 = line.y2 = y_;
    line.line_width = line_width;
    line.colour = colour;
    pages.back().rules.push_back(line);
}

void SheetWriter::label_value(const std::string& label, const std::string& value,
                              double label_width, double size) {
    auto lines =
        wrap_text(widths_, value, layout::FontStyle::regular, size, content_width() - label_width);
    keep(line_height(size) * std::max<std::size_t>(1, lines.size()));
    double baseline = y_ + size * measurer_.ascent(layout::FontStyle::bold);
    pages.back().texts.push_back(make_run(measurer_, left(), baseline, label,
                                          layout::FontStyle::bold, size, SheetStyle{}.accent));
    for (const std::string& line : lines) {
        pages.back().texts.push_back(make_run(measurer_, left() + label_width, baseline, line,
                                              layout::FontStyle::regular, size, SheetStyle{}.text));
        baseline += line_height(size);
    }
    y_ += line_height(size) * std::max<std::size_t>(1, lines.size());
}

double SheetWriter::cell_height(const CellSpec& cell, double width) const {
    double height = 0;
    for (const TextSpec& spec : cell) {
        auto lines = wrap_text(widths_, spec.text, spec.style, spec.size,
                               width - 2 * cell_padding_x - spec.indent);
        height += spec.space_before + lines.size() * line_height(spec.size);
    }
    return height + 2 * cell_padding_y;
}

void SheetWriter::draw_cell(const CellSpec& cell, double x, double y, double width) {
    double top = y + cell_padding_y;
    for (const TextSpec& spec : cell) {
        top += spec.space_before;
        double inner = width - 2 * cell_padding_x - spec.indent;
        for (const std::string& line :
             wrap_text(widths_, spec.text, spec.style, spec.size, inner)) {
            double run_x = x + cell_padding_x + spec.indent;
            if (spec.align_right)
                run_x = x + width - cell_padding_x - measurer_.width(line, spec.style, spec.size);
            double baseline = top + spec.size * measurer_.ascent(spec.style);
            pages.back().texts.push_back(
                make_run(measurer_, run_x, baseline, line, spec.style, spec.size, spec.colour));
            top += line_height(spec.size);
        }
    }
}

double SheetWriter::draw_row(const std::vector<double>& widths, const RowSpec& row, bool header,
                             const SheetStyle& style) {
    double height = 0;
    for (std::size_t c = 0; c < row.cells.size() && c < widths.size(); ++c)
        height = std::max(height, cell_height(row.cells[c], widths[c]));
    double x = left();
    double total = content_width();
    if (header) {
        layout::Rectangle fill;
        fill.x = x;
        fill.y = y_;
        fill.width = total;
        fill.height = height;
        fill.fill = style.shade;
        pages.back().rectangles.push_back(fill);
    }
    for (std::size_t c = 0; c < row.cells.size() && c < widths.size(); ++c) {
        draw_cell(row.cells[c], x, y_, widths[c]);
        x += widths[c];
    }
    layout::Rule below;
    below.x1 = left();
    below.x2 = left() + total;
    below.y1 = below.y2 = y_ + height;
    below.line_width = header ? 0.9 : 0.4;
    below.colour = header ? style.accent : style.rule;
    pages.back().rules.push_back(below);
    return height;
}

std::vector<double> SheetWriter::column_widths(const RowSpec& header,
                                               const std::vector<RowSpec>& rows) const {
    std::size_t columns = header.cells.size();
    for (const RowSpec& row : rows)
        columns = std::max(columns, row.cells.size());
    std::vector<layout::ColumnNeed> needs(columns);
    std::vector<std::vector<double>> cell_text; // each cell's text on one line, by row
    auto measure_row = [&](const RowSpec& row) {
        cell_text.emplace_back(columns, 0.0);
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            for (const TextSpec& spec : row.cells[c]) {
                layout::ColumnNeed need =
                    layout::text_need(widths_, spec.text, spec.style, spec.size);
                if (spec.unbroken)
                    need.minimum = need.hyphenated = need.natural;
                double extra = spec.indent + 2 * cell_padding_x;
                needs[c].minimum = std::max(needs[c].minimum, need.minimum + extra);
                needs[c].natural = std::max(needs[c].natural, need.natural + extra);
                needs[c].hyphenated = std::max(needs[c].hyphenated, need.floor() + extra);
                // Stacked paragraphs each take their own lines: their widths add up.
                cell_text.back()[c] += need.natural + spec.indent;
            }
        }
    };
    measure_row(header);
    for (const RowSpec& row : rows)
        measure_row(row);
    std::vector<double> widths = layout::distribute_columns(needs, content_width(), true);
    layout::balance_columns(widths, needs, cell_text, 2 * cell_padding_x);
    return widths;
}

std::vector<PlacedRow> SheetWriter::table(const RowSpec& header, const std::vector<RowSpec>& rows,
                                          const SheetStyle& style, const TextSpec* continued) {
    // Every page of a sheet has the same measure, so the widths hold for the whole table.
    std::vector<double> widths = column_widths(header, rows);
    auto row_height = [&](const RowSpec& row) {
        double height = 0;
        for (std::size_t c = 0; c < row.cells.size() && c < widths.size(); ++c)
            height = std::max(height, cell_height(row.cells[c], widths[c]));
        return height;
    };
    std::vector<PlacedRow> placed;
    double header_height = row_height(header);
    double first = rows.empty() ? 0 : row_height(rows.front());
    keep(header_height + first);
    y_ += draw_row(widths, header, true, style);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const RowSpec& row = rows[i];
        double height = row_height(row);
        double needed = height;
        if (row.keep_with_next && i + 1 < rows.size())
            needed += row_height(rows[i + 1]);
        if (y_ + needed > page_height_ - margins_.bottom) {
            new_page();
            if (continued) {
                paragraph(*continued);
                space(4);
            }
            y_ += draw_row(widths, header, true, style);
        }
        double drawn = draw_row(widths, row, false, style);
        placed.push_back({static_cast<int>(pages.size()) - 1, y_, drawn});
        y_ += drawn;
    }
    return placed;
}

} // namespace bp::pack

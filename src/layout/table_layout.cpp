// GFM tables: content-sized columns, wrapped cells, a header row repeated on every page the
// table spans, RAG cells filled with their status colour.
#include "layout/block_layout.hpp"
#include "layout/contrast.hpp"
#include "layout/table_columns.hpp"

#include <algorithm>
#include <memory>

namespace bp::layout {

namespace {

const Colour header_fill{0.87, 0.89, 0.91};
const Colour zebra_fill{0.96, 0.965, 0.97};
const Colour header_rule{0.35, 0.35, 0.35};
const Colour row_rule{0.78, 0.78, 0.78};
constexpr double padding_y = 3;

struct Cell {
    InlineFlow flow;
    doc::Rag rag = doc::Rag::none;
};

struct Row {
    std::vector<Cell> cells;
    bool header = false;
    bool striped = false;
};

ColumnNeed need_of(const InlineFlow& flow) {
    ColumnNeed need;
    double line = 0;
    for (const auto& token : flow.tokens) {
        if (token.kind == TokenKind::line_break) {
            line = 0;
            continue;
        }
        line += token.width;
        need.natural = std::max(need.natural, line);
        if (token.kind == TokenKind::word)
            need.minimum = std::max(need.minimum, token.width);
    }
    return need;
}

double align_offset(doc::Alignment alignment, double room) {
    if (room <= 0)
        return 0;
    if (alignment == doc::Alignment::center)
        return room / 2;
    if (alignment == doc::Alignment::right)
        return room;
    return 0;
}

Colour rag_colour(doc::Rag rag, const TextStyle& style) {
    switch (rag) {
    case doc::Rag::red:
        return style.rag.red;
    case doc::Rag::amber:
        return style.rag.amber;
    case doc::Rag::green:
        return style.rag.green;
    case doc::Rag::grey:
        return style.rag.grey;
    case doc::Rag::blue:
        return style.rag.blue;
    case doc::Rag::none:
        break;
    }
    return style.text;
}

// Sets one table: flows its cells, sizes its columns, and builds a slice per row.
class TableSetter {
  public:
    TableSetter(const doc::Block& block, double x, double measure, const FlowStyle& cell_style,
                const TextStyle& style, WidthCache& widths)
        : block_(block), x_(x), measure_(measure), cell_style_(cell_style), style_(style),
          widths_(widths) {
        columns_ = std::max(block.header.cells.size(), block.alignments.size());
        for (const auto& row : block.rows)
            columns_ = std::max(columns_, row.cells.size());
    }

    std::size_t columns() const { return columns_; }

    std::vector<Row> flow_rows() {
        std::vector<Row> rows;
        if (!block_.header.cells.empty())
            rows.push_back(flow_row(block_.header, true));
        for (std::size_t i = 0; i < block_.rows.size(); ++i) {
            rows.push_back(flow_row(block_.rows[i], false));
            rows.back().striped = i % 2 == 1;
        }
        return rows;
    }

    void size_columns(const std::vector<Row>& rows) {
        // Padding shrinks for very many columns so that text keeps some room.
        padding_x_ = std::clamp(measure_ / static_cast<double>(columns_) * 0.1, 0.5, 4.0);
        std::vector<ColumnNeed> needs(columns_);
        for (const auto& row : rows) {
            for (std::size_t c = 0; c < columns_; ++c) {
                ColumnNeed need = need_of(row.cells[c].flow);
                needs[c].minimum = std::max(needs[c].minimum, need.minimum + 2 * padding_x_);
                needs[c].natural = std::max(needs[c].natural, need.natural + 2 * padding_x_);
            }
        }
        double natural_total = 0;
        for (const auto& need : needs)
            natural_total += need.natural;
        // Small tables keep their natural width; larger ones run the full measure.
        widths_of_columns_ = distribute_columns(needs, measure_, natural_total > measure_ * 0.6);
        table_width_ = 0;
        for (double width : widths_of_columns_)
            table_width_ += width;
    }

    Slice row_slice(const Row& row) {
        std::vector<std::vector<LineBox>> cell_lines(columns_);
        double content_height = 0;
        for (std::size_t c = 0; c < columns_; ++c) {
            cell_lines[c] = break_lines(row.cells[c].flow, text_measure(c),
                                        {cell_style_.base.size, style_.leading}, widths_);
            double height = 0;
            for (const auto& line : cell_lines[c])
                height += line.height;
            content_height = std::max(content_height, height);
        }
        Slice slice;
        slice.height = content_height + 2 * padding_y;
        add_backgrounds(row, slice);
        double x = x_;
        for (std::size_t c = 0; c < columns_; ++c) {
            add_cell_text(cell_lines[c], x, c, slice);
            x += widths_of_columns_[c];
        }
        add_rules(row, slice);
        return slice;
    }

  private:
    Row flow_row(const doc::TableRow& source, bool header) {
        Row row;
        row.header = header;
        for (std::size_t c = 0; c < columns_; ++c) {
            Cell cell;
            if (c < source.cells.size()) {
                const auto& from = source.cells[c];
                cell.rag = from.rag;
                bool coloured = from.rag != doc::Rag::none;
                FlowStyle flow = cell_style_;
                if (header || coloured)
                    flow.base.style = FontStyle::bold;
                if (coloured) // readable on the status colour, links and code included
                    flow.base.colour = flow.link_colour = flow.muted_colour =
                        text_colour_on(rag_colour(from.rag, style_));
                cell.flow = flow_inlines(from.content, flow, widths_);
            }
            row.cells.push_back(std::move(cell));
        }
        return row;
    }

    double text_measure(std::size_t column) const {
        return std::max(widths_of_columns_[column] - 2 * padding_x_, 1.0);
    }

    doc::Alignment alignment(std::size_t column) const {
        return column < block_.alignments.size() ? block_.alignments[column] : doc::Alignment::none;
    }

    void add_backgrounds(const Row& row, Slice& slice) const {
        if (row.header || row.striped) {
            slice.boxes.rectangles.push_back(Rectangle{x_, 0, table_width_, slice.height, true,
                                                       row.header ? header_fill : zebra_fill});
        }
        double x = x_;
        for (std::size_t c = 0; c < columns_; ++c) {
            if (row.cells[c].rag != doc::Rag::none) {
                slice.boxes.rectangles.push_back(Rectangle{x, 0, widths_of_columns_[c],
                                                           slice.height, true,
                                                           rag_colour(row.cells[c].rag, style_)});
            }
            x += widths_of_columns_[c];
        }
    }

    void add_cell_text(const std::vector<LineBox>& lines, double x, std::size_t column,
                       Slice& slice) const {
        double y = padding_y;
        for (const auto& line : lines) {
            double shift = align_offset(alignment(column), text_measure(column) - line.width);
            for (const auto& run : line.runs) {
                TextRun placed = run;
                placed.x += x + padding_x_ + shift;
                placed.baseline += y;
                slice.boxes.texts.push_back(std::move(placed));
            }
            if (slice.first_baseline == 0 && !line.runs.empty())
                slice.first_baseline = y + line.baseline;
            y += line.height;
        }
    }

    void add_rules(const Row& row, Slice& slice) const {
        double right = x_ + table_width_;
        if (row.header)
            slice.boxes.rules.push_back(Rule{x_, 0, right, 0, 0.8, header_rule});
        slice.boxes.rules.push_back(Rule{x_, slice.height, right, slice.height,
                                         row.header ? 0.8 : 0.4,
                                         row.header ? header_rule : row_rule});
    }

    const doc::Block& block_;
    double x_;
    double measure_;
    FlowStyle cell_style_;
    const TextStyle& style_;
    WidthCache& widths_;
    std::size_t columns_ = 0;
    double padding_x_ = 4;
    std::vector<double> widths_of_columns_;
    double table_width_ = 0;
};

} // namespace

void BlockLayouter::table(const doc::Block& block, const BlockContext& context) {
    BlockContext cells = context;
    // A one-page indicator summary sets its tables smaller so the page also holds its chart.
    bool summary = block.css_class.rfind("indicator-", 0) == 0;
    cells.size = context.size * (summary ? 0.8 : 0.9);
    TableSetter setter(block, context.x, context.width, flow_style(cells, FontStyle::regular),
                       style_, widths_);
    if (setter.columns() == 0)
        return;
    auto rows = setter.flow_rows();
    setter.size_columns(rows);

    stream_.space(context.size * 0.8);
    if (!block.caption.empty()) {
        Look look{FontStyle::bold, cells.size, context.colour};
        InlineFlow flow = flow_text(block.caption, look, widths_);
        emit_lines(break_lines(flow, context.width, metrics(cells.size), widths_), cells, true);
        stream_.space(cells.size * 0.3);
    }
    std::shared_ptr<const Slice> header;
    for (const auto& row : rows) {
        Slice slice = setter.row_slice(row);
        if (row.header) {
            header = std::make_shared<const Slice>(slice);
            slice.keep_with_next = true;
        } else {
            slice.repeat_header = header;
        }
        emit(std::move(slice), context);
    }
    stream_.space(context.size * 0.8);
}

} // namespace bp::layout

// GFM tables: content-sized columns (shared by tables of one kind), wrapped and hyphenated
// cells, rows that split at a page foot, the header row and a "(continued)" caption repeated on
// every page the table spans, RAG cells filled with their status colour.
#include "layout/block_layout.hpp"
#include "layout/break_points.hpp"
#include "layout/contrast.hpp"
#include "layout/table_columns.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

namespace bp::layout {

namespace {

const Colour header_fill{0.87, 0.89, 0.91};
const Colour zebra_fill{0.96, 0.965, 0.97};
const Colour header_rule{0.35, 0.35, 0.35};
const Colour row_rule{0.78, 0.78, 0.78};
constexpr double padding_y = 3;
// A table too wide for the measure is set smaller, down to this fraction of its size, before
// its words are cut.
constexpr double smallest_table_scale = 0.8;

struct Cell {
    InlineFlow flow;
    doc::Rag rag = doc::Rag::none;
};

struct Row {
    std::vector<Cell> cells;
    bool header = false;
    bool striped = false;
};

// The widest pieces of one word: between its Unicode break opportunities (the minimum, as a
// browser's min-content), and between those and its hyphenation points (hyphen included).
void add_word_need(const Token& word, const InlineFlow& flow, WidthCache& widths,
                   ColumnNeed& need) {
    // No piece of a word is wider than the word: one no wider than the column's floor so far
    // changes nothing, and most words are.
    if (word.width <= need.floor())
        return;
    double whole = word.width, hyphenated = word.width;
    if (word.segments.size() == 1) {
        const Segment& segment = word.segments.front();
        const Look& look = flow.looks[segment.look];
        std::string_view text = segment.text;
        whole = hyphenated = 0;
        std::size_t unbroken_start = 0, piece_start = 0;
        auto measure = [&](std::size_t from, std::size_t to, bool hyphen) {
            std::string piece(text.substr(from, to - from));
            if (hyphen)
                piece += '-';
            return widths.width(piece, look.style, look.size);
        };
        for (const BreakPoint& point : word_break_points(text)) {
            hyphenated = std::max(hyphenated, measure(piece_start, point.offset, point.hyphen));
            piece_start = point.offset;
            if (!point.hyphen) {
                whole = std::max(whole, measure(unbroken_start, point.offset, false));
                unbroken_start = point.offset;
            }
        }
        if (piece_start == 0) {
            whole = hyphenated = word.width;
        } else {
            hyphenated = std::max(hyphenated, measure(piece_start, text.size(), false));
            whole =
                std::max(whole, unbroken_start == 0 ? word.width
                                                    : measure(unbroken_start, text.size(), false));
        }
    }
    need.minimum = std::max(need.minimum, whole);
    need.hyphenated = std::max(need.hyphenated, std::min(hyphenated, whole));
}

// `known`: what the column needs already (without padding), so that short words are skipped.
ColumnNeed need_of(const InlineFlow& flow, WidthCache& widths, ColumnNeed known) {
    ColumnNeed need = known;
    need.natural = 0;
    double line = 0;
    for (const auto& token : flow.tokens) {
        if (token.kind == TokenKind::line_break) {
            line = 0;
            continue;
        }
        line += token.width;
        need.natural = std::max(need.natural, line);
        if (token.kind == TokenKind::word)
            add_word_need(token, flow, widths, need);
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
    const Colour* colour = bp::rag_colour(style.rag, rag);
    return colour ? *colour : style.text;
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
        // Padding shrinks for very many columns so that text keeps some room.
        if (columns_ > 0)
            padding_x_ = std::clamp(measure_ / static_cast<double>(columns_) * 0.1, 0.5, 4.0);
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

    std::vector<ColumnNeed> column_needs(const std::vector<Row>& rows) {
        std::vector<ColumnNeed> needs(columns_);
        cell_text_.clear();
        for (const auto& row : rows) {
            cell_text_.emplace_back();
            for (std::size_t c = 0; c < columns_; ++c) {
                ColumnNeed known{std::max(needs[c].minimum - 2 * padding_x_, 0.0), 0,
                                 std::max(needs[c].floor() - 2 * padding_x_, 0.0)};
                ColumnNeed need = need_of(row.cells[c].flow, widths_, known);
                cell_text_.back().push_back(need.natural);
                needs[c].minimum = std::max(needs[c].minimum, need.minimum + 2 * padding_x_);
                needs[c].natural = std::max(needs[c].natural, need.natural + 2 * padding_x_);
                needs[c].hyphenated = std::max(needs[c].hyphenated, need.floor() + 2 * padding_x_);
            }
        }
        return needs;
    }

    // `balance`: this table's own rows may move width between columns to make it shorter
    // (not for tables whose widths are shared with others of their kind).
    void size_columns(const std::vector<ColumnNeed>& needs, bool balance) {
        double natural_total = 0;
        for (const auto& need : needs)
            natural_total += need.natural;
        // Small tables keep their natural width; larger ones run the full measure.
        widths_of_columns_ = distribute_columns(needs, measure_, natural_total > measure_ * 0.6);
        if (balance && natural_total > measure_)
            balance_columns(widths_of_columns_, needs, cell_text_, 2 * padding_x_);
        table_width_ = 0;
        for (double width : widths_of_columns_)
            table_width_ += width;
    }

    double padding_total() const { return 2 * padding_x_ * static_cast<double>(columns_); }

    // The least of a row worth leaving at a page foot or carrying over: two lines of text.
    double smallest_row_part() const {
        return padding_y + 2 * cell_style_.base.size * style_.leading;
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
    std::vector<std::vector<double>> cell_text_; // each cell's text on one line, by row
    double table_width_ = 0;
};

std::string table_kind(const doc::Block& block) {
    if (block.header.cells.empty() && block.css_class.empty())
        return {};
    std::string key = block.css_class;
    for (const auto& cell : block.header.cells)
        key += "\x1f" + doc::plain_text(cell.content);
    return key;
}

} // namespace

double BlockLayouter::table_cell_size(const doc::Block& block, const BlockContext& context) const {
    // A one-page indicator summary sets its tables smaller so the page also holds its chart.
    bool summary = block.css_class.rfind("indicator-", 0) == 0;
    return context.size * (summary ? 0.8 : 0.9);
}

void BlockLayouter::collect_table_kinds(const std::vector<doc::Block>& list,
                                        const BlockContext& context,
                                        std::map<std::string, int>& counts, bool measure) {
    for (const auto& item : list) {
        if (item.kind == doc::BlockKind::table) {
            std::string kind = table_kind(item);
            if (kind.empty())
                continue;
            if (!measure) {
                ++counts[kind];
                continue;
            }
            if (counts[kind] < 2)
                continue;
            BlockContext cells = context;
            cells.size = table_cell_size(item, context);
            TableSetter setter(item, context.x, context.width,
                               flow_style(cells, FontStyle::regular), style_, widths_);
            auto needs = setter.column_needs(setter.flow_rows());
            auto [found, fresh] = table_kinds_.try_emplace(kind, needs);
            if (!fresh)
                found->second = widest_needs(found->second, needs);
        }
        collect_table_kinds(item.children, context, counts, measure);
    }
}

// Tables of one kind in a paper (the same class and header, as scorecards per sub-group or
// a forward plan per meeting) get the same column widths: the widest each column needs.
void BlockLayouter::plan_table_kinds(const doc::Document& document, const BlockContext& context) {
    std::map<std::string, int> counts;
    collect_table_kinds(document.blocks, context, counts, false);
    collect_table_kinds(document.blocks, context, counts, true);
}

namespace {

// The caption's lines above a row, as one slice: the repeated head of a continued table.
Slice stacked(const std::vector<LineBox>& lines, double x, double gap, const Slice& below) {
    Slice slice;
    double y = 0;
    for (const auto& line : lines) {
        for (const auto& run : line.runs) {
            TextRun placed = run;
            placed.x += x;
            placed.baseline += y;
            slice.boxes.texts.push_back(std::move(placed));
        }
        y += line.height;
    }
    if (!lines.empty())
        y += gap;
    append_boxes(slice.boxes, below.boxes, 0, y);
    slice.height = y + below.height;
    return slice;
}

} // namespace

void BlockLayouter::table(const doc::Block& block, const BlockContext& context) {
    BlockContext cells = context;
    cells.size = table_cell_size(block, context);
    auto setter = std::make_unique<TableSetter>(
        block, context.x, context.width, flow_style(cells, FontStyle::regular), style_, widths_);
    if (setter->columns() == 0)
        return;
    auto rows = setter->flow_rows();
    auto needs = setter->column_needs(rows);
    auto shared = table_kinds_.find(table_kind(block));
    if (shared != table_kinds_.end())
        needs = shared->second;
    double narrowest = narrowest_width(needs);
    if (narrowest > context.width + 0.01) {
        // Padding keeps its size: only the text shrinks.
        double padding = setter->padding_total();
        double scale = std::clamp((context.width - padding) / (narrowest - padding) * 0.999,
                                  smallest_table_scale, 1.0);
        cells.size *= scale;
        setter =
            std::make_unique<TableSetter>(block, context.x, context.width,
                                          flow_style(cells, FontStyle::regular), style_, widths_);
        rows = setter->flow_rows();
        needs = setter->column_needs(rows);
        warn(block.location,
             "the table is too wide for the page, so its text is set at " +
                 std::to_string(static_cast<int>(std::round(scale * 100))) + "% of its size",
             "give the paper 'orientation: landscape' in its front matter, or split the table");
    }
    setter->size_columns(needs, shared == table_kinds_.end());

    stream_.space(context.size * 0.8);
    std::vector<LineBox> continued;
    if (!block.caption.empty()) {
        Look look{FontStyle::bold, cells.size, context.colour};
        auto lines = [&](const std::string& text) {
            return break_lines(flow_text(text, look, widths_), context.width, metrics(cells.size),
                               widths_);
        };
        emit_lines(lines(block.caption), cells, true);
        stream_.space(cells.size * 0.3);
        continued = lines(block.caption + " (continued)");
    }
    std::shared_ptr<const Slice> header;
    std::size_t body_rows = rows.size() - (rows.empty() || !rows.front().header ? 0 : 1);
    std::size_t index = 0;
    for (const auto& row : rows) {
        Slice slice = setter->row_slice(row);
        if (row.header) {
            header = std::make_shared<const Slice>(
                stacked(continued, context.x, cells.size * 0.3, slice));
            slice.keep_with_next = true;
        } else {
            // At least two rows stay together at the top of the table and at its end.
            slice.keep_with_next =
                (index == 0 && body_rows >= 2) || (index + 2 == body_rows && body_rows >= 3);
            slice.min_split_part = setter->smallest_row_part();
            slice.repeat_header = header;
            ++index;
        }
        emit(std::move(slice), context);
    }
    stream_.space(context.size * 0.8);
}

} // namespace bp::layout

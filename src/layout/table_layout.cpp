// GFM tables: content-sized columns (shared by tables of one kind), wrapped and hyphenated
// cells, rows that split at a page foot, the header row and a "(continued)" caption repeated on
// every page the table spans, RAG cells filled with their status colour.
#include "layout/block_layout.hpp"
#include "layout/column_needs.hpp"
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
constexpr double row_padding_y = 2.5;
// A one-page indicator summary's tables are set tighter still, so the page holds them all.
constexpr double summary_padding_y = 1.5;
// Cells are set solid, as a word processor sets tables: lines closer than in running text.
constexpr double cell_leading = 1.2;
// A table whose words do not fit the measure unbroken is set at this size (no smaller: the
// house style sets nothing under 9 pt) with narrower padding, so its rows take fewer lines.
constexpr double crowded_table_text = smallest_text_size;
constexpr double crowded_padding_x = 3;
// A table too wide for the measure is set smaller, down to this size in points, before its
// words are cut.
constexpr double smallest_table_text = smallest_text_size;

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

} // namespace

struct CellFlow {
    InlineFlow flow;
    doc::Rag rag = doc::Rag::none;
};

struct RowFlow {
    std::vector<CellFlow> cells;
    bool header = false;
    bool striped = false;
};

// Sets one table: flows its cells, sizes its columns, and builds a slice per row.
class TableSetter {
  public:
    TableSetter(const doc::Block& block, double x, double measure, const FlowStyle& cell_style,
                const TextStyle& style, WidthCache& widths, bool crowded = false)
        : block_(block), x_(x), measure_(measure), cell_style_(cell_style), style_(style),
          widths_(widths),
          padding_y_(block.css_class.rfind("indicator-", 0) == 0 ? summary_padding_y
                                                                 : row_padding_y) {
        columns_ = std::max(block.header.cells.size(), block.alignments.size());
        for (const auto& row : block.rows)
            columns_ = std::max(columns_, row.cells.size());
        // Padding shrinks for very many columns so that text keeps some room.
        if (columns_ > 0)
            padding_x_ = std::clamp(measure_ / static_cast<double>(columns_) * 0.1, 0.5,
                                    crowded ? crowded_padding_x : 4.0);
    }

    std::size_t columns() const { return columns_; }

    std::vector<RowFlow> flow_rows() {
        std::vector<RowFlow> rows;
        if (!block_.header.cells.empty())
            rows.push_back(flow_row(block_.header, true));
        for (std::size_t i = 0; i < block_.rows.size(); ++i) {
            rows.push_back(flow_row(block_.rows[i], false));
            rows.back().striped = i % 2 == 1;
        }
        return rows;
    }

    std::vector<ColumnNeed> column_needs(const std::vector<RowFlow>& rows) {
        std::vector<ColumnNeed> needs(columns_);
        cell_text_.clear();
        for (const auto& row : rows) {
            cell_text_.emplace_back();
            for (std::size_t c = 0; c < columns_; ++c) {
                ColumnNeed known{std::max(needs[c].minimum - 2 * padding_x_, 0.0), 0,
                                 std::max(needs[c].floor() - 2 * padding_x_, 0.0)};
                ColumnNeed need = flow_need(row.cells[c].flow, widths_, known);
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

    double row_padding() const { return padding_y_; }

    // The least of a row worth leaving at a page foot or carrying over: two lines of text.
    double smallest_row_part() const {
        return padding_y_ + 2 * cell_style_.base.size * cell_leading;
    }

    Slice row_slice(const RowFlow& row) {
        std::vector<std::vector<LineBox>> cell_lines(columns_);
        double content_height = 0;
        for (std::size_t c = 0; c < columns_; ++c) {
            cell_lines[c] = break_lines(row.cells[c].flow, text_measure(c),
                                        {cell_style_.base.size, cell_leading}, widths_);
            double height = 0;
            for (const auto& line : cell_lines[c])
                height += line.height;
            content_height = std::max(content_height, height);
        }
        Slice slice;
        slice.height = content_height + 2 * padding_y_;
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
    RowFlow flow_row(const doc::TableRow& source, bool header) {
        RowFlow row;
        row.header = header;
        for (std::size_t c = 0; c < columns_; ++c) {
            CellFlow cell;
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

    void add_backgrounds(const RowFlow& row, Slice& slice) const {
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
        double y = padding_y_;
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

    void add_rules(const RowFlow& row, Slice& slice) const {
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
    double padding_y_;
    std::vector<double> widths_of_columns_;
    std::vector<std::vector<double>> cell_text_; // each cell's text on one line, by row
    double table_width_ = 0;
};

namespace {

// The room the columns' longest words take unbroken.
double widest_words(const std::vector<ColumnNeed>& needs) {
    double total = 0;
    for (const auto& need : needs)
        total += need.minimum;
    return total;
}

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
    return reduced_size(context.size, summary ? 0.8 : 0.9);
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
    BlockContext place = context; // where the table is set: here, or on a turned page
    std::unique_ptr<TableSetter> setter;
    std::vector<RowFlow> rows;
    std::vector<ColumnNeed> needs;
    auto shared = table_kinds_.find(table_kind(block));
    bool crowded = false;
    auto set_up = [&] {
        setter = std::make_unique<TableSetter>(block, place.x, place.width,
                                               flow_style(cells, FontStyle::regular), style_,
                                               widths_, crowded);
        rows = setter->flow_rows();
        needs = shared != table_kinds_.end() ? shared->second : setter->column_needs(rows);
        if (shared != table_kinds_.end())
            setter->column_needs(rows); // still measures each cell's text for balancing
    };
    set_up();
    if (setter->columns() == 0)
        return;
    bool turn = narrowest_width(needs) > place.width + 0.01 && can_turn(context);
    if (turn) {
        place.x = 0;
        place.width = turned_measure_;
        set_up();
        warn(block.location,
             "the table is too wide for a portrait page, so it is set on a landscape page",
             "give the paper 'orientation: landscape' in its front matter, or split the table");
    }
    if (widest_words(needs) > place.width && cells.size > crowded_table_text) {
        crowded = true;
        cells.size = crowded_table_text;
        set_up();
    }
    double narrowest = narrowest_width(needs);
    if (narrowest > place.width + 0.01) {
        // Padding keeps its size: only the text shrinks, and never below the smallest size.
        double padding = setter->padding_total();
        double smallest = std::min(1.0, smallest_table_text / cells.size);
        double scale =
            std::clamp((place.width - padding) / (narrowest - padding) * 0.999, smallest, 1.0);
        const char* hint = turn ? "split the table, or shorten its longest words"
                                : "give the paper 'orientation: landscape' in its front matter, or "
                                  "split the table";
        if (scale < 1) {
            cells.size *= scale;
            set_up();
            warn(block.location,
                 "the table is too wide for the page, so its text is set at " +
                     std::to_string(static_cast<int>(std::round(scale * 100))) + "% of its size",
                 hint);
        } else {
            // Already at the smallest printed size: the longest words break across lines.
            warn(block.location,
                 "the table is too wide for the page even at " +
                     std::to_string(static_cast<int>(smallest_table_text)) +
                     " pt, so its longest words are broken across lines",
                 hint);
        }
    }
    setter->size_columns(needs, shared == table_kinds_.end());
    std::size_t first_slice = turn ? stream_.keep_chain_start() : stream_.size();
    set_table(block, *setter, rows, cells, place);
    if (turn) // a heading that keeps with the table turns with it
        for (std::size_t i = first_slice; i < stream_.size(); ++i)
            stream_.at(i).landscape = true;
}

// A table may move to a landscape page only from the top level of a portrait paper.
bool BlockLayouter::can_turn(const BlockContext& context) const {
    return turned_measure_ > context.width && context.x == 0 && context.list_depth == 0 &&
           context.quote_rules.empty();
}

void BlockLayouter::set_table(const doc::Block& block, TableSetter& setter,
                              const std::vector<RowFlow>& rows, const BlockContext& cells,
                              const BlockContext& context) {
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
        Slice slice = setter.row_slice(row);
        if (row.header) {
            header = std::make_shared<const Slice>(
                stacked(continued, context.x, cells.size * 0.3, slice));
            slice.keep_with_next = true;
        } else {
            // At least two rows stay together at the top of the table and at its end.
            slice.keep_with_next =
                (index == 0 && body_rows >= 2) || (index + 2 == body_rows && body_rows >= 3);
            slice.min_split_part = setter.smallest_row_part();
            slice.split_padding = setter.row_padding();
            slice.repeat_header = header;
            ++index;
        }
        emit(std::move(slice), context);
    }
    stream_.space(context.size * 0.8);
}

} // namespace bp::layout

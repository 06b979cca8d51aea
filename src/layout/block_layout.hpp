#pragma once
// Turns blocks into slices. One BlockLayouter per document; its member functions live in files
// named for the block kinds they handle (list_layout.cpp, table_layout.cpp, ...).
#include "layout/layout.hpp"
#include "layout/line_breaker.hpp"
#include "layout/slice_stream.hpp"
#include "layout/table_columns.hpp"
#include "layout/width_cache.hpp"

#include <map>
#include <string>
#include <vector>

namespace bp::layout {

class TableSetter;
struct RowFlow;

// Where and how the blocks at one nesting level are set.
struct BlockContext {
    double x = 0;     // left edge, from the text block's left edge
    double width = 0; // measure
    double size = 11;
    Colour colour;
    bool tight = false; // inside a tight list: no gaps between paragraphs
    int list_depth = 0;
    std::vector<double> quote_rules; // x positions of enclosing block quotes' rules
};

class BlockLayouter {
  public:
    // `turned_measure`: the measure of a landscape page in a portrait paper, where a table too
    // wide for the portrait measure is set; zero when the paper is landscape already.
    BlockLayouter(const LayoutInput& input, const TextStyle& style, WidthCache& widths,
                  double page_body_height, double turned_measure = 0);

    void lay_out_document(const doc::Document& document, double measure);
    std::vector<Slice>& slices() { return stream_.slices(); }

  private:
    void blocks(const std::vector<doc::Block>& blocks, const BlockContext& context);
    void block(const doc::Block& block, const BlockContext& context);
    void paragraph(const doc::Block& block, const BlockContext& context);
    void heading(const doc::Block& block, const BlockContext& context);
    void code_block(const doc::Block& block, const BlockContext& context);
    void thematic_break(const BlockContext& context);
    void block_quote(const doc::Block& block, const BlockContext& context);
    void directive(const doc::Block& block, const BlockContext& context);
    void list(const doc::Block& block, const BlockContext& context);
    void list_item(const doc::Block& item, const BlockContext& context, const std::string& marker,
                   double indent);
    void task_box(Slice& slice, double x, double baseline, double size, bool checked);
    void table(const doc::Block& block, const BlockContext& context);
    bool can_turn(const BlockContext& context) const;
    void set_table(const doc::Block& block, TableSetter& setter, const std::vector<RowFlow>& rows,
                   const BlockContext& cells, const BlockContext& context);
    double table_cell_size(const doc::Block& block, const BlockContext& context) const;
    void plan_table_kinds(const doc::Document& document, const BlockContext& context);
    void collect_table_kinds(const std::vector<doc::Block>& blocks, const BlockContext& context,
                             std::map<std::string, int>& counts, bool measure);
    void chart(const doc::Block& block, const BlockContext& context);
    bool image_paragraph(const doc::Block& block, const BlockContext& context);
    void footnotes(const std::vector<doc::Footnote>& footnotes, double measure);

    // Emits lines as one slice each, keeping two lines together at either end so no widow or
    // orphan is left on a page (a paragraph of two or three lines stays whole).
    void emit_lines(const std::vector<LineBox>& lines, const BlockContext& context,
                    bool keep_all_with_next = false);
    Slice& emit(Slice slice, const BlockContext& context);
    void muted_line(const std::string& text, const BlockContext& context);

    FlowStyle flow_style(const BlockContext& context, FontStyle font) const;
    LineMetrics metrics(double size) const { return {size, style_.leading}; }
    double paragraph_gap(const BlockContext& context) const;
    void warn(const SourceLocation& location, const std::string& message,
              const std::string& hint = {});

    const LayoutInput& input_;
    const TextStyle& style_;
    WidthCache& widths_;
    double page_body_height_;
    double turned_measure_;
    SliceStream stream_;
    int unnamed_headings_ = 0;
    std::vector<double> last_quote_rules_; // of the last slice emitted, to join quote rules
    std::map<std::string, std::vector<ColumnNeed>> table_kinds_; // shared column needs by kind
};

} // namespace bp::layout

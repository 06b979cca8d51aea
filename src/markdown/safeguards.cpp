#include "markdown/safeguards.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <vector>

namespace bp::markdown {

namespace {

// One report per problem is useful; thousands of the same one are not.
constexpr std::size_t max_reports = 3;

// Leading spaces and block-quote markers, which may come before a table.
std::size_t content_start(std::string_view line) {
    auto start = line.find_first_not_of(" \t>");
    return start == std::string_view::npos ? line.size() : start;
}

bool is_blank(std::string_view line) {
    return content_start(line) == line.size();
}

// The number of columns when `line` is a table delimiter row ("|:---|---:|"), or 0.
std::size_t delimiter_columns(std::string_view line) {
    auto content = line.substr(content_start(line));
    if (content.empty() || content.find_first_not_of("|:- \t\r") != std::string_view::npos ||
        content.find('|') == std::string_view::npos)
        return 0;
    std::size_t columns = 0;
    for (std::size_t i = 0; i < content.size(); ++i)
        if (content[i] == '-' && (i == 0 || content[i - 1] != '-'))
            ++columns;
    return columns;
}

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

} // namespace

std::string limit_table_sizes(std::string text, const SourceLocation& origin,
                              DiagnosticSink& sink) {
    // Real tables have at least a couple of bytes per cell; padding is what makes cells free.
    const std::size_t cell_budget = 50000 + text.size() / 2;
    std::size_t cells_so_far = 0;
    std::vector<std::size_t> escapes; // byte offsets where a backslash goes
    auto lines = lines_of(text);
    // A table runs to the next blank line at most.
    std::vector<std::size_t> next_blank(lines.size() + 1, lines.size());
    for (auto i = lines.size(); i-- > 0;)
        next_blank[i] = is_blank(lines[i]) ? i : next_blank[i + 1];
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto columns = delimiter_columns(lines[i]);
        if (columns == 0)
            continue;
        auto rows = next_blank[i + 1] - (i + 1);
        auto cells = columns * (rows + 1);
        if (columns <= max_table_columns && cells_so_far + cells <= cell_budget) {
            cells_so_far += cells;
            continue;
        }
        auto offset = static_cast<std::size_t>(lines[i].data() - text.data());
        escapes.push_back(offset + content_start(lines[i]));
        if (escapes.size() > max_reports)
            continue;
        auto line_number = std::max(origin.line, 1) + static_cast<int>(i);
        sink.error({origin.file, line_number, 1},
                   "table is too large (" + std::to_string(columns) + " columns, " +
                       std::to_string(rows) + " rows); it is shown as text",
                   "split it into smaller tables: at most " + std::to_string(max_table_columns) +
                       " columns, and rows that fit in a printed page pack");
    }
    for (auto at = escapes.rbegin(); at != escapes.rend(); ++at)
        text.insert(*at, 1, '\\');
    return text;
}

bool may_have_too_many_quotes(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\'') +
                                    std::count(text.begin(), text.end(), '"')) >
           max_quotes_per_block;
}

bool smart_punctuation_is_safe(cmark_node* document, const SourceLines& source,
                               DiagnosticSink& sink) {
    cmark_iter* iter = cmark_iter_new(document);
    cmark_node* block = document;
    std::size_t quotes = 0;
    bool safe = true;
    cmark_event_type event;
    while (safe && (event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        auto* node = cmark_iter_get_node(iter);
        if (event != CMARK_EVENT_ENTER)
            continue;
        if ((cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) {
            block = node;
            quotes = 0;
        } else if (cmark_node_get_type(node) == CMARK_NODE_TEXT) {
            std::string_view text = cmark_node_get_literal(node);
            quotes += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\'') +
                                               std::count(text.begin(), text.end(), '"'));
            safe = quotes <= max_quotes_per_block;
        }
    }
    cmark_iter_free(iter);
    if (!safe)
        sink.warning(
            source.locate(cmark_node_get_start_line(block), cmark_node_get_start_column(block)),
            "this paragraph has more than " + std::to_string(max_quotes_per_block) +
                " quotation marks; curly quotes and dashes are turned off for the paper",
            "long runs of quotation marks are usually pasted data: put them in a code "
            "block or a table");
    return safe;
}

} // namespace bp::markdown

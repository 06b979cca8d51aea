#include "site/html_renderer.hpp"

#include "core/text.hpp"
#include "site/chart_figure.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>

namespace bp::site {
namespace {

using doc::Block;
using doc::BlockKind;
using doc::Inline;
using doc::InlineKind;

class InlineWriter {
  public:
    std::string write(const doc::Inlines& inlines) {
        std::string out;
        for (const auto& item : inlines)
            out += write_one(item);
        return out;
    }

  private:
    std::string wrap(const char* tag, const Inline& item) {
        return std::string("<") + tag + ">" + write(item.children) + "</" + tag + ">";
    }

    std::string footnote_ref(const Inline& item) {
        std::string number = std::to_string(item.number);
        int seen = ++references_[item.number];
        std::string id = "fnref-" + number + (seen > 1 ? "-" + std::to_string(seen) : "");
        return "<sup class=\"footnote-ref\"><a href=\"#fn-" + number + "\" id=\"" + id +
               "\" aria-describedby=\"footnotes-label\">" + number + "</a></sup>";
    }

    std::string link(const Inline& item) {
        if (!is_safe_url(item.url))
            return write(item.children);
        return "<a href=\"" + html_escape(item.url) + "\">" + write(item.children) + "</a>";
    }

    std::string image(const Inline& item) {
        if (!is_safe_url(item.url))
            return html_escape(item.text);
        return "<img src=\"" + html_escape(item.url) + "\" alt=\"" + html_escape(item.text) + "\">";
    }

    std::string write_one(const Inline& item) {
        switch (item.kind) {
        case InlineKind::text:
            return html_escape(item.text);
        case InlineKind::emphasis:
            return wrap("em", item);
        case InlineKind::strong:
            return wrap("strong", item);
        case InlineKind::code:
            return "<code>" + html_escape(item.text) + "</code>";
        case InlineKind::strikethrough:
            return wrap("del", item);
        case InlineKind::superscript:
            return wrap("sup", item);
        case InlineKind::subscript:
            return wrap("sub", item);
        case InlineKind::link:
            return link(item);
        case InlineKind::image:
            return image(item);
        case InlineKind::soft_break:
            return "\n";
        case InlineKind::line_break:
            return "<br>\n";
        case InlineKind::footnote_ref:
            return footnote_ref(item);
        case InlineKind::value:
            return html_escape(item.text);
        }
        return {};
    }

    // Several references to one footnote each need their own id.
    std::map<int, int> references_;
};

const char* alignment_class(doc::Alignment alignment) {
    switch (alignment) {
    case doc::Alignment::left:
        return " class=\"align-left\"";
    case doc::Alignment::center:
        return " class=\"align-center\"";
    case doc::Alignment::right:
        return " class=\"align-right\"";
    default:
        return "";
    }
}

// A RAG cell whose text only repeats the status ("R", "Red") shows the full label once.
bool text_is_rag_name(const std::string& text, doc::Rag rag) {
    std::string lowered = to_lower_ascii(trim(text));
    std::string name = rag_key(rag);
    return lowered == name || (lowered.size() == 1 && lowered[0] == name[0]);
}

// "Amber – in progress" already says its status in words.
bool text_starts_with_rag_name(const std::string& text, doc::Rag rag) {
    std::string lowered = to_lower_ascii(trim(text));
    std::string name = rag_key(rag);
    return starts_with(lowered, name) &&
           (lowered.size() == name.size() ||
            !std::isalpha(static_cast<unsigned char>(lowered[name.size()])));
}

std::string class_attribute(const std::string& classes) {
    return classes.empty() ? std::string() : " class=\"" + html_escape(classes) + "\"";
}

class BlockWriter {
  public:
    BlockWriter(const std::vector<data::ChartSpec>& charts, const RenderOptions& options,
                int heading_shift)
        : charts_(charts), options_(options), heading_shift_(heading_shift) {}

    std::string blocks(const std::vector<Block>& list, bool tight = false) {
        std::string out;
        for (const auto& block : list)
            out += this->block(block, tight);
        return out;
    }

    std::string footnotes(const std::vector<doc::Footnote>& notes) {
        if (notes.empty())
            return {};
        std::vector<const doc::Footnote*> sorted;
        for (const auto& note : notes)
            sorted.push_back(&note);
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](auto* a, auto* b) { return a->number < b->number; });
        std::string out = "<section class=\"footnotes\" aria-labelledby=\"footnotes-label\">\n"
                          "<h2 id=\"footnotes-label\">Notes</h2>\n<ol>\n";
        for (const auto* note : sorted) {
            std::string number = std::to_string(note->number);
            std::string back = "<a href=\"#fnref-" + number +
                               "\" class=\"footnote-back\" aria-label=\"Back to reference " +
                               number + "\">\xE2\x86\xA9</a>";
            // The back link sits at the end of the note's last paragraph, as readers expect.
            std::string body = blocks(note->blocks);
            if (ends_with(body, "</p>\n"))
                body.insert(body.size() - 5, " " + back);
            else
                body += back;
            out += "<li id=\"fn-" + number + "\" value=\"" + number + "\">" + body + "</li>\n";
        }
        out += "</ol>\n</section>\n";
        return out;
    }

    std::vector<HeadingLink> headings;
    InlineWriter inlines;

  private:
    std::string block(const Block& block, bool tight) {
        switch (block.kind) {
        case BlockKind::paragraph:
            return paragraph(block, tight);
        case BlockKind::heading:
            return heading(block);
        case BlockKind::bullet_list:
            return list("ul", block, "");
        case BlockKind::ordered_list:
            return list("ol", block,
                        block.start != 1 ? " start=\"" + std::to_string(block.start) + "\"" : "");
        case BlockKind::list_item:
            return list_item(block, tight);
        case BlockKind::block_quote:
            return "<blockquote>\n" + blocks(block.children) + "</blockquote>\n";
        case BlockKind::code_block:
            return "<pre><code>" + html_escape(block.text) + "</code></pre>\n";
        case BlockKind::thematic_break:
            return "<hr>\n";
        case BlockKind::table:
            return table(block);
        case BlockKind::chart:
            return chart(block);
        // Directives are expanded by the content stage, which reports any it cannot handle;
        // a page break only means something on paper.
        case BlockKind::directive:
        case BlockKind::page_break:
            return {};
        }
        return {};
    }

    std::string paragraph(const Block& block, bool tight) {
        std::string text = inlines.write(block.inlines);
        if (tight)
            return text + "\n";
        return "<p" + class_attribute(block.css_class) + ">" + text + "</p>\n";
    }

    std::string heading(const Block& block) {
        int level = std::clamp(block.level + heading_shift_, 1, 6);
        std::string tag = "h" + std::to_string(level);
        std::string id = block.anchor.empty() ? "" : " id=\"" + html_escape(block.anchor) + "\"";
        headings.push_back({level, block.anchor, plain_text(block.inlines)});
        return "<" + tag + id + class_attribute(block.css_class) + ">" +
               inlines.write(block.inlines) + "</" + tag + ">\n";
    }

    std::string list(const char* tag, const Block& block, const std::string& attributes) {
        bool has_tasks = std::any_of(block.children.begin(), block.children.end(),
                                     [](const Block& item) { return item.task.has_value(); });
        std::string classes = block.css_class;
        if (has_tasks)
            classes += classes.empty() ? "task-list" : " task-list";
        std::string out = std::string("<") + tag + attributes + class_attribute(classes) + ">\n";
        for (const auto& item : block.children)
            out += this->block(item, block.tight);
        out += "</";
        out += tag;
        out += ">\n";
        return out;
    }

    std::string list_item(const Block& block, bool tight) {
        std::string marker;
        if (block.task) {
            marker = *block.task ? "<span class=\"task-mark task-done\" aria-hidden=\"true\">"
                                   "\xE2\x9C\x93</span><span class=\"visually-hidden\">Done: "
                                   "</span>"
                                 : "<span class=\"task-mark\" aria-hidden=\"true\"></span>"
                                   "<span class=\"visually-hidden\">To do: </span>";
        }
        std::string classes = block.task ? "task-item" : "";
        std::string content = blocks(block.children, tight);
        // The mark sits beside the item's text as one block: an action's text and its
        // "Action:" line stay together under the mark.
        if (block.task)
            content = "<div class=\"task-body\">" + content + "</div>";
        return "<li" + class_attribute(classes) + ">" + marker + content + "</li>\n";
    }

    std::string cell(const char* tag, const doc::TableCell& cell, doc::Alignment alignment,
                     const char* scope) {
        std::string classes;
        std::string align = alignment_class(alignment);
        if (!align.empty())
            classes = align.substr(8, align.size() - 9);
        std::string content = inlines.write(cell.content);
        if (cell.rag != doc::Rag::none) {
            classes += std::string(classes.empty() ? "" : " ") + "rag rag-" + rag_key(cell.rag);
            std::string badge = "<span class=\"rag-badge\"><span class=\"rag-swatch\" "
                                "aria-hidden=\"true\"></span>" +
                                std::string(rag_word(cell.rag)) + "</span>";
            std::string words = plain_text(cell.content);
            if (text_is_rag_name(words, cell.rag))
                content = badge;
            else if (text_starts_with_rag_name(words, cell.rag))
                content = "<span class=\"rag-badge\"><span class=\"rag-swatch\" "
                          "aria-hidden=\"true\"></span>" +
                          content + "</span>";
            else
                content = badge + " <span class=\"rag-value\">" + content + "</span>";
        }
        std::string scope_attribute = scope ? std::string(" scope=\"") + scope + "\"" : "";
        return std::string("<") + tag + scope_attribute + class_attribute(classes) + ">" + content +
               "</" + tag + ">";
    }

    // A first column of words ("Burglary", "Q1") names its row, so screen readers announce it
    // with each cell; a column of figures or ratings does not.
    static bool first_column_is_labels(const Block& block) {
        if (block.header.cells.size() < 2 || block.rows.empty())
            return false;
        return std::all_of(block.rows.begin(), block.rows.end(), [](const doc::TableRow& row) {
            if (row.cells.size() < 2 || row.cells[0].rag != doc::Rag::none)
                return false;
            std::string text = trim(plain_text(row.cells[0].content));
            return !text.empty() && !looks_numeric(text);
        });
    }

    static bool looks_numeric(const std::string& text) {
        bool digit = false;
        for (unsigned char c : text) {
            if (std::isdigit(c))
                digit = true;
            else if (!std::strchr(",.%+-() \xC2\xA3$\xE2\x80\x93\x88\x92", c))
                return false;
        }
        return digit;
    }

    // A scorecard's indicator names link to the indicators' own pages.
    std::string linked_label(const std::string& html, const Block& block,
                             const doc::TableCell& cell) const {
        if (block.css_class.find("scorecard") == std::string::npos)
            return html;
        auto link = options_.indicator_links.find(plain_text(cell.content));
        if (link == options_.indicator_links.end() || html.find("<a ") != std::string::npos)
            return html;
        auto open_end = html.find('>') + 1;
        auto close = html.rfind("</");
        return html.substr(0, open_end) + "<a href=\"" + html_escape(link->second) + "\">" +
               html.substr(open_end, close - open_end) + "</a>" + html.substr(close);
    }

    std::string table(const Block& block) {
        ++tables_;
        std::string label =
            block.caption.empty() ? "Table " + std::to_string(tables_) : block.caption;
        std::string out = "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" "
                          "aria-label=\"" +
                          html_escape(label) + "\">\n<table" + class_attribute(block.css_class) +
                          ">\n";
        if (!block.caption.empty())
            out += "<caption>" + html_escape(block.caption) + "</caption>\n";
        auto alignment = [&](std::size_t column) {
            return column < block.alignments.size() ? block.alignments[column]
                                                    : doc::Alignment::none;
        };
        if (!block.header.cells.empty()) {
            out += "<thead>\n<tr>";
            for (std::size_t i = 0; i < block.header.cells.size(); ++i)
                out += cell("th", block.header.cells[i], alignment(i), "col");
            out += "</tr>\n</thead>\n";
        }
        out += "<tbody>\n";
        bool row_headers = first_column_is_labels(block);
        for (const auto& row : block.rows) {
            out += "<tr>";
            for (std::size_t i = 0; i < row.cells.size(); ++i)
                out += i == 0 && row_headers
                           ? linked_label(cell("th", row.cells[i], alignment(i), "row"), block,
                                          row.cells[i])
                           : cell("td", row.cells[i], alignment(i), nullptr);
            out += "</tr>\n";
        }
        out += "</tbody>\n</table>\n</div>\n";
        return out;
    }

    std::string chart(const Block& block) {
        if (block.chart_index < 0 || block.chart_index >= static_cast<int>(charts_.size()))
            return {};
        ++charts_drawn_;
        return render_chart_figure(charts_[block.chart_index],
                                   options_.chart_id_prefix + "-" + std::to_string(charts_drawn_),
                                   options_.chart_fonts);
    }

    const std::vector<data::ChartSpec>& charts_;
    const RenderOptions& options_;
    int heading_shift_ = 0;
    int tables_ = 0;
    int charts_drawn_ = 0;
};

int shallowest_heading(const std::vector<Block>& blocks) {
    int level = 7;
    for (const auto& block : blocks) {
        if (block.kind == BlockKind::heading)
            level = std::min(level, block.level);
        level = std::min(level, shallowest_heading(block.children));
    }
    return level;
}

} // namespace

bool is_safe_url(const std::string& url) {
    std::string lowered = to_lower_ascii(trim(url));
    auto colon = lowered.find(':');
    auto slash = lowered.find_first_of("/?#");
    bool has_scheme = colon != std::string::npos && (slash == std::string::npos || colon < slash);
    if (!has_scheme)
        return true;
    return starts_with(lowered, "http:") || starts_with(lowered, "https:") ||
           starts_with(lowered, "mailto:") || starts_with(lowered, "tel:");
}

std::string render_inlines(const doc::Inlines& inlines) {
    return InlineWriter().write(inlines);
}

RenderedDocument render_document(const doc::Document& document,
                                 const std::vector<data::ChartSpec>& charts,
                                 const RenderOptions& options) {
    int shallowest = shallowest_heading(document.blocks);
    int shift = shallowest > 6 ? 0 : std::max(0, options.top_heading_level - shallowest);
    BlockWriter writer(charts, options, shift);
    RenderedDocument result;
    result.html = writer.blocks(document.blocks);
    result.html += writer.footnotes(document.footnotes);
    result.headings = std::move(writer.headings);
    return result;
}

} // namespace bp::site

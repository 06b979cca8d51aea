#include "dump.hpp"

namespace bp::test {

namespace {

std::string quoted(const std::string& text) {
    return "'" + text + "'";
}

std::string dump_inline(const doc::Inline& item) {
    using K = doc::InlineKind;
    switch (item.kind) {
    case K::text:
        return "T" + quoted(item.text);
    case K::emphasis:
        return "E[" + dump(item.children) + "]";
    case K::strong:
        return "S[" + dump(item.children) + "]";
    case K::code:
        return "C" + quoted(item.text);
    case K::strikethrough:
        return "DEL[" + dump(item.children) + "]";
    case K::superscript:
        return "SUP[" + dump(item.children) + "]";
    case K::subscript:
        return "SUB[" + dump(item.children) + "]";
    case K::link:
        return "L(" + item.url + ")[" + dump(item.children) + "]";
    case K::image:
        return "IMG(" + item.url + ")" + quoted(item.text);
    case K::soft_break:
        return "SB";
    case K::line_break:
        return "BR";
    case K::footnote_ref:
        return "FN" + std::to_string(item.number) + "(" + item.text + ")";
    case K::value:
        return "V" + quoted(item.text);
    }
    return "?";
}

std::string alignment(doc::Alignment a) {
    switch (a) {
    case doc::Alignment::left:
        return "l";
    case doc::Alignment::center:
        return "c";
    case doc::Alignment::right:
        return "r";
    default:
        return "-";
    }
}

std::string dump_row(const doc::TableRow& row) {
    std::string out;
    for (const auto& cell : row.cells)
        out += (out.empty() ? "" : " ") + std::string("[") + dump(cell.content) + "]";
    return out;
}

std::string dump_block(const doc::Block& block) {
    using K = doc::BlockKind;
    switch (block.kind) {
    case K::paragraph:
        return "P[" + dump(block.inlines) + "]";
    case K::heading:
        return "H" + std::to_string(block.level) + "#" + block.anchor + "[" + dump(block.inlines) +
               "]";
    case K::bullet_list:
        return std::string("UL") + (block.tight ? "" : "(loose)") + "[" + dump(block.children) +
               "]";
    case K::ordered_list:
        return "OL" + std::to_string(block.start) + (block.tight ? "" : "(loose)") + "[" +
               dump(block.children) + "]";
    case K::list_item: {
        std::string task = !block.task ? "" : *block.task ? "(x)" : "( )";
        return "LI" + task + "[" + dump(block.children) + "]";
    }
    case K::block_quote:
        return "Q[" + dump(block.children) + "]";
    case K::code_block:
        return "CODE(" + block.info + ")" + quoted(block.text);
    case K::thematic_break:
        return "HR";
    case K::table: {
        std::string aligns;
        for (auto a : block.alignments)
            aligns += alignment(a);
        std::string out = "TABLE(" + aligns + ")[HEAD{" + dump_row(block.header) + "}";
        for (const auto& row : block.rows)
            out += " ROW{" + dump_row(row) + "}";
        return out + "]";
    }
    case K::directive:
        return "DIR(" + block.name + ")" + quoted(block.text);
    case K::chart:
        return "CHART";
    case K::page_break:
        return "PAGEBREAK";
    }
    return "?";
}

} // namespace

std::string dump(const doc::Inlines& inlines) {
    std::string out;
    for (const auto& item : inlines)
        out += (out.empty() ? "" : " ") + dump_inline(item);
    return out;
}

std::string dump(const std::vector<doc::Block>& blocks) {
    std::string out;
    for (const auto& block : blocks)
        out += (out.empty() ? "" : " ") + dump_block(block);
    return out;
}

std::string dump(const doc::Document& document) {
    std::string out = dump(document.blocks);
    for (const auto& note : document.footnotes)
        out +=
            " FN" + std::to_string(note.number) + ":" + note.label + "[" + dump(note.blocks) + "]";
    return out;
}

} // namespace bp::test

#include "support.hpp"

#include "markdown/footnote_labels.hpp"

#include "core/text.hpp"

namespace bp::markdown {

std::string reference_label(std::string_view line, std::size_t open) {
    if (line.substr(open, 2) != "[^")
        return {};
    auto close = line.find(']', open + 2);
    if (close == std::string_view::npos)
        return {};
    return std::string(line.substr(open + 2, close - open - 2));
}

std::string definition_label(std::string_view line, int content_column) {
    if (content_column < 1)
        return {};
    auto before = line.substr(0, static_cast<std::size_t>(content_column - 1));
    auto open = before.rfind("[^");
    if (open == std::string_view::npos)
        return {};
    auto close = before.find("]:", open);
    if (close == std::string_view::npos)
        return {};
    return std::string(before.substr(open + 2, close - open - 2));
}

std::string normalise_label(std::string_view label) {
    std::string out;
    bool space = false;
    for (char c : trim(label)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += c;
    }
    return to_lower_ascii(out);
}

} // namespace bp::markdown

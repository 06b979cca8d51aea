#include "markdown/document.hpp"

namespace bp::doc {

std::string plain_text(const Inlines& inlines) {
    std::string out;
    for (const auto& item : inlines) {
        switch (item.kind) {
        case InlineKind::text:
        case InlineKind::code:
        case InlineKind::value:
            out += item.text;
            break;
        case InlineKind::image:
            out += item.text;
            break;
        case InlineKind::soft_break:
        case InlineKind::line_break:
            out += ' ';
            break;
        case InlineKind::footnote_ref:
            break;
        default:
            out += plain_text(item.children);
        }
    }
    return out;
}

} // namespace bp::doc

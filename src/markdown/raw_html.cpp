#include "markdown/raw_html.hpp"

#include "core/text.hpp"

#include <string>

namespace bp::markdown {

HtmlTag classify_html(std::string_view html) {
    auto tag = to_lower_ascii(trim(html));
    if (starts_with(tag, "<!--"))
        return HtmlTag::comment;
    if (tag == "<sup>")
        return HtmlTag::sup_open;
    if (tag == "</sup>")
        return HtmlTag::sup_close;
    if (tag == "<sub>")
        return HtmlTag::sub_open;
    if (tag == "</sub>")
        return HtmlTag::sub_close;
    if (tag == "<br>" || tag == "<br/>" || tag == "<br />")
        return HtmlTag::line_break;
    return HtmlTag::other;
}

} // namespace bp::markdown

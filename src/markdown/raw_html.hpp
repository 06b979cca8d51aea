#pragma once
// The little raw HTML that papers may contain: <sup>, <sub> and <br>. Everything else is
// reported and never reaches the output as markup.
#include <string_view>

namespace bp::markdown {

enum class HtmlTag {
    sup_open,
    sup_close,
    sub_open,
    sub_close,
    line_break,
    comment,
    other,
};

HtmlTag classify_html(std::string_view html);

inline constexpr std::string_view raw_html_message = "raw HTML is not allowed here";
inline constexpr std::string_view raw_html_hint =
    "only <sup>, <sub> and <br> may be written as HTML; use Markdown instead: **bold**, "
    "*italic*, [text](https://address), | tables |, or put the HTML in `backticks` to show "
    "it as code";

} // namespace bp::markdown

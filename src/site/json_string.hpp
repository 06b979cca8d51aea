#pragma once
// Strings written as JSON without building a JSON value first, byte for byte as the JSON library
// (nlohmann) writes them: the search index holds every paper's whole text this way.
#include <string>
#include <string_view>

namespace bp::site {

// `text` as a quoted JSON string, appended to `out`: the quote, the backslash and the control
// characters escaped (\", \\, \b, \f, \n, \r, \t, else \u00xx), everything else copied as it
// is. Text that is not strict UTF-8 goes through the library, which writes U+FFFD for what it
// cannot read.
void append_json_string(std::string& out, std::string_view text);

} // namespace bp::site

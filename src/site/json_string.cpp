#include "site/json_string.hpp"

#include "core/text.hpp"

#include <nlohmann/json.hpp>

namespace bp::site {
namespace {

// The escape for a byte JSON may not hold as it is, or null.
const char* json_escape(unsigned char byte, char (&spelled)[7]) {
    switch (byte) {
    case '"':
        return "\\\"";
    case '\\':
        return "\\\\";
    case '\b':
        return "\\b";
    case '\f':
        return "\\f";
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    default:
        break;
    }
    if (byte >= 0x20)
        return nullptr;
    const char* hex = "0123456789abcdef"; // lower case, as the library writes them
    spelled[0] = '\\';
    spelled[1] = 'u';
    spelled[2] = '0';
    spelled[3] = '0';
    spelled[4] = hex[byte >> 4];
    spelled[5] = hex[byte & 0xF];
    spelled[6] = '\0';
    return spelled;
}

} // namespace

void append_json_string(std::string& out, std::string_view text) {
    if (!is_strict_utf8(text)) {
        out += nlohmann::json(std::string(text))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
    out.reserve(out.size() + text.size() + 2);
    out += '"';
    // Runs between the bytes escaped are copied whole: most text has few of them.
    std::size_t run = 0;
    char spelled[7];
    for (std::size_t i = 0; i < text.size(); ++i)
        if (const char* escape = json_escape(static_cast<unsigned char>(text[i]), spelled)) {
            out.append(text.substr(run, i - run));
            out += escape;
            run = i + 1;
        }
    out.append(text.substr(run));
    out += '"';
}

} // namespace bp::site

#include "pack/pack_json.hpp"

#include "pack/utf8.hpp"

#include <cstdio>

namespace bp::pack {

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (char32_t c : decode_utf8(text)) {
        switch (c) {
        case U'"':
            out += "\\\"";
            break;
        case U'\\':
            out += "\\\\";
            break;
        default:
            if (c < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(c));
                out += escaped;
            } else {
                out += encode_utf8(std::u32string(1, c));
            }
        }
    }
    return out + "\"";
}

std::string pack_json(const PackPlan& plan, int pages) {
    std::string out = "{\"pages\": " + std::to_string(pages) + ", \"items\": [";
    bool first = true;
    for (const ItemPlan& row : plan.items) {
        const content::AgendaItem& item = *row.item;
        out += first ? "" : ", ";
        first = false;
        out += "{\"number\": " + json_string(item.number) +
               ", \"title\": " + json_string(item.title) +
               ", \"first_page\": " + std::to_string(row.first_page) +
               ", \"last_page\": " + std::to_string(row.last_page) +
               ", \"restricted\": " + (item.restricted || item.withheld ? "true" : "false") +
               ", \"verbal\": " + (item.verbal ? "true" : "false") + "}";
    }
    return out + "]}\n";
}

} // namespace bp::pack

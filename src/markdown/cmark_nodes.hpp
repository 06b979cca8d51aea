#pragma once
// Null-safe accessors for cmark-gfm nodes, shared by the converter's files.
#include <cmark-gfm.h>
#include <cstring>
#include <string>

namespace bp::markdown {

// Extension nodes (tables, strikethrough, task items) are known by their type name.
inline bool has_type_name(cmark_node* node, const char* name) {
    const char* type = cmark_node_get_type_string(node);
    return type && std::strcmp(type, name) == 0;
}

inline std::string literal_of(cmark_node* node) {
    const char* text = cmark_node_get_literal(node);
    return text ? text : "";
}

inline std::string url_of(cmark_node* node) {
    const char* url = cmark_node_get_url(node);
    return url ? url : "";
}

} // namespace bp::markdown

#pragma once
// One site.yaml with a house style, read by the site's and the pack's tests alike.
#include "content/loader_parts.hpp"
#include "core/filesystem.hpp"

namespace bp::house_style_sample {

inline constexpr const char* site_yaml = "title: Papers\norganisation: Council\n"
                                         "rag: { red: \"#123456\", amber: \"#fedcba\" }\n"
                                         "style: { body_size: 12, leading: 1.5 }\n";

inline content::SiteConfig load_config(DiagnosticSink& sink) {
    MemoryFileSystem files;
    files.add("site.yaml", site_yaml);
    return content::load_site_config(files, sink);
}

} // namespace bp::house_style_sample

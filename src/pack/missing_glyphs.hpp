#pragma once
// Characters a pack would paint that the bundled faces cannot draw: each is reported where
// it was written, instead of silently showing as an empty box.
#include "core/diagnostics.hpp"
#include "data/chart_spec.hpp"
#include "layout/page.hpp"
#include "pack/font_faces.hpp"

#include <set>
#include <string>
#include <vector>

namespace bp::pack {

// The characters painted on `pages` that neither their face nor any installed font has, in
// code point order.
std::set<char32_t> missing_characters(const std::vector<const layout::Page*>& pages,
                                      const FontFaces& faces);

// Warns once for each character in `missing`. `source_text` (the file the text came from,
// when readable) gives each warning the line and column of the character's first use;
// otherwise the warning points at `fallback`.
void report_missing_characters(const std::set<char32_t>& missing, const std::string& source_text,
                               const SourceLocation& fallback, DiagnosticSink& sink);

// Warns once for each character `chart` would draw that no installed font has (charts draw their
// words with Cairo, not through the pack's text). Each warning points at the character's first
// use in the chart's sources (its directive, then the indicator definitions naming its words),
// read from under `source_root`; else at the chart's directive.
// `fonts`: the faces the chart draws in (the pack's).
void report_chart_characters(const data::ChartSpec& chart, const FontFiles& fonts,
                             const std::string& source_root, DiagnosticSink& sink);

// "U+2192 (→)"
std::string describe_character(char32_t c);

} // namespace bp::pack

#pragma once
// Builders for the blocks that directives produce, shared by every directive module.
#include "markdown/document.hpp"

#include <set>
#include <string>
#include <string_view>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace bp::content {

// Keys allowed in a directive body. A null body is fine; unknown keys are reported; a body that
// is not 'key: value' lines is reported and the answer is false.
bool check_body(const YAML::Node& body, const std::set<std::string>& keys,
                const SourceLocation& origin, DiagnosticSink& sink, std::string_view directive);

doc::Inline text_inline(std::string text, const SourceLocation& location);
// Bold text: "Present:" at the head of an attendance line.
doc::Inline strong_inline(std::string text, const SourceLocation& location);
doc::TableCell text_cell(std::string text, const SourceLocation& location);
doc::TableCell inlines_cell(doc::Inlines content);
doc::Block paragraph(std::string text, const SourceLocation& location);
doc::Block heading(int level, std::string text, std::string anchor, const SourceLocation& location);
// A table whose header row holds `headings`; every column left-aligned.
doc::Block table(const std::vector<std::string>& headings, std::vector<doc::TableRow> rows,
                 const SourceLocation& location, std::string css_class, std::string caption = {});

} // namespace bp::content

#pragma once
// A compact text form of the document model, so that expectations read like the Markdown:
// "P[T'Hello ' E[T'world']]".
#include "markdown/document.hpp"

#include <string>

namespace bp::test {

std::string dump(const doc::Inlines& inlines);
std::string dump(const std::vector<doc::Block>& blocks);
// Blocks, then " FN1:label[...]" for each footnote.
std::string dump(const doc::Document& document);

} // namespace bp::test

#pragma once
// Page numbers for a paper's own contents list: each entry links to a heading of the same
// paper, and the pack prints that heading's page number at the right, after dot leaders.
#include "markdown/document.hpp"
#include "pack/composed_pack.hpp"
#include "pack/sheet_writer.hpp"

#include <set>
#include <string>
#include <vector>

namespace bp::pack {

// Anchors the paper's `contents` lists link to.
std::set<std::string> contents_targets(const doc::Document& body);

// Adds the numbers to `pages`, one paper's pages placed from pack page `first_page_number`
// (1-based). An entry's number goes on its last line, and only on lines that hold nothing
// but that entry, so a link to the same heading inside a sentence stays as it is.
void number_contents_entries(std::vector<ComposedPage>& pages, const std::set<std::string>& targets,
                             int first_page_number, const layout::TextMeasurer& measurer,
                             const Margins& margins);

} // namespace bp::pack

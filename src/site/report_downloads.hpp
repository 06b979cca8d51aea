#pragma once
// Links to each report's own PDF (its pages cut from the meeting pack), with size and pages,
// for the meeting page's downloads and the paper page.
#include "content/model.hpp"
#include "site/template_data.hpp"

namespace bp::site {

// Every item with its own PDF, in agenda order: {label, href, detail}.
TemplateData report_downloads(const content::Meeting& meeting, const content::PackSummary& pack);

// The item's own PDF, or false when it has none.
TemplateData report_download(const content::PackSummary& pack, const std::string& item_number);

} // namespace bp::site

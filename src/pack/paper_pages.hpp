#pragma once
// One paper's pages: a title block and the laid-out body, or an external PDF's pages.
#include "core/diagnostics.hpp"
#include "layout/page.hpp"
#include "pack/pack_plan.hpp"

namespace bp::pack {

PaperPages compose_paper(const content::Paper& paper, const content::AgendaItem& item,
                         const std::string& source_root, const layout::TextMeasurer& measurer,
                         const PackGeometry& geometry, DiagnosticSink& sink);

// Moves everything on a laid-out page sideways (mirrors the margins on left-hand pages).
void shift_page(layout::Page& page, double dx);

} // namespace bp::pack

#pragma once
// The pack before page numbers are known: each agenda item with the pages of its papers.
#include "content/model.hpp"
#include "layout/layout.hpp"
#include "pack/composed_pack.hpp"
#include "pack/sheet_writer.hpp"

#include <string>
#include <vector>

namespace bp::pack {

// Page size, margins and type used for everything in one pack.
struct PackGeometry {
    double width = 595.276;
    double height = 841.89;
    Margins margins;
    layout::TextStyle text; // the house style's sizes and colours (see house_style.hpp)
};

PackGeometry pack_geometry(const content::SiteConfig& config);

// The pages of one paper, numbered from its own first page (always a right-hand page).
struct PaperPages {
    const content::Paper* paper = nullptr;
    std::string title;
    std::vector<ComposedPage> pages;
    std::vector<OutlineEntry> headings; // pages relative to the paper's first page
};

// One row of the agenda; sub-items follow their parent with depth 1.
struct ItemPlan {
    const content::AgendaItem* item = nullptr;
    int depth = 0;
    int parent = -1; // index of the parent row, for sub-items
    std::vector<PaperPages> papers;
    // Filled in when the pack is numbered (1-based pack page numbers; 0 when none).
    int first_page = 0;
    int last_page = 0;
};

struct PackPlan {
    std::vector<ItemPlan> items;
};

// Hands out each item's pages; page numbers stay to be assigned.
PackPlan plan_items(const content::Meeting& meeting);

} // namespace bp::pack

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

// The pages of one paper, numbered from its own first page.
struct PaperPages {
    const content::Paper* paper = nullptr;
    std::string title;
    // Moved into the pack when it is assembled, once every count below has been taken.
    std::vector<ComposedPage> pages;
    std::vector<OutlineEntry> headings; // pages relative to the paper's first page
    // Pages that count in the numbering but are not printed: in the public edition, what the
    // members' pack prints and the public may not see (then `paper` is null and `pages`
    // empty), with the ground the public are given.
    int withheld_pages = 0;
    content::ExemptGround withheld_ground;
    // The first paper of a sub-item folded into its withheld parent's row: it starts on a
    // right-hand page, as the sub-item does in the members' pack.
    bool starts_item = false;
    std::string appendix_label; // "Appendix 1: Board minutes" for a PDF appendix; else ""
    int first_page = 0;         // pack page number, set when the pack is numbered

    bool withheld() const { return pages.empty() && withheld_pages > 0; }
    int page_count() const { return withheld() ? withheld_pages : static_cast<int>(pages.size()); }
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
    // Where the item's pages sit in this PDF (1-based; 0 when none). They differ from the page
    // numbers in the public edition, where a withheld item takes one page.
    int first_sheet = 0;
    int last_sheet = 0;
};

struct PackPlan {
    std::vector<ItemPlan> items;
};

// Hands out each item's pages; page numbers stay to be assigned.
PackPlan plan_items(const content::Meeting& meeting);

// Labels each PDF appendix among an item's papers "Appendix N: title", N counting from 1.
void label_appendices(ItemPlan& row);

// Gives every item a right-hand first page, its papers following on; returns the last page's
// number. Pages are numbered from `first_paper_page`.
int number_items(PackPlan& plan, int first_paper_page);

} // namespace bp::pack

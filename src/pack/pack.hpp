#pragma once
// Print-ready PDF board packs: a meeting pack (front sheet with agenda and page ranges,
// membership, every paper stamped and starting on a right-hand page, appendices merged in,
// charts as vector drawings, bookmarks), the agenda alone, and quarterly archive packs.
#include "content/model.hpp"
#include "core/diagnostics.hpp"
#include "pack/font_family.hpp"

#include <string>
#include <utility>
#include <vector>

namespace bp::pack {

struct PackResources {
    FontFiles fonts; // the faces text is set in (see body_font_files)
};

struct PackOutput {
    std::string pack_pdf;   // empty when the pack could not be built
    std::string agenda_pdf; // the front sheet alone
    std::string pack_json;  // {"pages": N, "items": [...]}
    // Each item's pages as a PDF of its own: file name (beside pack.pdf) → bytes.
    std::vector<std::pair<std::string, std::string>> report_pdfs;
    content::PackSummary summary;
};

// The meeting must already have had its audience applied and its papers loaded.
PackOutput build_meeting_pack(const content::Site& site, const content::Board& board,
                              const content::Meeting& meeting, content::Audience audience,
                              const PackResources& resources, DiagnosticSink& sink);

// One meeting's finished pack, as it goes into a quarterly archive pack.
struct ArchivedMeetingPack {
    const content::Meeting* meeting = nullptr;
    std::string pack_pdf; // bytes from build_meeting_pack
};

// A contents page followed by the given meeting packs, for one board and one financial
// quarter. `quarter_label` names the quarter on the contents page ("Quarter 2, 2017/18").
// Returns empty bytes (and reports why) when nothing could be assembled.
std::string build_quarter_pack(const content::Site& site, const content::Board& board,
                               const std::string& quarter_label,
                               const std::vector<ArchivedMeetingPack>& packs,
                               const PackResources& resources, DiagnosticSink& sink);

// The font folder bundled with the program.
std::string bundled_font_dir();

} // namespace bp::pack

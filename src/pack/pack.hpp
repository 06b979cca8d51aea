#pragma once
// Print-ready PDF board packs: a meeting pack (front sheet with agenda and page ranges,
// membership, every paper stamped and starting on a right-hand page, appendices merged in,
// charts as vector drawings, bookmarks), the agenda alone, and quarterly archive packs.
#include "content/model.hpp"
#include "core/diagnostics.hpp"
#include "pack/font_family.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace bp::pack {

// A PDF larger than this is linearised ("fast web view") when site.yaml's `linearise_pdfs`
// asks for it: a browser then shows its first pages before the rest has arrived. A smaller
// one arrives whole in about a second on a slow connection, so linearising it (a second pass
// over the file, a third of the cost of writing it; see bench/README.md) would buy nothing.
constexpr std::size_t fast_web_view_bytes = std::size_t{1} << 20;

struct PackResources {
    FontFiles fonts; // the faces text is set in (see body_font_files)
    // PDFs are linearised from this size up (when the site asks); tests lower it.
    std::size_t linearise_above = fast_web_view_bytes;
};

// The members' edition has files of its own, so it is never mistaken for the public one:
// "pack.pdf" / "pack-members.pdf", "agenda.pdf" / "agenda-members.pdf",
// "supplementary-N.pdf" / "supplementary-members-N.pdf".
std::string pack_file_name(content::Audience audience);
std::string agenda_file_name(content::Audience audience);
std::string supplementary_file_name(int number, content::Audience audience);

struct PackOutput {
    std::string pack_file;   // pack_file_name(audience)
    std::string agenda_file; // agenda_file_name(audience)
    std::string pack_pdf;    // empty when the pack could not be built
    std::string agenda_pdf;  // the front sheet alone
    std::string pack_json;   // {"pages": N, "items": [...]}
    // Each item's pages as a PDF of its own: file name (beside pack.pdf) → bytes.
    std::vector<std::pair<std::string, std::string>> report_pdfs;
    content::PackSummary summary;
};

// The meeting must already have had its audience applied and its papers loaded. The public
// edition numbers its pages as the members' does when given `members_meeting` (the meeting
// before the audience was applied, with the papers the public may not see loaded): each
// withheld item's pages are then replaced by one page, and PDF page labels keep the numbers.
PackOutput build_meeting_pack(const content::Site& site, const content::Board& board,
                              const content::Meeting& meeting, content::Audience audience,
                              const PackResources& resources, DiagnosticSink& sink,
                              const content::Meeting* members_meeting = nullptr);

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

#include "core/data_dir.hpp"
#include "core/date.hpp"
#include "pack/contents_numbers.hpp"
#include "pack/font_faces.hpp"
#include "pack/front_sheet.hpp"
#include "pack/haru_fonts.hpp"
#include "pack/house_style.hpp"
#include "pack/missing_glyphs.hpp"
#include "pack/pack.hpp"
#include "pack/pack_json.hpp"
#include "pack/page_furniture.hpp"
#include "pack/painter.hpp"
#include "pack/paper_pages.hpp"
#include "pack/post_pass.hpp"
#include "pack/report_pdfs.hpp"
#include "pack/text_measurer.hpp"

#include <exception>
#include <fstream>
#include <set>
#include <sstream>

namespace bp::pack {

namespace {

constexpr int max_numbering_passes = 6;

bool has_own_pages(const ItemPlan& row) {
    return !row.item->withheld && !row.item->verbal;
}

std::string read_source(const content::Site& site, const content::Paper& paper) {
    std::ifstream in(site.source_root + "/" + paper.source_path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void check_characters(const PaperPages& pages, const content::Site& site, const FontFaces& faces,
                      DiagnosticSink& sink) {
    std::vector<const layout::Page*> painted;
    for (const ComposedPage& page : pages.pages)
        painted.push_back(&page.page);
    std::set<char32_t> missing = missing_characters(painted, faces);
    if (missing.empty())
        return;
    const content::Paper& paper = *pages.paper;
    SourceLocation where = paper.location;
    if (where.file.empty())
        where = {paper.source_path, 0, 0};
    report_missing_characters(missing, read_source(site, paper), where, sink);
}

void compose_papers(PackPlan& plan, const content::Site& site, const layout::TextMeasurer& measurer,
                    const FontFaces& faces, const PackGeometry& geometry, DiagnosticSink& sink) {
    for (ItemPlan& row : plan.items) {
        if (!has_own_pages(row))
            continue;
        for (const content::Paper& paper : row.item->papers) {
            if (!paper.is_pdf && !paper.body_loaded) {
                sink.warning(paper.location, "the paper's body was not loaded, so the pack "
                                             "leaves it out");
                continue;
            }
            PaperPages pages =
                compose_paper(paper, *row.item, site.source_root, measurer, geometry, sink);
            if (pages.pages.empty())
                continue;
            check_characters(pages, site, faces, sink);
            row.papers.push_back(std::move(pages));
        }
    }
}

// Gives every paper a right-hand first page; returns the pack's page count.
int number_items(PackPlan& plan, int first_paper_page) {
    int next = first_paper_page;
    for (ItemPlan& row : plan.items) {
        row.first_page = row.last_page = 0;
        for (const PaperPages& paper : row.papers) {
            if (next % 2 == 0)
                ++next;
            if (row.first_page == 0)
                row.first_page = next;
            next += static_cast<int>(paper.pages.size());
            row.last_page = next - 1;
        }
    }
    // A parent without papers of its own spans its sub-items' pages.
    for (int i = static_cast<int>(plan.items.size()) - 1; i >= 0; --i) {
        const ItemPlan& row = plan.items[i];
        if (row.parent < 0 || row.first_page == 0)
            continue;
        ItemPlan& parent = plan.items[row.parent];
        if (!parent.papers.empty())
            continue;
        if (parent.first_page == 0 || row.first_page < parent.first_page)
            parent.first_page = row.first_page;
        parent.last_page = std::max(parent.last_page, row.last_page);
    }
    return next - 1;
}

std::string marking_for(const content::Paper& paper) {
    switch (paper.security) {
    case content::Security::protected_marking:
        return "OFFICIAL – PROTECTED";
    case content::Security::restricted:
        return "RESTRICTED";
    default:
        return "";
    }
}

struct Assembly {
    const layout::TextMeasurer& measurer;
    const PackGeometry& geometry;
    FooterText footer;
    ComposedPack pack;

    int next_number() const { return static_cast<int>(pack.pages.size()) + 1; }

    void add(ComposedPage page, bool backed_footer) {
        add_footer(page.page, measurer, geometry.margins, footer, next_number(), backed_footer);
        pack.pages.push_back(std::move(page));
    }

    void add_plain(layout::Page page) {
        ComposedPage composed;
        composed.page = std::move(page);
        add(std::move(composed), false);
    }

    void pad_to_right_hand(double width, double height) {
        if (next_number() % 2 == 0)
            add_plain(blank_page(measurer, width, height));
    }
};

void shift_outline(std::vector<OutlineEntry>& entries, int offset) {
    for (auto& entry : entries) {
        entry.page += offset;
        shift_outline(entry.children, offset);
    }
}

void add_paper(Assembly& assembly, const ItemPlan& row, const PaperPages& paper,
               OutlineEntry& item_entry, bool several_papers) {
    const ComposedPage& first = paper.pages.front();
    assembly.pad_to_right_hand(first.page.width, first.page.height);
    int first_index = static_cast<int>(assembly.pack.pages.size());
    std::string stamp = "Agenda Item " + row.item->number;
    std::string marking = marking_for(*paper.paper);
    std::vector<ComposedPage> pages = paper.pages;
    if (!paper.paper->is_pdf)
        number_contents_entries(pages, contents_targets(paper.paper->body), first_index + 1,
                                assembly.measurer, assembly.geometry.margins);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        ComposedPage page = std::move(pages[p]);
        bool appendix = !page.appendix.native_path.empty();
        for (auto& link : page.links)
            link.target_page += first_index;
        if (!marking.empty())
            add_protective_marking(page.page, assembly.measurer, marking);
        if (p == 0 || appendix)
            add_item_stamp(page.page, assembly.measurer, assembly.geometry.margins, stamp,
                           assembly.next_number());
        assembly.add(std::move(page), appendix);
    }
    std::vector<OutlineEntry> headings = paper.headings;
    shift_outline(headings, first_index);
    if (several_papers) {
        item_entry.children.push_back({paper.title, first_index, 0, std::move(headings)});
    } else {
        for (auto& heading : headings)
            item_entry.children.push_back(std::move(heading));
    }
}

std::string item_outline_title(const content::AgendaItem& item) {
    return item.number + ". " + item.title;
}

void add_front_links(ComposedPack& pack, const FrontSheet& sheet, const PackPlan& plan,
                     const PackGeometry& geometry) {
    for (std::size_t i = 0; i < plan.items.size() && i < sheet.rows.size(); ++i) {
        const ItemPlan& row = plan.items[i];
        const PlacedRow& placed = sheet.rows[i];
        if (row.first_page == 0 || placed.page >= static_cast<int>(pack.pages.size()))
            continue;
        double left = left_margin(geometry.margins, placed.page + 1);
        double width = geometry.width - left - right_margin(geometry.margins, placed.page + 1);
        pack.pages[placed.page].links.push_back(
            {left, placed.y, width, placed.height, row.first_page - 1});
    }
}

DocumentInfo pack_info(const content::Site& site, const content::Board& board,
                       const content::Meeting& meeting, content::Audience audience,
                       const std::string& what) {
    DocumentInfo info;
    info.title = board.name + " – " + meeting.date.medium_form() + " – " + what;
    info.author = site.config.organisation;
    info.subject = "Agenda and papers for the meeting of the " + board.name + " on " +
                   meeting.date.long_form();
    info.keywords = (board.short_name.empty() ? board.name : board.short_name) +
                    ", board pack, agenda, " + meeting.date.iso() + ", " +
                    content::to_string(audience);
    info.date_iso = meeting.date.iso();
    return info;
}

// Each report's pages as a PDF of its own, listed in the summary for the site.
void add_report_pdfs(PackOutput& output, const PackPlan& plan, const DocumentInfo& info,
                     const SourceLocation& location, DiagnosticSink& sink) {
    std::string error;
    auto reports = report_pdfs(output.pack_pdf, plan, info, error);
    if (!error.empty()) {
        sink.error(location, "cannot write the PDF of each report: " + error);
        return;
    }
    for (auto& report : reports) {
        for (auto& pages : output.summary.items)
            if (pages.number == report.item_number) {
                pages.report_file = report.file_name;
                pages.report_bytes = report.pdf.size();
            }
        output.report_pdfs.emplace_back(report.file_name, std::move(report.pdf));
    }
}

std::string render(const ComposedPack& pack, const FontFaces& faces, const SourceLocation& location,
                   DiagnosticSink& sink) {
    UsedGlyphs glyphs = collect_used_glyphs(pack, faces);
    std::string error;
    std::string painted = paint_with_font_subsets(pack, faces, glyphs, error);
    if (painted.empty()) {
        sink.error(location, "cannot paint the pack: " + error);
        return {};
    }
    std::string finished = finish_pdf(painted, pack, glyphs, error);
    if (finished.empty())
        sink.error(location, "cannot finish the PDF: " + error,
                   "check the PDF appendices of this meeting");
    return finished;
}

struct Numbered {
    FrontSheet front;
    std::vector<layout::Page> membership;
    int pages = 0;
};

// The front sheet lists page numbers that depend on its own length: repeat until it settles.
Numbered number_pack(PackPlan& plan, const content::Site& site, const content::Board& board,
                     const content::Meeting& meeting, const layout::TextMeasurer& measurer,
                     const PackGeometry& geometry) {
    Numbered result;
    int front_pages = 1;
    bool has_members =
        !board.members.empty() || !board.advisers.empty() || !board.observers.empty();
    for (int pass = 0; pass < max_numbering_passes; ++pass) {
        result.membership.clear();
        if (has_members)
            result.membership = compose_membership(board, measurer, geometry, front_pages + 1);
        int first = front_pages + static_cast<int>(result.membership.size()) + 1;
        result.pages = number_items(plan, first);
        result.front = compose_front_sheet(site, board, meeting, plan, measurer, geometry);
        if (static_cast<int>(result.front.pages.size()) == front_pages)
            break;
        front_pages = static_cast<int>(result.front.pages.size());
    }
    result.pages = std::max(result.pages,
                            static_cast<int>(result.front.pages.size() + result.membership.size()));
    return result;
}

// The front sheet and membership pages come from the meeting and board files.
void check_front_characters(const Numbered& numbered, const FontFaces& faces,
                            const SourceLocation& meeting, DiagnosticSink& sink) {
    std::vector<const layout::Page*> painted;
    for (const auto& page : numbered.front.pages)
        painted.push_back(&page);
    for (const auto& page : numbered.membership)
        painted.push_back(&page);
    report_missing_characters(missing_characters(painted, faces), {}, meeting, sink);
}

ComposedPack assemble_pack(const PackPlan& plan, const Numbered& numbered,
                           const layout::TextMeasurer& measurer, const PackGeometry& geometry,
                           const FooterText& footer) {
    Assembly assembly{measurer, geometry, footer, {}};
    for (const auto& page : numbered.front.pages)
        assembly.add_plain(page);
    assembly.pack.outline.push_back({"Agenda", 0, 0, {}});
    if (!numbered.membership.empty())
        assembly.pack.outline.push_back(
            {"Membership", static_cast<int>(assembly.pack.pages.size()), 0, {}});
    for (const auto& page : numbered.membership)
        assembly.add_plain(page);

    std::vector<OutlineEntry> entries(plan.items.size());
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
        const ItemPlan& row = plan.items[i];
        entries[i].title = item_outline_title(*row.item);
        entries[i].page = row.first_page - 1;
        for (const PaperPages& paper : row.papers)
            add_paper(assembly, row, paper, entries[i], row.papers.size() > 1);
    }
    // Sub-items nest under their parents, after the parent's own headings. Walking backwards
    // attaches the deepest entries first and keeps agenda order by inserting at one place.
    std::vector<std::size_t> own_children(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i)
        own_children[i] = entries[i].children.size();
    for (int i = static_cast<int>(plan.items.size()) - 1; i >= 0; --i) {
        const ItemPlan& row = plan.items[i];
        if (row.parent >= 0 && row.first_page > 0) {
            auto& siblings = entries[row.parent].children;
            siblings.insert(siblings.begin() + own_children[row.parent], std::move(entries[i]));
        }
    }
    for (std::size_t i = 0; i < plan.items.size(); ++i)
        if (plan.items[i].parent < 0 && plan.items[i].first_page > 0)
            assembly.pack.outline.push_back(std::move(entries[i]));
    add_front_links(assembly.pack, numbered.front, plan, geometry);
    return std::move(assembly.pack);
}

} // namespace

std::string bundled_font_dir() {
    return data_dir() + "/assets/fonts";
}

PackOutput build_meeting_pack(const content::Site& site, const content::Board& board,
                              const content::Meeting& meeting, content::Audience audience,
                              const PackResources& resources, DiagnosticSink& sink) {
    PackOutput output;
    const HaruTextMeasurer* measurer = HaruTextMeasurer::for_this_thread(resources.fonts);
    const FontFaces* faces = FontFaces::for_this_thread(resources.fonts);
    if (!measurer || !faces) {
        sink.error(meeting.location,
                   "cannot load the pack fonts (" + resources.fonts.family + ") from " +
                       resources.fonts.paths[0],
                   "the bundled folder must hold NotoSans-Regular.ttf, -Bold, -Italic and "
                   "-BoldItalic; an installed family, TrueType faces");
        return output;
    }
    try {
        PackGeometry geometry = pack_geometry(site.config);
        PackPlan plan = plan_items(meeting);
        compose_papers(plan, site, *measurer, *faces, geometry, sink);
        Numbered numbered = number_pack(plan, site, board, meeting, *measurer, geometry);
        FooterText footer{board.short_name.empty() ? board.name : board.short_name,
                          meeting.date.medium_form()};

        ComposedPack pack = assemble_pack(plan, numbered, *measurer, geometry, footer);
        if (!pack.pages.empty())
            place_logo(pack.pages.front().page, site, geometry.margins.outer);
        check_front_characters(numbered, *faces, meeting.location, sink);
        pack.info = pack_info(site, board, meeting, audience, "meeting pack");
        output.pack_pdf = render(pack, *faces, meeting.location, sink);
        if (output.pack_pdf.empty())
            return output;
        int agenda_pages = static_cast<int>(numbered.front.pages.size());
        std::string error;
        output.agenda_pdf =
            extract_pages(output.pack_pdf, 1, agenda_pages, {{"Agenda", 0, 0, {}}},
                          pack_info(site, board, meeting, audience, "agenda"), error);
        if (output.agenda_pdf.empty())
            sink.error(meeting.location, "cannot write the agenda PDF: " + error);

        int pages = static_cast<int>(pack.pages.size());
        output.pack_json = pack_json(plan, pages);
        output.summary.built = !output.agenda_pdf.empty();
        output.summary.pages = pages;
        output.summary.pack_bytes = output.pack_pdf.size();
        output.summary.agenda_pages = agenda_pages;
        output.summary.agenda_bytes = output.agenda_pdf.size();
        for (const ItemPlan& row : plan.items)
            output.summary.items.push_back({row.item->number, row.first_page, row.last_page});
        add_report_pdfs(output, plan, pack.info, meeting.location, sink);
    } catch (const std::exception& failure) {
        sink.error(meeting.location,
                   "cannot build the meeting pack: " + std::string(failure.what()));
        output = PackOutput{};
    }
    return output;
}

} // namespace bp::pack

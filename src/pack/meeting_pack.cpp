#include "content/audience.hpp"
#include "content/exempt.hpp"
#include "core/data_dir.hpp"
#include "core/date.hpp"
#include "core/filesystem.hpp"
#include "pack/contents_numbers.hpp"
#include "pack/edition_plan.hpp"
#include "pack/font_faces.hpp"
#include "pack/front_sheet.hpp"
#include "pack/haru_fonts.hpp"
#include "pack/house_style.hpp"
#include "pack/missing_glyphs.hpp"
#include "pack/pack.hpp"
#include "pack/pack_json.hpp"
#include "pack/page_extractor.hpp"
#include "pack/page_furniture.hpp"
#include "pack/painter.hpp"
#include "pack/paper_pages.hpp"
#include "pack/post_pass.hpp"
#include "pack/report_pdfs.hpp"
#include "pack/text_measurer.hpp"

#include <exception>
#include <optional>
#include <set>

namespace bp::pack {

namespace {

constexpr int max_numbering_passes = 6;

bool has_own_pages(const ItemPlan& row) {
    return !row.item->withheld && !row.item->verbal;
}

std::string read_source(const content::Site& site, const content::Paper& paper) {
    return read_regular_file(site.source_root + "/" + paper.source_path).value_or("");
}

void check_characters(const PaperPages& pages, const content::Site& site, const FontFaces& faces,
                      DiagnosticSink& sink) {
    std::vector<const layout::Page*> painted;
    for (const ComposedPage& page : pages.pages)
        painted.push_back(&page.page);
    const content::Paper& paper = *pages.paper;
    for (const data::ChartSpec& chart : paper.charts)
        report_chart_characters(chart, faces.files(), site.source_root, sink);
    std::set<char32_t> missing = missing_characters(painted, faces);
    if (missing.empty())
        return;
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
        label_appendices(row);
    }
}

// What sets one edition apart: who it is for, and the other edition's agenda, whose length
// the page numbers must allow for.
struct Edition {
    content::Audience audience = content::Audience::public_audience;
    // The members' meeting and its page counts, when building the public edition.
    const content::Meeting* members_meeting = nullptr;
    std::optional<PackPlan> members_plan;
    // The public view of the meeting and its plan, when building the members' edition.
    std::optional<content::Meeting> public_meeting;
    std::optional<PackPlan> public_plan;
};

// Gives the public plan the members' page counts of what it may not print.
void prepare_edition(Edition& edition, PackPlan& plan, const content::Site& site,
                     const content::Meeting& meeting, const layout::TextMeasurer& measurer,
                     const PackGeometry& geometry) {
    if (edition.audience == content::Audience::members) {
        edition.public_meeting = meeting;
        content::apply_audience(*edition.public_meeting, content::Audience::public_audience);
        // Counted from the members' pages, which hold every page the public see.
        edition.public_plan =
            counted_plan(*edition.public_meeting, plan,
                         [](const content::Paper&, const content::AgendaItem&) { return 0; });
        return;
    }
    if (!edition.members_meeting)
        return;
    auto count = [&](const content::Paper& paper, const content::AgendaItem& item) {
        if (!paper.is_pdf && !paper.body_loaded)
            return 0;
        DiagnosticSink quiet; // the members' build reports the paper's problems
        return static_cast<int>(
            compose_paper(paper, item, site.source_root, measurer, geometry, quiet).pages.size());
    };
    edition.members_plan = counted_plan(*edition.members_meeting, plan, count);
    fold_in_withheld(plan, *edition.members_plan);
}

// Numbers the plan, with ranges the members' pack gives where it has them.
int number_edition(Edition& edition, PackPlan& plan, int first_paper_page) {
    int last = number_items(plan, first_paper_page);
    if (edition.members_plan) {
        last = std::max(last, number_items(*edition.members_plan, first_paper_page));
        copy_page_ranges(*edition.members_plan, plan);
    }
    if (edition.public_plan)
        copy_page_ranges(plan, *edition.public_plan);
    return last;
}

// How many pages the other edition's agenda takes, once numbered.
int other_front_pages(const Edition& edition, const content::Site& site,
                      const content::Board& board, const layout::TextMeasurer& measurer,
                      const PackGeometry& geometry) {
    if (edition.members_plan)
        return static_cast<int>(compose_front_sheet(site, board, *edition.members_meeting,
                                                    *edition.members_plan, measurer, geometry)
                                    .pages.size());
    if (edition.public_plan)
        return static_cast<int>(compose_front_sheet(site, board, *edition.public_meeting,
                                                    *edition.public_plan, measurer, geometry)
                                    .pages.size());
    return 0;
}

struct Assembly {
    const layout::TextMeasurer& measurer;
    const PackGeometry& geometry;
    FooterText footer;
    ComposedPack pack;
    int next = 1; // the page number the next page takes

    int sheets() const { return static_cast<int>(pack.pages.size()); }

    void add(ComposedPage page, bool backed_footer) {
        add_footer(page.page, measurer, geometry.margins, footer, next, backed_footer);
        pack.pages.push_back(std::move(page));
        pack.page_numbers.push_back(next++);
    }

    void add_plain(layout::Page page) {
        ComposedPage composed;
        composed.page = std::move(page);
        add(std::move(composed), false);
    }

    // Moves on to page `number`. A page of the wrong hand gets a blank page before it; numbers
    // skipped over were taken by withheld pages.
    void move_to(int number) {
        if (number <= next)
            return;
        if ((number - next) % 2 == 1) {
            next = number - 1;
            add_plain(blank_page(measurer, geometry.width, geometry.height));
        }
        next = number;
    }

    // The PDF page (0-based) that carries page `number`, or the next one that does.
    int sheet_of(int number) const {
        for (std::size_t i = 0; i < pack.page_numbers.size(); ++i)
            if (pack.page_numbers[i] >= number)
                return static_cast<int>(i);
        return std::max(0, sheets() - 1);
    }
};

void shift_outline(std::vector<OutlineEntry>& entries, int offset) {
    for (auto& entry : entries) {
        entry.page += offset;
        shift_outline(entry.children, offset);
    }
}

// A paper laid out to open on a right-hand page that follows on to a left-hand one: swap
// every page's margins.
void mirror_pages(std::vector<ComposedPage>& pages, const Margins& margins) {
    double mirror = margins.outer - margins.inner;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        double dx = p % 2 == 0 ? mirror : -mirror;
        shift_page(pages[p].page, dx);
        for (auto& link : pages[p].links)
            link.x += dx;
    }
}

// The members' edition marks every page of what the public may not see.
std::string restriction_line(const Edition& edition, const content::AgendaItem& item,
                             const content::Paper& paper) {
    if (edition.audience != content::Audience::members)
        return "";
    if (content::item_members_only(item))
        return content::not_for_publication_line(content::item_ground(item));
    if (content::paper_members_only(paper))
        return content::not_for_publication_line(content::withholding_ground(item, &paper));
    return "";
}

// The paper's pages are moved into the pack: nothing reads them from the plan after this.
void add_paper(Assembly& assembly, const Edition& edition, const ItemPlan& row, PaperPages& paper,
               OutlineEntry& item_entry, bool several_papers) {
    assembly.move_to(paper.first_page);
    int first_index = assembly.sheets();
    std::string stamp = "Agenda Item " + row.item->number;
    const std::string& marking = paper.paper->marking; // as site.yaml spells it
    std::string restriction = restriction_line(edition, *row.item, *paper.paper);
    std::vector<ComposedPage> pages = std::move(paper.pages);
    if (!paper.paper->is_pdf) {
        if (paper.first_page % 2 == 0)
            mirror_pages(pages, assembly.geometry.margins);
        number_contents_entries(pages, contents_targets(paper.paper->body), paper.first_page,
                                assembly.measurer, assembly.geometry.margins);
    }
    for (ComposedPage& page : pages) {
        bool appendix = !page.appendix.native_path.empty();
        for (auto& link : page.links)
            link.target_page += first_index;
        if (!marking.empty())
            add_protective_marking(page.page, assembly.measurer, marking);
        if (!restriction.empty())
            add_restriction_lines(page.page, assembly.measurer, assembly.geometry.margins,
                                  restriction, assembly.next, appendix);
        add_item_stamp(page.page, assembly.measurer, assembly.geometry.margins, stamp,
                       assembly.next);
        if (!paper.appendix_label.empty())
            add_appendix_label(page.page, assembly.measurer, assembly.geometry.margins,
                               paper.appendix_label, assembly.next);
        assembly.add(std::move(page), appendix);
    }
    std::vector<OutlineEntry> headings = paper.headings;
    shift_outline(headings, first_index);
    std::string title = paper.appendix_label.empty() ? paper.title : paper.appendix_label;
    if (several_papers || !paper.appendix_label.empty()) {
        item_entry.children.push_back({title, first_index, 0, std::move(headings)});
    } else {
        for (auto& heading : headings)
            item_entry.children.push_back(std::move(heading));
    }
}

std::string pages_phrase(int first, int last) {
    return first == last
               ? "Page " + std::to_string(first)
               : "Pages " + std::to_string(first) + " \xE2\x80\x93 " + std::to_string(last);
}

// One page in place of papers[from, to) of the row, all withheld.
void add_withheld(Assembly& assembly, const ItemPlan& row, std::size_t from, std::size_t to) {
    const PaperPages& first = row.papers[from];
    const PaperPages& last = row.papers[to - 1];
    int last_page = last.first_page + last.page_count() - 1;
    assembly.move_to(first.first_page);
    std::string heading = "Agenda Item " + row.item->number + ": " + row.item->title;
    std::string pages = pages_phrase(first.first_page, last_page) +
                        " of the members\xE2\x80\x99 pack " +
                        (first.first_page == last_page ? "is" : "are") + " not published.";
    ComposedPage page;
    page.page = withheld_page(assembly.measurer, assembly.geometry.width, assembly.geometry.height,
                              assembly.geometry.margins, heading, pages,
                              content::exempt_statement(first.withheld_ground), assembly.next);
    add_item_stamp(page.page, assembly.measurer, assembly.geometry.margins,
                   "Agenda Item " + row.item->number, assembly.next);
    assembly.add(std::move(page), false);
    // Numbers resume after the withheld pages, on a page of the same hand as in the members'
    // pack: a blank page takes the last withheld number when the hands differ.
    assembly.move_to(last_page + 1);
}

void add_row(Assembly& assembly, const Edition& edition, ItemPlan& row, OutlineEntry& entry) {
    int first_sheet = assembly.sheets();
    for (std::size_t i = 0; i < row.papers.size();) {
        if (!row.papers[i].withheld()) {
            add_paper(assembly, edition, row, row.papers[i], entry, row.papers.size() > 1);
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < row.papers.size() && row.papers[end].withheld())
            ++end;
        add_withheld(assembly, row, i, end);
        i = end;
    }
    if (assembly.sheets() > first_sheet) {
        // A blank page added to reach a right-hand page belongs before the item.
        row.first_sheet = assembly.sheet_of(row.first_page) + 1;
        row.last_sheet = assembly.sheets();
    }
}

std::string item_outline_title(const content::AgendaItem& item) {
    return item.number + ". " + item.title;
}

void add_front_links(Assembly& assembly, const FrontSheet& sheet, const PackPlan& plan,
                     const PackGeometry& geometry) {
    ComposedPack& pack = assembly.pack;
    for (std::size_t i = 0; i < plan.items.size() && i < sheet.rows.size(); ++i) {
        const ItemPlan& row = plan.items[i];
        const PlacedRow& placed = sheet.rows[i];
        if (row.first_page == 0 || placed.page >= static_cast<int>(pack.pages.size()))
            continue;
        double left = left_margin(geometry.margins, placed.page + 1);
        double width = geometry.width - left - right_margin(geometry.margins, placed.page + 1);
        pack.pages[placed.page].links.push_back(
            {left, placed.y, width, placed.height, assembly.sheet_of(row.first_page)});
    }
}

DocumentInfo pack_info(const content::Site& site, const content::Board& board,
                       const content::Meeting& meeting, content::Audience audience,
                       const std::string& what) {
    DocumentInfo info;
    info.title = board.name + " – " + meeting.date.medium_form() + " – " + what;
    if (audience == content::Audience::members)
        info.title += " (members\xE2\x80\x99 edition)";
    info.author = site.config.organisation;
    info.subject = "Agenda and papers for the meeting of the " + board.name + " on " +
                   meeting.date.long_form();
    info.keywords = (board.short_name.empty() ? board.name : board.short_name) +
                    ", board pack, agenda, " + meeting.date.iso() + ", " +
                    content::to_string(audience);
    info.date_iso = meeting.date.iso();
    return info;
}

// The agenda's pages and each report's, as PDFs of their own.
struct Extracts {
    std::string agenda_pdf;
    std::string agenda_error;
    std::vector<ReportPdf> reports;
    std::string reports_error;
};

// Each report's pages as a PDF of its own, listed in the summary for the site.
void add_report_pdfs(PackOutput& output, std::vector<ReportPdf> reports, const std::string& error,
                     const SourceLocation& location, DiagnosticSink& sink) {
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
                   DiagnosticSink& sink, const std::function<void(PageExtractor&)>& cut) {
    UsedGlyphs glyphs = collect_used_glyphs(pack, faces);
    std::string error;
    std::string painted = paint_with_font_subsets(pack, faces, glyphs, error);
    if (painted.empty()) {
        sink.error(location, "cannot paint the pack: " + error);
        return {};
    }
    std::string finished = finish_pdf(painted, pack, glyphs, error, cut);
    if (finished.empty())
        sink.error(location, "cannot finish the PDF: " + error,
                   "check the PDF appendices of this meeting");
    return finished;
}

struct Numbered {
    FrontSheet front;
    int front_pages = 0; // pages before the membership: the longer edition's agenda
    std::vector<layout::Page> membership;
    int pages = 0; // the members' pack's page count
};

// The front sheet lists page numbers that depend on its own length, and on the other
// edition's: repeat until they settle.
Numbered number_pack(PackPlan& plan, Edition& edition, const content::Site& site,
                     const content::Board& board, const content::Meeting& meeting,
                     const layout::TextMeasurer& measurer, const PackGeometry& geometry) {
    Numbered result;
    int front_pages = 1;
    bool has_members =
        !board.members.empty() || !board.advisers.empty() || !board.observers.empty();
    for (int pass = 0; pass < max_numbering_passes; ++pass) {
        result.membership.clear();
        if (has_members)
            result.membership = compose_membership(board, measurer, geometry, front_pages + 1);
        int first = front_pages + static_cast<int>(result.membership.size()) + 1;
        result.pages = std::max(number_edition(edition, plan, first), first - 1);
        result.front = compose_front_sheet(site, board, meeting, plan, measurer, geometry);
        int needed = std::max(static_cast<int>(result.front.pages.size()),
                              other_front_pages(edition, site, board, measurer, geometry));
        result.front_pages = needed;
        if (needed == front_pages)
            break;
        front_pages = needed;
    }
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

ComposedPack assemble_pack(PackPlan& plan, const Edition& edition, const Numbered& numbered,
                           const layout::TextMeasurer& measurer, const PackGeometry& geometry,
                           const FooterText& footer) {
    Assembly assembly{measurer, geometry, footer, {}};
    for (const auto& page : numbered.front.pages)
        assembly.add_plain(page);
    // The other edition's agenda may run a page longer; the numbers after it agree.
    while (assembly.next <= numbered.front_pages)
        assembly.add_plain(blank_page(measurer, geometry.width, geometry.height));
    assembly.pack.outline.push_back({"Agenda", 0, 0, {}});
    if (!numbered.membership.empty())
        assembly.pack.outline.push_back({"Membership", assembly.sheets(), 0, {}});
    for (const auto& page : numbered.membership)
        assembly.add_plain(page);

    std::vector<OutlineEntry> entries(plan.items.size());
    for (std::size_t i = 0; i < plan.items.size(); ++i) {
        ItemPlan& row = plan.items[i];
        entries[i].title = item_outline_title(*row.item);
        add_row(assembly, edition, row, entries[i]);
    }
    for (std::size_t i = 0; i < plan.items.size(); ++i)
        entries[i].page = assembly.sheet_of(plan.items[i].first_page);
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
    add_front_links(assembly, numbered.front, plan, geometry);
    return std::move(assembly.pack);
}

std::string members_banner(const content::Meeting& meeting) {
    std::string banner = "MEMBERS\xE2\x80\x99 EDITION";
    if (content::withholds_anything(meeting.items))
        banner += " \xC2\xB7 NOT FOR PUBLICATION";
    return banner;
}

} // namespace

std::string bundled_font_dir() {
    return chart::bundled_font_dir(data_dir());
}

std::string pack_file_name(content::Audience audience) {
    return audience == content::Audience::members ? "pack-members.pdf" : "pack.pdf";
}

std::string agenda_file_name(content::Audience audience) {
    return audience == content::Audience::members ? "agenda-members.pdf" : "agenda.pdf";
}

std::string supplementary_file_name(int number, content::Audience audience) {
    std::string edition = audience == content::Audience::members ? "members-" : "";
    return "supplementary-" + edition + std::to_string(number) + ".pdf";
}

PackOutput build_meeting_pack(const content::Site& site, const content::Board& board,
                              const content::Meeting& meeting, content::Audience audience,
                              const PackResources& resources, DiagnosticSink& sink,
                              const content::Meeting* members_meeting) {
    PackOutput output;
    output.pack_file = pack_file_name(audience);
    output.agenda_file = agenda_file_name(audience);
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
        Edition edition;
        edition.audience = audience;
        edition.members_meeting = members_meeting;
        prepare_edition(edition, plan, site, meeting, *measurer, geometry);
        Numbered numbered = number_pack(plan, edition, site, board, meeting, *measurer, geometry);
        FooterText footer{board.short_name.empty() ? board.name : board.short_name,
                          meeting.date.medium_form()};

        ComposedPack pack = assemble_pack(plan, edition, numbered, *measurer, geometry, footer);
        if (!pack.pages.empty()) {
            place_logo(pack.pages.front().page, site, geometry.margins.outer);
            if (audience == content::Audience::members)
                add_members_banner(pack.pages.front().page, *measurer, geometry.margins,
                                   members_banner(meeting));
        }
        check_front_characters(numbered, *faces, meeting.location, sink);
        pack.info = pack_info(site, board, meeting, audience,
                              meeting.supplementary > 0
                                  ? "supplementary pack " + std::to_string(meeting.supplementary)
                                  : "meeting pack");
        pack.linearise = site.config.linearise_pdfs;
        pack.linearise_above = resources.linearise_above;
        pack.chart_fonts = resources.fonts;
        int agenda_pages = static_cast<int>(numbered.front.pages.size());
        Extracts extracts;
        auto cut = [&](PageExtractor& extractor) {
            extracts.agenda_pdf = extractor.extract(
                1, agenda_pages, {{"Agenda", 0, 0, {}}},
                pack_info(site, board, meeting, audience, "agenda"), extracts.agenda_error);
            extracts.reports =
                report_pdfs(extractor, plan, pack.info, audience, extracts.reports_error);
        };
        output.pack_pdf = render(pack, *faces, meeting.location, sink, cut);
        if (output.pack_pdf.empty())
            return output;
        output.agenda_pdf = std::move(extracts.agenda_pdf);
        if (output.agenda_pdf.empty())
            sink.error(meeting.location, "cannot write the agenda PDF: " + extracts.agenda_error);

        // Both editions count the members' pages.
        output.pack_json = pack_json(plan, numbered.pages);
        output.summary.built = !output.agenda_pdf.empty();
        output.summary.pages = static_cast<int>(pack.pages.size());
        output.summary.pack_file = output.pack_file;
        output.summary.agenda_file = output.agenda_file;
        output.summary.pack_bytes = output.pack_pdf.size();
        output.summary.agenda_pages = agenda_pages;
        output.summary.agenda_bytes = output.agenda_pdf.size();
        for (const ItemPlan& row : plan.items)
            output.summary.items.push_back(
                {row.item->number, row.first_page, row.last_page, "", 0, row.first_sheet});
        add_report_pdfs(output, std::move(extracts.reports), extracts.reports_error,
                        meeting.location, sink);
    } catch (const std::exception& failure) {
        sink.error(meeting.location,
                   "cannot build the meeting pack: " + std::string(failure.what()));
        output = PackOutput{};
    }
    return output;
}

} // namespace bp::pack

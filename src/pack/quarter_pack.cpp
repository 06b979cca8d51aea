#include "pack/haru_fonts.hpp"
#include "pack/pack.hpp"
#include "pack/pack_faces.hpp"
#include "pack/pack_plan.hpp"
#include "pack/page_furniture.hpp"
#include "pack/painter.hpp"
#include "pack/pdf_update.hpp"
#include "pack/post_pass.hpp"
#include "pack/text_measurer.hpp"

#include <exception>
#include <map>
#include <optional>
#include <qpdf/QPDFOutlineDocumentHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>

namespace bp::pack {

namespace {

using layout::FontStyle;

struct QuarterEntry {
    const content::Meeting* meeting = nullptr;
    QPDF* pdf = nullptr;
    const std::string* bytes = nullptr; // the pack as built
    int pages = 0;
    int first_index = 0; // 0-based page of the archive where the meeting's pack starts
};

std::vector<layout::Page> compose_contents(const content::Site& site, const content::Board& board,
                                           const std::string& quarter_label,
                                           const std::vector<QuarterEntry>& entries,
                                           const layout::TextMeasurer& measurer,
                                           const PackGeometry& geometry,
                                           std::vector<PlacedRow>& rows) {
    SheetStyle style;
    SheetWriter writer(measurer, geometry.width, geometry.height, geometry.margins, 1);
    writer.paragraph({site.config.organisation, FontStyle::bold, 9.5, style.muted});
    writer.space(4);
    writer.paragraph({board.name, FontStyle::bold, 20, style.accent});
    writer.space(6);
    writer.rule(1.2, style.accent);
    writer.space(10);
    writer.paragraph({"Meeting packs, " + quarter_label, FontStyle::bold, 14, style.text});
    writer.space(14);
    RowSpec header;
    for (const char* label : {"Meeting", "Status", "Pages in this archive"})
        header.cells.push_back({TextSpec{label, FontStyle::bold, 9, style.accent}});
    std::vector<RowSpec> table;
    for (const QuarterEntry& entry : entries) {
        RowSpec row;
        row.cells.push_back(
            {TextSpec{entry.meeting->date.long_form(), FontStyle::bold, 10, style.text}});
        std::string status = content::to_string(entry.meeting->status);
        if (!status.empty())
            status[0] = static_cast<char>(status[0] - 'a' + 'A');
        row.cells.push_back({TextSpec{status, FontStyle::regular, 9.5, style.text}});
        int first = entry.first_index + 1;
        int last = entry.first_index + entry.pages;
        row.cells.push_back(
            {TextSpec{"Pages " + std::to_string(first) + " – " + std::to_string(last),
                      FontStyle::regular, 9.5, style.text}});
        table.push_back(std::move(row));
    }
    rows = writer.table(header, table, style);
    writer.space(14);
    writer.paragraph({"Each meeting pack keeps its own page numbers; the bookmarks and page "
                      "labels of this archive follow them.",
                      FontStyle::italic, 9, style.muted});
    return std::move(writer.pages);
}

int page_index_of(const std::map<QPDFObjGen, int>& indexes, QPDFObjectHandle page) {
    auto found = indexes.find(page.getObjGen());
    return found == indexes.end() ? -1 : found->second;
}

std::map<QPDFObjGen, int> page_indexes(QPDF& pdf) {
    std::map<QPDFObjGen, int> indexes;
    int index = 0;
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages())
        indexes[page.getObjectHandle().getObjGen()] = index++;
    return indexes;
}

// Copying a page copies whatever its links point at. Links into the same pack would drag in
// copies of their target pages, so they are pointed at page numbers first and reattached to
// the archive's pages after the copy.
void detach_link_targets(QPDF& pack) {
    auto indexes = page_indexes(pack);
    for (auto& page : QPDFPageDocumentHelper(pack).getAllPages()) {
        for (auto& annotation : page.getAnnotations("/Link")) {
            QPDFObjectHandle dest = annotation.getObjectHandle().getKey("/Dest");
            if (dest.isArray() && dest.getArrayNItems() > 0)
                dest.setArrayItem(
                    0, QPDFObjectHandle::newInteger(page_index_of(indexes, dest.getArrayItem(0))));
        }
    }
}

void reattach_link_targets(QPDF& archive, int first_index, int pages) {
    auto all = QPDFPageDocumentHelper(archive).getAllPages();
    for (int i = first_index; i < first_index + pages && i < static_cast<int>(all.size()); ++i) {
        for (auto& annotation : all[i].getAnnotations("/Link")) {
            QPDFObjectHandle dest = annotation.getObjectHandle().getKey("/Dest");
            if (!dest.isArray() || dest.getArrayNItems() == 0 || !dest.getArrayItem(0).isInteger())
                continue;
            int target = first_index + dest.getArrayItem(0).getIntValueAsInt();
            if (target >= first_index && target < first_index + pages)
                dest.setArrayItem(0, all[target].getObjectHandle());
            else
                annotation.getObjectHandle().removeKey("/Dest");
        }
    }
}

// The pack's own top-level bookmarks, pointing into the archive.
std::vector<OutlineEntry> pack_bookmarks(QPDF& pack, int first_index) {
    std::vector<OutlineEntry> entries;
    auto indexes = page_indexes(pack);
    QPDFOutlineDocumentHelper outlines(pack);
    for (auto& outline : outlines.getTopLevelOutlines()) {
        int index = page_index_of(indexes, outline.getDestPage());
        if (index >= 0)
            entries.push_back({outline.getTitle(), first_index + index, 0, {}});
    }
    return entries;
}

// `pages` (of another document) before the archive's first page, in their order.
void put_in_front(QPDFPageDocumentHelper& archive_pages,
                  const std::vector<QPDFPageObjectHelper>& pages) {
    QPDFPageObjectHelper first = archive_pages.getAllPages().front();
    for (const auto& page : pages)
        archive_pages.addPageAt(page, true, first);
}

// A copy of every page of `pack` after the archive's last, its links kept within it.
void append_pack(QPDFPageDocumentHelper& archive_pages, QPDF& archive, QPDF& pack, int index,
                 int pages) {
    detach_link_targets(pack);
    for (auto& page : QPDFPageDocumentHelper(pack).getAllPages())
        archive_pages.addPage(page, false);
    reattach_link_targets(archive, index, pages);
}

// Each meeting's pack opened (kept alive by `sources`), with its page count.
std::vector<QuarterEntry> open_packs(const std::vector<ArchivedMeetingPack>& packs,
                                     ForeignSources& sources) {
    std::vector<QuarterEntry> entries;
    for (const ArchivedMeetingPack& pack : packs) {
        if (!pack.meeting || pack.pack_pdf.empty())
            continue;
        QuarterEntry entry;
        entry.meeting = pack.meeting;
        entry.bytes = &pack.pack_pdf;
        entry.pdf = &sources.open_memory(pack.pack_pdf, pack.meeting->slug + ".pdf");
        entry.pages = static_cast<int>(QPDFPageDocumentHelper(*entry.pdf).getAllPages().size());
        entries.push_back(entry);
    }
    return entries;
}

// The archive's own pages: the contents with their footers, a blank back when they end on a
// left-hand page, then one spare blank for each pack of odd length (moved into place after
// that pack, so the next starts on a right-hand page). Sets each entry's first_index.
struct ArchiveFront {
    ComposedPack pages;
    int front_pages = 0; // the contents and their blank back
};
ArchiveFront compose_front(const content::Site& site, const content::Board& board,
                           const std::string& quarter_label, std::vector<QuarterEntry>& entries,
                           const HaruTextMeasurer& measurer) {
    PackGeometry geometry = pack_geometry(site.config);
    FooterText footer{board.short_name.empty() ? board.name : board.short_name, quarter_label};
    // The contents may run to several pages, which moves every pack: settle the count.
    std::vector<layout::Page> contents;
    std::vector<PlacedRow> rows;
    int contents_pages = 1;
    for (int pass = 0; pass < 4; ++pass) {
        int next = contents_pages + (contents_pages % 2); // each pack starts right-hand
        for (QuarterEntry& entry : entries) {
            entry.first_index = next;
            next += entry.pages + (entry.pages % 2);
        }
        contents = compose_contents(site, board, quarter_label, entries, measurer, geometry, rows);
        if (static_cast<int>(contents.size()) == contents_pages)
            break;
        contents_pages = static_cast<int>(contents.size());
    }
    ArchiveFront front;
    for (std::size_t i = 0; i < contents.size(); ++i) {
        ComposedPage page;
        page.page = contents[i];
        add_footer(page.page, measurer, geometry.margins, footer, static_cast<int>(i) + 1, false);
        front.pages.pages.push_back(std::move(page));
    }
    front.front_pages = static_cast<int>(contents.size() + contents.size() % 2);
    int spares = 0;
    for (const QuarterEntry& entry : entries)
        spares += entry.pages % 2;
    while (static_cast<int>(front.pages.pages.size()) < front.front_pages + spares) {
        ComposedPage blank;
        blank.page = blank_page(measurer, geometry.width, geometry.height);
        front.pages.pages.push_back(std::move(blank));
    }
    return front;
}

// The archive's own pages painted and opened, set in the first pack's fonts for the styles
// `in_pack` covers, and in subsets of their own for the rest: the pack's fonts are taken off
// the pages, to be put back as the pack's once the pages are in the archive. Null when the
// pages cannot be painted so.
QPDF* painted_in_pack_fonts(const ComposedPack& pages, const UsedGlyphs& glyphs,
                            const FontFaces& faces, const PackFaces& in_pack,
                            ForeignSources& sources) {
    SubsetFonts cut;
    std::string error;
    auto chosen = faces_to_paint(in_pack, faces, glyphs, cut, error);
    std::string painted = chosen ? paint_with_faces(pages, *chosen, glyphs, error) : "";
    if (painted.empty())
        return nullptr;
    QPDF& contents = sources.open_memory(std::move(painted), "contents.pdf");
    auto painted_pages = QPDFPageDocumentHelper(contents).getAllPages();
    return take_off_fonts(contents, painted_pages, in_pack, glyphs) ? &contents : nullptr;
}

// The archive's own pages, painted and opened: in the first pack's fonts where `in_pack` has
// them, else (and `in_pack` is reset) in subsets of their own.
QPDF* paint_contents(const ComposedPack& pages, const UsedGlyphs& glyphs, const FontFaces& faces,
                     std::optional<PackFaces>& in_pack, ForeignSources& sources,
                     std::string& error) {
    QPDF* contents =
        in_pack ? painted_in_pack_fonts(pages, glyphs, faces, *in_pack, sources) : nullptr;
    if (!contents) {
        in_pack.reset();
        std::string painted = paint_with_font_subsets(pages, faces, glyphs, error);
        if (painted.empty())
            return nullptr;
        contents = &sources.open_memory(std::move(painted), "contents.pdf");
    }
    repair_font_maps(*contents, glyphs);
    compress_plain_streams(*contents);
    return contents;
}

// The archive's pages in order, with its bookmarks and page labels. The first meeting's pack
// is the archive: its pages stay where they are, links and all, and the contents go in front
// (copying every pack into the contents' document instead cost a seventh of the archive
// pack's time). Later packs are copied in after it.
void assemble(QPDF& archive, const std::vector<QuarterEntry>& entries,
              const std::vector<QPDFPageObjectHelper>& painted_pages, int front_pages) {
    archive.getTrailer().removeKey("/ID"); // a new document, not a changed pack
    std::vector<QPDFPageObjectHelper> spare_blanks(painted_pages.rbegin(),
                                                   painted_pages.rend() - front_pages);
    QPDFPageDocumentHelper archive_pages(archive);
    std::vector<OutlineEntry> outline{{"Contents", 0, 0, {}}};
    std::vector<PageLabelRange> labels{{0, "Contents ", true, 1}};
    for (const QuarterEntry& entry : entries) {
        bool first = &entry == &entries.front();
        int index = first ? front_pages : static_cast<int>(archive_pages.getAllPages().size());
        std::vector<OutlineEntry> bookmarks = pack_bookmarks(*entry.pdf, index);
        if (first)
            put_in_front(archive_pages,
                         {painted_pages.begin(), painted_pages.begin() + front_pages});
        else
            append_pack(archive_pages, archive, *entry.pdf, index, entry.pages);
        std::string date = entry.meeting->date.medium_form();
        outline.push_back({date + " meeting", index, 0, std::move(bookmarks)});
        labels.push_back({index, date + " – ", true, 1});
        if (entry.pages % 2 == 1 && !spare_blanks.empty()) {
            archive_pages.addPage(spare_blanks.back(), false);
            spare_blanks.pop_back();
        }
    }
    write_outline(archive, outline);
    write_page_labels(archive, labels);
}

// The archive as an update of its first pack (pdf_update.hpp): that pack's bytes stay as
// they are, and only what assembly made or replaced is written after them (writing the whole
// archive again was over a third of its cost). An archive that is to be linearised is
// written whole, as is one whose first pack cannot take an update.
std::string write_archive(QPDF& archive, const std::vector<QuarterEntry>& entries, bool linearise,
                          std::size_t linearise_above) {
    const std::string& first_pack = *entries.front().bytes;
    std::size_t packs_bytes = 0;
    for (const QuarterEntry& entry : entries)
        packs_bytes += entry.bytes->size();
    bool may_be_linearised = linearise && packs_bytes > linearise_above;
    if (!may_be_linearised && can_take_update(first_pack, archive)) {
        // The catalogue, the page tree and every page (their /Parent) are what assembly
        // changed in the first pack; everything else it made is new.
        std::vector<QPDFObjectHandle> changed{archive.getRoot(),
                                              archive.getRoot().getKey("/Pages")};
        for (auto& page : QPDFPageDocumentHelper(archive).getAllPages())
            changed.push_back(page.getObjectHandle());
        std::string updated = append_update(first_pack, archive, changed);
        if (!linearise || updated.size() <= linearise_above) {
            stamp_content_id(updated);
            return updated;
        }
    }
    return write_for_web(archive, linearise, linearise_above);
}

DocumentInfo archive_info(const content::Site& site, const content::Board& board,
                          const std::string& quarter_label, const content::Meeting& last) {
    DocumentInfo info;
    info.title = board.name + " – " + quarter_label + " – meeting packs";
    info.author = site.config.organisation;
    info.subject = "Archive of the meeting packs of the " + board.name + ", " + quarter_label;
    info.keywords = board.short_name + ", board packs, archive";
    info.date_iso = last.date.iso();
    return info;
}

} // namespace

std::string build_quarter_pack(const content::Site& site, const content::Board& board,
                               const std::string& quarter_label,
                               const std::vector<ArchivedMeetingPack>& packs,
                               const PackResources& resources, DiagnosticSink& sink) {
    const HaruTextMeasurer* measurer = HaruTextMeasurer::for_this_thread(resources.fonts);
    const FontFaces* faces = FontFaces::for_this_thread(resources.fonts);
    if (!measurer || !faces) {
        sink.error(board.location, "cannot load the pack fonts (" + resources.fonts.family +
                                       ") from " + resources.fonts.paths[0]);
        return {};
    }
    try {
        ForeignSources sources;
        std::vector<QuarterEntry> entries = open_packs(packs, sources);
        if (entries.empty()) {
            sink.error(board.location, "no meeting packs to archive for " + quarter_label);
            return {};
        }
        ArchiveFront front = compose_front(site, board, quarter_label, entries, *measurer);
        UsedGlyphs glyphs = collect_used_glyphs(front.pages, *faces);
        QPDF& archive = *entries.front().pdf;
        std::optional<PackFaces> in_pack = pack_faces_for(archive, glyphs);
        std::string error;
        QPDF* contents = paint_contents(front.pages, glyphs, *faces, in_pack, sources, error);
        if (!contents) {
            sink.error(board.location, "cannot paint the archive's contents: " + error);
            return {};
        }
        assemble(archive, entries, QPDFPageDocumentHelper(*contents).getAllPages(),
                 front.front_pages);
        if (in_pack)
            put_on_pack_fonts(archive, *in_pack, glyphs);
        write_info(archive, archive_info(site, board, quarter_label, *entries.back().meeting));
        return write_archive(archive, entries, site.config.linearise_pdfs,
                             resources.linearise_above);
    } catch (const std::exception& failure) {
        sink.error(board.location,
                   "cannot build the quarterly pack: " + std::string(failure.what()));
        return {};
    }
}

} // namespace bp::pack

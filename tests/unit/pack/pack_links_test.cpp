#include "pack/pack.hpp"
#include "pack_fixture.hpp"
#include "pdf_probe.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageLabelDocumentHelper.hh>
#include <regex>
#include <set>

using namespace bp;
using namespace bp::pack;
using namespace bp::pack::testing;

namespace {

// The pages (1-based) that the links on pages 1..`link_pages` go to, one entry a link.
std::multiset<int> link_targets(std::vector<QPDFPageObjectHelper>& pages, int link_pages) {
    std::multiset<int> targets;
    for (int page = 0; page < link_pages; ++page)
        for (auto& annotation : pages[page].getAnnotations("/Link")) {
            QPDFObjectHandle dest = annotation.getObjectHandle().getKey("/Dest");
            REQUIRE(dest.isArray());
            for (std::size_t i = 0; i < pages.size(); ++i)
                if (pages[i].getObjectHandle().getObjGen() == dest.getArrayItem(0).getObjGen())
                    targets.insert(static_cast<int>(i) + 1);
        }
    return targets;
}

// Each item's first page, once an item.
std::multiset<int> item_first_pages(const PackOutput& output) {
    std::multiset<int> pages;
    for (const auto& item : output.summary.items)
        if (item.first_page > 0)
            pages.insert(item.first_page);
    return pages;
}

} // namespace

TEST_CASE("agenda rows link to their items' first pages and labels match printed numbers") {
    auto fixture = make_fixture("links");
    DiagnosticSink sink;
    PackOutput output = public_pack(*fixture, sink);
    REQUIRE_FALSE(output.pack_pdf.empty());
    QPDF pdf;
    pdf.processMemoryFile("pack.pdf", output.pack_pdf.data(), output.pack_pdf.size());
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    REQUIRE(static_cast<int>(pages.size()) == output.summary.pages);

    CHECK(link_targets(pages, 1) == item_first_pages(output));

    QPDFPageLabelDocumentHelper labels(pdf);
    REQUIRE(labels.hasPageLabels());
    CHECK(labels.getLabelForPage(0).getKey("/S").getName() == "/D");
    // The agenda-only PDF has no links into pages it does not contain.
    QPDF agenda;
    agenda.processMemoryFile("agenda.pdf", output.agenda_pdf.data(), output.agenda_pdf.size());
    auto agenda_pages = QPDFPageDocumentHelper(agenda).getAllPages();
    CHECK(static_cast<int>(agenda_pages.size()) == output.summary.agenda_pages);
    CHECK(agenda_pages[0].getAnnotations("/Link").empty());
}

TEST_CASE("the Part 2 heading takes a row of its own above the first exempt item") {
    auto fixture = make_fixture("links-part-two");
    content::Meeting meeting = fixture->meeting;
    // Item 4 taken last, in Part 2, with a paper of its own, as the members see it.
    auto at = std::find_if(meeting.items.begin(), meeting.items.end(),
                           [](const content::AgendaItem& item) { return item.number == "4"; });
    REQUIRE(at != meeting.items.end());
    content::AgendaItem exempt = *at;
    meeting.items.erase(at);
    exempt.withheld = false;
    exempt.part_two = true;
    exempt.exempt.paragraph = 3;
    exempt.papers.push_back(markdown_paper("Problem profile", "profile", 2));
    meeting.items.push_back(exempt);
    DiagnosticSink sink;
    PackOutput output = build_meeting_pack(fixture->site, fixture->board, meeting,
                                           content::Audience::members, resources(), sink);
    REQUIRE_FALSE(sink.has_errors());
    std::string path = save_pdf(fixture->folder, "pack-members.pdf", output.pack_pdf);
    std::string agenda;
    for (int page = 1; page <= output.summary.agenda_pages; ++page)
        agenda += page_text(path, page);
    // The item's number stands on its title's line; the heading's line has no number.
    CHECK(std::regex_search(agenda, std::regex(R"(\n\s*4\s+Serious violence problem profile)")));
    CHECK(std::regex_search(agenda, std::regex(R"(\n\s*Part 2: exclusion of the press)")));
    CHECK_FALSE(std::regex_search(agenda, std::regex(R"(\n\s*4\s+Part 2)")));
    CHECK(agenda.find("Part 2") < agenda.find("Serious violence problem profile"));

    // One link an item still, each to its item's first page: the heading row has none.
    QPDF pdf;
    pdf.processMemoryFile("pack.pdf", output.pack_pdf.data(), output.pack_pdf.size());
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    CHECK(link_targets(pages, output.summary.agenda_pages) == item_first_pages(output));
}

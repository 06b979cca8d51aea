#include "pack/pack.hpp"
#include "pack_fixture.hpp"

#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageLabelDocumentHelper.hh>
#include <set>

using namespace bp;
using namespace bp::pack;
using namespace bp::pack::testing;

TEST_CASE("agenda rows link to their items' first pages and labels match printed numbers") {
    auto fixture = make_fixture("links");
    DiagnosticSink sink;
    PackOutput output = build_meeting_pack(fixture->site, fixture->board, fixture->meeting,
                                           content::Audience::public_audience, resources(), sink);
    REQUIRE_FALSE(output.pack_pdf.empty());
    QPDF pdf;
    pdf.processMemoryFile("pack.pdf", output.pack_pdf.data(), output.pack_pdf.size());
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    REQUIRE(static_cast<int>(pages.size()) == output.summary.pages);

    std::set<int> targets;
    for (auto& annotation : pages[0].getAnnotations("/Link")) {
        QPDFObjectHandle dest = annotation.getObjectHandle().getKey("/Dest");
        REQUIRE(dest.isArray());
        for (std::size_t i = 0; i < pages.size(); ++i)
            if (pages[i].getObjectHandle().getObjGen() == dest.getArrayItem(0).getObjGen())
                targets.insert(static_cast<int>(i) + 1);
    }
    std::set<int> expected;
    for (const auto& item : output.summary.items)
        if (item.first_page > 0)
            expected.insert(item.first_page);
    CHECK(targets == expected);

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

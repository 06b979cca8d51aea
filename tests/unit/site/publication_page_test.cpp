#include "content/publish_record.hpp"
#include "core/output_tree.hpp"
#include "site/site_builder.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace bp;
namespace fs = std::filesystem;

namespace {

content::Site published_site() {
    content::Site site;
    site.config.title = "Harbour Papers";
    site.config.organisation = "Harbour Council";
    content::Board board;
    board.slug = "csp";
    board.name = "Community Safety Board";
    content::Meeting meeting;
    meeting.slug = "2017-09-12";
    meeting.date = {2017, 9, 12};
    meeting.title = "Safety Board, 12 Sep 2017";
    content::AgendaItem report;
    report.number = "7";
    report.title = "Performance report";
    content::AgendaItem late;
    late.number = "8";
    late.title = "Late report";
    late.supplementary = 1;
    meeting.items = {report, late};
    auto record = std::make_shared<content::PublishRecord>();
    record->date = "2017-09-05";
    meeting.published = record;
    meeting.republications = {{2, {2017, 9, 8}, "Table 3 corrected", {}},
                              {3, {2017, 9, 10}, "Appendix added", {}}};
    board.meetings = {meeting};
    site.boards = {board};
    return site;
}

std::string meeting_page(const content::Site& site, const content::PackSummary& pack) {
    fs::path destination = fs::temp_directory_path() / "bp-site-test-publication";
    OutputTree output(destination.string());
    DiagnosticSink sink;
    MemoryFileSystem source;
    site::SiteBuilder builder(site, content::Audience::public_audience, source,
                              BOARDPACK_SOURCE_ROOT, sink);
    builder.write_meeting(site.boards[0], site.boards[0].meetings[0], pack, output);
    std::ifstream in(output.staging_path("csp/2017-09-12/index.html"), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("the meeting page lists publication, each republication and supplementary packs") {
    content::PackSummary pack;
    pack.built = true;
    pack.pages = 12;
    pack.pack_bytes = 200000;
    pack.agenda_pages = 1;
    pack.agenda_bytes = 30000;
    pack.items = {{"7", 3, 12, "", 0}};
    pack.supplements = {{1, "supplementary-1.pdf", 5, 64000}};
    std::string html = meeting_page(published_site(), pack);
    CHECK(contains(html, "<dt>Published</dt><dd>5 September 2017 (version 1)</dd>"));
    CHECK(contains(html, "<dt>Papers last updated</dt><dd>10 September 2017"));
    CHECK(contains(html, "<li>Version 2, republished 8 September 2017: Table 3 corrected</li>"));
    CHECK(contains(html, "<li>Version 3, republished 10 September 2017: Appendix added</li>"));
    CHECK(contains(html, "<a class=\"downloads__link\" href=\"supplementary-1.pdf\">"
                         "Supplementary pack 1</a> <span class=\"downloads__detail\">PDF, 64 KB, "
                         "5 pages</span>"));
    CHECK(contains(html, "<a class=\"downloads__link\" href=\"figures.json\">Figures quoted in "
                         "the papers</a>"));
    // The late item points at the pack that holds it.
    CHECK(contains(html, "<a href=\"supplementary-1.pdf\">supplementary pack 1</a>"));
}

TEST_CASE("an unpublished meeting's page says nothing of publication") {
    content::Site site = published_site();
    auto& meeting = site.boards[0].meetings[0];
    meeting.published = nullptr;
    meeting.republications.clear();
    meeting.items.pop_back();
    std::string html = meeting_page(site, content::PackSummary{});
    CHECK_FALSE(contains(html, "<dt>Published</dt>"));
    CHECK_FALSE(contains(html, "republished"));
    CHECK_FALSE(contains(html, "supplementary"));
}

// The meeting record on the site: what the public and the members see of attendance,
// declarations and decisions, and how the minutes link to the meetings.
#include "site/site_builder.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace bp;
namespace fs = std::filesystem;

namespace {

content::AgendaItem item(const std::string& number, const std::string& title) {
    content::AgendaItem item;
    item.number = number;
    item.title = title;
    return item;
}

content::Meeting meeting(const std::string& slug, Date date) {
    content::Meeting meeting;
    meeting.slug = slug;
    meeting.date = date;
    meeting.title = "Board, " + date.medium_form();
    meeting.status = content::MeetingStatus::held;
    return meeting;
}

// June's minutes are item 3 of September's agenda; June's item 9 was restricted.
content::Site record_site(content::Security minutes_security) {
    content::Site site;
    site.config.title = "Papers";
    content::Board board;
    board.slug = "csp";
    board.name = "Community Safety Board";
    board.members = {{"Cllr Jo Tan", "Cabinet Member", "Council", "Chair"},
                     {"Ravi Patel", "Inspector", "Police", ""}};

    auto june = meeting("2017-06-13", {2017, 6, 13});
    auto secret = item("9", "Problem profile");
    secret.restricted = true;
    june.items = {item("7", "Performance"), secret};
    june.declarations = {{"Ravi Patel", "9", "HIDDEN-INTEREST", {}},
                         {"Cllr Jo Tan", "7", "Lives in the ward", {}}};
    content::MinutesRecord record;
    record.holder = "2017-09-12";
    record.holder_item = "3";
    record.paper_source = "content/csp/2017-09-12/03-minutes.md";
    record.attendance.present = {{"Cllr Jo Tan", "Chair", "Cllr Jo Tan", {}}};
    record.attendance.apologies = {{"Ravi Patel", "", "Ravi Patel", {}}};
    record.decisions = {
        {"7", "Performance", "It was agreed that the report be noted.", {}, "7-performance", {}},
        {"9", "Problem profile", "HIDDEN-DECISION", {}, "9-problem-profile", {}}};
    june.minutes = record;

    auto september = meeting("2017-09-12", {2017, 9, 12});
    auto minutes_item = item("3", "Minutes of the meeting held on 13 June 2017");
    content::Paper minutes;
    minutes.slug = "minutes";
    minutes.title = "Minutes of the meeting held on 13 June 2017";
    minutes.kind = "minutes";
    minutes.security = minutes_security;
    minutes.source_path = record.paper_source;
    minutes.body_loaded = true;
    minutes_item.papers = {minutes};
    september.items = {minutes_item};
    board.meetings = {june, september};
    site.boards = {board};
    return site;
}

std::map<std::string, std::string> build(const content::Site& site, content::Audience audience,
                                         const std::string& name) {
    MemoryFileSystem source;
    DiagnosticSink sink;
    fs::path destination = fs::temp_directory_path() / ("bp-record-test-" + name);
    OutputTree output(destination.string());
    site::SiteBuilder builder(site, audience, source, BOARDPACK_SOURCE_ROOT, sink);
    for (const auto& meeting : site.boards[0].meetings)
        builder.write_meeting(site.boards[0], meeting, {}, output);
    builder.write_site_pages(output);
    std::map<std::string, std::string> files;
    for (const auto& path : output.written()) {
        std::ifstream in(output.staging_path(path), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        files[path] = text.str();
    }
    return files;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("the meeting page shows attendance, declarations and decisions linked to the minute") {
    auto files = build(record_site(content::Security::unprotected),
                       content::Audience::public_audience, "public");
    const std::string& june = files["csp/2017-06-13/index.html"];
    CHECK(contains(june, "<a href=\"../../csp/2017-09-12/3-minutes.html\">Draft minutes</a>"));
    CHECK(contains(june, "<dt>Present</dt><dd>Cllr Jo Tan (Chair)</dd>"));
    CHECK(contains(june, "<dt>Apologies</dt><dd>Ravi Patel</dd>"));
    CHECK(contains(june, "<strong>Cllr Jo Tan</strong> (item 7): Lives in the ward"));
    CHECK(contains(june, "href=\"../../csp/2017-09-12/3-minutes.html#7-performance\">Minute 7"));
    // Nothing of the restricted item reaches the public, here or on the decisions page.
    CHECK_FALSE(contains(june, "HIDDEN-INTEREST"));
    CHECK_FALSE(contains(june, "HIDDEN-DECISION"));
    const std::string& decisions = files["csp/decisions.html"];
    CHECK(contains(decisions, "It was agreed that the report be noted."));
    CHECK(contains(decisions, ">1 decision.</p>"));
    // On a phone the table restacks: each cell names its column.
    CHECK(contains(decisions, "<table class=\"decisions-table table--stack\""));
    CHECK(contains(decisions, "<td data-label=\"Decision\">It was agreed"));
    CHECK(contains(decisions, "<td data-label=\"Meeting\"><a href=\"2017-06-13/index.html\">"));
    CHECK(contains(decisions, "<td data-label=\"Minutes\"><a href="));
    CHECK_FALSE(contains(decisions, "HIDDEN-DECISION"));
    const std::string& minutes = files["csp/2017-09-12/3-minutes.html"];
    CHECK(
        contains(minutes, "the meeting of <a href=\"../2017-06-13/index.html\">13 June 2017</a>"));
    CHECK(contains(minutes, "Draft minutes, not yet approved"));
    CHECK(contains(files["csp/index.html"], "<td>1 of 1</td>"));
}

TEST_CASE("the members see the restricted item's declaration and decision") {
    auto files =
        build(record_site(content::Security::unprotected), content::Audience::members, "members");
    CHECK(contains(files["csp/2017-06-13/index.html"], "HIDDEN-INTEREST"));
    CHECK(contains(files["csp/decisions.html"], "HIDDEN-DECISION"));
}

TEST_CASE("minutes withheld from the public leave only their status on the meeting page") {
    auto files = build(record_site(content::Security::restricted),
                       content::Audience::public_audience, "withheld");
    const std::string& june = files["csp/2017-06-13/index.html"];
    CHECK(contains(june, "<dt>Minutes</dt><dd>Draft minutes, not yet approved</dd>"));
    CHECK_FALSE(contains(june, "id=\"attendance\""));
    CHECK_FALSE(contains(june, "report be noted"));
    CHECK(files.count("csp/decisions.html") == 1);
    CHECK_FALSE(contains(files["csp/decisions.html"], "report be noted"));
}

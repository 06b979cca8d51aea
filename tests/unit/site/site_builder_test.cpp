#include "site/site_builder.hpp"
#include "site/site_paths.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using namespace bp;
namespace fs = std::filesystem;

namespace {

doc::Block paragraph(const std::string& text) {
    doc::Block block;
    block.kind = doc::BlockKind::paragraph;
    block.inlines = {{doc::InlineKind::text, text}};
    return block;
}

content::Paper paper(const std::string& slug, const std::string& title, const std::string& body) {
    content::Paper paper;
    paper.slug = slug;
    paper.title = title;
    paper.author = "Ama Mensah";
    paper.contact = "ama.mensah@example.org";
    paper.summary = "Summary of " + title;
    paper.date = Date{2017, 9, 1};
    paper.body_loaded = true;
    paper.body.blocks = {paragraph(body)};
    return paper;
}

content::AgendaItem item(const std::string& number, const std::string& title) {
    content::AgendaItem item;
    item.number = number;
    item.title = title;
    item.presenter = "Chair";
    item.minutes = 10;
    return item;
}

content::Meeting meeting(const std::string& slug, Date date, content::MeetingStatus status) {
    content::Meeting meeting;
    meeting.slug = slug;
    meeting.date = date;
    meeting.title = "Safety Board, " + date.medium_form();
    meeting.start_minutes = 14 * 60;
    meeting.end_minutes = 16 * 60;
    meeting.venue = "Room 2, Civic Centre";
    meeting.status = status;
    return meeting;
}

content::Site example_site() {
    content::Site site;
    site.config.title = "Harbour Papers";
    site.config.organisation = "Harbour <Borough> Council";
    site.config.base_url = "https://intranet.example/boards/";
    site.config.language = "en-GB";
    content::Board board;
    board.slug = "csp";
    board.name = "Community Safety Board";
    board.short_name = "CSP Board";
    board.purpose = "Keeps Harbour safe & well.";
    board.members = {{"Cllr Jo Tan", "Cabinet Member", "Harbour Council", "Chair"}};
    board.contact = {"Sam Lee", "Clerk", "sam.lee@example.org", "01234 567890"};

    auto september = meeting("2017-09-12", {2017, 9, 12}, content::MeetingStatus::held);
    auto minutes = item("3", "Minutes");
    minutes.papers = {paper("minutes", "Minutes of the June meeting", "Agreed <all> actions.")};
    auto performance = item("7", "Performance");
    performance.papers = {paper("performance", "Performance report", "Burglary is up.")};
    auto secret = item("9", "Problem profile");
    secret.restricted = true;
    secret.presenter = "Detective Inspector Hidden";
    secret.papers = {paper("profile", "Problem profile", "SECRET-BODY-TEXT")};
    september.items = {minutes, performance, secret};

    auto march = meeting("2018-03-13", {2018, 3, 13}, content::MeetingStatus::scheduled);
    march.items = {item("1", "Welcome")};
    march.items[0].verbal = true;
    board.meetings = {september, march};
    site.boards = {board};
    return site;
}

content::PackSummary pack_summary() {
    content::PackSummary pack;
    pack.built = true;
    pack.pages = 46;
    pack.pack_bytes = 1234567;
    pack.agenda_pages = 2;
    pack.agenda_bytes = 45000;
    pack.items = {{"3", 5, 8, "pack-item-3.pdf", 52000}, {"7", 9, 20, "pack-item-7.pdf", 380000}};
    return pack;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Builds the whole site into a staging folder and hands back every file's text.
struct BuiltSite {
    std::map<std::string, std::string> files;
    DiagnosticSink sink;

    // `jobs`: the threads the site-wide pages are written on; 0 writes the whole site at once.
    BuiltSite(const content::Site& site, content::Audience audience, const FileSystem& source,
              const std::string& name, unsigned jobs = 0) {
        fs::path destination = fs::temp_directory_path() / ("bp-site-test-" + name);
        OutputTree output(destination.string());
        site::SiteBuilder builder(site, audience, source, BOARDPACK_SOURCE_ROOT, sink);
        const auto& board = site.boards[0];
        for (const auto& meeting : board.meetings)
            builder.write_meeting(
                board, meeting,
                meeting.slug == "2017-09-12" ? pack_summary() : content::PackSummary{}, output);
        if (jobs == 0) {
            builder.write_site_pages(output);
        } else {
            builder.write_board_pages(board, output);
            builder.write_site_wide_pages(output, jobs);
        }
        for (const auto& path : output.written())
            files[path] = read_file(output.staging_path(path));
    }

    const std::string& page(const std::string& path) const {
        static const std::string missing;
        auto found = files.find(path);
        return found == files.end() ? missing : found->second;
    }
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("the site has every page in the documented layout") {
    MemoryFileSystem source;
    BuiltSite built(example_site(), content::Audience::members, source, "layout");
    CHECK(built.sink.error_count() == 0);
    for (const char* path : {"index.html",
                             "404.html",
                             "archive/index.html",
                             "search/index.html",
                             "feed.xml",
                             "sitemap.xml",
                             "csp/index.html",
                             "csp/calendar.ics",
                             "csp/2017-09-12/index.html",
                             "csp/2017-09-12/3-minutes.html",
                             "csp/2017-09-12/7-performance.html",
                             "csp/2017-09-12/9-profile.html",
                             "csp/2018-03-13/index.html",
                             "assets/css/site.css",
                             "assets/css/print.css",
                             "assets/js/site.js",
                             "assets/js/search.js",
                             "calendar/index.html",
                             "csp/feed.xml",
                             "search/index/meta.js"})
        CHECK_MESSAGE(built.files.count(path) == 1, path);
}

TEST_CASE("a paper page has its breadcrumb, title block, escaped body, pack link and neighbours") {
    MemoryFileSystem source;
    BuiltSite built(example_site(), content::Audience::public_audience, source, "paper");
    const std::string& html = built.page("csp/2017-09-12/3-minutes.html");
    CHECK(contains(html, "<html lang=\"en-GB\">"));
    CHECK(contains(html, "<a href=\"../../index.html\">Home</a>"));
    CHECK(contains(html, "<a href=\"../../csp/index.html\">CSP Board</a>"));
    CHECK(contains(html, "<span aria-current=\"page\">Minutes of the June meeting</span>"));
    CHECK(contains(html, "<h1>Minutes of the June meeting</h1>"));
    CHECK(contains(html, "<a href=\"mailto:ama.mensah@example.org\">ama.mensah@example.org</a>"));
    CHECK(contains(html, "<p>Agreed &lt;all&gt; actions.</p>"));
    CHECK(contains(html, "<a href=\"pack.pdf#page=5\">pages 5\xE2\x80\x93"
                         "8 of the meeting pack</a>"));
    CHECK(contains(html, "href=\"7-performance.html\" rel=\"next\""));
    CHECK_FALSE(contains(html, "rel=\"prev\""));
    CHECK(contains(html, "Published by Harbour &lt;Borough&gt; Council."));
    // One h1 per page.
    CHECK(html.find("<h1") == html.rfind("<h1"));
}

TEST_CASE("the meeting page lists the agenda with times, pages and downloads with sizes") {
    MemoryFileSystem source;
    BuiltSite built(example_site(), content::Audience::public_audience, source, "meeting");
    const std::string& html = built.page("csp/2017-09-12/index.html");
    CHECK(contains(html, "<dd>Tuesday 12 September 2017</dd>"));
    CHECK(contains(html, "<dd>2:00 pm to 4:00 pm</dd>"));
    CHECK(contains(html, "<a class=\"downloads__link\" href=\"pack.pdf\">Full meeting pack</a> "
                         "<span class=\"downloads__detail\">PDF, 1.2 MB, 46 pages</span>"));
    CHECK(contains(html, "PDF, 45 KB, 2 pages"));
    CHECK(contains(html, "<a href=\"3-minutes.html\">Minutes of the June meeting</a>"));
    CHECK(contains(html, "<a href=\"pack.pdf#page=9\">pages 9\xE2\x80\x93"
                         "20</a>"));
    // Items run 2:00, 2:10, 2:20.
    CHECK(contains(html, "2:10 pm"));
    CHECK(contains(html, "2:20 pm"));
    CHECK(contains(html, "<a class=\"pager__link pager__link--next\" "
                         "href=\"../2018-03-13/index.html\" rel=\"next\">"));
}

TEST_CASE("the public see only the title of a restricted item, anywhere in the site") {
    MemoryFileSystem source;
    BuiltSite built(example_site(), content::Audience::public_audience, source, "public");
    const std::string& agenda = built.page("csp/2017-09-12/index.html");
    CHECK(contains(agenda, "Problem profile"));
    CHECK(contains(agenda, "Not for publication"));
    CHECK(built.files.count("csp/2017-09-12/9-profile.html") == 0);
    for (const auto& [path, text] : built.files) {
        CHECK_MESSAGE(!contains(text, "SECRET-BODY-TEXT"), path);
        CHECK_MESSAGE(!contains(text, "Detective Inspector Hidden"), path);
        CHECK_MESSAGE(!contains(text, "Summary of Problem profile"), path);
    }
    BuiltSite members(example_site(), content::Audience::members, source, "members");
    CHECK(contains(members.page("csp/2017-09-12/9-profile.html"), "SECRET-BODY-TEXT"));
    CHECK(contains(members.page("csp/2017-09-12/index.html"), "Members only"));
}

TEST_CASE("the board page has membership, contact and meetings by financial year") {
    MemoryFileSystem source;
    BuiltSite built(example_site(), content::Audience::public_audience, source, "board");
    const std::string& html = built.page("csp/index.html");
    CHECK(contains(html, "<h1>Community Safety Board</h1>"));
    CHECK(contains(html, "<p class=\"lead\">Keeps Harbour safe &amp; well.</p>"));
    CHECK(contains(html, "<tr><th scope=\"row\">Cllr Jo Tan</th><td>Chair</td>"));
    CHECK(contains(html, "<a href=\"mailto:sam.lee@example.org\">sam.lee@example.org</a>"));
    CHECK(contains(html, "href=\"tel:01234567890\""));
    // September 2017 and March 2018 fall in the same April-to-March year.
    CHECK(contains(html, "Financial year 2017/18"));
    CHECK(html.find("Financial year") == html.rfind("Financial year"));
    const std::string& archive = built.page("archive/index.html");
    CHECK(contains(archive, "Quarter 2: July to September"));
    CHECK(contains(archive, "Quarter 4: January to March"));
}

TEST_CASE("the home page shows boards, upcoming meetings and latest papers") {
    MemoryFileSystem source;
    BuiltSite built(example_site(), content::Audience::public_audience, source, "home");
    const std::string& html = built.page("index.html");
    CHECK(contains(html, "<a href=\"csp/index.html\">Community Safety Board</a>"));
    CHECK(contains(html, "<a href=\"csp/2018-03-13/index.html\">Tuesday 13 March 2018</a>"));
    CHECK(contains(html, "<a href=\"csp/2017-09-12/7-performance.html\">Performance report</a>"));
    CHECK(contains(html, "<link rel=\"stylesheet\" href=\"assets/css/site.css\">"));
}

TEST_CASE("the meeting page lists each item's own PDF with its size and pages") {
    MemoryFileSystem source;
    BuiltSite built(example_site(), content::Audience::public_audience, source, "reports");
    const std::string& html = built.page("csp/2017-09-12/index.html");
    CHECK(contains(html, "<a class=\"downloads__link\" href=\"pack-item-7.pdf\">Item 7: "
                         "Performance</a> <span class=\"downloads__detail\">PDF, 380 KB, 12 "
                         "pages</span>"));
    CHECK(contains(html, "href=\"pack-item-3.pdf\""));
    // pack.json is for tools, not readers: only the members' page offers it.
    CHECK_FALSE(contains(html, "pack.json"));
    const std::string& paper = built.page("csp/2017-09-12/7-performance.html");
    CHECK(contains(paper, "<a href=\"pack-item-7.pdf\">This item\xE2\x80\x99s pages from the "
                          "meeting pack</a> <span class=\"file-type\">(PDF, 380 KB, 12 "
                          "pages)</span>"));
}

TEST_CASE("meetings by month: newest month first, days with meetings linked to the list") {
    MemoryFileSystem source;
    BuiltSite built(example_site(), content::Audience::public_audience, source, "by-month");
    const std::string& html = built.page("calendar/index.html");
    auto march = html.find("<h2 id=\"month-2018-03\">March 2018</h2>");
    auto september = html.find("<h2 id=\"month-2017-09\">September 2017</h2>");
    CHECK(march != std::string::npos);
    CHECK(september != std::string::npos);
    CHECK(march < september);
    // 1 September 2017 was a Friday: four blank days before it.
    CHECK(contains(html, "<tr><td></td><td></td><td></td><td></td><td>1</td><td>2</td>"));
    CHECK(contains(html,
                   "<td class=\"month__day--meeting\"><a href=\"#meeting-2017-09-12\">12<span "
                   "class=\"visually-hidden\"> (1 meeting)</span></a></td>"));
    CHECK(contains(html, "<li class=\"month__meeting\" id=\"meeting-2017-09-12\"><a "
                         "href=\"../csp/2017-09-12/index.html\">Tuesday 12 September 2017</a>"));
    CHECK(contains(built.page("index.html"), "href=\"calendar/index.html\""));
    // The meeting page says when its papers last changed.
    CHECK(contains(built.page("csp/2017-09-12/index.html"),
                   "<dt>Papers last updated</dt><dd>1 September 2017</dd>"));
}

TEST_CASE("the 404 page links from the site's own path, so it works at any depth") {
    MemoryFileSystem source;
    BuiltSite built(example_site(), content::Audience::public_audience, source, "not-found");
    const std::string& html = built.page("404.html");
    CHECK(contains(html, "<link rel=\"stylesheet\" href=\"/boards/assets/css/site.css\">"));
    CHECK(contains(html, "<a href=\"/boards/index.html\">home page</a>"));
    CHECK(contains(html, "href=\"/boards/csp/index.html\""));
    CHECK_FALSE(contains(html, "href=\"index.html\""));
    CHECK(site::site_root_path("https://intranet.example/boards") == "/boards/");
    CHECK(site::site_root_path("https://intranet.example") == "/");
    CHECK(site::site_root_path("") == "/");
    CHECK(site::site_root_path("https://e.example/a/b/?x=1") == "/a/b/");
}

TEST_CASE("every link in every page is relative") {
    MemoryFileSystem source;
    BuiltSite built(example_site(), content::Audience::members, source, "relative");
    std::regex reference("(href|src)=\"([^\"]*)\"");
    int links = 0;
    for (const auto& [path, text] : built.files) {
        // The 404 page is the exception, checked on its own above.
        if (path.size() < 5 || path.substr(path.size() - 5) != ".html" || path == "404.html")
            continue;
        for (std::sregex_iterator it(text.begin(), text.end(), reference), end; it != end; ++it) {
            std::string url = (*it)[2];
            ++links;
            bool external = url.rfind("mailto:", 0) == 0 || url.rfind("tel:", 0) == 0;
            CHECK_MESSAGE((external || (url.find("://") == std::string::npos && url[0] != '/')),
                          std::string(path + ": " + url));
        }
    }
    CHECK(links > 50);
}

TEST_CASE("a site's theme overrides the default file by file") {
    MemoryFileSystem source;
    source.add("themes/default/partials/site_footer.mustache",
               "<footer>Custom footer for {{organisation}}</footer>\n");
    source.add("themes/default/assets/css/site.css", "body { color: black; }\n");
    BuiltSite built(example_site(), content::Audience::public_audience, source, "override");
    CHECK(built.sink.error_count() == 0);
    const std::string& home = built.page("index.html");
    CHECK(contains(home, "<footer>Custom footer for Harbour &lt;Borough&gt; Council</footer>"));
    CHECK(contains(home, "<h2 id=\"boards\">Boards</h2>")); // the default home template
    CHECK(built.page("assets/css/site.css") == "body { color: black; }\n");
    CHECK(contains(built.page("assets/css/print.css"), "@page"));
}

TEST_CASE("a broken template is reported at its file, line and column") {
    MemoryFileSystem source;
    source.add("themes/default/templates/home.mustache", "<h1>{{site_title}}</h1>\n{{#boards}}\n");
    source.add("themes/default/templates/board.mustache", "<p>{{> no_such_partial}}</p>\n");
    BuiltSite built(example_site(), content::Audience::public_audience, source, "broken");
    auto diagnostics = built.sink.sorted();
    REQUIRE(diagnostics.size() >= 2);
    bool found_section = false;
    bool found_partial = false;
    for (const auto& diagnostic : diagnostics) {
        if (diagnostic.location.file == "themes/default/templates/home.mustache") {
            found_section = true;
            CHECK(diagnostic.location.line == 2);
            CHECK(diagnostic.location.column == 1);
            CHECK(contains(diagnostic.message, "Unclosed section"));
        }
        if (diagnostic.location.file == "themes/default/templates/board.mustache") {
            found_partial = true;
            CHECK(diagnostic.location.line == 1);
            CHECK(diagnostic.location.column == 4);
            CHECK(contains(diagnostic.message, "no_such_partial"));
        }
    }
    CHECK(found_section);
    CHECK(found_partial);
}

TEST_CASE("the board calendar and the feed are well-formed") {
    MemoryFileSystem source;
    BuiltSite built(example_site(), content::Audience::public_audience, source, "feeds");
    const std::string& ics = built.page("csp/calendar.ics");
    CHECK(contains(ics, "BEGIN:VEVENT\r\nUID:csp-2017-09-12@intranet.example\r\n"));
    CHECK(contains(ics, "DTSTART;TZID=Europe/London:20170912T140000\r\n"
                        "DTEND;TZID=Europe/London:20170912T160000\r\n"));
    CHECK(contains(ics, "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"));
    // The description lists the agenda (withheld items by title only) and links the meeting.
    std::string unfolded = ics;
    for (auto at = unfolded.find("\r\n "); at != std::string::npos; at = unfolded.find("\r\n "))
        unfolded.erase(at, 3);
    CHECK(contains(unfolded,
                   "DESCRIPTION:Agenda:\\n3. Minutes\\n7. Performance\\n9. Problem "
                   "profile\\n\\nAgenda and papers: https://intranet.example/boards/csp/"));
    CHECK(contains(built.page("csp/feed.xml"), "<title>Community Safety Board: papers</title>"));
    CHECK(contains(ics, "LOCATION:Room 2\\, Civic Centre\r\n"));
    CHECK(contains(ics, "STATUS:CONFIRMED"));
    const std::string& feed = built.page("feed.xml");
    CHECK(contains(feed,
                   "<link rel=\"alternate\" type=\"text/html\" "
                   "href=\"https://intranet.example/boards/csp/2017-09-12/3-minutes.html\"/>"));
    CHECK_FALSE(contains(feed, "Problem profile"));
    fs::path file = fs::temp_directory_path() / "bp-site-test-feed.xml";
    std::ofstream(file, std::ios::binary) << feed;
    std::string command = "python3 -c 'import sys, xml.dom.minidom; "
                          "d = xml.dom.minidom.parse(sys.argv[1]); "
                          "sys.exit(0 if len(d.getElementsByTagName(\"entry\")) == 2 else 1)' " +
                          file.string();
    CHECK(std::system(command.c_str()) == 0);
    const std::string& sitemap = built.page("sitemap.xml");
    CHECK(
        contains(sitemap, "<loc>https://intranet.example/boards/csp/2017-09-12/index.html</loc>"));
    CHECK_FALSE(contains(sitemap, "404.html"));
}

TEST_CASE("a missing default theme is one clear error per template, not one per page") {
    MemoryFileSystem source;
    DiagnosticSink sink;
    content::Site site = example_site();
    site::SiteBuilder builder(site, content::Audience::public_audience, source,
                              "/nonexistent-boardpack-data", sink);
    CHECK(sink.error_count() == 13); // one per page template
    auto first = sink.sorted().front();
    CHECK(first.location.file == "/nonexistent-boardpack-data/themes/default/templates");
    CHECK(first.message.find("the theme has no template named") != std::string::npos);
    fs::path destination = fs::temp_directory_path() / "bp-site-test-missing";
    OutputTree output(destination.string());
    builder.write_site_pages(output);
    CHECK(sink.error_count() == 13); // one per page template
    CHECK(fs::exists(output.staging_path("index.html")) == false);
}

TEST_CASE("the site-wide pages are the same written on one thread or several") {
    content::Site site = example_site();
    MemoryFileSystem source;
    BuiltSite one(site, content::Audience::public_audience, source, "one-thread", 1);
    CHECK_FALSE(one.sink.has_errors());
    BuiltSite several(site, content::Audience::public_audience, source, "four-threads", 4);
    CHECK(one.files.size() > 20);
    CHECK(several.files == one.files);
    // The sitemap is written last, so it names the pages written beside it.
    CHECK(contains(several.page("sitemap.xml"), "/archive/"));
    CHECK(contains(several.page("sitemap.xml"), "/calendar/"));
}

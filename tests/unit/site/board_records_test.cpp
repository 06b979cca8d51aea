#include "data/actions.hpp"
#include "data/forward_plan.hpp"
#include "data/indicators.hpp"
#include "site/action_tracker.hpp"
#include "site/indicator_pages.hpp"
#include "site/site_builder.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

using namespace bp;
namespace fs = std::filesystem;

namespace {

content::Meeting records_meeting(Date date, Date data_date, content::MeetingStatus status) {
    content::Meeting meeting;
    meeting.slug = date.iso();
    meeting.date = date;
    meeting.data_date = data_date;
    meeting.title = "Safety Board, " + date.medium_form();
    meeting.status = status;
    return meeting;
}

content::AgendaItem minutes_item(const std::string& number, const std::string& source_path,
                                 bool restricted) {
    content::AgendaItem item;
    item.number = number;
    item.title = restricted ? "Closed session minutes" : "Minutes";
    item.restricted = restricted;
    content::Paper paper;
    paper.slug = restricted ? "closed-minutes" : "minutes";
    paper.title = item.title;
    paper.kind = "minutes";
    paper.source_path = source_path;
    item.papers = {paper};
    return item;
}

// Burglary: 10 a month in 2016/17 and 8 a month from April to August 2017, so the year to date
// at the end of August is 40 against 50: down 20%, green for a lower-is-better indicator.
std::shared_ptr<const data::IndicatorSet> indicators() {
    auto set = std::make_shared<data::IndicatorSet>();
    data::Indicator burglary;
    burglary.id = "burglary";
    burglary.title = "Burglary";
    burglary.measure = "offences";
    burglary.tolerance = 2.5;
    burglary.definition = "Burglaries of homes and businesses recorded by the police.";
    burglary.source = "Police recorded crime";
    burglary.why_it_matters = "Burglary harms victims' sense of safety at home.";
    burglary.lead = "Inspector Tomas Novak";
    burglary.sub_group = "Safer Streets";
    for (data::YearMonth month{2016, 4}; month <= data::YearMonth{2017, 8};
         month = month.plus_months(1))
        burglary.observations.push_back(
            {month, month.year == 2016 || month.month < 4 ? 10.0 : 8.0});
    burglary.observations[8].value.reset(); // a gap in December 2016
    set->indicators = {burglary};
    return set;
}

std::shared_ptr<const data::ActionLog> actions() {
    auto log = std::make_shared<data::ActionLog>();
    data::Action on_track;
    on_track.id = "2017-06-13/1";
    on_track.raised = {2017, 6, 13};
    on_track.sequence = 1;
    on_track.text = "Map hotspots of <repeat> burglary";
    on_track.lead = "Priya Shah";
    on_track.others = "Ben Ortiz";
    on_track.due = Date{2017, 12, 31};
    on_track.updates = {{Date{2017, 8, 1}, "Mapping started with the police analyst.", {}}};
    on_track.location = {"content/csp/2017-09-12/03-minutes.md", 20, 3};
    data::Action late;
    late.id = "2017-06-13/2";
    late.raised = {2017, 6, 13};
    late.sequence = 2;
    late.text = "Report on street lighting";
    late.lead = "Dele Adams";
    late.due = Date{2017, 8, 31};
    late.location = {"content/csp/2017-09-12/03-minutes.md", 24, 3};
    data::Action hidden;
    hidden.id = "2017-06-13/3";
    hidden.raised = {2017, 6, 13};
    hidden.sequence = 3;
    hidden.text = "CLOSED-SESSION-ACTION";
    hidden.lead = "Secret Lead";
    hidden.location = {"content/csp/2017-09-12/09-closed-minutes.md", 8, 3};
    log->actions = {on_track, late, hidden};
    return log;
}

std::shared_ptr<const data::ForwardPlan> forward_plan() {
    auto plan = std::make_shared<data::ForwardPlan>();
    data::PlannedMeeting past{{2017, 6, 13}, {{"Old plan item", "", "", "", false, {}}}, {}};
    data::PlannedMeeting march{{2018, 3, 13},
                               {{"Partnership budget 2018/19",
                                 "decision",
                                 "Ada Finch",
                                 "Needs the council's figures",
                                 true,
                                 {}}},
                               {}};
    data::PlannedMeeting june{{2018, 6, 12}, {}, {}};
    plan->meetings = {past, march, june};
    return plan;
}

content::Site records_site() {
    content::Site site;
    site.config.title = "Harbour Papers";
    content::Board board;
    board.slug = "csp";
    board.name = "Community Safety Board";
    board.short_name = "CSP Board";
    board.members = {{"Cllr Jo Tan", "Cabinet Member", "Harbour Council", "Chair"}};
    board.advisers = {{"Rhea Gold", "Legal adviser", "Harbour Council", ""}};
    board.observers = {{"Oskar Lind", "Observer", "Fire Service", ""}};
    auto september = records_meeting({2017, 9, 12}, {2017, 8, 31}, content::MeetingStatus::held);
    september.items = {minutes_item("3", "content/csp/2017-09-12/03-minutes.md", false),
                       minutes_item("9", "content/csp/2017-09-12/09-closed-minutes.md", true)};
    auto march = records_meeting({2018, 3, 13}, {2018, 1, 31}, content::MeetingStatus::scheduled);
    board.meetings = {september, march};
    board.indicators = indicators();
    board.actions = actions();
    board.forward_plan = forward_plan();
    site.boards = {board};
    return site;
}

std::string file_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

struct RecordsSite {
    std::map<std::string, std::string> files;
    DiagnosticSink sink;

    RecordsSite(content::Audience audience, const std::string& name,
                const std::function<void(content::Site&)>& adjust = {}) {
        MemoryFileSystem source;
        content::Site site = records_site();
        if (adjust)
            adjust(site);
        OutputTree output((fs::temp_directory_path() / ("bp-site-records-" + name)).string());
        site::SiteBuilder builder(site, audience, source, BOARDPACK_SOURCE_ROOT, sink);
        for (const auto& meeting : site.boards[0].meetings)
            builder.write_meeting(site.boards[0], meeting, {}, output);
        builder.write_site_pages(output);
        for (const auto& path : output.written())
            files[path] = file_text(output.staging_path(path));
    }

    const std::string& page(const std::string& path) const {
        static const std::string missing;
        auto found = files.find(path);
        return found == files.end() ? missing : found->second;
    }
};

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The table row (<tr …>…</tr>) holding `part`.
std::string row_with(const std::string& html, const std::string& part) {
    auto at = html.find(part);
    if (at == std::string::npos)
        return {};
    auto start = html.rfind("<tr", at);
    auto end = html.find("</tr>", at);
    return html.substr(start, end - start);
}

} // namespace

TEST_CASE("an indicator's figures are written as CSV exactly as they came, gaps left empty") {
    auto set = indicators();
    std::string csv = site::indicator_csv(set->indicators[0]);
    CHECK(csv.rfind("period,value,numerator,denominator\n2016-04,10,,\n2016-05,10,,\n", 0) == 0);
    CHECK(has(csv, "\n2016-11,10,,\n2016-12,,,\n2017-01,10,,\n"));
    CHECK(has(csv, "\n2017-08,8,,\n"));
    // A header and 17 months.
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 18);
}

TEST_CASE("an indicator is rated as at a date, and not rated where it has no figures") {
    auto set = indicators();
    const auto& burglary = set->indicators[0];
    data::FinancialCalendar calendar(4);
    CHECK(site::indicator_rag_as_at(burglary, calendar, {2017, 8, 31}).status == bp::Rag::green);
    CHECK(site::indicator_rag_as_at(burglary, calendar, {2018, 1, 31}).status == bp::Rag::none);
    REQUIRE(site::last_covered_month(burglary));
    CHECK(*site::last_covered_month(burglary) == data::YearMonth{2017, 8});
}

TEST_CASE("the indicator pages: an index by sub-group and a page per indicator") {
    RecordsSite built(content::Audience::public_audience, "indicators");
    CHECK(built.sink.error_count() == 0);
    const std::string& index = built.page("csp/indicators/index.html");
    CHECK(has(index, "<h2 id=\"group-1\">Safer Streets</h2>"));
    CHECK(has(index, "<th scope=\"row\"><a href=\"burglary.html\">Burglary</a></th>"));
    CHECK(has(index, "<td>August 2017</td><td class=\"align-right\">8</td>"));
    CHECK(has(index, "<span class=\"rag-badge rag-green\"><span class=\"rag-swatch\" "
                     "aria-hidden=\"true\"></span>Green</span>"));

    const std::string& page = built.page("csp/indicators/burglary.html");
    CHECK(has(page, "<h1>Burglary</h1>"));
    CHECK(has(page, "<dt>Definition</dt><dd>Burglaries of homes and businesses recorded by the "
                    "police.</dd>"));
    CHECK(has(page, "<dt>Sub-group</dt><dd>Safer Streets</dd>"));
    CHECK(has(page, "<dt>Lead</dt><dd>Inspector Tomas Novak</dd>"));
    CHECK(has(page, "<a href=\"burglary.csv\" download>Download the figures</a>"));
    CHECK(built.page("csp/indicators/burglary.csv") ==
          site::indicator_csv(indicators()->indicators[0]));
    // Two charts, each a figure with its table of figures.
    CHECK(has(page, "<figure class=\"chart\" id=\"chart-burglary-trend\">"));
    CHECK(has(page, "<figure class=\"chart\" id=\"chart-burglary-year\">"));
    CHECK(has(page, "Burglary: 2017/18 against 2016/17"));
    CHECK(has(page, "<th scope=\"row\">Apr 2016</th>"));
    // At September's meeting (figures to August) it was green; March's figures are missing.
    std::string september = row_with(page, "12 September 2017</a>");
    CHECK(has(september, "href=\"../2017-09-12/index.html\""));
    CHECK(has(september, "<td>31 August 2017</td>"));
    CHECK(has(september, "rag-green"));
    std::string march = row_with(page, "13 March 2018</a>");
    CHECK(has(march, "No data"));
    CHECK_FALSE(has(march, "rag-green"));
}

TEST_CASE("the action tracker lists every action with its lead, due date and status") {
    RecordsSite built(content::Audience::public_audience, "actions");
    const std::string& html = built.page("csp/actions.html");
    CHECK(has(html, "<h1>Action tracker</h1>"));
    CHECK(has(html, "status as at 12 September 2017"));
    std::string on_track = row_with(html, "2017-06-13/1");
    CHECK(has(on_track, "Map hotspots of &lt;repeat&gt; burglary"));
    CHECK(has(on_track, "<td data-label=\"Lead\">Priya Shah<span class=\"action-others\">With Ben "
                        "Ortiz</span></td>"));
    CHECK(has(on_track, "<td data-label=\"Due\">31 December 2017</td>"));
    CHECK(has(on_track, "rag-green\"><span class=\"rag-swatch\" aria-hidden=\"true\"></span>Open"));
    CHECK(has(on_track, "1 August 2017:</span> Mapping started with the police analyst."));
    // Raised in June, recorded in the minutes at September's meeting: the link opens them.
    CHECK(has(on_track, "<a href=\"2017-09-12/3-minutes.html\">13 June 2017</a>"));
    CHECK(
        has(on_track, "data-status=\"Open\" data-lead=\"Priya Shah\" data-raised=\"2017-06-13\""));
    std::string late = row_with(html, "2017-06-13/2");
    CHECK(has(late, "<td data-label=\"Lead\">Dele Adams</td>"));
    CHECK(has(late, "<td data-label=\"Due\">31 August 2017</td>"));
    // The status filter offers what the reader sees, so overdue actions can be picked out.
    CHECK(has(late, "data-status=\"Overdue\""));
    CHECK(has(html, "<option value=\"Overdue\">Overdue</option>"));
    CHECK(has(late, "rag-red\"><span class=\"rag-swatch\" aria-hidden=\"true\"></span>Overdue"));
    // Filters name their controls and announce the count.
    CHECK(has(html, "<label for=\"filter-lead\">Lead</label>"));
    CHECK(has(html, "<option value=\"Dele Adams\">Dele Adams</option>"));
    CHECK(has(html, "<option value=\"Open\">Open</option>"));
    CHECK(has(html, "<p class=\"filters__count\" id=\"action-count\" role=\"status\" "
                    "data-singular=\"action\" data-plural=\"actions\">2 actions.</p>"));
}

TEST_CASE("the action tracker counts a single action in the singular") {
    RecordsSite built(content::Audience::public_audience, "one-action", [](content::Site& site) {
        auto log = std::make_shared<data::ActionLog>(*site.boards[0].actions);
        log->actions.resize(1);
        site.boards[0].actions = log;
    });
    const std::string& html = built.page("csp/actions.html");
    CHECK(has(html, "2017-06-13/1"));
    CHECK(has(html, "<p class=\"filters__count\" id=\"action-count\" role=\"status\" "
                    "data-singular=\"action\" data-plural=\"actions\">1 action.</p>"));
    CHECK_FALSE(has(html, "1 actions."));
}

TEST_CASE("an action from restricted minutes appears only in the members' edition") {
    RecordsSite public_site(content::Audience::public_audience, "actions-public");
    for (const auto& [path, text] : public_site.files) {
        CHECK_MESSAGE(!has(text, "CLOSED-SESSION-ACTION"), path);
        CHECK_MESSAGE(!has(text, "Secret Lead"), path);
    }
    RecordsSite members(content::Audience::members, "actions-members");
    CHECK(has(members.page("csp/actions.html"), "CLOSED-SESSION-ACTION"));
    CHECK(has(members.page("csp/actions.html"), "data-plural=\"actions\">3 actions.</p>"));
}

TEST_CASE("the forward plan shows meetings after the latest held, linking those that exist") {
    RecordsSite built(content::Audience::public_audience, "plan");
    const std::string& html = built.page("csp/forward-plan.html");
    CHECK_FALSE(has(html, "Old plan item"));
    CHECK(has(html, "Tuesday 13 March 2018 <span class=\"tag tag--scheduled\">Upcoming</span>"));
    CHECK(has(html, "<a href=\"2018-03-13/index.html\">"));
    CHECK(has(html, "<tr><th scope=\"row\">Partnership budget 2018/19</th><td "
                    "data-label=\"Purpose\">For decision</td><td data-label=\"Lead\">Ada "
                    "Finch</td><td data-label=\"Notes\">Needs the council&#39;s figures</td><td "
                    "data-label=\"Standing item\">Yes</td></tr>"));
    CHECK(has(html, "Tuesday 12 June 2018</h2>"));
    CHECK(has(html, "No reports are planned yet."));
}

TEST_CASE("the board page links its record pages and lists members, advisers and observers") {
    RecordsSite built(content::Audience::public_audience, "board-records");
    const std::string& html = built.page("csp/index.html");
    CHECK(has(html, "<a href=\"indicators/index.html\">Performance indicators</a>"));
    CHECK(has(html, "<a href=\"actions.html\">Action tracker</a>"));
    CHECK(has(html, "<a href=\"forward-plan.html\">Forward plan</a>"));
    CHECK(has(html, "<h2 id=\"advisers\">Advisers</h2>"));
    CHECK(has(html, "<th scope=\"row\">Rhea Gold</th>"));
    CHECK(has(html, "<h2 id=\"observers\">Observers</h2>"));
    CHECK(has(html, "<th scope=\"row\">Oskar Lind</th>"));
}

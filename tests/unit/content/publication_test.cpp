#include "../busy_sink.hpp"
#include "content/directives.hpp"
#include "content/load.hpp"
#include "content/publication.hpp"
#include "content/publish_record.hpp"
#include "core/digest.hpp"
#include "core/filesystem.hpp"
#include "data/indicators.hpp"
#include "markdown/parse.hpp"
#include "site_fixture.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::content;

namespace {

// Twelve months of 10 last year, then April–June 2017 at 12: as at June 2017 the year to
// date is 36 against 30.
std::string burglary_csv() {
    std::string csv = "period,value\n";
    for (int m = 4; m <= 12; ++m)
        csv += "2016-" + std::string(m < 10 ? "0" : "") + std::to_string(m) + ",10\n";
    for (int m = 1; m <= 3; ++m)
        csv += "2017-0" + std::to_string(m) + ",10\n";
    for (int m = 4; m <= 6; ++m)
        csv += "2017-0" + std::to_string(m) + ",12\n";
    return csv;
}

struct Resolved {
    Site site;
    Board board;
    Meeting meeting;
    Paper paper;
    DiagnosticSink sink;

    Resolved() {
        MemoryFileSystem files;
        files.add("content/csp/indicators/burglary.yaml", "title: Burglary\nunit: count\n");
        files.add("content/csp/indicators/burglary.csv", burglary_csv());
        board.folder = "content/csp";
        board.indicators = data::load_indicators(files, "content/csp", 4, sink);
        REQUIRE_FALSE(sink.has_errors());
        meeting.date = {2017, 9, 12};
        meeting.data_date = {2017, 6, 30};
    }

    std::string resolve(const std::string& markdown, FigureBook& book) {
        paper = Paper{};
        paper.source_path = "content/csp/2017-09-12/07-report.md";
        paper.body =
            markdown::parse(markdown, {paper.source_path, 1, 1}, sink, directive_parse_options());
        DirectiveContext context{site, board, meeting, paper, sink, &book};
        expand_directives(context);
        return doc::plain_text(paper.body.blocks.front().inlines);
    }
};

const FigureEntry* find(const std::vector<FigureEntry>& entries, const std::string& key) {
    for (const auto& entry : entries)
        if (entry.key() == key)
            return &entry;
    return nullptr;
}

} // namespace

TEST_CASE("the figure book records every measure of the indicators a paper resolved") {
    Resolved fixture;
    FigureBook book;
    CHECK(fixture.resolve("Burglaries: {{ burglary.fytd.value }}.\n", book) == "Burglaries: 36.");
    auto entries = book.entries();
    const FigureEntry* ytd = find(entries, "burglary.fytd");
    REQUIRE(ytd);
    CHECK(*ytd->value == 36);
    CHECK(*ytd->last_year == 30);
    CHECK(*ytd->change_pct == doctest::Approx(20.0));
    CHECK(ytd->period == "April 2017 to June 2017");
    CHECK(ytd->basis == "financial year to date against the same period last year");
    CHECK(ytd->inputs.size() == 3);
    CHECK(ytd->last_year_inputs.size() == 3);
    CHECK(ytd->inputs.back().period == "2017-06");
    CHECK_FALSE(ytd->rag.empty());
    REQUIRE(find(entries, "burglary.q1"));
    CHECK(*find(entries, "burglary.q1")->value == 36);
    CHECK_FALSE(find(entries, "burglary.q2")); // not ended by June
    // The series kept stops at the month the figures are as at.
    auto series = book.series();
    REQUIRE(series.count("burglary"));
    CHECK(series["burglary"].size() == 15);
}

TEST_CASE("a frozen book answers with the published figures, not today's") {
    Resolved fixture;
    FigureBook published;
    fixture.resolve("{{ burglary.fytd.value }}\n", published);
    FrozenSeries frozen = published.series();
    for (auto& observation : frozen["burglary"])
        if (observation.period == data::YearMonth{2017, 6})
            observation.value = 20; // what the figures said when the meeting was published
    FigureBook book;
    DiagnosticSink sink;
    book.freeze({frozen, {}, {}, {}}, data::FinancialCalendar(4), sink);
    CHECK(fixture.resolve("{{ burglary.fytd.value }} against {{ burglary.fytd.last_year }}\n",
                          book) == "44 against 30");
    CHECK(*find(book.entries(), "burglary.fytd")->value == 44);
}

TEST_CASE("a frozen book shows the comparator figures that were published, and no others") {
    data::Indicator live;
    live.id = "burglary";
    live.comparators = {{"Family group", "family", "", {{{2017, 6}, 12.0}}},
                        {"London", "london", "", {{{2017, 6}, 9.0}}}}; // added since
    FigureBook book;
    DiagnosticSink sink;
    book.freeze(
        {{{"burglary", {}}}, {{"burglary", {{"Family group", {{{2017, 6}, 11.0}}}}}}, {}, {}},
        data::FinancialCalendar(4), sink);
    const data::Indicator& shown = book.use(live);
    REQUIRE(shown.comparators.size() == 1);
    CHECK(shown.comparators[0].name == "Family group");
    CHECK(shown.comparators[0].values.at({2017, 6}) == 11.0);
    // A book that was not frozen for an indicator shows today's comparators.
    FigureBook live_book;
    CHECK(live_book.use(live).comparators.size() == 2);
}

TEST_CASE("a frozen book rates the published figures by the definition they were published with") {
    Resolved fixture;
    FigureBook published;
    fixture.resolve("{{ burglary.fytd.value }}\n", published);
    FrozenDefinitions definitions = published.definitions();
    REQUIRE(definitions.count("burglary"));
    CHECK(definitions["burglary"] == "title: Burglary\nunit: count\n");

    // Since publication the definition gained a target the figures miss, and a new title.
    data::Indicator live = *fixture.board.indicators->find("burglary");
    DiagnosticSink sink;
    auto revised = data::parse_indicator_definition(
        "burglary", "title: Domestic burglary\nunit: count\ntarget: 10\n",
        "content/csp/indicators/burglary.yaml", data::FinancialCalendar(4), sink);
    REQUIRE(revised);
    revised->observations = live.observations;
    revised->location = live.location;

    FigureBook book;
    book.freeze(
        {published.series(), {}, definitions, {"content/csp/2017-09-12/published.yaml", 1, 1}},
        data::FinancialCalendar(4), sink);
    const data::Indicator& shown = book.use(*revised);
    CHECK(shown.title == "Burglary");
    CHECK_FALSE(shown.target);
    CHECK(shown.location.file == "content/csp/indicators/burglary.yaml");
    CHECK(shown.observations.size() == published.series()["burglary"].size());
    CHECK_FALSE(sink.has_errors());

    // A record whose definition no longer reads is an error at the record, and the indicator
    // keeps its definition as it is now.
    FigureBook damaged;
    damaged.freeze({published.series(),
                    {},
                    {{"burglary", "title: [unclosed\n"}},
                    {"content/csp/2017-09-12/published.yaml", 1, 1}},
                   data::FinancialCalendar(4), sink);
    CHECK(damaged.use(*revised).title == "Domestic burglary");
    REQUIRE(sink.has_errors());
    CHECK(format_diagnostic(sink.sorted().front())
              .find("content/csp/2017-09-12/published.yaml:1:1: error: the definition of "
                    "'burglary' kept in the publish record no longer reads") != std::string::npos);
}

TEST_CASE("a publish record reads back as written") {
    PublishRecord record;
    record.version = 2;
    record.date = "2017-09-05";
    record.inputs = {{"content/csp/2017-09-12/02-report.md", sha256_hex("report"), {}},
                     {"content/csp/2017-09-12/meeting.yaml", sha256_hex("meeting"), {}}};
    data::Observation gap{{2017, 5}, std::nullopt, std::nullopt, std::nullopt, {}};
    data::Observation rate{{2017, 6}, 17.9, 5, 28, {}};
    record.series["marac"] = {gap, rate};
    record.comparators["marac"]["England and Wales"] = {{{2017, 5}, 16.5}, {{2017, 6}, 17.1}};
    record.definitions["marac"] = "title: MARAC repeat referrals\nunit: percentage\n"
                                  "# a comment, kept as written\ntarget: 25\n";
    FigureEntry figure;
    figure.indicator = "marac";
    figure.measure = "fytd";
    figure.period = "April 2017 to June 2017";
    figure.value = 17.9;
    figure.last_year = -63.25;
    figure.change_pct = 0.1 + 0.2; // not a short decimal: must still read back exactly
    figure.rag = "Amber";
    record.figures = {figure};
    std::string text = publish_record_text(record);
    CHECK(text.find("version: 2\n") != std::string::npos);
    CHECK(text.find("2017-06: {value: 17.9, numerator: 5, denominator: 28}") != std::string::npos);

    MemoryFileSystem files;
    files.add("content/csp/2017-09-12/published.yaml", text);
    DiagnosticSink sink;
    auto read = read_publish_record(files, "content/csp/2017-09-12/published.yaml", sink);
    REQUIRE(read);
    CHECK_FALSE(sink.has_errors());
    CHECK(read->version == 2);
    CHECK(read->date == "2017-09-05");
    REQUIRE(read->inputs.size() == 2);
    CHECK(read->input("content/csp/2017-09-12/02-report.md")->sha256 == sha256_hex("report"));
    CHECK(read->input("content/csp/2017-09-12/02-report.md")->location.line > 1);
    REQUIRE(read->series["marac"].size() == 2);
    CHECK_FALSE(read->series["marac"][0].value);
    CHECK(*read->series["marac"][1].denominator == 28);
    CHECK(read->comparators["marac"]["England and Wales"].at({2017, 6}) == 17.1);
    CHECK(read->comparators["marac"]["England and Wales"].size() == 2);
    CHECK(read->definitions["marac"] == record.definitions["marac"]);
    CHECK(text.find("definitions:\n  marac: |\n    title: MARAC repeat referrals\n") !=
          std::string::npos);
    const FigureEntry* back = read->figure("marac.fytd");
    REQUIRE(back);
    CHECK(*back->value == 17.9);
    CHECK(*back->last_year == -63.25);
    CHECK(*back->change_pct == 0.1 + 0.2);
    CHECK(back->rag == "Amber");
    CHECK(publish_record_text(*read) == text);
}

TEST_CASE("errors other meetings report meanwhile do not make a publish record unreadable") {
    PublishRecord record;
    record.date = "2017-09-05";
    record.inputs = {{"content/csp/2017-09-12/02-report.md", sha256_hex("report"), {}}};
    MemoryFileSystem files;
    files.add("content/csp/2017-09-12/published.yaml", publish_record_text(record));
    DiagnosticSink sink; // shared, as by meetings read in parallel
    CHECK(test_support::failures_while_others_report(sink, [&] {
              return read_publish_record(files, "content/csp/2017-09-12/published.yaml", sink)
                  .has_value();
          }) == 0);
    CHECK(sink.error_count() > 0); // the other meetings' errors, all kept
}

TEST_CASE("a damaged publish record is reported at its line") {
    MemoryFileSystem files;
    files.add("p/published.yaml", "version: 1\npublished: 2017-09-05\ninputs:\n"
                                  "  content/a.md: 1234\nseries: {}\nfigures: []\n");
    DiagnosticSink sink;
    CHECK_FALSE(read_publish_record(files, "p/published.yaml", sink));
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 1);
    CHECK(format_diagnostic(diagnostics[0])
              .rfind("p/published.yaml:4:3: error: the digest of "
                     "'content/a.md' is not 64 hexadecimal digits",
                     0) == 0);
    CHECK(diagnostics[0].hint.find("boardpack publish") != std::string::npos);
}

TEST_CASE("supplementary papers and republications need a published meeting") {
    MemoryFileSystem files = small_site();
    files.add("content/csp/2017-06-13/meeting.yaml",
              "date: 2017-06-13\nitems:\n  - number: \"1\"\n    title: Welcome\n"
              "  - number: \"2\"\n    title: Late\n    supplementary: 1\n"
              "    paper: 02-late.md\n"
              "republished:\n  - {version: 2, date: 2017-06-10, reason: Typo}\n");
    files.add("content/csp/2017-06-13/02-late.md", "---\ntitle: Late\n---\nText.\n");
    DiagnosticSink sink;
    load_site_index(files, sink);
    std::string all;
    for (const auto& d : sink.sorted())
        all += format_diagnostic(d) + "\n";
    INFO(all);
    CHECK(all.find("content/csp/2017-06-13/meeting.yaml:5:5: error: item 2 is supplementary, "
                   "but the meeting has not been published") != std::string::npos);
    CHECK(all.find("content/csp/2017-06-13/meeting.yaml:10:5: error: republication 2 is "
                   "declared, but the meeting has not been published") != std::string::npos);
    CHECK(all.find("hint: publish the meeting first (boardpack publish csp/2017-06-13)") !=
          std::string::npos);
}

TEST_CASE("republications count from version 2, in order, with date and reason") {
    DiagnosticSink sink;
    YAML::Node list = YAML::Load("- {version: 2, date: 2017-09-08, reason: Table 3 corrected}\n"
                                 "- {version: 4, date: 2017-09-09, reason: Skipped}\n"
                                 "- {version: 3, date: 2017-09-10}\n");
    auto read = read_republications(list, {"m.yaml", 1, 1}, sink);
    REQUIRE(read.size() == 1);
    CHECK(read[0].version == 2);
    CHECK(read[0].reason == "Table 3 corrected");
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 2);
    CHECK(diagnostics[0].message == "republication version 4 is out of order");
    CHECK(diagnostics[0].location.line == 2);
    CHECK(diagnostics[1].message == "missing required key 'reason'");
}

TEST_CASE("a published meeting refuses a changed paper and a paper added to its main pack") {
    MemoryFileSystem files = small_site();
    PublishRecord record;
    record.date = "2017-09-05";
    for (const char* paper : {"02-report.md", "03-profile.md", "04a-youth.md"}) {
        std::string path = std::string("content/csp/2017-09-12/") + paper;
        record.inputs.push_back({path, sha256_hex(*files.read(path)), {}});
    }
    files.add("content/csp/2017-09-12/published.yaml", publish_record_text(record));
    {
        DiagnosticSink sink;
        Site site = load_site_index(files, sink);
        CHECK_FALSE(sink.has_errors());
        REQUIRE(site.boards[0].meetings[1].published);
        CHECK(site.boards[0].meetings[1].published->date == "2017-09-05");
    }
    files.add("content/csp/2017-09-12/04a-youth.md", "---\ntitle: Youth report\n---\nChanged.\n");
    DiagnosticSink sink;
    load_site_index(files, sink);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].message.rfind("paper '04a-youth.md' has changed since the meeting was "
                                       "published on 2017-09-05",
                                       0) == 0);
    CHECK(diagnostics[0].location.file == "content/csp/2017-09-12/04a-youth.md");
    CHECK(diagnostics[0].hint.find("republished:") != std::string::npos);
}

TEST_CASE("a pack view keeps the main pack or one supplementary pack") {
    Meeting meeting;
    AgendaItem first{.number = "1", .title = "Report"};
    first.papers.push_back(Paper{.source_path = "a.md"});
    Paper late{.source_path = "late.md"};
    late.supplementary = 1;
    first.papers.push_back(late);
    AgendaItem second{.number = "2", .title = "Late item"};
    second.supplementary = 1;
    second.papers.push_back(Paper{.source_path = "b.md", .supplementary = 1});
    AgendaItem third{.number = "3", .title = "Second supplement"};
    third.supplementary = 2;
    meeting.items = {first, second, third};

    Meeting main = pack_view(meeting, 0);
    REQUIRE(main.items.size() == 1);
    REQUIRE(main.items[0].papers.size() == 1);
    CHECK(main.items[0].papers[0].source_path == "a.md");
    CHECK(main.supplementary == 0);

    Meeting one = pack_view(meeting, 1);
    CHECK(one.supplementary == 1);
    REQUIRE(one.items.size() == 2);
    CHECK(one.items[0].number == "1");
    REQUIRE(one.items[0].papers.size() == 1);
    CHECK(one.items[0].papers[0].source_path == "late.md");
    CHECK(one.items[1].number == "2");
    CHECK(supplementary_numbers(meeting) == std::vector<int>{1, 2});
}

TEST_CASE("a meeting's inputs are its meeting.yaml, papers, images and the indicators used") {
    MemoryFileSystem files;
    files.add("content/csp/2017-09-12/meeting.yaml", "date: 2017-09-12\n");
    files.add("content/csp/2017-09-12/02-report.md", "report");
    files.add("content/csp/2017-09-12/map.png", "png bytes");
    files.add("content/csp/indicators/burglary.yaml", "title: Burglary\n");
    files.add("content/csp/indicators/burglary.csv", "period,value\n");
    Board board;
    auto set = std::make_shared<data::IndicatorSet>();
    data::Indicator burglary;
    burglary.id = "burglary";
    burglary.location = {"content/csp/indicators/burglary.yaml", 1, 1};
    burglary.figures_file = "content/csp/indicators/burglary.csv";
    set->indicators = {burglary};
    board.indicators = set;
    Meeting meeting;
    meeting.folder = "content/csp/2017-09-12";
    AgendaItem item;
    Paper paper;
    paper.source_path = "content/csp/2017-09-12/02-report.md";
    paper.images = {{"map.png", "content/csp/2017-09-12/map.png"}};
    item.papers = {paper};
    meeting.items = {item};

    auto inputs = meeting_inputs(files, meeting, board, {"burglary"});
    REQUIRE(inputs.size() == 5);
    CHECK(inputs[0].file == "content/csp/2017-09-12/02-report.md");
    CHECK(inputs[0].sha256 == sha256_hex("report"));
    CHECK(inputs[1].file == "content/csp/2017-09-12/map.png");
    CHECK(inputs[2].file == "content/csp/2017-09-12/meeting.yaml");
    CHECK(inputs[3].file == "content/csp/indicators/burglary.csv");
    CHECK(inputs[4].file == "content/csp/indicators/burglary.yaml");

    // A changed image of a published paper is an error; with a republication it is not.
    auto record = std::make_shared<PublishRecord>();
    record->date = "2017-09-05";
    record->inputs = inputs;
    meeting.published = record;
    DiagnosticSink unchanged;
    check_published_images(files, meeting, unchanged);
    CHECK_FALSE(unchanged.has_errors());
    files.add("content/csp/2017-09-12/map.png", "other png bytes");
    DiagnosticSink changed;
    check_published_images(files, meeting, changed);
    REQUIRE(changed.error_count() == 1);
    CHECK(changed.sorted()[0].message == "image 'map.png' of paper '02-report.md' has changed "
                                         "since the meeting was published on 2017-09-05");
    meeting.republications = {{2, {2017, 9, 8}, "New map", {}}};
    DiagnosticSink republished;
    check_published_images(files, meeting, republished);
    CHECK_FALSE(republished.has_errors());
}

TEST_CASE("a meeting is found by <board>/<date>, with a hint when it is not there") {
    MemoryFileSystem files = small_site();
    DiagnosticSink sink;
    Site site = load_site_index(files, sink);
    REQUIRE_FALSE(sink.has_errors());
    FoundMeeting found = find_meeting(site, "csp/2017-09-12", sink);
    REQUIRE(found.meeting);
    CHECK(found.meeting->slug == "2017-09-12");
    CHECK(found.board->slug == "csp");
    CHECK_FALSE(find_meeting(site, "csp/2017-09-1", sink).meeting);
    CHECK_FALSE(find_meeting(site, "cps/2017-09-12", sink).meeting);
    auto diagnostics = sink.sorted();
    REQUIRE(diagnostics.size() == 2);
    CHECK(format_diagnostic(diagnostics[0]) ==
          "content/cps/2017-09-12: error: there is no board 'cps'\n  hint: did you mean 'csp'?");
    CHECK(diagnostics[1].message == "board 'csp' has no meeting '2017-09-1'");
    CHECK(diagnostics[1].hint == "did you mean csp/2017-09-12?");
}

#pragma once
// An in-memory meeting for the pack tests: verbal, withheld, landscape, sub-items, a PDF
// appendix and a chart, so every part of pack assembly is exercised.
#include "content/model.hpp"
#include "pack/pack.hpp"
#include "pdf_probe.hpp"

#include <cstdio>
#include <doctest/doctest.h>
#include <filesystem>
#include <hpdf.h>
#include <memory>
#include <string>

namespace bp::pack::testing {

inline doc::Inline text(std::string value) {
    doc::Inline node;
    node.text = std::move(value);
    return node;
}

inline doc::Block paragraph(std::string value) {
    doc::Block block;
    block.inlines.push_back(text(std::move(value)));
    return block;
}

inline doc::Block heading(int level, std::string value, std::string anchor) {
    doc::Block block;
    block.kind = doc::BlockKind::heading;
    block.level = level;
    block.anchor = std::move(anchor);
    block.inlines.push_back(text(std::move(value)));
    return block;
}

inline std::string filler(int sentences) {
    std::string out;
    for (int i = 0; i < sentences; ++i)
        out += "Partners reviewed the quarterly figures and agreed where the next round of "
               "neighbourhood work should focus. ";
    return out;
}

inline content::Paper markdown_paper(std::string title, std::string slug, int sections) {
    content::Paper paper;
    paper.title = std::move(title);
    paper.slug = slug;
    paper.source_path = "content/csp/2017-09-12/" + slug + ".md";
    paper.author = "Jo Whitfield";
    paper.job_title = "Community Safety Manager";
    paper.contact = "jo.whitfield@harbourside.example";
    paper.date = Date{2017, 9, 1};
    paper.body_loaded = true;
    for (int s = 1; s <= sections; ++s) {
        paper.body.blocks.push_back(heading(2, "Section " + std::to_string(s) + " of " + slug,
                                            slug + "-section-" + std::to_string(s)));
        for (int p = 0; p < 4; ++p)
            paper.body.blocks.push_back(paragraph(filler(5)));
    }
    return paper;
}

// A three-page PDF written elsewhere (a simple-font TrueType subset), standing in for an
// appendix exported from another program.
inline std::string write_appendix_pdf(const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder);
    std::string path = (folder / "07a-appendix.pdf").string();
    HPDF_Doc doc = HPDF_New(nullptr, nullptr);
    std::string face = std::string(BOARDPACK_SOURCE_ROOT) + "/assets/fonts/NotoSans-Italic.ttf";
    const char* name = HPDF_LoadTTFontFromFile(doc, face.c_str(), HPDF_TRUE);
    HPDF_Font font = HPDF_GetFont(doc, name, "WinAnsiEncoding");
    for (int i = 1; i <= 3; ++i) {
        HPDF_Page page = HPDF_AddPage(doc);
        HPDF_Page_BeginText(page);
        HPDF_Page_SetFontAndSize(page, font, 14);
        std::string line = "Neighbourhood board minutes, sheet " + std::to_string(i);
        HPDF_Page_TextOut(page, 80, 700, line.c_str());
        HPDF_Page_EndText(page);
    }
    HPDF_SaveToFile(doc, path.c_str());
    HPDF_Free(doc);
    return path;
}

struct Fixture {
    content::Site site;
    content::Board board;
    content::Meeting meeting;
    std::filesystem::path folder;
};

inline content::Person person(std::string name, std::string post, std::string organisation,
                              std::string role = "") {
    return {std::move(name), std::move(post), std::move(organisation), std::move(role), {}};
}

inline std::unique_ptr<Fixture> make_fixture(const std::string& name) {
    auto fixture = std::make_unique<Fixture>();
    fixture->folder = std::filesystem::temp_directory_path() / "boardpack-pack-tests" / name;
    std::filesystem::create_directories(fixture->folder);
    auto& site = fixture->site;
    site.source_root = fixture->folder.string();
    site.config.title = "Harbourside Partnership Papers";
    site.config.organisation = "Harbourside Borough Council";

    auto& board = fixture->board;
    board.slug = "csp";
    board.name = "Harbourside Community Safety Partnership Board";
    board.short_name = "CSP Board";
    board.venue = "Committee Room 2, Harbourside Civic Centre, Quay Street";
    board.contact = {"Priya Ramaswamy", "Partnership Officer",
                     "priya.ramaswamy@harbourside.example", "01632 960 123"};
    board.members.push_back(person("Cllr Margaret O’Neill", "Cabinet Member for Community Safety",
                                   "Harbourside Borough Council", "Chair"));
    board.members.push_back(
        person("Ruth Adeyemi", "Detective Superintendent", "Harbourside Police"));
    board.advisers.push_back(
        person("Tom Briggs", "Head of Licensing", "Harbourside Borough Council"));

    auto& meeting = fixture->meeting;
    meeting.slug = "2017-09-12";
    meeting.date = Date{2017, 9, 12};
    meeting.start_minutes = 14 * 60;
    meeting.end_minutes = 16 * 60;
    meeting.venue = board.venue;
    meeting.location = {"content/csp/2017-09-12/meeting.yaml", 1, 1};

    content::AgendaItem welcome;
    welcome.number = "1";
    welcome.title = "Welcome, introductions and apologies";
    welcome.presenter = "Chair";
    welcome.minutes = 5;
    welcome.verbal = true;
    meeting.items.push_back(welcome);

    content::AgendaItem minutes;
    minutes.number = "2";
    minutes.title = "Minutes of the meeting held on 13 June 2017";
    minutes.presenter = "Chair";
    minutes.purpose = content::Purpose::decision;
    minutes.minutes = 10;
    minutes.papers.push_back(markdown_paper("Minutes, 13 June 2017", "minutes", 1));
    minutes.papers.back().kind = "minutes";
    meeting.items.push_back(minutes);

    content::AgendaItem performance;
    performance.number = "3";
    performance.title = "Performance report";
    performance.presenter = "Daniel Okafor";
    performance.description = "Quarter 1 figures against last year.";
    performance.purpose = content::Purpose::discussion;
    performance.minutes = 20;
    performance.papers.push_back(markdown_paper("Performance report, quarter 1", "performance", 3));
    content::Paper& report = performance.papers.back();
    report.marking = "OFFICIAL";
    data::ChartSpec chart;
    chart.id = "violence-monthly";
    chart.title = "Violence with injury, monthly";
    chart.unit = "offences";
    chart.categories = {"Apr", "May", "Jun"};
    chart.series = {{"2016/17", {150.0, 162.0, 171.0}}, {"2017/18", {158.0, 149.0, 180.0}}};
    report.charts.push_back(chart);
    doc::Block chart_block;
    chart_block.kind = doc::BlockKind::chart;
    chart_block.chart_index = 0;
    report.body.blocks.insert(report.body.blocks.begin() + 2, chart_block);
    content::Paper appendix;
    appendix.title = "Appendix: neighbourhood board minutes";
    appendix.is_pdf = true;
    appendix.native_path = write_appendix_pdf(fixture->folder);
    performance.papers.push_back(appendix);
    meeting.items.push_back(performance);

    content::AgendaItem profile;
    profile.number = "4";
    profile.title = "Serious violence problem profile";
    profile.restricted = true;
    profile.withheld = true;
    meeting.items.push_back(profile);

    content::AgendaItem groups;
    groups.number = "5";
    groups.title = "Sub-group reports";
    content::AgendaItem safer;
    safer.number = "5a";
    safer.title = "Safer neighbourhoods";
    safer.presenter = "Amir Haddad";
    safer.papers.push_back(markdown_paper("Safer neighbourhoods sub-group", "safer", 1));
    groups.sub_items.push_back(safer);
    content::AgendaItem plan;
    plan.number = "5b";
    plan.title = "Delivery plan";
    plan.presenter = "Grace Mensah";
    plan.papers.push_back(markdown_paper("Delivery plan 2017/18", "delivery-plan", 2));
    plan.papers.back().landscape = true;
    groups.sub_items.push_back(plan);
    meeting.items.push_back(groups);

    content::AgendaItem other;
    other.number = "6";
    other.title = "Any other business";
    other.minutes = 5;
    other.verbal = true;
    meeting.items.push_back(other);
    return fixture;
}

// The bundled faces; PDFs linearised from `linearise_above` bytes up, as in a build.
inline PackResources resources(std::size_t linearise_above = fast_web_view_bytes) {
    return {bundled_font_files(std::string(BOARDPACK_SOURCE_ROOT) + "/assets/fonts"),
            linearise_above};
}

// The fixture meeting's public pack, with the bundled faces.
inline PackOutput public_pack(const Fixture& fixture, DiagnosticSink& sink) {
    return build_meeting_pack(fixture.site, fixture.board, fixture.meeting,
                              content::Audience::public_audience, resources(), sink);
}

// A fixture's meeting built into a pack, the pack and its agenda saved in the fixture's folder
// for the command-line tools to read.
struct BuiltPack {
    std::unique_ptr<Fixture> fixture;
    PackOutput output;
    std::string pack_path;
    std::string agenda_path;
    DiagnosticSink sink;
};

// A fixture's pack is far smaller than the size from which a build linearises a PDF:
// `linearise_above` 0 has it linearised all the same.
inline std::unique_ptr<BuiltPack>
build_pack(const std::string& name, content::Audience audience = content::Audience::public_audience,
           std::size_t linearise_above = fast_web_view_bytes) {
    auto built = std::make_unique<BuiltPack>();
    built->fixture = make_fixture(name);
    auto& f = *built->fixture;
    built->output = build_meeting_pack(f.site, f.board, f.meeting, audience,
                                       resources(linearise_above), built->sink);
    built->pack_path = save_pdf(f.folder, "pack.pdf", built->output.pack_pdf);
    built->agenda_path = save_pdf(f.folder, "agenda.pdf", built->output.agenda_pdf);
    return built;
}

inline const content::PackItemPages& item_pages(const PackOutput& output,
                                                const std::string& number) {
    for (const auto& item : output.summary.items)
        if (item.number == number)
            return item;
    FAIL("no item " << number);
    throw 0;
}

} // namespace bp::pack::testing

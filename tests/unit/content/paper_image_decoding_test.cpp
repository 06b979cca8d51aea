#include "../image_samples.hpp"
#include "content/load.hpp"
#include "content/paper_images.hpp"
#include "site_fixture.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::content;

namespace {

std::vector<Diagnostic> load_report(MemoryFileSystem& files, const std::string& body,
                                    DiagnosticSink& sink) {
    files.add("content/csp/2017-09-12/02-report.md",
              "---\ntitle: The report\nauthor: Ann Lee\n---\n" + body);
    Site site = load_site_index(files, sink);
    REQUIRE(site.boards.size() == 1);
    Board& board = site.boards[0];
    Meeting& meeting = board.meetings[1];
    load_meeting_papers(files, site, board, meeting, sink);
    return sink.sorted();
}

} // namespace

TEST_CASE("image paths resolve beside the paper") {
    CHECK(image_site_path("content/b/2017", "map.png") == "content/b/2017/map.png");
    CHECK(image_site_path("content/b/2017", "./img/../map.png") == "content/b/2017/map.png");
    CHECK(image_site_path("content/b/2017", "../shared/logo.svg") == "content/b/shared/logo.svg");
    CHECK(is_remote_image("https://example.org/a.png"));
    CHECK_FALSE(is_remote_image("images/a.png"));
}

TEST_CASE("every image a paper names is read while loading, each fault at its line") {
    auto files = small_site();
    std::string png = samples::png_bytes(20, 10, PNG_COLOR_TYPE_RGB, 8);
    files.add("content/csp/2017-09-12/good.png", png);
    files.add("content/csp/2017-09-12/good.svg", samples::svg_bytes());
    files.add("content/csp/2017-09-12/cut.png", png.substr(0, png.size() / 2));
    files.add("content/csp/2017-09-12/letter.png", "Dear colleagues,\n");
    DiagnosticSink sink;
    auto diagnostics = load_report(files,
                                   "![Good](good.png)\n\n"                     // line 5
                                   "![Drawing](good.svg)\n\n"                  // line 7
                                   "![Missing](missing.png)\n\n"               // line 9
                                   "Text ![Cut](cut.png) here.\n\n"            // line 11
                                   "| a |\n|---|\n| ![Letter](letter.png) |\n" // line 15
                                   "\n![Remote](https://example.org/x.png)\n",
                                   sink);
    std::vector<std::string> errors;
    for (const auto& d : diagnostics)
        if (d.severity == Severity::error)
            errors.push_back(format_diagnostic(d));
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].starts_with("content/csp/2017-09-12/02-report.md:9:1: error: image "
                                "'missing.png' does not exist"));
    CHECK(errors[1].starts_with("content/csp/2017-09-12/02-report.md:11:6: error: image "
                                "'cut.png' is a truncated PNG file"));
    CHECK(errors[2].starts_with("content/csp/2017-09-12/02-report.md:15:3: error: image "
                                "'letter.png' is not a PNG, JPEG or SVG image"));
    for (const auto& text : errors) {
        CHECK(text.find("hint:") != std::string::npos);
        CHECK(text.find("0x") == std::string::npos);
    }
}

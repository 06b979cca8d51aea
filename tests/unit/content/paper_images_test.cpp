#include "../image_samples.hpp"
#include "content/load.hpp"
#include "content/paper_images.hpp"
#include "site_fixture.hpp"

#include <doctest/doctest.h>

namespace {

std::vector<std::string> messages(const bp::DiagnosticSink& sink) {
    std::vector<std::string> out;
    for (const auto& found : sink.sorted())
        out.push_back(found.location.file + ":" + std::to_string(found.location.line) + ": " +
                      found.message);
    return out;
}

} // namespace

TEST_CASE("image paths resolve against the paper's folder and may not leave the site") {
    using bp::content::image_site_path;
    CHECK(image_site_path("content/csp/2017", "map.png") == "content/csp/2017/map.png");
    CHECK(image_site_path("content/csp/2017", "img/a%20b.png") == "content/csp/2017/img/a b.png");
    CHECK(image_site_path("content/csp/2017", "../shared/logo.png") ==
          "content/csp/shared/logo.png");
    CHECK(image_site_path("content/csp/2017", "../../../../x.png").empty());
    CHECK(image_site_path("content/csp/2017", "/etc/passwd").empty());
    CHECK(image_site_path("content/csp/2017", "https://example.org/a.png").empty());
    CHECK(image_site_path("content/csp/2017", "//example.org/a.png").empty());
}

TEST_CASE("a paper's images outside the site or missing are located errors") {
    auto files = small_site();
    files.add("content/csp/2017-09-12/map.png",
              bp::samples::png_bytes(4, 4, PNG_COLOR_TYPE_RGB, 8));
    files.add(
        "content/csp/2017-09-12/02-report.md",
        "---\ntitle: The report\n---\n![Map](map.png)\n\n![Accounts](/etc/passwd)\n\n"
        "![Up](../../../../x.png)\n\n![Gone](gone.png)\n\n![Web](https://example.org/a.png)\n");
    bp::DiagnosticSink sink;
    auto site = bp::content::load_site_index(files, sink);
    auto meeting = site.boards[0].meetings[1];
    bp::content::load_meeting_papers(files, site, site.boards[0], meeting, sink);
    CHECK(messages(sink) ==
          std::vector<std::string>{
              "content/csp/2017-09-12/02-report.md:6: image '/etc/passwd' lies "
              "outside the site folder",
              "content/csp/2017-09-12/02-report.md:8: image '../../../../x.png' "
              "lies outside the site folder",
              "content/csp/2017-09-12/02-report.md:10: image 'gone.png' does not exist (looked "
              "for content/csp/2017-09-12/gone.png)"});
    const auto& paper = meeting.items[1].papers[0];
    REQUIRE(paper.images.size() == 1);
    CHECK(paper.images[0].site_path == "content/csp/2017-09-12/map.png");
}

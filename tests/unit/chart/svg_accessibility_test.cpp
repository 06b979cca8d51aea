#include "chart/svg_accessibility.hpp"

#include <doctest/doctest.h>

using bp::chart::make_svg_accessible;
using bp::chart::svg_id_prefix;

namespace {
// As SvgPen writes a chart, its ids already prefixed.
const std::string pen_like =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10pt\" height=\"10pt\" version=\"1.1\">\n"
    "<defs><symbol overflow=\"visible\" id=\"chart-vwi-glyph-1\"><path d=\"M 0 0\"/></symbol>"
    "<clipPath id=\"chart-vwi-clip-1\"><path d=\"M 0 0\"/></clipPath></defs>\n"
    "<g clip-path=\"url(#chart-vwi-clip-1)\"><use xlink:href=\"#chart-vwi-glyph-1\" x=\"1\" "
    "y=\"2\"/></g>\n"
    "</svg>\n";
} // namespace

TEST_CASE("a chart's ids begin with its id as a slug") {
    CHECK(svg_id_prefix("Burglary Q3") == "chart-burglary-q3-");
    CHECK(svg_id_prefix("vwi") == "chart-vwi-");
    CHECK(svg_id_prefix("") == "chart-");
}

TEST_CASE("the root svg gets an image role, a title and a description") {
    const auto svg = make_svg_accessible(pen_like, "chart-burglary-q3-", "Burglary", "Up 26%.");
    CHECK(svg.find("version=\"1.1\" role=\"img\" aria-labelledby=\"chart-burglary-q3-title "
                   "chart-burglary-q3-desc\">\n<title id=\"chart-burglary-q3-title\">Burglary"
                   "</title>\n<desc id=\"chart-burglary-q3-desc\">Up 26%.</desc>\n<defs>") !=
          std::string::npos);
    // The rest of the drawing is as it came.
    CHECK(svg.substr(svg.find("<defs>")) == pen_like.substr(pen_like.find("<defs>")));
    CHECK(svg.rfind("<?xml", 0) == 0);
}

TEST_CASE("title and description are escaped") {
    const auto svg =
        make_svg_accessible(pen_like, "chart-x-", "Fish & <chips>", "\"Quoted\" 'too'");
    CHECK(svg.find("<title id=\"chart-x-title\">Fish &amp; &lt;chips&gt;</title>") !=
          std::string::npos);
    CHECK(svg.find("&quot;Quoted&quot;") != std::string::npos);
    CHECK(svg.find("<chips>") == std::string::npos);
}

TEST_CASE("no title or description: role only, no empty elements") {
    const auto svg = make_svg_accessible(pen_like, "chart-", "", "");
    CHECK(svg.find("version=\"1.1\" role=\"img\">\n<defs>") != std::string::npos);
    CHECK(svg.find("aria-labelledby") == std::string::npos);
    CHECK(svg.find("<title") == std::string::npos);
    CHECK(svg.size() == pen_like.size() + std::string(" role=\"img\"").size());
}

TEST_CASE("a self-closing root gets its attributes inside the tag") {
    CHECK(make_svg_accessible("<svg width=\"1\"/>", "chart-a-", "T", "") ==
          "<svg width=\"1\" role=\"img\" aria-labelledby=\"chart-a-title\"/>\n"
          "<title id=\"chart-a-title\">T</title>");
}

TEST_CASE("text that is not svg comes back unchanged apart from nothing to label") {
    CHECK(make_svg_accessible("not svg", "chart-a-", "t", "d") == "not svg");
}

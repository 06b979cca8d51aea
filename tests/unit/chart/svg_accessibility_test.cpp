#include "chart/svg_accessibility.hpp"

#include <doctest/doctest.h>

using bp::chart::make_svg_accessible;

namespace {
const std::string cairo_like =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10pt\" height=\"10pt\" version=\"1.1\">\n"
    "<defs><symbol overflow=\"visible\" id=\"glyph0-1\"><path d=\"M 0 0\"/></symbol>"
    "<clipPath id=\"clip1\"><path d=\"M 0 0\"/></clipPath></defs>\n"
    "<g clip-path=\"url(#clip1)\"><use xlink:href=\"#glyph0-1\" x=\"1\" y=\"2\"/></g>\n"
    "</svg>\n";
}

TEST_CASE("the root svg gets an image role, a title and a description") {
    const auto svg = make_svg_accessible(cairo_like, "Burglary Q3", "Burglary", "Up 26%.");
    CHECK(svg.find("version=\"1.1\" role=\"img\" aria-labelledby=\"chart-burglary-q3-title "
                   "chart-burglary-q3-desc\">\n<title id=\"chart-burglary-q3-title\">Burglary"
                   "</title>\n<desc id=\"chart-burglary-q3-desc\">Up 26%.</desc>\n<defs>") !=
          std::string::npos);
}

TEST_CASE("title and description are escaped") {
    const auto svg = make_svg_accessible(cairo_like, "x", "Fish & <chips>", "\"Quoted\" 'too'");
    CHECK(svg.find("<title id=\"chart-x-title\">Fish &amp; &lt;chips&gt;</title>") !=
          std::string::npos);
    CHECK(svg.find("&quot;Quoted&quot;") != std::string::npos);
    CHECK(svg.find("<chips>") == std::string::npos);
}

TEST_CASE("ids and references are prefixed so charts can share a page") {
    const auto svg = make_svg_accessible(cairo_like, "vwi", "", "");
    CHECK(svg.find("id=\"chart-vwi-glyph0-1\"") != std::string::npos);
    CHECK(svg.find("xlink:href=\"#chart-vwi-glyph0-1\"") != std::string::npos);
    CHECK(svg.find("url(#chart-vwi-clip1)") != std::string::npos);
    CHECK(svg.find("\"glyph0-1\"") == std::string::npos);
}

TEST_CASE("no title or description: role only, no empty elements") {
    const auto svg = make_svg_accessible(cairo_like, "", "", "");
    CHECK(svg.find("role=\"img\">") != std::string::npos);
    CHECK(svg.find("aria-labelledby") == std::string::npos);
    CHECK(svg.find("<title") == std::string::npos);
    CHECK(svg.find("id=\"chart-glyph0-1\"") != std::string::npos);
}

TEST_CASE("text that is not svg comes back unchanged apart from nothing to label") {
    CHECK(make_svg_accessible("not svg", "a", "t", "d") == "not svg");
}

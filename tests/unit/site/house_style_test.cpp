#include "../house_style_yaml.hpp"
#include "site/page_frame.hpp"
#include "site/site_builder.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace bp;

namespace {

// The home page of a site with no boards, built with site.yaml's house style.
std::string home_page(const content::SiteConfig& config, DiagnosticSink& sink) {
    content::Site site;
    site.config = config;
    MemoryFileSystem source;
    auto destination = std::filesystem::temp_directory_path() /
                       ("bp-house-style-test-" + std::to_string(getpid()));
    OutputTree output(destination.string());
    site::SiteBuilder builder(site, content::Audience::public_audience, source,
                              BOARDPACK_SOURCE_ROOT, sink);
    builder.write_site_pages(output);
    std::ifstream in(output.staging_path("index.html"), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("site.yaml's RAG colours reach the site's CSS") {
    DiagnosticSink sink;
    content::SiteConfig config = house_style_sample::load_config(sink);
    REQUIRE_FALSE(sink.has_errors());
    std::string css = site::rag_style(config.rag);
    CHECK(contains(css, "--rag-red:#123456"));
    CHECK(contains(css, "--rag-amber:#fedcba"));
    CHECK(contains(css, "--rag-green:#00703c")); // the default stays
}

TEST_CASE("site.yaml's type sizes scale the site's text by the same ratio as the pack's") {
    DiagnosticSink sink;
    content::SiteConfig config = house_style_sample::load_config(sink);
    REQUIRE_FALSE(sink.has_errors());
    std::string css = site::type_style(config.type);
    CHECK(contains(css, "--body-scale:1.0909"));    // 12 pt over the default 11 pt
    CHECK(contains(css, "--leading-scale:1.1111")); // 1.5 over the default 1.35
    CHECK(contains(css, "--h1-scale:1;"));          // headings left at their defaults
    CHECK(contains(css, "--h3-scale:1}"));

    config.type.heading_sizes[0] = 27;
    config.type.heading_sizes[1] = 7;
    CHECK(contains(site::type_style(config.type), "--h1-scale:1.5;--h2-scale:0.5;"));
}

TEST_CASE("the default type sizes leave the theme's screen sizes as they are") {
    std::string css = site::type_style(content::Typography{});
    CHECK(css == ":root{--body-scale:1;--leading-scale:1;--h1-scale:1;--h2-scale:1;--h3-scale:1}");
}

TEST_CASE("every page carries the house style, and the theme's CSS uses it") {
    DiagnosticSink sink;
    content::SiteConfig config = house_style_sample::load_config(sink);
    std::string html = home_page(config, sink);
    REQUIRE_FALSE(sink.has_errors());
    CHECK(contains(html, "--rag-red:#123456"));
    CHECK(contains(html, "--body-scale:1.0909"));
    CHECK(contains(html, "--leading-scale:1.1111"));

    std::ifstream in(std::string(BOARDPACK_SOURCE_ROOT) + "/themes/default/assets/css/site.css");
    std::ostringstream theme_css;
    theme_css << in.rdbuf();
    CHECK(contains(theme_css.str(), "font-size: calc(1.1875rem * var(--body-scale))"));
    CHECK(contains(theme_css.str(), "line-height: calc(1.5 * var(--leading-scale))"));
    for (const char* heading : {"--h1-scale", "--h2-scale", "--h3-scale"})
        CHECK(contains(theme_css.str(), std::string("* var(") + heading + ")"));
}

TEST_CASE("site.yaml's body font heads the site's font stack, as it does the pack's") {
    MemoryFileSystem files;
    files.add("site.yaml", "title: Papers\norganisation: Council\n"
                           "style: { body_font: \"Noto Serif\" }\n");
    DiagnosticSink sink;
    content::SiteConfig config = content::load_site_config(files, sink);
    REQUIRE(sink.sorted().empty());
    CHECK(config.type.body_font == "Noto Serif");
    CHECK(contains(site::type_style(config.type), ";--body-font:\"Noto Serif\"}"));
    std::string html = home_page(config, sink);
    CHECK(contains(html, "--body-font:\"Noto Serif\""));

    // The theme sets the body in that family, then the bundled one, then common fonts.
    std::ifstream in(std::string(BOARDPACK_SOURCE_ROOT) + "/themes/default/assets/css/site.css");
    std::ostringstream theme_css;
    theme_css << in.rdbuf();
    CHECK(contains(theme_css.str(), "font-family: var(--body-font, \"Noto Sans\"), \"Noto Sans\", "
                                    "Arial, Helvetica, sans-serif;"));
}

TEST_CASE("a body font that could break out of the CSS is a located error") {
    for (const char* family : {"Serif\\\"}body{color:red", "Serif</style><script>", "a;b", ""}) {
        MemoryFileSystem files;
        files.add("site.yaml", std::string("title: Papers\norganisation: Council\nstyle:\n"
                                           "  body_font: '") +
                                   family + "'\n");
        DiagnosticSink sink;
        content::SiteConfig config = content::load_site_config(files, sink);
        CAPTURE(family);
        CHECK(config.type.body_font.empty());
        REQUIRE(sink.has_errors());
        std::string message = format_diagnostic(sink.sorted().front());
        CHECK(
            contains(message, "site.yaml:4:14: error: style 'body_font' must name a font family"));
        CHECK(site::type_style(config.type).find("body-font") == std::string::npos);
    }
}

#include "../house_style_yaml.hpp"
#include "site/page_frame.hpp"

#include <doctest/doctest.h>

using namespace bp;

TEST_CASE("site.yaml's RAG colours reach the site's CSS") {
    DiagnosticSink sink;
    content::SiteConfig config = house_style_sample::load_config(sink);
    REQUIRE_FALSE(sink.has_errors());
    std::string css = site::rag_style(config.rag);
    CHECK(css.find("--rag-red:#123456") != std::string::npos);
    CHECK(css.find("--rag-amber:#fedcba") != std::string::npos);
    CHECK(css.find("--rag-green:#00703c") != std::string::npos); // the default stays
}

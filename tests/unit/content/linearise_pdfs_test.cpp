#include "content/load.hpp"
#include "site_fixture.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::content;

TEST_CASE("site.yaml's linearise_pdfs chooses fast-web-view PDFs, on by default") {
    auto files = small_site();
    DiagnosticSink sink;
    CHECK(load_site_index(files, sink).config.linearise_pdfs);
    CHECK_FALSE(sink.has_errors());

    files.add("site.yaml",
              "title: Test Papers\norganisation: Test Council\nlinearise_pdfs: false\n");
    DiagnosticSink off_sink;
    CHECK_FALSE(load_site_index(files, off_sink).config.linearise_pdfs);
    CHECK_FALSE(off_sink.has_errors());

    files.add("site.yaml",
              "title: Test Papers\norganisation: Test Council\nlinearise_pdfs: fast\n");
    DiagnosticSink bad_sink;
    Site bad = load_site_index(files, bad_sink);
    REQUIRE(bad_sink.has_errors());
    std::string message = format_diagnostic(bad_sink.sorted().front());
    CHECK(message.find("site.yaml:3:17: error: 'linearise_pdfs' must be true or false") == 0);
    CHECK(bad.config.linearise_pdfs); // the default stands
}

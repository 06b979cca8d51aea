#include "pack/pack.hpp"
#include "pack/post_pass.hpp"
#include "pack_fixture.hpp"
#include "pdf_probe.hpp"

#include <doctest/doctest.h>
#include <qpdf/QPDF.hh>
#include <regex>

using namespace bp;
using namespace bp::pack;
using namespace bp::pack::testing;

namespace {

// The two strings of the file's last ID.
std::pair<std::string, std::string> last_id(const std::string& pdf) {
    std::smatch match;
    std::string tail = pdf.substr(pdf.rfind("/ID"));
    if (!std::regex_search(tail, match, std::regex(R"(/ID\s*\[\s*<([0-9a-f]+)>\s*<([0-9a-f]+)>)")))
        return {};
    return {match[1], match[2]};
}

PackOutput pack_of(const Fixture& fixture, std::size_t linearise_above) {
    DiagnosticSink sink;
    PackOutput output =
        build_meeting_pack(fixture.site, fixture.board, fixture.meeting, content::Audience::members,
                           resources(linearise_above), sink);
    REQUIRE_FALSE(sink.has_errors());
    return output;
}

} // namespace

TEST_CASE("a pack is linearised when it is larger than the limit, and written plain below it") {
    auto fixture = make_fixture("fast-web-view");
    PackOutput plain = pack_of(*fixture, fast_web_view_bytes);
    REQUIRE(plain.pack_pdf.size() < fast_web_view_bytes);
    CHECK_FALSE(linearised(plain.pack_pdf));
    CHECK_FALSE(linearised(plain.agenda_pdf));
    std::string plain_path = save_pdf(fixture->folder, "plain.pdf", plain.pack_pdf);
    CommandResult check = run_command("qpdf --check '" + plain_path + "'");
    CHECK(check.status == 0);
    CHECK(check.output.find("File is not linearized") != std::string::npos);

    // The limit is on the file as written plain: at its size, plain; a byte under, linearised.
    CHECK(pack_of(*fixture, plain.pack_pdf.size()).pack_pdf == plain.pack_pdf);
    // Its streams alone are smaller, so the size was in doubt: the plain file was copied
    // linearised, a new document all the same, its ID its own digest in both strings.
    QPDF read;
    read.processMemoryFile("plain.pdf", plain.pack_pdf.data(), plain.pack_pdf.size());
    CHECK(stream_bytes(read) < plain.pack_pdf.size() - 1);
    CHECK(stream_bytes(read) > plain.pack_pdf.size() / 2);
    PackOutput fast = pack_of(*fixture, plain.pack_pdf.size() - 1);
    REQUIRE(linearised(fast.pack_pdf));
    auto [first, second] = last_id(fast.pack_pdf);
    CHECK(first.size() == 32);
    CHECK(first == second);
    CHECK(first != last_id(plain.pack_pdf).first);
    std::string fast_path = save_pdf(fixture->folder, "fast.pdf", fast.pack_pdf);
    CHECK(run_command("qpdf --check-linearization '" + fast_path + "'")
              .output.find("no linearization errors") != std::string::npos);
    CHECK(run_command("pdftotext '" + fast_path + "' -").output ==
          run_command("pdftotext '" + plain_path + "' -").output);

    // site.yaml's linearise_pdfs: false writes every file plain, however large.
    fixture->site.config.linearise_pdfs = false;
    CHECK_FALSE(linearised(pack_of(*fixture, 0).pack_pdf));
}

TEST_CASE("an archive pack is linearised when it is larger than the limit") {
    auto fixture = make_fixture("fast-web-view-archive");
    PackOutput pack = pack_of(*fixture, fast_web_view_bytes);
    auto archive = [&](std::size_t linearise_above) {
        DiagnosticSink sink;
        std::string pdf = build_quarter_pack(fixture->site, fixture->board, "Quarter 2, 2017/18",
                                             {{&fixture->meeting, pack.pack_pdf}},
                                             resources(linearise_above), sink);
        REQUIRE_FALSE(sink.has_errors());
        return pdf;
    };
    std::string plain = archive(fast_web_view_bytes);
    CHECK(plain.size() < fast_web_view_bytes);
    CHECK_FALSE(linearised(plain));
    std::string fast = archive(0);
    REQUIRE(linearised(fast));
    std::string path = save_pdf(fixture->folder, "archive.pdf", fast);
    CHECK(run_command("qpdf --check-linearization '" + path + "'")
              .output.find("no linearization errors") != std::string::npos);
}

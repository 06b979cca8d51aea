#include "core/digest.hpp"
#include "pack/page_extractor.hpp"
#include "pack/post_pass.hpp"
#include "pack_fixture.hpp"
#include "pdf_probe.hpp"

#include <doctest/doctest.h>
#include <regex>
#include <stdexcept>

using namespace bp;
using namespace bp::pack;
using namespace bp::pack::testing;

namespace {

struct DocumentId {
    std::string first;
    std::string second;
};

// Every /ID the file holds (a linearised file has one at its start and one at its end).
std::vector<DocumentId> ids_of(const std::string& pdf) {
    static const std::regex id(R"(/ID \[<([0-9a-f]{32})><([0-9a-f]{32})>\])");
    std::vector<DocumentId> ids;
    for (std::sregex_iterator it(pdf.begin(), pdf.end(), id), end; it != end; ++it)
        ids.push_back({(*it)[1].str(), (*it)[2].str()});
    return ids;
}

// The file as it was before its ID was stamped: each ID's second string (and, with
// `first_too`, its first) back to the writer's placeholder.
std::string with_placeholder(std::string pdf, bool first_too) {
    const std::string placeholder = "31415926535897932384626433832795";
    for (std::size_t at = pdf.find("/ID [<"); at != std::string::npos;
         at = pdf.find("/ID [<", at + 1)) {
        if (first_too)
            pdf.replace(at + 6, 32, placeholder);
        pdf.replace(at + 6 + 32 + 2, 32, placeholder);
    }
    return pdf;
}

std::string one_page(PageExtractor& extractor, int page) {
    std::string error;
    std::string pdf = extractor.extract(page, page, {{"Page", 0, 0, {}}}, {}, error);
    CHECK(error.empty());
    return pdf;
}

} // namespace

TEST_CASE("a pack's ID is a digest of its own bytes, the same wherever the file says it") {
    auto pack = build_pack("document-id", content::Audience::members, 0);
    REQUIRE_FALSE(pack->sink.has_errors());
    const std::string& pdf = pack->output.pack_pdf;
    auto ids = ids_of(pdf);
    REQUIRE(ids.size() == 2); // linearised
    CHECK(ids[0].first == ids[0].second);
    CHECK(ids[1].first == ids[0].first);
    CHECK(ids[1].second == ids[0].first);
    // The digest is of the file as written with the placeholder in the ID: put it back and
    // the digest is the ID again, so anyone can check a pack was not altered after writing.
    std::string written = with_placeholder(pdf, true);
    CHECK(damage_check_hex(written) == ids[0].first);
    CHECK(ids[0].first != "31415926535897932384626433832795");
    CHECK(run_command("qpdf --check '" + pack->pack_path + "'").status == 0);

    // Another pack, another ID; the agenda cut from the pack in hand has one of its own.
    auto public_pack = build_pack("document-id-public", content::Audience::public_audience);
    REQUIRE_FALSE(public_pack->sink.has_errors());
    CHECK(ids_of(public_pack->output.pack_pdf).at(0).first != ids[0].first);
    auto agenda = ids_of(pack->output.agenda_pdf);
    REQUIRE_FALSE(agenda.empty());
    CHECK(agenda[0].first != ids[0].first);
}

TEST_CASE(
    "a page cut from a written pack keeps the pack's first ID string and gets its own second") {
    auto pack = build_pack("document-id-cut", content::Audience::members, 0);
    REQUIRE_FALSE(pack->sink.has_errors());
    std::string source_id = ids_of(pack->output.pack_pdf).at(0).first;
    PageExtractor extractor(pack->output.pack_pdf);
    std::string first = one_page(extractor, 1);
    std::string second = one_page(extractor, 2);
    auto first_ids = ids_of(first);
    auto second_ids = ids_of(second);
    REQUIRE(first_ids.size() == 1);
    REQUIRE(second_ids.size() == 1);
    CHECK(first_ids[0].first == source_id);
    CHECK(second_ids[0].first == source_id);
    CHECK(first_ids[0].second != source_id);
    CHECK(first_ids[0].second != second_ids[0].second);
    CHECK(damage_check_hex(with_placeholder(first, false)) == first_ids[0].second);

    // Linearised, the cut has the ID twice, at its start and its end, stamped alike.
    PageExtractor linearising(pack->output.pack_pdf, 0);
    auto fast_ids = ids_of(one_page(linearising, 1));
    REQUIRE(fast_ids.size() == 2);
    CHECK(fast_ids[0].first == source_id);
    CHECK(fast_ids[1].first == source_id);
    CHECK(fast_ids[0].second == fast_ids[1].second);
    CHECK(fast_ids[0].second != "31415926535897932384626433832795");
}

TEST_CASE("an archive pack made from a linearised meeting pack is a new document with its own ID") {
    auto pack = build_pack("document-id-archive", content::Audience::members, 0);
    REQUIRE_FALSE(pack->sink.has_errors());
    DiagnosticSink sink;
    std::string archive =
        build_quarter_pack(pack->fixture->site, pack->fixture->board, "Quarter 2, 2017/18",
                           {{&pack->fixture->meeting, pack->output.pack_pdf}}, resources(), sink);
    REQUIRE_FALSE(sink.has_errors());
    auto ids = ids_of(archive);
    REQUIRE_FALSE(ids.empty());
    // Neither string is the pack's: the archive is not a changed copy of it.
    std::string pack_id = ids_of(pack->output.pack_pdf).at(0).first;
    CHECK(ids[0].first != pack_id);
    CHECK(ids[0].first == ids[0].second);
    CHECK(damage_check_hex(with_placeholder(archive, true)) == ids[0].first);
}

TEST_CASE("an archive pack written after its first pack's bytes has an ID of its own, last") {
    auto pack = build_pack("document-id-archive-update", content::Audience::members);
    REQUIRE_FALSE(pack->sink.has_errors());
    REQUIRE_FALSE(linearised(pack->output.pack_pdf));
    DiagnosticSink sink;
    std::string archive =
        build_quarter_pack(pack->fixture->site, pack->fixture->board, "Quarter 2, 2017/18",
                           {{&pack->fixture->meeting, pack->output.pack_pdf}}, resources(), sink);
    REQUIRE_FALSE(sink.has_errors());
    REQUIRE(archive.starts_with(pack->output.pack_pdf));
    // The pack's own ID stays in the bytes kept from it; a reader takes the last trailer's.
    auto ids = ids_of(archive);
    REQUIRE(ids.size() == 2);
    std::string pack_id = ids_of(pack->output.pack_pdf).at(0).first;
    CHECK(ids[0].first == pack_id);
    CHECK(ids[1].first != pack_id);
    CHECK(ids[1].first == ids[1].second);
    std::string placeholder = archive;
    std::size_t last = placeholder.rfind("/ID [<");
    placeholder.replace(last + 6, 32, "31415926535897932384626433832795");
    placeholder.replace(last + 6 + 32 + 2, 32, "31415926535897932384626433832795");
    CHECK(damage_check_hex(placeholder) == ids[1].first);
}

TEST_CASE("a file without an ID to stamp is an error, and an ID-like string in it is not touched") {
    std::string no_id = "%PDF-1.5\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    CHECK_THROWS_AS(stamp_content_id(no_id), std::runtime_error);
    std::string short_id = "trailer << /ID [<0123><0123>] >>";
    CHECK_THROWS_AS(stamp_content_id(short_id), std::runtime_error);

    const std::string placeholder(32, 'a');
    const std::string other(32, 'b');
    std::string pdf = "stream /ID [<" + other + "><" + other + ">] endstream\n" +
                      "trailer << /ID [<" + placeholder + "><" + placeholder + ">] >>";
    std::string before = pdf;
    stamp_content_id(pdf);
    auto ids = ids_of(pdf);
    REQUIRE(ids.size() == 2);
    CHECK(ids[0].first == other); // not the placeholder: left as it was
    CHECK(ids[1].first == damage_check_hex(before));
    CHECK(ids[1].second == ids[1].first);
    CHECK(pdf.size() == before.size()); // nothing moves: the cross-reference offsets hold
}

#include "../file_size_limit.hpp"
#include "site/search_postings.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <set>
#include <stdexcept>

using namespace bp::site;

namespace {

std::vector<std::uint32_t> places(const ShardPostings& shard, const ShardPosting& posting) {
    auto span = shard.places_of(posting);
    return {span.begin(), span.end()};
}

std::vector<std::uint32_t> places_of_last(const ShardPostings& shard) {
    return places(shard, shard.by_stem.begin()->second.back());
}

} // namespace

TEST_CASE("postings spilled to their groups' files come back by shard, stem and document") {
    PostingSpill spill;
    spill.add(0, "burglari", 11, {23, 10}, 0);
    spill.add(0, "arson", 1, {}, 0);
    spill.add(1, "burglari", 2, {4, 9, 40, 10}, 1);
    spill.add(1, "2017", 1, {0, 4}, 1);
    spill.add(2, "ñandú", 1, {7, 5}, 2); // not a-z or 0-9: the "_" shard and group
    spill.add(2, "board", 1, {}, 2);     // shard "bo", beside "bu" in group "b"
    CHECK(spill.groups() == std::vector<std::string>{"2", "_", "a", "b"});
    CHECK(search_shard_group("bu") == "b");
    CHECK(search_shard_group("_") == "_");
    CHECK(spill.shard_keys("b") == std::set<std::string>{"bo", "bu"});
    CHECK(spill.shard_keys("2") == std::set<std::string>{"20"});
    CHECK(spill.shard_keys("z").empty());

    // A shard brings its own stems only, not the rest of its group's.
    ShardPostings bu = spill.shard("bu");
    REQUIRE(bu.by_stem.size() == 1);
    const auto& burglari = bu.by_stem.at("burglari");
    REQUIRE(burglari.size() == 2);
    CHECK(burglari[0].document == 0);
    CHECK(burglari[0].weight == 11);
    CHECK(places(bu, burglari[0]) == std::vector<std::uint32_t>{23, 10});
    CHECK(burglari[1].document == 1);
    CHECK(places(bu, burglari[1]) == std::vector<std::uint32_t>{4, 9, 40, 10});
    ShardPostings bo = spill.shard("bo");
    REQUIRE(bo.by_stem.size() == 1);
    CHECK(bo.by_stem.at("board")[0].document == 2);
    CHECK(places(bo, bo.by_stem.at("board")[0]).empty());
    ShardPostings ar = spill.shard("ar");
    CHECK(places(ar, ar.by_stem.at("arson")[0]).empty());
    ShardPostings other = spill.shard("_");
    CHECK(other.by_stem.at("ñandú")[0].document == 2);
    CHECK(places(other, other.by_stem.at("ñandú")[0]) == std::vector<std::uint32_t>{7, 5});
    CHECK(spill.shard("zz").by_stem.empty());
    CHECK(spill.shard("bi").by_stem.empty());

    // Reading a shard leaves its group whole, and later postings still go at its end.
    spill.add(3, "burglar", 1, {1, 7}, 3);
    ShardPostings again = spill.shard("bu");
    CHECK(again.by_stem.at("burglari").size() == 2);
    CHECK(again.by_stem.at("burglar")[0].document == 3);
    CHECK(places(again, again.by_stem.at("burglar")[0]) == std::vector<std::uint32_t>{1, 7});
    CHECK(spill.shard("bu").by_stem.at("burglari")[1].weight == 2);
    CHECK(spill.shard("bo").by_stem.at("board").size() == 1);
}

TEST_CASE("parts of a group's shards come back from one pass, each with its own stems") {
    PostingSpill spill;
    spill.add(0, "burglari", 11, {23, 10}, 0);
    spill.add(0, "board", 1, {0, 5}, 0);
    spill.add(1, "b", 1, {2, 1}, 1); // shard "b_", which sorts after "bu" though "b" < "board"
    spill.add(1, "burglar", 2, {}, 1);
    spill.add(2, "bus", 1, {9, 3}, 2);
    spill.add(2, "arson", 1, {0, 5}, 2); // another group: never read here
    std::vector<ShardPostings> parts =
        spill.parts("b", {{"bo", "board", "board"},
                          {"bu", "burglar", "burglari"},
                          {"bu", "bus", "bus"},
                          {"b_", "b", "b"},
                          {"bi", "bin", "bit"}}); // a shard with no postings
    REQUIRE(parts.size() == 5);
    CHECK(parts[0].by_stem.size() == 1);
    CHECK(places(parts[0], parts[0].by_stem.at("board")[0]) == std::vector<std::uint32_t>{0, 5});
    REQUIRE(parts[1].by_stem.size() == 2);
    CHECK(parts[1].by_stem.at("burglar")[0].document == 1);
    CHECK(places(parts[1], parts[1].by_stem.at("burglari")[0]) ==
          std::vector<std::uint32_t>{23, 10});
    CHECK(parts[2].by_stem.at("bus")[0].document == 2);
    CHECK(places(parts[2], parts[2].by_stem.at("bus")[0]) == std::vector<std::uint32_t>{9, 3});
    CHECK(parts[3].by_stem.at("b")[0].weight == 1);
    CHECK(parts[4].by_stem.empty());
    CHECK(spill.shard_keys("b") == std::set<std::string>{"b_", "bo", "bu"});
    // A range leaves out the stems outside it, even within its shard.
    CHECK(spill.parts("b", {{"bu", "burglari", "burglari"}})[0].by_stem.size() == 1);
}

TEST_CASE("postings go to $TMPDIR, and a folder that cannot hold them is named in the error") {
    const char* before = std::getenv("TMPDIR");
    std::string kept = before ? before : "";
    ::setenv("TMPDIR", "/nonexistent-boardpack-folder", 1);
    PostingSpill spill;
    std::string message;
    try {
        spill.add(0, "arson", 1, {0, 5}, 0);
    } catch (const std::runtime_error& error) {
        message = error.what();
    }
    // Another document after the failure fails the same way, never writes to no file.
    CHECK_THROWS_AS(spill.add(1, "assault", 1, {0, 7}, 1), std::runtime_error);
    CHECK(spill.groups().empty());
    if (before)
        ::setenv("TMPDIR", kept.c_str(), 1);
    else
        ::unsetenv("TMPDIR");
    CHECK(message.find("/nonexistent-boardpack-folder") != std::string::npos);
    CHECK(message.find("search index") != std::string::npos);
}

TEST_CASE("postings that cannot be written to their file fail the index, however they wait") {
    std::vector<std::uint32_t> places(64, 3);
    SUBCASE("when enough of them wait to be written") {
        PostingSpill spill;
        bp::test_support::FileSizeLimit limit(4096);
        CHECK_THROWS_WITH_AS(for (std::uint32_t document = 0; document < 1000; ++document)
                                 spill.add(document, "arson", 1, places, document),
                             doctest::Contains("cannot write the search index's temporary file"),
                             std::runtime_error);
    }
    SUBCASE("when they are read back") {
        PostingSpill spill;
        for (std::uint32_t document = 0; document < 20; ++document)
            spill.add(document, "arson", 1, places, document); // 5 KB, waiting
        bp::test_support::FileSizeLimit limit(4096);
        CHECK_THROWS_AS(spill.shard("ar"), std::runtime_error);
    }
    SUBCASE("and nothing is lost below the limit") {
        PostingSpill spill;
        for (std::uint32_t document = 0; document < 1000; ++document)
            spill.add(document, document % 2 ? "arson" : "assault", 1, places, document);
        ShardPostings shard = spill.shard("ar");
        REQUIRE(shard.by_stem.at("arson").size() == 500);
        CHECK(places_of_last(shard) == places);
        CHECK(spill.shard("as").by_stem.at("assault").back().document == 998);
    }
}

TEST_CASE("a shard's sum names its postings whatever order and form they came in") {
    std::vector<std::uint32_t> burglary{23, 10};
    std::string records; // two documents' postings, as a meeting's block numbers them
    append_posting_record(records, 0, "burglari", 11, burglary);
    append_posting_record(records, 0, "arson", 1, {});
    append_posting_record(records, 1, "burglari", 2, std::vector<std::uint32_t>{4, 9});
    std::vector<std::uint64_t> identities{document_identity("csp/a.html"),
                                          document_identity("csp/b.html")};
    PostingSpill added, recorded, renamed, reweighed;
    // One by one, the later document first and numbered otherwise.
    added.add(7, "burglari", 2, {4, 9}, identities[1]);
    added.add(3, "arson", 1, {}, identities[0]);
    added.add(3, "burglari", 11, burglary, identities[0]);
    recorded.add_records(40, records, identities);
    CHECK(added.sum_of("bu") == recorded.sum_of("bu"));
    CHECK(added.sum_of("ar") == recorded.sum_of("ar"));
    CHECK_FALSE(added.sum_of("bu") == added.sum_of("ar"));
    CHECK(added.sum_of("zz") == ShardSum{}); // no postings
    CHECK(added.sum_of("bu").hex().size() == 32);
    // The same postings under another document's name, or with another weight: another sum,
    // for that shard alone.
    renamed.add_records(0, records,
                        std::vector<std::uint64_t>{identities[0], document_identity("csp/c.html")});
    CHECK_FALSE(renamed.sum_of("bu") == recorded.sum_of("bu"));
    CHECK(renamed.sum_of("ar") == recorded.sum_of("ar"));
    reweighed.add(0, "burglari", 12, burglary, identities[0]);
    reweighed.add(0, "arson", 1, {}, identities[0]);
    reweighed.add(1, "burglari", 2, {4, 9}, identities[1]);
    CHECK_FALSE(reweighed.sum_of("bu") == recorded.sum_of("bu"));
    CHECK(reweighed.sum_of("ar") == recorded.sum_of("ar"));
    // A block that numbers a document it has no name for is refused.
    PostingSpill short_of_names;
    CHECK_THROWS_AS(short_of_names.add_records(0, records, std::vector<std::uint64_t>{1}),
                    std::runtime_error);
}

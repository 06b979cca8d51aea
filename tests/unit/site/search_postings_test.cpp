#include "site/search_postings.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <stdexcept>

using namespace bp::site;

TEST_CASE("postings spilled to their groups' files come back by group, stem and document") {
    PostingSpill spill;
    spill.add(0, "burglari", 11, {23, 10});
    spill.add(0, "arson", 1, {});
    spill.add(1, "burglari", 2, {4, 9, 40, 10});
    spill.add(1, "2017", 1, {0, 4});
    spill.add(2, "ñandú", 1, {7, 5}); // not a-z or 0-9: the "_" shard and group
    spill.add(2, "board", 1, {});     // shard "bo", beside "bu" in group "b"
    CHECK(spill.groups() == std::vector<std::string>{"2", "_", "a", "b"});
    CHECK(search_shard_group("bu") == "b");
    CHECK(search_shard_group("_") == "_");

    ShardPostings b = spill.group("b");
    REQUIRE(b.size() == 2);
    CHECK(b.at("board")[0].document == 2);
    const auto& burglari = b.at("burglari");
    REQUIRE(burglari.size() == 2);
    CHECK(burglari[0].document == 0);
    CHECK(burglari[0].weight == 11);
    CHECK(burglari[0].places == std::vector<std::uint32_t>{23, 10});
    CHECK(burglari[1].document == 1);
    CHECK(burglari[1].places == std::vector<std::uint32_t>{4, 9, 40, 10});
    CHECK(spill.group("a").at("arson")[0].places.empty());
    CHECK(spill.group("_").at("ñandú")[0].document == 2);
    CHECK(spill.group("z").empty());

    // Reading a group leaves it whole, and later postings still go at its end.
    spill.add(3, "burglar", 1, {1, 7});
    ShardPostings again = spill.group("b");
    CHECK(again.at("burglari").size() == 2);
    CHECK(again.at("burglar")[0].document == 3);
    CHECK(spill.group("b").at("burglari")[1].weight == 2);
}

TEST_CASE("postings go to $TMPDIR, and a folder that cannot hold them is named in the error") {
    const char* before = std::getenv("TMPDIR");
    std::string kept = before ? before : "";
    ::setenv("TMPDIR", "/nonexistent-boardpack-folder", 1);
    PostingSpill spill;
    std::string message;
    try {
        spill.add(0, "arson", 1, {0, 5});
    } catch (const std::runtime_error& error) {
        message = error.what();
    }
    // Another document after the failure fails the same way, never writes to no file.
    CHECK_THROWS_AS(spill.add(1, "assault", 1, {0, 7}), std::runtime_error);
    CHECK(spill.groups().empty());
    if (before)
        ::setenv("TMPDIR", kept.c_str(), 1);
    else
        ::unsetenv("TMPDIR");
    CHECK(message.find("/nonexistent-boardpack-folder") != std::string::npos);
    CHECK(message.find("search index") != std::string::npos);
}

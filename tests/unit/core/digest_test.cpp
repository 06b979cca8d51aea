#include "core/digest.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

using namespace bp;

TEST_CASE("sha256_hex gives the standard SHA-256 of known texts") {
    // FIPS 180-2 test vectors.
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("file_sha256_hex reads a file larger than one piece") {
    auto path = std::filesystem::temp_directory_path() / "boardpack-digest-test.bin";
    std::string bytes(200000, 'a');
    bytes[123456] = 'b';
    std::ofstream(path, std::ios::binary) << bytes;
    CHECK(file_sha256_hex(path) == sha256_hex(bytes));
    std::filesystem::remove(path);
    CHECK_FALSE(file_sha256_hex(path).has_value());
}

TEST_CASE("file_damage_check_hex reads a file larger than one piece") {
    auto path = std::filesystem::temp_directory_path() / "boardpack-damage-check-test.bin";
    std::string bytes(200000, 'a');
    bytes[123456] = 'b';
    std::ofstream(path, std::ios::binary) << bytes;
    CHECK(file_damage_check_hex(path) == damage_check_hex(bytes));
    CHECK(file_damage_check_hex(path) != damage_check_hex(std::string(200000, 'a')));
    std::ofstream(path, std::ios::binary) << "";
    CHECK(file_damage_check_hex(path) == "99aa06d3014798d86001c324468d497f");
    std::filesystem::remove(path);
    CHECK_FALSE(file_damage_check_hex(path).has_value());
}

TEST_CASE("a remembered digest is the file's own, and a file just changed is read again") {
    auto path = std::filesystem::temp_directory_path() / "boardpack-remembered-digest.txt";
    std::ofstream(path, std::ios::binary) << "first";
    CHECK(remembered_file_sha256_hex(path) == sha256_hex("first"));
    // Rewritten at once with as many bytes: its times may not have moved on the clock's
    // tick, so a digest taken this soon after a change is never kept.
    std::ofstream(path, std::ios::binary) << "other";
    CHECK(remembered_file_sha256_hex(path) == sha256_hex("other"));
    CHECK(remembered_file_sha256_hex(path) == sha256_hex("other"));
    std::filesystem::remove(path);
    CHECK_FALSE(remembered_file_sha256_hex(path).has_value());
    CHECK_FALSE(remembered_file_sha256_hex(std::filesystem::temp_directory_path()).has_value());
    // A file long unchanged, asked for twice: the second answer is the remembered one.
    std::filesystem::path settled = "/etc/os-release";
    REQUIRE(file_sha256_hex(settled).has_value());
    CHECK(remembered_file_sha256_hex(settled) == file_sha256_hex(settled));
    CHECK(remembered_file_sha256_hex(settled) == file_sha256_hex(settled));
}

namespace {

// A line of remembered_digests_text() for `path` as it stands, claiming `hex` as its digest.
std::string remembered_line(const std::filesystem::path& path, const std::string& hex) {
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    std::string line;
    for (long long number :
         {static_cast<long long>(status.st_dev), static_cast<long long>(status.st_ino),
          static_cast<long long>(status.st_size), static_cast<long long>(status.st_mtim.tv_sec),
          static_cast<long long>(status.st_mtim.tv_nsec),
          static_cast<long long>(status.st_ctim.tv_sec),
          static_cast<long long>(status.st_ctim.tv_nsec)})
        line += std::to_string(number) + ' ';
    return line + hex + '\n';
}

bool handed_on(const std::string& line) {
    return remembered_digests_text().find(line) != std::string::npos;
}

} // namespace

TEST_CASE(
    "while a build holds digests, a path keeps its first one, and afterwards it is read again") {
    auto path = std::filesystem::temp_directory_path() / "boardpack-held-digest.txt";
    auto gone = std::filesystem::temp_directory_path() / "boardpack-held-digest-absent.txt";
    std::filesystem::remove(gone);
    std::ofstream(path, std::ios::binary) << "first";
    {
        DigestsHeldForBuild held;
        CHECK(remembered_file_sha256_hex(path) == sha256_hex("first"));
        CHECK_FALSE(remembered_file_sha256_hex(gone).has_value());
        // Changed during the build: every part of the build sees the digest it first gave.
        std::ofstream(path, std::ios::binary) << "second, longer";
        std::ofstream(gone, std::ios::binary) << "made meanwhile";
        CHECK(remembered_file_sha256_hex(path) == sha256_hex("first"));
        CHECK_FALSE(remembered_file_sha256_hex(gone).has_value());
    }
    CHECK(remembered_file_sha256_hex(path) == sha256_hex("second, longer"));
    CHECK(remembered_file_sha256_hex(gone) == sha256_hex("made meanwhile"));
    {
        DigestsHeldForBuild next;
        CHECK(remembered_file_sha256_hex(path) == sha256_hex("second, longer"));
    }
    // A path from "." held under either spelling.
    std::filesystem::path here = std::filesystem::current_path();
    std::filesystem::current_path(std::filesystem::temp_directory_path());
    {
        DigestsHeldForBuild held;
        CHECK(remembered_file_sha256_hex("./" + path.filename().string()) ==
              sha256_hex("second, longer"));
        std::ofstream(path, std::ios::binary) << "third";
        CHECK(remembered_file_sha256_hex(path.filename()) == sha256_hex("second, longer"));
    }
    std::filesystem::current_path(here);
    std::filesystem::remove(path);
    std::filesystem::remove(gone);
}

TEST_CASE("digests handed on by an earlier process stand while the file's times do") {
    auto path = std::filesystem::temp_directory_path() / "boardpack-handed-on-digest.txt";
    std::ofstream(path, std::ios::binary) << "kept";
    // A digest no file could have: used, it can only have come from what was handed on.
    std::string claimed(64, 'a');
    std::string line = remembered_line(path, claimed);
    REQUIRE(recall_remembered_digests(line));
    CHECK_FALSE(handed_on(line)); // recalled, but not asked for: not handed on again
    CHECK(remembered_file_sha256_hex(path) == claimed);
    CHECK(handed_on(line));
    // Touched: its times differ from those handed on, so the file is read again.
    std::filesystem::last_write_time(path, std::filesystem::last_write_time(path) +
                                               std::chrono::seconds(1));
    CHECK(remembered_file_sha256_hex(path) == sha256_hex("kept"));
    std::filesystem::remove(path);
}

TEST_CASE("digests handed on are taken whole or not at all") {
    std::string hex(64, 'b');
    CHECK_FALSE(recall_remembered_digests("1 2 3 4 5 6 7 " + hex)); // no line end
    CHECK_FALSE(recall_remembered_digests("1 2 3 4 5 6 " + hex + "\n"));
    CHECK_FALSE(recall_remembered_digests("1 2 3 4 5 6 7 " + hex.substr(1) + "\n"));
    CHECK_FALSE(recall_remembered_digests("1 2 3 4 5 6 7 " + std::string(64, 'G') + "\n"));
    CHECK_FALSE(recall_remembered_digests("1 2 3 4 5 6 x " + hex + "\n"));
    CHECK(recall_remembered_digests(""));
}

TEST_CASE("Digest keeps the parts apart") {
    Digest one, other, same;
    one.add("ab").add("c");
    other.add("a").add("bc");
    same.add("ab").add("c");
    CHECK(one.hex() != other.hex());
    CHECK(one.hex() == same.hex());
    CHECK(one.hex().size() == 64);
    CHECK(one.hex() != sha256_hex("abc"));
}

TEST_CASE("Digest can be read and then extended") {
    Digest digest;
    digest.add("first");
    std::string early = digest.hex();
    CHECK(digest.hex() == early);
    digest.add("second");
    CHECK(digest.hex() != early);
}

TEST_CASE("sha256_hex tells apart inputs that differ in one byte") {
    CHECK(sha256_hex("period,value\n2017-04,166\n") != sha256_hex("period,value\n2017-04,167\n"));
    CHECK(sha256_hex(std::string("a\0b", 3)).size() == 64);
}

TEST_CASE("damage_check_hex is XXH3's 128-bit hash, high half first, in 32 digits") {
    // The published XXH3-128 of no bytes.
    CHECK(damage_check_hex("") == "99aa06d3014798d86001c324468d497f");
    CHECK(damage_check_hex("board pack") == "aa3c7a35035f118d60332ed0aa9dc8e7");
    CHECK(damage_check_hex(std::string("a\0b", 3)).size() == 32);
}

TEST_CASE("damage_check_hex finds one byte changed anywhere in a long text") {
    std::string text(200000, 'x');
    for (std::size_t at = 0; at < text.size(); at += 4099)
        text[at] = static_cast<char>('a' + at % 26);
    const std::string check = damage_check_hex(text);
    for (std::size_t at : {std::size_t{0}, std::size_t{1234}, text.size() / 2, text.size() - 1}) {
        std::string altered = text;
        altered[at] = static_cast<char>(altered[at] ^ 1);
        CHECK(damage_check_hex(altered) != check);
    }
    CHECK(damage_check_hex(text.substr(0, text.size() - 1)) != check);
}

TEST_CASE("an unordered sum is the same in any order and changes with any member") {
    auto file = [](const std::string& path, int size, int time) { // as the output's record has it
        return path + '\0' + std::to_string(size) + '\0' + std::to_string(time);
    };
    auto sum_of = [](std::initializer_list<std::string> members) {
        UnorderedSum sum;
        for (const auto& member : members)
            sum.add_member(member);
        return sum;
    };
    UnorderedSum forwards = sum_of({file("index.html", 120, 7), file("a/b.pdf", 9, 7)});
    CHECK(forwards == sum_of({file("a/b.pdf", 9, 7), file("index.html", 120, 7)}));
    CHECK_FALSE(forwards == sum_of({file("index.html", 121, 7), file("a/b.pdf", 9, 7)}));
    CHECK_FALSE(forwards == sum_of({file("index.html", 120, 8), file("a/b.pdf", 9, 7)}));
    CHECK_FALSE(forwards == sum_of({file("index.html", 120, 7)}));
    CHECK(forwards.hex().size() == 32);
    CHECK(UnorderedSum{}.hex() == std::string(32, '0'));
    UnorderedSum carried{~std::uint64_t{0}, 0}; // the low half's carry reaches the high half
    carried.add(1, 0);
    CHECK(carried == UnorderedSum{0, 1});
}

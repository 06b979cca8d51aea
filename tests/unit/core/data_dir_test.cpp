#include "core/data_dir.hpp"

#include <cstdint>
#include <doctest/doctest.h>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

namespace {

// A scratch folder removed at the end of the test.
struct Scratch {
    fs::path root;
    Scratch() {
        root = fs::temp_directory_path() /
               ("bp-data-dir-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~Scratch() { fs::remove_all(root); }
    void theme_in(const fs::path& data) { fs::create_directories(root / data / "themes/default"); }
};

} // namespace

TEST_CASE("data_dir: an installed binary finds share/boardpack beside its bin folder") {
    Scratch s;
    s.theme_in("prefix/share/boardpack");
    std::string binary = (s.root / "prefix/bin/boardpack").string();
    CHECK(bp::data_dir_for(binary, nullptr) == (s.root / "prefix/share/boardpack").string());
}

TEST_CASE("data_dir: a binary in a build folder finds the mirrored share/boardpack") {
    Scratch s;
    s.theme_in("build/share/boardpack");
    std::string binary = (s.root / "build/boardpack").string();
    CHECK(bp::data_dir_for(binary, nullptr) == (s.root / "build/share/boardpack").string());
}

TEST_CASE("data_dir: BOARDPACK_DATA_DIR wins, and an empty one is ignored") {
    Scratch s;
    s.theme_in("prefix/share/boardpack");
    std::string binary = (s.root / "prefix/bin/boardpack").string();
    CHECK(bp::data_dir_for(binary, "/somewhere/else") == "/somewhere/else");
    CHECK(bp::data_dir_for(binary, "") == (s.root / "prefix/share/boardpack").string());
}

TEST_CASE("data_dir: with no data anywhere, the installed location is named") {
    Scratch s;
    std::string binary = (s.root / "prefix/bin/boardpack").string();
    CHECK(bp::data_dir_for(binary, nullptr) == (s.root / "prefix/share/boardpack").string());
}

TEST_CASE("data_dir: the test binaries find the build folder's mirror of the source data") {
    // Test executables live beside build/boardpack, so they find the same data.
    CHECK(fs::is_regular_file(fs::path(bp::data_dir()) / "assets/fonts/NotoSans-Regular.ttf"));
    CHECK(fs::is_directory(fs::path(bp::data_dir()) / "themes/default/templates"));
}

#include "core/output_tree.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace bp;
namespace fs = std::filesystem;

namespace {

fs::path fresh_folder(const std::string& name) {
    fs::path folder = fs::temp_directory_path() / ("bp-output-tree-" + name);
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_text(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

} // namespace

TEST_CASE("a capture keeps what its own thread writes, copies included, and nothing else") {
    fs::path folder = fresh_folder("capture");
    write_text(folder / "appendix.pdf", "%PDF appendix");
    OutputTree out((folder / "public").string());
    out.write("before.html", "written before the capture");
    std::vector<std::pair<std::string, std::string>> kept;
    {
        OutputTree::Capture capture(out);
        out.write("board/meeting/index.html", "<p>agenda</p>");
        std::thread other([&] { out.write("other.html", "another thread's page"); });
        other.join();
        out.copy_file("board/meeting/appendix.pdf", (folder / "appendix.pdf").string());
        kept = capture.take();
    }
    out.write("after.html", "written after the capture");
    REQUIRE(kept.size() == 2);
    CHECK(kept[0] ==
          std::pair<std::string, std::string>{"board/meeting/index.html", "<p>agenda</p>"});
    CHECK(kept[1] ==
          std::pair<std::string, std::string>{"board/meeting/appendix.pdf", "%PDF appendix"});
    CHECK(read_text(out.staging_path("board/meeting/appendix.pdf")) == "%PDF appendix");
    CHECK(read_text(out.staging_path("other.html")) == "another thread's page");
    fs::remove_all(folder);
}

TEST_CASE("a linked file is the source itself, and writing the path again never writes through") {
    fs::path folder = fresh_folder("link");
    fs::path stored = folder / "stored";
    write_text(stored, "kept bytes");
    OutputTree out((folder / "public").string());
    REQUIRE(out.link_file("board/pack.pdf", stored.string()));
    CHECK(fs::equivalent(out.staging_path("board/pack.pdf"), stored));
    out.write("board/pack.pdf", "new bytes");
    CHECK(read_text(out.staging_path("board/pack.pdf")) == "new bytes");
    CHECK(read_text(stored) == "kept bytes");
    CHECK_FALSE(out.link_file("board/missing.pdf", (folder / "no such file").string()));
    // Linking over a file written before replaces it, as writing would.
    out.write("board/agenda.pdf", "first bytes");
    REQUIRE(out.link_file("board/agenda.pdf", stored.string()));
    CHECK(fs::equivalent(out.staging_path("board/agenda.pdf"), stored));
    CHECK(read_text(out.staging_path("board/agenda.pdf")) == "kept bytes");
    fs::remove_all(folder);
}

TEST_CASE("a shared file gets a second name, and writing the path again leaves that alone") {
    fs::path folder = fresh_folder("share");
    OutputTree out((folder / "public").string());
    out.write("index.html", "<p>first</p>");
    CHECK_FALSE(out.share_file("index.html", (folder / "wrong-size").string(), 3));
    CHECK_FALSE(fs::exists(folder / "wrong-size"));
    REQUIRE(out.share_file("index.html", (folder / "kept").string(), 12));
    CHECK(fs::equivalent(out.staging_path("index.html"), folder / "kept"));
    out.write("index.html", "<p>second</p>");
    CHECK(read_text(folder / "kept") == "<p>first</p>");
    CHECK(read_text(out.staging_path("index.html")) == "<p>second</p>");
    fs::remove_all(folder);
}

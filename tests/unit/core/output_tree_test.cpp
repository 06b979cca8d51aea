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

TEST_CASE("the paths written are listed sorted, all of them or those with an ending") {
    fs::path folder = fresh_folder("written");
    write_text(folder / "appendix.pdf", "%PDF appendix");
    OutputTree out((folder / "public").string());
    out.write("search/index/meta.js", "meta");
    out.write("board/2017-09-12/index.html", "<p>agenda</p>");
    out.copy_file("board/2017-09-12/appendix.pdf", (folder / "appendix.pdf").string());
    REQUIRE(out.link_file("board/2017-09-12/linked.pdf", (folder / "appendix.pdf").string()));
    out.write("index.html", "<p>home</p>");
    CHECK(out.written() == std::vector<std::string>{"board/2017-09-12/appendix.pdf",
                                                    "board/2017-09-12/index.html",
                                                    "board/2017-09-12/linked.pdf", "index.html",
                                                    "search/index/meta.js"});
    CHECK(out.written(".html") ==
          std::vector<std::string>{"board/2017-09-12/index.html", "index.html"});
    CHECK(out.written(".pdf").size() == 2);
    CHECK(out.written(".svg").empty());
    fs::remove_all(folder);
}

TEST_CASE("a stream writes a file in pieces, listed once it is closed") {
    fs::path folder = fresh_folder("stream");
    OutputTree out((folder / "public").string());
    std::string expected;
    {
        OutputTree::Stream file(out, "search/index/terms-re.js");
        for (int n = 0; n < 40000; ++n) { // about a megabyte: several flushes
            std::string piece = "[" + std::to_string(n) + ",\"report\"],";
            file.append(piece);
            expected += piece;
        }
        CHECK(out.written().empty()); // not yet a file of the build
        file.close();
        CHECK_THROWS_AS(file.append("late"), std::logic_error);
    }
    CHECK(out.written() == std::vector<std::string>{"search/index/terms-re.js"});
    CHECK(read_text(out.staging_path("search/index/terms-re.js")) == expected);

    // Left unclosed (an exception on the way), the file is never listed as written.
    {
        OutputTree::Stream abandoned(out, "search/index/terms-co.js");
        abandoned.append("[1]");
    }
    CHECK(out.written() == std::vector<std::string>{"search/index/terms-re.js"});
    fs::remove_all(folder);
}

TEST_CASE("a capture keeps a streamed file's bytes, as it keeps a written file's") {
    fs::path folder = fresh_folder("stream-capture");
    OutputTree out((folder / "public").string());
    std::vector<std::pair<std::string, std::string>> kept;
    {
        OutputTree::Capture capture(out);
        OutputTree::Stream file(out, "board/index.js");
        file.append(std::string(300 * 1024, 'a'));
        file.append("end");
        file.close();
        kept = capture.take();
    }
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].first == "board/index.js");
    CHECK(kept[0].second == std::string(300 * 1024, 'a') + "end");
    fs::remove_all(folder);
}

#include "core/output_tree.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <sys/stat.h>
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

namespace {

// Every file under `root` (the marker left out), sorted, with its bytes.
std::vector<std::pair<std::string, std::string>> files_in(const fs::path& root) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file() && entry.path().filename() != OutputTree::marker_name)
            files.emplace_back(fs::relative(entry.path(), root).string(), read_text(entry.path()));
    std::sort(files.begin(), files.end());
    return files;
}

FileIdentity identity_of(const fs::path& path) {
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return {status.st_dev, status.st_ino};
}

void commit(OutputTree& out) {
    std::string error;
    REQUIRE(out.commit(error));
}

} // namespace

TEST_CASE("a reused previous build keeps its links to the same files and nothing else") {
    fs::path folder = fresh_folder("reuse");
    fs::path public_folder = folder / "public";
    fs::path stored = folder / "stored.pdf";
    fs::path restored = folder / "restored.pdf";
    write_text(stored, "cached pack");
    write_text(restored, "another cached pack");
    for (const char* page : {"first", "second"}) { // the second leaves the first's tree kept
        OutputTree out(public_folder.string(), PreviousBuild::reuse);
        out.write("index.html", page);
        REQUIRE(out.link_file("board/m1/pack.pdf", stored.string()));
        REQUIRE(out.link_file("board/m2/pack.pdf", stored.string()));
        out.write("board/m3/index.html", "a meeting the next build drops");
        out.write("board/m4", "a file where the next build makes a folder");
        out.write("board/m5/index.html", "a folder where the next build writes a file");
        commit(out);
    }
    const std::string previous = OutputTree::previous_path(public_folder.string());
    CHECK(previous == (folder / ".public.previous").string());
    REQUIRE(fs::is_regular_file(fs::path(previous) / "board/m3/index.html"));
    const auto links_before = fs::hard_link_count(stored);

    OutputTree out(public_folder.string(), PreviousBuild::reuse);
    CHECK_FALSE(fs::exists(previous)); // claimed as the staging folder
    out.write("index.html", "third");
    // Already there; the caller may give the identity it has just looked up.
    REQUIRE(out.link_file("board/m1/pack.pdf", stored.string(), identity_of(stored)));
    CHECK(fs::hard_link_count(stored) == links_before);             // nothing relinked
    REQUIRE(out.link_file("board/m2/pack.pdf", restored.string())); // replaced
    CHECK(fs::hard_link_count(stored) == links_before - 1);
    out.write("board/m4/index.html", "now a folder");
    out.write("board/m5", "now a file");
    CHECK(read_text(stored) == "cached pack");
    CHECK(read_text(restored) == "another cached pack");
    commit(out);

    using Files = std::vector<std::pair<std::string, std::string>>;
    CHECK(files_in(public_folder) == Files{{"board/m1/pack.pdf", "cached pack"},
                                           {"board/m2/pack.pdf", "another cached pack"},
                                           {"board/m4/index.html", "now a folder"},
                                           {"board/m5", "now a file"},
                                           {"index.html", "third"}});
    CHECK(fs::equivalent(public_folder / "board/m1/pack.pdf", stored));
    CHECK(fs::equivalent(public_folder / "board/m2/pack.pdf", restored));
    CHECK_FALSE(fs::exists(public_folder / "board/m3")); // emptied folders go too
    CHECK(fs::is_regular_file(public_folder / OutputTree::marker_name));
    CHECK(files_in(previous) ==
          Files{{"board/m1/pack.pdf", "cached pack"},
                {"board/m2/pack.pdf", "cached pack"},
                {"board/m3/index.html", "a meeting the next build drops"},
                {"board/m4", "a file where the next build makes a folder"},
                {"board/m5/index.html", "a folder where the next build writes a file"},
                {"index.html", "second"}});
    fs::remove_all(folder);
}

TEST_CASE("a file a reused build left is found as it is, and kept without a link") {
    fs::path folder = fresh_folder("left-file");
    fs::path public_folder = folder / "public";
    fs::path stored = folder / "stored.pdf";
    write_text(stored, "cached pack");
    {
        OutputTree first(public_folder.string(), PreviousBuild::reuse);
        CHECK_FALSE(first.left_file("board/m1/pack.pdf")); // it started empty
        REQUIRE(first.link_file("board/m1/pack.pdf", stored.string()));
        first.write("board/m1/index.html", "a page");
        commit(first);
    }
    {
        OutputTree second(public_folder.string(), PreviousBuild::reuse);
        commit(second); // its staging folder held nothing: the first build's is kept now
    }
    OutputTree out(public_folder.string(), PreviousBuild::reuse);
    auto left = out.left_file("board/m1/pack.pdf");
    REQUIRE(left);
    struct stat status {};
    REQUIRE(::stat(stored.c_str(), &status) == 0);
    CHECK(left->identity == identity_of(stored));
    CHECK(left->size == 11);
    CHECK(left->modified_seconds == status.st_mtim.tv_sec);
    CHECK(left->modified_nanoseconds == status.st_mtim.tv_nsec);
    CHECK_FALSE(out.left_file("board/m1")); // a folder
    CHECK_FALSE(out.left_file("board/m2/pack.pdf"));
    std::vector<std::string_view> paths = {
        "board/m1/pack.pdf", "board/m1/index.html", "board/m2/pack.pdf", "index.html",
        "board/m1",          "board/m1/pack.pdf/x", "board/m1/",         "board/m1/pack.pdf"};
    auto found = out.left_files(paths);
    REQUIRE(found.size() == paths.size());
    for (std::size_t n = 0; n < paths.size(); ++n) {
        CAPTURE(paths[n]);
        auto one = out.left_file(std::string(paths[n]));
        REQUIRE(found[n].has_value() == one.has_value());
        if (one)
            CHECK(found[n]->identity == one->identity);
    }
    CHECK(found[0]->identity == identity_of(stored)); // the link to the stored file
    CHECK(found[1]->size == 6);                       // "a page", in the same folder
    CHECK(found[7]->identity == identity_of(stored)); // the folder opened again
    CHECK_FALSE(found[2]);                            // no such folder
    CHECK_FALSE(found[4]);                            // a folder
    CHECK_FALSE(found[5]);                            // under a file
    CHECK_FALSE(found[6]);                            // no name
    out.keep_left("board/m1/pack.pdf", *left);
    commit(out);
    using Files = std::vector<std::pair<std::string, std::string>>;
    CHECK(files_in(public_folder) == Files{{"board/m1/pack.pdf", "cached pack"}});
    CHECK(fs::equivalent(public_folder / "board/m1/pack.pdf", stored));
    fs::remove_all(folder);
}

TEST_CASE("a folder held open between look-ups never shows a file that has gone") {
    fs::path folder = fresh_folder("left-folder-held");
    fs::path public_folder = folder / "public";
    for (int build = 0; build < 2; ++build) {
        OutputTree tree(public_folder.string(), PreviousBuild::reuse);
        tree.write("board/m1/index.html", "a page");
        tree.write("board/m1/pack.pdf", "a pack");
        tree.write("board/m2/index.html", "another page");
        commit(tree);
    }
    OutputTree out(public_folder.string(), PreviousBuild::reuse);
    std::vector<std::string_view> pages = {"board/m1/index.html", "board/m2/index.html"};
    auto found = out.left_files(pages);
    CHECK(found[0]);
    CHECK(found[1]);
    // Gone after the first look-up: a file, then a whole folder made again with a new file.
    fs::remove(out.staging_path("board/m1/index.html"));
    fs::remove_all(out.staging_path("board/m2"));
    fs::create_directories(out.staging_path("board/m2"));
    write_text(out.staging_path("board/m2/index.html"), "new");
    auto again =
        out.left_files({"board/m1/index.html", "board/m1/pack.pdf", "board/m2/index.html"});
    CHECK_FALSE(again[0]);
    CHECK(again[1]);
    CHECK(again[1]->size == 6);
    // The folder held open is the one removed: the new file is not taken for one left, so it
    // would be written again, never kept unseen.
    CHECK_FALSE(again[2]);
    fs::remove_all(folder);
}

TEST_CASE("the files as written are the files a walk finds, each once, times and sizes alike") {
    fs::path folder = fresh_folder("as-written");
    fs::path public_folder = folder / "public";
    fs::path stored = folder / "stored.pdf";
    write_text(stored, "cached pack");
    OutputTree out(public_folder.string(), PreviousBuild::reuse);
    out.write("a.txt", "a file beside a folder of the same stem");
    out.write("a/b.html", "first version");
    out.write("a-b/c.html", "another folder");
    REQUIRE(out.link_file("z/pack.pdf", stored.string()));
    OutputTree::Stream stream(out, "a/stream.js");
    stream.append("streamed");
    stream.close();
    out.write("a/b.html", "second, longer version"); // written twice: the last counts
    commit(out);
    // What a walk of the committed folder finds.
    std::vector<std::pair<std::string, FileStamp>> walked;
    std::function<void(const fs::path&, const std::string&)> walk = [&](const fs::path& at,
                                                                        const std::string& prefix) {
        for (const auto& entry : fs::directory_iterator(at)) {
            std::string name = entry.path().filename().string();
            struct stat status {};
            REQUIRE(::lstat((at / name).c_str(), &status) == 0);
            if (S_ISDIR(status.st_mode)) {
                walk(at / name, prefix + name + "/");
                continue;
            }
            walked.push_back({prefix + name,
                              {status.st_size,
                               status.st_mtim.tv_sec * 1'000'000'000LL + status.st_mtim.tv_nsec}});
        }
    };
    walk(public_folder, "");
    std::vector<std::pair<std::string, FileStamp>> written;
    out.for_each_file_as_written(
        [&](std::string_view path, const FileStamp& stamp) { written.emplace_back(path, stamp); });
    auto by_path = [](const auto& a, const auto& b) { return a.first < b.first; };
    std::sort(walked.begin(), walked.end(), by_path); // both in any order
    std::sort(written.begin(), written.end(), by_path);
    REQUIRE(written.size() == walked.size()); // a.txt, a/b.html once, a/stream.js, a-b, z, marker
    CHECK(written.size() == 6);
    for (std::size_t n = 0; n < walked.size(); ++n) {
        CHECK(written[n].first == walked[n].first);
        CHECK(written[n].second.size == walked[n].second.size);
        CHECK(written[n].second.modified_ns == walked[n].second.modified_ns);
    }
    auto twice = std::find_if(written.begin(), written.end(),
                              [](const auto& file) { return file.first == "a/b.html"; });
    REQUIRE(twice != written.end());
    CHECK(twice->second.size == 22); // the second version's
    fs::remove_all(folder);
}

TEST_CASE("writing over a reused file never writes through its link") {
    fs::path folder = fresh_folder("reuse-write");
    fs::path public_folder = folder / "public";
    fs::path stored = folder / "stored.pdf";
    write_text(stored, "cached pack");
    for (int build = 0; build < 3; ++build) {
        OutputTree out(public_folder.string(), PreviousBuild::reuse);
        if (build < 2) {
            REQUIRE(out.link_file("pack.pdf", stored.string()));
            REQUIRE(out.link_file("copied.pdf", stored.string()));
            REQUIRE(out.link_file("streamed.js", stored.string()));
        } else { // the third reuses the first's tree, where all three are links
            out.write("pack.pdf", "rewritten");
            out.copy_file("copied.pdf", (folder / "public/pack.pdf").string());
            OutputTree::Stream stream(out, "streamed.js");
            stream.append("streamed");
            stream.close();
        }
        commit(out);
    }
    CHECK(read_text(stored) == "cached pack");
    CHECK(read_text(public_folder / "pack.pdf") == "rewritten");
    CHECK(read_text(public_folder / "copied.pdf") == "cached pack");
    CHECK(read_text(public_folder / "streamed.js") == "streamed");
    CHECK_FALSE(fs::equivalent(public_folder / "pack.pdf", stored));
    fs::remove_all(folder);
}

TEST_CASE("a build into a new folder keeps links to its files for the next build to start from") {
    fs::path folder = fresh_folder("new-folder-kept");
    fs::path public_folder = folder / "public";
    fs::path stored = folder / "stored.pdf";
    write_text(stored, "cached pack");
    const std::string previous = OutputTree::previous_path(public_folder.string());
    {
        OutputTree first(public_folder.string(), PreviousBuild::reuse);
        REQUIRE(first.link_file("board/m1/pack.pdf", stored.string()));
        first.write("board/m1/index.html", "a page");
        commit(first);
    }
    using Files = std::vector<std::pair<std::string, std::string>>;
    CHECK(files_in(previous) ==
          Files{{"board/m1/index.html", "a page"}, {"board/m1/pack.pdf", "cached pack"}});
    CHECK(fs::equivalent(fs::path(previous) / "board/m1/index.html",
                         public_folder / "board/m1/index.html"));
    CHECK(fs::equivalent(fs::path(previous) / "board/m1/pack.pdf", stored));

    OutputTree next(public_folder.string(), PreviousBuild::reuse);
    auto left = next.left_file("board/m1/pack.pdf");
    REQUIRE(left); // started from the copy, not from nothing
    CHECK(left->identity == identity_of(stored));
    next.keep_left("board/m1/pack.pdf", *left);
    next.write("board/m1/index.html", "the page edited");
    // The live output shares the copy's files: writing never goes through to them.
    CHECK(read_text(public_folder / "board/m1/index.html") == "a page");
    commit(next);
    CHECK(files_in(public_folder) ==
          Files{{"board/m1/index.html", "the page edited"}, {"board/m1/pack.pdf", "cached pack"}});
    CHECK(files_in(previous) ==
          Files{{"board/m1/index.html", "a page"}, {"board/m1/pack.pdf", "cached pack"}});
    fs::remove_all(folder);
}

TEST_CASE("a build into a new folder without reuse keeps nothing beside it") {
    fs::path folder = fresh_folder("new-folder-not-kept");
    fs::path public_folder = folder / "public";
    for (auto mode : {PreviousBuild::leave, PreviousBuild::remove}) {
        fs::remove_all(public_folder);
        OutputTree out(public_folder.string(), mode);
        out.write("index.html", "a build");
        commit(out);
        CHECK_FALSE(fs::exists(OutputTree::previous_path(public_folder.string())));
    }
    fs::remove_all(folder);
}

TEST_CASE("a kept previous build holding a link is never reused") {
    fs::path folder = fresh_folder("reuse-link");
    fs::path public_folder = folder / "public";
    fs::path elsewhere = folder / "elsewhere";
    fs::create_directories(elsewhere);
    write_text(elsewhere / "index.html", "not the build's");
    fs::path previous = OutputTree::previous_path(public_folder.string());
    fs::create_directories(previous);
    write_text(previous / OutputTree::marker_name, "marker");
    fs::create_directory_symlink(elsewhere, previous / "board");
    {
        OutputTree out(public_folder.string(), PreviousBuild::reuse);
        out.write("board/index.html", "the build's");
        CHECK_FALSE(fs::is_symlink(out.staging_path("board")));
        commit(out);
    }
    CHECK(read_text(elsewhere / "index.html") == "not the build's");
    CHECK(read_text(public_folder / "board/index.html") == "the build's");
    fs::remove_all(folder);
}

TEST_CASE(
    "a failed build keeps its staging folder to start from, and a build without reuse drops it") {
    fs::path folder = fresh_folder("reuse-failed");
    fs::path public_folder = folder / "public";
    fs::path previous = OutputTree::previous_path(public_folder.string());
    {
        OutputTree out(public_folder.string(), PreviousBuild::reuse);
        out.write("index.html", "never swapped in");
    }
    CHECK_FALSE(fs::exists(public_folder));
    CHECK(read_text(previous / "index.html") == "never swapped in");
    {
        OutputTree out(public_folder.string()); // a preview's overlay leaves it alone
        out.write("index.html", "overlay");
    }
    CHECK(fs::exists(previous));
    {
        OutputTree out(public_folder.string(), PreviousBuild::remove);
        CHECK_FALSE(fs::exists(previous));
        out.write("index.html", "built without the cache");
        commit(out);
    }
    CHECK_FALSE(fs::exists(previous));
    CHECK(files_in(public_folder) == std::vector<std::pair<std::string, std::string>>{
                                         {"index.html", "built without the cache"}});
    fs::remove_all(folder);
}

TEST_CASE("a folder named like a kept build that no build kept is never removed") {
    fs::path folder = fresh_folder("reuse-not-ours");
    fs::path public_folder = folder / "public";
    fs::path previous = OutputTree::previous_path(public_folder.string());
    fs::create_directories(previous);
    write_text(previous / "notes.txt", "the user's own notes");
    for (auto mode : {PreviousBuild::reuse, PreviousBuild::reuse, PreviousBuild::remove}) {
        OutputTree out(public_folder.string(), mode);
        out.write("index.html", "a build");
        commit(out);
    }
    CHECK(read_text(previous / "notes.txt") == "the user's own notes");
    CHECK_FALSE(fs::exists(previous / OutputTree::marker_name));
    CHECK(files_in(public_folder) ==
          std::vector<std::pair<std::string, std::string>>{{"index.html", "a build"}});
    fs::remove_all(folder);
}

TEST_CASE("a path written in a roundabout way is listed as the folder names it, and kept") {
    fs::path folder = fresh_folder("reuse-roundabout");
    fs::path public_folder = folder / "public";
    for (int build = 0; build < 3; ++build) {
        OutputTree out(public_folder.string(), PreviousBuild::reuse);
        out.write("board//meeting/./index.html", "page");
        CHECK(out.written() == std::vector<std::string>{"board/meeting/index.html"});
        commit(out);
    }
    CHECK(files_in(public_folder) ==
          std::vector<std::pair<std::string, std::string>>{{"board/meeting/index.html", "page"}});
    fs::remove_all(folder);
}

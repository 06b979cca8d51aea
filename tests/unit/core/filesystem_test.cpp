#include "../file_size_limit.hpp"
#include "core/filesystem.hpp"
#include "core/output_tree.hpp"

#include <csignal>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

TEST_CASE("the memory file system lists folders like a disk") {
    bp::MemoryFileSystem files;
    files.add("content/csp/board.yaml", "name: x");
    files.add("content/csp/2017-09-12/meeting.yaml", "date: 2017-09-12");
    files.add("content/.hidden", "");
    CHECK(files.list("content") == std::vector<std::string>{"csp"});
    CHECK(files.list("content/csp") == std::vector<std::string>{"2017-09-12", "board.yaml"});
    CHECK(files.is_directory("content/csp/2017-09-12"));
    CHECK_FALSE(files.is_directory("content/csp/board.yaml"));
    CHECK(files.read("content/csp/board.yaml") == "name: x");
    CHECK_FALSE(files.read("missing"));
}

TEST_CASE("path helpers") {
    CHECK(bp::join_path("content", "csp") == "content/csp");
    CHECK(bp::join_path("", "site.yaml") == "site.yaml");
    CHECK(bp::file_stem("a/07-performance.md") == "07-performance");
    CHECK(bp::file_extension("a/b.tar.gz") == ".gz");
    CHECK(bp::parent_path("a/b/c.md") == "a/b");
}

TEST_CASE("an output tree only replaces the destination when committed") {
    fs::path root = fs::temp_directory_path() / "boardpack-output-tree-test";
    fs::remove_all(root);
    fs::create_directories(root / "public");
    std::ofstream(root / "public" / "old.html") << "old";
    {
        bp::OutputTree abandoned((root / "public").string());
        abandoned.write("index.html", "new");
    }
    CHECK(fs::exists(root / "public" / "old.html"));
    CHECK_FALSE(fs::exists(root / "public" / "index.html"));
    {
        bp::OutputTree tree((root / "public").string());
        tree.write("board/index.html", "new");
        std::string error;
        REQUIRE(tree.commit(error));
    }
    CHECK_FALSE(fs::exists(root / "public" / "old.html"));
    CHECK(fs::exists(root / "public" / "board" / "index.html"));
    CHECK(std::distance(fs::directory_iterator(root), fs::directory_iterator()) == 1);
    fs::remove_all(root);
}

TEST_CASE("an output tree marks its output, swaps atomically and clears killed builds' folders") {
    fs::path root = fs::temp_directory_path() / "boardpack-output-swap-test";
    fs::remove_all(root);
    fs::create_directories(root / "public");
    std::ofstream(root / "public" / "old.html") << "old";
    fs::create_directories(root / ".public.staging-999999999/leftover");
    fs::create_directories(root / ".public.old-999999999");
    {
        bp::OutputTree tree((root / "public").string());
        CHECK_FALSE(fs::exists(root / ".public.staging-999999999"));
        CHECK_FALSE(fs::exists(root / ".public.old-999999999"));
        tree.write("index.html", "new");
        std::string error;
        REQUIRE(tree.commit(error));
    }
    CHECK(fs::exists(root / "public" / "index.html"));
    CHECK(fs::exists(root / "public" / bp::OutputTree::marker_name));
    CHECK_FALSE(fs::exists(root / "public" / "old.html"));
    int left = 0;
    for (const auto& entry : fs::directory_iterator(root))
        left += entry.path().filename() != "public";
    CHECK(left == 0);
    fs::remove_all(root);
}

TEST_CASE("a write that cannot complete throws instead of leaving a short file") {
    fs::path root = fs::temp_directory_path() / "boardpack-output-full-test";
    fs::remove_all(root);
    fs::create_directories(root);
    bp::OutputTree tree((root / "public").string());
    {
        // A limit on the size of a file fails the write past it (EFBIG), as a full disk fails
        // it with ENOSPC: the first bytes are written, the rest are not.
        bp::test_support::FileSizeLimit limit(3);
        CHECK_THROWS_WITH_AS(tree.write("feed.xml", "<feed/>"), doctest::Contains("feed.xml"),
                             std::runtime_error);
    }
    CHECK(tree.written().empty());
    fs::remove_all(root);
}

TEST_CASE("a folder's entries come sorted by name, each a file, a folder or something else") {
    fs::path root = fs::temp_directory_path() / "boardpack-folder-entries-test";
    fs::remove_all(root);
    fs::create_directories(root / "b-folder");
    std::ofstream(root / "c-file.html") << "page";
    std::ofstream(root / "a-file.pdf") << "pack";
    fs::create_symlink(root / "c-file.html", root / "d-link");
    auto entries = bp::folder_entries(root.string());
    REQUIRE(entries);
    REQUIRE(entries->size() == 4);
    using Kind = bp::FolderEntry::Kind;
    CHECK(((*entries)[0].name == "a-file.pdf" && (*entries)[0].kind == Kind::file));
    CHECK(((*entries)[1].name == "b-folder" && (*entries)[1].kind == Kind::folder));
    CHECK(((*entries)[2].name == "c-file.html" && (*entries)[2].kind == Kind::file));
    CHECK(((*entries)[3].name == "d-link" && (*entries)[3].kind == Kind::other));
    CHECK_FALSE(bp::folder_entries((root / "missing").string()));
    fs::remove_all(root);
}

TEST_CASE("a folder of more names than one read of the listing holds is listed whole") {
    fs::path root = fs::temp_directory_path() / "boardpack-long-folder-test";
    fs::remove_all(root);
    fs::create_directories(root);
    // 3,000 entries of 40-odd characters: over 100 KB of listing, several reads of 32 KB.
    for (int n = 0; n < 3000; ++n)
        std::ofstream(root / ("paper-" + std::string(30, 'x') + std::to_string(10000 + n) + ".md"));
    auto entries = bp::folder_entries(root.string());
    REQUIRE(entries);
    REQUIRE(entries->size() == 3000);
    CHECK(entries->front().name == "paper-" + std::string(30, 'x') + "10000.md");
    CHECK(entries->back().name == "paper-" + std::string(30, 'x') + "12999.md");
    fs::remove_all(root);
}

TEST_CASE("a read of up to so many bytes stops short only at the file's end") {
    fs::path root = fs::temp_directory_path() / "boardpack-read-up-to-test";
    fs::remove_all(root);
    fs::create_directories(root / "folder");
    std::ofstream(root / "entry", std::ios::binary) << "0123456789";
    int fd = ::open((root / "entry").c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    CHECK(bp::read_up_to(fd, 0, 4) == "0123");
    CHECK(bp::read_up_to(fd, 6, 100) == "6789"); // the end: its size, without a stat
    CHECK(bp::read_up_to(fd, 20, 4) == std::string());
    CHECK(bp::read_up_to(fd, 2, 4) == "2345");             // a shorter read after a longer one
    CHECK(bp::read_up_to(fd, 0, 1 << 20) == "0123456789"); // more than the thread's buffer
    CHECK(bp::read_at(fd, 6, 4) == "6789");
    CHECK_FALSE(bp::read_at(fd, 6, 5)); // all or nothing
    ::close(fd);
    int folder = ::open((root / "folder").c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(folder >= 0);
    CHECK_FALSE(bp::read_up_to(folder, 0, 4)); // a folder cannot be read
    ::close(folder);
    fs::remove_all(root);
}

TEST_CASE("a folder held open looks up what it holds by name, links as links or through, and opens "
          "what lies below it") {
    fs::path root = fs::temp_directory_path() / "boardpack-open-folder-test";
    fs::remove_all(root);
    fs::create_directories(root / "meeting" / "sub");
    std::ofstream(root / "meeting" / "pack.pdf") << "pack";
    fs::create_symlink(root / "meeting" / "pack.pdf", root / "meeting" / "link");
    bp::OpenFolder folder((root / "meeting").string());
    REQUIRE(folder.is_open());
    struct stat status {};
    REQUIRE(folder.look_up("pack.pdf", status));
    CHECK(S_ISREG(status.st_mode));
    CHECK(status.st_size == 4);
    REQUIRE(folder.look_up("sub", status));
    CHECK(S_ISDIR(status.st_mode));
    REQUIRE(folder.look_up("link", status));
    CHECK(S_ISLNK(status.st_mode)); // not followed
    REQUIRE(folder.look_through("link", status));
    CHECK(S_ISREG(status.st_mode)); // followed to the pack
    CHECK(status.st_size == 4);
    CHECK_FALSE(folder.look_through("missing", status));
    int below = folder.open_below("sub/../pack.pdf", O_RDONLY | O_CLOEXEC);
    REQUIRE(below >= 0);
    CHECK(bp::read_up_to(below, 0, 16) == "pack");
    ::close(below);
    CHECK(folder.open_below("missing", O_RDONLY) == -1);
    CHECK(folder.open_below("", O_RDONLY) == -1);
    CHECK_FALSE(folder.look_up("missing", status));
    CHECK_FALSE(folder.look_up("", status));
    bp::OpenFolder moved = std::move(folder);
    CHECK(moved.look_up("pack.pdf", status));
    CHECK_FALSE(folder.is_open());
    CHECK_FALSE(folder.look_up("pack.pdf", status));
    CHECK(folder.open_below("pack.pdf", O_RDONLY) == -1);          // moved away: nothing open here
    bp::OpenFolder file((root / "meeting" / "pack.pdf").string()); // not a folder
    CHECK_FALSE(file.is_open());
    CHECK_FALSE(bp::OpenFolder((root / "missing").string()).is_open());
    fs::remove_all(root);
}

TEST_CASE("a regular file is read whole, whatever size it said it had") {
    fs::path root = fs::temp_directory_path() / "boardpack-read-whole-test";
    fs::remove_all(root);
    fs::create_directories(root / "folder");
    std::string bytes(70'000, 'x');
    for (std::size_t i = 0; i < bytes.size(); i += 97)
        bytes[i] = static_cast<char>('a' + i % 26);
    std::ofstream(root / "paper.md", std::ios::binary) << bytes;
    std::ofstream(root / "empty.md", std::ios::binary).close();
    CHECK(bp::read_regular_file((root / "paper.md").string()) == bytes);
    CHECK(bp::read_regular_file((root / "empty.md").string()) == std::string());
    CHECK_FALSE(bp::read_regular_file((root / "missing.md").string()));
    CHECK_FALSE(bp::read_regular_file((root / "folder").string()));
    // A file whose size says nothing of its length (the kernel's own) is read to its end.
    auto status = bp::read_regular_file("/proc/self/status");
    REQUIRE(status);
    CHECK(status->find("Name:") == 0);
    CHECK(status->find("VmPeak:") != std::string::npos);
    CHECK(status->back() == '\n');
    fs::remove_all(root);
}

TEST_CASE("every file under a folder, as the build cache sees it") {
    fs::path root = fs::temp_directory_path() / "boardpack-files-under-test";
    fs::remove_all(root);
    fs::create_directories(root / "content/csp/2017-12-12/images");
    fs::create_directories(root / "content/csp/.drafts");
    fs::create_directories(root / "content/csp/2018-03-13");
    fs::create_directories(root / "elsewhere");
    std::ofstream(root / "content/csp/board.yaml") << "name: CSP";
    std::ofstream(root / "content/csp/.notes.md") << "hidden";
    std::ofstream(root / "content/csp/.drafts/paper.md") << "in a hidden folder";
    std::ofstream(root / "content/csp/2017-12-12/meeting.yaml") << "date: 2017-12-12";
    std::ofstream(root / "content/csp/2017-12-12/images/map.png") << "png";
    std::ofstream(root / "content/csp/2018-03-13/meeting.yaml") << "date: 2018-03-13";
    std::ofstream(root / "elsewhere/shared.csv") << "period,value";
    fs::create_symlink(root / "elsewhere/shared.csv", root / "content/csp/linked.csv");
    fs::create_symlink(root / "elsewhere", root / "content/csp/linked-folder");
    fs::create_symlink(root / "missing.csv", root / "content/csp/broken.csv");
    auto files_under = [&](const std::string& folder, auto skip) {
        std::vector<std::string> files;
        bp::for_each_file_under(root.string(), folder, skip,
                                [&](const std::string& path) { files.push_back(path); });
        return files;
    };
    auto nothing = [](const std::string&) { return false; };
    CHECK(files_under("content/csp", nothing) ==
          std::vector<std::string>{"content/csp/2017-12-12/images/map.png",
                                   "content/csp/2017-12-12/meeting.yaml",
                                   "content/csp/2018-03-13/meeting.yaml", "content/csp/board.yaml",
                                   "content/csp/linked.csv"});
    auto meetings = [](const std::string& folder) {
        return folder.find("/20") != std::string::npos;
    };
    CHECK(files_under("content/csp", meetings) ==
          std::vector<std::string>{"content/csp/board.yaml", "content/csp/linked.csv"});
    CHECK(files_under("content/missing", nothing).empty());
    fs::remove_all(root);
}

TEST_CASE("while a build holds source listings, a folder is listed once, under either spelling") {
    fs::path root = fs::temp_directory_path() / "boardpack-held-listing-test";
    fs::remove_all(root);
    fs::create_directories(root / "2017-12-12");
    std::ofstream(root / "2017-12-12/meeting.yaml") << "date: 2017-12-12";
    fs::path here = fs::current_path();
    fs::current_path(root);
    auto names = [](const std::string& folder) {
        std::vector<std::string> found;
        for (const auto& entry :
             bp::source_folder_entries(folder).value_or(std::vector<bp::FolderEntry>{}))
            found.push_back(entry.name);
        return found;
    };
    {
        bp::SourceListingsHeldForBuild held;
        CHECK(names("./2017-12-12") == std::vector<std::string>{"meeting.yaml"});
        std::ofstream(root / "2017-12-12/08-late-paper.md") << "# Late";
        CHECK(names("2017-12-12") == std::vector<std::string>{"meeting.yaml"});
        CHECK(bp::folder_entries("2017-12-12")->size() == 2); // the output's walks are never held
    }
    CHECK(names("2017-12-12") == std::vector<std::string>{"08-late-paper.md", "meeting.yaml"});
    fs::current_path(here);
    fs::remove_all(root);
}

TEST_CASE("while a build holds source listings, the site's files are known from them, links "
          "still followed") {
    fs::path root = fs::temp_directory_path() / "boardpack-held-answers-test";
    fs::path elsewhere = fs::temp_directory_path() / "boardpack-held-answers-elsewhere";
    fs::remove_all(root);
    fs::remove_all(elsewhere);
    fs::create_directories(root / "content/csp/2017-12-12/images");
    fs::create_directories(elsewhere);
    std::ofstream(root / "content/csp/2017-12-12/meeting.yaml") << "date: 2017-12-12";
    std::ofstream(root / "content/csp/notes.md") << "inside";
    std::ofstream(elsewhere / "secret.md") << "outside";
    fs::create_symlink(root / "content/csp/notes.md", root / "content/csp/2017-12-12/linked.md");
    fs::create_symlink(elsewhere / "secret.md", root / "content/csp/2017-12-12/escape.md");
    fs::create_directory_symlink(elsewhere, root / "content/csp/2017-12-12/away");
    bp::DiskFileSystem files(root.string());
    std::string meeting = "content/csp/2017-12-12";
    auto answers = [&] {
        return std::vector<bool>{files.is_file(meeting + "/meeting.yaml"),
                                 files.is_file(meeting + "/published.yaml"),
                                 files.is_directory(meeting + "/images"),
                                 files.is_file(meeting + "/images"),
                                 files.is_directory(meeting + "/meeting.yaml"),
                                 files.is_file(meeting + "/linked.md"),
                                 files.outside(meeting + "/linked.md"),
                                 files.is_file(meeting + "/escape.md"),
                                 files.outside(meeting + "/escape.md"),
                                 files.outside(meeting + "/away/secret.md"),
                                 files.is_directory(meeting + "/."),
                                 files.outside(meeting + "/../../../../x")};
    };
    std::vector<bool> expected = {true,  false, true, false, false, true,
                                  false, false, true, true,  true,  true};
    CHECK(answers() == expected);
    {
        bp::SourceListingsHeldForBuild held;
        bp::source_folder_entries((root / meeting).string()); // the build's walk lists it
        CHECK(bp::held_entry((root / meeting).string(), "meeting.yaml") == bp::HeldEntry::file);
        CHECK(bp::held_entry((root / meeting).string(), "images") == bp::HeldEntry::folder);
        CHECK(bp::held_entry((root / meeting).string(), "escape.md") == bp::HeldEntry::other);
        CHECK(bp::held_entry((root / meeting).string(), "..") == bp::HeldEntry::not_held);
        CHECK(bp::held_entry((root / "content").string(), "csp") == bp::HeldEntry::not_held);
        CHECK(answers() == expected);
        // Written after the walk: the build goes on with the folder as its walk saw it, as its
        // record of the sources does; the next build sees the file.
        std::ofstream(root / meeting / "published.yaml") << "date: 2017-12-01";
        CHECK(bp::held_entry((root / meeting).string(), "published.yaml") == bp::HeldEntry::absent);
        CHECK_FALSE(files.is_file(meeting + "/published.yaml"));
    }
    CHECK(files.is_file(meeting + "/published.yaml"));
    fs::remove_all(root);
    fs::remove_all(elsewhere);
}

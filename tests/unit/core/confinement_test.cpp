// Every file the content names must lie inside the site folder, symlinks included.
#include "core/filesystem.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

TEST_CASE("paths that climb out of the root are outside, lexically") {
    bp::MemoryFileSystem files;
    files.add("content/a.md", "inside");
    CHECK(files.outside("/etc/passwd"));
    CHECK(files.outside("../x.md"));
    CHECK(files.outside("content/../../x.md"));
    CHECK_FALSE(files.outside("content/../site.yaml"));
    CHECK_FALSE(files.outside("content/a.md"));
}

TEST_CASE("the disk file system refuses files outside its root, through symlinks too") {
    fs::path base = fs::temp_directory_path() / "boardpack-confinement-test";
    fs::remove_all(base);
    fs::create_directories(base / "site/content");
    fs::create_directories(base / "elsewhere");
    fs::create_directories(base / "elsewhere/deeper");
    std::ofstream(base / "elsewhere/secret.txt") << "secret first line";
    std::ofstream(base / "elsewhere/deeper/plans.md") << "plans";
    std::ofstream(base / "site/content/paper.md") << "paper";
    fs::create_symlink(base / "elsewhere/secret.txt", base / "site/content/linked.csv");
    fs::create_symlink(base / "elsewhere", base / "site/content/linked-folder");
    fs::create_symlink("paper.md", base / "site/content/alias.md");

    bp::DiskFileSystem files((base / "site").string());
    CHECK(files.read("content/paper.md") == "paper");
    CHECK(files.read("content/alias.md") == "paper"); // a symlink that stays inside is fine
    CHECK(files.outside("content/linked.csv"));
    CHECK_FALSE(files.read("content/linked.csv"));
    CHECK_FALSE(files.is_file("content/linked.csv"));
    CHECK_FALSE(files.native_path("content/linked.csv"));
    CHECK_FALSE(files.read("content/linked-folder/secret.txt"));
    CHECK(files.list("content/linked-folder").empty());
    CHECK_FALSE(files.read("../elsewhere/secret.txt"));
    CHECK_FALSE(files.read((base / "elsewhere/secret.txt").string()));
    CHECK_FALSE(files.outside("content/missing.md")); // absent, but inside
    CHECK_FALSE(files.outside("content/missing-folder/missing.md"));
    CHECK(files.outside("content/linked-folder/missing.md")); // absent, in a folder elsewhere
    CHECK_FALSE(files.is_file("content/linked-folder/missing.md"));
    CHECK_FALSE(files.outside("content/paper.md/under-a-file.md")); // absent, and inside
    CHECK_FALSE(files.read("content/paper.md/under-a-file.md"));
    // Folders' real paths are remembered: asking again, or deeper, gives the same answers.
    CHECK(files.outside("content/linked-folder/secret.txt"));
    CHECK(files.outside("content/linked-folder/deeper/plans.md"));
    CHECK_FALSE(files.read("content/linked-folder/deeper/plans.md"));
    CHECK(files.outside("content/linked-folder/deeper/../secret.txt"));
    CHECK_FALSE(files.outside("content/./paper.md"));
    CHECK(files.read("content/paper.md") == "paper");
    fs::remove_all(base);
}

TEST_CASE("a file system rooted at the working folder answers for its top-level files") {
    fs::path base = fs::temp_directory_path() / "boardpack-confinement-cwd-test";
    fs::remove_all(base);
    fs::create_directories(base);
    std::ofstream(base / "site.yaml") << "title: x";
    fs::path previous = fs::current_path();
    fs::current_path(base);
    bp::DiskFileSystem files("");
    CHECK_FALSE(files.outside("site.yaml"));
    CHECK(files.read("site.yaml") == "title: x");
    CHECK_FALSE(files.outside("missing.yaml"));
    fs::current_path(previous);
    fs::remove_all(base);
}

// The list of installed font files the build cache keys on: each file's size and time as
// stat() gives them, whichever folder it lies in.
#include "chart/installed_fonts.hpp"

#include <doctest/doctest.h>
#include <set>
#include <sstream>
#include <string>
#include <sys/stat.h>

using namespace bp::chart;

TEST_CASE("every installed font file is listed once, sorted, with its size and time") {
    const std::string& listed = installed_font_files();
    std::istringstream lines(listed);
    std::string line;
    std::string previous;
    std::set<std::string> folders;
    std::size_t count = 0;
    while (std::getline(lines, line)) {
        // "path size seconds.nanoseconds": the path may hold spaces, the figures do not.
        std::size_t time_at = line.rfind(' ');
        REQUIRE(time_at != std::string::npos);
        std::size_t size_at = line.rfind(' ', time_at - 1);
        REQUIRE(size_at != std::string::npos);
        std::string path = line.substr(0, size_at);
        CHECK(path > previous);
        previous = path;
        struct stat info {};
        REQUIRE(stat(path.c_str(), &info) == 0);
        CHECK(line.substr(size_at + 1, time_at - size_at - 1) == std::to_string(info.st_size));
        CHECK(line.substr(time_at + 1) ==
              std::to_string(info.st_mtim.tv_sec) + "." + std::to_string(info.st_mtim.tv_nsec));
        folders.insert(path.substr(0, path.rfind('/')));
        ++count;
    }
    // The set-up installs Noto's faces, TrueType and OpenType, in folders of their own.
    CHECK(count >= 2);
    CHECK(folders.size() >= 2);
    CHECK(&installed_font_files() == &listed); // read once per process
}

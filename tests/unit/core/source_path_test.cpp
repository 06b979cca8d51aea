#include "core/diagnostics.hpp"
#include "core/source_path.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <sstream>
#include <thread>
#include <vector>

using bp::SourceLocation;
using bp::SourcePath;

TEST_CASE("a source path is held once, whoever names it") {
    std::string written = "content/csp/2017-09-12/03-performance.md";
    SourcePath first(written);
    SourcePath second(std::string("content/csp/") + "2017-09-12/03-performance.md");
    CHECK(first == second);
    CHECK(&first.str() == &second.str()); // the same one copy
    CHECK(first.str() == written);
    CHECK(first == written);
    CHECK(first == "content/csp/2017-09-12/03-performance.md");
    CHECK_FALSE(first == "content/csp/2017-09-12/04-minutes.md");
    CHECK(first.size() == written.size());
    CHECK(std::string(first.c_str()) == written);

    SourceLocation location{written, 12, 3};
    SourceLocation copy = location.at(2, 1);
    CHECK(copy.file == first);
    CHECK(copy.line == 14);
}

TEST_CASE("an empty source path names no file") {
    SourcePath none;
    CHECK(none.empty());
    CHECK(none.str().empty());
    CHECK(none == SourcePath(""));
    CHECK(none == "");
    CHECK_FALSE(SourcePath("site.yaml").empty());
}

TEST_CASE("source paths sort by their text, and join text as strings do") {
    std::vector<SourcePath> paths{"content/b.md", "content/a.md", "board.yaml", ""};
    std::sort(paths.begin(), paths.end());
    CHECK(paths[0].str().empty());
    CHECK(paths[1] == "board.yaml");
    CHECK(paths[2] == "content/a.md");
    CHECK(paths[3] == "content/b.md");

    SourcePath path("content/a.md");
    CHECK(path + ":12" == "content/a.md:12");
    CHECK(path + std::string(":3") == "content/a.md:3");
    CHECK("in " + path == "in content/a.md");
    CHECK(std::string("at ") + path == "at content/a.md");
    std::ostringstream out;
    out << path << ':' << 4;
    CHECK(out.str() == "content/a.md:4");
}

TEST_CASE("threads naming the same paths get the same copies") {
    constexpr int paths_each = 200;
    std::vector<std::vector<const std::string*>> held(4);
    std::vector<std::thread> threads;
    for (auto& mine : held)
        threads.emplace_back([&mine] {
            for (int i = 0; i < paths_each; ++i)
                mine.push_back(&SourcePath("content/board/" + std::to_string(i) + ".md").str());
        });
    for (auto& thread : threads)
        thread.join();
    for (const auto& other : held)
        CHECK(other == held.front());
    CHECK(*held.front()[7] == "content/board/7.md");
}

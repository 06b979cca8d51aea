// The site index read on several threads is the index read on one: the same boards, meetings,
// items, papers and records, and the same diagnostics.
#include "index_dump.hpp"
#include "site_fixture.hpp"

#include <doctest/doctest.h>

using namespace bp;
using namespace bp::content;

namespace {

// Four boards of the small site, with a stray folder and a meeting whose date is wrong.
MemoryFileSystem several_boards() {
    MemoryFileSystem files = small_site_boards({"csp", "hwb", "safeguarding", "audit"});
    files.add("content/hwb/notes/readme.md", "Not a meeting.\n");
    return files;
}

} // namespace

TEST_CASE("a site's index read on several threads is the index read on one") {
    MemoryFileSystem files = several_boards();
    std::string serial = index_dump(files, 1);
    CHECK(serial.find("content/safeguarding/2017-09-12/02-report.md report The report") !=
          std::string::npos);
    CHECK(serial.find("is not a meeting and was skipped") != std::string::npos);
    CHECK(serial.find("does not match the folder name") != std::string::npos);
    for (unsigned jobs : {2u, 4u, 16u})
        CHECK(index_dump(files, jobs) == serial);
}

TEST_CASE("the example site and a site of minutes records read alike on one thread and four") {
    for (const std::string& folder :
         {std::string(BOARDPACK_SOURCE_ROOT),
          std::string(BOARDPACK_SOURCE_ROOT) + "/tests/fixtures/meeting-record"}) {
        DiskFileSystem files(folder);
        std::string serial = index_dump(files, 1);
        CHECK(serial.find(" minutes ") != std::string::npos);
        CHECK(index_dump(files, 4) == serial);
    }
}

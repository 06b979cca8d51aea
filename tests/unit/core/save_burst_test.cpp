#include "core/save_burst.hpp"

#include <doctest/doctest.h>

using namespace bp;

namespace {
constexpr int open_pause = SaveBurst::open_pause_ms;
constexpr int settled_pause = SaveBurst::settled_pause_ms;
} // namespace

TEST_CASE("save burst: a file appended to and closed is whole at once") {
    SaveBurst burst;
    CHECK(burst.pause_ms() == settled_pause); // nothing written yet
    burst.note("content/csp/2017-12-12/08-chairs-report.md", FileChange::writing);
    CHECK(burst.pause_ms() == open_pause);
    burst.note("content/csp/2017-12-12/08-chairs-report.md", FileChange::written);
    CHECK(burst.pause_ms() == settled_pause);
    CHECK(SaveBurst::settled_pause_ms < SaveBurst::open_pause_ms);
}

TEST_CASE("save burst: a file written in pieces and not yet closed keeps the long pause") {
    SaveBurst burst;
    for (int piece = 0; piece < 3; ++piece) {
        burst.note("content/csp/board.yaml", FileChange::writing);
        CHECK(burst.pause_ms() == open_pause);
    }
    burst.note("content/csp/board.yaml", FileChange::written);
    CHECK(burst.pause_ms() == settled_pause);
}

TEST_CASE("save burst: a temporary written, closed and renamed over the file") {
    // As `sed -i` saves: a temporary beside the file, then a rename over it.
    SaveBurst burst;
    burst.note("content/csp/indicators/sedX1b2c3", FileChange::writing);
    burst.note("content/csp/indicators/sedX1b2c3", FileChange::writing);
    CHECK(burst.pause_ms() == open_pause);
    burst.note("content/csp/indicators/sedX1b2c3", FileChange::written);
    burst.note("content/csp/indicators/sedX1b2c3", FileChange::removed);
    burst.note("content/csp/indicators/arson.csv", FileChange::written);
    CHECK(burst.pause_ms() == settled_pause);
}

TEST_CASE("save burst: a file renamed to a backup and written again is open until closed") {
    // As an editor that keeps a backup saves: the old file renamed away, a new one written,
    // the backup deleted.
    SaveBurst burst;
    burst.note("content/csp/2017-12-12/minutes.md", FileChange::removed);
    burst.note("content/csp/2017-12-12/minutes.md~", FileChange::written);
    CHECK(burst.pause_ms() == settled_pause);
    burst.note("content/csp/2017-12-12/minutes.md", FileChange::writing);
    burst.note("content/csp/2017-12-12/minutes.md", FileChange::writing);
    CHECK(burst.pause_ms() == open_pause);
    burst.note("content/csp/2017-12-12/minutes.md", FileChange::written);
    burst.note("content/csp/2017-12-12/minutes.md~", FileChange::removed);
    CHECK(burst.pause_ms() == settled_pause);
}

TEST_CASE("save burst: one file closed while another is still open keeps the long pause") {
    SaveBurst burst;
    burst.note("content/csp/a.md", FileChange::writing);
    burst.note("content/csp/b.md", FileChange::writing);
    burst.note("content/csp/a.md", FileChange::written);
    CHECK(burst.pause_ms() == open_pause);
    burst.note("content/csp/b.md", FileChange::removed); // deleted while being written
    CHECK(burst.pause_ms() == settled_pause);
}

TEST_CASE("save burst: a file removed or closed without a write seen is no open file") {
    SaveBurst burst;
    burst.note("content/csp/old.md", FileChange::removed);
    burst.note("content/csp/touched.md", FileChange::written);
    CHECK(burst.pause_ms() == settled_pause);
}

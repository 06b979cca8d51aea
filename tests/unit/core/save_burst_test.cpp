#include "core/save_burst.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace bp;

namespace {

constexpr int open_pause = SaveBurst::open_pause_ms;
constexpr int settled_pause = SaveBurst::settled_pause_ms;

// One event of a burst and the pause the burst should wait after it.
struct Step {
    std::string path;
    FileChange change;
    int pause_after;
};

// A burst of events as an editor or a tool sends them when saving.
struct Save {
    std::string how;
    std::vector<Step> steps;
};

const std::string paper = "content/csp/2017-12-12/08-chairs-report.md";
const std::string minutes = "content/csp/2017-12-12/03-minutes.md";
const std::string temporary = "content/csp/indicators/sedX1b2c3";
const std::string figures = "content/csp/indicators/arson.csv";

const std::vector<Save> saves = {
    {"appended to and closed (echo >>)",
     {{paper, FileChange::writing, open_pause}, {paper, FileChange::written, settled_pause}}},
    {"written in pieces, then closed",
     {{"content/csp/board.yaml", FileChange::writing, open_pause},
      {"content/csp/board.yaml", FileChange::writing, open_pause},
      {"content/csp/board.yaml", FileChange::writing, open_pause},
      {"content/csp/board.yaml", FileChange::written, settled_pause}}},
    {"a temporary written, closed and renamed over the file (sed -i)",
     {{temporary, FileChange::writing, open_pause},
      {temporary, FileChange::writing, open_pause},
      {temporary, FileChange::written, settled_pause},
      {temporary, FileChange::removed, settled_pause},
      {figures, FileChange::written, settled_pause}}},
    {"renamed to a backup, written again, the backup deleted",
     {{minutes, FileChange::removed, settled_pause},
      {minutes + "~", FileChange::written, settled_pause},
      {minutes, FileChange::writing, open_pause},
      {minutes, FileChange::writing, open_pause},
      {minutes, FileChange::written, settled_pause},
      {minutes + "~", FileChange::removed, settled_pause}}},
    {"two files, one closed while the other is still open, then deleted",
     {{"content/csp/a.md", FileChange::writing, open_pause},
      {"content/csp/b.md", FileChange::writing, open_pause},
      {"content/csp/a.md", FileChange::written, open_pause},
      {"content/csp/b.md", FileChange::removed, settled_pause}}},
    {"removed, or closed, with no write seen",
     {{"content/csp/old.md", FileChange::removed, settled_pause},
      {"content/csp/touched.md", FileChange::written, settled_pause}}},
};

} // namespace

TEST_CASE("save burst: each way of saving gives the pause expected after each of its events") {
    CHECK(settled_pause < open_pause);
    CHECK(SaveBurst().pause_ms() == settled_pause); // nothing written yet
    for (const Save& save : saves) {
        SaveBurst burst;
        for (std::size_t n = 0; n < save.steps.size(); ++n) {
            const Step& step = save.steps[n];
            burst.note(step.path, step.change);
            CAPTURE(save.how);
            CAPTURE(n);
            CHECK(burst.pause_ms() == step.pause_after);
        }
    }
}

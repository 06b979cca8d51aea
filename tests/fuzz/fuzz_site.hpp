#pragma once
// A small valid site held in memory, into which a harness puts the fuzzed file. Built from the
// valid-minimal fixture's shapes, so the fuzzer starts from content that loads.
#include "content/load.hpp"
#include "core/filesystem.hpp"

#include <string>

namespace bp::fuzz {

inline const char* const meeting_folder = "content/board/2024-05-14";
inline const char* const paper_path = "content/board/2024-05-14/02-paper.md";

inline MemoryFileSystem small_site() {
    MemoryFileSystem files;
    files.add("site.yaml", "title: Fuzz Papers\norganisation: Fuzz Council\n");
    files.add("content/board/board.yaml",
              "name: Fuzz Board\nmembers:\n  - name: Ada Finch\n    post: Chair\n"
              "    organisation: Fuzz Council\n    role: Chair\n");
    files.add("content/board/indicators/asb.yaml",
              "title: Incidents\nunit: count\nfrequency: monthly\npolarity: lower-is-better\n");
    files.add("content/board/indicators/asb.csv",
              "period,value\n2023-04,10\n2023-05,12\n2024-04,9\n2024-05,11\n");
    files.add("content/board/2024-05-14/meeting.yaml",
              "date: 2024-05-14\nstatus: held\nitems:\n  - number: \"1\"\n    title: Paper\n"
              "    paper: 02-paper.md\n");
    files.add(paper_path, "---\ntitle: Paper\n---\nText.\n");
    return files;
}

// Loads the site and every meeting's papers, as `boardpack check` does.
inline void load_everything(const FileSystem& files) {
    DiagnosticSink sink;
    content::Site site = content::load_site_index(files, sink);
    for (auto& board : site.boards)
        for (auto meeting : board.meetings)
            content::load_meeting_papers(files, site, board, meeting, sink);
}

} // namespace bp::fuzz

#pragma once
// A small in-memory site for loader tests.
#include "core/filesystem.hpp"

#include <initializer_list>
#include <iterator>
#include <string>

inline bp::MemoryFileSystem small_site() {
    bp::MemoryFileSystem files;
    files.add("site.yaml", "title: Test Papers\norganisation: Test Council\n"
                           "markings:\n  - { label: OFFICIAL, public: true }\n"
                           "  - { label: OFFICIAL-SENSITIVE, public: false }\n");
    files.add(
        "content/csp/board.yaml",
        "name: Community Safety Board\nvenue: Room 1\nstart: \"14:00\"\nend: \"16:00\"\n"
        "members:\n  - name: Ann Lee\n    post: Chief Executive\n    organisation: Test Council\n"
        "    role: Chair\n");
    files.add(
        "content/csp/2017-09-12/meeting.yaml",
        "date: 2017-09-12\nstatus: held\nitems:\n"
        "  - number: \"1\"\n    title: Welcome\n    verbal: true\n"
        "  - number: \"2\"\n    title: Report\n    purpose: decision\n    paper: 02-report.md\n"
        "  - number: \"3\"\n    title: Problem profile\n    restricted: true\n"
        "    paper: 03-profile.md\n"
        "  - number: \"4\"\n    title: Sub-groups\n    items:\n"
        "      - number: 4a\n        title: Youth\n        paper: 04a-youth.md\n");
    files.add("content/csp/2017-09-12/02-report.md",
              "---\ntitle: The report\nauthor: Ann Lee\n---\n# Heading\n\nText.\n");
    files.add("content/csp/2017-09-12/03-profile.md",
              "---\ntitle: Problem profile\nsecurity: restricted\n---\nSecret words.\n");
    files.add("content/csp/2017-09-12/04a-youth.md", "---\ntitle: Youth report\n---\nBody.\n");
    files.add("content/csp/2017-06-13/meeting.yaml",
              "date: 2017-06-13\nvenue: Room 9\nitems:\n  - number: \"1\"\n    title: Welcome\n");
    return files;
}

// The small site's board copied under each of `boards`, and a meeting of the last one with
// errors: its date is not its folder's, and it names a paper that is not there.
inline bp::MemoryFileSystem small_site_boards(std::initializer_list<std::string> boards) {
    bp::MemoryFileSystem one = small_site();
    bp::MemoryFileSystem files;
    files.add("site.yaml", *one.read("site.yaml"));
    for (const std::string& board : boards)
        for (const std::string path :
             {"board.yaml", "2017-09-12/meeting.yaml", "2017-09-12/02-report.md",
              "2017-09-12/03-profile.md", "2017-09-12/04a-youth.md", "2017-06-13/meeting.yaml"})
            files.add("content/" + board + "/" + path, *one.read("content/csp/" + path));
    files.add("content/" + *std::prev(boards.end()) + "/2018-01-09/meeting.yaml",
              "date: 2018-01-10\nitems:\n  - number: \"1\"\n    title: Welcome\n"
              "  - number: \"2\"\n    title: Missing\n    paper: 02-missing.md\n");
    return files;
}

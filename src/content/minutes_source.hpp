#pragma once
// A board's minutes papers as its record reads them while the site's index is loaded. The
// record of each meeting (attendance, decisions, approvals) and the board's action log both
// read every minutes paper; each paper is read and parsed here once, for both.
#include "content/front_matter.hpp"
#include "core/filesystem.hpp"
#include "markdown/document.hpp"

#include <map>
#include <optional>
#include <string>

namespace bp::content {

struct MinutesSource {
    FrontMatter front;
    doc::Document body; // parsed with the directives' names: a fenced actions plan is one
};

class MinutesSources {
  public:
    explicit MinutesSources(const FileSystem& files) : files_(files) {}

    // The paper at `source_path`, read and parsed the first time it is asked for; nothing when
    // it cannot be read or its front matter is malformed. Problems in either are the paper
    // loader's to report: it reads the paper again when its meeting is built.
    const MinutesSource* get(const std::string& source_path);

  private:
    const FileSystem& files_;
    std::map<std::string, std::optional<MinutesSource>> parsed_;
};

} // namespace bp::content

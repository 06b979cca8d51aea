#pragma once
// The pieces of the site loader, one file each; load.cpp puts them together.
#include "content/model.hpp"
#include "core/filesystem.hpp"

#include <optional>
#include <string>
#include <yaml-cpp/yaml.h>

namespace bp::content {

// Reads a YAML file through the file system; a missing file or bad YAML is reported.
std::optional<YAML::Node> read_yaml_file(const FileSystem& files, const std::string& path,
                                         DiagnosticSink& sink, bool required = true);

SiteConfig load_site_config(const FileSystem& files, DiagnosticSink& sink);
std::optional<Board> load_board(const FileSystem& files, const std::string& folder,
                                DiagnosticSink& sink);
// A meeting as meeting.yaml and its papers' front matter give it; what it reads of `board` is
// its name, venue, times and Part 2 default. The publication record is attached apart
// (attach_publication), so that a meeting kept in a MeetingMemo never holds one.
std::optional<Meeting> load_meeting(const FileSystem& files, const Board& board,
                                    const std::string& folder, DiagnosticSink& sink);
// Gives each "Date of next meeting" item (kind: next-meeting) without a description the next
// meeting's date, time and venue, once every meeting and the forward plan are loaded.
void describe_next_meetings(Board& board, DiagnosticSink& sink);
// Reads a paper's front matter (not its body) into a Paper.
std::optional<Paper> load_paper_header(const FileSystem& files, const std::string& path,
                                       const SourceLocation& named_at, DiagnosticSink& sink);
// Applies front-matter keys to a paper; shared by the index and the full load.
void read_paper_front_matter(const YAML::Node& yaml, const SourceLocation& origin, Paper& paper,
                             DiagnosticSink& sink);
// "HH:MM" under `key`, or `fallback` when absent; a malformed time is reported.
int read_time_of_day(const YAML::Node& yaml, const std::string& key, const SourceLocation& origin,
                     DiagnosticSink& sink, int fallback);
// "07a-performance-report.md" -> "performance-report"
std::string paper_slug(const std::string& path);

} // namespace bp::content

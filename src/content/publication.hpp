#pragma once
// Publishing freezes a meeting: once published.yaml sits beside meeting.yaml, the meeting's
// papers may change only through a declared republication, late papers go out as
// supplementary packs, and the figures printed are the ones published.
#include "content/model.hpp"
#include "content/publish_record.hpp"
#include "core/filesystem.hpp"

#include <string>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace bp::content {

// meeting.yaml `republished:` — a list of {version, date, reason}, versions counting from 2.
std::vector<Republication> read_republications(const YAML::Node& list, const SourceLocation& origin,
                                               DiagnosticSink& sink);
// `supplementary: N` on an item or a paper entry (N ≥ 1); 0 when absent.
int read_supplementary(const YAML::Node& node, const SourceLocation& origin, DiagnosticSink& sink);
// The version the meeting's papers are at: 1, or the last republication's.
int current_version(const Meeting& meeting);

// Reads the meeting's published.yaml when there is one and checks the meeting against it:
// a paper that differs from its published digest without a republication, a paper added to
// the main pack after publication, a supplementary paper or republication on an unpublished
// meeting. Every problem is reported at the paper or the meeting.yaml line.
void attach_publication(const FileSystem& files, Meeting& meeting, DiagnosticSink& sink);

// Once its papers are loaded (and their images known): an image that differs from its
// published digest, without a republication, is an error at the paper.
void check_published_images(const FileSystem& files, const Meeting& meeting, DiagnosticSink& sink);

// Every input of a meeting whose papers are loaded: meeting.yaml, papers, appendices,
// images, and the definition and figures of each indicator the papers used. Sorted by file.
std::vector<InputDigest> meeting_inputs(const FileSystem& files, const Meeting& meeting,
                                        const Board& board, const std::vector<std::string>& used);

// Warns, naming them, about the published figures that today's data would give differently.
void warn_revised_figures(const Meeting& meeting, const Board& board, const SiteConfig& config,
                          DiagnosticSink& sink);

struct FoundMeeting {
    const Board* board = nullptr;
    const Meeting* meeting = nullptr;
};
// The meeting named "<board>/<YYYY-MM-DD>" (as on the command line); an unknown board or
// meeting is reported with a "did you mean" hint.
FoundMeeting find_meeting(const Site& site, const std::string& name, DiagnosticSink& sink);

// A view of the meeting holding only what goes into supplementary pack `number` (0: the main
// pack, leaving out everything supplementary). Items keep their numbers.
Meeting pack_view(const Meeting& meeting, int number);
// The supplementary pack numbers the meeting uses, in order.
std::vector<int> supplementary_numbers(const Meeting& meeting);

} // namespace bp::content

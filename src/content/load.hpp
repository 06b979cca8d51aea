#pragma once
// Reading a site from its source folder.
#include "content/audience.hpp"
#include "content/figure_book.hpp"
#include "content/meeting_memo.hpp"
#include "content/model.hpp"
#include "core/filesystem.hpp"

#include <functional>

namespace bp::content {

// Reads site.yaml, every board, every meeting.yaml and every paper's front matter and data
// file. Paper bodies are not parsed here. Every problem is reported to `sink`. The meetings,
// then the boards, are read on `jobs` threads; the site is the same whatever their number.
// With a memo, a meeting it holds unchanged is taken from it rather than read, and each meeting
// read is kept in it: the site and what is reported are the same either way.
Site load_site_index(const FileSystem& files, DiagnosticSink& sink, unsigned jobs = 1,
                     MeetingMemo* memo = nullptr);

// Parses the bodies of one meeting's papers, resolving directives and {{ values }} against
// the board's data as at the meeting's data date — for a published meeting, against the
// figures it was published with (and warns about figures revised since). `figures`, when
// given, receives every figure the papers resolved.
void load_meeting_papers(const FileSystem& files, const Site& site, const Board& board,
                         Meeting& meeting, DiagnosticSink& sink, FigureBook* figures = nullptr);
// The same for the papers `which` accepts only.
void load_meeting_papers(const FileSystem& files, const Site& site, const Board& board,
                         Meeting& meeting, DiagnosticSink& sink,
                         const std::function<bool(const Paper&)>& which);

// Frees the paper bodies of a meeting once it has been written.
void release_meeting_papers(Meeting& meeting);

} // namespace bp::content

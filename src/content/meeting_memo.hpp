#pragma once
// Meetings as the site's index read them before: reading an archive's index means parsing every
// meeting.yaml and every paper's front matter, most of a small rebuild's work, though one
// meeting's sources changed. A memo gives back a meeting whose sources are unchanged, with the
// warnings reading it gave; the build cache keeps one (cli/index_memo.hpp).
//
// What is remembered is the meeting as meeting.yaml and its papers' front matter give it,
// before its publication record (published.yaml) is attached and before anything of its board
// is worked out: those are done afresh, whichever way the meeting was read.
//
// A memo keeps each board's records too (each meeting's minutes record and the action log):
// working them out parses every minutes paper of the board.
#include "content/board_records_note.hpp"
#include "content/model.hpp"
#include "core/diagnostics.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bp::content {

class MeetingMemo {
  public:
    virtual ~MeetingMemo() = default;
    // Thread-safe. The meeting in `folder` of `board` as read before, its warnings reported to
    // `sink` again; none when it was never kept or anything it was read from has changed.
    virtual std::optional<Meeting> recall(const Board& board, const std::string& folder,
                                          DiagnosticSink& sink) = 0;
    // Thread-safe. Keeps a meeting just read from `folder` without errors, with its warnings.
    virtual void keep(const Board& board, const std::string& folder, const Meeting& meeting,
                      const std::vector<Diagnostic>& warnings) = 0;
    // Thread-safe. The records of `board`, whose meetings are read and in date order, as worked
    // out before, their warnings reported to `sink` again; none when they were never kept or
    // anything they were worked out from may have changed.
    virtual std::optional<BoardRecords> recall_records(const Board& board,
                                                       DiagnosticSink& sink) = 0;
    // Thread-safe. Keeps a board's records just worked out without errors, with their warnings.
    virtual void keep_records(const Board& board, const BoardRecords& records,
                              const std::vector<Diagnostic>& warnings) = 0;
};

} // namespace bp::content

#pragma once
// A board's records as its minutes and action log give them (each meeting's minutes record,
// the action log), as bytes that give back exactly those records: what a MeetingMemo keeps for
// a board, so that a build parses a board's minutes again only when something in its folder
// changed.
#include "content/model.hpp"
#include "data/actions.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bp::content {

struct BoardRecords {
    std::vector<std::optional<MinutesRecord>> minutes; // of each meeting, in the board's order
    std::shared_ptr<const data::ActionLog> actions;
};

// The records `board` holds now.
BoardRecords records_of(const Board& board);
// Sets them on `board`; false, and nothing set, when they are not for as many meetings.
bool apply_records(Board& board, BoardRecords records);

std::string board_records_note(const BoardRecords& records);
// None when the bytes are not a whole board_records_note().
std::optional<BoardRecords> board_records_from_note(std::string_view note);

} // namespace bp::content

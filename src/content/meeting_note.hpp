#pragma once
// A meeting as the site's index reads it (meeting.yaml and its papers' front matter), as bytes
// that give back exactly that meeting: what a MeetingMemo keeps. Only what the index holds
// before publication is kept: no minutes record, publish record or paper body.
#include "content/model.hpp"

#include <optional>
#include <string>

namespace bp::content {

// None when the meeting holds more than the index does before publication.
std::optional<std::string> meeting_note(const Meeting& meeting);
// None when the bytes are not a whole meeting_note().
std::optional<Meeting> meeting_from_note(std::string_view note);

} // namespace bp::content

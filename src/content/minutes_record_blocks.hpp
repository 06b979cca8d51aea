#pragma once
// The record at the head of printed and published minutes, made as blocks of the minutes' own
// document so the pack and the site render it alike:
//   Present: Cllr Margaret O’Neill (Chair), Adaeze Nwosu-Clarke (Vice-chair), …
//   Apologies: … Absent: … In attendance: … Minutes taken by: …
// and each declaration of interest under the minute of "Declarations of interest" and under
// the minute of the item it concerns.
#include "content/model.hpp"

namespace bp::content {

void present_attendance(doc::Document& body, const Attendance& attendance);
void present_declarations(doc::Document& body, const std::vector<Declaration>& declarations);

// A list that runs on from resolution points into actions ("It was agreed that: - …" then
// "- [ ] …") is two lists to the reader: splits it so the points keep their bullets.
void separate_actions_from_points(std::vector<doc::Block>& blocks);

// "Cllr Margaret O’Neill (Chair), Adaeze Nwosu-Clarke"
std::string attendee_names(const std::vector<Attendee>& attendees);

} // namespace bp::content

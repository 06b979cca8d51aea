#include "content/model.hpp"

namespace bp::content {

const char* to_string(Audience audience) {
    return audience == Audience::members ? "members" : "public";
}

const char* to_string(Security security) {
    return security == Security::restricted ? "restricted" : "unprotected";
}

const char* to_string(Purpose purpose) {
    switch (purpose) {
    case Purpose::decision:
        return "decision";
    case Purpose::information:
        return "information";
    case Purpose::discussion:
        return "discussion";
    default:
        return "";
    }
}

const char* purpose_phrase(Purpose purpose) {
    switch (purpose) {
    case Purpose::decision:
        return "For decision";
    case Purpose::information:
        return "For information";
    case Purpose::discussion:
        return "For discussion";
    default:
        return "";
    }
}

const char* to_string(MeetingStatus status) {
    switch (status) {
    case MeetingStatus::held:
        return "held";
    case MeetingStatus::cancelled:
        return "cancelled";
    default:
        return "scheduled";
    }
}

std::vector<MembershipGroup> membership_groups(const Board& board) {
    std::vector<MembershipGroup> groups = board.groups;
    if (groups.empty())
        groups = {{"Members", "members", board.members},
                  {"Advisers", "advisers", board.advisers},
                  {"Observers", "observers", board.observers}};
    std::erase_if(groups, [](const MembershipGroup& group) { return group.people.empty(); });
    return groups;
}

const char* to_string(ItemKind kind) {
    switch (kind) {
    case ItemKind::verbal:
        return "verbal";
    case ItemKind::presentation:
        return "presentation";
    case ItemKind::to_note:
        return "note";
    case ItemKind::next_meeting:
        return "next-meeting";
    default:
        return "paper";
    }
}

const char* kind_label(ItemKind kind) {
    switch (kind) {
    case ItemKind::verbal:
    case ItemKind::next_meeting:
        return "Verbal";
    case ItemKind::presentation:
        return "Presentation";
    case ItemKind::to_note:
        return "To note";
    default:
        return "";
    }
}

} // namespace bp::content

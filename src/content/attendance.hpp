#pragma once
// The attendance at the head of minutes. A minutes paper's front matter lists names under
// `present`, `apologies`, `absent` and `in_attendance`, and `minutes_by`; each name is matched to
// the board's people as a clerk writes them: "Inspector Tim Barfoot", "Councillor Butt",
// "Dr Farah Siddiqui MBE (Chair)".
#include "content/model.hpp"

#include <string>
#include <string_view>
#include <vector>
#include <yaml-cpp/yaml.h>

namespace bp::content {

// The words two spellings of a name share: lower case, straight apostrophes, without a
// bracketed note, leading titles, ranks and honorifics ("Detective Superintendent", "Cllr",
// "Dr") or trailing post-nominals ("MBE"). "Cllr Margaret O’Neill (Chair)" → "margaret o'neill".
std::string comparable_name(std::string_view name);

// Who a written name means among `people`: the person with the same comparable name; else the
// only person with that surname (and that first name or initial, when one is written).
// `candidates` holds every person the name could mean when it is ambiguous.
struct NameMatch {
    const Person* person = nullptr;
    std::vector<const Person*> candidates;
};
NameMatch match_person(std::string_view name, const std::vector<Person>& people);

// Everyone a minutes paper may name: members, advisers, observers and the contact officer.
std::vector<Person> board_people(const Board& board);

// Reads the attendance lists. Names that match no one, or several people, are warnings at the
// name with the candidates in the hint; a name listed twice is a warning. A guest in
// `in_attendance` is written with a note, "Sam Reid (Home Office)", and is not looked up.
// Without an `absent` list, the members not otherwise listed are absent.
Attendance read_attendance(const YAML::Node& front_matter, const SourceLocation& origin,
                           const Board& board, DiagnosticSink& sink);

} // namespace bp::content

#pragma once
// Grounds for keeping material from the public, and the words every output prints for them.
// The paragraphs of Part 1 of Schedule 12A to the Local Government Act 1972 live here, once.
#include "content/model.hpp"

#include <string>
#include <yaml-cpp/yaml.h>

namespace bp::content {

constexpr int schedule_12a_paragraphs = 7;

// The short description of paragraph 1–7 ("information relating to any individual"); "" else.
const char* schedule_12a_description(int paragraph);

// "Not for publication by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local
// Government Act 1972 (information relating to …)", "Not for publication: <reason>", or
// "Not for publication" when no ground is given.
std::string exempt_statement(const ExemptGround& ground);

// The same without the paragraph's description, short enough for a page header:
// "NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A to the Local
// Government Act 1972".
std::string not_for_publication_line(const ExemptGround& ground);

// The ground the public are told for a withheld paper: its own `exempt:`, else its item's,
// else its protective marking ("marked OFFICIAL-SENSITIVE").
ExemptGround withholding_ground(const AgendaItem& item, const Paper* paper);

// The words of the resolution that opens Part 2 of an agenda, and its heading.
extern const char* const part_two_heading;    // "Part 2: exclusion of the press and public"
extern const char* const part_two_resolution; // "To resolve that the press and public be …"

// When the meeting asks for it (`part_two:`), moves the items the public may not see to the
// end of the agenda, in their order, and marks them as Part 2. Both editions call this on the
// members' view, so they list items in the same order.
void group_part_two(Meeting& meeting);

// Why an item is kept from the public: its own `exempt:`, else that of its first paper the
// public may not see.
ExemptGround item_ground(const AgendaItem& item);

// Reads `exempt:` under `key` of a map: `{ paragraph: 1–7 }` or `{ reason: "…" }`. A bad
// value is reported with its location and gives no ground.
ExemptGround read_exempt(const YAML::Node& map, const SourceLocation& origin, DiagnosticSink& sink);

} // namespace bp::content

#include "content/exempt.hpp"

#include "content/audience.hpp"
#include "core/text.hpp"
#include "data/yaml_source.hpp"

#include <algorithm>

namespace bp::content {

namespace {

// Part 1 of Schedule 12A, shortened as agendas usually quote it.
const char* const descriptions[schedule_12a_paragraphs] = {
    "information relating to any individual",
    "information which is likely to reveal the identity of an individual",
    "information relating to the financial or business affairs of any particular person",
    "information relating to consultations or negotiations in connection with a labour "
    "relations matter",
    "information in respect of which a claim to legal professional privilege could be "
    "maintained in legal proceedings",
    "information which reveals that the authority proposes to give a notice imposing "
    "requirements on a person, or to make an order or direction",
    "information relating to action taken or to be taken in connection with the prevention, "
    "investigation or prosecution of crime",
};

std::string paragraph_phrase(int paragraph) {
    return "by virtue of paragraph " + std::to_string(paragraph) +
           " of Part 1 of Schedule 12A to the Local Government Act 1972";
}

} // namespace

const char* const part_two_heading = "Part 2: exclusion of the press and public";
const char* const part_two_resolution =
    "To resolve that the press and public be excluded from the meeting for the following "
    "business, because it involves the likely disclosure of exempt information as defined in "
    "Part 1 of Schedule 12A to the Local Government Act 1972.";

void group_part_two(Meeting& meeting) {
    if (!meeting.part_two)
        return;
    std::stable_partition(meeting.items.begin(), meeting.items.end(),
                          [](const AgendaItem& item) { return !item_members_only(item); });
    for (auto& item : meeting.items)
        item.part_two = item_members_only(item);
}

const char* schedule_12a_description(int paragraph) {
    if (paragraph < 1 || paragraph > schedule_12a_paragraphs)
        return "";
    return descriptions[paragraph - 1];
}

std::string exempt_statement(const ExemptGround& ground) {
    if (ground.paragraph > 0)
        return "Not for publication " + paragraph_phrase(ground.paragraph) + " (" +
               schedule_12a_description(ground.paragraph) + ")";
    if (!ground.reason.empty())
        return "Not for publication: " + ground.reason;
    return "Not for publication";
}

std::string not_for_publication_line(const ExemptGround& ground) {
    if (ground.paragraph > 0)
        return "NOT FOR PUBLICATION " + paragraph_phrase(ground.paragraph);
    if (!ground.reason.empty())
        return "NOT FOR PUBLICATION: " + ground.reason;
    return "NOT FOR PUBLICATION";
}

ExemptGround withholding_ground(const AgendaItem& item, const Paper* paper) {
    if (paper && paper->exempt.given())
        return paper->exempt;
    if (item.exempt.given())
        return item.exempt;
    ExemptGround ground;
    if (paper && !paper->marking.empty() && !paper->marking_public)
        ground.reason = "marked " + paper->marking;
    return ground;
}

ExemptGround item_ground(const AgendaItem& item) {
    if (item.exempt.given())
        return item.exempt;
    for (const auto& paper : item.papers)
        if (paper_members_only(paper))
            return withholding_ground(item, &paper);
    return {};
}

ExemptGround read_exempt(const YAML::Node& map, const SourceLocation& origin,
                         DiagnosticSink& sink) {
    ExemptGround ground;
    YAML::Node node = map["exempt"];
    if (!node || node.IsNull())
        return ground;
    const char* hint = "write 'exempt: { paragraph: 3 }' for a paragraph of Part 1 of Schedule "
                       "12A to the Local Government Act 1972 (1 to 7), or "
                       "'exempt: { reason: \"…\" }' in your own words";
    SourceLocation where = data::location_of(node, origin);
    if (!node.IsMap()) {
        sink.error(where, "'exempt' must give a paragraph or a reason", hint);
        return ground;
    }
    data::check_keys(node, {"paragraph", "reason"}, origin, sink, "exempt");
    if (node["paragraph"] && node["reason"]) {
        sink.error(where, "'exempt' takes a paragraph or a reason, not both", hint);
        return ground;
    }
    if (node["paragraph"]) {
        auto paragraph = data::read_int(node, "paragraph", origin, sink);
        if (!paragraph)
            return ground;
        if (*paragraph < 1 || *paragraph > schedule_12a_paragraphs) {
            sink.error(data::location_of(node["paragraph"], origin),
                       "Schedule 12A has no paragraph " + std::to_string(*paragraph) + " in Part 1",
                       "Part 1 of Schedule 12A to the Local Government Act 1972 has paragraphs "
                       "1 to 7; for another ground write 'exempt: { reason: \"…\" }'");
            return ground;
        }
        ground.paragraph = *paragraph;
        return ground;
    }
    ground.reason = trim(data::read_string(node, "reason", origin, sink).value_or(""));
    if (ground.reason.empty())
        sink.error(where, "'exempt' must give a paragraph or a reason", hint);
    return ground;
}

} // namespace bp::content

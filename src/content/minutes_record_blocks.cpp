#include "content/minutes_record_blocks.hpp"

#include "content/block_builders.hpp"
#include "content/decisions.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace bp::content {

namespace {

doc::Block labelled(const std::string& label, std::string text, const SourceLocation& location,
                    const std::string& css_class) {
    doc::Block block;
    block.kind = doc::BlockKind::paragraph;
    block.location = location;
    block.css_class = css_class;
    block.inlines.push_back(strong_inline(label, location));
    if (!text.empty())
        block.inlines.push_back(text_inline(" " + std::move(text), location));
    return block;
}

std::size_t first_heading(const std::vector<doc::Block>& blocks) {
    for (std::size_t i = 0; i < blocks.size(); ++i)
        if (blocks[i].kind == doc::BlockKind::heading)
            return i;
    return blocks.size();
}

std::string declaration_text(const Declaration& declaration, bool with_item) {
    std::string text = declaration.name;
    if (with_item && !declaration.item.empty())
        text += " (item " + declaration.item + ")";
    return text + ": " + declaration.interest;
}

// Ends the text with a full stop unless it already ends a sentence.
std::string sentence(std::string text) {
    if (!text.empty() && text.back() != '.' && text.back() != '!' && text.back() != '?')
        text += '.';
    return text;
}

doc::Block declarations_list(const std::vector<Declaration>& declarations) {
    doc::Block list;
    list.kind = doc::BlockKind::bullet_list;
    list.location = declarations.front().location;
    list.css_class = "declarations";
    for (const auto& declaration : declarations) {
        doc::Block item;
        item.kind = doc::BlockKind::list_item;
        item.location = declaration.location;
        item.children.push_back(
            paragraph(declaration_text(declaration, true), declaration.location));
        list.children.push_back(std::move(item));
    }
    return list;
}

bool is_declarations_minute(const doc::Block& block) {
    if (block.kind != doc::BlockKind::heading)
        return false;
    return to_lower_ascii(doc::plain_text(block.inlines)).find("declaration") != std::string::npos;
}

// Where a minute's own text begins: just after its heading.
std::optional<std::size_t> after_minute(const std::vector<doc::Block>& blocks,
                                        const std::string& number) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (blocks[i].kind != doc::BlockKind::heading)
            continue;
        auto minute = minute_heading(doc::plain_text(blocks[i].inlines));
        if (minute && minute->number == number)
            return i + 1;
    }
    return std::nullopt;
}

bool is_list(const doc::Block& block) {
    return block.kind == doc::BlockKind::bullet_list || block.kind == doc::BlockKind::ordered_list;
}

bool mixes_tasks(const doc::Block& list) {
    bool tasks = false, points = false;
    for (const auto& item : list.children)
        (item.task ? tasks : points) = true;
    return tasks && points;
}

} // namespace

std::string attendee_names(const std::vector<Attendee>& attendees) {
    std::string text;
    for (const auto& attendee : attendees) {
        text += (text.empty() ? "" : ", ") + attendee.name;
        if (!attendee.note.empty())
            text += " (" + attendee.note + ")";
    }
    return text;
}

void present_attendance(doc::Document& body, const Attendance& attendance) {
    if (attendance.empty())
        return;
    SourceLocation location = body.blocks.empty() ? SourceLocation{} : body.blocks.front().location;
    std::vector<doc::Block> record;
    auto add = [&](const char* label, const std::vector<Attendee>& attendees) {
        if (!attendees.empty())
            record.push_back(
                labelled(label, sentence(attendee_names(attendees)), location, "attendance"));
    };
    add("Present:", attendance.present);
    add("Apologies:", attendance.apologies);
    add("Absent:", attendance.absent);
    add("In attendance:", attendance.in_attendance);
    if (!attendance.minutes_by.empty())
        record.push_back(
            labelled("Minutes taken by:", sentence(attendance.minutes_by), location, "attendance"));
    std::size_t at = first_heading(body.blocks);
    body.blocks.insert(body.blocks.begin() + static_cast<long>(at),
                       std::make_move_iterator(record.begin()),
                       std::make_move_iterator(record.end()));
}

void present_declarations(doc::Document& body, const std::vector<Declaration>& declarations) {
    if (declarations.empty())
        return;
    auto& blocks = body.blocks;
    // Under each concerned minute first, so the positions found next stay right.
    for (auto it = declarations.rbegin(); it != declarations.rend(); ++it) {
        if (it->item.empty())
            continue;
        if (auto at = after_minute(blocks, it->item))
            blocks.insert(
                blocks.begin() + static_cast<long>(*at),
                labelled("Declaration of interest:", sentence(declaration_text(*it, false)),
                         it->location, "declaration"));
    }
    auto minute = std::find_if(blocks.begin(), blocks.end(), is_declarations_minute);
    if (minute != blocks.end()) {
        blocks.insert(minute + 1, declarations_list(declarations));
        return;
    }
    std::size_t at = first_heading(blocks);
    blocks.insert(blocks.begin() + static_cast<long>(at), declarations_list(declarations));
    blocks.insert(
        blocks.begin() + static_cast<long>(at),
        labelled("Declarations of interest:", "", declarations.front().location, "attendance"));
}

void separate_actions_from_points(std::vector<doc::Block>& blocks) {
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        separate_actions_from_points(blocks[i].children);
        if (!is_list(blocks[i]) || !mixes_tasks(blocks[i]))
            continue;
        doc::Block whole = std::move(blocks[i]);
        std::vector<doc::Block> runs;
        for (auto& item : whole.children) {
            if (runs.empty() ||
                runs.back().children.front().task.has_value() != item.task.has_value()) {
                doc::Block run = whole;
                run.children.clear();
                run.location = item.location;
                runs.push_back(std::move(run));
            }
            runs.back().children.push_back(std::move(item));
        }
        blocks.erase(blocks.begin() + static_cast<long>(i));
        blocks.insert(blocks.begin() + static_cast<long>(i), std::make_move_iterator(runs.begin()),
                      std::make_move_iterator(runs.end()));
        i += runs.size() - 1;
    }
}

} // namespace bp::content

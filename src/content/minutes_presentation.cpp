#include "content/minutes_presentation.hpp"

#include "content/minutes.hpp"
#include "core/text.hpp"

namespace bp::content {

namespace {

doc::Inline text_inline(std::string text) {
    doc::Inline run;
    run.kind = doc::InlineKind::text;
    run.text = std::move(text);
    return run;
}

// Drops the trailing "{…}" (which may span several inlines) and the space before it.
void strip_brace_group(doc::Inlines& inlines) {
    for (std::size_t i = inlines.size(); i-- > 0;) {
        if (inlines[i].kind != doc::InlineKind::text)
            continue;
        std::size_t brace = inlines[i].text.rfind('{');
        if (brace == std::string::npos)
            continue;
        inlines[i].text = inlines[i].text.substr(0, brace);
        inlines.resize(i + 1);
        break;
    }
    while (!inlines.empty()) {
        doc::Inline& last = inlines.back();
        if (last.kind == doc::InlineKind::soft_break || last.kind == doc::InlineKind::line_break ||
            (last.kind == doc::InlineKind::text && trim(last.text).empty())) {
            inlines.pop_back();
            continue;
        }
        if (last.kind == doc::InlineKind::text)
            last.text = last.text.substr(0, last.text.find_last_not_of(" \t") + 1);
        break;
    }
}

doc::Inlines action_line(const data::Action& action) {
    std::string who = action.lead;
    if (!action.others.empty())
        who += " (with " + action.others + ")";
    std::string when = action.due ? ", by " + action.due->medium_form() : "";
    std::string done = action.status == data::ActionStatus::complete ? " Done at the meeting." : "";
    doc::Inline label;
    label.kind = doc::InlineKind::strong;
    label.children.push_back(text_inline("Action:"));
    doc::Inline br;
    br.kind = doc::InlineKind::line_break;
    return {br, label, text_inline(" " + who + when + " [" + action.id + "]." + done)};
}

void rewrite_tasks(std::vector<doc::Block>& blocks, const std::vector<data::Action>& actions,
                   std::size_t& next) {
    for (auto& block : blocks) {
        if (block.kind == doc::BlockKind::list_item && block.task && next < actions.size()) {
            const data::Action& action = actions[next++];
            for (auto& child : block.children) {
                if (child.kind != doc::BlockKind::paragraph)
                    continue;
                if (doc::plain_text(child.inlines).find('{') == std::string::npos)
                    break;
                strip_brace_group(child.inlines);
                for (auto& run : action_line(action))
                    child.inlines.push_back(std::move(run));
                break;
            }
        }
        rewrite_tasks(block.children, actions, next);
    }
}

} // namespace

void present_minutes_actions(doc::Document& body, Date recorded) {
    DiagnosticSink already_reported; // the action log reports problems with these actions
    std::vector<data::Action> actions = read_minutes_actions(body, recorded, already_reported);
    std::size_t next = 0;
    rewrite_tasks(body.blocks, actions, next);
}

} // namespace bp::content

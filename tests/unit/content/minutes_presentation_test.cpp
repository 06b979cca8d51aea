#include "content/minutes_presentation.hpp"
#include "markdown/parse.hpp"

#include <doctest/doctest.h>

using namespace bp;

namespace {
doc::Document minutes(const std::string& text) {
    DiagnosticSink sink;
    return markdown::parse(text, {"minutes.md", 5, 1}, sink);
}
const doc::Block& first_item_paragraph(const doc::Document& document) {
    return document.blocks.at(0).children.at(0).children.at(0);
}
} // namespace

TEST_CASE("an action's brace group is printed as a readable action line") {
    auto body = minutes("- [ ] Circulate the draft strategy to members.\n"
                        "  {lead: Priya Ramaswamy, due: 2017-10-31, others: Ayo Bello}\n");
    content::present_minutes_actions(body, Date{2017, 9, 12});
    std::string text = doc::plain_text(first_item_paragraph(body).inlines);
    CHECK(text == "Circulate the draft strategy to members. Action: Priya Ramaswamy (with Ayo "
                  "Bello), by 31 October 2017 [2017-09-12/1].");
    CHECK(text.find('{') == std::string::npos);
}

TEST_CASE("actions are numbered in order, explicit ids win, and done items say so") {
    auto body = minutes("- [x] First. {lead: A B, due: 2017-10-01}\n"
                        "- [ ] Second. {lead: C D, due: 2017-11-01, id: 2017-09-12/9}\n");
    content::present_minutes_actions(body, Date{2017, 9, 12});
    auto item_text = [&](int i) {
        return doc::plain_text(body.blocks.at(0).children.at(i).children.at(0).inlines);
    };
    CHECK(item_text(0) ==
          "First. Action: A B, by 1 October 2017 [2017-09-12/1]. Done at the meeting.");
    CHECK(item_text(1) == "Second. Action: C D, by 1 November 2017 [2017-09-12/9].");
}

TEST_CASE("task items without a brace group are left as they are") {
    auto body = minutes("- [ ] Just a to-do.\n");
    content::present_minutes_actions(body, Date{2017, 9, 12});
    CHECK(doc::plain_text(first_item_paragraph(body).inlines) == "Just a to-do.");
}

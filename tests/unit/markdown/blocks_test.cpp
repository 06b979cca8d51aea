// Block structure: one `input -> expected` example per construct, in the spirit of the
// CommonMark spec.
#include "support.hpp"

#include <doctest/doctest.h>

using bp::DiagnosticSink;
using bp::test::markdown;

TEST_CASE("paragraphs are separated by blank lines, lines within one are soft breaks") {
    CHECK(markdown("one\ntwo\n\nthree\n") == "P[T'one' SB T'two'] P[T'three']");
}

TEST_CASE("hard breaks come from two trailing spaces or a backslash") {
    CHECK(markdown("one  \ntwo\\\nthree") == "P[T'one' BR T'two' BR T'three']");
}

TEST_CASE("headings keep their level, the author's numbering and get an anchor") {
    CHECK(markdown("# Performance\n\n## 1.1 Violence with injury\n\n### Chair’s report\n") ==
          "H1#performance[T'Performance'] H2#1-1-violence-with-injury[T'1.1 Violence with "
          "injury'] H3#chairs-report[T'Chair’s report']");
}

TEST_CASE("setext headings are headings too") {
    CHECK(markdown("Summary\n=======\n\nDetail\n------\n") ==
          "H1#summary[T'Summary'] H2#detail[T'Detail']");
}

TEST_CASE("repeated heading anchors are numbered from 2") {
    CHECK(markdown("## Risks\n\n## Risks\n\n## Risks\n") ==
          "H2#risks[T'Risks'] H2#risks-2[T'Risks'] H2#risks-3[T'Risks']");
}

TEST_CASE("a numbered anchor never collides with a heading that has that text") {
    CHECK(markdown("## Risks\n\n## Risks 2\n\n## Risks\n") ==
          "H2#risks[T'Risks'] H2#risks-2[T'Risks 2'] H2#risks-3[T'Risks']");
}

TEST_CASE("a heading with no letters or digits still gets an anchor") {
    CHECK(markdown("## ***\n\n## —\n") == "H2#section[T'***'] H2#section-2[T'—']");
}

TEST_CASE("bullet lists are tight or loose") {
    CHECK(markdown("- one\n- two\n") == "UL[LI[P[T'one']] LI[P[T'two']]]");
    CHECK(markdown("- one\n\n- two\n") == "UL(loose)[LI[P[T'one']] LI[P[T'two']]]");
}

TEST_CASE("ordered lists keep their start number") {
    CHECK(markdown("1. one\n2. two\n") == "OL1[LI[P[T'one']] LI[P[T'two']]]");
    CHECK(markdown("7. seven\n8. eight\n") == "OL7[LI[P[T'seven']] LI[P[T'eight']]]");
}

TEST_CASE("lists nest inside list items") {
    CHECK(markdown("- outer\n  1. inner\n") == "UL[LI[P[T'outer'] OL1[LI[P[T'inner']]]]]");
}

TEST_CASE("task list items carry their checked state, plain items carry none") {
    CHECK(markdown("- [ ] Circulate the draft.\n- [x] Agree the terms.\n- Note\n") ==
          "UL[LI( )[P[T'Circulate the draft.']] LI(x)[P[T'Agree the terms.']] LI[P[T'Note']]]");
}

TEST_CASE("task items keep a trailing brace group as text") {
    CHECK(markdown(
              "- [ ] Write to the chief executive. {lead: Priya Ramaswamy, due: 2017-10-31}\n") ==
          "UL[LI( )[P[T'Write to the chief executive. {lead: Priya Ramaswamy, due: "
          "2017-10-31}']]]");
}

TEST_CASE("block quotes hold blocks") {
    CHECK(markdown("> quoted\n>\n> - item\n") == "Q[P[T'quoted'] UL[LI[P[T'item']]]]");
}

TEST_CASE("code blocks keep their text exactly, without smart punctuation") {
    CHECK(markdown("```cpp\nint a = b--; // \"x\"\n```\n") == "CODE(cpp)'int a = b--; // \"x\"\n'");
    CHECK(markdown("    indented -- code\n") == "CODE()'indented -- code\n'");
}

TEST_CASE("thematic breaks") {
    CHECK(markdown("above\n\n---\n\nbelow\n") == "P[T'above'] HR P[T'below']");
}

TEST_CASE("tables have a header row, body rows and column alignments") {
    CHECK(markdown("| Area | Q1 | Q2 | Note |\n|:-----|---:|:--:|------|\n"
                   "| North | 12 | 15 | *up* |\n| South | 9 | 8 | |\n") ==
          "TABLE(lrc-)[HEAD{[T'Area'] [T'Q1'] [T'Q2'] [T'Note']} "
          "ROW{[T'North'] [T'12'] [T'15'] [E[T'up']]} ROW{[T'South'] [T'9'] [T'8'] []}]");
}

TEST_CASE("short table rows are padded and long ones cut to the header's width") {
    CHECK(markdown("| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n") ==
          "TABLE(--)[HEAD{[T'a'] [T'b']} ROW{[T'1'] []} ROW{[T'1'] [T'2']}]");
}

TEST_CASE("a table with only a header has no rows") {
    CHECK(markdown("| a |\n|---|\n") == "TABLE(-)[HEAD{[T'a']}]");
}

TEST_CASE("fenced blocks named as directives become directives with their body") {
    DiagnosticSink sink;
    auto document =
        bp::markdown::parse("Text\n\n```chart\nindicator: knife-crime\nkind: monthly\n```\n",
                            {"paper.md", 5, 1}, sink, bp::test::test_options());
    REQUIRE(document.blocks.size() == 2);
    const auto& directive = document.blocks[1];
    CHECK(directive.kind == bp::doc::BlockKind::directive);
    CHECK(directive.name == "chart");
    CHECK(directive.text == "indicator: knife-crime\nkind: monthly\n");
    CHECK(directive.location.line == 7);
    CHECK(directive.body_location.file == "paper.md");
    CHECK(directive.body_location.line == 8);
    CHECK(directive.body_location.column == 1);
}

TEST_CASE("a directive is recognised by the first word of the info string") {
    CHECK(markdown("~~~ scorecard extra words\nindicators: [a]\n~~~\n") ==
          "DIR(scorecard)'indicators: [a]\n'");
}

TEST_CASE("an empty directive is still a directive") {
    CHECK(markdown("```membership\n```\n") == "DIR(membership)''");
}

TEST_CASE("other fenced blocks stay code, and the directive names can be changed") {
    CHECK(markdown("```yaml\na: 1\n```\n") == "CODE(yaml)'a: 1\n'");
    DiagnosticSink sink;
    bp::markdown::ParseOptions options;
    options.directive_names = {"yaml"};
    auto document = bp::markdown::parse("```yaml\na: 1\n```\n```chart\n```\n",
                                        bp::test::test_origin, sink, options);
    CHECK(bp::test::dump(document) == "DIR(yaml)'a: 1\n' CODE(chart)''");
}

TEST_CASE("without directive names every fenced block is code") {
    DiagnosticSink sink;
    auto document =
        bp::markdown::parse("```chart\nkind: monthly\n```\n", bp::test::test_origin, sink);
    CHECK(bp::test::dump(document) == "CODE(chart)'kind: monthly\n'");
}

TEST_CASE("an indented code block is never a directive") {
    CHECK(markdown("    chart\n") == "CODE()'chart\n'");
}

TEST_CASE("an empty document has no blocks") {
    CHECK(markdown("").empty());
    CHECK(markdown("\n\n  \n").empty());
}

TEST_CASE("ordered lists written with a parenthesis are ordered lists") {
    CHECK(markdown("1) one\n2) two\n") == "OL1[LI[P[T'one']] LI[P[T'two']]]");
}

TEST_CASE("task lists nest, and tables sit inside block quotes") {
    CHECK(markdown("- [ ] parent\n  - [x] child\n") ==
          "UL[LI( )[P[T'parent'] UL[LI(x)[P[T'child']]]]]");
    CHECK(markdown("> | a | b |\n> |---|:-:|\n> | 1 | 2 |\n") ==
          "Q[TABLE(-c)[HEAD{[T'a'] [T'b']} ROW{[T'1'] [T'2']}]]");
}

TEST_CASE("a footnote defined inside a list item is still collected") {
    CHECK(markdown("- a[^1]\n\n  [^1]: Note in a list.\n") ==
          "UL(loose)[LI[P[T'a' FN1(1)]]] FN1:1[P[T'Note in a list.']]");
}

TEST_CASE("headings inside footnotes share the document's anchors") {
    CHECK(markdown("# Notes\n\nA[^n]\n\n[^n]: Text.\n\n    # Notes\n") ==
          "H1#notes[T'Notes'] P[T'A' FN1(n)] FN1:n[P[T'Text.'] H1#notes-2[T'Notes']]");
}

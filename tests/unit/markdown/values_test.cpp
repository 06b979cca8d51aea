// Inline values: {{ expression }} in running text.
#include "support.hpp"

#include <doctest/doctest.h>

using bp::DiagnosticSink;
using bp::test::diagnostics;
using bp::test::markdown;

TEST_CASE("a value in text becomes a value inline with its trimmed expression") {
    CHECK(markdown("There were {{ violence-with-injury.fytd.value }} offences.") ==
          "P[T'There were ' V'violence-with-injury.fytd.value' T' offences.']");
    CHECK(markdown("{{a}}{{ b }}") == "P[V'a' V'b']");
}

TEST_CASE("values split by cmark at brackets, underscores and quotes are joined again") {
    CHECK(markdown("x {{ rates[2017]_q1 }} y") == "P[T'x ' V'rates[2017]_q1' T' y']");
    CHECK(markdown("{{ it's }}") == "P[V'it's']");
}

TEST_CASE("smart punctuation never changes the expression") {
    CHECK(markdown("{{ a--b }} and {{ \"q\" }} -- done") ==
          "P[V'a--b' T' and ' V'\"q\"' T' – done']");
}

TEST_CASE("values work inside emphasis, links, headings, lists and table cells") {
    CHECK(markdown("*{{ a }}* [{{ b }}](u)") == "P[E[V'a'] T' ' L(u)[V'b']]");
    CHECK(markdown("## Total {{ c }}\n") == "H2#total-c[T'Total ' V'c']");
    CHECK(markdown("- {{ d }}\n") == "UL[LI[P[V'd']]]");
    CHECK(markdown("| x |\n|---|\n| {{ e }} |\n") == "TABLE(-)[HEAD{[T'x']} ROW{[V'e']}]");
}

TEST_CASE("values in code are code") {
    CHECK(markdown("`{{ a }}`\n\n```\n{{ b }}\n```\n") == "P[C'{{ a }}'] CODE()'{{ b }}\n'");
}

TEST_CASE("single braces are ordinary text") {
    CHECK(markdown("{lead: A, due: 2017-10-31} and {x}") ==
          "P[T'{lead: A, due: 2017-10-31} and {x}']");
}

TEST_CASE("an unclosed value is an error at the opening braces, and the text is kept") {
    DiagnosticSink sink;
    CHECK(markdown("Total: {{ a.b and more", sink) == "P[T'Total: {{ a.b and more']");
    CHECK(diagnostics(sink) ==
          "paper.md:1:8: error: inline value is not closed: \"{{\" without \"}}\"\n  hint: write "
          "values as {{ indicator-id.measure }} with the closing }} on the same line; to show "
          "braces as they are, put them in `backticks`");
}

TEST_CASE("a value may not run over a line break") {
    DiagnosticSink sink;
    CHECK(markdown("a {{ b\nc }} d", sink) == "P[T'a {{ b' SB T'c }} d']");
    CHECK(sink.error_count() == 1);
}

TEST_CASE("after an unclosed value, earlier values on the line still count") {
    DiagnosticSink sink;
    CHECK(markdown("{{ a }} then {{ b", sink) == "P[V'a' T' then {{ b']");
    CHECK(diagnostics(sink).rfind("paper.md:1:14: error: inline value is not closed", 0) == 0);
}

TEST_CASE("an empty value is an error and kept as text") {
    DiagnosticSink sink;
    CHECK(markdown("x {{ }} y", sink) == "P[T'x {{ }}' T' y']");
    CHECK(diagnostics(sink) ==
          "paper.md:1:3: error: inline value is empty: \"{{ }}\"\n  hint: write the value to "
          "show between the braces, e.g. {{ indicator-id.measure }}");
}

// Inline markup: emphasis, code, links, images, breaks and smart punctuation.
#include "support.hpp"

#include <doctest/doctest.h>

using bp::DiagnosticSink;
using bp::test::markdown;

TEST_CASE("emphasis, strong and their nesting") {
    CHECK(markdown("*a* _b_ **c** __d__") == "P[E[T'a'] T' ' E[T'b'] T' ' S[T'c'] T' ' S[T'd']]");
    CHECK(markdown("***both***") == "P[E[S[T'both']]]");
    CHECK(markdown("**bold *and italic***") == "P[S[T'bold ' E[T'and italic']]]");
}

TEST_CASE("intraword underscores are not emphasis") {
    CHECK(markdown("snake_case_name") == "P[T'snake_case_name']");
}

TEST_CASE("code spans keep their text literally") {
    CHECK(markdown("Run `a -- \"b\"` now") == "P[T'Run ' C'a -- \"b\"' T' now']");
}

TEST_CASE("strikethrough") {
    CHECK(markdown("~~old~~ new") == "P[DEL[T'old'] T' new']");
    CHECK(markdown("~one~") == "P[DEL[T'one']]");
}

TEST_CASE("links, with their address and text") {
    CHECK(markdown("See [the *strategy*](https://example.org/s \"Title\").") ==
          "P[T'See ' L(https://example.org/s)[T'the ' E[T'strategy']] T'.']");
}

TEST_CASE("reference links resolve to their definitions") {
    CHECK(markdown("See [the plan][p].\n\n[p]: https://example.org/plan\n") ==
          "P[T'See ' L(https://example.org/plan)[T'the plan'] T'.']");
}

TEST_CASE("autolinks: angle brackets, bare web addresses and email addresses") {
    CHECK(markdown("<https://example.org>") == "P[L(https://example.org)[T'https://example.org']]");
    CHECK(markdown("Visit www.example.org today") ==
          "P[T'Visit ' L(http://www.example.org)[T'www.example.org'] T' today']");
    CHECK(markdown("Mail team@example.org") ==
          "P[T'Mail ' L(mailto:team@example.org)[T'team@example.org']]");
}

TEST_CASE("images carry their address and alt text") {
    CHECK(markdown("![Map of *wards*](assets/map.png)") == "P[IMG(assets/map.png)'Map of wards']");
}

TEST_CASE("links to scripts are reported and kept as text") {
    DiagnosticSink sink;
    CHECK(bp::test::markdown("[click](javascript:alert(1))", sink) == "P[T'click']");
    CHECK(bp::test::diagnostics(sink) ==
          "paper.md:1:1: warning: link address is not allowed: scripts and data cannot be "
          "linked to\n  hint: link to a web address (https://...), an email address "
          "(mailto:...) or a file in the site");
}

TEST_CASE("smart punctuation: curly quotes, apostrophes and dashes") {
    CHECK(markdown("Cllr O'Neill said \"it's done\" -- for 2016--17 --- finally...") ==
          "P[T'Cllr O’Neill said “it’s done” – for 2016–17 — finally…']");
    CHECK(markdown("'single'") == "P[T'‘single’']");
}

TEST_CASE("backslash escapes give the literal character") {
    CHECK(markdown("\\*not emphasis\\*") == "P[T'*not emphasis*']");
}

TEST_CASE("entities are decoded") {
    CHECK(markdown("&copy; &amp; &#163;5") == "P[T'© & £5']");
}

TEST_CASE("footnotes are numbered in order of first reference") {
    CHECK(markdown("First[^b] then[^a] and again[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n") ==
          "P[T'First' FN1(b) T' then' FN2(a) T' and again' FN1(b) T'.'] "
          "FN1:b[P[T'Note B.']] FN2:a[P[T'Note A.']]");
}

TEST_CASE("footnote labels match case-insensitively") {
    CHECK(markdown("Text[^Police-Data].\n\n[^police-data]: From the police.\n") ==
          "P[T'Text' FN1(Police-Data) T'.'] FN1:police-data[P[T'From the police.']]");
}

TEST_CASE("footnote definitions may hold several blocks and markup") {
    CHECK(markdown("A[^1]\n\n[^1]: First *para*.\n\n    Second para.\n") ==
          "P[T'A' FN1(1)] FN1:1[P[T'First ' E[T'para'] T'.'] P[T'Second para.']]");
}

TEST_CASE("unused footnote definitions are dropped and unknown references stay text") {
    CHECK(markdown("A[^x] B[^missing]\n\n[^x]: Used.\n[^unused]: Never cited.\n") ==
          "P[T'A' FN1(x) T' B[^missing]'] FN1:x[P[T'Used.']]");
}

TEST_CASE("footnote references on continuation lines find their labels") {
    CHECK(markdown("- item one\n  with a note[^n]\n\n[^n]: The note.\n") ==
          "UL[LI[P[T'item one' SB T'with a note' FN1(n)]]] FN1:n[P[T'The note.']]");
}

TEST_CASE("plain text of inlines, for titles and search") {
    DiagnosticSink sink;
    auto document = bp::markdown::parse("## The *new* `code` and ~~old~~ {{ a.b }}\n",
                                        bp::test::test_origin, sink);
    REQUIRE(document.blocks.size() == 1);
    CHECK(bp::doc::plain_text(document.blocks[0].inlines) == "The new code and old a.b");
}

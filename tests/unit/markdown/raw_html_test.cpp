// Raw HTML: <sup>, <sub> and <br> are understood; anything else is reported, never passed on.
#include "markdown/raw_html.hpp"
#include "support.hpp"

#include <doctest/doctest.h>

using bp::DiagnosticSink;
using bp::test::diagnostics;
using bp::test::markdown;

namespace {

const std::string hint =
    "\n  hint: only <sup>, <sub> and <br> may be written as HTML; use Markdown instead: "
    "**bold**, *italic*, [text](https://address), | tables |, or put the HTML in `backticks` "
    "to show it as code";

} // namespace

TEST_CASE("allowed tags are recognised whatever their case") {
    using bp::markdown::classify_html;
    using bp::markdown::HtmlTag;
    CHECK(classify_html("<sup>") == HtmlTag::sup_open);
    CHECK(classify_html("</SUP>") == HtmlTag::sup_close);
    CHECK(classify_html("<sub>") == HtmlTag::sub_open);
    CHECK(classify_html("</sub>") == HtmlTag::sub_close);
    CHECK(classify_html("<br>") == HtmlTag::line_break);
    CHECK(classify_html("<br/>") == HtmlTag::line_break);
    CHECK(classify_html("<BR />") == HtmlTag::line_break);
    CHECK(classify_html("<!-- note -->") == HtmlTag::comment);
    CHECK(classify_html("<sup class=\"x\">") == HtmlTag::other);
    CHECK(classify_html("<script>") == HtmlTag::other);
}

TEST_CASE("<sup> and <sub> wrap the inlines between them") {
    CHECK(markdown("1<sup>st</sup> H<sub>2</sub>O") == "P[T'1' SUP[T'st'] T' H' SUB[T'2'] T'O']");
    CHECK(markdown("x<sup>*2* y</sup>") == "P[T'x' SUP[E[T'2'] T' y']]");
}

TEST_CASE("<sub> may sit inside <sup>") {
    CHECK(markdown("<sup>a<sub>b</sub>c</sup>") == "P[SUP[T'a' SUB[T'b'] T'c']]");
}

TEST_CASE("<br> in its three spellings is a line break") {
    CHECK(markdown("a<br>b<br/>c<br />d") == "P[T'a' BR T'b' BR T'c' BR T'd']");
}

TEST_CASE("a <br> alone on a line is dropped quietly") {
    CHECK(markdown("above\n\n<br>\n\nbelow\n") == "P[T'above'] P[T'below']");
}

TEST_CASE("other inline HTML is reported at its position and kept as visible text") {
    DiagnosticSink sink;
    CHECK(markdown("Say <b>hi</b>", sink) == "P[T'Say ' T'<b>' T'hi' T'</b>']");
    CHECK(diagnostics(sink) == "paper.md:1:5: warning: raw HTML is not allowed here" + hint +
                                   "\npaper.md:1:10: warning: raw HTML is not allowed here" + hint);
}

TEST_CASE("script tags are text, not markup") {
    DiagnosticSink sink;
    CHECK(markdown("x <script>alert(1)</script>", sink) ==
          "P[T'x ' T'<script>' T'alert(1)' T'</script>']");
    CHECK(sink.warning_count() == 2);
    CHECK_FALSE(sink.has_errors());
}

TEST_CASE("block HTML is reported and shown as text, line by line") {
    DiagnosticSink sink;
    CHECK(markdown("Intro\n\n<div class=\"box\">\nHello\n</div>\n", sink) ==
          "P[T'Intro'] P[T'<div class=\"box\">' BR T'Hello' BR T'</div>']");
    CHECK(diagnostics(sink) == "paper.md:3:1: warning: raw HTML is not allowed here" + hint);
}

TEST_CASE("HTML comments are reported and dropped") {
    DiagnosticSink sink;
    CHECK(markdown("<!-- draft note -->\n\nText <!-- aside --> here\n", sink) ==
          "P[T'Text  here']");
    CHECK(diagnostics(sink) == "paper.md:1:1: warning: raw HTML is not allowed here" + hint +
                                   "\npaper.md:3:6: warning: raw HTML is not allowed here" + hint);
}

TEST_CASE("an unclosed <sup> is reported and its content kept") {
    DiagnosticSink sink;
    CHECK(markdown("a<sup>b c", sink) == "P[T'a' T'b c']");
    CHECK(diagnostics(sink) == "paper.md:1:2: warning: <sup> is not closed\n  hint: close it "
                               "with </sup> in the same paragraph");
}

TEST_CASE("a stray closing tag is reported and dropped") {
    DiagnosticSink sink;
    CHECK(markdown("a</sub>b", sink) == "P[T'a' T'b']");
    CHECK(diagnostics(sink) == "paper.md:1:2: warning: </sub> has no matching <sub>\n  hint: "
                               "write <sub>text</sub> within one paragraph");
}

TEST_CASE("a closing tag of the other kind does not close the open one") {
    DiagnosticSink sink;
    CHECK(markdown("<sup>a</sub>b</sup>", sink) == "P[SUP[T'a' T'b']]");
    CHECK(sink.warning_count() == 1);
}

TEST_CASE("HTML in code spans and code blocks is code, not HTML") {
    CHECK(markdown("`<div>`\n\n```\n<div>\n```\n") == "P[C'<div>'] CODE()'<div>\n'");
}

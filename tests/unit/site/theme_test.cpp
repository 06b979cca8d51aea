#include "site/template_data.hpp"
#include "site/theme.hpp"

#include <doctest/doctest.h>
#include <memory>

using namespace bp;

namespace {

std::unique_ptr<site::Theme> theme_with(const FileSystem& source, DiagnosticSink& sink) {
    return std::make_unique<site::Theme>(source, "default", BOARDPACK_SOURCE_ROOT, sink);
}

site::TemplateData title(const std::string& text) {
    site::TemplateData data = site::object_data();
    data.set("title", text);
    return data;
}

} // namespace

TEST_CASE("two themes rendered in turns on one thread each keep their own templates") {
    MemoryFileSystem first_source;
    first_source.add("themes/default/templates/home.mustache", "first: {{title}}\n");
    MemoryFileSystem second_source;
    second_source.add("themes/default/templates/home.mustache", "second: {{title}}\n");
    DiagnosticSink sink;
    auto first = theme_with(first_source, sink);
    auto second = theme_with(second_source, sink);
    REQUIRE(sink.error_count() == 0);
    for (int turn = 0; turn < 3; ++turn) {
        CHECK(first->render("home", title("A & B"), sink) == "first: A &amp; B\n");
        CHECK(second->render("home", title("C"), sink) == "second: C\n");
    }
    // A theme made again (as the preview does after an edit) renders its own new text, even
    // where it takes the place of the old one in memory.
    first.reset();
    MemoryFileSystem edited;
    edited.add("themes/default/templates/home.mustache", "edited: {{title}}\n");
    auto again = theme_with(edited, sink);
    CHECK(again->render("home", title("D"), sink) == "edited: D\n");
    CHECK(sink.error_count() == 0);
}

TEST_CASE("a template that fails to render reports it every time it is rendered") {
    MemoryFileSystem source;
    // The partial's syntax error is reported when the theme loads; each page using it then
    // fails to render, and must say so rather than come out empty.
    source.add("themes/default/partials/broken.mustache", "{{#open}}\n");
    source.add("themes/default/templates/home.mustache", "<p>{{> broken}}</p>\n");
    DiagnosticSink sink;
    auto theme = theme_with(source, sink);
    std::size_t at_load = sink.error_count();
    CHECK(at_load >= 1);
    for (int page = 1; page <= 3; ++page) {
        CHECK(theme->render("home", title("x"), sink).empty());
        CHECK(sink.error_count() == at_load + page);
    }
    CHECK(sink.sorted().back().message.find("template failed to render") != std::string::npos);
}

TEST_CASE("partials render in their template's context, nested, and with delimiters of their own") {
    MemoryFileSystem source;
    // A partial that includes itself, for items within items.
    source.add("themes/default/partials/item.mustache",
               "<li>{{name}}{{#children}}<ul>{{> item}}</ul>{{/children}}</li>");
    // A partial that changes its delimiters changes them for itself alone.
    source.add("themes/default/partials/odd.mustache", "{{=<% %>=}}<b><%name%></b>");
    source.add("themes/default/partials/noted.mustache", "{{! a note }}<i>{{name}}</i>");
    source.add("themes/default/templates/home.mustache",
               "{{#items}}{{> item}}{{/items}}|{{> odd}}|{{> noted}}|{{name}}\n");
    DiagnosticSink sink;
    auto theme = theme_with(source, sink);
    REQUIRE(sink.error_count() == 0);

    site::TemplateData leaf = site::object_data();
    leaf.set("name", "B & C");
    leaf.set("children", site::list_data());
    site::TemplateData children = site::list_data();
    children.push_back(leaf);
    site::TemplateData item = site::object_data();
    item.set("name", "A");
    item.set("children", children);
    site::TemplateData items = site::list_data();
    items.push_back(item);
    site::TemplateData page = title("unused");
    page.set("name", "top");
    page.set("items", items);
    for (int turn = 0; turn < 2; ++turn)
        CHECK(theme->render("home", page, sink) ==
              "<li>A<ul><li>B &amp; C</li></ul></li>|<b>top</b>|<i>top</i>|top\n");
    CHECK(sink.error_count() == 0);
}

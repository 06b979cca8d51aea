#include "markdown/parse.hpp"

#include "core/text.hpp"
#include "markdown/converter.hpp"
#include "markdown/safeguards.hpp"
#include "markdown/source_lines.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <exception>
#include <memory>
#include <mutex>

namespace bp::markdown {

namespace {

// Raw HTML is never rendered by cmark here (we build our own model), so CMARK_OPT_UNSAFE is
// not needed and stays off.
constexpr int base_options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;
constexpr const char* extension_names[] = {"table", "strikethrough", "autolink", "tasklist"};

struct NodeDeleter {
    void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

NodePtr run_cmark(const std::string& text, int options) {
    // Papers are parsed on several threads; the extension registry is global.
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    cmark_parser* parser = cmark_parser_new(options);
    for (const char* name : extension_names)
        if (auto* extension = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser, extension);
    cmark_parser_feed(parser, text.data(), text.size());
    NodePtr document(cmark_parser_finish(parser));
    cmark_parser_free(parser);
    return document;
}

std::string without_byte_order_mark(std::string text) {
    if (starts_with(text, "\xEF\xBB\xBF"))
        text.erase(0, 3);
    return text;
}

// Smart punctuation (curly quotes, en and em dashes) unless it would be too slow.
int choose_options(const std::string& text, const SourceLines& source, DiagnosticSink& sink) {
    int smart = base_options | CMARK_OPT_SMART;
    if (!may_have_too_many_quotes(text))
        return smart;
    auto plain = run_cmark(text, base_options);
    return plain && !smart_punctuation_is_safe(plain.get(), source, sink) ? base_options : smart;
}

doc::Document parse_markdown(std::string_view markdown, const SourceLocation& origin,
                             DiagnosticSink& sink, const ParseOptions& options) {
    auto text = without_byte_order_mark(sanitize_utf8(markdown));
    text = limit_table_sizes(std::move(text), origin, sink);
    SourceLines source(text, origin);
    auto document = run_cmark(text, choose_options(text, source, sink));
    if (!document)
        return {};
    Converter converter(source, sink, options);
    return converter.convert(document.get());
}

} // namespace

doc::Document parse(std::string_view markdown, const SourceLocation& origin, DiagnosticSink& sink,
                    const ParseOptions& options) {
    try {
        return parse_markdown(markdown, origin, sink, options);
    } catch (const std::exception& failure) {
        // Only exhausted memory gets here; the paper is reported, the build carries on.
        sink.error(origin, std::string("could not read the Markdown: ") + failure.what(),
                   "the paper may be too large; split it into smaller papers");
        return {};
    }
}

} // namespace bp::markdown

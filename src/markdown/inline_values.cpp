#include "markdown/inline_values.hpp"

#include "core/text.hpp"

#include <optional>
#include <string_view>

namespace bp::markdown {

namespace {

constexpr std::string_view open_mark = "{{";
constexpr std::string_view close_mark = "}}";

// Where an expression sits in the file and how the author typed it.
struct SourceSpan {
    std::size_t open = 0; // byte offset of "{{" in the source line
    std::size_t close = std::string_view::npos;
};

// cmark's columns are exact on a block's first line but can drift on continuation lines, so
// take the "{{" in the source line nearest to where cmark's position puts it.
std::optional<SourceSpan> find_in_source(const TextRun& run, std::size_t offset,
                                         const SourceLines& source) {
    if (run.line < 1)
        return std::nullopt;
    auto expected = static_cast<long>(run.byte_column - 1) + static_cast<long>(offset);
    auto open = source.nearest(run.line, open_mark, expected);
    if (!open)
        return std::nullopt;
    return SourceSpan{*open, source.line(run.line).find(close_mark, *open + open_mark.size())};
}

// Undoes smart punctuation, to check that the source text found is the expression parsed.
std::string plain_punctuation(std::string text) {
    text = replace_all(text, "\u2018", "'");
    text = replace_all(text, "\u2019", "'");
    text = replace_all(text, "\u201C", "\"");
    text = replace_all(text, "\u201D", "\"");
    text = replace_all(text, "\u2014", "---");
    text = replace_all(text, "\u2013", "--");
    text = replace_all(text, "\u2026", "...");
    return text;
}

// The expression as typed: smart punctuation must not turn "a--b" into "a–b".
std::string expression_text(const std::string& parsed, const std::optional<SourceSpan>& span,
                            const TextRun& run, const SourceLines& source) {
    if (!span || span->close == std::string_view::npos)
        return parsed;
    auto line = source.line(run.line);
    auto begin = span->open + open_mark.size();
    auto typed = trim(line.substr(begin, span->close - begin));
    return plain_punctuation(parsed) == plain_punctuation(typed) ? typed : parsed;
}

void append_text(std::string_view text, const SourceLocation& location, doc::Inlines& out) {
    if (text.empty())
        return;
    doc::Inline item;
    item.kind = doc::InlineKind::text;
    item.text = std::string(text);
    item.location = location;
    out.push_back(std::move(item));
}

} // namespace

void append_text_with_values(const TextRun& run, const SourceLines& source, DiagnosticSink& sink,
                             doc::Inlines& out) {
    std::string_view text = run.text;
    std::size_t position = 0;
    SourceLocation text_location = run.location;
    while (position < text.size()) {
        auto open = text.find(open_mark, position);
        if (open == std::string_view::npos)
            break;
        auto span = find_in_source(run, open, source);
        auto value_location =
            span ? source.locate(run.line, static_cast<int>(span->open) + 1) : run.location;
        auto close = text.find(close_mark, open + open_mark.size());
        if (close == std::string_view::npos) {
            sink.error(value_location, "inline value is not closed: \"{{\" without \"}}\"",
                       "write values as {{ indicator-id.measure }} with the closing }} on the "
                       "same line; to show braces as they are, put them in `backticks`");
            break;
        }
        auto parsed = trim(text.substr(open + open_mark.size(), close - open - open_mark.size()));
        if (parsed.empty()) {
            sink.error(value_location, "inline value is empty: \"{{ }}\"",
                       "write the value to show between the braces, e.g. "
                       "{{ indicator-id.measure }}");
            append_text(text.substr(position, close + close_mark.size() - position), text_location,
                        out);
        } else {
            append_text(text.substr(position, open - position), text_location, out);
            doc::Inline value;
            value.kind = doc::InlineKind::value;
            value.text = expression_text(parsed, span, run, source);
            value.location = value_location;
            out.push_back(std::move(value));
        }
        position = close + close_mark.size();
        if (span && span->close != std::string_view::npos)
            text_location = source.locate(run.line, static_cast<int>(span->close + 3));
    }
    append_text(text.substr(position), text_location, out);
}

} // namespace bp::markdown

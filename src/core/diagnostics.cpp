#include "core/diagnostics.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cstdio>
#include <tuple>

namespace bp {

SourceLocation location_in_text(std::string_view text, std::size_t offset,
                                const SourceLocation& origin) {
    SourceLocation where = origin;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++where.line;
            where.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++where.column;
        }
    }
    return where;
}

bool check_utf8(std::string_view text, const SourceLocation& origin, DiagnosticSink& sink) {
    auto offset = invalid_utf8_offset(text);
    if (!offset)
        return true;
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[*offset]));
    SourceLocation start = origin;
    if (start.line == 0)
        start = {origin.file, 1, 1};
    sink.error(location_in_text(text, *offset, start),
               std::string("the file is not valid UTF-8 (byte ") + byte + ")",
               "save the file with UTF-8 encoding");
    return false;
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.location.file.empty() ? std::string("boardpack") : d.location.file.str();
    if (d.location.line > 0) {
        out += ":" + std::to_string(d.location.line);
        out += ":" + std::to_string(d.location.column > 0 ? d.location.column : 1);
    }
    out += d.severity == Severity::error ? ": error: " : ": warning: ";
    out += d.message;
    if (!d.hint.empty())
        out += "\n  hint: " + d.hint;
    return out;
}

void DiagnosticSink::error(SourceLocation location, std::string message, std::string hint) {
    report({Severity::error, std::move(location), std::move(message), std::move(hint)});
}

void DiagnosticSink::warning(SourceLocation location, std::string message, std::string hint) {
    report({Severity::warning, std::move(location), std::move(message), std::move(hint)});
}

void DiagnosticSink::report(Diagnostic diagnostic) {
    std::lock_guard lock(mutex_);
    diagnostics_.push_back(std::move(diagnostic));
}

bool DiagnosticSink::has_errors() const {
    return error_count() > 0;
}

std::size_t DiagnosticSink::error_count() const {
    std::lock_guard lock(mutex_);
    return std::count_if(diagnostics_.begin(), diagnostics_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t DiagnosticSink::warning_count() const {
    std::lock_guard lock(mutex_);
    return std::count_if(diagnostics_.begin(), diagnostics_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::warning; });
}

std::vector<Diagnostic> DiagnosticSink::sorted() const {
    std::vector<Diagnostic> copy;
    {
        std::lock_guard lock(mutex_);
        copy = diagnostics_;
    }
    std::stable_sort(copy.begin(), copy.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.location.file, a.location.line, a.location.column, a.message) <
               std::tie(b.location.file, b.location.line, b.location.column, b.message);
    });
    copy.erase(std::unique(copy.begin(), copy.end(),
                           [](const Diagnostic& a, const Diagnostic& b) {
                               return a.location.file == b.location.file &&
                                      a.location.line == b.location.line &&
                                      a.location.column == b.location.column &&
                                      a.message == b.message;
                           }),
               copy.end());
    return copy;
}

std::vector<Diagnostic> DiagnosticSink::warnings() const {
    std::vector<Diagnostic> warnings = sorted();
    std::erase_if(warnings, [](const Diagnostic& d) { return d.severity != Severity::warning; });
    return warnings;
}

void DiagnosticSink::forward_to(DiagnosticSink& to) const {
    for (auto diagnostic : sorted())
        to.report(std::move(diagnostic));
}

} // namespace bp

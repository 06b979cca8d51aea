#include "core/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace bp {

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.location.file.empty() ? std::string("boardpack") : d.location.file;
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

} // namespace bp

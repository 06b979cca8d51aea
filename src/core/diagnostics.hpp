#pragma once
// Located errors and warnings, collected in a sink so that one run reports every problem.
#include "core/source_path.hpp"

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace bp {

// A place in a source file; line and column count from 1, 0 means "unknown".
struct SourceLocation {
    SourcePath file;
    int line = 0;
    int column = 0;

    SourceLocation at(int line_offset, int column_number) const {
        return {file, line + line_offset, column_number};
    }
};

// The place of byte `offset` in `text`, which starts at `origin` (columns count characters).
SourceLocation location_in_text(std::string_view text, std::size_t offset,
                                const SourceLocation& origin);

class DiagnosticSink;

// Reports invalid UTF-8 in `text` (a whole file, or the part starting at `origin`) as a located
// error; false when there was some.
bool check_utf8(std::string_view text, const SourceLocation& origin, DiagnosticSink& sink);

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    SourceLocation location;
    std::string message;
    std::string hint;
};

// "file:line:col: error: message" followed by an indented "hint:" line when there is one.
std::string format_diagnostic(const Diagnostic& diagnostic);

// Thread-safe: meetings are built in parallel and report into one sink.
class DiagnosticSink {
  public:
    void error(SourceLocation location, std::string message, std::string hint = {});
    void warning(SourceLocation location, std::string message, std::string hint = {});
    void report(Diagnostic diagnostic);

    bool has_errors() const;
    std::size_t error_count() const;
    std::size_t warning_count() const;
    // Sorted by file, line and column so output does not depend on thread timing.
    std::vector<Diagnostic> sorted() const;
    // The warnings alone, sorted: what a cached part reports again when it is reused.
    std::vector<Diagnostic> warnings() const;
    // Reports everything here to `to` as well.
    void forward_to(DiagnosticSink& to) const;

  private:
    mutable std::mutex mutex_;
    std::vector<Diagnostic> diagnostics_;
};

} // namespace bp

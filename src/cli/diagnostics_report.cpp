#include "cli/diagnostics_report.hpp"

#include <ostream>

namespace bp::cli {

namespace {
std::string plural(std::size_t count, const char* word) {
    return std::to_string(count) + " " + word + (count == 1 ? "" : "s");
}
} // namespace

bool report_diagnostics(const DiagnosticSink& sink, std::ostream& out) {
    for (const auto& diagnostic : sink.sorted())
        out << format_diagnostic(diagnostic) << "\n";
    std::size_t errors = sink.error_count(), warnings = sink.warning_count();
    if (errors > 0 || warnings > 0)
        out << "boardpack: " << plural(errors, "error") << ", " << plural(warnings, "warning")
            << "\n";
    return errors > 0;
}

} // namespace bp::cli

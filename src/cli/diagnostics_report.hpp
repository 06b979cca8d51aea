#pragma once
#include "core/diagnostics.hpp"

#include <iosfwd>

namespace bp::cli {

// Prints every diagnostic, then a one-line count; returns true when there were errors.
bool report_diagnostics(const DiagnosticSink& sink, std::ostream& out);

} // namespace bp::cli

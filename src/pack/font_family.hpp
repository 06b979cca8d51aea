#pragma once
// The four faces a pack sets its text in: the bundled Noto Sans, or the installed family that
// site.yaml's `style: body_font` names (chart/font_family.hpp holds the rule for which files).
#include "chart/font_family.hpp"
#include "chart/installed_fonts.hpp"
#include "content/model.hpp"
#include "core/diagnostics.hpp"

#include <string>

namespace bp::pack {

using chart::bundled_font_files;
using chart::FontFiles;
using chart::installed_font_files; // what the build cache keys on

// The faces of `type.body_font`: the bundled ones when it is empty, and also (with a warning
// at its site.yaml position naming installed families) when no installed TrueType family has
// that name.
FontFiles body_font_files(const content::Typography& type, const std::string& font_dir,
                          DiagnosticSink& sink);

} // namespace bp::pack

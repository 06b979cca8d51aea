#pragma once
// The four faces a pack sets its text in: the bundled Noto Sans, or the installed family that
// site.yaml's `style: body_font` names, found through fontconfig.
#include "content/model.hpp"
#include "core/diagnostics.hpp"

#include <string>

namespace bp::pack {

struct FontFiles {
    std::string family;   // "Noto Sans"
    std::string paths[4]; // TrueType files, by layout::FontStyle: regular, bold, italic, bold
                          // italic; a family without one style repeats the nearest face
    // One text naming all four files, to keep loaded faces by.
    std::string key() const;
};

// The bundled faces in `font_dir`.
FontFiles bundled_font_files(const std::string& font_dir);

// The faces of `type.body_font`: the bundled ones when it is empty, and also (with a warning
// at its site.yaml position naming installed families) when no installed TrueType family has
// that name.
FontFiles body_font_files(const content::Typography& type, const std::string& font_dir,
                          DiagnosticSink& sink);

} // namespace bp::pack

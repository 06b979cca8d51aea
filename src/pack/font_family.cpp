#include "pack/font_family.hpp"

#include "layout/page.hpp"

namespace bp::pack {

// FontFiles keeps its faces in the order of layout's styles, which index it.
static_assert(static_cast<int>(layout::FontStyle::bold_italic) ==
              static_cast<int>(chart::FaceStyle::bold_italic));
static_assert(static_cast<int>(layout::FontStyle::italic) ==
              static_cast<int>(chart::FaceStyle::italic));
static_assert(static_cast<int>(layout::FontStyle::bold) ==
              static_cast<int>(chart::FaceStyle::bold));

FontFiles body_font_files(const content::Typography& type, const std::string& font_dir,
                          DiagnosticSink& sink) {
    chart::FamilyChoice choice = chart::choose_family(type.body_font, font_dir);
    if (!choice.installed) {
        std::string alternatives = chart::installed_alternatives(type.body_font);
        sink.warning(type.body_font_location,
                     "font family '" + type.body_font +
                         "' is not installed as TrueType faces; the packs use the bundled "
                         "Noto Sans",
                     (alternatives.empty() ? std::string("no TrueType family is installed")
                                           : "installed families include " + alternatives) +
                         " (`fc-list : family` lists them all)");
    }
    return choice.files;
}

} // namespace bp::pack

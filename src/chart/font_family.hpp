#pragma once
// The four faces of a text family: the bundled Noto Sans, or an installed family found through
// fontconfig. The one rule for which files a family name means; the pack sets its text in them
// and charts (on paper and on screen) draw theirs in the same faces.
#include <optional>
#include <string>

namespace bp::chart {

// Which of a family's four faces, in the order FontFiles keeps them.
enum class FaceStyle { regular, bold, italic, bold_italic };

struct FontFiles {
    std::string family;   // "Noto Sans"
    std::string paths[4]; // TrueType files, by FaceStyle; a family without one style repeats
                          // the nearest face
    const std::string& path(FaceStyle style) const { return paths[static_cast<int>(style)]; }
    // One text naming all four files, to keep loaded faces by.
    std::string key() const;
};

// The bundled family's name, "Noto Sans".
const char* bundled_family_name();

// The bundled file of one style ("NotoSans-Bold.ttf").
const char* bundled_file_name(FaceStyle style);

// Where the bundled faces are: assets/fonts in boardpack's data folder (core/data_dir.hpp).
std::string bundled_font_dir(const std::string& data_folder);

// The bundled faces in `font_dir` (see bundled_font_dir).
FontFiles bundled_font_files(const std::string& font_dir);

// What a chosen family comes to: its faces, and whether they are the ones asked for.
struct FamilyChoice {
    FontFiles files;
    bool installed = true; // false when the family is not installed: `files` are the bundled ones
};

// The faces of `family`: the bundled ones when it is empty or names the bundled family (whose
// bundled copy prints alike on every machine), else the installed TrueType faces of that name
// that libharu can embed (static outlines, one face a file).
FamilyChoice choose_family(const std::string& family, const std::string& font_dir);

// A few installed TrueType families that could stand in for `family`, for a hint: those sharing
// a word with it first, then the shortest names. Empty when none is installed.
std::string installed_alternatives(const std::string& family);

} // namespace bp::chart

#include "pack/font_family.hpp"

#include "pack/haru_fonts.hpp"

#include <algorithm>
#include <cctype>
#include <fontconfig/fontconfig.h>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

namespace bp::pack {

namespace {

constexpr const char* bundled_family = "Noto Sans";

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string pattern_string(FcPattern* font, const char* object, int index = 0) {
    FcChar8* value = nullptr;
    if (FcPatternGetString(font, object, index, &value) != FcResultMatch)
        return {};
    return reinterpret_cast<const char*>(value);
}

bool has_family(FcPattern* font, const std::string& family) {
    for (int i = 0;; ++i) {
        std::string name = pattern_string(font, FC_FAMILY, i);
        if (name.empty())
            return false;
        if (lower(name) == lower(family))
            return true;
    }
}

// libharu embeds static TrueType outlines from a file holding one face.
bool embeddable(FcPattern* font) {
    int index = 0;
    FcBool variable = FcFalse;
    FcPatternGetInteger(font, FC_INDEX, 0, &index);
    FcPatternGetBool(font, FC_VARIABLE, 0, &variable);
    return pattern_string(font, FC_FONTFORMAT) == "TrueType" && index == 0 && !variable;
}

// The installed file fontconfig picks for `family` in one style, if it is that family's.
std::optional<std::string> face_file(const std::string& family, layout::FontStyle style) {
    bool bold = style == layout::FontStyle::bold || style == layout::FontStyle::bold_italic;
    bool italic = style == layout::FontStyle::italic || style == layout::FontStyle::bold_italic;
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcPatternAddInteger(pattern, FC_WIDTH, FC_WIDTH_NORMAL);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    FcPattern* font = FcFontMatch(nullptr, pattern, &result);
    std::optional<std::string> file;
    if (font && has_family(font, family) && embeddable(font))
        file = pattern_string(font, FC_FILE);
    if (font)
        FcPatternDestroy(font);
    FcPatternDestroy(pattern);
    return file;
}

// A few installed families that could stand in: those sharing a word with `family` first,
// then the shortest names (the main families rather than one script's).
std::string installed_alternatives(const std::string& family) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FONTFORMAT, reinterpret_cast<const FcChar8*>("TrueType"));
    FcObjectSet* objects =
        FcObjectSetBuild(FC_FAMILY, FC_FONTFORMAT, FC_INDEX, FC_VARIABLE, nullptr);
    FcFontSet* fonts = FcFontList(nullptr, pattern, objects);
    std::set<std::string> families;
    for (int i = 0; fonts && i < fonts->nfont; ++i)
        if (embeddable(fonts->fonts[i]))
            families.insert(pattern_string(fonts->fonts[i], FC_FAMILY));
    if (fonts)
        FcFontSetDestroy(fonts);
    FcObjectSetDestroy(objects);
    FcPatternDestroy(pattern);

    std::set<std::string> wanted_words;
    std::istringstream words(lower(family));
    for (std::string word; words >> word;)
        wanted_words.insert(word);
    auto rank = [&](const std::string& name) {
        std::istringstream in(lower(name));
        int shared = 0, count = 0;
        for (std::string word; in >> word; ++count)
            shared += wanted_words.count(word) ? 1 : 0;
        return std::make_tuple(-shared, count, name);
    };
    std::vector<std::string> ranked(families.begin(), families.end());
    ranked.erase(std::remove(ranked.begin(), ranked.end(), std::string()), ranked.end());
    std::sort(ranked.begin(), ranked.end(),
              [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    std::string list;
    for (std::size_t i = 0; i < ranked.size() && i < 6; ++i)
        list += (i ? ", " : "") + ranked[i];
    return list;
}

} // namespace

std::string FontFiles::key() const {
    return paths[0] + "\n" + paths[1] + "\n" + paths[2] + "\n" + paths[3];
}

FontFiles bundled_font_files(const std::string& font_dir) {
    FontFiles files;
    files.family = bundled_family;
    for (int style = 0; style < 4; ++style)
        files.paths[style] = font_dir + "/" + font_file_name(static_cast<layout::FontStyle>(style));
    return files;
}

FontFiles body_font_files(const content::Typography& type, const std::string& font_dir,
                          DiagnosticSink& sink) {
    FontFiles bundled = bundled_font_files(font_dir);
    // The bundled copy of the default family prints alike on every machine.
    if (type.body_font.empty() || lower(type.body_font) == lower(bundled_family))
        return bundled;
    FontFiles files;
    files.family = type.body_font;
    for (int style = 0; style < 4; ++style) {
        auto file = face_file(type.body_font, static_cast<layout::FontStyle>(style));
        if (!file) {
            std::string alternatives = installed_alternatives(type.body_font);
            sink.warning(type.body_font_location,
                         "font family '" + type.body_font +
                             "' is not installed as TrueType faces; the packs use the bundled "
                             "Noto Sans",
                         (alternatives.empty() ? std::string("no TrueType family is installed")
                                               : "installed families include " + alternatives) +
                             " (`fc-list : family` lists them all)");
            return bundled;
        }
        files.paths[style] = *file;
    }
    return files;
}

} // namespace bp::pack

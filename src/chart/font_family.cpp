#include "chart/font_family.hpp"

#include <algorithm>
#include <cctype>
#include <fontconfig/fontconfig.h>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

namespace bp::chart {

namespace {

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
std::optional<std::string> face_file(const std::string& family, FaceStyle style) {
    bool bold = style == FaceStyle::bold || style == FaceStyle::bold_italic;
    bool italic = style == FaceStyle::italic || style == FaceStyle::bold_italic;
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

std::optional<FontFiles> installed_family(const std::string& family) {
    FontFiles files;
    files.family = family;
    for (int style = 0; style < 4; ++style) {
        auto file = face_file(family, static_cast<FaceStyle>(style));
        if (!file)
            return std::nullopt;
        files.paths[style] = *file;
    }
    return files;
}

// Every page and pack of a build asks for the same family: fontconfig is asked once.
std::optional<FontFiles> installed_family_once(const std::string& family) {
    static std::mutex mutex;
    static std::map<std::string, std::optional<FontFiles>> known;
    std::lock_guard lock(mutex);
    auto [found, fresh] = known.try_emplace(lower(family));
    if (fresh)
        found->second = installed_family(family);
    return found->second;
}

std::set<std::string> installed_truetype_families() {
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
    families.erase(std::string());
    return families;
}

} // namespace

std::string FontFiles::key() const {
    return paths[0] + "\n" + paths[1] + "\n" + paths[2] + "\n" + paths[3];
}

std::string bundled_font_dir(const std::string& data_folder) {
    return data_folder + "/assets/fonts";
}

const char* bundled_family_name() {
    return "Noto Sans";
}

const char* bundled_file_name(FaceStyle style) {
    switch (style) {
    case FaceStyle::bold:
        return "NotoSans-Bold.ttf";
    case FaceStyle::italic:
        return "NotoSans-Italic.ttf";
    case FaceStyle::bold_italic:
        return "NotoSans-BoldItalic.ttf";
    default:
        return "NotoSans-Regular.ttf";
    }
}

FontFiles bundled_font_files(const std::string& font_dir) {
    FontFiles files;
    files.family = bundled_family_name();
    for (int style = 0; style < 4; ++style)
        files.paths[style] = font_dir + "/" + bundled_file_name(static_cast<FaceStyle>(style));
    return files;
}

FamilyChoice choose_family(const std::string& family, const std::string& font_dir) {
    if (family.empty() || lower(family) == lower(bundled_family_name()))
        return {bundled_font_files(font_dir), true};
    if (auto files = installed_family_once(family))
        return {*files, true};
    return {bundled_font_files(font_dir), false};
}

std::string installed_alternatives(const std::string& family) {
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
    std::set<std::string> families = installed_truetype_families();
    std::vector<std::string> ranked(families.begin(), families.end());
    std::sort(ranked.begin(), ranked.end(),
              [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    std::string list;
    for (std::size_t i = 0; i < ranked.size() && i < 6; ++i)
        list += (i ? ", " : "") + ranked[i];
    return list;
}

} // namespace bp::chart

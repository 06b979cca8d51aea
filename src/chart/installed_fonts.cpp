#include "chart/installed_fonts.hpp"

#include "core/filesystem.hpp"

#include <fontconfig/fontconfig.h>
#include <optional>
#include <set>
#include <string_view>
#include <sys/stat.h>

namespace bp::chart {

namespace {

bool is_outline_font(FcPattern* font) {
    FcBool colour = FcFalse;
    FcBool outline = FcTrue;
    FcPatternGetBool(font, FC_COLOR, 0, &colour);
    FcPatternGetBool(font, FC_OUTLINE, 0, &outline);
    FcChar8* format = nullptr;
    bool known_format = FcPatternGetString(font, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
                        (std::string(reinterpret_cast<char*>(format)) == "TrueType" ||
                         std::string(reinterpret_cast<char*>(format)) == "CFF");
    return !colour && outline && known_format;
}

// 2 for a Noto Sans family of the script's own (one design across scripts, and whole
// alphabets, so Arabic letters join), 1 for Noto Sans CJK (whose symbols are full-width),
// 0 for anything else.
int family_preference(const std::string& family) {
    if (family.rfind("Noto Sans", 0) != 0 || family.find("Mono") != std::string::npos)
        return 0;
    return family.find("CJK") == std::string::npos ? 2 : 1;
}

FcPattern* best_font(FcFontSet* fonts, char32_t c) {
    FcPattern* chosen = nullptr;
    int chosen_preference = -1;
    for (int i = 0; fonts && i < fonts->nfont && chosen_preference < 2; ++i) {
        FcPattern* font = fonts->fonts[i];
        FcCharSet* coverage = nullptr;
        if (FcPatternGetCharSet(font, FC_CHARSET, 0, &coverage) != FcResultMatch ||
            !FcCharSetHasChar(coverage, c) || !is_outline_font(font))
            continue;
        FcChar8* family = nullptr;
        int preference = FcPatternGetString(font, FC_FAMILY, 0, &family) == FcResultMatch
                             ? family_preference(reinterpret_cast<char*>(family))
                             : 0;
        if (preference > chosen_preference) {
            chosen = font;
            chosen_preference = preference;
        }
    }
    return chosen;
}

} // namespace

std::optional<FontFile> installed_font_for(char32_t c) {
    FcCharSet* wanted = FcCharSetCreate();
    FcCharSetAddChar(wanted, c);
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
    FcPatternAddCharSet(pattern, FC_CHARSET, wanted);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result;
    // Sorted by closeness to a regular sans-serif face with the character.
    FcFontSet* fonts = FcFontSort(nullptr, pattern, FcFalse, nullptr, &result);
    std::optional<FontFile> found;
    FcChar8* file = nullptr;
    if (FcPattern* chosen = best_font(fonts, c);
        chosen && FcPatternGetString(chosen, FC_FILE, 0, &file) == FcResultMatch) {
        found = FontFile{reinterpret_cast<char*>(file), 0};
        FcPatternGetInteger(chosen, FC_INDEX, 0, &found->index);
    }
    if (fonts)
        FcFontSetDestroy(fonts);
    FcPatternDestroy(pattern);
    FcCharSetDestroy(wanted);
    return found;
}

const std::string& installed_font_files() {
    static const std::string listed = [] {
        std::set<std::string> paths;
        FcPattern* any = FcPatternCreate();
        FcObjectSet* objects = FcObjectSetBuild(FC_FILE, nullptr);
        FcFontSet* fonts = FcFontList(nullptr, any, objects);
        for (int i = 0; fonts && i < fonts->nfont; ++i) {
            FcChar8* file = nullptr;
            if (FcPatternGetString(fonts->fonts[i], FC_FILE, 0, &file) == FcResultMatch)
                paths.insert(reinterpret_cast<const char*>(file));
        }
        if (fonts)
            FcFontSetDestroy(fonts);
        FcObjectSetDestroy(objects);
        FcPatternDestroy(any);
        std::string lines;
        // Each looked up in its folder, held open while the sorted list stays in it: a walk
        // down every path from the root took most of the time (1,800 fonts is not unusual).
        OpenFolder folder;
        std::optional<std::string> folder_path;
        for (const std::string& path : paths) {
            std::size_t slash = path.rfind('/');
            if (slash == std::string::npos)
                continue; // fontconfig names files by their absolute paths
            if (!folder_path || std::string_view(path).substr(0, slash) != *folder_path) {
                folder_path = path.substr(0, slash);
                folder = OpenFolder(folder_path->empty() ? "/" : *folder_path);
            }
            struct stat info {};
            if (!folder.look_through(path.substr(slash + 1), info))
                continue;
            lines += path + " " + std::to_string(info.st_size) + " " +
                     std::to_string(info.st_mtim.tv_sec) + "." +
                     std::to_string(info.st_mtim.tv_nsec) + "\n";
        }
        return lines;
    }();
    return listed;
}

} // namespace bp::chart

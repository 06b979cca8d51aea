#pragma once
// Installed fonts for characters the bundled faces lack, found through fontconfig. The one
// rule for choosing them: charts draw with it, and the pack sets its fallback text with it.
#include <optional>
#include <string>

namespace bp::chart {

struct FontFile {
    std::string path;
    int index = 0; // the face within a collection (.ttc)
};

// An installed outline font (never a colour bitmap font, which cannot print in one ink) that
// has `c`: the first Noto Sans family with it, else Noto Sans CJK, else the closest
// sans-serif font that has it. Nothing when no installed font has it.
std::optional<FontFile> installed_font_for(char32_t c);

// Every font file fontconfig knows, a line each: path, size and modification time, sorted.
// What a build draws with depends on them (an installed body family, fallback faces), so the
// build cache keys on this list: installing, removing or upgrading a font makes cached packs
// stale. Read once per process.
const std::string& installed_font_files();

} // namespace bp::chart

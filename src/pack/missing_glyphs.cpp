#include "pack/missing_glyphs.hpp"

#include "chart/render.hpp"
#include "core/filesystem.hpp"
#include "core/text.hpp"
#include "pack/fallback_fonts.hpp"
#include "pack/house_style.hpp"
#include "pack/utf8.hpp"

#include <cstdio>
#include <optional>

namespace bp::pack {

namespace {

SourceLocation first_use(const std::string& source_text, char32_t c,
                         const SourceLocation& fallback) {
    std::string needle = encode_utf8(std::u32string(1, c));
    std::size_t at = source_text.find(needle);
    if (fallback.file.empty() || at == std::string::npos)
        return fallback;
    SourceLocation location{fallback.file, 1, 1};
    for (std::size_t i = 0; i < at; ++i) {
        unsigned char byte = static_cast<unsigned char>(source_text[i]);
        if (byte == '\n') {
            ++location.line;
            location.column = 1;
        } else if ((byte & 0xC0) != 0x80) {
            ++location.column; // columns count characters, not bytes
        }
    }
    return location;
}

std::string read_text(const std::string& path) {
    return read_regular_file(path).value_or("");
}

// Where `c` is first written at or after `source` (a directive's line, or a whole definition
// file), or nothing when it is not there.
std::optional<SourceLocation> written_at(const SourceLocation& source, char32_t c,
                                         const std::string& source_root) {
    if (source.file.empty())
        return std::nullopt;
    std::string text = read_text(source_root + "/" + source.file);
    std::size_t from = 0;
    for (int line = 1; line < source.line && from != std::string::npos; ++line) {
        from = text.find('\n', from);
        if (from != std::string::npos)
            ++from;
    }
    std::size_t at = from == std::string::npos ? std::string::npos
                                               : text.find(encode_utf8(std::u32string(1, c)), from);
    if (at == std::string::npos)
        return std::nullopt;
    return location_in_text(text, at, {source.file, 1, 1});
}

} // namespace

std::set<char32_t> missing_characters(const std::vector<const layout::Page*>& pages,
                                      const FontFaces& faces) {
    std::set<char32_t> missing;
    auto check = [&](layout::FontStyle style, char32_t c) {
        if (c != U' ' && !faces.can_draw(style, c) && !FallbackFonts::for_this_thread().face_for(c))
            missing.insert(c);
    };
    for (const layout::Page* page : pages)
        for (const auto& run : page->texts) {
            // Most runs are ASCII: looked at byte by byte, with no decoded copy made. Control
            // characters are printed as spaces, as decoding makes them.
            if (!is_ascii(run.text)) {
                for (char32_t c : decode_utf8_all(run.text))
                    check(run.style, c);
                continue;
            }
            for (char byte : run.text)
                if (byte > 0x20 && byte != 0x7F)
                    check(run.style, static_cast<char32_t>(byte));
        }
    return missing;
}

std::string describe_character(char32_t c) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    return std::string(code) + " (" + encode_utf8(std::u32string(1, c)) + ")";
}

void report_missing_characters(const std::set<char32_t>& missing, const std::string& source_text,
                               const SourceLocation& fallback, DiagnosticSink& sink) {
    for (char32_t c : missing) {
        SourceLocation where = first_use(source_text, c, fallback);
        char32_t stand_in = substitute_character(c);
        if (stand_in != c)
            sink.warning(where,
                         "the pack's font has no " + describe_character(c) + "; it is printed as " +
                             describe_character(stand_in),
                         "type " + encode_utf8(std::u32string(1, stand_in)) +
                             " instead to silence this warning");
        else
            sink.warning(where,
                         "no installed font has " + describe_character(c) +
                             ", so the pack shows an empty box in its place",
                         "write it another way (for example in words), or install a font "
                         "that has it");
    }
}

void report_chart_characters(const data::ChartSpec& chart, const FontFiles& fonts,
                             const std::string& source_root, DiagnosticSink& sink) {
    std::set<char32_t> missing = chart::characters_without_font(chart, print_chart_style(1, fonts));
    for (char32_t c : missing) {
        SourceLocation where = chart.sources.empty() ? SourceLocation{} : chart.sources.front();
        for (const SourceLocation& source : chart.sources) {
            if (auto found = written_at(source, c, source_root)) {
                where = *found;
                break;
            }
        }
        sink.warning(where,
                     "no installed font has " + describe_character(c) + ", so the chart '" +
                         chart.id + "' shows nothing in its place",
                     "write it another way, or install a font that has it (setup.sh installs "
                     "fonts-noto-core, fonts-noto-cjk, fonts-noto-extra and fonts-symbola)");
    }
}

} // namespace bp::pack

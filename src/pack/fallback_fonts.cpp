#include "pack/fallback_fonts.hpp"

#include "chart/installed_fonts.hpp"
#include "pack/utf8.hpp"

#include <algorithm>
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb.h>

namespace bp::pack {

struct FallbackFace {
    std::string file;
    int index = 0;
    std::string family;
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;
    hb_set_t* coverage = nullptr;
    double units_per_em = 1000;
    ~FallbackFace() {
        hb_set_destroy(coverage);
        hb_font_destroy(font);
        hb_face_destroy(face);
    }
};

namespace {

// Characters that take the font of the letters around them.
bool is_neutral(char32_t c) {
    return c == U' ' || c == 0xA0 ||
           (c < 0x80 &&
            !((c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z')));
}

} // namespace

FallbackFonts& FallbackFonts::for_this_thread() {
    thread_local std::unique_ptr<FallbackFonts> fonts(new FallbackFonts());
    return *fonts;
}

FallbackFonts::~FallbackFonts() = default;

const FallbackFace* FallbackFonts::open_face(const std::string& file, int index) {
    std::string key = file + "#" + std::to_string(index);
    auto& face = faces_[key];
    if (face)
        return face.get();
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(file.c_str());
    if (!blob)
        return nullptr;
    face = std::make_unique<FallbackFace>();
    face->file = file;
    face->index = index;
    face->face = hb_face_create(blob, static_cast<unsigned>(index));
    hb_blob_destroy(blob);
    face->units_per_em = hb_face_get_upem(face->face);
    face->font = hb_font_create(face->face);
    face->coverage = hb_set_create();
    hb_face_collect_unicodes(face->face, face->coverage);
    unsigned name_length = 64;
    char name[64] = {};
    hb_ot_name_get_utf8(face->face, HB_OT_NAME_ID_FONT_FAMILY, hb_language_get_default(),
                        &name_length, name);
    face->family = name;
    return face.get();
}

const FallbackFace* FallbackFonts::face_for(char32_t c) {
    auto known = by_character_.find(c);
    if (known != by_character_.end())
        return known->second;
    const FallbackFace* found = nullptr;
    if (auto file = chart::installed_font_for(c))
        found = open_face(file->path, file->index);
    by_character_[c] = found;
    return found;
}

bool has_character(const FallbackFace& face, char32_t c) {
    return hb_set_has(face.coverage, c);
}

const std::string& font_file(const FallbackFace& face) {
    return face.file;
}
int font_index(const FallbackFace& face) {
    return face.index;
}
std::string font_family(const FallbackFace& face) {
    return face.family;
}

namespace {

hb_buffer_t* shaped_buffer(const FallbackFace& face, std::string_view text) {
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), 0,
                       static_cast<int>(text.size()));
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(face.font, buffer, nullptr, 0);
    return buffer;
}

} // namespace

bool is_right_to_left(const FallbackFace& face, std::string_view text) {
    hb_buffer_t* buffer = hb_buffer_create();
    hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), 0,
                       static_cast<int>(text.size()));
    hb_buffer_guess_segment_properties(buffer);
    bool rtl = hb_buffer_get_direction(buffer) == HB_DIRECTION_RTL;
    hb_buffer_destroy(buffer);
    (void)face;
    return rtl;
}

std::vector<ShapedGlyph> shape_text(const FallbackFace& face, std::string_view text, double size,
                                    double& advance) {
    hb_buffer_t* buffer = shaped_buffer(face, text);
    unsigned count = 0;
    hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
    hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, &count);
    double scale = size / face.units_per_em;
    std::vector<ShapedGlyph> glyphs;
    glyphs.reserve(count);
    double pen = 0;
    for (unsigned i = 0; i < count; ++i) {
        glyphs.push_back({infos[i].codepoint, pen + positions[i].x_offset * scale,
                          positions[i].y_offset * scale, infos[i].cluster});
        pen += positions[i].x_advance * scale;
    }
    hb_buffer_destroy(buffer);
    advance = pen;
    return glyphs;
}

bool needs_fallback(std::string_view utf8, layout::FontStyle style, const FontFaces& faces) {
    bool ascii = true;
    for (char ch : utf8)
        ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    if (ascii)
        return false;
    for (char32_t c : decode_utf8_all(utf8))
        if (c >= 0x20 && !faces.can_draw(style, c))
            return true;
    return false;
}

std::vector<TextPiece> split_by_font(std::string_view utf8, layout::FontStyle style, double size,
                                     const FontFaces& faces, FallbackFonts& fallback,
                                     const BundledWidth& bundled_width) {
    std::u32string text = decode_utf8_all(utf8);
    auto needs = [&](std::size_t i) { return text[i] >= 0x20 && !faces.can_draw(style, text[i]); };
    std::vector<const FallbackFace*> font(text.size(), nullptr);
    // A run of characters the bundled face lacks, with the neutral characters between them,
    // is set in one font when one font has them all: the font of its first character.
    for (std::size_t start = 0; start < text.size();) {
        if (!needs(start)) {
            ++start;
            continue;
        }
        std::size_t end = start + 1; // one past the run's last character that needs a font
        for (std::size_t k = start + 1; k < text.size() && (needs(k) || is_neutral(text[k])); ++k)
            if (needs(k))
                end = k + 1;
        const FallbackFace* first = fallback.face_for(text[start]);
        for (std::size_t k = start; k < end; ++k) {
            if (first && has_character(*first, text[k]))
                font[k] = first;
            else if (needs(k))
                font[k] = fallback.face_for(text[k]);
        }
        start = end;
    }
    std::vector<TextPiece> pieces;
    double x = 0;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t end = i;
        while (end < text.size() && font[end] == font[i])
            ++end;
        TextPiece piece;
        piece.text = encode_utf8(text.substr(i, end - i));
        piece.fallback = font[i];
        piece.x = x;
        if (piece.fallback)
            shape_text(*piece.fallback, piece.text, size, piece.width);
        else
            piece.width = bundled_width(piece.text);
        x += piece.width;
        pieces.push_back(std::move(piece));
        i = end;
    }
    return pieces;
}

namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

cairo_font_face_t* cairo_face(const FallbackFace& face) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FILE, reinterpret_cast<const FcChar8*>(face.file.c_str()));
    FcPatternAddInteger(pattern, FC_INDEX, face.index);
    cairo_font_face_t* created = cairo_ft_font_face_create_for_pattern(pattern);
    FcPatternDestroy(pattern);
    return created;
}

// Text clusters let a PDF reader copy the characters each group of glyphs stands for.
std::vector<cairo_text_cluster_t> clusters_of(const std::vector<ShapedGlyph>& glyphs,
                                              std::size_t text_bytes) {
    std::vector<unsigned> starts;
    for (const auto& glyph : glyphs)
        starts.push_back(glyph.cluster);
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    auto end_of = [&](unsigned start) {
        auto next = std::upper_bound(starts.begin(), starts.end(), start);
        return next == starts.end() ? static_cast<unsigned>(text_bytes) : *next;
    };
    std::vector<cairo_text_cluster_t> clusters;
    for (std::size_t i = 0; i < glyphs.size();) {
        std::size_t end = i;
        while (end < glyphs.size() && glyphs[end].cluster == glyphs[i].cluster)
            ++end;
        int bytes = static_cast<int>(end_of(glyphs[i].cluster) - glyphs[i].cluster);
        clusters.push_back({bytes, static_cast<int>(end - i)});
        i = end;
    }
    // Text before the first cluster (none in practice) belongs to the first group.
    if (!clusters.empty() && !starts.empty())
        clusters.front().num_bytes += static_cast<int>(starts.front());
    return clusters;
}

void draw_piece(cairo_t* cr, const FallbackText& piece) {
    double advance = 0;
    std::vector<ShapedGlyph> shaped = shape_text(*piece.face, piece.text, piece.size, advance);
    if (shaped.empty())
        return;
    // Right-to-left glyphs come back in visual order; each has its own position, so they are
    // handed to Cairo in the text's order, which keeps the text clusters running forwards
    // (Cairo 1.16 checks backward clusters against the text read forwards).
    if (is_right_to_left(*piece.face, piece.text))
        std::reverse(shaped.begin(), shaped.end());
    std::vector<cairo_glyph_t> glyphs;
    for (const auto& glyph : shaped)
        glyphs.push_back({glyph.glyph, piece.x + glyph.x, piece.baseline - glyph.y});
    std::vector<cairo_text_cluster_t> clusters = clusters_of(shaped, piece.text.size());
    cairo_font_face_t* face = cairo_face(*piece.face);
    cairo_set_font_face(cr, face);
    cairo_set_font_size(cr, piece.size);
    cairo_set_source_rgb(cr, piece.colour.r, piece.colour.g, piece.colour.b);
    cairo_show_text_glyphs(cr, piece.text.data(), static_cast<int>(piece.text.size()),
                           glyphs.data(), static_cast<int>(glyphs.size()), clusters.data(),
                           static_cast<int>(clusters.size()),
                           static_cast<cairo_text_cluster_flags_t>(0));
    cairo_set_font_face(cr, nullptr);
    cairo_font_face_destroy(face);
}

} // namespace

std::string draw_fallback_texts(const std::vector<FallbackText>& texts, double width,
                                double height) {
    if (texts.empty())
        return {};
    std::string pdf;
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(append_bytes, &pdf, width, height);
    cairo_t* cr = cairo_create(surface);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_set_font_options(cr, options);
    cairo_font_options_destroy(options);
    for (const auto& piece : texts)
        if (piece.face)
            draw_piece(cr, piece);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    bool ok = cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface);
    return ok ? pdf : std::string();
}

} // namespace bp::pack

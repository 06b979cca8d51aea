#pragma once
// Characters the bundled Noto Sans faces lack are set in an installed font that has them,
// found through fontconfig and shaped with HarfBuzz (Arabic right to left, Bengali conjuncts,
// characters beyond the Basic Multilingual Plane). libharu paints the bundled faces; these
// pieces are drawn by Cairo and placed over the page by the post-pass.
#include "layout/page.hpp"
#include "pack/composed_pack.hpp"
#include "pack/font_faces.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bp::pack {

// A piece of a text run set in one font; `x` is its offset from the run's start.
struct TextPiece {
    std::string text;
    const FallbackFace* fallback = nullptr; // null: one of the bundled faces
    double x = 0;
    double width = 0;
};

struct ShapedGlyph {
    unsigned glyph = 0;
    double x = 0, y = 0;  // points from the piece's origin; y grows upwards
    unsigned cluster = 0; // byte offset of the character it draws
};

// The installed fonts this thread has looked up, kept for the packs it builds next.
class FallbackFonts {
  public:
    static FallbackFonts& for_this_thread();
    ~FallbackFonts();
    // An installed, outline (not colour bitmap) font that has `c`; null when none does.
    const FallbackFace* face_for(char32_t c);

  private:
    FallbackFonts() = default;
    const FallbackFace* open_face(const std::string& file, int index);
    std::map<char32_t, const FallbackFace*> by_character_;
    std::map<std::string, std::unique_ptr<FallbackFace>> faces_;
};

bool has_character(const FallbackFace& face, char32_t c);
const std::string& font_file(const FallbackFace& face);
int font_index(const FallbackFace& face);
std::string font_family(const FallbackFace& face);

// Glyphs of `text` shaped in `face` at `size` points, in visual order.
std::vector<ShapedGlyph> shape_text(const FallbackFace& face, std::string_view text, double size,
                                    double& advance);
bool is_right_to_left(const FallbackFace& face, std::string_view text);

using BundledWidth = std::function<double(const std::string& utf8)>;

// True when some character of `utf8` is one the bundled face of `style` lacks.
bool needs_fallback(std::string_view utf8, layout::FontStyle style, const FontFaces& faces);

// Splits a run into pieces in the bundled face and in fallback fonts. Spaces and
// punctuation between two characters of one fallback font stay with it, so a line of Urdu
// is shaped as one piece. Characters no font has stay in the bundled pieces (and are
// reported as missing).
std::vector<TextPiece> split_by_font(std::string_view utf8, layout::FontStyle style, double size,
                                     const FontFaces& faces, FallbackFonts& fallback,
                                     const BundledWidth& bundled_width);

// A one-page PDF of `width` x `height` points with each piece drawn in its font, ready to be
// placed over the page libharu painted; empty when there is nothing to draw.
std::string draw_fallback_texts(const std::vector<FallbackText>& texts, double width,
                                double height);

} // namespace bp::pack

#include "pack/painter.hpp"

#include "core/text.hpp"
#include "pack/fallback_fonts.hpp"
#include "pack/haru_images.hpp"
#include "pack/haru_text.hpp"
#include "pack/house_style.hpp"
#include "pack/text_measurer.hpp"
#include "pack/utf8.hpp"

#include <optional>
#include <vector>

namespace bp::pack {

namespace {

struct Canvas {
    HPDF_Page page;
    double height;
};

void set_fill(HPDF_Page page, const layout::Colour& colour) {
    HPDF_Page_SetRGBFill(page, colour.r, colour.g, colour.b);
}

void set_stroke(HPDF_Page page, const layout::Colour& colour) {
    HPDF_Page_SetRGBStroke(page, colour.r, colour.g, colour.b);
}

void paint_rectangle(const Canvas& canvas, const layout::Rectangle& box) {
    if (!box.filled && !box.stroked)
        return;
    if (box.filled)
        set_fill(canvas.page, box.fill);
    if (box.stroked) {
        set_stroke(canvas.page, box.stroke);
        HPDF_Page_SetLineWidth(canvas.page, box.line_width);
    }
    HPDF_Page_Rectangle(canvas.page, box.x, canvas.height - box.y - box.height, box.width,
                        box.height);
    if (box.filled && box.stroked)
        HPDF_Page_FillStroke(canvas.page);
    else if (box.filled)
        HPDF_Page_Fill(canvas.page);
    else
        HPDF_Page_Stroke(canvas.page);
}

void paint_line(const Canvas& canvas, double x1, double y1, double x2, double y2, double width,
                const layout::Colour& colour) {
    set_stroke(canvas.page, colour);
    HPDF_Page_SetLineWidth(canvas.page, width);
    HPDF_Page_MoveTo(canvas.page, x1, canvas.height - y1);
    HPDF_Page_LineTo(canvas.page, x2, canvas.height - y2);
    HPDF_Page_Stroke(canvas.page);
}

void add_uri_link(const Canvas& canvas, const layout::TextRun& run) {
    if (run.link.empty() || run.link[0] == '#' || run.width <= 0)
        return;
    double x = run.x;
    double bottom = canvas.height - run.baseline - run.size * 0.25;
    HPDF_Rect rect = {static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(bottom),
                      static_cast<HPDF_REAL>(x + run.width),
                      static_cast<HPDF_REAL>(bottom + run.size * 1.1)};
    std::string uri = printable_text(run.link);
    HPDF_Annotation annotation = HPDF_Page_CreateURILinkAnnot(canvas.page, rect, uri.c_str());
    if (annotation)
        HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0);
}

// What a page's one text object last set, so a run sets only what differs from the run before:
// a page of a paper is hundreds of runs in a few faces and colours.
struct TextState {
    std::optional<layout::Colour> colour;
    HPDF_Font font = nullptr;
    bool font_embedded_as_file = false; // its text written without libharu measuring it
    double size = 0;
};

// A run as painted, with its text as libharu can encode it (never empty).
struct PaintedRun {
    const layout::TextRun* run;
    std::string text;
};

void show_text(const Canvas& canvas, const HaruDocument& document, const PaintedRun& painted,
               TextState& state) {
    const layout::TextRun& run = *painted.run;
    if (state.colour != run.colour) {
        set_fill(canvas.page, run.colour);
        state.colour = run.colour;
    }
    HPDF_Font font = document.font(run.style);
    if (state.font != font || state.size != run.size) {
        HPDF_Page_SetFontAndSize(canvas.page, font, run.size);
        state.font_embedded_as_file =
            state.font == font ? state.font_embedded_as_file : document.embedded_as_file(font);
        state.font = font;
        state.size = run.size;
    }
    auto x = static_cast<HPDF_REAL>(run.x);
    auto y = static_cast<HPDF_REAL>(canvas.height - run.baseline);
    if (state.font_embedded_as_file)
        show_text_at(canvas.page, x, y, painted.text);
    else
        HPDF_Page_TextOut(canvas.page, x, y, painted.text.c_str());
}

// Underline, strike-through and a link: paths and annotations, which go outside text objects.
void decorate_text(const Canvas& canvas, const layout::TextRun& run) {
    double thickness = run.size * 0.06;
    if (run.underline)
        paint_line(canvas, run.x, run.baseline + run.size * 0.12, run.x + run.width,
                   run.baseline + run.size * 0.12, thickness, run.colour);
    if (run.strike)
        paint_line(canvas, run.x, run.baseline - run.size * 0.28, run.x + run.width,
                   run.baseline - run.size * 0.28, thickness, run.colour);
    add_uri_link(canvas, run);
}

void paint_image(const Canvas& canvas, HaruDocument& document,
                 const layout::ImagePlacement& placement) {
    HPDF_Image image = embed_image_file(document, placement.native_path);
    if (!image)
        return; // SVG images are placed by the post-pass; damaged ones were reported
    HPDF_Page_DrawImage(canvas.page, image, placement.x,
                        canvas.height - placement.y - placement.height, placement.width,
                        placement.height);
}

// Paints `drawing` into `placement`, scaled alike both ways to fit and centred, as qpdf places
// a form. Its text is written as codes, without libharu marking the glyphs used: the faces
// are embedded as their files (paint_with_font_subsets). False when libharu fails.
bool paint_chart_drawing(const Canvas& canvas, const HaruDocument& document,
                         const ChartDrawing& drawing, const layout::ChartPlacement& placement) {
    HPDF_Page page = canvas.page;
    double page_height = canvas.height;
    if (drawing.width <= 0 || drawing.height <= 0)
        return true;
    double scale = std::min(placement.width / drawing.width, placement.height / drawing.height);
    double left = placement.x + (placement.width - scale * drawing.width) / 2;
    double top = placement.y + (placement.height - scale * drawing.height) / 2;
    std::string content = "q\n";
    // Six decimals: the scale multiplies every coordinate, a rounding of it moves the far side.
    for (double value : {scale, 0.0, 0.0, -scale, left, page_height - top}) {
        append_decimal(content, value, 6);
        content += ' ';
    }
    content += "cm\n0 0 ";
    append_operand(content, drawing.width);
    append_operand(content, drawing.height);
    content += "re W n\n";
    for (const ChartDrawing::Piece& piece : drawing.pieces) {
        if (piece.style) {
            const char* name = HPDF_Page_GetLocalFontName(page, document.font(*piece.style));
            if (!name)
                return false;
            content += '/';
            content += name;
            content += ' ';
            append_operand(content, piece.size);
            content += "Tf\n";
        }
        content += piece.operators;
    }
    content += "Q\n";
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    return HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                             static_cast<HPDF_UINT>(content.size())) == HPDF_OK;
}

void paint_page(HPDF_Page page, HaruDocument& document, const ComposedPage& composed,
                std::size_t page_index, const UsedGlyphs& glyphs) {
    const layout::Page& content = composed.page;
    HPDF_Page_SetWidth(page, content.width);
    HPDF_Page_SetHeight(page, content.height);
    Canvas canvas{page, content.height};
    for (const auto& box : content.rectangles)
        paint_rectangle(canvas, box);
    for (const auto& rule : content.rules)
        paint_line(canvas, rule.x1, rule.y1, rule.x2, rule.y2, rule.line_width, rule.colour);
    for (const auto& image : content.images)
        paint_image(canvas, document, image);
    // The runs as painted: a run with characters from another font is painted in pieces.
    std::vector<PaintedRun> runs;
    runs.reserve(content.texts.size());
    auto add = [&](const layout::TextRun& run) {
        std::string text = printable_text(run.text);
        if (!text.empty())
            runs.push_back({&run, std::move(text)});
    };
    for (std::size_t i = 0; i < content.texts.size(); ++i) {
        auto split = glyphs.bundled_pieces.find({page_index, i});
        if (split == glyphs.bundled_pieces.end()) {
            add(content.texts[i]);
            continue;
        }
        for (const auto& piece : split->second)
            add(piece);
    }
    if (!runs.empty()) {
        // One text object for the page's text.
        TextState state;
        HPDF_Page_BeginText(page);
        for (const PaintedRun& run : runs)
            show_text(canvas, document, run, state);
        HPDF_Page_EndText(page);
        for (const PaintedRun& run : runs)
            decorate_text(canvas, *run.run);
    }
    // Charts go over the page's text, as the post-pass places the others.
    if (page_index < glyphs.chart_drawings.size()) {
        const auto& drawings = glyphs.chart_drawings[page_index];
        for (std::size_t k = 0; k < drawings.size() && k < content.charts.size(); ++k)
            if (drawings[k])
                paint_chart_drawing(canvas, document, *drawings[k], content.charts[k]);
    }
}

// The pack's charts drawn for the painter, by page (see UsedGlyphs::chart_drawings).
std::vector<std::vector<std::optional<ChartDrawing>>> draw_charts(const ComposedPack& pack) {
    std::vector<std::vector<std::optional<ChartDrawing>>> drawings(pack.pages.size());
    if (pack.chart_fonts.path(chart::FaceStyle::regular).empty())
        return drawings;
    for (std::size_t p = 0; p < pack.pages.size(); ++p) {
        const ComposedPage& composed = pack.pages[p];
        if (!composed.chart_specs)
            continue;
        for (const auto& placement : composed.page.charts) {
            std::optional<ChartDrawing>& drawing = drawings[p].emplace_back();
            if (const data::ChartSpec* spec = placed_chart(composed, placement))
                drawing = make_chart_drawing(
                    *spec, placed_chart_style(*spec, placement, pack.chart_fonts));
        }
    }
    return drawings;
}

void add_page_links(const std::vector<HPDF_Page>& pages, const ComposedPack& pack) {
    for (std::size_t i = 0; i < pack.pages.size(); ++i) {
        const ComposedPage& composed = pack.pages[i];
        for (const PageLink& link : composed.links) {
            if (link.target_page < 0 || link.target_page >= static_cast<int>(pages.size()))
                continue;
            HPDF_Destination target = HPDF_Page_CreateDestination(pages[link.target_page]);
            HPDF_Destination_SetFit(target);
            double height = composed.page.height;
            HPDF_Rect rect = {static_cast<HPDF_REAL>(link.x),
                              static_cast<HPDF_REAL>(height - link.y - link.height),
                              static_cast<HPDF_REAL>(link.x + link.width),
                              static_cast<HPDF_REAL>(height - link.y)};
            HPDF_Annotation annotation = HPDF_Page_CreateLinkAnnot(pages[i], rect, target);
            if (annotation)
                HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0);
        }
    }
}

} // namespace

void paint_pages(HaruDocument& document, const ComposedPack& pack, const UsedGlyphs& glyphs) {
    std::vector<HPDF_Page> pages;
    pages.reserve(pack.pages.size());
    for (const ComposedPage& composed : pack.pages) {
        HPDF_Page page = HPDF_AddPage(document.get());
        if (!page)
            return;
        paint_page(page, document, composed, pages.size(), glyphs);
        pages.push_back(page);
    }
    add_page_links(pages, pack);
}

UsedGlyphs collect_used_glyphs(const ComposedPack& pack, const FontFaces& faces) {
    UsedGlyphs glyphs;
    glyphs.fallback_texts.resize(pack.pages.size());
    for (int style = 0; style < 4; ++style)
        glyphs.postscript_names[style] =
            faces.postscript_name(static_cast<layout::FontStyle>(style));
    const HaruTextMeasurer* measurer = HaruTextMeasurer::for_this_thread(faces.files());
    CodePoints painted_in[4];
    glyphs.chart_drawings = draw_charts(pack);
    for (const auto& drawings : glyphs.chart_drawings)
        for (const auto& drawing : drawings)
            if (drawing)
                for (int style = 0; style < layout::font_style_count; ++style)
                    painted_in[style].add(drawing->text_in[style]);
    for (std::size_t p = 0; p < pack.pages.size(); ++p) {
        const auto& texts = pack.pages[p].page.texts;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const layout::TextRun& run = texts[i];
            CodePoints& painted = painted_in[static_cast<int>(run.style)];
            if (!measurer || !needs_fallback(run.text, run.style, faces)) {
                painted.add(printable_text(run.text));
                continue;
            }
            auto bundled_width = [&](const std::string& text) {
                return measurer->bundled_width(text, run.style, run.size);
            };
            auto& pieces = glyphs.bundled_pieces[{p, i}];
            for (const TextPiece& piece :
                 split_by_font(run.text, run.style, run.size, faces,
                               FallbackFonts::for_this_thread(), bundled_width)) {
                if (piece.fallback) {
                    glyphs.fallback_texts[p].push_back(FallbackText{run.x + piece.x, run.baseline,
                                                                    run.size, piece.text,
                                                                    run.colour, piece.fallback});
                    continue;
                }
                layout::TextRun part = run;
                part.x = run.x + piece.x;
                part.text = piece.text;
                part.width = piece.width;
                part.link.clear(); // the whole run's link is added once, below
                part.underline = part.strike = false;
                pieces.push_back(part);
                painted.add(printable_text(piece.text));
            }
            // An empty bundled piece carries the run's link and decorations.
            layout::TextRun whole = run;
            whole.text = " ";
            pieces.push_back(whole);
            painted.add(" ");
        }
    }
    for (int style = 0; style < 4; ++style)
        glyphs.by_style[style] = painted_in[style].in_order();
    return glyphs;
}

std::string paint_with_faces(const ComposedPack& pack, const FacesInMemory& faces,
                             const UsedGlyphs& glyphs, std::string& error) {
    HaruDocument document;
    if (!document.load_fonts(faces, glyphs.by_style)) {
        error = "cannot load the font subsets: " + document.error_text();
        return {};
    }
    paint_pages(document, pack, glyphs);
    std::string bytes = document.save();
    if (bytes.empty())
        error = "the PDF writer failed: " + document.error_text();
    return bytes;
}

std::string paint_with_font_subsets(const ComposedPack& pack, const FontFaces& faces,
                                    const UsedGlyphs& glyphs, std::string& error) {
    SubsetFonts subsets = faces.write_subsets(glyphs, error);
    if (!subsets.written())
        return {};
    return paint_with_faces(pack, subsets.faces(), glyphs, error);
}

} // namespace bp::pack

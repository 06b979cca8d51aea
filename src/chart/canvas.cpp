#include "chart/canvas.hpp"

#include "chart/font.hpp"
#include "core/text.hpp"

#include <optional>

namespace bp::chart {

namespace {

// Noto Sans capital and figure height as a fraction of the font size.
constexpr double cap_height = 0.714;

cairo_font_face_t* face_or_bundled(const std::string& path, FaceStyle bundled_style) {
    if (cairo_font_face_t* face = font_face_for_file(path)) {
        return face;
    }
    return font_face_for_file(bundled_font_path(bundled_file_name(bundled_style)));
}

// Byte length of the UTF-8 sequence starting with `lead`.
std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0) {
        return 4;
    }
    if (lead >= 0xE0) {
        return 3;
    }
    return lead >= 0xC0 ? 2 : 1;
}

// Noto Sans has no U+2212 MINUS SIGN (which bp::format_number writes); its en dash has the
// same width and height, so numbers still read and line up.
std::string drawable(const std::string& text) {
    std::string clean = sanitize_utf8(text);
    const std::string minus = "\u2212";
    for (std::size_t at = clean.find(minus); at != std::string::npos; at = clean.find(minus, at)) {
        clean.replace(at, minus.size(), "\u2013");
    }
    return clean;
}

// The key of an ASCII text's width in a face and size: for ASCII, drawable() changes nothing
// and face_runs() gives one run in the face, noting nothing missing.
std::optional<std::string> ascii_width_key(cairo_font_face_t* face, double size,
                                           const std::string& text) {
    if (!face || !is_ascii(text))
        return std::nullopt;
    std::string key(reinterpret_cast<const char*>(&face), sizeof face);
    key.append(reinterpret_cast<const char*>(&size), sizeof size);
    key += text;
    return key;
}

} // namespace

Canvas::Canvas(cairo_t* fonts, Pen& pen, const ChartStyle& style)
    : cr_(fonts), pen_(pen), style_(style),
      regular_(face_or_bundled(style.regular_font, FaceStyle::regular)),
      bold_(face_or_bundled(style.bold_font, FaceStyle::bold)) {
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options(cr_, options);
    cairo_font_options_destroy(options);
    set_font(Weight::regular, style.label_size);
}

void Canvas::set_colour(const Rgb& colour) const {
    pen_.set_colour(colour);
}

void Canvas::set_font(Weight weight, double size) const {
    cairo_font_face_t* face = weight == Weight::bold ? bold_ : regular_;
    current_ = face;
    if (face) {
        cairo_set_font_face(cr_, face);
    } else {
        // Only reached when the bundled fonts are missing from the installation.
        cairo_select_font_face(cr_, "sans-serif", CAIRO_FONT_SLANT_NORMAL,
                               weight == Weight::bold ? CAIRO_FONT_WEIGHT_BOLD
                                                      : CAIRO_FONT_WEIGHT_NORMAL);
    }
    cairo_set_font_size(cr_, size);
    font_size_ = size;
}

std::vector<Canvas::FaceRun> Canvas::face_runs(const std::string& clean) const {
    std::vector<FaceRun> runs;
    for (std::size_t i = 0; i < clean.size();) {
        std::size_t start = i;
        char32_t c = next_code_point(clean, i);
        cairo_font_face_t* face = current_;
        if (c >= 0x80 && current_ && !face_has_character(current_, c)) {
            if (cairo_font_face_t* fallback = fallback_face_for(c)) {
                face = fallback;
            } else if (missing_) {
                missing_->insert(c);
            }
        }
        if (runs.empty() || runs.back().face != face) {
            runs.push_back({"", face});
        }
        runs.back().text.append(clean, start, i - start);
    }
    return runs;
}

void Canvas::use_face(cairo_font_face_t* face) const {
    if (face) {
        cairo_set_font_face(cr_, face);
        cairo_set_font_size(cr_, font_size_);
    }
}

double Canvas::text_width(const std::string& text) const {
    auto key = ascii_width_key(current_, font_size_, text);
    if (key)
        if (auto found = ascii_widths_.find(*key); found != ascii_widths_.end())
            return found->second;
    // Cairo puts the whole context into an error state on invalid UTF-8.
    const std::string clean = drawable(text);
    double width = 0;
    for (const FaceRun& run : face_runs(clean)) {
        use_face(run.face);
        cairo_text_extents_t extents;
        cairo_text_extents(cr_, run.text.c_str(), &extents);
        width += extents.x_advance;
    }
    use_face(current_);
    if (key)
        ascii_widths_.emplace(std::move(*key), width);
    return width;
}

void Canvas::draw_text(const std::string& text, double x, double y, HAlign h, VAlign v) const {
    if (text.empty()) {
        return;
    }
    const double width = text_width(text);
    const double left = h == HAlign::left ? x : h == HAlign::centre ? x - width / 2 : x - width;
    const double baseline = v == VAlign::baseline  ? y
                            : v == VAlign::cap_top ? y + cap_height * font_size_
                                                   : y + cap_height * font_size_ / 2;
    double run_x = left;
    for (const FaceRun& run : face_runs(drawable(text))) {
        use_face(run.face);
        run_x = pen_.show_text(run.text, run_x, baseline);
    }
    use_face(current_);
}

std::string Canvas::fit_text(const std::string& raw_text, double width) const {
    const std::string text = drawable(raw_text);
    if (text_width(text) <= width) {
        return text;
    }
    const std::string ellipsis = "\u2026";
    const double room = width - text_width(ellipsis);
    // Cairo's toy text has no kerning, so advances add up character by character; that keeps
    // this linear even for absurdly long names.
    std::string kept;
    double kept_width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::string character =
            text.substr(i, utf8_length(static_cast<unsigned char>(text[i])));
        const double advance = text_width(character);
        if (kept_width + advance > room) {
            break;
        }
        kept += character;
        kept_width += advance;
        i += character.size();
    }
    return kept + ellipsis;
}

void Canvas::fill_rect(const Rect& rect, const Rgb& colour) const {
    set_colour(colour);
    pen_.rectangle(rect.x, rect.y, rect.width, rect.height);
    pen_.fill();
}

void Canvas::line(double x0, double y0, double x1, double y1, const Rgb& colour,
                  double width) const {
    set_colour(colour);
    pen_.set_line_width(width);
    pen_.move_to(x0, y0);
    pen_.line_to(x1, y1);
    pen_.stroke();
}

} // namespace bp::chart

#include "layout/line_breaker.hpp"

#include <algorithm>
#include <string_view>

namespace bp::layout {

namespace {

struct Placed {
    std::string text;
    int look = 0;
    double x = 0;
    double width = 0;
};

// Characters after which a long word or URL may break.
bool is_break_after(std::string_view character) {
    return character.size() == 1 &&
           std::string_view("/.-?&=_,;:").find(character[0]) != std::string_view::npos;
}

std::size_t code_point_length(unsigned char lead) {
    if (lead < 0x80)
        return 1;
    if ((lead >> 5) == 0x6)
        return 2;
    if ((lead >> 4) == 0xE)
        return 3;
    if ((lead >> 3) == 0x1E)
        return 4;
    return 1;
}

// Widths are sums of measured parts; the slack absorbs rounding so a column sized to its
// longest word still holds that word.
constexpr double tolerance = 1e-6;

struct Unit {
    std::string_view text;
    int look = 0;
    double width = 0;
};

class LineBuilder {
  public:
    LineBuilder(const InlineFlow& flow, double measure, const LineMetrics& metrics,
                WidthCache& widths)
        : flow_(flow), measure_(measure), metrics_(metrics), widths_(widths) {}

    std::vector<LineBox> run() {
        for (const auto& token : flow_.tokens) {
            switch (token.kind) {
            case TokenKind::line_break:
                finish_line();
                pending_space_ = nullptr;
                break;
            case TokenKind::space:
                if (!placed_.empty())
                    pending_space_ = &token.segments.front();
                break;
            case TokenKind::word:
                add_word(token);
                break;
            }
        }
        if (!placed_.empty() || lines_.empty())
            finish_line();
        return std::move(lines_);
    }

  private:
    void add_word(const Token& word) {
        double space = pending_space_ ? pending_space_->width : 0;
        if (!placed_.empty() && x_ + space + word.width > measure_ + tolerance) {
            finish_line();
        } else if (pending_space_ && !placed_.empty()) {
            place(*pending_space_);
        }
        pending_space_ = nullptr;
        if (x_ + word.width <= measure_ + tolerance || !placed_.empty()) {
            for (const auto& segment : word.segments)
                place(segment);
            return;
        }
        split_word(word);
    }

    void place(const Segment& segment) {
        placed_.push_back(Placed{segment.text, segment.look, x_, segment.width});
        x_ += segment.width;
    }

    // The word is wider than a whole line: cut it after a URL-ish separator where possible,
    // otherwise between characters, keeping at least one character per line.
    void split_word(const Token& word) {
        std::vector<Unit> units;
        for (const auto& segment : word.segments) {
            std::string_view text = segment.text;
            const Look& look = flow_.looks[segment.look];
            for (std::size_t i = 0; i < text.size();) {
                std::size_t length = std::min(code_point_length(text[i]), text.size() - i);
                std::string_view character = text.substr(i, length);
                units.push_back(
                    {character, segment.look, widths_.width(character, look.style, look.size)});
                i += length;
            }
        }
        std::size_t start = 0;
        while (start < units.size()) {
            std::size_t end = start;
            double width = 0;
            std::size_t last_break = start;
            while (end < units.size() &&
                   (end == start || width + units[end].width <= measure_ + tolerance)) {
                width += units[end].width;
                ++end;
                if (is_break_after(units[end - 1].text) || units[end - 1].text == " ")
                    last_break = end;
            }
            if (end < units.size() && last_break > start)
                end = last_break;
            // Characters measured one by one can sum to less than the run they form.
            while (end - start > 1 && chunk_width(units, start, end) > measure_ + tolerance)
                --end;
            place_units(units, start, end);
            if (end < units.size())
                finish_line();
            start = end;
        }
    }

    double chunk_width(const std::vector<Unit>& units, std::size_t start, std::size_t end) {
        double width = 0;
        std::size_t i = start;
        while (i < end) {
            int look = units[i].look;
            std::string text;
            while (i < end && units[i].look == look)
                text += units[i++].text;
            const Look& style = flow_.looks[look];
            width += widths_.width(text, style.style, style.size);
        }
        return width;
    }

    void place_units(const std::vector<Unit>& units, std::size_t start, std::size_t end) {
        std::size_t i = start;
        while (i < end) {
            int look = units[i].look;
            std::string text;
            while (i < end && units[i].look == look)
                text += units[i++].text;
            const Look& style = flow_.looks[look];
            place(Segment{text, look, widths_.width(text, style.style, style.size)});
        }
    }

    void finish_line() {
        LineBox line;
        line.width = x_;
        for (auto& piece : placed_) {
            const Look& look = flow_.looks[piece.look];
            if (!line.runs.empty() && same_run(line.runs.back(), look)) {
                TextRun& run = line.runs.back();
                run.text += piece.text;
                run.width = piece.x + piece.width - run.x;
                continue;
            }
            TextRun run;
            run.x = piece.x;
            run.baseline = -look.rise; // adjusted below once the line's baseline is known
            run.text = std::move(piece.text);
            run.style = look.style;
            run.size = look.size;
            run.colour = look.colour;
            run.width = piece.width;
            run.link = look.link;
            run.underline = look.underline;
            run.strike = look.strike;
            line.runs.push_back(std::move(run));
        }
        set_vertical_metrics(line);
        lines_.push_back(std::move(line));
        placed_.clear();
        x_ = 0;
    }

    bool same_run(const TextRun& run, const Look& look) const {
        return run.style == look.style && run.size == look.size && run.colour == look.colour &&
               run.link == look.link && run.underline == look.underline &&
               run.strike == look.strike && run.baseline == -look.rise;
    }

    // Taller content (a larger size, a superscript) may use the half-leading before the line
    // grows, so a footnote marker does not open a gap in a paragraph.
    void set_vertical_metrics(LineBox& line) {
        double size = metrics_.size;
        double ascent = widths_.ascent(FontStyle::regular) * size;
        double descent = widths_.descent(FontStyle::regular) * size;
        double half = std::max(0.0, (size * metrics_.leading - ascent - descent) / 2);
        double above = ascent, below = descent;
        for (const auto& run : line.runs) {
            double rise = -run.baseline;
            above = std::max(above, widths_.ascent(run.style) * run.size + rise);
            below = std::max(below, widths_.descent(run.style) * run.size - rise);
        }
        double grow_above = std::max(0.0, above - ascent - half);
        double grow_below = std::max(0.0, below - descent - half);
        line.baseline = half + ascent + grow_above;
        line.height = line.baseline + descent + half + grow_below;
        for (auto& run : line.runs)
            run.baseline += line.baseline;
    }

    const InlineFlow& flow_;
    double measure_;
    LineMetrics metrics_;
    WidthCache& widths_;
    std::vector<LineBox> lines_;
    std::vector<Placed> placed_;
    double x_ = 0;
    const Segment* pending_space_ = nullptr;
};

} // namespace

std::vector<LineBox> break_lines(const InlineFlow& flow, double measure, const LineMetrics& metrics,
                                 WidthCache& widths) {
    return LineBuilder(flow, std::max(measure, 1.0), metrics, widths).run();
}

} // namespace bp::layout

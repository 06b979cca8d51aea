#include "layout/line_breaker.hpp"

#include "layout/break_points.hpp"

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

// A word that does not fit is only broken into the space left on a line when that space is
// worth filling, as a word processor's hyphenation zone: a narrow measure (a table cell)
// always, a wide one only when the line would otherwise end a quarter short.
constexpr double narrow_measure = 180;
constexpr double short_line_fraction = 0.25;

// One character of a word that has to be broken, with the break allowed after it.
struct Unit {
    std::string_view text;
    int look = 0;
    double width = 0;
    bool break_after = false;
    bool hyphen_after = false; // the break needs an added hyphen
};

// The end of a piece of a broken word: `end` units stay on the line.
struct Cut {
    std::size_t end = 0;
    bool hyphen = false;
};

class LineBuilder {
  public:
    // `fill_with_hyphens`: whether a word that fits a line of its own may still be hyphenated
    // to fill the space left on the line before (see worth_filling).
    LineBuilder(const InlineFlow& flow, double measure, const LineMetrics& metrics,
                WidthCache& widths, bool fill_with_hyphens = true)
        : flow_(flow), measure_(measure), metrics_(metrics), widths_(widths),
          fill_with_hyphens_(fill_with_hyphens) {}

    // Whether some word that would fit a line of its own was hyphenated to fill one.
    bool filled_with_hyphens() const { return filled_with_hyphens_; }

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
        const Segment* space = placed_.empty() ? nullptr : pending_space_;
        pending_space_ = nullptr;
        double space_width = space ? space->width : 0;
        if (x_ + space_width + word.width <= measure_ + tolerance) {
            if (space)
                place(*space);
            for (const auto& segment : word.segments)
                place(segment);
            return;
        }
        if (!placed_.empty() && word.width <= measure_ + tolerance &&
            !(worth_filling(measure_ - x_ - space_width, word) && has_break_points(word))) {
            finish_line(); // the usual case: the word moves down whole
            for (const auto& segment : word.segments)
                place(segment);
            return;
        }
        std::vector<Unit> units = units_of(word);
        std::size_t start = 0;
        if (!placed_.empty()) {
            double room = measure_ - x_ - space_width;
            if (worth_filling(room, word)) {
                Cut cut = last_cut_within(units, 0, room);
                if (cut.end > 0) {
                    if (space)
                        place(*space);
                    place_units(units, 0, cut);
                    start = cut.end;
                    filled_with_hyphens_ |= word.width <= measure_ + tolerance;
                }
            }
            finish_line();
        }
        // The rest starts a line; while it is wider than the measure, it breaks at its last
        // opportunity that fits, or between characters with a hyphen when it has none.
        while (chunk_width(units, start, units.size()) > measure_ + tolerance) {
            Cut cut = last_cut_within(units, start, measure_);
            if (cut.end == start)
                cut = forced_cut(units, start);
            if (cut.end >= units.size())
                break;
            place_units(units, start, cut);
            finish_line();
            start = cut.end;
        }
        place_units(units, start, {units.size(), false});
    }

    // Bold words (headers, side headings) that fit a line of their own are not hyphenated to
    // fill the one before: "Lead of-ficer" reads worse than a short line.
    bool worth_filling(double room, const Token& word) const {
        if (!fill_with_hyphens_ && word.width <= measure_ + tolerance)
            return false;
        FontStyle style = flow_.looks[word.segments.front().look].style;
        if (style == FontStyle::bold || style == FontStyle::bold_italic)
            return false;
        return measure_ < narrow_measure || room >= measure_ * short_line_fraction;
    }

    static std::string text_of(const Token& word) {
        std::string text;
        for (const auto& segment : word.segments)
            text += segment.text;
        return text;
    }

    bool has_break_points(const Token& word) const {
        if (word.segments.size() == 1)
            return !word_break_points(word.segments.front().text).empty();
        return !word_break_points(text_of(word)).empty();
    }

    std::vector<Unit> units_of(const Token& word) {
        std::vector<BreakPoint> points = word_break_points(text_of(word)); // a copy: code drops
        if (flow_.verbatim)
            std::erase_if(points, [](const BreakPoint& point) { return point.hyphen; });
        std::vector<Unit> units;
        std::size_t offset = 0;
        auto point = points.begin();
        for (const auto& segment : word.segments) {
            std::string_view part = segment.text;
            const Look& look = flow_.looks[segment.look];
            for (std::size_t i = 0; i < part.size();) {
                std::size_t length = std::min(code_point_length(part[i]), part.size() - i);
                std::string_view character = part.substr(i, length);
                Unit unit{character, segment.look, widths_.width(character, look.style, look.size)};
                i += length;
                offset += length;
                while (point != points.end() && point->offset < offset)
                    ++point;
                if (point != points.end() && point->offset == offset) {
                    unit.break_after = true;
                    unit.hyphen_after = point->hyphen;
                }
                units.push_back(unit);
            }
        }
        return units;
    }

    // The longest piece from `start` ending at a break opportunity that fits in `room`, with
    // its hyphen; {start} when there is none.
    Cut last_cut_within(const std::vector<Unit>& units, std::size_t start, double room) {
        for (std::size_t end = units.size() - 1; end > start; --end) {
            const Unit& last = units[end - 1];
            if (!last.break_after)
                continue;
            Cut cut{end, last.hyphen_after};
            if (piece_width(units, start, cut) <= room + tolerance)
                return cut;
        }
        return {start, false};
    }

    // No opportunity fits: as many characters as fit with a hyphen, at least one.
    Cut forced_cut(const std::vector<Unit>& units, std::size_t start) {
        std::size_t end = start + 1;
        while (end < units.size() &&
               piece_width(units, start, {end + 1, true}) <= measure_ + tolerance)
            ++end;
        bool hyphen = !flow_.verbatim && units[end - 1].text != "-" && end - start > 1;
        return {end, hyphen};
    }

    double hyphen_width(const Unit& unit) {
        const Look& look = flow_.looks[unit.look];
        return widths_.width("-", look.style, look.size);
    }

    double piece_width(const std::vector<Unit>& units, std::size_t start, Cut cut) {
        double width = chunk_width(units, start, cut.end);
        return cut.hyphen ? width + hyphen_width(units[cut.end - 1]) : width;
    }

    // Measured in runs of one look: characters measured one by one can sum to less than the
    // run they form.
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

    void place_units(const std::vector<Unit>& units, std::size_t start, Cut cut) {
        std::size_t i = start;
        while (i < cut.end) {
            int look = units[i].look;
            std::string text;
            while (i < cut.end && units[i].look == look)
                text += units[i++].text;
            if (i == cut.end && cut.hyphen)
                text += '-';
            const Look& style = flow_.looks[look];
            place(Segment{text, look, widths_.width(text, style.style, style.size)});
        }
    }

    void place(const Segment& segment) {
        placed_.push_back(Placed{segment.text, segment.look, x_, segment.width});
        x_ += segment.width;
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
    bool fill_with_hyphens_ = true;
    bool filled_with_hyphens_ = false;
};

} // namespace

std::vector<LineBox> break_lines(const InlineFlow& flow, double measure, const LineMetrics& metrics,
                                 WidthCache& widths) {
    measure = std::max(measure, 1.0);
    LineBuilder filling(flow, measure, metrics, widths);
    std::vector<LineBox> lines = filling.run();
    // In a narrow measure a hyphen that fills a line is worth it only when it saves a line:
    // "In pro-|gress" in a cell is no shorter than "In|progress", and reads worse.
    if (measure < narrow_measure && filling.filled_with_hyphens()) {
        std::vector<LineBox> whole = LineBuilder(flow, measure, metrics, widths, false).run();
        if (whole.size() <= lines.size())
            return whole;
    }
    return lines;
}

} // namespace bp::layout

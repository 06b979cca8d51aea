#pragma once
// The red/amber/green rating, one enum for every stage: indicators and actions are rated with
// it (data), documents carry it in table cells (markdown, content), and the site and the pack
// turn it into words, CSS classes and colours through the mappings below.
#include <optional>
#include <string_view>

namespace bp {

enum class Rag { none, red, amber, green, grey, blue };

// "Red", "Amber", "Green", "Grey", "Blue"; "" for none. The word carries the rating when
// colour cannot (print in black and white, screen readers).
const char* rag_word(Rag rag);
// "red", "amber", "green", "grey", "blue"; "" for none. The one key for a rating: the CSS class
// (rag-red), the custom property (--rag-red) and the colour's name under rag: in site.yaml.
const char* rag_key(Rag rag);
// The ratings that have a colour, in order: red, amber, green, grey, blue.
inline constexpr Rag coloured_rags[] = {Rag::red, Rag::amber, Rag::green, Rag::grey, Rag::blue};
// The colour a palette gives a rating: `palette` is any struct with members red, amber, green,
// grey and blue (the site's CSS colours, the pack's RGB colours). Null for none.
template <class Palette> auto* rag_colour(Palette& palette, Rag rag) {
    switch (rag) {
    case Rag::red:
        return &palette.red;
    case Rag::amber:
        return &palette.amber;
    case Rag::green:
        return &palette.green;
    case Rag::grey:
        return &palette.grey;
    case Rag::blue:
        return &palette.blue;
    case Rag::none:
        break;
    }
    return static_cast<decltype(&palette.red)>(nullptr);
}
// A rating as people write it: "red", "Amber", "g", "gray" (any case, trimmed); nothing for
// anything else, including "none" and blue, which is never set by hand.
std::optional<Rag> parse_rag(std::string_view text);

} // namespace bp

#include "core/rag.hpp"

#include "core/text.hpp"

namespace bp {

const char* rag_word(Rag rag) {
    switch (rag) {
    case Rag::red:
        return "Red";
    case Rag::amber:
        return "Amber";
    case Rag::green:
        return "Green";
    case Rag::grey:
        return "Grey";
    case Rag::blue:
        return "Blue";
    case Rag::none:
        break;
    }
    return "";
}

const char* rag_key(Rag rag) {
    switch (rag) {
    case Rag::red:
        return "red";
    case Rag::amber:
        return "amber";
    case Rag::green:
        return "green";
    case Rag::grey:
        return "grey";
    case Rag::blue:
        return "blue";
    case Rag::none:
        break;
    }
    return "";
}

std::optional<Rag> parse_rag(std::string_view text) {
    std::string word = to_lower_ascii(trim(text));
    if (word == "gray")
        return Rag::grey;
    for (Rag rag : {Rag::red, Rag::amber, Rag::green, Rag::grey}) {
        std::string key = rag_key(rag);
        if (word == key || (word.size() == 1 && rag != Rag::grey && word[0] == key[0]))
            return rag;
    }
    return std::nullopt;
}

} // namespace bp

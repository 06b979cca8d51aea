#include "layout/break_points.hpp"

#include <algorithm>
#include <functional>
#include <hyphen.h>
#include <linebreak.h>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace bp::layout {

namespace {

// The patterns follow the usual British rule: at least two letters before a hyphen and
// three after it.
constexpr int left_hyphen_min = 2;
constexpr int right_hyphen_min = 3;
constexpr std::size_t shortest_hyphenated_word = 5;
constexpr std::size_t most_remembered_words = 50000;

// Lets the cache be searched with a string_view, without building a string per look-up.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
        return std::hash<std::string_view>{}(text);
    }
};

struct DictionaryDeleter {
    void operator()(HyphenDict* dictionary) const { hnj_hyphen_free(dictionary); }
};

// Loaded once; libhyphen only reads it afterwards, so threads may share it.
const HyphenDict* en_gb_patterns() {
    static std::unique_ptr<HyphenDict, DictionaryDeleter> dictionary;
    static std::once_flag loaded;
    std::call_once(loaded, [] {
        init_linebreak();
        dictionary.reset(hnj_hyphen_load(BOARDPACK_HYPHEN_PATTERNS));
    });
    return dictionary.get();
}

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

// Letters the en-GB patterns can judge: ASCII letters and the accented Latin letters of
// names (UTF-8 lead bytes 0xC3 to 0xC9 cover U+00C0 to U+024F).
bool is_letter_start(unsigned char byte) {
    return (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
           (byte >= 0xC3 && byte <= 0xC9);
}

bool is_address(std::string_view word) {
    return word.find_first_of("/\\@") != std::string_view::npos;
}

void add_unicode_breaks(std::string_view word, std::vector<BreakPoint>& points) {
    std::string breaks(word.size(), LINEBREAK_NOBREAK);
    set_linebreaks_utf8(reinterpret_cast<const utf8_t*>(word.data()), word.size(), "en",
                        breaks.data());
    for (std::size_t i = 0; i + 1 < word.size(); ++i)
        if (breaks[i] == LINEBREAK_ALLOWBREAK)
            points.push_back({i + 1, false});
}

// UAX #14 keeps "data.example.org/" whole; an address also breaks after its dots and
// punctuation, never between two separators ("//").
void add_address_breaks(std::string_view word, std::vector<BreakPoint>& points) {
    constexpr std::string_view separators = "./\\-_?&=#@:";
    for (std::size_t i = 0; i + 1 < word.size(); ++i)
        if (separators.find(word[i]) != std::string_view::npos &&
            separators.find(word[i + 1]) == std::string_view::npos)
            points.push_back({i + 1, false});
}

void hyphenate_run(std::string_view run, std::size_t start, std::vector<BreakPoint>& points) {
    std::size_t letters = 0;
    for (unsigned char byte : run)
        letters += is_continuation(byte) ? 0 : 1;
    if (letters < shortest_hyphenated_word)
        return;
    std::string lower(run);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    std::string hyphens(lower.size() + 5, '0');
    char** replacements = nullptr;
    int* positions = nullptr;
    int* cuts = nullptr;
    hnj_hyphen_hyphenate3(const_cast<HyphenDict*>(en_gb_patterns()), lower.c_str(),
                          static_cast<int>(lower.size()), hyphens.data(), nullptr, &replacements,
                          &positions, &cuts, left_hyphen_min, right_hyphen_min, left_hyphen_min,
                          right_hyphen_min);
    // English patterns need no spelling changes, so these stay empty; free them regardless.
    if (replacements) {
        for (std::size_t i = 0; i < lower.size(); ++i)
            free(replacements[i]);
        free(replacements);
    }
    free(positions);
    free(cuts);
    for (std::size_t i = 0; i + 1 < lower.size(); ++i)
        if ((hyphens[i] & 1) && !is_continuation(static_cast<unsigned char>(lower[i + 1])))
            points.push_back({start + i + 1, true});
}

void add_hyphenation(std::string_view word, std::vector<BreakPoint>& points) {
    if (!en_gb_patterns())
        return;
    std::size_t i = 0;
    while (i < word.size()) {
        if (!is_letter_start(static_cast<unsigned char>(word[i]))) {
            ++i;
            continue;
        }
        std::size_t start = i;
        while (i < word.size() && (is_letter_start(static_cast<unsigned char>(word[i])) ||
                                   is_continuation(static_cast<unsigned char>(word[i]))))
            ++i;
        hyphenate_run(word.substr(start, i - start), start, points);
    }
}

} // namespace

const std::vector<BreakPoint>& word_break_points(std::string_view word) {
    static const std::vector<BreakPoint> none;
    if (word.size() < 2)
        return none;
    // The same words recur through a pack; each thread remembers the ones it has broken.
    thread_local std::unordered_map<std::string, std::vector<BreakPoint>, TextHash, std::equal_to<>>
        known;
    if (auto found = known.find(word); found != known.end())
        return found->second;
    std::vector<BreakPoint> points;
    en_gb_patterns(); // also readies libunibreak
    add_unicode_breaks(word, points);
    if (is_address(word))
        add_address_breaks(word, points);
    else
        add_hyphenation(word, points);
    std::stable_sort(points.begin(), points.end(),
                     [](const BreakPoint& a, const BreakPoint& b) { return a.offset < b.offset; });
    // A Unicode opportunity (after an existing hyphen) wins over a hyphenation point there.
    points.erase(
        std::unique(points.begin(), points.end(),
                    [](const BreakPoint& a, const BreakPoint& b) { return a.offset == b.offset; }),
        points.end());
    if (known.size() > most_remembered_words)
        known.clear();
    return known.emplace(std::string(word), std::move(points)).first->second;
}

} // namespace bp::layout

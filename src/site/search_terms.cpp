#include "site/search_terms.hpp"

#include <algorithm>
#include <libstemmer.h>
#include <stdexcept>
#include <unordered_map>

namespace bp::site {
namespace {

bool is_ascii_letter_or_digit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

struct CodePoint {
    char32_t value = 0;
    std::size_t bytes = 1;
};

CodePoint decode(const std::string& text, std::size_t at) {
    unsigned char lead = static_cast<unsigned char>(text[at]);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : 4;
    if (lead >= 0x80 && lead < 0xC0)
        return {0xFFFD, 1}; // a stray continuation byte
    if (at + length > text.size())
        return {0xFFFD, 1};
    char32_t value = length == 1   ? lead
                     : length == 2 ? lead & 0x1F
                     : length == 3 ? lead & 0x0F
                                   : lead & 0x07;
    for (std::size_t i = 1; i < length; ++i)
        value = (value << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
    return {value, length};
}

bool is_apostrophe(char32_t c) {
    return c == U'\'' || c == U'\u2019';
}

// Letters and digits of any script count as word characters; punctuation, symbols and spaces
// in the ranges the papers use (Latin-1 signs, general punctuation, currency) do not.
bool is_word_char(char32_t c) {
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c <= 0xBF || c == 0xD7 || c == 0xF7)
        return false;
    if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) || c == 0xFFFD ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0x1F000 && c <= 0x1FAFF))
        return false;
    return true;
}

// Lower-cases ASCII and the Latin-1 capitals; other scripts pass through unchanged.
void append_lower(std::string& out, const std::string& text, std::size_t at, CodePoint cp) {
    if (cp.value < 0x80) {
        out += static_cast<char>(cp.value >= 'A' && cp.value <= 'Z' ? cp.value + 32 : cp.value);
    } else if (cp.value >= 0xC0 && cp.value <= 0xDE && cp.value != 0xD7) {
        char32_t lower = cp.value + 0x20;
        out += static_cast<char>(0xC0 | (lower >> 6));
        out += static_cast<char>(0x80 | (lower & 0x3F));
    } else {
        out.append(text, at, cp.bytes);
    }
}

std::size_t utf16_units(char32_t c) {
    return c >= 0x10000 ? 2 : 1;
}

} // namespace

void for_each_search_word(const std::string& text,
                          const std::function<void(const SearchWord&)>& take) {
    SearchWord current;
    bool in_word = false;
    std::size_t units = 0;
    auto finish = [&] {
        if (in_word)
            take(current);
        in_word = false;
    };
    for (std::size_t at = 0; at < text.size();) {
        CodePoint cp = decode(text, at);
        if (is_word_char(cp.value)) {
            if (!in_word) {
                current.text.clear();
                current.offset = units;
                in_word = true;
            }
            append_lower(current.text, text, at, cp);
            current.length = units + utf16_units(cp.value) - current.offset;
        } else if (in_word && is_apostrophe(cp.value) && at + cp.bytes < text.size() &&
                   is_word_char(decode(text, at + cp.bytes).value)) {
            current.text += '\''; // "board’s" and "board's" are one word
        } else {
            finish();
        }
        units += utf16_units(cp.value);
        at += cp.bytes;
    }
    finish();
}

std::vector<SearchWord> search_words(const std::string& text) {
    std::vector<SearchWord> words;
    for_each_search_word(text, [&](const SearchWord& word) { words.push_back(word); });
    return words;
}

const std::vector<std::string>& search_stop_words() {
    static const std::vector<std::string> words = {
        "a",    "an", "and", "are",  "as",   "at",   "be",    "by", "for",  "from", "has",
        "have", "in", "is",  "it",   "its",  "of",   "on",    "or", "that", "the",  "their",
        "this", "to", "was", "were", "will", "with", "which", "we", "our"};
    return words;
}

bool is_search_stop_word(std::string_view word) {
    const auto& words = search_stop_words();
    // Asked of every word indexed, most of them longer than any stop word.
    static const std::size_t longest =
        std::max_element(words.begin(), words.end(), [](const auto& a, const auto& b) {
            return a.size() < b.size();
        })->size();
    return word.size() <= longest && std::find(words.begin(), words.end(), word) != words.end();
}

std::string search_shard_key(std::string_view word) {
    if (word.empty() || !is_ascii_letter_or_digit(word[0]))
        return "_";
    std::string key(1, word[0]);
    key.push_back(word.size() > 1 && is_ascii_letter_or_digit(word[1]) ? word[1] : '_');
    return key;
}

struct EnglishStemmer::Impl {
    sb_stemmer* stemmer = nullptr;
    std::unordered_map<std::string, std::string> stems; // word → its stem
};

EnglishStemmer::EnglishStemmer() : impl_(std::make_unique<Impl>()) {
    impl_->stemmer = sb_stemmer_new("english", "UTF_8");
    if (!impl_->stemmer)
        throw std::runtime_error("the Snowball English stemmer is not available");
}

EnglishStemmer::~EnglishStemmer() {
    sb_stemmer_delete(impl_->stemmer);
}

std::string EnglishStemmer::stem(const std::string& word) {
    if (auto known = impl_->stems.find(word); known != impl_->stems.end())
        return known->second;
    const sb_symbol* stemmed =
        sb_stemmer_stem(impl_->stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                        static_cast<int>(word.size()));
    if (!stemmed)
        return word;
    std::string result(reinterpret_cast<const char*>(stemmed),
                       static_cast<std::size_t>(sb_stemmer_length(impl_->stemmer)));
    if (impl_->stems.size() < remembered_words)
        impl_->stems.emplace(word, result);
    return result;
}

} // namespace bp::site

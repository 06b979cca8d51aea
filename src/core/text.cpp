#include "core/text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>

namespace bp {

std::string trim(std::string_view text) {
    auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos)
        return {};
    auto end = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(begin, end - begin + 1));
}

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        auto end = text.find(separator, start);
        parts.emplace_back(text.substr(start, end - start));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return parts;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string to_lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
    if (from.empty())
        return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;
    for (std::size_t at = text.find(from); at != std::string_view::npos;
         at = text.find(from, copied)) {
        out.append(text, copied, at - copied);
        out.append(to);
        copied = at + from.size();
    }
    out.append(text, copied);
    return out;
}

std::string slugify(std::string_view text) {
    std::string out;
    bool pending_dash = false;
    for (unsigned char c : text) {
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) {
            if (pending_dash && !out.empty())
                out += '-';
            pending_dash = false;
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else if (c == '\'' || c >= 0x80) {
            // Apostrophes and non-ASCII bytes vanish rather than splitting words ("chair's").
            continue;
        } else {
            pending_dash = true;
        }
    }
    return out;
}

namespace {

// The entity standing for `c` in HTML text and attributes, or none.
const char* html_entity(char c) {
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&#39;";
    default:
        return nullptr;
    }
}

} // namespace

std::string html_escape(std::string_view text) {
    // Runs between the characters replaced are copied whole: a site escapes every text it
    // shows, and most of it holds none of them.
    std::string out;
    out.reserve(text.size());
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (const char* entity = html_entity(text[i])) {
            out.append(text.substr(run, i - run));
            out += entity;
            run = i + 1;
        }
    out.append(text.substr(run));
    return out;
}

bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

namespace {

// Whole papers are checked and measured, millions of bytes a build: eight bytes at a time.
std::uint64_t eight_bytes_at(std::string_view text, std::size_t at) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + at, sizeof word);
    return word;
}

constexpr std::uint64_t every_byte(std::uint8_t value) {
    return 0x0101010101010101ULL * value;
}

// Eight bytes of ASCII with no NUL among them: each is one valid character.
bool is_plain_ascii_word(std::uint64_t word) {
    bool has_high_bit = (word & every_byte(0x80)) != 0;
    bool has_zero = ((word - every_byte(0x01)) & ~word & every_byte(0x80)) != 0;
    return !has_high_bit && !has_zero;
}

} // namespace

int utf8_length(std::string_view text) {
    // Every byte but a continuation byte (10xxxxxx) starts a character. They are counted eight
    // at a time: asked of the text before every position a paper's diagnostics may name, this
    // was a byte-by-byte walk over millions of bytes a build.
    std::size_t continuation = 0;
    std::size_t at = 0;
    for (; at + 8 <= text.size(); at += 8) {
        std::uint64_t word = eight_bytes_at(text, at);
        // Each byte's top bit set and the bit below it clear; the shift's carry from one byte
        // into the next lands on a bit the mask drops.
        std::uint64_t marks = (word & ~(word << 1) & every_byte(0x80)) >> 7;
        // The eight bytes' marks (0 or 1) summed into the top byte by one multiplication:
        // std::popcount is a library call on a processor not known to have the instruction.
        continuation += static_cast<std::size_t>((marks * every_byte(0x01)) >> 56);
    }
    for (; at < text.size(); ++at)
        if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
            ++continuation;
    return static_cast<int>(text.size() - continuation);
}

namespace {

// The length of the valid UTF-8 sequence starting at `i`, or 0 when it is invalid.
int utf8_sequence_length(std::string_view text, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    int length = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    bool ok = length > 0 && i + length <= text.size();
    for (int k = 1; ok && k < length; ++k)
        ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok && length == 1 && c == 0)
        ok = false;
    return ok ? length : 0;
}

} // namespace

std::optional<std::size_t> invalid_utf8_offset(std::string_view text) {
    // Every paper is checked whole, and most of a paper is ASCII: eight bytes are passed at a
    // time until they hold anything else.
    std::size_t i = 0;
    while (i < text.size()) {
        if (i + 8 <= text.size() && is_plain_ascii_word(eight_bytes_at(text, i))) {
            i += 8;
            continue;
        }
        int length = utf8_sequence_length(text, i);
        if (length == 0)
            return i;
        i += static_cast<std::size_t>(length);
    }
    return std::nullopt;
}

namespace {

// The length of the sequence at `i` if it is well formed by RFC 3629's table, else 0: the
// second byte's range depends on the first (E0, ED, F0 and F4 narrow it).
std::size_t strict_sequence_length(std::string_view text, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    unsigned char lead = byte(0);
    std::size_t length = lead < 0x80                    ? 1
                         : lead >= 0xC2 && lead <= 0xDF ? 2
                         : lead >= 0xE0 && lead <= 0xEF ? 3
                         : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                        : 0;
    if (length == 0 || i + length > text.size())
        return 0;
    unsigned char low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    unsigned char high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    if (length > 1 && (byte(1) < low || byte(1) > high))
        return 0;
    for (std::size_t k = 2; k < length; ++k)
        if ((byte(k) & 0xC0) != 0x80)
            return 0;
    return length;
}

} // namespace

bool is_strict_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (i + 8 <= text.size() && (eight_bytes_at(text, i) & every_byte(0x80)) == 0) {
            i += 8;
            continue;
        }
        std::size_t length = strict_sequence_length(text, i);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

std::string sanitize_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t run = 0; // the valid text not yet copied starts here
    std::size_t i = 0;
    while (i < text.size()) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        int length = c != 0 && c < 0x80 ? 1 : utf8_sequence_length(text, i);
        if (length > 0) {
            i += static_cast<std::size_t>(length);
            continue;
        }
        out.append(text.substr(run, i - run));
        out += "\xEF\xBF\xBD";
        run = ++i;
    }
    out.append(text.substr(run));
    return out;
}

char32_t next_code_point(std::string_view text, std::size_t& at) {
    int length = utf8_sequence_length(text, at);
    if (length == 0) {
        ++at;
        return 0xFFFD;
    }
    auto byte = [&](int k) {
        return static_cast<char32_t>(static_cast<unsigned char>(text[at + k]));
    };
    char32_t c = length == 1 ? byte(0) : byte(0) & (0x7F >> length);
    for (int k = 1; k < length; ++k)
        c = (c << 6) | (byte(k) & 0x3F);
    at += static_cast<std::size_t>(length);
    return c;
}

std::string format_number(double value, int decimals) {
    bool negative = value < 0;
    double magnitude = std::fabs(value);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, magnitude);
    std::string digits = buffer;
    auto dot = digits.find('.');
    std::string whole = digits.substr(0, dot);
    std::string fraction = dot == std::string::npos ? "" : digits.substr(dot);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            grouped += ',';
        grouped += whole[i];
    }
    bool is_zero = grouped.find_first_not_of("0,") == std::string::npos &&
                   fraction.find_first_not_of(".0") == std::string::npos;
    // An en dash: the bundled font has no U+2212 minus sign, and UK statistical tables use it.
    return (negative && !is_zero ? "\xE2\x80\x93" : "") + grouped + fraction;
}

namespace {

// append_decimal() from one multiplication, where that gives what exact rounding gives: the
// product's error is at most half a unit in its last place, under 1e-7 below a billion, so
// unless it lies within a millionth of a half, its nearest whole number is the exact value's.
// False, nothing written, for the rest (near a half, large, not finite), left to to_chars():
// its fixed form costs some 700 instructions a number, and charts and packs write hundreds of
// thousands.
bool append_decimal_by_scaling(std::string& out, double value, int decimals) {
    static constexpr double scales[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
    static constexpr long long units_per_one[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    if (decimals < 0 || decimals >= static_cast<int>(std::size(scales)))
        return false;
    const double scaled = value * scales[decimals];
    if (!(std::fabs(scaled) < 1e9))
        return false;
    const double below = std::floor(scaled);
    const double fraction = scaled - below;
    if (std::fabs(fraction - 0.5) < 1e-6)
        return false;
    const long long units = static_cast<long long>(below) + (fraction > 0.5 ? 1 : 0);
    if (units == 0) {
        out += '0'; // never "-0"
        return true;
    }
    if (units < 0)
        out += '-';
    const unsigned long long magnitude = static_cast<unsigned long long>(std::llabs(units));
    const unsigned long long one = static_cast<unsigned long long>(units_per_one[decimals]);
    char digits[24];
    auto written = std::to_chars(digits, digits + sizeof digits, magnitude / one);
    out.append(digits, written.ptr);
    unsigned long long fraction_units = magnitude % one;
    if (fraction_units == 0)
        return true;
    int places = decimals;
    while (fraction_units % 10 == 0) { // no trailing zeros
        fraction_units /= 10;
        --places;
    }
    written = std::to_chars(digits, digits + sizeof digits, fraction_units);
    out += '.';
    out.append(static_cast<std::size_t>(places - (written.ptr - digits)), '0');
    out.append(digits, written.ptr);
    return true;
}

} // namespace

void append_decimal(std::string& out, double value, int decimals) {
    if (append_decimal_by_scaling(out, value, decimals))
        return;
    char buffer[400]; // room for the largest double written out in full
    decimals = std::clamp(decimals, 0, 17);
    auto written = std::isfinite(value) ? std::to_chars(buffer, buffer + sizeof buffer, value,
                                                        std::chars_format::fixed, decimals)
                                        : std::to_chars_result{buffer, std::errc::invalid_argument};
    std::string_view digits(buffer, written.ec == std::errc() ? written.ptr - buffer : 0);
    if (digits.find('.') != std::string_view::npos) {
        while (digits.back() == '0')
            digits.remove_suffix(1);
        if (digits.back() == '.')
            digits.remove_suffix(1);
    }
    if (digits.empty() || digits == "-0") {
        out += '0';
        return;
    }
    out += digits;
}

std::string short_decimal(double value, int decimals) {
    std::string out;
    append_decimal(out, value, decimals);
    return out;
}

std::optional<std::string_view> take_line(std::string_view& rest) {
    std::size_t end = rest.find('\n');
    if (end == std::string_view::npos)
        return std::nullopt;
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    return line;
}

std::optional<std::size_t> parse_count(std::string_view text) {
    std::size_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

} // namespace bp

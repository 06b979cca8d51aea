#pragma once
// Small string helpers shared by every stage.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp {

std::string trim(std::string_view text);
std::vector<std::string> split(std::string_view text, char separator);
bool starts_with(std::string_view text, std::string_view prefix);
bool ends_with(std::string_view text, std::string_view suffix);
std::string to_lower_ascii(std::string_view text);
// "Chair's Report – Q2" -> "chairs-report-q2"; stable, ASCII only, for file and anchor names.
std::string slugify(std::string_view text);
// Escapes &, <, >, " and ' for HTML text and attributes.
std::string html_escape(std::string_view text);
// Number of Unicode code points; for column counts in diagnostics.
int utf8_length(std::string_view text);
// Whether every byte is ASCII (below 0x80): text a quicker path may take byte by byte.
bool is_ascii(std::string_view text);
// The byte offset of the first invalid UTF-8 sequence (or NUL byte), if any.
std::optional<std::size_t> invalid_utf8_offset(std::string_view text);
// Whether `text` is UTF-8 by the standard's letter (RFC 3629): no overlong form, no surrogate,
// nothing past U+10FFFF. invalid_utf8_offset admits those three (and refuses NUL, which this
// admits); writers of formats that refuse them (JSON) ask this.
bool is_strict_utf8(std::string_view text);
// Replaces invalid UTF-8 sequences with U+FFFD so no later stage sees broken text.
std::string sanitize_utf8(std::string_view text);
// The character starting at byte `at`, moving `at` past it; an invalid sequence (or a NUL
// byte) reads as U+FFFD and moves one byte on.
char32_t next_code_point(std::string_view text, std::size_t& at);
// Every `from` in `text` replaced by `to`, left to right, in one pass over `text`: what is
// put in is never searched again. An empty `from` replaces nothing.
std::string replace_all(std::string_view text, std::string_view from, std::string_view to);
// The text up to the next line break, taken off `rest` with the break; none when `rest` holds
// no line break (a file cut short).
std::optional<std::string_view> take_line(std::string_view& rest);
// A count written in decimal digits and nothing else; none for anything else.
std::optional<std::size_t> parse_count(std::string_view text);
// "1,785"; "12.5" with the given decimals; a leading en dash for negatives.
std::string format_number(double value, int decimals = 0);
// A number for a machine to read (CSS, SVG): at most `decimals` decimals, no trailing zeros,
// a plain minus and a "." whatever the locale: "12.5", "3", "-0.25". What rounds to zero, and
// what is not a finite number, is "0".
std::string short_decimal(double value, int decimals);
void append_decimal(std::string& out, double value, int decimals);

} // namespace bp

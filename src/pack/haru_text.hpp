#pragma once
// Text written into a libharu page's content stream as HPDF_Page_TextOut writes it for the
// pack's fonts (Type0 faces under the UTF-8 encoder): "x y Td (codes) Tj", the position
// relative to the text line before, the codes each character's UTF-16 unit.
//
// libharu writes the codes in hex, four digits a character; here they are a literal string,
// two bytes a character. The codes are the same, read by any reader alike, but a page's
// content is a third smaller before compression and after it, and compressing the content
// streams (the largest part of a pack before compression) takes a third less time.
//
// libharu measures the text before it shows it, a glyph look-up in the face's character map
// for every character, to learn where the text ends: 5 % of a whole build's CPU. The painter
// places every run where layout put it and never asks. The measuring also marks the glyphs a
// face that libharu rebuilds must keep, so this is for faces embedded as their files alone
// (HaruDocument::embedded_as_file).
#include <hpdf.h>
#include <string>
#include <string_view>

namespace bp::pack {

// The UTF-16 units, big-endian, that libharu's UTF-8 encoder makes of `utf8`: a character
// beyond U+FFFF becomes a space, and a byte that cannot start a character is passed over.
std::string utf16_as_libharu_encodes(std::string_view utf8);

// `bytes` as a PDF literal string, "(…)": a backslash before each parenthesis and backslash,
// and a carriage return written "\r" (a reader would take it for a line feed). Every other
// byte stands as it is.
std::string pdf_literal_string(std::string_view bytes);
// Appends pdf_literal_string(utf16_as_libharu_encodes(utf8)): text as a content stream shows
// it. ASCII, most of what a pack prints, is written in one pass with no string between.
void append_shown_text(std::string& out, std::string_view utf8);

// `value` as an operand of a content stream's operator, followed by a space: at most three
// decimals (a thousandth of a point), no trailing zeros, a plain minus.
void append_operand(std::string& out, double value);
// Shows `utf8` at (x, y) in the page's current font and size, inside a text object. Writes
// the operators HPDF_Page_TextOut writes, with the same codes (as a literal string, not in
// hex), and leaves libharu's text state where it would, but for the position after the text,
// which it leaves at the text's start; and where libharu writes nothing for text it measures
// as no width at all (zero-width characters alone), this shows it. False when the page is not
// in a text object or the text cannot be written (libharu's error handler has the reason).
bool show_text_at(HPDF_Page page, HPDF_REAL x, HPDF_REAL y, std::string_view utf8);

} // namespace bp::pack

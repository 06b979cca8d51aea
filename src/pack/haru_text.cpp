#include "pack/haru_text.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <hpdf_consts.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

namespace bp::pack {

namespace {

// The character libharu's UTF-8 encoder makes of a sequence of `last + 1` bytes, its formula
// kept as it is (the second byte of four goes in unmasked): anything beyond U+FFFF is a space.
unsigned libharu_character(const unsigned char (&bytes)[4], int last) {
    unsigned value = 0;
    switch (last) {
    case 3:
        value = ((bytes[0] & 0x7u) << 18) + (static_cast<unsigned>(bytes[1]) << 12) +
                ((bytes[2] & 0x3fu) << 6) + (bytes[3] & 0x3fu);
        break;
    case 2:
        value = ((bytes[0] & 0xfu) << 12) + ((bytes[1] & 0x3fu) << 6) + (bytes[2] & 0x3fu);
        break;
    case 1:
        value = ((bytes[0] & 0x1fu) << 6) + (bytes[1] & 0x3fu);
        break;
    default:
        value = bytes[0];
    }
    return value > 0xFFFF ? 0x20 : value;
}

void append_unit(std::string& units, unsigned unit) {
    units += static_cast<char>((unit >> 8) & 0xff);
    units += static_cast<char>(unit & 0xff);
}

// libharu's TextPos_AbsToRel: (x, y) on the page as a move from the text line's start.
void relative_to_line(const HPDF_TransMatrix& line, HPDF_REAL x, HPDF_REAL y, HPDF_REAL& moved_x,
                      HPDF_REAL& moved_y) {
    if (line.a == 0) {
        moved_x = (y - line.y - (x - line.x) * line.d / line.c) / line.b;
        moved_y = (x - line.x) / line.c;
    } else {
        moved_y =
            (y - line.y - (x - line.x) * line.b / line.a) / (line.d - line.c * line.b / line.a);
        moved_x = (x - line.x - moved_y * line.c) / line.a;
    }
}

} // namespace

// The byte-by-byte reading of libharu's UTF8_Encoder_ByteType_Func and ToUnicode_Func.
std::string utf16_as_libharu_encodes(std::string_view utf8) {
    std::string units;
    units.reserve(2 * utf8.size());
    unsigned char bytes[4] = {};
    int current = 0; // bytes of the character read so far
    int last = 0;    // the index of its last byte
    for (char c : utf8) {
        auto byte = static_cast<unsigned char>(c);
        if (current == 0) {
            bytes[0] = byte;
            current = 1;
            if (!(byte & 0x80)) {
                current = 0;
                last = 0;
                append_unit(units, libharu_character(bytes, last));
            } else if ((byte & 0xf8) == 0xf0) {
                last = 3;
            } else if ((byte & 0xf0) == 0xe0) {
                last = 2;
            } else if ((byte & 0xe0) == 0xc0) {
                last = 1;
            } else {
                current = 0; // cannot start a character: passed over
            }
        } else {
            bytes[current] = byte;
            if (current == last) {
                current = 0;
                append_unit(units, libharu_character(bytes, last));
            } else {
                ++current;
            }
        }
    }
    return units;
}

std::string pdf_literal_string(std::string_view bytes) {
    std::string literal;
    literal.reserve(bytes.size() + bytes.size() / 8 + 2);
    literal += '(';
    for (char byte : bytes) {
        if (byte == '(' || byte == ')' || byte == '\\') {
            literal += '\\';
            literal += byte;
        } else if (byte == '\r') {
            literal += "\\r";
        } else {
            literal += byte;
        }
    }
    literal += ')';
    return literal;
}

void append_shown_text(std::string& out, std::string_view utf8) {
    if (!is_ascii(utf8)) {
        out += pdf_literal_string(utf16_as_libharu_encodes(utf8));
        return;
    }
    // An ASCII character is the unit 00 xx; only its second byte can need escaping.
    std::size_t start = out.size();
    out.resize(start + 2 + 3 * utf8.size()); // room for every character escaped
    char* at = out.data() + start;
    *at++ = '(';
    for (char byte : utf8) {
        *at++ = '\0';
        if (byte == '(' || byte == ')' || byte == '\\') {
            *at++ = '\\';
            *at++ = byte;
        } else if (byte == '\r') {
            *at++ = '\\';
            *at++ = 'r';
        } else {
            *at++ = byte;
        }
    }
    *at++ = ')';
    out.resize(static_cast<std::size_t>(at - out.data()));
}

void append_operand(std::string& out, double value) {
    append_decimal(out, value, 3);
    out += ' ';
}

bool show_text_at(HPDF_Page page, HPDF_REAL x, HPDF_REAL y, std::string_view utf8) {
    if (HPDF_Page_CheckState(page, HPDF_GMODE_TEXT_OBJECT) != HPDF_OK)
        return false;
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_TransMatrix& line = attr->text_matrix;
    HPDF_REAL moved_x = 0;
    HPDF_REAL moved_y = 0;
    relative_to_line(line, x, y, moved_x, moved_y);
    // HPDF_Page_MoveTextPos's operator, in its own number format.
    char move[HPDF_TMP_BUF_SIZ] = {};
    char* end = move + HPDF_TMP_BUF_SIZ - 1;
    char* at = HPDF_FToA(move, moved_x, end);
    *at++ = ' ';
    at = HPDF_FToA(at, moved_y, end);
    std::string operators(move, at);
    operators += " Td\012";
    line.x += moved_x * line.a + moved_y * line.c;
    line.y += moved_y * line.d + moved_x * line.b;
    attr->text_pos.x = line.x;
    attr->text_pos.y = line.y;
    // HPDF_Page_ShowText's, for a C string: the text ends at a NUL, and at libharu's limit.
    utf8 = utf8.substr(0, std::min(utf8.find('\0'), std::size_t{HPDF_LIMIT_MAX_STRING_LEN}));
    if (!utf8.empty()) {
        append_shown_text(operators, utf8);
        operators += " Tj\012";
    }
    if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(operators.data()),
                          static_cast<HPDF_UINT>(operators.size())) == HPDF_OK)
        return true;
    HPDF_CheckError(page->error); // the document's handler hears of it, as from libharu's own
    return false;
}

} // namespace bp::pack

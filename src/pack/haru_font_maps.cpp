#include "pack/haru_font_maps.hpp"

#include <vector>

namespace bp::pack {

namespace {

constexpr const char* utf8 = "UTF-8";
constexpr char32_t last_mappable = 0xFFFE;       // the map's end is one past the last character
constexpr std::size_t most_lent = 255 * 256 - 1; // rows 1 to 255, the end marker included

// Entries of the encoder's code tables lent to the known characters, given back as found.
// Row 0 is left alone: the UTF-8 encoder keeps its decoding state there.
class LentCodes {
  public:
    explicit LentCodes(HPDF_CMapEncoderAttr tables) : tables_(tables) {}
    ~LentCodes() {
        for (const Entry& entry : entries_) {
            tables_->cid_map[entry.row][entry.column] = entry.cid;
            tables_->unicode_map[entry.row][entry.column] = entry.unicode;
        }
    }
    LentCodes(const LentCodes&) = delete;
    LentCodes& operator=(const LentCodes&) = delete;

    void map(HPDF_UINT16 cid, HPDF_UNICODE unicode) {
        int slot = static_cast<int>(entries_.size()) + 256;
        int row = slot / 256, column = slot % 256;
        entries_.push_back(
            {row, column, tables_->cid_map[row][column], tables_->unicode_map[row][column]});
        tables_->cid_map[row][column] = cid;
        tables_->unicode_map[row][column] = unicode;
    }

  private:
    struct Entry {
        int row, column;
        HPDF_UINT16 cid;
        HPDF_UNICODE unicode;
    };
    HPDF_CMapEncoderAttr tables_;
    std::vector<Entry> entries_;
};

// Sets an encoder's character look-up for as long as it lives.
class LentLookUp {
  public:
    LentLookUp(HPDF_Encoder encoder, HPDF_Encoder_ToUnicode_Func look_up)
        : encoder_(encoder), own_(encoder->to_unicode_fn) {
        encoder_->to_unicode_fn = look_up;
    }
    ~LentLookUp() { encoder_->to_unicode_fn = own_; }
    LentLookUp(const LentLookUp&) = delete;
    LentLookUp& operator=(const LentLookUp&) = delete;

  private:
    HPDF_Encoder encoder_;
    HPDF_Encoder_ToUnicode_Func own_;
};

} // namespace

HPDF_Font font_for_characters(HPDF_Doc document, const char* font_name,
                              const std::set<char32_t>& characters) {
    HPDF_Encoder encoder = HPDF_GetEncoder(document, utf8);
    bool beyond = !characters.empty() &&
                  (*characters.rbegin() > last_mappable || characters.size() > most_lent);
    if (!encoder || !encoder->attr || encoder->type != HPDF_ENCODER_TYPE_DOUBLE_BYTE || beyond)
        return HPDF_GetFont(document, font_name, utf8);
    LentCodes codes(static_cast<HPDF_CMapEncoderAttr>(encoder->attr));
    char32_t last = 0;
    for (char32_t c : characters) {
        if (c == 0)
            continue; // code 0 marks an unmapped entry
        codes.map(static_cast<HPDF_UINT16>(c), static_cast<HPDF_UNICODE>(c));
        last = c;
    }
    // libharu's maps stop short of the highest code mapped: one more, drawing nothing, so
    // that the last character is in them (and an empty set still yields a font).
    codes.map(static_cast<HPDF_UINT16>(last + 1), 0);
    LentLookUp look_up(encoder, HPDF_CMapEncoder_ToUnicode);
    return HPDF_GetFont(document, font_name, utf8);
}

} // namespace bp::pack

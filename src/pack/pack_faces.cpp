#include "pack/pack_faces.hpp"

#include <map>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <set>
#include <stdexcept>

namespace bp::pack {

namespace {

constexpr int style_count = layout::font_style_count;

// "/HPDFAA+NotoSans-Bold,Bold" -> "NotoSans-Bold": the face's PostScript name, without the
// subset's tag or the style libharu adds.
std::string face_name(QPDFObjectHandle font) {
    QPDFObjectHandle base = font.getKey("/BaseFont");
    if (!base.isName())
        return {};
    std::string name = base.getName().substr(1);
    std::size_t plus = name.find('+');
    if (plus != std::string::npos)
        name.erase(0, plus + 1);
    return name.substr(0, name.find(','));
}

// The descendant of a Type0 font set as libharu sets a pack's text: Identity-H, CIDs through
// a CIDToGIDMap stream to the glyphs of an embedded TrueType file.
QPDFObjectHandle text_font_descendant(QPDFObjectHandle font) {
    if (!font.isDictionary() || !font.getKey("/Subtype").isNameAndEquals("/Type0") ||
        !font.getKey("/Encoding").isNameAndEquals("/Identity-H"))
        return QPDFObjectHandle::newNull();
    QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
    if (!descendants.isArray() || descendants.getArrayNItems() != 1)
        return QPDFObjectHandle::newNull();
    QPDFObjectHandle descendant = descendants.getArrayItem(0);
    if (!descendant.isDictionary() || !descendant.getKey("/CIDToGIDMap").isStream() ||
        !descendant.getKey("/FontDescriptor").getKey("/FontFile2").isStream())
        return QPDFObjectHandle::newNull();
    return descendant;
}

// The pack's text fonts by face name, from its pages' resources; a name two fonts answer to
// is left out.
std::map<std::string, QPDFObjectHandle> text_fonts(QPDF& pack) {
    std::map<std::string, QPDFObjectHandle> fonts;
    std::set<std::string> ambiguous;
    for (auto& page : QPDFPageDocumentHelper(pack).getAllPages()) {
        QPDFObjectHandle on_page = page.getObjectHandle().getKey("/Resources").getKey("/Font");
        if (!on_page.isDictionary())
            continue;
        for (auto& [key, font] : on_page.ditems()) {
            if (text_font_descendant(font).isNull())
                continue;
            auto [at, added] = fonts.emplace(face_name(font), font);
            if (!added && at->second.getObjGen() != font.getObjGen())
                ambiguous.insert(at->first);
        }
    }
    for (const std::string& name : ambiguous)
        fonts.erase(name);
    return fonts;
}

// The CIDs the font gives widths for: its /W array, "c [w1 w2 ...]" or "first last w".
std::set<long long> cids_with_widths(QPDFObjectHandle descendant) {
    std::set<long long> cids;
    QPDFObjectHandle widths = descendant.getKey("/W");
    if (!widths.isArray())
        return cids;
    std::vector<QPDFObjectHandle> items = widths.getArrayAsVector();
    for (std::size_t i = 0; i + 1 < items.size();) {
        if (!items[i].isInteger())
            break;
        long long first = items[i].getIntValue();
        if (items[i + 1].isArray()) {
            for (int k = 0; k < items[i + 1].getArrayNItems(); ++k)
                cids.insert(first + k);
            i += 2;
        } else if (i + 2 < items.size() && items[i + 1].isInteger()) {
            long long last = items[i + 1].getIntValue();
            if (last - first > 0xFFFF) // no range of 16-bit CIDs is longer
                break;
            for (long long cid = first; cid <= last; ++cid)
                cids.insert(cid);
            i += 3;
        } else {
            break;
        }
    }
    return cids;
}

bool widths_cover(QPDFObjectHandle font, const std::set<char32_t>& characters) {
    std::set<long long> cids = cids_with_widths(text_font_descendant(font));
    for (char32_t c : characters)
        if (!cids.count(static_cast<long long>(c)))
            return false;
    return true;
}

// The face's file, decoded; empty when it cannot be (the contents then get faces of their own).
std::string face_file(QPDFObjectHandle font) {
    QPDFObjectHandle file =
        text_font_descendant(font).getKey("/FontDescriptor").getKey("/FontFile2");
    try {
        auto data = file.getStreamData(qpdf_dl_generalized);
        return {reinterpret_cast<const char*>(data->getBuffer()), data->getSize()};
    } catch (const std::exception&) {
        return {};
    }
}

// Every indirect object `object` is or holds, down to the leaves (a font's descendant, its
// descriptor, its file and maps).
void add_indirect_parts(QPDFObjectHandle object, std::set<QPDFObjGen>& parts) {
    if (object.isIndirect() && !parts.insert(object.getObjGen()).second)
        return;
    QPDFObjectHandle holder = object.isStream() ? object.getDict() : object;
    if (holder.isDictionary())
        for (auto& [key, value] : holder.ditems())
            add_indirect_parts(value, parts);
    else if (holder.isArray())
        for (auto& item : holder.aitems())
            add_indirect_parts(item, parts);
}

bool sends_text_elsewhere(const UsedGlyphs& glyphs) {
    for (const auto& page : glyphs.fallback_texts)
        if (!page.empty())
            return true;
    return !glyphs.bundled_pieces.empty();
}

} // namespace

std::optional<PackFaces> pack_faces_for(QPDF& pack, const UsedGlyphs& glyphs) {
    if (sends_text_elsewhere(glyphs))
        return std::nullopt;
    std::map<std::string, QPDFObjectHandle> fonts = text_fonts(pack);
    // A face is the pack's for every style set in it, or for none: libharu holds one font a
    // face name, so the pack's file and a cut of the same face cannot both be painted with.
    std::map<std::string, bool> covered;
    for (int style = 0; style < style_count; ++style) {
        if (glyphs.by_style[style].empty())
            continue;
        const std::string& name = glyphs.postscript_names[style];
        auto font = fonts.find(name);
        std::set<char32_t> painted = glyphs.by_style[style];
        painted.insert(U' '); // kept in every cut, and in every font's widths
        bool covers = font != fonts.end() && widths_cover(font->second, painted);
        auto at = covered.emplace(name, covers).first; // false once a style of it falls short
        at->second = at->second && covers;
    }
    PackFaces found;
    bool any = false;
    for (int style = 0; style < style_count; ++style) {
        auto at = covered.find(glyphs.postscript_names[style]);
        if (at == covered.end() || !at->second)
            continue;
        found.fonts[style] = fonts.at(at->first);
        found.file_of[style] = first_style_alike(style, [&](int a, int b) {
            return found.covers(a) && found.fonts[a].getObjGen() == found.fonts[b].getObjGen();
        });
        if (found.file_of[style] == style &&
            (found.files[style] = face_file(found.fonts[style])).empty())
            return std::nullopt;
        any = true;
    }
    if (!any)
        return std::nullopt;
    return found;
}

std::optional<FacesInMemory> faces_to_paint(const PackFaces& in_pack, const FontFaces& faces,
                                            const UsedGlyphs& glyphs, SubsetFonts& cut,
                                            std::string& error) {
    UsedGlyphs rest;
    bool any_rest = false;
    for (int style = 0; style < style_count; ++style)
        if (!in_pack.covers(style) && !glyphs.by_style[style].empty()) {
            rest.by_style[style] = glyphs.by_style[style];
            any_rest = true;
        }
    if (any_rest) {
        cut = faces.write_subsets(rest, error);
        if (!cut.written())
            return std::nullopt;
    }
    FacesInMemory chosen{};
    const std::string* stand_in = nullptr;
    for (int style = 0; style < style_count; ++style) {
        if (in_pack.covers(style))
            chosen[style] = &in_pack.files[in_pack.file_of[style]];
        else if (!glyphs.by_style[style].empty())
            chosen[style] = cut.faces()[style];
        if (!stand_in)
            stand_in = chosen[style];
    }
    for (auto& face : chosen) // a style nothing is painted in: any face loaded already
        if (!face)
            face = stand_in;
    return chosen;
}

bool take_off_fonts(QPDF& document, const std::vector<QPDFPageObjectHelper>& pages,
                    const PackFaces& in_pack, const UsedGlyphs& glyphs) {
    std::set<std::string> painted(std::begin(glyphs.postscript_names),
                                  std::end(glyphs.postscript_names));
    std::set<std::string> covered;
    for (int style = 0; style < style_count; ++style)
        if (in_pack.covers(style))
            covered.insert(glyphs.postscript_names[style]);
    struct Taken {
        QPDFObjectHandle on_page;
        std::string key, name;
    };
    std::vector<Taken> taken;
    for (const auto& page : pages) {
        QPDFObjectHandle object = page.getObjectHandle();
        QPDFObjectHandle on_page = object.getKey("/Resources").getKey("/Font");
        if (!on_page.isDictionary())
            continue;
        for (const std::string& key : on_page.getKeys()) {
            std::string name = face_name(on_page.getKey(key));
            if (!painted.count(name))
                return false;
            if (covered.count(name))
                taken.push_back({on_page, key, name});
        }
    }
    std::set<QPDFObjGen> parts;
    for (Taken& font : taken) {
        add_indirect_parts(font.on_page.getKey(font.key), parts);
        font.on_page.replaceKey(font.key, QPDFObjectHandle::newString(font.name));
    }
    for (const QPDFObjGen& part : parts)
        document.replaceObject(part, QPDFObjectHandle::newNull());
    return true;
}

void put_on_pack_fonts(QPDF& document, const PackFaces& in_pack, const UsedGlyphs& glyphs) {
    std::map<std::string, QPDFObjectHandle> by_name;
    for (int style = 0; style < style_count; ++style)
        if (in_pack.covers(style))
            by_name.emplace(glyphs.postscript_names[style], in_pack.fonts[style]);
    for (auto& page : QPDFPageDocumentHelper(document).getAllPages()) {
        QPDFObjectHandle on_page = page.getObjectHandle().getKey("/Resources").getKey("/Font");
        if (!on_page.isDictionary())
            continue;
        for (const std::string& key : on_page.getKeys()) {
            QPDFObjectHandle value = on_page.getKey(key);
            if (!value.isString())
                continue;
            auto font = by_name.find(value.getStringValue());
            if (font == by_name.end())
                throw std::runtime_error("no font of the pack's for " + value.getStringValue());
            on_page.replaceKey(key, font->second);
        }
    }
}

} // namespace bp::pack

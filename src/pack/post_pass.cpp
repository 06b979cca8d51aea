#include "pack/post_pass.hpp"

#include "chart/render.hpp"
#include "core/digest.hpp"
#include "core/filesystem.hpp"
#include "core/image_file.hpp"
#include "core/text.hpp"
#include "pack/fallback_fonts.hpp"
#include "pack/flate.hpp"
#include "pack/haru_fonts.hpp"
#include "pack/house_style.hpp"
#include "pack/page_extractor.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <qpdf/Pipeline.hh>
#include <qpdf/Pl_Count.hh>
#include <qpdf/Pl_Discard.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <stdexcept>
#include <string_view>

namespace bp::pack {

namespace {

// Where a written file's ID starts: "/ID [<" then two strings of 32 hex digits, "<…><…>]",
// in each trailer or cross-reference stream dictionary (a linearised file has two).
const std::string id_opening = "/ID [<";
constexpr std::size_t id_hex_digits = 32;

std::size_t id_length() {
    return id_opening.size() + 2 * id_hex_digits + 4; // "><" and ">]"
}

// Where the ID at `at` has its two strings; none unless it is "/ID [<…><…>]" with 32 hex
// digits in each.
std::optional<std::pair<std::size_t, std::size_t>> id_strings_at(const std::string& bytes,
                                                                 std::size_t at) {
    std::string_view id = std::string_view(bytes).substr(at, id_length());
    auto hex = [](std::string_view digits) {
        return std::all_of(digits.begin(), digits.end(), [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        });
    };
    std::size_t first = id_opening.size();
    std::size_t second = first + id_hex_digits + 2;
    if (id.size() != id_length() || !id.starts_with(id_opening) ||
        !hex(id.substr(first, id_hex_digits)) || id.substr(first + id_hex_digits, 2) != "><" ||
        !hex(id.substr(second, id_hex_digits)) || !id.ends_with(">]"))
        return std::nullopt;
    return std::pair{at + first, at + second};
}

std::string hex4(unsigned value) {
    char text[8];
    std::snprintf(text, sizeof text, "%04X", value & 0xFFFF);
    return text;
}

// The characters painted in the font the PDF names `base_font`: those of every style set in
// that face (a family without italics sets them in its upright face). Null when no style is.
std::optional<std::set<char32_t>> characters_of_font(const std::string& base_font,
                                                     const UsedGlyphs& glyphs) {
    // libharu names faces "HPDFAB+NotoSans-Bold,Bold": the subset tag and a style suffix
    // surround the PostScript name. The longest matching name is the face's own, as
    // "NotoSans-Bold" is also the start of "NotoSans-BoldItalic".
    std::size_t longest = 0;
    for (const std::string& name : glyphs.postscript_names)
        if (!name.empty() && name.size() > longest &&
            base_font.find("+" + name) != std::string::npos)
            longest = name.size();
    if (longest == 0)
        return std::nullopt;
    std::set<char32_t> characters;
    for (int style = 0; style < 4; ++style) {
        const std::string& name = glyphs.postscript_names[style];
        if (name.size() == longest && base_font.find("+" + name) != std::string::npos)
            characters.insert(glyphs.by_style[style].begin(), glyphs.by_style[style].end());
    }
    return characters;
}

QPDFObjectHandle dictionary_key(QPDFObjectHandle owner, const std::string& key) {
    QPDFObjectHandle value = owner.getKey(key);
    if (!value.isDictionary()) {
        value = QPDFObjectHandle::newDictionary();
        owner.replaceKey(key, value);
    }
    return value;
}

// Draws `form` into `rect` (PDF coordinates) on the page, over or under what is there.
void place_form(QPDF& pdf, QPDFPageObjectHelper& page, QPDFObjectHandle form,
                const QPDFObjectHandle::Rectangle& rect, bool underneath) {
    QPDFObjectHandle resources = dictionary_key(page.getObjectHandle(), "/Resources");
    QPDFObjectHandle xobjects = dictionary_key(resources, "/XObject");
    int suffix = 0;
    std::string name = resources.getUniqueResourceName("/Fx", suffix);
    xobjects.replaceKey(name, form);
    std::string content =
        "q\n" + page.placeFormXObject(form, name, rect, true, true, true) + "\nQ\n";
    page.addPageContents(QPDFObjectHandle::newStream(&pdf, content), underneath);
}

QPDFObjectHandle::Rectangle pdf_rect(double page_height, double x, double y, double width,
                                     double height) {
    return {x, page_height - y - height, x + width, page_height - y};
}

QPDFObjectHandle foreign_form(QPDF& pdf, QPDF& source, int page_index) {
    auto pages = QPDFPageDocumentHelper(source).getAllPages();
    if (page_index < 0 || page_index >= static_cast<int>(pages.size()))
        throw std::runtime_error("page " + std::to_string(page_index + 1) + " is missing");
    return pdf.copyForeignObject(pages[page_index].getFormXObjectForPage());
}

// Every chart the painter did not draw (UsedGlyphs::chart_drawings) is drawn by Cairo into one
// PDF, a page each, so the chart faces are embedded once for the pack rather than once per
// chart; each page is then placed as a form.
void place_charts(QPDF& pdf, std::vector<QPDFPageObjectHelper>& pages, const ComposedPack& pack,
                  const UsedGlyphs& glyphs, ForeignSources& sources) {
    auto painted = [&glyphs](std::size_t page, std::size_t k) {
        return page < glyphs.chart_drawings.size() && k < glyphs.chart_drawings[page].size() &&
               glyphs.chart_drawings[page][k].has_value();
    };
    struct Placed {
        std::size_t page;
        const layout::ChartPlacement* placement;
    };
    std::vector<Placed> placed;
    std::vector<chart::PdfChart> charts;
    for (std::size_t i = 0; i < pages.size() && i < pack.pages.size(); ++i) {
        const ComposedPage& composed = pack.pages[i];
        if (!composed.chart_specs)
            continue;
        for (std::size_t k = 0; k < composed.page.charts.size(); ++k) {
            const layout::ChartPlacement& placement = composed.page.charts[k];
            const data::ChartSpec* spec = placed_chart(composed, placement);
            if (!spec || painted(i, k))
                continue;
            charts.push_back({spec, placed_chart_style(*spec, placement, pack.chart_fonts)});
            placed.push_back({i, &placement});
        }
    }
    if (charts.empty())
        return;
    QPDF& drawn = sources.open_memory(chart::render_pdf_pages(charts), "charts.pdf");
    auto drawn_pages = QPDFPageDocumentHelper(drawn).getAllPages();
    if (drawn_pages.size() != placed.size())
        throw std::runtime_error("the charts' PDF has " + std::to_string(drawn_pages.size()) +
                                 " pages for " + std::to_string(placed.size()) + " charts");
    for (std::size_t k = 0; k < placed.size(); ++k) {
        const layout::ChartPlacement& at = *placed[k].placement;
        const layout::Page& frame = pack.pages[placed[k].page].page;
        place_form(pdf, pages[placed[k].page],
                   pdf.copyForeignObject(drawn_pages[k].getFormXObjectForPage()),
                   pdf_rect(frame.height, at.x, at.y, at.width, at.height), false);
    }
}

std::string read_file(const std::string& native_path) {
    return read_regular_file(native_path).value_or("");
}

// SVG images are drawn by librsvg into a PDF page of their placed size and placed as vectors;
// painted PNG and JPEG images are already on the page.
void place_svg_images(QPDF& pdf, QPDFPageObjectHelper& page, const ComposedPage& composed,
                      ForeignSources& sources) {
    for (const auto& placement : composed.page.images) {
        std::string bytes = read_file(placement.native_path);
        std::string error;
        auto header = read_image_header(bytes, error);
        if (!header || header->format != ImageFormat::svg)
            continue;
        std::string drawing = svg_as_pdf(bytes, placement.width, placement.height);
        if (drawing.empty())
            continue;
        QPDF& source = sources.open_memory(std::move(drawing), placement.native_path);
        place_form(pdf, page, foreign_form(pdf, source, 0),
                   pdf_rect(composed.page.height, placement.x, placement.y, placement.width,
                            placement.height),
                   false);
    }
}

void place_fallback_texts(QPDF& pdf, QPDFPageObjectHelper& page, const layout::Page& frame,
                          const std::vector<FallbackText>& texts, ForeignSources& sources) {
    std::string drawing = draw_fallback_texts(texts, frame.width, frame.height);
    if (drawing.empty())
        return;
    QPDF& source = sources.open_memory(std::move(drawing), "text.pdf");
    place_form(pdf, page, foreign_form(pdf, source, 0),
               pdf_rect(frame.height, 0, 0, frame.width, frame.height), false);
}

// The appendix page sits inside the band between the stamp and the footer.
void place_appendix(QPDF& pdf, QPDFPageObjectHelper& page, const ComposedPage& composed,
                    ForeignSources& sources, std::map<std::string, QPDF*>& opened) {
    const AppendixPageRef& ref = composed.appendix;
    if (ref.native_path.empty())
        return;
    QPDF*& source = opened[ref.native_path];
    if (!source)
        source = &sources.open_file(ref.native_path);
    const layout::Page& frame = composed.page;
    place_form(pdf, page, foreign_form(pdf, *source, ref.page_index),
               pdf_rect(frame.height, 20, 58, frame.width - 40, frame.height - 58 - 54), true);
}

struct OutlineRun {
    QPDFObjectHandle first, last;
    int count = 0;
};

OutlineRun add_outline_level(QPDF& pdf, QPDFObjectHandle parent,
                             const std::vector<OutlineEntry>& entries,
                             std::vector<QPDFPageObjectHelper>& pages) {
    OutlineRun run;
    QPDFObjectHandle previous;
    for (const OutlineEntry& entry : entries) {
        if (entry.page < 0 || entry.page >= static_cast<int>(pages.size()))
            continue;
        QPDFObjectHandle item = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(entry.title));
        item.replaceKey("/Parent", parent);
        QPDFObjectHandle page = pages[entry.page].getObjectHandle();
        double height = pages[entry.page].getMediaBox().getArrayAsRectangle().ury;
        double top = entry.y > 0 ? height - entry.y + 12 : height;
        // Built as objects, not parsed from text: a pack has a bookmark for every item.
        item.replaceKey(
            "/Dest",
            QPDFObjectHandle::newArray(
                {page, QPDFObjectHandle::newName("/XYZ"), QPDFObjectHandle::newNull(),
                 QPDFObjectHandle::newReal(short_decimal(top, 2)), QPDFObjectHandle::newNull()}));
        OutlineRun children = add_outline_level(pdf, item, entry.children, pages);
        if (children.count > 0) {
            item.replaceKey("/First", children.first);
            item.replaceKey("/Last", children.last);
            item.replaceKey("/Count", QPDFObjectHandle::newInteger(-children.count));
        }
        if (previous.isInitialized()) {
            previous.replaceKey("/Next", item);
            item.replaceKey("/Prev", previous);
        } else {
            run.first = item;
        }
        previous = item;
        run.last = item;
        ++run.count;
    }
    return run;
}

// What the writer compresses itself (object streams) goes through zlib at its fastest level:
// the default level cost a third of the build time for a tenth fewer bytes. qpdf's level is
// one setting for the process.
void use_deflate_level() {
    static std::once_flag set;
    std::call_once(set, [] { Pl_Flate::setCompressionLevel(1); });
}

std::string pdf_date(const std::string& iso) {
    std::string digits;
    for (char c : iso)
        if (c >= '0' && c <= '9')
            digits.push_back(c);
    if (digits.size() != 8)
        digits = "19700101";
    return "D:" + digits + "000000Z";
}

} // namespace

QPDF& ForeignSources::open_memory(std::string data, const std::string& name) {
    bytes.push_back(std::make_unique<std::string>(std::move(data)));
    documents.push_back(std::make_unique<QPDF>());
    QPDF& document = *documents.back();
    document.setSuppressWarnings(true);
    document.processMemoryFile(name.c_str(), bytes.back()->data(), bytes.back()->size());
    return document;
}

QPDF& ForeignSources::open_file(const std::string& path) {
    documents.push_back(std::make_unique<QPDF>());
    QPDF& document = *documents.back();
    document.setSuppressWarnings(true);
    document.processFile(path.c_str());
    return document;
}

std::string to_unicode_cmap(const std::set<char32_t>& code_points) {
    std::string cmap = "/CIDInit /ProcSet findresource begin\n"
                       "12 dict begin\n"
                       "begincmap\n"
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                       "/CMapName /Adobe-Identity-UCS def\n"
                       "/CMapType 2 def\n"
                       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<char32_t> codes;
    for (char32_t c : code_points)
        if (c <= 0xFFFF && !(c >= 0xD800 && c <= 0xDFFF))
            codes.push_back(c);
    for (std::size_t start = 0; start < codes.size(); start += 100) {
        std::size_t end = std::min(codes.size(), start + 100);
        cmap += std::to_string(end - start) + " beginbfchar\n";
        for (std::size_t i = start; i < end; ++i)
            cmap += "<" + hex4(codes[i]) + "> <" + hex4(codes[i]) + ">\n";
        cmap += "endbfchar\n";
    }
    cmap += "endcmap\n"
            "CMapName currentdict /CMap defineresource pop\n"
            "end\n"
            "end\n";
    return cmap;
}

void trim_cid_to_gid_map(QPDFObjectHandle type0_font, const std::set<char32_t>& characters) {
    QPDFObjectHandle descendants = type0_font.getKey("/DescendantFonts");
    if (!descendants.isArray() || descendants.getArrayNItems() == 0)
        return;
    QPDFObjectHandle map = descendants.getArrayItem(0).getKey("/CIDToGIDMap");
    if (!map.isStream() || map.getDict().hasKey("/Filter"))
        return;
    char32_t last = 0; // the text is set in CIDs that are its code points, all within 16 bits
    for (char32_t c : characters)
        if (c <= 0xFFFF)
            last = std::max(last, c);
    auto entries = map.getRawStreamData();
    std::size_t needed = 2 * (static_cast<std::size_t>(last) + 1);
    if (entries->getSize() <= needed)
        return;
    map.replaceStreamData(std::string(reinterpret_cast<const char*>(entries->getBuffer()), needed),
                          QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull());
}

void repair_font_maps(QPDF& pdf, const UsedGlyphs& glyphs) {
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (!object.isDictionary() || !object.getKey("/Type").isNameAndEquals("/Font") ||
            !object.getKey("/Subtype").isNameAndEquals("/Type0"))
            continue;
        QPDFObjectHandle to_unicode = object.getKey("/ToUnicode");
        QPDFObjectHandle base_font = object.getKey("/BaseFont");
        if (!to_unicode.isStream() || !base_font.isName())
            continue;
        auto characters = characters_of_font(base_font.getName(), glyphs);
        if (!characters)
            continue;
        to_unicode.replaceStreamData(to_unicode_cmap(*characters), QPDFObjectHandle::newNull(),
                                     QPDFObjectHandle::newNull());
        trim_cid_to_gid_map(object, *characters);
    }
}

void simplify_flate_filters(QPDF& pdf) {
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (!object.isStream())
            continue;
        QPDFObjectHandle dictionary = object.getDict();
        QPDFObjectHandle filter = dictionary.getKey("/Filter");
        if (filter.isArray() && filter.getArrayNItems() == 1 &&
            filter.getArrayItem(0).isNameAndEquals("/FlateDecode"))
            dictionary.replaceKey("/Filter", QPDFObjectHandle::newName("/FlateDecode"));
    }
}

void compress_plain_streams(QPDF& pdf) {
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (!object.isStream() || object.getDict().hasKey("/Filter"))
            continue;
        auto plain = object.getRawStreamData();
        object.replaceStreamData(
            flate_compress({reinterpret_cast<const char*>(plain->getBuffer()), plain->getSize()}),
            QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
    }
}

void place_foreign_content(QPDF& pdf, const ComposedPack& pack, const UsedGlyphs& glyphs,
                           ForeignSources& sources) {
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    place_charts(pdf, pages, pack, glyphs, sources);
    std::map<std::string, QPDF*> opened;
    for (std::size_t i = 0; i < pages.size() && i < pack.pages.size(); ++i) {
        place_appendix(pdf, pages[i], pack.pages[i], sources, opened);
        place_svg_images(pdf, pages[i], pack.pages[i], sources);
        if (i < glyphs.fallback_texts.size())
            place_fallback_texts(pdf, pages[i], pack.pages[i].page, glyphs.fallback_texts[i],
                                 sources);
    }
}

void write_outline(QPDF& pdf, const std::vector<OutlineEntry>& entries) {
    if (entries.empty())
        return;
    auto pages = QPDFPageDocumentHelper(pdf).getAllPages();
    QPDFObjectHandle root = pdf.getRoot();
    QPDFObjectHandle outlines =
        pdf.makeIndirectObject(QPDFObjectHandle::parse("<< /Type /Outlines >>"));
    OutlineRun run = add_outline_level(pdf, outlines, entries, pages);
    if (run.count == 0)
        return;
    outlines.replaceKey("/First", run.first);
    outlines.replaceKey("/Last", run.last);
    outlines.replaceKey("/Count", QPDFObjectHandle::newInteger(run.count));
    root.replaceKey("/Outlines", outlines);
    root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
}

void write_page_labels(QPDF& pdf, const std::vector<PageLabelRange>& ranges) {
    if (ranges.empty())
        return;
    QPDFObjectHandle numbers = QPDFObjectHandle::newArray();
    for (const PageLabelRange& range : ranges) {
        QPDFObjectHandle label = QPDFObjectHandle::newDictionary();
        if (range.numbered) {
            label.replaceKey("/S", QPDFObjectHandle::newName("/D"));
            if (range.first_number != 1)
                label.replaceKey("/St", QPDFObjectHandle::newInteger(range.first_number));
        }
        if (!range.prefix.empty())
            label.replaceKey("/P", QPDFObjectHandle::newUnicodeString(range.prefix));
        numbers.appendItem(QPDFObjectHandle::newInteger(range.first_page));
        numbers.appendItem(label);
    }
    QPDFObjectHandle labels = QPDFObjectHandle::newDictionary();
    labels.replaceKey("/Nums", numbers);
    pdf.getRoot().replaceKey("/PageLabels", labels);
}

void write_info(QPDF& pdf, const DocumentInfo& info) {
    QPDFObjectHandle dictionary = QPDFObjectHandle::newDictionary();
    auto text = [&](const char* key, const std::string& value) {
        if (!value.empty())
            dictionary.replaceKey(key, QPDFObjectHandle::newUnicodeString(value));
    };
    text("/Title", info.title);
    text("/Author", info.author);
    text("/Subject", info.subject);
    text("/Keywords", info.keywords);
    text("/Creator", "boardpack");
    text("/Producer", "boardpack (libharu, qpdf)");
    dictionary.replaceKey("/CreationDate", QPDFObjectHandle::newString(pdf_date(info.date_iso)));
    dictionary.replaceKey("/ModDate", QPDFObjectHandle::newString(pdf_date(info.date_iso)));
    pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(dictionary));
    if (!pdf.getRoot().hasKey("/ViewerPreferences"))
        pdf.getRoot().replaceKey("/ViewerPreferences",
                                 QPDFObjectHandle::parse("<< /DisplayDocTitle true >>"));
}

void stamp_content_id(std::string& pdf) {
    // The last ID is in the file's last dictionary, after every stream whose data could hold
    // the same characters: its second string is the writer's placeholder.
    std::optional<std::pair<std::size_t, std::size_t>> last;
    for (std::size_t at = pdf.rfind(id_opening); at != std::string::npos;
         at = at == 0 ? std::string::npos : pdf.rfind(id_opening, at - 1))
        if ((last = id_strings_at(pdf, at)))
            break;
    if (!last)
        throw std::runtime_error("the PDF as written has no document ID where one belongs");
    std::string placeholder = pdf.substr(last->second, id_hex_digits);
    std::vector<std::pair<std::size_t, std::size_t>> ids{*last};
    // A linearised file has its first page's cross-reference stream, and an ID, before any
    // page's content; the rest of the file is not searched (a PDF is full of slashes).
    if (pdf.substr(0, 1024).find("/Linearized") != std::string::npos) {
        std::size_t at = pdf.find(id_opening);
        auto first = at < last->first ? id_strings_at(pdf, at) : std::nullopt;
        if (first && pdf.compare(first->second, id_hex_digits, placeholder) == 0)
            ids.push_back(*first);
    }
    std::string id = damage_check_hex(pdf); // id_hex_digits long
    for (const auto& [first, second] : ids) {
        // A document cut from one that had an ID keeps that ID's first string, as the
        // standard asks of a changed document; a new one gets the digest in both.
        if (pdf.compare(first, id_hex_digits, placeholder) == 0)
            pdf.replace(first, id_hex_digits, id);
        pdf.replace(second, id_hex_digits, id);
    }
}

namespace {

// The writer's output appended straight to a string. qpdf's own memory output gathers the
// file in a buffer and hands back a copy of it, which the caller copied once more: three
// copies of every byte of every pack, report PDF and archive written.
class StringOutput : public Pipeline {
  public:
    explicit StringOutput(std::string& bytes) : Pipeline("pdf bytes", nullptr), bytes_(bytes) {}
    void write(unsigned char const* data, std::size_t length) override {
        bytes_.append(reinterpret_cast<const char*>(data), length);
    }
    void finish() override {}

  private:
    std::string& bytes_;
};

// The document's bytes, its ID still qpdf's placeholder (see stamp_content_id).
std::string write_unstamped(QPDF& pdf, bool linearise, bool object_streams) {
    use_deflate_level();
    std::string bytes;
    StringOutput output(bytes);
    QPDFWriter writer(pdf);
    writer.setOutputPipeline(&output);
    // A placeholder, replaced once the file is whole by a digest of it (see stamp_content_id).
    writer.setStaticID(true);
    // Charts bring transparency (PDF 1.4), packs object streams (1.5); an extract cut from a
    // pack before it is written would otherwise keep the 1.3 of libharu's header.
    writer.setMinimumPDFVersion("1.5");
    writer.setLinearization(linearise);
    writer.setCompressStreams(true);
    writer.setObjectStreamMode(object_streams ? qpdf_o_generate : qpdf_o_disable);
    writer.write();
    return bytes;
}

} // namespace

std::string write_pdf(QPDF& pdf, bool linearise, bool object_streams) {
    std::string bytes = write_unstamped(pdf, linearise, object_streams);
    stamp_content_id(bytes);
    return bytes;
}

std::string linearised_copy(const std::string& plain, bool object_streams) {
    QPDF whole;
    whole.setSuppressWarnings(true);
    whole.processMemoryFile("plain.pdf", plain.data(), plain.size());
    return write_pdf(whole, true, object_streams);
}

std::size_t stream_bytes(QPDF& pdf) {
    std::size_t bytes = 0;
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (!object.isStream())
            continue;
        Pl_Discard discard;
        Pl_Count count("stream bytes", &discard);
        object.pipeStreamData(&count, 0, qpdf_dl_none, false, false);
        bytes += static_cast<std::size_t>(count.getCount());
    }
    return bytes;
}

std::string write_for_web(QPDF& pdf, bool linearise, std::size_t linearise_above,
                          bool object_streams) {
    // The streams alone are larger than the limit: the file will be, so it is written
    // linearised at once; a file the streams leave in doubt is written plain first.
    if (linearise && stream_bytes(pdf) > linearise_above)
        return write_pdf(pdf, true, object_streams);
    std::string plain = write_unstamped(pdf, false, object_streams);
    if (linearise && plain.size() > linearise_above)
        return linearised_copy(plain, object_streams); // still a new document: both IDs its own
    stamp_content_id(plain);
    return plain;
}

std::vector<PageLabelRange> label_ranges(const std::vector<int>& numbers) {
    if (numbers.empty())
        return {{0, "", true, 1}};
    std::vector<PageLabelRange> ranges;
    for (std::size_t i = 0; i < numbers.size(); ++i)
        if (i == 0 || numbers[i] != numbers[i - 1] + 1)
            ranges.push_back({static_cast<int>(i), "", true, numbers[i]});
    return ranges;
}

std::string finish_pdf(const std::string& painted, const ComposedPack& pack,
                       const UsedGlyphs& glyphs, std::string& error,
                       const std::function<void(PageExtractor&)>& cut) {
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("pack.pdf", painted.data(), painted.size());
        ForeignSources sources;
        repair_font_maps(pdf, glyphs);
        simplify_flate_filters(pdf);
        place_foreign_content(pdf, pack, glyphs, sources);
        compress_plain_streams(pdf);
        write_outline(pdf, pack.outline);
        write_page_labels(pdf, label_ranges(pack.page_numbers));
        write_info(pdf, pack.info);
        if (cut) {
            PageExtractor extractor(pdf, pack.linearise, pack.linearise_above);
            cut(extractor);
        }
        return write_for_web(pdf, pack.linearise, pack.linearise_above);
    } catch (const std::exception& failure) {
        error = failure.what();
        return {};
    }
}

} // namespace bp::pack

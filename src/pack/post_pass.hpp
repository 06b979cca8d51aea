#pragma once
// The qpdf pass over libharu's output: correct ToUnicode maps, charts and appendix pages
// placed as vector forms, bookmarks, page labels, metadata, and a linearised file whose bytes
// repeat from run to run.
#include "pack/composed_pack.hpp"

#include <functional>
#include <memory>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <string>
#include <vector>

namespace bp::pack {

// Keeps the PDFs that forms and pages were copied from alive until the output is written.
struct ForeignSources {
    std::vector<std::unique_ptr<std::string>> bytes;
    std::vector<std::unique_ptr<QPDF>> documents;
    QPDF& open_memory(std::string data, const std::string& name);
    QPDF& open_file(const std::string& path);
};

struct PageLabelRange {
    int first_page = 0;   // 0-based index where the range starts
    std::string prefix;   // shown before the number
    bool numbered = true; // decimal numbers; otherwise the prefix alone
    int first_number = 1;
};

// Rewrites the ToUnicode map of each embedded face from the characters painted, and cuts its
// CIDToGIDMap after the last of them. libharu maps every 16-bit code point (131 KB a face, a
// look-up for each) whatever was painted; the entries past the last character painted are
// never read, and compressing them cost half the time spent compressing a pack.
void repair_font_maps(QPDF& pdf, const UsedGlyphs& glyphs);
// libharu writes "/Filter [/FlateDecode]", which qpdf does not recognise as already
// compressed: it would inflate and deflate every such stream on each pass of the writer.
void simplify_flate_filters(QPDF& pdf);
// Deflates every stream that has no filter, once (flate.hpp). libharu would deflate at zlib's
// default level (it has no setting), and the linearising writer compresses a plain stream in
// each of its two passes; a stream compressed here is copied through by the writer, and by
// every extract and archive pack made from this one.
void compress_plain_streams(QPDF& pdf);
// Places charts and appendix pages on the pages libharu painted. Throws on unreadable input.
// Text in fonts other than the bundled faces (`glyphs.fallback_texts`) is drawn over its page.
void place_foreign_content(QPDF& pdf, const ComposedPack& pack, const UsedGlyphs& glyphs,
                           ForeignSources& sources);
void write_outline(QPDF& pdf, const std::vector<OutlineEntry>& entries);
void write_page_labels(QPDF& pdf, const std::vector<PageLabelRange>& ranges);
void write_info(QPDF& pdf, const DocumentInfo& info);
// The document's bytes, repeatable from run to run. Linearised ("fast web view") when asked:
// a browser can then show the first pages before the rest has arrived, at the price of a
// second pass over the whole file (see bench/README.md for what that costs). Object streams
// pack the small objects together, compressed: about 5 % fewer bytes, at the price of
// writing each object twice.
std::string write_pdf(QPDF& pdf, bool linearise, bool object_streams = true);
// A PDF written plain, written again linearised (from its own bytes, as qpdf reads them). Its
// ID's first string stays the plain file's: a new document for a file with the placeholder.
std::string linearised_copy(const std::string& plain, bool object_streams);
// The document's bytes as the site serves them: linearised when `linearise` is set and the
// file is larger than `linearise_above` bytes (fast_web_view_bytes in pack.hpp), else plain.
// One write either way, unless the file's size is in doubt: its streams' bytes (a pass over
// them without decoding) short of the limit, the file itself over it, when a linearised copy
// of the plain file follows.
std::string write_for_web(QPDF& pdf, bool linearise, std::size_t linearise_above,
                          bool object_streams = true);
// The bytes of the document's streams as they stand (compressed ones compressed), read
// without decoding: less than the file they are written in.
std::size_t stream_bytes(QPDF& pdf);
// Replaces the placeholder ID a file was written with by a 128-bit hash (XXH3, 32 hex digits)
// of its bytes as written: the ID is made from the content, as the PDF standard asks, and the
// same content gives the same bytes. An ID names a file for readers that match one copy with
// another; nothing asks it to resist a file made to match it, so it is no cryptographic
// digest (SHA-256 here cost 2 % of a whole build's CPU, the XXH3 a tenth of that; qpdf's
// deterministic ID is MD5 in software, 7 % of a pack's). A file cut from one that had an ID
// keeps that ID's first string. Throws when the file has no ID.
void stamp_content_id(std::string& pdf);

// Page label ranges for pages numbered `numbers` (one per page): a new range wherever the
// numbers jump. Empty `numbers` give 1, 2, 3 ….
std::vector<PageLabelRange> label_ranges(const std::vector<int>& numbers);

class PageExtractor;

// The whole pass for a pack that libharu painted, linearised when `pack.linearise` says so
// and it is larger than `pack.linearise_above`.
// Returns empty bytes and sets `error` when qpdf rejects something. `cut`, when given, is
// handed the finished pack just before it is written, to cut its extracts (the agenda, the
// reports) from it without reading the written pack again.
std::string finish_pdf(const std::string& painted, const ComposedPack& pack,
                       const UsedGlyphs& glyphs, std::string& error,
                       const std::function<void(PageExtractor&)>& cut = {});

// A well-formed ToUnicode CMap for a font whose character codes are Unicode code points.
std::string to_unicode_cmap(const std::set<char32_t>& code_points);

} // namespace bp::pack

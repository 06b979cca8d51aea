#pragma once
// A pack as a list of finished pages, before it becomes a PDF: what libharu paints, what the
// qpdf pass places on top (charts) or underneath (appendix pages), and the navigation.
#include "data/chart_spec.hpp"
#include "layout/page.hpp"

#include <set>
#include <string>
#include <vector>

namespace bp::pack {

// A page of an external PDF shown underneath the pack's own stamp and footer.
struct AppendixPageRef {
    std::string native_path;
    int page_index = -1; // 0-based page in that file
};

// A link from a rectangle on one pack page to the top of another (0-based indexes).
struct PageLink {
    double x = 0, y = 0, width = 0, height = 0; // layout coordinates (from the top-left)
    int target_page = 0;
};

struct ComposedPage {
    layout::Page page;
    const std::vector<data::ChartSpec>* chart_specs = nullptr;
    AppendixPageRef appendix;
    std::vector<PageLink> links;
};

// A bookmark; children nest beneath it.
struct OutlineEntry {
    std::string title;
    int page = 0; // 0-based
    double y = 0; // layout coordinate of the target on that page
    std::vector<OutlineEntry> children;
};

struct DocumentInfo {
    std::string title;
    std::string author;
    std::string subject;
    std::string keywords;
    std::string date_iso; // creation and modification date, from the meeting (YYYY-MM-DD)
};

struct ComposedPack {
    std::vector<ComposedPage> pages;
    std::vector<OutlineEntry> outline;
    DocumentInfo info;
};

// Code points painted in each of the four faces; the ToUnicode maps are written from these.
struct UsedGlyphs {
    std::set<char32_t> by_style[4];
};

} // namespace bp::pack

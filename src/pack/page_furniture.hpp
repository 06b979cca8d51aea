#pragma once
// What every pack page carries besides its content: the running footer, the "Agenda Item N"
// stamp, protective markings, and the sentence on blank left-hand pages.
#include "layout/page.hpp"
#include "pack/sheet_writer.hpp"

#include <string>

namespace bp::pack {

extern const char* const blank_page_sentence; // "This page is intentionally left blank"

struct FooterText {
    std::string board; // short name
    std::string date;  // "12 September 2017"
};

void add_footer(layout::Page& page, const layout::TextMeasurer& measurer, const Margins& margins,
                const FooterText& footer, int page_number, bool backed);
void add_item_stamp(layout::Page& page, const layout::TextMeasurer& measurer,
                    const Margins& margins, const std::string& label, int page_number);
void add_protective_marking(layout::Page& page, const layout::TextMeasurer& measurer,
                            const std::string& marking);
// "Appendix 1: title" under the item stamp of an appendix's pages, shortened to fit.
void add_appendix_label(layout::Page& page, const layout::TextMeasurer& measurer,
                        const Margins& margins, const std::string& label, int page_number);
// A line at the head and the foot of a page of restricted material in the members' edition:
// "NOT FOR PUBLICATION by virtue of paragraph 3 …". `backed` puts it on a white panel, for
// pages imported from another PDF.
void add_restriction_lines(layout::Page& page, const layout::TextMeasurer& measurer,
                           const Margins& margins, const std::string& line, int page_number,
                           bool backed);
// The band across the top of the members' edition's cover.
void add_members_banner(layout::Page& page, const layout::TextMeasurer& measurer,
                        const Margins& margins, const std::string& text);
// The one page the public edition prints in place of withheld pages: which item, which pages
// of the members' pack, and why.
layout::Page withheld_page(const layout::TextMeasurer& measurer, double width, double height,
                           const Margins& margins, const std::string& item_heading,
                           const std::string& pages, const std::string& ground, int page_number);
layout::Page blank_page(const layout::TextMeasurer& measurer, double width, double height);

} // namespace bp::pack

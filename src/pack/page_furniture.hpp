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
layout::Page blank_page(const layout::TextMeasurer& measurer, double width, double height);

} // namespace bp::pack

#pragma once
// A PDF per report: each agenda item's pages cut from the finished meeting pack, so the reader
// who wants one report downloads only that, with the pack's stamps and page numbers as they are.
#include "pack/composed_pack.hpp"
#include "pack/pack_plan.hpp"
#include "pack/page_extractor.hpp"

#include <string>
#include <vector>

namespace bp::pack {

struct ReportPdf {
    std::string item_number;
    std::string file_name; // "pack-item-7.pdf" ("pack-members-item-7.pdf"), beside the pack
    std::string pdf;
    int pages = 0;
};

// "pack-item-5a.pdf"; "pack-members-item-5a.pdf" in the members' edition
std::string report_pdf_name(const std::string& item_number,
                            content::Audience audience = content::Audience::public_audience);

// One PDF per item that has papers and pages in the pack, cut by `extractor` from the
// finished pack. `info` is the pack's; each report's title names its item.
std::vector<ReportPdf> report_pdfs(PageExtractor& extractor, const PackPlan& plan,
                                   const DocumentInfo& info, content::Audience audience,
                                   std::string& error);

} // namespace bp::pack

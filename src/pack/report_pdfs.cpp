#include "pack/report_pdfs.hpp"

#include "core/text.hpp"

#include <algorithm>

namespace bp::pack {

std::string report_pdf_name(const std::string& item_number, content::Audience audience) {
    std::string edition = audience == content::Audience::members ? "members-" : "";
    return "pack-" + edition + "item-" + slugify(item_number) + ".pdf";
}

std::vector<ReportPdf> report_pdfs(PageExtractor& extractor, const PackPlan& plan,
                                   const DocumentInfo& info, content::Audience audience,
                                   std::string& error) {
    std::vector<ReportPdf> reports;
    for (const ItemPlan& row : plan.items) {
        // A withheld item has no report of its own: its one page says so in the pack.
        bool printed = std::any_of(row.papers.begin(), row.papers.end(),
                                   [](const PaperPages& paper) { return !paper.withheld(); });
        if (!printed || row.first_sheet <= 0 || row.last_sheet < row.first_sheet)
            continue;
        std::string title = "Item " + row.item->number + ": " + row.item->title;
        DocumentInfo report_info = info;
        report_info.title = info.title + " \xE2\x80\x93 " + title;
        std::string pdf = extractor.extract(row.first_sheet, row.last_sheet, {{title, 0, 0, {}}},
                                            report_info, error, row.first_page);
        if (pdf.empty())
            return {};
        reports.push_back({row.item->number, report_pdf_name(row.item->number, audience),
                           std::move(pdf), row.last_sheet - row.first_sheet + 1});
    }
    return reports;
}

} // namespace bp::pack

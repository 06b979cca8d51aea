#include "pack/report_pdfs.hpp"

#include "core/text.hpp"
#include "pack/post_pass.hpp"

#include <exception>
#include <optional>

namespace bp::pack {

std::string report_pdf_name(const std::string& item_number) {
    return "pack-item-" + slugify(item_number) + ".pdf";
}

std::vector<ReportPdf> report_pdfs(const std::string& finished, const PackPlan& plan,
                                   const DocumentInfo& info, std::string& error) {
    std::vector<ReportPdf> reports;
    std::optional<PageExtractor> extractor; // the pack is read once, for the first report
    for (const ItemPlan& row : plan.items) {
        if (row.papers.empty() || row.first_page <= 0 || row.last_page < row.first_page)
            continue;
        std::string title = "Item " + row.item->number + ": " + row.item->title;
        DocumentInfo report_info = info;
        report_info.title = info.title + " \xE2\x80\x93 " + title;
        try {
            if (!extractor)
                extractor.emplace(finished);
        } catch (const std::exception& failure) {
            error = failure.what();
            return {};
        }
        std::string pdf = extractor->extract(row.first_page, row.last_page, {{title, 0, 0, {}}},
                                             report_info, error);
        if (pdf.empty())
            return {};
        reports.push_back({row.item->number, report_pdf_name(row.item->number), std::move(pdf),
                           row.last_page - row.first_page + 1});
    }
    return reports;
}

} // namespace bp::pack

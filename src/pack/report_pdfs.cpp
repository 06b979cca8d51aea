#include "pack/report_pdfs.hpp"

#include "core/text.hpp"
#include "pack/post_pass.hpp"

#include <qpdf/QPDFPageDocumentHelper.hh>

namespace bp::pack {

std::string report_pdf_name(const std::string& item_number) {
    return "pack-item-" + slugify(item_number) + ".pdf";
}

std::string extract_pages(const std::string& finished, int first, int last,
                          const std::vector<OutlineEntry>& outline, const DocumentInfo& info,
                          std::string& error) {
    try {
        QPDF source;
        source.setSuppressWarnings(true);
        source.processMemoryFile("pack.pdf", finished.data(), finished.size());
        QPDF extract;
        extract.emptyPDF();
        QPDFPageDocumentHelper pages(extract);
        auto source_pages = QPDFPageDocumentHelper(source).getAllPages();
        int count = static_cast<int>(source_pages.size());
        if (first < 1 || last < first || last > count) {
            error = "pages " + std::to_string(first) + "-" + std::to_string(last) +
                    " are outside the pack's " + std::to_string(count) + " pages";
            return {};
        }
        for (int i = first - 1; i < last; ++i) {
            source_pages[i].getObjectHandle().removeKey("/Annots");
            pages.addPage(source_pages[i], false);
        }
        write_outline(extract, outline);
        write_page_labels(extract, {{0, "", true, first}});
        write_info(extract, info);
        return write_linearised(extract);
    } catch (const std::exception& failure) {
        error = failure.what();
        return {};
    }
}

std::vector<ReportPdf> report_pdfs(const std::string& finished, const PackPlan& plan,
                                   const DocumentInfo& info, std::string& error) {
    std::vector<ReportPdf> reports;
    for (const ItemPlan& row : plan.items) {
        if (row.papers.empty() || row.first_page <= 0 || row.last_page < row.first_page)
            continue;
        std::string title = "Item " + row.item->number + ": " + row.item->title;
        DocumentInfo report_info = info;
        report_info.title = info.title + " \xE2\x80\x93 " + title;
        std::string pdf = extract_pages(finished, row.first_page, row.last_page,
                                        {{title, 0, 0, {}}}, report_info, error);
        if (pdf.empty())
            return {};
        reports.push_back({row.item->number, report_pdf_name(row.item->number), std::move(pdf),
                           row.last_page - row.first_page + 1});
    }
    return reports;
}

} // namespace bp::pack

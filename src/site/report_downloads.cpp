#include "site/report_downloads.hpp"

#include "site/meeting_pages.hpp"
#include "site/site_paths.hpp"

namespace bp::site {
namespace {

const content::PackItemPages* report_of(const content::PackSummary& pack,
                                        const std::string& number) {
    if (!pack.built)
        return nullptr;
    for (const auto& pages : pack.items)
        if (pages.number == number && !pages.report_file.empty() && pages.first_page > 0)
            return &pages;
    return nullptr;
}

TemplateData download_of(const content::PackItemPages& pages, const std::string& label) {
    TemplateData data = link_data(label, pages.report_file);
    put(data, "detail",
        download_detail(pages.report_bytes, pages.last_page - pages.first_page + 1));
    return data;
}

} // namespace

TemplateData report_downloads(const content::Meeting& meeting, const content::PackSummary& pack) {
    TemplateData list = list_data();
    for (const auto* item : flatten_items(meeting.items))
        if (const auto* pages = report_of(pack, item->number))
            list.push_back(download_of(*pages, "Item " + item->number + ": " + item->title));
    return list;
}

TemplateData report_download(const content::PackSummary& pack, const std::string& item_number) {
    const auto* pages = report_of(pack, item_number);
    if (!pages)
        return false;
    return download_of(*pages, "This item\xE2\x80\x99s pages from the meeting pack");
}

} // namespace bp::site

#include "site/meeting_pages.hpp"

#include "content/audience.hpp"
#include "content/exempt.hpp"
#include "content/paper_images.hpp"
#include "content/publish_record.hpp"
#include "core/text.hpp"
#include "data/indicators.hpp"
#include "site/board_records.hpp"
#include "site/count_phrase.hpp"
#include "site/html_renderer.hpp"
#include "site/meeting_record.hpp"
#include "site/report_downloads.hpp"
#include "site/site_paths.hpp"

#include <algorithm>
#include <map>

namespace bp::site {
namespace {

using content::AgendaItem;
using content::Paper;

struct PaperSlot {
    const AgendaItem* item;
    const Paper* paper;
};

const content::PackItemPages* pages_for(const content::PackSummary& pack,
                                        const std::string& number) {
    if (!pack.built)
        return nullptr;
    for (const auto& pages : pack.items)
        if (pages.number == number && pages.first_page > 0)
            return &pages;
    return nullptr;
}

// A late item's pages are in its supplementary pack.
TemplateData supplement_link(const content::PackSummary& pack, const AgendaItem& item) {
    for (const auto& supplement : pack.supplements)
        if (supplement.number == item.supplementary)
            return link_data("supplementary pack " + std::to_string(supplement.number),
                             supplement.file);
    return false;
}

// The item's printed pages, linked to its first sheet. A withheld item's pages are the members'
// numbers; the public pack holds one page in their place, saying why.
TemplateData pack_pages_data(const content::PackSummary& pack, const AgendaItem& item,
                             bool withheld) {
    const auto* pages = pages_for(pack, item.number);
    if (!pages)
        return supplement_link(pack, item);
    std::string range = pages->last_page > pages->first_page
                            ? "pages " + std::to_string(pages->first_page) + "\xE2\x80\x93" +
                                  std::to_string(pages->last_page)
                            : "page " + std::to_string(pages->first_page);
    // #page= counts PDF pages, which run behind the printed numbers after a withheld item.
    int sheet = pages->first_sheet > 0 ? pages->first_sheet : pages->first_page;
    return link_data(withheld ? range + " (withheld)" : range,
                     pack.pack_file + "#page=" + std::to_string(sheet));
}

std::string purpose_text(const AgendaItem& item) {
    if (item.purpose == content::Purpose::none && item.kind == content::ItemKind::to_note)
        return content::kind_label(item.kind);
    return content::purpose_phrase(item.purpose);
}

// What stands in for papers: "Verbal update", "Presentation"; nothing for the date of the next
// meeting, whose description says it all.
std::string no_paper_label(const AgendaItem& item) {
    if (!item.verbal || item.kind == content::ItemKind::next_meeting)
        return {};
    if (item.kind == content::ItemKind::presentation)
        return content::kind_label(item.kind);
    return "Verbal update";
}

std::string minutes_phrase(int minutes) {
    return count_phrase(static_cast<std::size_t>(minutes), "minute", "minutes");
}

TemplateData paper_link(const AgendaItem& item, const Paper& paper) {
    TemplateData link = object_data();
    put(link, "title", paper.title);
    put(link, "href", paper_file(item, paper));
    put(link, "is_pdf", paper.is_pdf);
    put(link, "summary", text_data(paper.summary));
    return link;
}

class AgendaWriter {
  public:
    AgendaWriter(const SiteContext& context, const content::Meeting& meeting,
                 const content::PackSummary& pack)
        : context_(context), pack_(pack), clock_(meeting.start_minutes) {}

    TemplateData items(const std::vector<AgendaItem>& items, bool sub) {
        TemplateData list = list_data();
        for (const auto& item : items)
            list.push_back(this->item(item, sub));
        return list;
    }

  private:
    TemplateData item(const AgendaItem& item, bool sub) {
        bool withheld = item_withheld(item, context_.audience);
        TemplateData data = object_data();
        put(data, "number", item.number);
        put(data, "title", item.title);
        put(data, "is_sub", sub);
        put(data, "withheld", withheld);
        put(data, "members_only", !withheld && item.restricted);
        // The ground is public: both editions say why the item is kept from the public.
        bool exempt = withheld || content::item_members_only(item);
        put(data, "ground",
            exempt ? text_data(content::exempt_statement(content::item_ground(item)))
                   : TemplateData(false));
        bool opens_part_two = !sub && item.part_two && !part_two_started_;
        part_two_started_ = part_two_started_ || opens_part_two;
        put(data, "part_two", opens_part_two ? part_two_data() : TemplateData(false));
        // The public see a withheld item's number and title and nothing else.
        put(data, "presenter", withheld ? TemplateData(false) : text_data(item.presenter));
        put(data, "purpose", withheld ? TemplateData(false) : text_data(purpose_text(item)));
        put(data, "description", withheld ? TemplateData(false) : text_data(item.description));
        put(data, "verbal", withheld ? TemplateData(false) : text_data(no_paper_label(item)));
        put(data, "time", clock_ >= 0 ? text_data(format_time_12h(clock_)) : TemplateData(false));
        put(data, "duration",
            item.minutes > 0 ? text_data(minutes_phrase(item.minutes)) : TemplateData(false));
        int start = clock_;
        TemplateData papers = list_data();
        for (const auto* paper : visible_papers(item, context_.audience))
            papers.push_back(paper_link(item, *paper));
        put(data, "has_papers", !papers.list_value().empty());
        put(data, "papers", papers);
        put(data, "pack_pages", pack_pages_data(pack_, item, withheld));
        // Sub-items share their parent's time: the parent's minutes cover them, or they add up.
        put(data, "sub_items", withheld ? list_data() : items(item.sub_items, true));
        if (start >= 0)
            clock_ = start + std::max(item.minutes, clock_ - start);
        return data;
    }

    const SiteContext& context_;
    const content::PackSummary& pack_;
    int clock_;
    bool part_two_started_ = false;

    static TemplateData part_two_data() {
        TemplateData data = object_data();
        put(data, "heading", content::part_two_heading);
        put(data, "resolution", content::part_two_resolution);
        return data;
    }
};

std::string plural_pages(int pages) {
    return count_phrase(static_cast<std::size_t>(pages), "page", "pages");
}

TemplateData download(const std::string& label, const std::string& href,
                      const std::string& detail) {
    TemplateData data = link_data(label, href);
    put(data, "detail", detail);
    return data;
}

TemplateData downloads_data(const content::PackSummary& pack, content::Audience audience) {
    TemplateData list = list_data();
    if (!pack.built)
        return list;
    list.push_back(download("Full meeting pack", pack.pack_file,
                            download_detail(pack.pack_bytes, pack.pages)));
    list.push_back(download("Agenda", pack.agenda_file,
                            download_detail(pack.agenda_bytes, pack.agenda_pages)));
    for (const auto& supplement : pack.supplements)
        list.push_back(download("Supplementary pack " + std::to_string(supplement.number),
                                supplement.file,
                                download_detail(supplement.bytes, supplement.pages)));
    // Every figure the papers quote, with how it was worked out (this edition's papers only).
    list.push_back(download("Figures quoted in the papers", "figures.json", "JSON"));
    // pack.json is for members' own tools; the public page lists only what people read.
    if (audience == content::Audience::members)
        list.push_back(download("Pack contents for other tools", "pack.json", "JSON"));
    return list;
}

TemplateData neighbour_meeting(const content::Board& board, const content::Meeting& meeting,
                               int step) {
    for (std::size_t i = 0; i < board.meetings.size(); ++i) {
        if (board.meetings[i].slug != meeting.slug)
            continue;
        long j = static_cast<long>(i) + step;
        if (j < 0 || j >= static_cast<long>(board.meetings.size()))
            return false;
        const auto& other = board.meetings[j];
        return link_data(other.date.medium_form(), "../" + other.slug + "/index.html");
    }
    return false;
}

std::vector<PaperSlot> paper_pages(const SiteContext& context, const content::Meeting& meeting) {
    std::vector<PaperSlot> slots;
    for (const auto* item : flatten_items(meeting.items))
        for (const auto* paper : visible_papers(*item, context.audience))
            if (!paper->is_pdf)
                slots.push_back({item, paper});
    return slots;
}

TemplateData neighbour_paper(const std::vector<PaperSlot>& slots, std::size_t index, int step) {
    long j = static_cast<long>(index) + step;
    if (j < 0 || j >= static_cast<long>(slots.size()))
        return false;
    TemplateData data =
        link_data(slots[j].paper->title, paper_file(*slots[j].item, *slots[j].paper));
    put(data, "number", slots[j].item->number);
    return data;
}

TemplateData contents_data(const std::vector<HeadingLink>& headings) {
    TemplateData list = list_data();
    for (const auto& heading : headings)
        if (heading.level == 2 && !heading.anchor.empty())
            list.push_back(link_data(heading.text, "#" + heading.anchor));
    return list;
}

// Indicator titles → their pages, from a page in a meeting folder.
std::map<std::string, std::string> indicator_links(const content::Board& board) {
    std::map<std::string, std::string> links;
    if (!has_indicator_pages(board))
        return links;
    for (const auto& indicator : board.indicators->indicators)
        links[indicator.title] = "../indicators/" + indicator.id + ".html";
    return links;
}

TemplateData paper_data(const SiteContext& context, const content::Board& board,
                        const content::Meeting& meeting, const PaperSlot& slot,
                        const content::PackSummary& pack) {
    const Paper& paper = *slot.paper;
    RenderOptions options;
    options.chart_id_prefix = "chart";
    options.indicator_links = indicator_links(board);
    options.chart_fonts = context.chart_fonts;
    RenderedDocument body = render_document(paper.body, paper.charts, options);
    TemplateData data = object_data();
    put(data, "title", paper.title);
    put(data, "author", text_data(paper.author));
    put(data, "job_title", text_data(paper.job_title));
    put(data, "contact", text_data(paper.contact));
    put(data, "contact_href",
        paper.contact.find('@') != std::string::npos && paper.contact.find(' ') == std::string::npos
            ? TemplateData("mailto:" + paper.contact)
            : TemplateData(false));
    put(data, "date", paper.date ? text_data(paper.date->medium_form()) : TemplateData(false));
    // A protective marking from site.yaml is shown as written; otherwise the old wording.
    put(data, "security", paper.marking.empty() ? security_label(paper.security) : paper.marking);
    put(data, "security_class", content::to_string(paper.security));
    put(data, "summary", text_data(paper.summary));
    put(data, "item_number", slot.item->number);
    put(data, "item_title", slot.item->title);
    put(data, "body", body.html);
    TemplateData contents = contents_data(body.headings);
    // A paper that places its own ```contents list does not get a second one.
    bool own_contents = body.html.find("class=\"contents") != std::string::npos;
    put(data, "has_contents", !own_contents && contents.list_value().size() >= 3);
    put(data, "contents", contents);
    put(data, "pack_pages", pack_pages_data(pack, *slot.item, false));
    put(data, "report_pdf", report_download(pack, slot.item->number));
    put(data, "meeting_title", meeting.title);
    put(data, "meeting_href", "index.html");
    put(data, "minutes_links", minutes_links_data(board, paper));
    return data;
}

void write_paper_pages(const SiteContext& context, const content::Board& board,
                       const content::Meeting& meeting, const std::string& title,
                       const content::PackSummary& pack, OutputTree& output) {
    auto slots = paper_pages(context, meeting);
    std::string folder = meeting_dir(board, meeting);
    for (std::size_t i = 0; i < slots.size(); ++i) {
        TemplateData data = paper_data(context, board, meeting, slots[i], pack);
        put(data, "meeting_title", title);
        put(data, "previous", neighbour_paper(slots, i, -1));
        put(data, "next", neighbour_paper(slots, i, +1));
        PageRequest request{"paper",
                            folder + "/" + paper_file(*slots[i].item, *slots[i].paper),
                            slots[i].paper->title,
                            {{"Home", "index.html"},
                             {board.short_name.empty() ? board.name : board.short_name,
                              board_dir(board) + "/index.html"},
                             {meeting.date.medium_form(), folder + "/index.html"}}};
        write_page(context, request, std::move(data), output);
    }
}

void copy_pdf_appendices(const SiteContext& context, const FileSystem& source_files,
                         const content::Board& board, const content::Meeting& meeting,
                         OutputTree& output) {
    for (const auto* item : flatten_items(meeting.items)) {
        for (const auto* paper : visible_papers(*item, context.audience)) {
            if (!paper->is_pdf)
                continue;
            std::string target = meeting_dir(board, meeting) + "/" + paper_file(*item, *paper);
            if (!paper->native_path.empty()) {
                output.copy_file(target, paper->native_path);
            } else if (auto bytes = source_files.read(paper->source_path)) {
                output.write(target, *bytes);
            } else {
                context.sink.error(paper->location,
                                   "cannot read the PDF appendix " + paper->source_path);
            }
        }
    }
}

// Images shown by papers, copied beside the paper pages so the pages' relative links work. Only
// image files are copied, and only to places inside the output folder.
void copy_paper_images(const SiteContext& context, const FileSystem& source_files,
                       const content::Board& board, const content::Meeting& meeting,
                       OutputTree& output) {
    static const std::vector<std::string> image_types = {".png", ".jpg", ".jpeg",
                                                         ".gif", ".svg", ".webp"};
    for (const auto* item : flatten_items(meeting.items)) {
        for (const auto* paper : visible_papers(*item, context.audience)) {
            for (const auto& image : paper->images) {
                std::string target =
                    content::image_site_path(meeting_dir(board, meeting), image.url);
                std::string type = to_lower_ascii(file_extension(image.site_path));
                if (target.empty() ||
                    std::find(image_types.begin(), image_types.end(), type) == image_types.end())
                    continue;
                if (auto bytes = source_files.read(image.site_path))
                    output.write(target, *bytes);
            }
        }
    }
}

// The newest date any of the meeting's papers or republications carries: when its record last
// changed, as far as the content tells.
TemplateData papers_last_updated(const content::Meeting& meeting, content::Audience audience) {
    std::optional<Date> latest;
    for (const auto* item : flatten_items(meeting.items))
        for (const auto* paper : visible_papers(*item, audience))
            if (paper->date && (!latest || *paper->date > *latest))
                latest = paper->date;
    for (const auto& republication : meeting.republications)
        if (!latest || republication.date > *latest)
            latest = republication.date;
    return latest ? TemplateData(latest->medium_form()) : TemplateData(false);
}

// "12 Sep 2017 (version 1)" once the meeting is published, and each republication after it.
void set_publication(TemplateData& data, const content::Meeting& meeting) {
    TemplateData history = list_data();
    for (const auto& republication : meeting.republications) {
        TemplateData entry = object_data();
        put(entry, "version", std::to_string(republication.version));
        put(entry, "date", republication.date.medium_form());
        put(entry, "reason", republication.reason);
        history.push_back(entry);
    }
    put(data, "has_republications", !meeting.republications.empty());
    put(data, "republications", history);
    auto published = meeting.published ? parse_date(meeting.published->date) : std::nullopt;
    put(data, "published",
        published ? TemplateData(published->medium_form() + " (version 1)") : TemplateData(false));
}

TemplateData meeting_data(const SiteContext& context, const content::Board& board,
                          const content::Meeting& meeting, const content::PackSummary& pack) {
    TemplateData data = object_data();
    put(data, "date", meeting.date.long_form());
    put(data, "time", text_data(format_time_range(meeting.start_minutes, meeting.end_minutes)));
    put(data, "venue", text_data(meeting.venue));
    put(data, "status", status_label(meeting.status));
    put(data, "status_class", content::to_string(meeting.status));
    put(data, "cancelled", meeting.status == content::MeetingStatus::cancelled);
    put(data, "data_date",
        meeting.data_date.valid() ? text_data(meeting.data_date.medium_form())
                                  : TemplateData(false));
    put(data, "items", AgendaWriter(context, meeting, pack).items(meeting.items, false));
    put(data, "last_updated", papers_last_updated(meeting, context.audience));
    set_publication(data, meeting);
    put(data, "has_items", !meeting.items.empty());
    TemplateData downloads = downloads_data(pack, context.audience);
    put(data, "has_downloads", !downloads.list_value().empty());
    put(data, "downloads", downloads);
    TemplateData reports = report_downloads(meeting, pack);
    put(data, "has_reports", !reports.list_value().empty());
    put(data, "reports", reports);
    put(data, "board_name", board.name);
    put(data, "board_href", "../index.html");
    put(data, "calendar_href", "../calendar.ics");
    put(data, "record", meeting_record_data(context, board, meeting));
    put(data, "previous_meeting", neighbour_meeting(board, meeting, -1));
    put(data, "next_meeting", neighbour_meeting(board, meeting, +1));
    return data;
}

} // namespace

std::string meeting_title(const content::Board& board, const content::Meeting& meeting) {
    if (!meeting.title.empty())
        return meeting.title;
    return board.name + ", " + meeting.date.medium_form();
}

std::string download_detail(std::size_t bytes, int pages) {
    std::string detail = "PDF";
    if (bytes > 0)
        detail += ", " + format_bytes(bytes);
    if (pages > 0)
        detail += ", " + plural_pages(pages);
    return detail;
}

void write_meeting_pages(const SiteContext& context, const FileSystem& source_files,
                         const content::Board& board, const content::Meeting& meeting,
                         const content::PackSummary& pack, OutputTree& output) {
    std::string title = meeting_title(board, meeting);
    std::string folder = meeting_dir(board, meeting);
    PageRequest request{"meeting",
                        folder + "/index.html",
                        title,
                        {{"Home", "index.html"},
                         {board.short_name.empty() ? board.name : board.short_name,
                          board_dir(board) + "/index.html"}}};
    write_page(context, request, meeting_data(context, board, meeting, pack), output);
    write_paper_pages(context, board, meeting, title, pack, output);
    copy_pdf_appendices(context, source_files, board, meeting, output);
    copy_paper_images(context, source_files, board, meeting, output);
}

} // namespace bp::site

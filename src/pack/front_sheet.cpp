#include "pack/front_sheet.hpp"

#include "content/audience.hpp"
#include "content/exempt.hpp"
#include "core/date.hpp"

#include <optional>

namespace bp::pack {

namespace {

using layout::FontStyle;

const layout::Colour restriction_red{0.62, 0.08, 0.05};

// The heading and resolution that open Part 2: a row of their own, kept with the first exempt
// item below them, so the item's number stands beside its own title.
RowSpec part_two_row(const SheetStyle& style) {
    CellSpec what;
    what.push_back(text_spec(content::part_two_heading, FontStyle::bold, 11, style.accent));
    TextSpec resolution = text_spec(content::part_two_resolution, FontStyle::italic, 9, style.text);
    resolution.space_before = 2;
    what.push_back(resolution);
    RowSpec row;
    row.cells = {{}, what, {}, {}};
    row.keep_with_next = true;
    return row;
}

// Why the public may not see the item, in the words the law gives.
TextSpec ground_text(const content::AgendaItem& item, double indent) {
    TextSpec ground = text_spec(content::exempt_statement(content::item_ground(item)),
                                FontStyle::bold_italic, 9, restriction_red, indent);
    ground.space_before = 1;
    return ground;
}

RowSpec agenda_row(const ItemPlan& row, const SheetStyle& style) {
    const content::AgendaItem& item = *row.item;
    double indent = row.depth * 14.0;
    RowSpec spec;
    spec.cells.push_back({text_spec(item.number, FontStyle::bold, 10, style.text, indent)});
    CellSpec what;
    what.push_back(text_spec(item.title, FontStyle::bold, 10, style.text, indent));
    if (item.withheld) {
        what.push_back(ground_text(item, indent));
        spec.cells.push_back(what);
        spec.cells.push_back({});
        spec.cells.push_back({text_spec(page_range_text(row), FontStyle::regular, 9, style.text)});
        return spec;
    }
    std::string presenter = item.presenter.empty() ? "" : "Presented by " + item.presenter;
    std::string purpose =
        item.kind == content::ItemKind::to_note && item.purpose == content::Purpose::none
            ? "To note"
            : content::purpose_phrase(item.purpose);
    std::string byline = presenter;
    if (!purpose.empty())
        byline += (byline.empty() ? "" : " · ") + purpose;
    if (!byline.empty())
        what.push_back(text_spec(byline, FontStyle::regular, 9, style.muted, indent));
    if (content::item_members_only(item))
        what.push_back(ground_text(item, indent));
    for (const PaperPages& paper : row.papers)
        if (!paper.appendix_label.empty())
            what.push_back(
                text_spec(paper.appendix_label, FontStyle::regular, 9, style.text, indent + 8));
    if (!item.description.empty()) {
        TextSpec description =
            text_spec(item.description, FontStyle::regular, 9, style.text, indent);
        description.space_before = 2;
        what.push_back(description);
    }
    spec.cells.push_back(what);
    TextSpec time = text_spec(item.minutes > 0 ? std::to_string(item.minutes) + " minutes" : "",
                              FontStyle::regular, 9, style.text);
    time.unbroken = true;
    spec.cells.push_back({time});
    FontStyle pages_style = item.verbal ? FontStyle::italic : FontStyle::regular;
    TextSpec pages = text_spec(page_range_text(row), pages_style, 9, style.text);
    pages.unbroken = true;
    spec.cells.push_back({pages});
    return spec;
}

RowSpec header_row(std::vector<std::string> labels, const SheetStyle& style) {
    RowSpec row;
    for (auto& label : labels)
        row.cells.push_back({text_spec(std::move(label), FontStyle::bold, 9, style.accent)});
    return row;
}

std::string person_name(const content::Person& person) {
    return person.role.empty() ? person.name : person.name + " (" + person.role + ")";
}

void people_table(SheetWriter& writer, const std::string& heading,
                  const std::vector<content::Person>& people, const SheetStyle& style) {
    if (people.empty())
        return;
    writer.keep(80);
    writer.paragraph(text_spec(heading, FontStyle::bold, 12, style.accent));
    writer.space(4);
    std::vector<RowSpec> rows;
    for (const auto& person : people) {
        RowSpec row;
        row.cells.push_back({text_spec(person_name(person), FontStyle::bold, 9, style.text)});
        row.cells.push_back({text_spec(person.post, FontStyle::regular, 9, style.text)});
        row.cells.push_back({text_spec(person.organisation, FontStyle::regular, 9, style.text)});
        rows.push_back(std::move(row));
    }
    TextSpec continued = text_spec(heading + " (continued)", FontStyle::bold, 12, style.accent);
    writer.table(header_row({"Name", "Post", "Organisation"}, style), rows, style, &continued);
    writer.space(18);
}

std::string contact_text(const content::ContactOfficer& contact) {
    std::string text = contact.name;
    for (const std::string* part : {&contact.job_title, &contact.phone, &contact.email}) {
        if (part->empty())
            continue;
        text += (text.empty() ? "" : ", ") + *part;
    }
    return text;
}

} // namespace

std::string page_range_text(const ItemPlan& row) {
    if (row.item->withheld && row.first_page == 0)
        return "Not for publication";
    if (row.first_page > 0 && row.last_page > row.first_page)
        return "Pages " + std::to_string(row.first_page) + " – " + std::to_string(row.last_page);
    if (row.first_page > 0)
        return "Page " + std::to_string(row.first_page);
    if (row.item->verbal && *content::kind_label(row.item->kind))
        return content::kind_label(row.item->kind);
    if (row.item->verbal)
        return "Verbal";
    return "";
}

std::string time_span(int start_minutes, int end_minutes) {
    if (start_minutes < 0)
        return "";
    std::string text = format_time_12h(start_minutes);
    if (end_minutes >= 0)
        text += " – " + format_time_12h(end_minutes);
    return text;
}

FrontSheet compose_front_sheet(const content::Site& site, const content::Board& board,
                               const content::Meeting& meeting, const PackPlan& plan,
                               const layout::TextMeasurer& measurer, const PackGeometry& geometry) {
    SheetStyle style;
    SheetWriter writer(measurer, geometry.width, geometry.height, geometry.margins, 1);
    writer.paragraph(text_spec(site.config.organisation, FontStyle::bold, 9.5, style.muted));
    writer.space(4);
    writer.paragraph(text_spec(board.name, FontStyle::bold, 20, style.accent));
    writer.space(6);
    writer.rule(1.2, style.accent);
    writer.space(10);
    std::string when = meeting.date.long_form();
    std::string times = time_span(meeting.start_minutes, meeting.end_minutes);
    if (!times.empty())
        when += ", " + times;
    writer.label_value("Date and time", when, 100, 10);
    writer.space(3);
    writer.label_value("Venue", meeting.venue.empty() ? board.venue : meeting.venue, 100, 10);
    std::string contact = contact_text(board.contact);
    if (!contact.empty()) {
        writer.space(3);
        writer.label_value("Contact officer", contact, 100, 10);
    }
    if (meeting.status == content::MeetingStatus::cancelled) {
        writer.space(8);
        writer.paragraph(text_spec("This meeting has been cancelled.", FontStyle::bold, 11,
                                   layout::Colour{0.7, 0.1, 0.05}));
    }
    writer.space(22);
    // A supplementary pack's agenda lists only the late items, under their own numbers.
    std::string agenda = meeting.supplementary > 0
                             ? "Supplementary agenda " + std::to_string(meeting.supplementary)
                             : "Agenda";
    writer.paragraph(text_spec(agenda, FontStyle::bold, 15, style.accent));
    writer.space(6);

    std::vector<RowSpec> rows;
    std::optional<std::size_t> part_two_at; // the heading row's index, when there is one
    for (const ItemPlan& row : plan.items) {
        if (row.parent < 0 && row.item->part_two && !part_two_at) {
            part_two_at = rows.size();
            rows.push_back(part_two_row(style));
        }
        rows.push_back(agenda_row(row, style));
    }
    FrontSheet sheet;
    TextSpec continued = text_spec("Agenda (continued)", FontStyle::bold, 15, style.accent);
    sheet.rows = writer.table(header_row({"Item", "Business", "Time", "Papers"}, style), rows,
                              style, &continued);
    if (part_two_at) // one placed row an item, in the plan's order
        sheet.rows.erase(sheet.rows.begin() + static_cast<std::ptrdiff_t>(*part_two_at));
    sheet.pages = std::move(writer.pages);
    return sheet;
}

std::vector<layout::Page> compose_membership(const content::Board& board,
                                             const layout::TextMeasurer& measurer,
                                             const PackGeometry& geometry, int first_page_number) {
    SheetStyle style;
    SheetWriter writer(measurer, geometry.width, geometry.height, geometry.margins,
                       first_page_number);
    writer.paragraph(text_spec("Membership", FontStyle::bold, 18, style.accent));
    writer.space(4);
    writer.paragraph(text_spec(board.name, FontStyle::regular, 10, style.muted));
    writer.space(12);
    for (const auto& group : content::membership_groups(board))
        people_table(writer, group.name, group.people, style);
    return std::move(writer.pages);
}

} // namespace bp::pack

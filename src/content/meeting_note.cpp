#include "content/meeting_note.hpp"

#include "content/note_codec.hpp"

namespace bp::content {

namespace {

// Every field of these is kept below; one added to the model must be kept here as well, or a
// memo would give back meetings without it. Their sizes (x86-64, libstdc++) make the compiler
// say so: when one changes, keep the new field and write the new size.
static_assert(sizeof(void*) != 8 || sizeof(Paper) == 536, "keep Paper's new field");
static_assert(sizeof(void*) != 8 || sizeof(AgendaItem) == 296, "keep the item's new field");
static_assert(sizeof(void*) != 8 || sizeof(Meeting) == 576, "keep Meeting's new field");
static_assert(sizeof(void*) != 8 || sizeof(Declaration) == 112, "keep the new field");
static_assert(sizeof(void*) != 8 || sizeof(Republication) == 64, "keep the new field");
static_assert(sizeof(void*) != 8 || sizeof(ExemptGround) == 40, "keep the new field");
static_assert(sizeof(void*) != 8 || sizeof(SourceLocation) == 16, "keep the new field");

void write_exempt(NoteWriter& out, const ExemptGround& exempt) {
    out.number(exempt.paragraph);
    out.text(exempt.reason);
}

ExemptGround read_exempt(NoteReader& in) {
    ExemptGround exempt;
    exempt.paragraph = in.integer();
    exempt.reason = in.text();
    return exempt;
}

void write_paper(NoteWriter& out, const Paper& paper) {
    for (const auto* text : {&paper.source_path, &paper.slug, &paper.title, &paper.author,
                             &paper.job_title, &paper.contact, &paper.summary, &paper.kind})
        out.text(*text);
    out.optional_date(paper.date);
    out.number(static_cast<int>(paper.security));
    out.text(paper.marking);
    out.flag(paper.marking_public);
    out.location(paper.marking_location);
    write_exempt(out, paper.exempt);
    out.flag(paper.landscape);
    out.flag(paper.is_pdf);
    out.text(paper.native_path);
    out.location(paper.location);
    out.number(paper.supplementary);
}

// Read into the list's own element: a paper or an item moved into place moves every string.
void read_paper(NoteReader& in, Paper& paper) {
    for (auto* text : {&paper.source_path, &paper.slug, &paper.title, &paper.author,
                       &paper.job_title, &paper.contact, &paper.summary, &paper.kind})
        *text = in.text();
    paper.date = in.optional_date();
    paper.security = in.choice(Security::restricted);
    paper.marking = in.text();
    paper.marking_public = in.flag();
    paper.marking_location = in.location();
    paper.exempt = read_exempt(in);
    paper.landscape = in.flag();
    paper.is_pdf = in.flag();
    paper.native_path = in.text();
    paper.location = in.location();
    paper.supplementary = in.integer();
}

void write_item(NoteWriter& out, const AgendaItem& item) {
    for (const auto* text : {&item.number, &item.title, &item.presenter})
        out.text(*text);
    out.number(static_cast<long long>(item.presenters.size()));
    for (const auto& presenter : item.presenters)
        out.text(presenter);
    out.number(static_cast<int>(item.kind));
    out.text(item.description);
    out.number(item.minutes);
    out.number(static_cast<int>(item.purpose));
    for (bool flag : {item.restricted, item.part_two, item.verbal, item.withheld})
        out.flag(flag);
    write_exempt(out, item.exempt);
    out.number(static_cast<long long>(item.papers.size()));
    for (const auto& paper : item.papers)
        write_paper(out, paper);
    out.number(static_cast<long long>(item.sub_items.size()));
    for (const auto& sub : item.sub_items)
        write_item(out, sub);
    out.number(item.supplementary);
    out.location(item.location);
}

void read_item(NoteReader& in, AgendaItem& item) {
    for (auto* text : {&item.number, &item.title, &item.presenter})
        *text = in.text();
    item.presenters.resize(in.count());
    for (auto& presenter : item.presenters)
        presenter = in.text();
    item.kind = in.choice(ItemKind::next_meeting);
    item.description = in.text();
    item.minutes = in.integer();
    item.purpose = in.choice(Purpose::discussion);
    for (bool* flag : {&item.restricted, &item.part_two, &item.verbal, &item.withheld})
        *flag = in.flag();
    item.exempt = read_exempt(in);
    std::size_t papers = in.count();
    item.papers.reserve(papers); // the index keeps every item: no room to spare
    for (std::size_t n = 0; n < papers; ++n)
        read_paper(in, item.papers.emplace_back());
    std::size_t sub_items = in.count();
    item.sub_items.reserve(sub_items);
    for (std::size_t n = 0; n < sub_items; ++n)
        read_item(in, item.sub_items.emplace_back());
    item.supplementary = in.integer();
    item.location = in.location();
}

bool holds_more_than_the_index(const Meeting& meeting) {
    bool found = meeting.minutes || meeting.published;
    for_each_paper(meeting.items, [&](const Paper& paper) {
        found = found || paper.body_loaded || !paper.charts.empty() || !paper.images.empty();
    });
    return found;
}

} // namespace

std::optional<std::string> meeting_note(const Meeting& meeting) {
    if (holds_more_than_the_index(meeting))
        return std::nullopt;
    NoteWriter out;
    for (const auto* text : {&meeting.slug, &meeting.folder, &meeting.title})
        out.text(*text);
    out.date(meeting.date);
    out.date(meeting.data_date);
    out.number(meeting.start_minutes);
    out.number(meeting.end_minutes);
    out.text(meeting.venue);
    out.number(static_cast<int>(meeting.status));
    out.number(static_cast<long long>(meeting.items.size()));
    for (const auto& item : meeting.items)
        write_item(out, item);
    out.number(static_cast<long long>(meeting.declarations.size()));
    for (const auto& declaration : meeting.declarations) {
        for (const auto* text : {&declaration.name, &declaration.item, &declaration.interest})
            out.text(*text);
        out.location(declaration.location);
    }
    out.flag(meeting.part_two);
    out.number(static_cast<long long>(meeting.republications.size()));
    for (const auto& republication : meeting.republications) {
        out.number(republication.version);
        out.date(republication.date);
        out.text(republication.reason);
        out.location(republication.location);
    }
    out.number(meeting.supplementary);
    out.location(meeting.location);
    return out.take();
}

std::optional<Meeting> meeting_from_note(std::string_view note) {
    NoteReader in(note);
    Meeting meeting;
    try {
        for (auto* text : {&meeting.slug, &meeting.folder, &meeting.title})
            *text = in.text();
        meeting.date = in.date();
        meeting.data_date = in.date();
        meeting.start_minutes = in.integer();
        meeting.end_minutes = in.integer();
        meeting.venue = in.text();
        meeting.status = in.choice(MeetingStatus::cancelled);
        std::size_t items = in.count();
        meeting.items.reserve(items);
        for (std::size_t n = 0; n < items; ++n)
            read_item(in, meeting.items.emplace_back());
        meeting.declarations.resize(in.count());
        for (auto& declaration : meeting.declarations) {
            for (auto* text : {&declaration.name, &declaration.item, &declaration.interest})
                *text = in.text();
            declaration.location = in.location();
        }
        meeting.part_two = in.flag();
        meeting.republications.resize(in.count());
        for (auto& republication : meeting.republications) {
            republication.version = in.integer();
            republication.date = in.date();
            republication.reason = in.text();
            republication.location = in.location();
        }
        meeting.supplementary = in.integer();
        meeting.location = in.location();
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
    if (!in.done())
        return std::nullopt;
    return meeting;
}

} // namespace bp::content

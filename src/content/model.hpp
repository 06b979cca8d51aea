#pragma once
// The content model: Site > Board > Meeting > AgendaItem > Paper.
// The site index (everything but paper bodies) is loaded once; paper bodies are loaded per
// meeting while that meeting is built, so memory stays bounded by the largest meeting.
#include "core/date.hpp"
#include "core/diagnostics.hpp"
#include "core/time_zone.hpp"
#include "data/chart_spec.hpp"
#include "data/financial_calendar.hpp"
#include "markdown/document.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bp::data {
struct IndicatorSet;
struct ActionLog;
struct ForwardPlan;
} // namespace bp::data

namespace bp::content {

enum class Audience { public_audience, members };
enum class Security { unprotected, restricted };
enum class Purpose { none, decision, information, discussion };
enum class PaperSize { a4, letter };
enum class MeetingStatus { scheduled, held, cancelled };

const char* to_string(Audience audience);    // "public", "members"
const char* to_string(Security security);    // "unprotected", "restricted"
const char* to_string(Purpose purpose);      // "", "decision", "information", "discussion"
const char* purpose_phrase(Purpose purpose); // "For decision", …
const char* to_string(MeetingStatus status);

struct RagColours {
    std::string red = "#d4351c";
    std::string amber = "#f47738";
    std::string green = "#00703c";
    std::string grey = "#505a5f";
    std::string blue = "#1d70b8";
};

// Type sizes for print (points), from site.yaml's `style:`; the RAG colours sit beside them.
// The defaults suit print: 11 pt body text, nothing set under 9 pt; site.yaml may change them.
struct Typography {
    double body_size = 11;
    double leading = 1.35; // line height as a multiple of the size
    double heading_sizes[3] = {18, 14, 12};
    // The family text is set in ("Noto Serif"); empty for the bundled Noto Sans. The pack
    // looks it up among the installed fonts, so the location is kept for its warning.
    std::string body_font;
    SourceLocation body_font_location;
};

// A protective marking the site uses (site.yaml `markings:`), and whether the public may see
// papers that carry it.
struct Marking {
    std::string label; // "OFFICIAL-SENSITIVE", printed as written
    bool public_may_see = true;
};

// Why material is kept from the public: a paragraph of Part 1 of Schedule 12A to the Local
// Government Act 1972, or the board's own words (`exempt: { paragraph: 3 }`,
// `exempt: { reason: "…" }`). See exempt.hpp for the wording.
struct ExemptGround {
    int paragraph = 0;  // 1–7; 0 when the ground is given in words
    std::string reason; // free text, when not a paragraph
    bool given() const { return paragraph > 0 || !reason.empty(); }
};

struct SiteConfig {
    std::string title;        // the site's name, shown in every page header
    std::string organisation; // the publishing organisation (PDF metadata, footer)
    std::string base_url;     // absolute URL of the published site, for feeds and sitemaps
    std::string language = "en-GB";
    std::string time_zone = default_time_zone; // meeting times' zone, named in calendars
    std::string theme = "default";
    std::string logo; // path relative to the source root, or empty
    PaperSize paper = PaperSize::a4;
    bool linearise_pdfs = true; // PDFs written for "fast web view" (costs a second pass)
    int financial_year_start_month = 4;
    RagColours rag;
    Typography type;
    std::vector<Marking> markings; // in the order site.yaml lists them
    SourceLocation location;

    data::FinancialCalendar calendar() const {
        return data::FinancialCalendar(financial_year_start_month);
    }
};

struct Person {
    std::string name;
    std::string post; // job title
    std::string organisation;
    std::string role; // "Chair", "Vice-chair", or empty
    SourceLocation location;
};

struct ContactOfficer {
    std::string name;
    std::string job_title;
    std::string email;
    std::string phone;
};

struct PaperImage {
    std::string url;       // as written in the paper, relative to the paper's folder
    std::string site_path; // relative to the site root: "content/csp/2017-09-12/map.png"
};

struct Paper {
    std::string source_path; // relative to the source root
    std::string slug;        // file stem without its number prefix: "performance-report"
    std::string title;
    std::string author;
    std::string job_title;
    std::string contact;
    std::string summary;         // one-line description for listings and feeds
    std::string kind = "report"; // report, minutes, cover-report, chairs-report, …
    std::optional<Date> date;
    Security security = Security::unprotected;
    std::string marking;             // protective marking label from site.yaml; empty when none
    bool marking_public = true;      // whether the public may see a paper with this marking
    SourceLocation marking_location; // where `marking:` was written, for errors
    ExemptGround exempt;             // `exempt:` in the front matter: the paper is members-only
    bool landscape = false;
    bool is_pdf = false;     // an external PDF appendix, merged into the pack as it is
    std::string native_path; // a real file path for PDF appendices
    SourceLocation location; // the paper's front matter (or the agenda line naming a PDF)
    // Added after publication: goes out in supplementary pack N (meeting.yaml
    // `supplementary: N` on the paper's entry or its item); 0 for the main pack.
    int supplementary = 0;

    // Loaded per meeting by load_meeting_papers(); empty in the site index.
    bool body_loaded = false;
    doc::Document body;
    std::vector<data::ChartSpec> charts; // doc::Block::chart_index points in here
    std::vector<PaperImage> images;      // local images, checked to lie inside the site
};

// What kind of business an item is: it decides what the agenda prints where a paper's pages
// would go ("Verbal", "Presentation") and whether the item's text comes from the content
// ("Date of next meeting" prints the next meeting's date, time and venue).
enum class ItemKind { paper, verbal, presentation, to_note, next_meeting };
const char* to_string(ItemKind kind); // "paper", "verbal", "presentation", "note", "next-meeting"
// What the agenda prints for an item without pages: "Verbal", "Presentation", "To note", "".
const char* kind_label(ItemKind kind);

struct AgendaItem {
    std::string number; // "3", "5a"
    std::string title;
    std::string presenter;               // every presenter, joined: "Ayo Bello and Sam Reid"
    std::vector<std::string> presenters; // as listed
    ItemKind kind = ItemKind::paper;
    std::string description; // a sentence under the title on the agenda
    int minutes = 0;         // time allowed; 0 when not given
    Purpose purpose = Purpose::none;
    bool restricted = false; // the whole item is for members only
    ExemptGround exempt;     // the ground for excluding the public; implies `restricted`
    bool part_two = false;   // taken in Part 2, after the press and public are excluded
    bool verbal = false;     // no paper to print: the kind's label on the agenda
    bool withheld = false;   // set by apply_audience: restricted content removed
    std::vector<Paper> papers;
    std::vector<AgendaItem> sub_items;
    int supplementary = 0; // added after publication, in supplementary pack N (0: main pack)
    SourceLocation location;
};

// A declaration of interest recorded at a meeting (meeting.yaml `declarations:`).
struct Declaration {
    std::string name;     // who declared it
    std::string item;     // the agenda item number it concerns
    std::string interest; // what the interest is
    SourceLocation location;
};

// One name in a minutes paper's attendance, matched to the board's people where possible.
struct Attendee {
    std::string name;   // the board's spelling when matched, else as written
    std::string note;   // printed in brackets: the written note, else a member's role ("Chair")
    std::string person; // the matched person's name in board.yaml; empty for a guest
    SourceLocation location;
};

// Who attended, in the lists a clerk prints at the head of the minutes.
struct Attendance {
    std::vector<Attendee> present;       // members present
    std::vector<Attendee> apologies;     // sent apologies
    std::vector<Attendee> absent;        // members neither present nor sending apologies
    std::vector<Attendee> in_attendance; // officers, advisers and guests
    std::string minutes_by;              // who took the minutes
    bool empty() const {
        return present.empty() && apologies.empty() && absent.empty() && in_attendance.empty() &&
               minutes_by.empty();
    }
};

// A resolution recorded in minutes under the item it concerns.
struct Decision {
    std::string item;                // the agenda item number: "5"
    std::string item_title;          // the minute's heading, without its number
    std::string text;                // the resolution, as plain text
    std::vector<std::string> points; // the points of "It was agreed that:", when it lists them
    std::string anchor;              // the minute's heading anchor in the minutes paper
    SourceLocation location;
};

// The minutes that record a meeting: where they are, who attended, what was decided, and
// whether a later meeting has approved them.
struct MinutesRecord {
    std::string holder;       // slug of the meeting whose papers include the minutes
    std::string holder_item;  // that meeting's agenda item carrying them
    std::string paper_source; // the minutes paper's source path
    Attendance attendance;
    std::vector<Decision> decisions;
    std::string approved_at; // slug of the meeting that approved them; empty while draft
};

// A published meeting's papers issued again (meeting.yaml `republished:`), listed on the
// meeting page.
struct Republication {
    int version = 0; // 2 for the first republication
    Date date;
    std::string reason;
    SourceLocation location;
};

struct PublishRecord; // content/publish_record.hpp

// Calls `visit` on every paper of `items` and of their sub-items, in agenda order; `items`
// may be const or not, and `visit` gets the papers alike.
template <typename Items, typename Visit> void for_each_paper(Items& items, Visit&& visit) {
    for (auto& item : items) {
        for (auto& paper : item.papers)
            visit(paper);
        for_each_paper(item.sub_items, visit);
    }
}

struct Meeting {
    std::string slug;   // "2017-09-12"
    std::string folder; // "content/csp/2017-09-12"
    std::string title;  // "Community Safety Partnership Board, 12 September 2017"
    Date date;
    Date data_date;        // figures are reported as at this date
    int start_minutes = 0; // minutes after midnight; -1 when not set
    int end_minutes = -1;
    std::string venue;
    MeetingStatus status = MeetingStatus::scheduled;
    std::vector<AgendaItem> items;
    std::vector<Declaration> declarations;
    // Exempt items gather at the end of the agenda under the exclusion resolution ("Part 2"):
    // meeting.yaml `part_two:`, else board.yaml's.
    bool part_two = false;
    std::optional<MinutesRecord> minutes; // set when minutes recording this meeting exist
    // Publication: the record `boardpack publish` wrote beside meeting.yaml (null while the
    // meeting is unpublished), and the republications meeting.yaml declares, oldest first.
    std::shared_ptr<const PublishRecord> published;
    std::vector<Republication> republications;
    int supplementary = 0; // in a supplementary pack's view of the meeting: which one
    SourceLocation location;
};

// What the pack stage reports about a meeting's packs, for the site's download links.
struct PackItemPages {
    std::string number;
    int first_page = 0; // 0 when the item has no pages (verbal, withheld)
    int last_page = 0;
    // The item's pages as a PDF of their own, beside the pack; empty when there is none.
    std::string report_file;
    std::size_t report_bytes = 0;
    // The PDF page showing first_page (1-based): the public edition prints one page for a
    // withheld item, so after one its PDF pages run behind the printed numbers.
    int first_sheet = 0;
};

// A supplementary pack beside pack.pdf: supplementary-N.pdf (supplementary-members-N.pdf in
// the members' edition).
struct SupplementaryPack {
    int number = 0;
    std::string file;
    int pages = 0;
    std::size_t bytes = 0;
};

struct PackSummary {
    bool built = false;
    std::string pack_file = "pack.pdf";     // "pack-members.pdf" in the members' edition
    std::string agenda_file = "agenda.pdf"; // "agenda-members.pdf" in the members' edition
    int pages = 0;                          // pages in the PDF
    std::size_t pack_bytes = 0;
    int agenda_pages = 0;
    std::size_t agenda_bytes = 0;
    std::vector<PackItemPages> items;
    std::vector<SupplementaryPack> supplements;
};

// A heading of the membership, named and ordered by the board ("LBBD advisers and observers").
// `role` says how its people count: "members" vote and are absent when not listed in minutes;
// "advisers" and "observers" attend.
struct MembershipGroup {
    std::string name;
    std::string role = "members"; // members | advisers | observers
    std::vector<Person> people;
};

struct Board {
    std::string slug;   // folder name: "csp"
    std::string folder; // "content/csp"
    std::string name;
    std::string short_name;
    std::string purpose; // Markdown-free text
    std::vector<Person> members;
    std::vector<Person> advisers;
    std::vector<Person> observers;
    std::vector<MembershipGroup> groups; // board.yaml `membership:`; empty when not given
    ContactOfficer contact;
    std::string venue;
    int start_minutes = -1;
    int end_minutes = -1;
    bool part_two = false;         // board.yaml `part_two:`, the default for its meetings
    std::vector<Meeting> meetings; // sorted by date
    std::shared_ptr<const data::IndicatorSet> indicators;
    std::shared_ptr<const data::ActionLog> actions;
    std::shared_ptr<const data::ForwardPlan> forward_plan;
    SourceLocation location;
};

// The membership as printed: the board's own groups, in its order, or else Members, Advisers
// and Observers. Groups with nobody in them are left out.
std::vector<MembershipGroup> membership_groups(const Board& board);

struct Site {
    std::string source_root; // the folder holding site.yaml (a real path, for tools)
    SiteConfig config;
    std::vector<Board> boards;
};

} // namespace bp::content

#include "content/attendance.hpp"

#include "core/text.hpp"
#include "data/yaml_source.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace bp::content {

namespace {

// Words written before a name: honorifics, and the ranks and titles of police, fire and
// council officers. Several may stand together ("Detective Chief Superintendent").
const std::set<std::string> leading_titles = {
    "cllr",      "councillor", "dr",           "mr",       "mrs",
    "ms",        "miss",       "mx",           "prof",     "professor",
    "sir",       "dame",       "rev",          "revd",     "reverend",
    "lord",      "lady",       "baroness",     "rt",       "hon",
    "the",       "chief",      "detective",    "det",      "superintendent",
    "supt",      "inspector",  "insp",         "sergeant", "sgt",
    "constable", "pc",         "ds",           "di",       "dci",
    "dsu",       "commander",  "commissioner", "deputy",   "assistant",
    "borough",   "group",      "station",      "watch",    "area",
    "manager",   "temporary",  "acting"};
const std::set<std::string> post_nominals = {"mbe", "obe", "cbe", "qpm", "kc",  "qc",
                                             "mp",  "jp",  "dl",  "kpm", "qfsm"};

std::vector<std::string> name_words(std::string_view name) {
    std::string text(name);
    for (std::size_t at; (at = text.find("\xE2\x80\x99")) != std::string::npos;)
        text.replace(at, 3, "'");
    if (std::size_t paren = text.find('('); paren != std::string::npos)
        text.resize(paren);
    std::vector<std::string> words;
    for (const auto& word : split(to_lower_ascii(text), ' ')) {
        std::string cleaned = trim(word);
        while (!cleaned.empty() && (cleaned.back() == '.' || cleaned.back() == ','))
            cleaned.pop_back();
        if (!cleaned.empty())
            words.push_back(cleaned);
    }
    while (words.size() > 1 && leading_titles.count(words.front()))
        words.erase(words.begin());
    while (words.size() > 1 && post_nominals.count(words.back()))
        words.pop_back();
    return words;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words)
        out += (out.empty() ? "" : " ") + word;
    return out;
}

// A written first name matches a person's first name, or is its initial ("J" or "J.").
bool first_name_fits(const std::string& written, const std::string& actual) {
    if (written == actual)
        return true;
    return utf8_length(written) == 1 && starts_with(actual, written);
}

// The bracketed note written after a name: "Ayo Bello (Chair)" → "Chair".
std::string written_note(std::string_view name) {
    std::size_t open = name.find('(');
    std::size_t close = name.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open)
        return {};
    return trim(name.substr(open + 1, close - open - 1));
}

bool is_chair(const Person& person) {
    std::string role = to_lower_ascii(person.role);
    return role.find("chair") != std::string::npos;
}

// The Chair first, then vice-chairs, then everyone else in the order written.
int precedence(const Attendee& attendee, const std::vector<Person>& people) {
    for (const auto& person : people)
        if (person.name == attendee.person && is_chair(person))
            return to_lower_ascii(person.role).find("vice") == std::string::npos ? 0 : 1;
    return 2;
}

class AttendanceReader {
  public:
    AttendanceReader(const SourceLocation& origin, const Board& board, DiagnosticSink& sink)
        : origin_(origin), board_(board), people_(board_people(board)), sink_(sink) {}

    std::vector<Attendee> read_list(const YAML::Node& front_matter, const std::string& key) {
        std::vector<Attendee> attendees;
        YAML::Node list = front_matter[key];
        if (!list || list.IsNull())
            return attendees;
        if (!list.IsSequence()) {
            sink_.error(data::location_of(list, origin_), "'" + key + "' must be a list of names",
                        "write one name per line, each starting with '- '");
            return attendees;
        }
        for (const auto& entry : list) {
            if (!entry.IsScalar()) {
                sink_.error(data::location_of(entry, origin_),
                            "each entry in '" + key + "' must be a name");
                continue;
            }
            if (auto attendee = read_name(entry, key))
                attendees.push_back(std::move(*attendee));
        }
        return attendees;
    }

    // Members neither present, sending apologies nor listed in attendance.
    std::vector<Attendee> unlisted_members() const {
        std::vector<Attendee> absent;
        for (const auto& member : board_.members)
            if (!listed_.count(member.name))
                absent.push_back({member.name, "", member.name, member.location});
        return absent;
    }

    const std::vector<Person>& people() const { return people_; }

  private:
    std::optional<Attendee> read_name(const YAML::Node& entry, const std::string& key) {
        std::string written = trim(entry.Scalar());
        SourceLocation where = data::location_of(entry, origin_);
        if (written.empty())
            return std::nullopt;
        Attendee attendee{written, written_note(written), "", where};
        if (std::size_t paren = written.find('('); paren != std::string::npos)
            attendee.name = trim(written.substr(0, paren));
        NameMatch match = match_person(written, people_);
        if (match.person) {
            attendee.name = match.person->name;
            attendee.person = match.person->name;
            // Officers are known by their posts; members' roles are printed once, when present.
            if (attendee.note.empty() && key == "in_attendance")
                attendee.note = match.person->post;
            else if (attendee.note.empty() && key == "present")
                attendee.note = match.person->role;
        } else if (key == "in_attendance" && !attendee.note.empty() && match.candidates.empty()) {
            // A guest, described by the note: not one of the board's people.
        } else {
            report_unmatched(written, key, match, where);
        }
        note_listed(written, key, attendee, where);
        return attendee;
    }

    void report_unmatched(const std::string& written, const std::string& key,
                          const NameMatch& match, const SourceLocation& where) {
        if (!match.candidates.empty()) {
            std::string names;
            for (const auto* person : match.candidates)
                names += (names.empty() ? "" : ", ") + person->name;
            sink_.warning(where, "'" + written + "' in '" + key + "' could be any of: " + names,
                          "write the first name too, as board.yaml gives it");
            return;
        }
        std::vector<std::string> comparable;
        for (const auto& person : people_)
            comparable.push_back(comparable_name(person.name));
        std::string hint = "add them to board.yaml under members, advisers or observers, or "
                           "check the spelling";
        if (auto close = data::closest_match(comparable_name(written), comparable)) {
            auto at = std::find(comparable.begin(), comparable.end(), *close) - comparable.begin();
            hint = "did you mean '" + people_[static_cast<std::size_t>(at)].name + "'?";
        }
        sink_.warning(where,
                      "'" + written + "' in '" + key +
                          "' is not a member, adviser or observer of the board",
                      hint);
    }

    void note_listed(const std::string& written, const std::string& key, const Attendee& attendee,
                     const SourceLocation& where) {
        std::string identity = attendee.person.empty() ? comparable_name(written) : attendee.person;
        auto [first, added] = listed_.emplace(identity, key);
        if (added)
            return;
        sink_.warning(where,
                      "'" + written + "' is listed " +
                          (first->second == key
                               ? "twice in '" + key + "'"
                               : "in both '" + first->second + "' and '" + key + "'"),
                      "keep the name in one list only");
    }

    const SourceLocation& origin_;
    const Board& board_;
    std::vector<Person> people_;
    DiagnosticSink& sink_;
    std::map<std::string, std::string> listed_; // person (or comparable name) → first list
};

} // namespace

std::string comparable_name(std::string_view name) {
    return joined(name_words(name));
}

NameMatch match_person(std::string_view name, const std::vector<Person>& people) {
    NameMatch match;
    std::vector<std::string> written = name_words(name);
    if (written.empty())
        return match;
    std::string wanted = joined(written);
    for (const auto& person : people)
        if (comparable_name(person.name) == wanted) {
            match.person = &person;
            return match;
        }
    for (const auto& person : people) {
        std::vector<std::string> words = name_words(person.name);
        if (words.empty() || words.back() != written.back())
            continue;
        if (written.size() > 1 && !first_name_fits(written.front(), words.front()))
            continue;
        match.candidates.push_back(&person);
    }
    if (match.candidates.size() == 1) {
        match.person = match.candidates.front();
        match.candidates.clear();
    }
    return match;
}

std::vector<Person> board_people(const Board& board) {
    std::vector<Person> people;
    for (const auto* group : {&board.members, &board.advisers, &board.observers})
        people.insert(people.end(), group->begin(), group->end());
    const ContactOfficer& contact = board.contact;
    if (!contact.name.empty() &&
        std::none_of(people.begin(), people.end(),
                     [&](const Person& person) { return person.name == contact.name; }))
        people.push_back({contact.name, contact.job_title, "", "", board.location});
    return people;
}

Attendance read_attendance(const YAML::Node& front_matter, const SourceLocation& origin,
                           const Board& board, DiagnosticSink& sink) {
    Attendance attendance;
    if (!front_matter.IsMap())
        return attendance;
    AttendanceReader reader(origin, board, sink);
    attendance.present = reader.read_list(front_matter, "present");
    attendance.apologies = reader.read_list(front_matter, "apologies");
    bool absent_given = front_matter["absent"].IsDefined() && !front_matter["absent"].IsNull();
    if (absent_given)
        attendance.absent = reader.read_list(front_matter, "absent");
    attendance.in_attendance = reader.read_list(front_matter, "in_attendance");
    if (!absent_given && !attendance.present.empty())
        attendance.absent = reader.unlisted_members();
    std::stable_sort(attendance.present.begin(), attendance.present.end(),
                     [&](const Attendee& a, const Attendee& b) {
                         return precedence(a, reader.people()) < precedence(b, reader.people());
                     });
    attendance.minutes_by =
        trim(data::read_string(front_matter, "minutes_by", origin, sink).value_or(""));
    return attendance;
}

} // namespace bp::content

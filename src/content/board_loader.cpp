#include "content/loader_parts.hpp"
#include "core/text.hpp"
#include "data/yaml_source.hpp"

namespace bp::content {

namespace {

std::vector<Person> read_people(const YAML::Node& yaml, const std::string& key,
                                const SourceLocation& origin, DiagnosticSink& sink) {
    std::vector<Person> people;
    YAML::Node list = yaml[key];
    if (!list)
        return people;
    if (!list.IsSequence()) {
        sink.error(data::location_of(list, origin), "'" + key + "' must be a list of people",
                   "write each person as '- name: …' with post and organisation");
        return people;
    }
    for (const auto& entry : list) {
        SourceLocation where = data::location_of(entry, origin);
        if (!entry.IsMap()) {
            sink.error(where, "each entry in '" + key + "' must have name, post and organisation");
            continue;
        }
        data::check_keys(entry, {"name", "post", "organisation", "role"}, origin, sink,
                         "a person in '" + key + "'");
        Person person;
        person.location = where;
        person.name = data::read_string(entry, "name", origin, sink, true).value_or("");
        person.post = data::read_string(entry, "post", origin, sink).value_or("");
        person.organisation = data::read_string(entry, "organisation", origin, sink).value_or("");
        person.role = data::read_string(entry, "role", origin, sink).value_or("");
        if (!person.name.empty())
            people.push_back(std::move(person));
    }
    return people;
}

// `membership:` — groups the board names and orders itself:
//   - { group: LBBD advisers and observers, role: advisers, people: [ … ] }
std::vector<MembershipGroup> read_groups(const YAML::Node& yaml, const SourceLocation& origin,
                                         DiagnosticSink& sink) {
    std::vector<MembershipGroup> groups;
    YAML::Node list = yaml["membership"];
    if (!list)
        return groups;
    if (!list.IsSequence()) {
        sink.error(data::location_of(list, origin), "'membership' must be a list of groups",
                   "write each group as '- group: …' with role and people");
        return groups;
    }
    for (const auto& entry : list) {
        if (!entry.IsMap()) {
            sink.error(data::location_of(entry, origin),
                       "each membership group needs 'group' and 'people'");
            continue;
        }
        data::check_keys(entry, {"group", "role", "people"}, origin, sink, "a membership group");
        MembershipGroup group;
        group.name = data::read_string(entry, "group", origin, sink, true).value_or("");
        group.role =
            data::read_choice(entry, "role", {"members", "advisers", "observers"}, origin, sink)
                .value_or("members");
        group.people = read_people(entry, "people", origin, sink);
        if (!group.name.empty())
            groups.push_back(std::move(group));
    }
    return groups;
}

ContactOfficer read_contact(const YAML::Node& yaml, const SourceLocation& origin,
                            DiagnosticSink& sink) {
    ContactOfficer contact;
    YAML::Node node = yaml["contact"];
    if (!node)
        return contact;
    if (!node.IsMap()) {
        sink.error(data::location_of(node, origin),
                   "'contact' must have name, job_title, email and phone");
        return contact;
    }
    data::check_keys(node, {"name", "job_title", "email", "phone"}, origin, sink, "contact");
    contact.name = data::read_string(node, "name", origin, sink, true).value_or("");
    contact.job_title = data::read_string(node, "job_title", origin, sink).value_or("");
    contact.email = data::read_string(node, "email", origin, sink).value_or("");
    contact.phone = data::read_string(node, "phone", origin, sink).value_or("");
    return contact;
}

int read_time(const YAML::Node& yaml, const std::string& key, const SourceLocation& origin,
              DiagnosticSink& sink, int fallback) {
    auto text = data::read_string(yaml, key, origin, sink);
    if (!text)
        return fallback;
    auto minutes = parse_time_minutes(*text);
    if (!minutes) {
        sink.error(data::location_of(yaml[key], origin), "'" + *text + "' is not a time",
                   "write times as \"HH:MM\" on the 24-hour clock, quoted, for example \"14:00\"");
        return fallback;
    }
    return *minutes;
}

} // namespace

int read_time_of_day(const YAML::Node& yaml, const std::string& key, const SourceLocation& origin,
                     DiagnosticSink& sink, int fallback) {
    return read_time(yaml, key, origin, sink, fallback);
}

std::optional<Board> load_board(const FileSystem& files, const std::string& folder,
                                DiagnosticSink& sink) {
    std::string path = join_path(folder, "board.yaml");
    auto yaml = read_yaml_file(files, path, sink);
    if (!yaml)
        return std::nullopt;
    const SourceLocation origin{path, 1, 1};
    data::check_keys(*yaml,
                     {"name", "short_name", "purpose", "venue", "start", "end", "contact",
                      "members", "advisers", "observers", "membership", "part_two"},
                     origin, sink, "board.yaml");
    Board board;
    board.slug = file_name(folder);
    board.folder = folder;
    board.location = origin;
    board.name = data::read_string(*yaml, "name", origin, sink, true).value_or(board.slug);
    board.short_name = data::read_string(*yaml, "short_name", origin, sink).value_or(board.name);
    board.purpose = trim(data::read_string(*yaml, "purpose", origin, sink).value_or(""));
    board.venue = data::read_string(*yaml, "venue", origin, sink).value_or("");
    board.part_two = data::read_bool(*yaml, "part_two", origin, sink).value_or(false);
    board.start_minutes = read_time(*yaml, "start", origin, sink, -1);
    board.end_minutes = read_time(*yaml, "end", origin, sink, -1);
    board.contact = read_contact(*yaml, origin, sink);
    board.members = read_people(*yaml, "members", origin, sink);
    board.advisers = read_people(*yaml, "advisers", origin, sink);
    board.observers = read_people(*yaml, "observers", origin, sink);
    board.groups = read_groups(*yaml, origin, sink);
    if (!board.groups.empty() && (yaml->operator[]("members") || yaml->operator[]("advisers") ||
                                  yaml->operator[]("observers")))
        sink.error(data::location_of((*yaml)["membership"], origin),
                   "board.yaml takes 'membership' groups or members, advisers and observers, "
                   "not both",
                   "move everyone into the groups under 'membership'");
    // Everything that asks who is a member, adviser or observer reads the three lists.
    for (const auto& group : board.groups) {
        auto& list = group.role == "advisers"    ? board.advisers
                     : group.role == "observers" ? board.observers
                                                 : board.members;
        list.insert(list.end(), group.people.begin(), group.people.end());
    }
    if (board.members.empty())
        sink.warning(origin, "the board has no members", "list them under 'members:'");
    return board;
}

} // namespace bp::content

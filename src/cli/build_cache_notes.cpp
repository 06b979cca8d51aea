#include "cli/build_cache_notes.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>
#include <tuple>

namespace bp::cli {

namespace {

using nlohmann::json;

json summary_json(const content::PackSummary& summary) {
    json items = json::array();
    for (const auto& item : summary.items)
        items.push_back({{"number", item.number},
                         {"first_page", item.first_page},
                         {"last_page", item.last_page},
                         {"report_file", item.report_file},
                         {"report_bytes", item.report_bytes},
                         {"first_sheet", item.first_sheet}});
    json supplements = json::array();
    for (const auto& supplement : summary.supplements)
        supplements.push_back({{"number", supplement.number},
                               {"file", supplement.file},
                               {"pages", supplement.pages},
                               {"bytes", supplement.bytes}});
    return {{"built", summary.built},
            {"pack_file", summary.pack_file},
            {"agenda_file", summary.agenda_file},
            {"pages", summary.pages},
            {"pack_bytes", summary.pack_bytes},
            {"agenda_pages", summary.agenda_pages},
            {"agenda_bytes", summary.agenda_bytes},
            {"items", items},
            {"supplements", supplements}};
}

content::PackSummary summary_from(const json& in) {
    content::PackSummary summary;
    summary.built = in.at("built").get<bool>();
    summary.pack_file = in.at("pack_file").get<std::string>();
    summary.agenda_file = in.at("agenda_file").get<std::string>();
    summary.pages = in.at("pages").get<int>();
    summary.pack_bytes = in.at("pack_bytes").get<std::size_t>();
    summary.agenda_pages = in.at("agenda_pages").get<int>();
    summary.agenda_bytes = in.at("agenda_bytes").get<std::size_t>();
    for (const auto& item : in.at("items"))
        summary.items.push_back(
            {item.at("number").get<std::string>(), item.at("first_page").get<int>(),
             item.at("last_page").get<int>(), item.at("report_file").get<std::string>(),
             item.at("report_bytes").get<std::size_t>(), item.at("first_sheet").get<int>()});
    for (const auto& supplement : in.at("supplements"))
        summary.supplements.push_back(
            {supplement.at("number").get<int>(), supplement.at("file").get<std::string>(),
             supplement.at("pages").get<int>(), supplement.at("bytes").get<std::size_t>()});
    return summary;
}

// A document's word forms as lines, "word stem": an archive's worth of them is read far faster
// than as JSON.
std::string forms_text(const site::StemmedDocument& document) {
    std::string text;
    for (const auto& [form, stem] : document.forms)
        text += form + ' ' + stem + '\n';
    return text;
}

// Words are runs of letters and digits, so none holds a space or line break; this keeps a
// malformed one from being split on the way back (the note is then not written).
bool fits_a_line(const std::string& word) {
    return !word.empty() && word.find_first_of(" \n") == std::string::npos;
}

bool fits_lines(const site::StemmedDocument& document) {
    return std::all_of(document.forms.begin(), document.forms.end(), [](const auto& form) {
        return fits_a_line(form.first) && fits_a_line(form.second);
    });
}

// A line's space-separated fields, into `fields` (emptied first; a note has a line for every
// word of every paper, so one vector serves them all).
void fields_of(std::string_view line, std::vector<std::string_view>& fields) {
    fields.clear();
    while (!line.empty()) {
        std::size_t space = line.find(' ');
        fields.push_back(line.substr(0, space));
        line = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    }
}

// Calls `use` with each line's fields; throws on an empty field.
template <typename Use> void for_each_line(std::string_view rest, Use use) {
    std::vector<std::string_view> fields;
    while (!rest.empty()) {
        std::size_t end = rest.find('\n');
        if (end == std::string_view::npos)
            throw std::invalid_argument("a cached search document ends mid-line");
        fields_of(rest.substr(0, end), fields);
        if (fields.empty() || std::any_of(fields.begin(), fields.end(),
                                          [](std::string_view field) { return field.empty(); }))
            throw std::invalid_argument("an empty field in a cached search document");
        use(fields);
        rest.remove_prefix(end + 1);
    }
}

// A document's fields in the order they are kept: the note's lines list their lengths.
template <typename Document> auto document_fields(Document& document) {
    return std::array{&document.url,      &document.title,      &document.kind,
                      &document.board,    &document.board_slug, &document.date,
                      &document.date_iso, &document.year,       &document.item};
}

// A document as one line, "<length of each field> <has text: 0 or 1> <bytes of its word
// forms>", then its fields one after another: read back with no parser (an archive's
// rebuild reads every meeting's documents, and as JSON they were a twentieth of its time)
// and byte for byte, whatever a title holds. Its word forms go after every document, and the
// postings after those, in one block for the meeting (see pages_note).
void append_document(std::string& out, const site::StemmedDocument& document,
                     std::size_t forms_bytes) {
    auto fields = document_fields(document.document);
    std::string values;
    for (const std::string* field : fields) {
        out += std::to_string(field->size()) + ' ';
        values += *field;
    }
    out += std::string(document.has_text ? "1 " : "0 ") + std::to_string(forms_bytes) + '\n';
    out += values;
}

// The next `bytes` of the lines after the note's JSON; throws when they run short.
std::string_view take(std::string_view& lines, std::size_t bytes) {
    if (bytes > lines.size())
        throw std::invalid_argument("a cached search document's lines run short");
    std::string_view taken = lines.substr(0, bytes);
    lines.remove_prefix(bytes);
    return taken;
}

// The next count of a document's line and the space after it; throws when there is none.
std::size_t take_count(std::string_view& line) {
    std::size_t space = line.find(' ');
    auto count = parse_count(line.substr(0, space));
    if (!count)
        throw std::invalid_argument("a cached search document's line is not its lengths");
    line.remove_prefix(space == std::string_view::npos ? line.size() : space + 1);
    return *count;
}

// The document at the start of `documents` (append_document), with its word forms from the
// start of `forms`; both are moved past what was read.
site::StemmedDocument document_from(std::string_view& documents, std::string_view& forms) {
    auto line = take_line(documents);
    if (!line)
        throw std::invalid_argument("a cached search document ends mid-line");
    site::StemmedDocument stemmed;
    auto fields = document_fields(stemmed.document);
    std::array<std::size_t, std::tuple_size_v<decltype(fields)>> lengths{};
    for (std::size_t& length : lengths)
        length = take_count(*line);
    std::size_t has_text = take_count(*line);
    std::size_t forms_bytes = take_count(*line);
    if (has_text > 1 || !line->empty())
        throw std::invalid_argument("a cached search document's line is not its lengths");
    stemmed.has_text = has_text == 1;
    for (std::size_t n = 0; n < fields.size(); ++n)
        *fields[n] = take(documents, lengths[n]);
    for_each_line(take(forms, forms_bytes), [&](const auto& words) {
        if (words.size() != 2)
            throw std::invalid_argument("a cached word form is not a word and its stem");
        stemmed.forms.emplace_back(words[0], words[1]);
    });
    return stemmed;
}

json warnings_json(const std::vector<Diagnostic>& warnings) {
    json diagnostics = json::array();
    for (const auto& warning : warnings)
        diagnostics.push_back({{"file", warning.location.file},
                               {"line", warning.location.line},
                               {"column", warning.location.column},
                               {"message", warning.message},
                               {"hint", warning.hint}});
    return diagnostics;
}

std::vector<Diagnostic> warnings_from(const json& in) {
    std::vector<Diagnostic> warnings;
    for (const auto& warning : in)
        warnings.push_back({Severity::warning,
                            {warning.at("file").get<std::string>(), warning.at("line").get<int>(),
                             warning.at("column").get<int>()},
                            warning.at("message").get<std::string>(),
                            warning.at("hint").get<std::string>()});
    return warnings;
}

std::string dump(const json& note) {
    return note.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The byte order the postings were kept in: a cache carried to a machine of the other order is
// not read.
const char* byte_order() {
    return std::endian::native == std::endian::little ? "little" : "big";
}

} // namespace

std::string cache_note(const std::vector<Diagnostic>& warnings,
                       const std::optional<content::PackSummary>& summary) {
    json note = {{"warnings", warnings_json(warnings)}};
    if (summary)
        note["summary"] = summary_json(*summary);
    return dump(note);
}

std::optional<std::string> pages_note(const std::vector<Diagnostic>& warnings,
                                      const PagesNote& pages) {
    std::string documents; // each document's fields
    std::string lines;     // then each document's forms, in document order, then the postings
    for (const auto& document : pages.documents.documents) {
        if (!fits_lines(document))
            return std::nullopt;
        std::string forms = forms_text(document);
        append_document(documents, document, forms.size());
        lines += forms;
    }
    lines += pages.documents.postings;
    json note = {{"warnings", warnings_json(warnings)},
                 {"images", pages.images},
                 {"documents", pages.documents.documents.size()},
                 {"documents_bytes", documents.size()},
                 {"postings_bytes", pages.documents.postings.size()},
                 {"postings_order", byte_order()}};
    try {
        // One line of JSON (it escapes every line break in a string), then the rest.
        return note.dump() + '\n' + documents + lines; // strict: warnings and images too
    } catch (const json::type_error&) {
        return std::nullopt;
    }
}

std::optional<ReadNote> read_note(const std::string& note) {
    std::string_view whole = note;
    std::size_t json_end = std::min(whole.find('\n'), whole.size());
    json parsed = json::parse(whole.substr(0, json_end), nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("warnings"))
        return std::nullopt;
    std::string_view lines = whole.substr(std::min(json_end + 1, whole.size()));
    try {
        ReadNote read;
        read.warnings = warnings_from(parsed.at("warnings"));
        if (parsed.contains("summary"))
            read.summary = summary_from(parsed.at("summary"));
        if (parsed.contains("images") && parsed.contains("documents")) {
            PagesNote pages;
            pages.images = parsed.at("images").get<ImageDigests>();
            std::string_view documents =
                take(lines, parsed.at("documents_bytes").get<std::size_t>());
            for (std::size_t n = parsed.at("documents").get<std::size_t>(); n > 0; --n)
                pages.documents.documents.push_back(document_from(documents, lines));
            if (!documents.empty())
                return std::nullopt; // bytes no document claims
            pages.documents.postings = take(lines, parsed.at("postings_bytes").get<std::size_t>());
            if (parsed.at("postings_order").get<std::string>() != byte_order() ||
                !site::whole_posting_records(
                    pages.documents.postings,
                    static_cast<std::uint32_t>(pages.documents.documents.size())))
                return std::nullopt;
            read.pages = std::move(pages);
        }
        if (!lines.empty())
            return std::nullopt; // bytes no document claims: not a note this build wrote
        return read;
    } catch (const std::exception&) { // a JSON type error, or a malformed line
        return std::nullopt;
    }
}

bool replay_warnings(const std::string& note, DiagnosticSink& sink) {
    auto read = read_note(note);
    if (!read)
        return false;
    for (auto& warning : read->warnings)
        sink.report(std::move(warning));
    return true;
}

} // namespace bp::cli

#include "cli/build_cache_notes.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <bit>
#include <charconv>
#include <initializer_list>
#include <stdexcept>
#include <string_view>

namespace bp::cli {

namespace {

// A note is records, each a line of its fields' lengths and then the fields one after another:
// read back with no parser, and every byte of a field as it was. A rebuild reads every unchanged
// meeting's two notes, and as JSON they were a tenth of its time.
constexpr std::string_view note_opening = "boardpack note 2\n";

void put(std::string& out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (std::string_view field : fields) {
        out += first ? "" : " ";
        out += std::to_string(field.size());
        first = false;
    }
    out += '\n';
    for (std::string_view field : fields)
        out += field;
}

// Reads what put wrote; throws when the note is not whole.
class NoteReader {
  public:
    explicit NoteReader(std::string_view text) : rest_(text) {}

    // The next record, which must have `count` fields.
    std::vector<std::string_view> record(std::size_t count) {
        auto line = take_line(rest_);
        if (!line)
            throw std::invalid_argument("a note's record ends mid-line");
        std::vector<std::size_t> lengths;
        while (!line->empty()) {
            std::size_t space = line->find(' ');
            auto length = parse_count(line->substr(0, space));
            if (!length)
                throw std::invalid_argument("a note's record does not start with its lengths");
            lengths.push_back(*length);
            line->remove_prefix(space == std::string_view::npos ? line->size() : space + 1);
        }
        if (lengths.size() != count)
            throw std::invalid_argument("a note's record has another number of fields");
        std::vector<std::string_view> fields;
        for (std::size_t length : lengths)
            fields.push_back(bytes(length));
        return fields;
    }
    std::string_view bytes(std::size_t count) {
        if (count > rest_.size())
            throw std::invalid_argument("a note runs short");
        std::string_view taken = rest_.substr(0, count);
        rest_.remove_prefix(count);
        return taken;
    }
    // Takes the line `expected` ("summary") when it comes next.
    bool take(std::string_view expected) {
        if (!rest_.starts_with(expected) || !rest_.substr(expected.size()).starts_with('\n'))
            return false;
        rest_.remove_prefix(expected.size() + 1);
        return true;
    }
    // The count on a line "<label> <count>", which must come next.
    std::size_t count_after(std::string_view label) {
        auto line = take_line(rest_);
        auto count = line && line->starts_with(label) ? parse_count(line->substr(label.size()))
                                                      : std::nullopt;
        if (!count)
            throw std::invalid_argument("a note's count is missing");
        return *count;
    }
    bool done() const { return rest_.empty(); }

  private:
    std::string_view rest_;
};

template <typename Number> Number number_of(std::string_view text) {
    Number number{};
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size())
        throw std::invalid_argument("a note's number is not a number");
    return number;
}

std::string text_of(long long number) {
    return std::to_string(number);
}

void put_summary(std::string& out, const content::PackSummary& summary) {
    out += "summary\n";
    put(out, {summary.built ? "1" : "0", summary.pack_file, summary.agenda_file,
              text_of(summary.pages), text_of(static_cast<long long>(summary.pack_bytes)),
              text_of(summary.agenda_pages), text_of(static_cast<long long>(summary.agenda_bytes)),
              text_of(static_cast<long long>(summary.items.size())),
              text_of(static_cast<long long>(summary.supplements.size()))});
    for (const auto& item : summary.items)
        put(out, {item.number, text_of(item.first_page), text_of(item.last_page), item.report_file,
                  text_of(static_cast<long long>(item.report_bytes)), text_of(item.first_sheet)});
    for (const auto& supplement : summary.supplements)
        put(out, {text_of(supplement.number), supplement.file, text_of(supplement.pages),
                  text_of(static_cast<long long>(supplement.bytes))});
}

content::PackSummary summary_from(NoteReader& in) {
    auto fields = in.record(9);
    content::PackSummary summary;
    summary.built = number_of<int>(fields[0]) == 1;
    summary.pack_file = fields[1];
    summary.agenda_file = fields[2];
    summary.pages = number_of<int>(fields[3]);
    summary.pack_bytes = number_of<std::size_t>(fields[4]);
    summary.agenda_pages = number_of<int>(fields[5]);
    summary.agenda_bytes = number_of<std::size_t>(fields[6]);
    for (auto count = number_of<std::size_t>(fields[7]); count > 0; --count) {
        auto item = in.record(6);
        summary.items.push_back({std::string(item[0]), number_of<int>(item[1]),
                                 number_of<int>(item[2]), std::string(item[3]),
                                 number_of<std::size_t>(item[4]), number_of<int>(item[5])});
    }
    for (auto count = number_of<std::size_t>(fields[8]); count > 0; --count) {
        auto supplement = in.record(4);
        summary.supplements.push_back({number_of<int>(supplement[0]), std::string(supplement[1]),
                                       number_of<int>(supplement[2]),
                                       number_of<std::size_t>(supplement[3])});
    }
    return summary;
}

// Warnings are kept as valid UTF-8, as they are reported (a build's record carries them in JSON).
void put_warnings(std::string& out, const std::vector<Diagnostic>& warnings) {
    out += "warnings " + std::to_string(warnings.size()) + '\n';
    for (const auto& warning : warnings)
        put(out, {sanitize_utf8(warning.location.file), text_of(warning.location.line),
                  text_of(warning.location.column), sanitize_utf8(warning.message),
                  sanitize_utf8(warning.hint)});
}

std::vector<Diagnostic> warnings_from(NoteReader& in, std::size_t count) {
    std::vector<Diagnostic> warnings;
    for (; count > 0; --count) {
        auto fields = in.record(5);
        warnings.push_back(
            {Severity::warning,
             {std::string(fields[0]), number_of<int>(fields[1]), number_of<int>(fields[2])},
             std::string(fields[3]),
             std::string(fields[4])});
    }
    return warnings;
}

// A document's word forms as lines, "word stem": an archive's worth of them is read far faster
// than one record each.
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

// Calls `use` with the word and stem of each line of `forms`; throws on a line that is not two
// words.
template <typename Use> void for_each_form(std::string_view forms, Use use) {
    while (!forms.empty()) {
        auto line = take_line(forms);
        std::size_t space = line ? line->find(' ') : std::string_view::npos;
        if (space == std::string_view::npos || space == 0 || space + 1 == line->size() ||
            line->find(' ', space + 1) != std::string_view::npos)
            throw std::invalid_argument("a cached word form is not a word and its stem");
        use(line->substr(0, space), line->substr(space + 1));
    }
}

void put_document(std::string& out, const site::StemmedDocument& stemmed, std::size_t forms_bytes) {
    const site::SearchDocument& document = stemmed.document;
    put(out, {document.url, document.title, document.kind, document.board, document.board_slug,
              document.date, document.date_iso, document.year, document.item,
              stemmed.has_text ? "1" : "0", text_of(static_cast<long long>(forms_bytes))});
}

// The document's record from `in`, its word forms not yet read: their bytes are returned.
std::size_t document_from(NoteReader& in, site::StemmedDocument& stemmed) {
    auto fields = in.record(11);
    stemmed.document = {std::string(fields[0]), std::string(fields[1]), std::string(fields[2]),
                        std::string(fields[3]), std::string(fields[4]), std::string(fields[5]),
                        std::string(fields[6]), std::string(fields[7]), std::string(fields[8]),
                        std::string()};
    stemmed.has_text = number_of<int>(fields[9]) == 1;
    return number_of<std::size_t>(fields[10]);
}

// The byte order the postings were kept in: a cache carried to a machine of the other order is
// not read.
const char* byte_order() {
    return std::endian::native == std::endian::little ? "little" : "big";
}

} // namespace

std::string cache_note(const std::vector<Diagnostic>& warnings,
                       const std::optional<content::PackSummary>& summary) {
    std::string note(note_opening);
    put_warnings(note, warnings);
    if (summary)
        put_summary(note, *summary);
    return note;
}

std::optional<std::string> pages_note(const std::vector<Diagnostic>& warnings,
                                      const PagesNote& pages) {
    std::string note = cache_note(warnings);
    const auto& documents = pages.documents.documents;
    note += "pages\n";
    put(note, {text_of(static_cast<long long>(pages.images.size())),
               text_of(static_cast<long long>(documents.size())),
               text_of(static_cast<long long>(pages.documents.postings.size())), byte_order()});
    for (const auto& [path, sha] : pages.images)
        put(note, {path, sha});
    std::string forms; // each document's, in document order, after every document
    for (const auto& document : documents) {
        if (!fits_lines(document))
            return std::nullopt;
        std::string text = forms_text(document);
        put_document(note, document, text.size());
        forms += text;
    }
    return note + forms + pages.documents.postings;
}

std::optional<ReadNote> read_note(const std::string& note) {
    std::string_view text = note;
    if (!text.starts_with(note_opening))
        return std::nullopt;
    NoteReader in(text.substr(note_opening.size()));
    try {
        ReadNote read;
        read.warnings = warnings_from(in, in.count_after("warnings "));
        if (in.take("summary"))
            read.summary = summary_from(in);
        if (in.take("pages")) {
            auto fields = in.record(4);
            if (fields[3] != byte_order())
                return std::nullopt; // kept on a machine of the other byte order
            PagesNote pages;
            for (auto images = number_of<std::size_t>(fields[0]); images > 0; --images) {
                auto image = in.record(2);
                pages.images.emplace(image[0], image[1]);
            }
            auto& documents = pages.documents.documents;
            documents.resize(number_of<std::size_t>(fields[1]));
            std::vector<std::size_t> forms_bytes;
            for (auto& document : documents)
                forms_bytes.push_back(document_from(in, document));
            for (std::size_t n = 0; n < documents.size(); ++n)
                for_each_form(in.bytes(forms_bytes[n]), [&](auto word, auto stem) {
                    documents[n].forms.emplace_back(word, stem);
                });
            pages.documents.postings = in.bytes(number_of<std::size_t>(fields[2]));
            if (!site::whole_posting_records(pages.documents.postings,
                                             static_cast<std::uint32_t>(documents.size())))
                return std::nullopt;
            read.pages = std::move(pages);
        }
        if (!in.done())
            return std::nullopt; // bytes no record claims: not a note this build wrote
        return read;
    } catch (const std::exception&) { // a record cut short, or a number that is not one
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

#include "cli/build_cache_notes.hpp"

#include "content/note_codec.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <string_view>

namespace bp::cli {

namespace {

using content::NoteReader;
using content::NoteWriter;

// A note's fields one after another (content/note_codec.hpp): read back with no parser and
// byte for byte. A rebuild reads every unchanged meeting's two notes, and as JSON they were a
// tenth of its time.
const std::string note_format = "boardpack cache note 4";

void write_summary(NoteWriter& out, const content::PackSummary& summary) {
    out.flag(summary.built);
    out.text(summary.pack_file);
    out.text(summary.agenda_file);
    out.number(summary.pages);
    out.number(static_cast<long long>(summary.pack_bytes));
    out.number(summary.agenda_pages);
    out.number(static_cast<long long>(summary.agenda_bytes));
    out.number(static_cast<long long>(summary.items.size()));
    for (const auto& item : summary.items) {
        out.text(item.number);
        out.number(item.first_page);
        out.number(item.last_page);
        out.text(item.report_file);
        out.number(static_cast<long long>(item.report_bytes));
        out.number(item.first_sheet);
    }
    out.number(static_cast<long long>(summary.supplements.size()));
    for (const auto& supplement : summary.supplements) {
        out.number(supplement.number);
        out.text(supplement.file);
        out.number(supplement.pages);
        out.number(static_cast<long long>(supplement.bytes));
    }
}

std::size_t size_of(NoteReader& in) {
    long long value = in.number();
    if (value < 0)
        throw std::invalid_argument("a negative size in a cache note");
    return static_cast<std::size_t>(value);
}

content::PackSummary read_summary(NoteReader& in) {
    content::PackSummary summary;
    summary.built = in.flag();
    summary.pack_file = in.text();
    summary.agenda_file = in.text();
    summary.pages = in.integer();
    summary.pack_bytes = size_of(in);
    summary.agenda_pages = in.integer();
    summary.agenda_bytes = size_of(in);
    for (std::size_t count = in.count(); count > 0; --count) {
        content::PackItemPages item;
        item.number = in.text();
        item.first_page = in.integer();
        item.last_page = in.integer();
        item.report_file = in.text();
        item.report_bytes = size_of(in);
        item.first_sheet = in.integer();
        summary.items.push_back(std::move(item));
    }
    for (std::size_t count = in.count(); count > 0; --count) {
        content::SupplementaryPack supplement;
        supplement.number = in.integer();
        supplement.file = in.text();
        supplement.pages = in.integer();
        supplement.bytes = size_of(in);
        summary.supplements.push_back(std::move(supplement));
    }
    return summary;
}

// Warnings are kept as valid UTF-8, as they are reported (a build's record carries them in JSON).
void write_warnings(NoteWriter& out, const std::vector<Diagnostic>& warnings) {
    out.number(static_cast<long long>(warnings.size()));
    for (const auto& warning : warnings) {
        out.location({sanitize_utf8(warning.location.file.str()), warning.location.line,
                      warning.location.column});
        out.text(sanitize_utf8(warning.message));
        out.text(sanitize_utf8(warning.hint));
    }
}

std::vector<Diagnostic> read_warnings(NoteReader& in) {
    std::vector<Diagnostic> warnings;
    for (std::size_t count = in.count(); count > 0; --count) {
        Diagnostic warning{Severity::warning, in.location(), {}, {}};
        warning.message = in.text();
        warning.hint = in.text();
        warnings.push_back(std::move(warning));
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

void write_document(NoteWriter& out, const site::StemmedDocument& stemmed) {
    const site::SearchDocument& document = stemmed.document;
    for (const std::string* field :
         {&document.url, &document.title, &document.kind, &document.board, &document.board_slug,
          &document.date, &document.date_iso, &document.year, &document.item})
        out.text(*field);
    out.flag(stemmed.has_text);
    out.text(forms_text(stemmed));
}

site::StemmedDocument read_document(NoteReader& in) {
    site::StemmedDocument stemmed;
    site::SearchDocument& document = stemmed.document;
    for (std::string* field :
         {&document.url, &document.title, &document.kind, &document.board, &document.board_slug,
          &document.date, &document.date_iso, &document.year, &document.item})
        *field = in.text();
    stemmed.has_text = in.flag();
    std::string forms = in.text();
    stemmed.forms.reserve(static_cast<std::size_t>(std::count(forms.begin(), forms.end(), '\n')));
    for_each_form(forms, [&](std::string_view word, std::string_view stem) {
        stemmed.forms.emplace_back(word, stem);
    });
    return stemmed;
}

// The byte order the postings were kept in: a cache carried to a machine of the other order is
// not read.
const char* byte_order() {
    return std::endian::native == std::endian::little ? "little" : "big";
}

std::string note_text(const std::vector<Diagnostic>& warnings, const content::PackSummary* summary,
                      const PagesNote* pages) {
    NoteWriter out;
    out.text(note_format);
    write_warnings(out, warnings);
    out.flag(summary != nullptr);
    if (summary)
        write_summary(out, *summary);
    out.flag(pages != nullptr);
    if (pages) {
        out.number(static_cast<long long>(pages->images.size()));
        for (const auto& [path, sha] : pages->images) {
            out.text(path);
            out.text(sha);
        }
        out.text(byte_order());
        out.number(static_cast<long long>(pages->documents.documents.size()));
        for (const auto& document : pages->documents.documents)
            write_document(out, document);
        out.text(pages->documents.postings.table);
        out.number(static_cast<long long>(pages->documents.postings.records.size()));
    }
    return out.take();
}

} // namespace

std::string cache_note(const std::vector<Diagnostic>& warnings,
                       const std::optional<content::PackSummary>& summary) {
    return note_text(warnings, summary ? &*summary : nullptr, nullptr);
}

std::optional<NoteAndTail> pages_note(const std::vector<Diagnostic>& warnings,
                                      const PagesNote& pages) {
    for (const auto& document : pages.documents.documents)
        if (!fits_lines(document))
            return std::nullopt;
    return NoteAndTail{note_text(warnings, nullptr, &pages), pages.documents.postings.records};
}

std::optional<ReadNote> read_note(const std::string& note) {
    NoteReader in(note);
    try {
        if (in.text() != note_format)
            return std::nullopt;
        ReadNote read;
        read.warnings = read_warnings(in);
        if (in.flag())
            read.summary = read_summary(in);
        if (in.flag()) {
            PagesNote pages;
            for (std::size_t count = in.count(); count > 0; --count) {
                std::string path = in.text();
                pages.images.emplace(std::move(path), in.text());
            }
            if (in.text() != byte_order())
                return std::nullopt; // kept on a machine of the other byte order
            auto& documents = pages.documents.documents;
            for (std::size_t count = in.count(); count > 0; --count)
                documents.push_back(read_document(in));
            // The records stay in the tail (StoredPostings): the caller says which file.
            site::StoredPostings& stored = pages.documents.stored.emplace();
            pages.documents.postings.table = in.text();
            stored.table_offset = in.position() - pages.documents.postings.table.size();
            stored.table_bytes = pages.documents.postings.table.size();
            stored.records_bytes = size_of(in);
            stored.check = site::stored_postings_check(pages.documents.postings.table);
            if (!site::for_each_kept_shard(pages.documents.postings.table, stored.records_bytes,
                                           [](const site::KeptShard&) {}))
                return std::nullopt;
            read.pages = std::move(pages);
        }
        if (!in.done())
            return std::nullopt; // bytes no field claims: not a note this build wrote
        return read;
    } catch (const std::exception&) { // a field cut short, or a number that is not one
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

#include "cli/index_memo.hpp"

#include "cli/build_cache_keys.hpp"
#include "cli/build_cache_notes.hpp"
#include "content/meeting_note.hpp"
#include "core/digest.hpp"
#include "core/filesystem.hpp"

#include <charconv>
#include <string_view>

namespace bp::cli {

namespace {

constexpr std::string_view first_line = "boardpack meeting index 1\n";

// The text up to the next line break, which is taken off `rest`; none when there is none.
std::optional<std::string_view> take_line(std::string_view& rest) {
    std::size_t end = rest.find('\n');
    if (end == std::string_view::npos)
        return std::nullopt;
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    return line;
}

std::optional<std::size_t> size_in(std::string_view text) {
    std::size_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// The next `bytes` of `rest`, taken off it; none when it runs short.
std::optional<std::string> take(std::string_view& rest, std::size_t bytes) {
    if (bytes > rest.size())
        return std::nullopt;
    std::string taken(rest.substr(0, bytes));
    rest.remove_prefix(bytes);
    return taken;
}

bool papers_in_folder(const content::Meeting& meeting, const std::string& folder) {
    bool inside = true;
    content::for_each_paper(meeting.items, [&](const content::Paper& paper) {
        inside = inside && parent_path(paper.source_path) == folder;
    });
    return inside;
}

} // namespace

IndexMemo::IndexMemo(const BuildCache& cache, std::string source, content::Audience audience)
    : cache_(cache), source_(std::move(source)),
      part_(std::string(content::to_string(audience)) + "/index") {
    Digest key;
    key.add("meeting index").add("boardpack " BOARDPACK_VERSION).add(program_identity());
    entry_key_ = key.add(source_).hex();
    read_stored();
}

// The entry's note: the first line, then each meeting as its folder, its key and the sizes of
// its two notes on three lines, followed by the notes' bytes. Anything amiss drops it whole.
void IndexMemo::read_stored() {
    auto entry = cache_.load(part_, entry_key_);
    if (!entry || !entry->note.starts_with(first_line))
        return;
    std::string_view rest(entry->note);
    rest.remove_prefix(first_line.size());
    std::map<std::string, Record> records;
    while (!rest.empty()) {
        auto folder = take_line(rest);
        auto key = take_line(rest);
        auto sizes = take_line(rest);
        std::size_t space = sizes ? sizes->find(' ') : std::string_view::npos;
        if (!folder || !key || space == std::string_view::npos)
            return;
        auto meeting_bytes = size_in(sizes->substr(0, space));
        auto note_bytes = size_in(sizes->substr(space + 1));
        auto meeting = meeting_bytes ? take(rest, *meeting_bytes) : std::nullopt;
        auto note = note_bytes ? take(rest, *note_bytes) : std::nullopt;
        if (!meeting || !note)
            return;
        records[std::string(*folder)] = {std::string(*key), std::move(*meeting), std::move(*note)};
    }
    stored_ = std::move(records);
}

// Adds each entry of the folder at `native` (and, when `deep`, of its folders) with each file's
// SHA-256; false when a folder cannot be read or holds a link, which may point anywhere.
bool add_entries(Digest& digest, const std::string& native, bool deep) {
    auto entries = folder_entries(native);
    if (!entries)
        return false;
    for (const auto& entry : *entries) {
        if (entry.name.starts_with('.')) // hidden: the site's reader never lists it
            continue;
        if (entry.kind == FolderEntry::Kind::other)
            return false;
        digest.add(entry.name);
        std::string path = join_path(native, entry.name);
        if (entry.kind == FolderEntry::Kind::file)
            digest.add(remembered_file_sha256_hex(path).value_or("?"));
        else if (!deep)
            digest.add("folder");
        else if (!add_entries(digest.add("folder {"), path, true))
            return false;
        else
            digest.add("}");
    }
    return true;
}

std::optional<std::string> IndexMemo::key_of(const content::Board& board,
                                             const std::string& folder) const {
    Digest digest;
    digest.add("meeting").add(board.name).add(board.venue);
    digest.add(std::to_string(board.start_minutes)).add(std::to_string(board.end_minutes));
    digest.add(board.part_two ? "part two" : "no part two").add(folder);
    if (!add_entries(digest, join_path(source_, folder), false))
        return std::nullopt;
    return digest.hex();
}

std::optional<std::string> IndexMemo::records_key_of(const content::Board& board) const {
    Digest digest;
    digest.add("board records").add(board.folder);
    digest.add(remembered_file_sha256_hex(join_path(source_, "site.yaml")).value_or("?"));
    if (!add_entries(digest, join_path(source_, board.folder), true))
        return std::nullopt;
    return digest.hex();
}

IndexMemo::Record* IndexMemo::stored_under(const std::string& name, std::string key) {
    auto found = stored_.find(name);
    bool same = found != stored_.end() && found->second.key == key;
    std::lock_guard lock(mutex_);
    keys_read_[name] = std::move(key); // for keep_value, should the stored record not serve
    return same ? &found->second : nullptr;
}

void IndexMemo::use_stored(const std::string& name, Record* record) {
    std::lock_guard lock(mutex_);
    current_[name] = record;
    keys_read_.erase(name);
}

void IndexMemo::keep_value(const std::string& name, std::string value,
                           const std::vector<Diagnostic>& warnings) {
    if (name.find('\n') != std::string::npos) // the stored framing has a name per line
        return;
    std::lock_guard lock(mutex_);
    auto key = keys_read_.find(name);
    if (key == keys_read_.end())
        return;
    Record& kept = kept_[name];
    kept = {std::move(key->second), std::move(value), cache_note(warnings)};
    current_[name] = &kept;
    keys_read_.erase(key);
    changed_ = true;
}

std::optional<content::Meeting> IndexMemo::recall(const content::Board& board,
                                                  const std::string& folder, DiagnosticSink& sink) {
    // Worked out before the meeting is read, so that what is kept is never newer than its key.
    auto key = key_of(board, folder);
    if (!key)
        return std::nullopt;
    if (Record* stored = stored_under(folder, std::move(*key))) {
        auto meeting = content::meeting_from_note(stored->value);
        if (meeting && replay_warnings(stored->note, sink)) {
            use_stored(folder, stored);
            ++recalled_;
            return meeting;
        }
    }
    return std::nullopt;
}

void IndexMemo::keep(const content::Board&, const std::string& folder,
                     const content::Meeting& meeting, const std::vector<Diagnostic>& warnings) {
    auto note = content::meeting_note(meeting);
    if (note && papers_in_folder(meeting, folder))
        keep_value(folder, std::move(*note), warnings);
}

std::optional<content::BoardRecords> IndexMemo::recall_records(const content::Board& board,
                                                               DiagnosticSink& sink) {
    auto key = records_key_of(board);
    if (!key)
        return std::nullopt;
    if (Record* stored = stored_under(board.folder, std::move(*key))) {
        auto records = content::board_records_from_note(stored->value);
        if (records && records->minutes.size() == board.meetings.size() &&
            replay_warnings(stored->note, sink)) {
            use_stored(board.folder, stored);
            return records;
        }
    }
    return std::nullopt;
}

void IndexMemo::keep_records(const content::Board& board, const content::BoardRecords& records,
                             const std::vector<Diagnostic>& warnings) {
    keep_value(board.folder, content::board_records_note(records), warnings);
}

void IndexMemo::save() {
    std::lock_guard lock(mutex_);
    // Unless every meeting came from what was stored, and all of it was asked for.
    if (changed_ || current_.size() != stored_.size()) {
        std::string text(first_line);
        for (auto& [name, record] : current_) {
            text += name + '\n' + record->key + '\n' + std::to_string(record->value.size()) + ' ' +
                    std::to_string(record->note.size()) + '\n';
            text += record->value;
            text += record->note;
            *record = {}; // an archive's index is megabytes: it is held once, not twice
        }
        cache_.store(part_, entry_key_, {{}, std::move(text)});
    }
    // The build goes on for long after the index: what was kept is let go.
    current_.clear();
    kept_.clear();
    stored_.clear();
    keys_read_.clear();
}

} // namespace bp::cli

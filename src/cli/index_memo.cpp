#include "cli/index_memo.hpp"

#include "cli/build_cache_keys.hpp"
#include "cli/build_cache_notes.hpp"
#include "content/meeting_note.hpp"
#include "core/digest.hpp"
#include "core/filesystem.hpp"
#include "core/text.hpp"

#include <fcntl.h>
#include <string_view>
#include <unistd.h>

namespace bp::cli {

namespace {

constexpr std::string_view first_line = "boardpack meeting index 3\n";
// The hex digits of a record's damage check (damage_check_hex).
constexpr std::size_t check_digits = 32;

bool papers_in_folder(const content::Meeting& meeting, const std::string& folder) {
    bool inside = true;
    content::for_each_paper(meeting.items, [&](const content::Paper& paper) {
        inside = inside && parent_path(paper.source_path) == folder;
    });
    return inside;
}

// Adds each entry of the folder at `native` (and, when `deep`, of its folders) with each file's
// SHA-256; false when a folder cannot be read or holds a link, which may point anywhere.
bool add_entries(Digest& digest, const std::string& native, bool deep) {
    auto entries = source_folder_entries(native);
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

} // namespace

IndexMemo::IndexMemo(const BuildCache& cache, std::string source, content::Audience audience)
    : cache_(cache), source_(std::move(source)),
      part_(std::string(content::to_string(audience)) + "/index") {
    Digest key;
    key.add("meeting index").add("boardpack " BOARDPACK_VERSION).add(program_identity());
    entry_key_ = key.add(source_).hex();
    read_stored();
}

// The entry's note: the first line, then for each meeting or board its name, its key, and the
// sizes and damage check (damage_check_hex) of its two notes on three lines, followed by the
// notes' bytes. Only where
// each record lies is held: an archive's index is tens of megabytes, read again record by record
// (and checked) when recalled. Anything amiss drops the whole entry.
void IndexMemo::read_stored() {
    auto entry = cache_.load(part_, entry_key_);
    if (!entry || !entry->note.starts_with(first_line))
        return;
    std::string_view rest(entry->note);
    rest.remove_prefix(first_line.size());
    std::map<std::string, Stored> records;
    while (!rest.empty()) {
        auto name = take_line(rest);
        auto key = take_line(rest);
        auto sizes = take_line(rest);
        if (!name || !key || !sizes || sizes->size() < check_digits + 2 ||
            (*sizes)[sizes->size() - check_digits - 1] != ' ')
            return;
        std::string check(sizes->substr(sizes->size() - check_digits));
        std::string_view counts = sizes->substr(0, sizes->size() - check_digits - 1);
        std::size_t space = counts.find(' ');
        auto value_bytes = parse_count(counts.substr(0, space));
        auto note_bytes =
            space == std::string_view::npos ? std::nullopt : parse_count(counts.substr(space + 1));
        if (!value_bytes || !note_bytes || *value_bytes + *note_bytes > rest.size())
            return;
        std::uint64_t offset =
            entry->note_offset + static_cast<std::uint64_t>(rest.data() - entry->note.data());
        records[std::string(*name)] = {std::string(*key), offset, *value_bytes, *note_bytes,
                                       std::move(check)};
        rest.remove_prefix(*value_bytes + *note_bytes);
    }
    int fd = ::open(cache_.note_file(part_).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    stored_fd_ = fd;
    stored_ = std::move(records);
}

IndexMemo::~IndexMemo() {
    if (stored_fd_ >= 0)
        ::close(stored_fd_);
}

std::optional<std::string> IndexMemo::read_stored_bytes(const Stored& stored) const {
    auto bytes = read_at(stored_fd_, stored.offset, stored.value_bytes + stored.note_bytes);
    if (!bytes || damage_check_hex(*bytes) != stored.check) // replaced since, or damaged
        return std::nullopt;
    return bytes;
}

std::optional<IndexMemo::Kept> IndexMemo::read_stored_record(const Stored& stored) const {
    auto bytes = read_stored_bytes(stored);
    if (!bytes)
        return std::nullopt;
    std::string note = bytes->substr(stored.value_bytes);
    bytes->resize(stored.value_bytes);
    return Kept{stored.key, std::move(*bytes), std::move(note)};
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

std::optional<IndexMemo::Kept> IndexMemo::stored_under(const std::string& name, std::string key) {
    auto found = stored_.find(name);
    bool same = found != stored_.end() && found->second.key == key;
    {
        std::lock_guard lock(mutex_);
        keys_read_[name] = std::move(key); // for keep_value, should the stored record not serve
    }
    return same ? read_stored_record(found->second) : std::nullopt;
}

void IndexMemo::use_stored(const std::string& name) {
    std::lock_guard lock(mutex_);
    used_.insert(name);
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
    kept_[name] = {std::move(key->second), std::move(value), cache_note(warnings)};
    keys_read_.erase(key);
    changed_ = true;
}

std::optional<content::Meeting> IndexMemo::recall(const content::Board& board,
                                                  const std::string& folder, DiagnosticSink& sink) {
    // Worked out before the meeting is read, so that what is kept is never newer than its key.
    auto key = key_of(board, folder);
    if (!key)
        return std::nullopt;
    if (auto stored = stored_under(folder, std::move(*key))) {
        auto meeting = content::meeting_from_note(stored->value);
        if (meeting && replay_warnings(stored->note, sink)) {
            use_stored(folder);
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
    if (auto stored = stored_under(board.folder, std::move(*key))) {
        auto records = content::board_records_from_note(stored->value);
        if (records && records->minutes.size() == board.meetings.size() &&
            replay_warnings(stored->note, sink)) {
            use_stored(board.folder);
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
    // Unless everything came from what was stored, and all of it was asked for.
    if (changed_ || used_.size() != stored_.size()) {
        std::string text(first_line);
        auto add = [&](const std::string& name, const std::string& key, std::size_t value_bytes,
                       std::size_t note_bytes, const std::string& check, const std::string& bytes) {
            text += name + '\n' + key + '\n' + std::to_string(value_bytes) + ' ' +
                    std::to_string(note_bytes) + ' ' + check + '\n';
            text += bytes;
        };
        for (const auto& [name, record] : kept_) {
            std::string bytes = record.value + record.note;
            add(name, record.key, record.value.size(), record.note.size(), damage_check_hex(bytes),
                bytes);
        }
        for (const auto& name : used_) {
            const Stored& stored = stored_.at(name);
            if (auto bytes = read_stored_bytes(stored)) // checked: carried over as they were
                add(name, stored.key, stored.value_bytes, stored.note_bytes, stored.check, *bytes);
        }
        cache_.store(part_, entry_key_, {{}, std::move(text)});
    }
    // The build goes on for long after the index: what was kept is let go.
    kept_.clear();
    used_.clear();
    stored_.clear();
    keys_read_.clear();
    if (stored_fd_ >= 0)
        ::close(stored_fd_);
    stored_fd_ = -1;
}

} // namespace bp::cli

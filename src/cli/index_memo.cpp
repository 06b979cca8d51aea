#include "cli/index_memo.hpp"

#include "cli/build_cache_keys.hpp"
#include "cli/build_cache_notes.hpp"
#include "content/meeting_note.hpp"
#include "core/digest.hpp"
#include "core/filesystem.hpp"
#include "core/text.hpp"

#include <string_view>

namespace bp::cli {

namespace {

constexpr std::string_view first_line = "boardpack meeting index 4\n";
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
    : cache_(cache), source_(std::move(source)), audience_(content::to_string(audience)) {
    Digest key;
    key.add("meeting index").add("boardpack " BOARDPACK_VERSION).add(program_identity());
    entry_key_ = key.add(source_).hex();
}

std::string IndexMemo::part_of(const content::Board& board) const {
    return audience_ + "/index/" + board.folder;
}

IndexMemo::Shard& IndexMemo::shard_of(const content::Board& board) {
    std::string part = part_of(board);
    auto found = shards_.find(part);
    if (found != shards_.end())
        return found->second;
    Shard& shard = shards_[part];
    read_stored(part, shard);
    return shard;
}

// The entry's note: the first line, then for each meeting or board its name, its key, and the
// sizes and damage check (damage_check_hex) of its two notes on three lines; the notes' bytes
// follow one after another in the entry's tail, which is not read here: only where each record
// lies is held, and a record is read (and checked) when recalled. Anything amiss in the note
// drops the whole entry.
void IndexMemo::read_stored(const std::string& part, Shard& shard) const {
    auto entry = cache_.load(part, entry_key_);
    if (!entry || !entry->note.starts_with(first_line))
        return;
    std::string_view rest(entry->note);
    rest.remove_prefix(first_line.size());
    std::map<std::string, Stored> records;
    std::uint64_t offset = entry->tail_offset;
    std::uint64_t tail_left = entry->tail_bytes;
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
        if (!value_bytes || !note_bytes || *value_bytes > tail_left ||
            *note_bytes > tail_left - *value_bytes)
            return;
        records[std::string(*name)] = {std::string(*key), offset, *value_bytes, *note_bytes,
                                       std::move(check)};
        offset += *value_bytes + *note_bytes;
        tail_left -= *value_bytes + *note_bytes;
    }
    if (tail_left != 0)
        return;
    shard.part = part;
    shard.stored = std::move(records);
}

std::optional<std::string> IndexMemo::read_stored_bytes(const std::string& part,
                                                        const Stored& stored) const {
    auto bytes =
        cache_.read_entry_part(part, stored.offset, stored.value_bytes + stored.note_bytes);
    if (!bytes || damage_check_hex(*bytes) != stored.check) // replaced since, or damaged
        return std::nullopt;
    return bytes;
}

std::optional<IndexMemo::Kept> IndexMemo::read_stored_record(const std::string& part,
                                                             const Stored& stored) const {
    auto bytes = read_stored_bytes(part, stored);
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

std::optional<IndexMemo::Kept> IndexMemo::stored_under(const content::Board& board,
                                                       const std::string& name, std::string key) {
    const Stored* found = nullptr;
    const std::string* part = nullptr;
    {
        std::lock_guard lock(mutex_);
        Shard& shard = shard_of(board);
        auto stored = shard.stored.find(name);
        if (stored != shard.stored.end() && stored->second.key == key) {
            found = &stored->second; // a map's nodes stay put: read outside the lock
            part = &shard.part;
        }
        keys_read_[name] = std::move(key); // for keep_value, should the stored record not serve
    }
    return found ? read_stored_record(*part, *found) : std::nullopt;
}

void IndexMemo::use_stored(const content::Board& board, const std::string& name) {
    std::lock_guard lock(mutex_);
    shard_of(board).used.insert(name);
    keys_read_.erase(name);
}

void IndexMemo::keep_value(const content::Board& board, const std::string& name, std::string value,
                           const std::vector<Diagnostic>& warnings) {
    if (name.find('\n') != std::string::npos) // the stored framing has a name per line
        return;
    std::lock_guard lock(mutex_);
    auto key = keys_read_.find(name);
    if (key == keys_read_.end())
        return;
    Shard& shard = shard_of(board);
    shard.kept[name] = {std::move(key->second), std::move(value), cache_note(warnings)};
    keys_read_.erase(key);
    shard.changed = true;
}

std::optional<content::Meeting> IndexMemo::recall(const content::Board& board,
                                                  const std::string& folder, DiagnosticSink& sink) {
    // Worked out before the meeting is read, so that what is kept is never newer than its key.
    auto key = key_of(board, folder);
    if (!key)
        return std::nullopt;
    if (auto stored = stored_under(board, folder, std::move(*key))) {
        auto meeting = content::meeting_from_note(stored->value);
        if (meeting && replay_warnings(stored->note, sink)) {
            use_stored(board, folder);
            ++recalled_;
            return meeting;
        }
    }
    return std::nullopt;
}

void IndexMemo::keep(const content::Board& board, const std::string& folder,
                     const content::Meeting& meeting, const std::vector<Diagnostic>& warnings) {
    auto note = content::meeting_note(meeting);
    if (note && papers_in_folder(meeting, folder))
        keep_value(board, folder, std::move(*note), warnings);
}

std::optional<content::BoardRecords> IndexMemo::recall_records(const content::Board& board,
                                                               DiagnosticSink& sink) {
    auto key = records_key_of(board);
    if (!key)
        return std::nullopt;
    if (auto stored = stored_under(board, board.folder, std::move(*key))) {
        auto records = content::board_records_from_note(stored->value);
        if (records && records->minutes.size() == board.meetings.size() &&
            replay_warnings(stored->note, sink)) {
            use_stored(board, board.folder);
            return records;
        }
    }
    return std::nullopt;
}

void IndexMemo::keep_records(const content::Board& board, const content::BoardRecords& records,
                             const std::vector<Diagnostic>& warnings) {
    keep_value(board, board.folder, content::board_records_note(records), warnings);
}

void IndexMemo::save_shard(const std::string& part, const Shard& shard) const {
    std::string text(first_line);
    std::string tail;
    auto add = [&](const std::string& name, const std::string& key, std::size_t value_bytes,
                   std::size_t note_bytes, const std::string& check) {
        text += name + '\n' + key + '\n' + std::to_string(value_bytes) + ' ' +
                std::to_string(note_bytes) + ' ' + check + '\n';
    };
    for (const auto& [name, record] : shard.kept) {
        std::size_t start = tail.size();
        tail += record.value;
        tail += record.note;
        add(name, record.key, record.value.size(), record.note.size(),
            damage_check_hex(std::string_view(tail).substr(start)));
    }
    for (const auto& name : shard.used) {
        const Stored& stored = shard.stored.at(name);
        if (auto bytes = read_stored_bytes(shard.part, stored)) { // checked: carried as they were
            add(name, stored.key, stored.value_bytes, stored.note_bytes, stored.check);
            tail += *bytes;
        }
    }
    cache_.store(part, entry_key_, {{}, std::move(text), std::move(tail)});
}

void IndexMemo::save() {
    std::lock_guard lock(mutex_);
    for (auto& [part, shard] : shards_) {
        // Unless everything came from what was stored, and all of it was asked for.
        if (shard.changed || shard.used.size() != shard.stored.size())
            save_shard(part, shard);
    }
    // The build goes on for long after the index: what was kept is let go.
    shards_.clear();
    keys_read_.clear();
}

} // namespace bp::cli

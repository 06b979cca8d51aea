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

std::optional<std::string> IndexMemo::key_of(const content::Board& board,
                                             const std::string& folder) const {
    std::string native = join_path(source_, folder);
    auto entries = folder_entries(native);
    if (!entries || folder.find('\n') != std::string::npos)
        return std::nullopt;
    Digest digest;
    digest.add(board.name).add(board.venue);
    digest.add(std::to_string(board.start_minutes)).add(std::to_string(board.end_minutes));
    digest.add(board.part_two ? "part two" : "no part two").add(folder);
    for (const auto& entry : *entries) {
        if (entry.name.starts_with('.')) // hidden: the site's reader never lists it
            continue;
        if (entry.kind == FolderEntry::Kind::other) // a link may point anywhere: read it afresh
            return std::nullopt;
        digest.add(entry.name);
        if (entry.kind == FolderEntry::Kind::folder)
            digest.add("folder");
        else
            digest.add(remembered_file_sha256_hex(join_path(native, entry.name)).value_or("?"));
    }
    return digest.hex();
}

std::optional<content::Meeting> IndexMemo::recall(const content::Board& board,
                                                  const std::string& folder, DiagnosticSink& sink) {
    // Worked out before the meeting is read, so that what is kept is never newer than its key.
    auto key = key_of(board, folder);
    if (!key)
        return std::nullopt;
    auto found = stored_.find(folder);
    if (found != stored_.end() && found->second.key == *key) {
        auto meeting = content::meeting_from_note(found->second.meeting);
        if (meeting && replay_warnings(found->second.note, sink)) {
            std::lock_guard lock(mutex_);
            current_[folder] = &found->second;
            ++recalled_;
            return meeting;
        }
    }
    std::lock_guard lock(mutex_);
    keys_read_[folder] = std::move(*key);
    return std::nullopt;
}

void IndexMemo::keep(const content::Board&, const std::string& folder,
                     const content::Meeting& meeting, const std::vector<Diagnostic>& warnings) {
    auto note = content::meeting_note(meeting);
    if (!note || !papers_in_folder(meeting, folder))
        return;
    std::lock_guard lock(mutex_);
    auto key = keys_read_.find(folder);
    if (key == keys_read_.end())
        return;
    Record& kept = kept_[folder];
    kept = {std::move(key->second), std::move(*note), cache_note(warnings)};
    current_[folder] = &kept;
    keys_read_.erase(key);
    changed_ = true;
}

void IndexMemo::save() {
    std::lock_guard lock(mutex_);
    // Unless every meeting came from what was stored, and all of it was asked for.
    if (changed_ || current_.size() != stored_.size()) {
        std::string text(first_line);
        for (const auto& [folder, record] : current_) {
            text += folder + '\n' + record->key + '\n' + std::to_string(record->meeting.size()) +
                    ' ' + std::to_string(record->note.size()) + '\n';
            text += record->meeting;
            text += record->note;
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

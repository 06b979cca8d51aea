#include "cli/build_cache.hpp"

#include "core/digest.hpp"
#include "core/filesystem.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace bp::cli {

namespace {

// Bumped when the layout of an entry changes, so an older cache is simply not found.
const char* const layout_version = "v11";

std::optional<std::string> read_bytes(const fs::path& path) {
    return read_regular_file(path.string());
}

// Writes the pieces one after another, none copied into another first.
bool write_bytes(const fs::path& path, std::initializer_list<std::string_view> pieces) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    for (std::string_view piece : pieces)
        out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
    out.close();
    return static_cast<bool>(out);
}

// Part names come from folder names; one that could climb out of the cache is never used.
bool safe_part(std::string_view part) {
    if (part.empty() || part.front() == '/')
        return false;
    for (;;) { // asked of every file of every entry read: no list of pieces is made
        std::size_t slash = part.find('/');
        std::string_view piece = part.substr(0, slash);
        if (piece.empty() || piece == "." || piece == "..")
            return false;
        if (slash == std::string_view::npos)
            return true;
        part.remove_prefix(slash + 1);
    }
}

// An output path recorded in an entry must stay inside the output folder too, and fit on the
// entry's line.
bool safe_output_path(std::string_view path) {
    return safe_part(path) && path.find('\n') == std::string::npos;
}

std::string stamp_text(long long size, long long seconds, long nanoseconds) {
    return std::to_string(size) + "@" + std::to_string(seconds) + "." + std::to_string(nanoseconds);
}

// A stored file's size and modification time, which stay as they are when the entry folder is
// renamed into place; "none" when it cannot be read. `identity` is filled in when given.
std::string stamp_of(const fs::path& path, FileIdentity* identity = nullptr) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0 || !S_ISREG(status.st_mode))
        return "none";
    if (identity)
        *identity = {status.st_dev, status.st_ino};
    return stamp_text(status.st_size, status.st_mtim.tv_sec, status.st_mtim.tv_nsec);
}

// A stored file's identity as an entry records it, "device:inode".
std::string identity_text(const FileIdentity& identity) {
    return std::to_string(identity.device) + ":" + std::to_string(identity.inode);
}

// Zeros, which match no file, when unreadable: the entry's files are then looked up.
FileIdentity identity_from(std::string_view text) {
    std::size_t colon = text.find(':');
    auto device = parse_count(text.substr(0, colon));
    auto inode =
        colon == std::string_view::npos ? std::nullopt : parse_count(text.substr(colon + 1));
    if (!device || !inode)
        return {};
    return {*device, *inode};
}

const std::string_view entry_opening = "boardpack cache entry ";

// The rest of `line` after `word` and a space; none when it does not start so.
std::optional<std::string_view> after(std::string_view line, std::string_view word) {
    if (!line.starts_with(word) || line.size() <= word.size() || line[word.size()] != ' ')
        return std::nullopt;
    return line.substr(word.size() + 1);
}

// An entry's first line: the damage checks of its lines and of its note, then the sizes of the
// lines, the note and the tail, so that the file is read up to its tail in one or two reads.
struct EntryOpening {
    std::string_view lines_check;
    std::string_view note_check;
    std::uint64_t lines_bytes = 0;
    std::uint64_t note_bytes = 0;
    std::uint64_t tail_bytes = 0;
    std::uint64_t length = 0; // of the line, its line break included
    std::uint64_t head_and_note() const { return length + lines_bytes + note_bytes; }
};

// None when `text` does not start with a whole opening whose sizes add up to `file_bytes`.
std::optional<EntryOpening> parse_opening(std::string_view text, std::uint64_t file_bytes) {
    std::string_view rest = text;
    auto line = take_line(rest);
    if (!line || !line->starts_with(entry_opening))
        return std::nullopt;
    std::string_view fields[5];
    std::string_view words = line->substr(entry_opening.size());
    for (std::size_t n = 0; n < 5; ++n) {
        std::size_t space = words.find(' ');
        if ((space == std::string_view::npos) != (n == 4))
            return std::nullopt;
        fields[n] = words.substr(0, space);
        words.remove_prefix(n == 4 ? words.size() : space + 1);
    }
    auto lines_bytes = parse_count(fields[2]);
    auto note_bytes = parse_count(fields[3]);
    auto tail_bytes = parse_count(fields[4]);
    EntryOpening opening{fields[0], fields[1], 0, 0, 0, line->size() + 1};
    if (!lines_bytes || !note_bytes || !tail_bytes)
        return std::nullopt;
    opening.lines_bytes = *lines_bytes;
    opening.note_bytes = *note_bytes;
    opening.tail_bytes = *tail_bytes;
    // Each size is below the file's, so their sum cannot overflow.
    if (opening.lines_bytes > file_bytes || opening.note_bytes > file_bytes ||
        opening.tail_bytes > file_bytes ||
        opening.head_and_note() + opening.tail_bytes != file_bytes)
        return std::nullopt;
    return opening;
}

// The first bytes read of an entry: most entries are smaller and read whole in one go.
constexpr std::size_t entry_first_read = 16 * 1024;

// An entry's file (`fd`, closed here) up to its tail, and the file's size; none when it cannot
// be read or its opening is not whole. Opened without blocking (open_entry_file), so a pipe
// put in its place never hangs (nor can it, or a folder, be read at an offset). Most entries are
// shorter than the first read, whose short answer is then their size; a longer one is asked its
// size with fstat(), and must be a regular file. (A device's bytes in an entry's place, or a read
// cut short some other way, fail the entry's checks: it is built again.)
std::optional<std::pair<std::string, std::uint64_t>> read_up_to_tail(int fd) {
    if (fd < 0)
        return std::nullopt;
    auto text = read_up_to(fd, 0, entry_first_read);
    std::optional<std::uint64_t> file_bytes;
    struct stat status {};
    if (text && text->size() < entry_first_read)
        file_bytes = text->size();
    else if (text && ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode))
        file_bytes = static_cast<std::uint64_t>(status.st_size);
    auto opening = file_bytes ? parse_opening(*text, *file_bytes) : std::nullopt;
    if (opening && opening->head_and_note() <= text->size()) {
        text->resize(static_cast<std::size_t>(opening->head_and_note()));
    } else if (opening) {
        auto more = read_at(fd, text->size(),
                            static_cast<std::size_t>(opening->head_and_note() - text->size()));
        if (more)
            text->append(*more);
        else
            text.reset();
    }
    std::optional<std::pair<std::string, std::uint64_t>> read;
    if (opening && text)
        read.emplace(std::move(*text), *file_bytes);
    ::close(fd);
    return read;
}

void remove_quietly(const fs::path& path) {
    std::error_code ec;
    fs::remove_all(path, ec);
}

bool is_real_folder(const fs::path& path) {
    std::error_code ec;
    return fs::is_directory(fs::symlink_status(path, ec));
}

// Whether every entry of `folder` is a real folder that `fits` allows.
template <typename Fits> bool only_folders(const fs::path& folder, Fits fits) {
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (!is_real_folder(it->path()) || !fits(it->path().filename().string()))
            return false;
    return !ec;
}

// A folder an earlier layout of the cache left: named "v<number>" and holding only what a
// cache holds (audiences, then kinds of part), so a folder of the user's own that happens to
// share the name is never taken for one.
bool older_layout(const fs::path& folder) {
    std::string name = folder.filename().string();
    if (name.size() < 2 || name[0] != 'v' || name == layout_version ||
        !std::all_of(name.begin() + 1, name.end(), ::isdigit) || !is_real_folder(folder))
        return false;
    auto audience = [](const std::string& child) {
        return child == "public" || child == "members" || child.starts_with(".new-");
    };
    auto part_kind = [](const std::string& child) {
        return child == "meetings" || child == "pages" || child == "boards" ||
               child == "quarters" || child == "builds" || child == "index" || child == "digests" ||
               child == "search";
    };
    if (!only_folders(folder, audience))
        return false;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (!it->path().filename().string().starts_with(".new-") &&
            !only_folders(it->path(), part_kind))
            return false;
    return !ec;
}

} // namespace

BuildCache::BuildCache(std::string folder) : folder_(std::move(folder)) {
    if (!enabled())
        return;
    // Entries of an older layout are never read again: they would only take up the space.
    std::error_code ec;
    for (fs::directory_iterator it(folder_, ec), end; !ec && it != end; it.increment(ec))
        if (older_layout(it->path()))
            remove_quietly(it->path());
    layout_folder_ = std::make_shared<const OpenFolder>(folder_ + "/" + layout_version);
}

std::optional<std::string> BuildCache::read_entry_part(const std::string& part,
                                                       std::uint64_t offset,
                                                       std::size_t bytes) const {
    if (!enabled() || !safe_part(part))
        return std::nullopt;
    int fd = open_entry_file(part);
    if (fd < 0)
        return std::nullopt;
    auto text = read_at(fd, offset, bytes);
    ::close(fd);
    return text;
}

int BuildCache::open_entry_file(const std::string& part) const {
    // Without blocking, so that a pipe put in an entry's place never hangs (see read_up_to_tail).
    constexpr int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK;
    if (layout_folder_ && layout_folder_->is_open())
        return layout_folder_->open_below(part + "/entry", flags);
    return ::open(note_file(part).c_str(), flags);
}

std::string BuildCache::entry_folder(const std::string& part) const {
    return folder_ + "/" + layout_version + "/" + part;
}

// An entry's file: its opening (EntryOpening), then the key, the files (damage check, size and
// time, identity, output path: the path last, as it may hold spaces), then the note and the
// tail. The note and the tail are written after these lines as they are, never copied into
// them: a meeting's search records run to a megabyte.
std::string BuildCache::entry_head(const std::string& key, const std::vector<Record::File>& files,
                                   std::string_view note, std::string_view tail) {
    std::string lines = "key " + key + "\nfiles " + std::to_string(files.size()) + "\n";
    for (const auto& file : files)
        lines += file.check + ' ' + file.stamp + ' ' + identity_text(file.identity) + ' ' +
                 file.path + '\n';
    return std::string(entry_opening) + damage_check_hex(lines) + ' ' + damage_check_hex(note) +
           ' ' + std::to_string(lines.size()) + ' ' + std::to_string(note.size()) + ' ' +
           std::to_string(tail.size()) + '\n' + lines;
}

std::optional<BuildCache::Record> BuildCache::parse_entry(std::string_view text,
                                                          std::uint64_t file_bytes) {
    auto opening = parse_opening(text, file_bytes);
    if (!opening || opening->head_and_note() != text.size())
        return std::nullopt;
    std::string_view lines = text.substr(opening->length, opening->lines_bytes);
    std::string_view note = text.substr(opening->length + opening->lines_bytes);
    if (damage_check_hex(lines) != opening->lines_check ||
        damage_check_hex(note) != opening->note_check)
        return std::nullopt;
    Record record;
    std::string_view rest = lines;
    auto key = take_line(rest);
    auto files = key ? take_line(rest) : std::nullopt;
    auto count = files ? after(*files, "files") : std::nullopt;
    std::size_t file_count = count ? parse_count(*count).value_or(SIZE_MAX) : SIZE_MAX;
    if (!key || !after(*key, "key") || file_count > rest.size())
        return std::nullopt;
    record.key = std::string(*after(*key, "key"));
    for (std::size_t n = 0; n < file_count; ++n) {
        auto line = take_line(rest);
        if (!line)
            return std::nullopt;
        std::string_view fields[3];
        for (auto& field : fields) {
            std::size_t space = line->find(' ');
            if (space == std::string_view::npos)
                return std::nullopt;
            field = line->substr(0, space);
            line->remove_prefix(space + 1);
        }
        Record::File file{std::string(*line), std::string(fields[0]), std::string(fields[1]),
                          identity_from(fields[2])};
        if (!safe_output_path(file.path))
            return std::nullopt;
        record.files.push_back(std::move(file));
    }
    if (!rest.empty())
        return std::nullopt;
    record.note_offset = opening->length + opening->lines_bytes;
    record.tail_offset = opening->head_and_note();
    record.tail_bytes = opening->tail_bytes;
    return record;
}

std::optional<BuildCache::Record> BuildCache::read_entry(const std::string& part,
                                                         const std::string& key) const {
    if (!enabled() || !safe_part(part))
        return std::nullopt;
    auto read = read_up_to_tail(open_entry_file(part));
    std::error_code ec; // the entry's path is made only when it could not be read
    if (!read && !fs::exists(note_file(part), ec))
        return std::nullopt;
    auto record = read ? parse_entry(read->first, read->second) : std::nullopt;
    if (!record) {
        remove_quietly(entry_folder(part)); // damaged: built again and stored afresh
        return std::nullopt;
    }
    // The note in the same bytes, the lines before it taken off: no second copy of it.
    read->first.erase(0, record->note_offset);
    record->note = std::move(read->first);
    if (record->key != key)
        return std::nullopt; // stale: the next store replaces it
    return record;
}

void BuildCache::forget(const std::string& part) const {
    if (enabled() && safe_part(part))
        remove_quietly(entry_folder(part));
}

std::optional<CacheEntry> BuildCache::load(const std::string& part, const std::string& key) const {
    auto record = read_entry(part, key);
    if (!record)
        return std::nullopt;
    fs::path folder = entry_folder(part);
    CacheEntry entry;
    entry.note = std::move(record->note);
    entry.note_offset = record->note_offset;
    entry.tail_offset = record->tail_offset;
    entry.tail_bytes = record->tail_bytes;
    for (std::size_t n = 0; n < record->files.size(); ++n) {
        auto bytes = read_bytes(folder / std::to_string(n));
        if (!bytes || damage_check_hex(*bytes) != record->files[n].check) {
            remove_quietly(folder); // damaged: built again and stored afresh
            return std::nullopt;
        }
        entry.files.emplace_back(std::move(record->files[n].path), std::move(*bytes));
    }
    return entry;
}

std::optional<StoredEntry> BuildCache::find(const std::string& part, const std::string& key) const {
    auto record = read_entry(part, key);
    if (!record)
        return std::nullopt;
    std::string folder = entry_folder(part) + '/';
    StoredEntry entry;
    entry.note = std::move(record->note);
    entry.note_offset = record->note_offset;
    entry.tail_offset = record->tail_offset;
    entry.tail_bytes = record->tail_bytes;
    for (std::size_t n = 0; n < record->files.size(); ++n) {
        auto& file = record->files[n];
        entry.files.push_back({std::move(file.path), folder + std::to_string(n),
                               std::move(file.check), std::move(file.stamp), file.identity});
    }
    return entry;
}

bool BuildCache::write_to(const StoredEntry& entry, OutputTree& out) const {
    std::vector<std::string_view> paths;
    for (const auto& file : entry.files)
        paths.push_back(file.output_path);
    auto left_files = out.left_files(paths);
    for (std::size_t n = 0; n < entry.files.size(); ++n) {
        const auto& file = entry.files[n];
        // Most often the previous build's link to this very file is there already.
        const auto& left = left_files[n];
        if (left && left->identity == file.stored &&
            stamp_text(left->size, left->modified_seconds, left->modified_nanoseconds) ==
                file.stamp) {
            out.keep_left(file.output_path, *left);
            continue;
        }
        FileIdentity stored;
        if (stamp_of(file.cache_path, &stored) != file.stamp) {
            remove_quietly(fs::path(file.cache_path).parent_path()); // built again, stored afresh
            return false;
        }
        if (out.link_file(file.output_path, file.cache_path, stored))
            continue;
        auto bytes = read_bytes(file.cache_path);
        if (!bytes || damage_check_hex(*bytes) != file.check)
            return false;
        out.write(file.output_path, *bytes);
    }
    return true;
}

bool BuildCache::store(const std::string& part, const std::string& key,
                       const CacheEntry& entry) const {
    return store_entry(part, key, entry, nullptr);
}

bool BuildCache::store(const std::string& part, const std::string& key, const CacheEntry& entry,
                       OutputTree& written_to) const {
    return store_entry(part, key, entry, &written_to);
}

std::optional<std::string> BuildCache::new_staging_folder() const {
    std::error_code ec;
    fs::path root = fs::path(folder_) / layout_version;
    fs::create_directories(root, ec);
    // Written aside and renamed into place, so a reader never sees half an entry.
    std::string pattern = (root / ".new-XXXXXX").string();
    if (ec || !::mkdtemp(pattern.data()))
        return std::nullopt;
    return pattern;
}

bool BuildCache::finish_entry(const std::string& staging, const std::string& part,
                              const std::string& key, const std::vector<Record::File>& files,
                              std::string_view note, std::string_view tail) const {
    fs::path folder = staging;
    if (!write_bytes(folder / "entry", {entry_head(key, files, note, tail), note, tail})) {
        remove_quietly(folder);
        return false;
    }
    std::error_code ec;
    fs::path target = entry_folder(part);
    fs::create_directories(target.parent_path(), ec);
    remove_quietly(target);
    fs::rename(folder, target, ec);
    if (ec) { // another build stored the same part meanwhile; its entry is as good
        remove_quietly(folder);
        return false;
    }
    return true;
}

bool BuildCache::store_entry(const std::string& part, const std::string& key,
                             const CacheEntry& entry, OutputTree* written_to) const {
    if (!enabled() || !safe_part(part))
        return false;
    auto staging = new_staging_folder();
    if (!staging)
        return false;
    std::vector<Record::File> files;
    for (std::size_t n = 0; n < entry.files.size(); ++n) {
        const auto& [path, bytes] = entry.files[n];
        if (!safe_output_path(path)) {
            remove_quietly(*staging);
            return false;
        }
        fs::path stored = fs::path(*staging) / std::to_string(n);
        bool linked = written_to && written_to->share_file(path, stored.string(), bytes.size());
        if (!linked && !write_bytes(stored, {bytes})) {
            remove_quietly(*staging);
            return false;
        }
        FileIdentity identity;
        std::string stamp = stamp_of(stored, &identity);
        files.push_back({path, damage_check_hex(bytes), stamp, identity});
    }
    return finish_entry(*staging, part, key, files, entry.note, entry.tail);
}

bool BuildCache::store_written(const std::string& part, const std::string& key,
                               const std::string& path, OutputTree& written_to) const {
    if (!enabled() || !safe_part(part) || !safe_output_path(path))
        return false;
    std::string written = written_to.staging_path(path);
    struct stat status {};
    if (::stat(written.c_str(), &status) != 0 || !S_ISREG(status.st_mode))
        return false;
    auto staging = new_staging_folder();
    if (!staging)
        return false;
    fs::path stored = fs::path(*staging) / "0";
    std::error_code ec;
    if (!written_to.share_file(path, stored.string(), static_cast<std::size_t>(status.st_size)))
        fs::copy_file(written, stored, ec);
    // The damage check of the copy the cache keeps, whichever way it got there.
    auto check = ec ? std::nullopt : file_damage_check_hex(stored);
    if (!check) {
        remove_quietly(*staging);
        return false;
    }
    FileIdentity identity;
    std::string stamp = stamp_of(stored, &identity);
    std::vector<Record::File> files{{path, *check, stamp, identity}};
    return finish_entry(*staging, part, key, files, "", "");
}

std::string default_cache_folder(const std::string& source) {
    return (fs::path(source) / ".boardpack-cache").string();
}

} // namespace bp::cli

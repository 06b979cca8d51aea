#include "cli/build_cache_record.hpp"

#include "cli/build_cache_keys.hpp"
#include "core/data_dir.hpp"
#include "core/digest.hpp"
#include "core/filesystem.hpp"

#include <fcntl.h>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace bp::cli {

namespace {

using nlohmann::json;

// Every file under `folder`, relative to `root`, with its SHA-256; hidden names left out. In
// the order of the walk, which is the same from build to build (folder by folder, names in
// byte order): no sort of thousands of paths needed.
void digest_folder(Digest& digest, const fs::path& root, const std::string& folder) {
    std::vector<std::pair<std::string, std::string>> files;
    for_each_file_under(
        root, folder, [](const std::string&) { return false; },
        [&](const std::string& path) {
            files.emplace_back(
                path,
                remembered_file_sha256_hex(join_path(root.native(), path)).value_or("unreadable"));
        });
    digest.add(folder).add(std::to_string(files.size()));
    for (const auto& [path, sha] : files)
        digest.add(path).add(sha);
}

std::string digest_of_files(const fs::path& root, const std::set<std::string>& paths) {
    Digest digest;
    for (const auto& path : paths)
        digest.add(path).add(
            remembered_file_sha256_hex(join_path(root.native(), path)).value_or("absent"));
    return digest.hex();
}

// One file of the output in its digest: its path, size and modification time. The folder's
// digest is a sum (UnorderedSum), so the build's record of what it wrote needs no sort into
// the order of a walk.
void add_output_file(UnorderedSum& sum, std::string_view path, long long size, long long modified) {
    std::string member(path);
    member += '\0';
    member += std::to_string(size);
    member += '\0';
    member += std::to_string(modified);
    sum.add_member(member);
}

// Adds each file under `folder` of the output (relative to `root`) with its size and
// modification time, from one lstat() each, made from the folder (an output path is a dozen
// parts deep; an archive has tens of thousands). Only this digest is recorded: an archive's
// output folder holds hundreds of thousands of files, and a listing of them held for the record
// cost the build tens of megabytes at its end. False when a folder cannot be read or a file
// vanishes on the way.
bool digest_output_folder(UnorderedSum& sum, const fs::path& root, const std::string& folder,
                          std::size_t& files) {
    OpenFolder open((root / folder).string());
    auto entries = folder_entries((root / folder).string());
    if (!open.is_open() || !entries)
        return false;
    for (const auto& entry : *entries) {
        std::string path = join_path(folder, entry.name);
        if (entry.kind == FolderEntry::Kind::folder) {
            if (!digest_output_folder(sum, root, path, files))
                return false;
            continue;
        }
        if (entry.kind != FolderEntry::Kind::file) // links and the like are no file of a build
            continue;
        struct stat status {};
        if (!open.look_up(entry.name, status))
            return false;
        long long modified = status.st_mtim.tv_sec * 1'000'000'000LL + status.st_mtim.tv_nsec;
        add_output_file(sum, path, status.st_size, modified);
        ++files;
    }
    return true;
}

// The output folder as it stands (the marker included), as a digest; nothing when it cannot
// be read whole.
std::optional<std::string> output_digest(const fs::path& out) {
    UnorderedSum sum;
    std::size_t files = 0;
    if (!digest_output_folder(sum, out, "", files))
        return std::nullopt;
    return sum.hex() + " " + std::to_string(files);
}

// The same from the files a build wrote, as it wrote them: what output_digest() finds after
// that build, unless something else has changed the folder since.
std::string written_digest(const OutputTree& out) {
    UnorderedSum sum;
    std::size_t files = 0;
    out.for_each_file_as_written([&](std::string_view path, const FileStamp& stamp) {
        add_output_file(sum, path, stamp.size, stamp.modified_ns);
        ++files;
    });
    return sum.hex() + " " + std::to_string(files);
}

std::string real(const std::string& path) {
    std::error_code ec;
    fs::path resolved = fs::weakly_canonical(fs::absolute(path), ec);
    return ec ? fs::absolute(path).lexically_normal().string() : resolved.string();
}

} // namespace

BuildRecords::BuildRecords(const BuildCache& cache, std::string source, std::string out,
                           content::Audience audience)
    : cache_(cache), source_(std::move(source)), out_(std::move(out)), audience_(audience) {
    if (!cache_.enabled())
        return;
    Digest digest;
    digest.add(site_key(source_, audience_)).add(real(out_));
    digest_folder(digest, source_, "content");
    digest_folder(digest, source_, "themes");
    digest_folder(digest, data_dir(), "themes");
    inputs_ = digest.hex();
}

std::string BuildRecords::part() const {
    return std::string(content::to_string(audience_)) + "/builds/" + sha256_hex(real(out_));
}

std::optional<BuildRecord> BuildRecords::up_to_date() const {
    if (!cache_.enabled())
        return std::nullopt;
    auto entry = cache_.load(part(), inputs_);
    if (!entry)
        return std::nullopt;
    json note = json::parse(entry->note, nullptr, false);
    try {
        BuildRecord record;
        for (const auto& path : note.at("files_outside_content"))
            record.files_outside_content.insert(path.get<std::string>());
        if (note.at("outside_digest").get<std::string>() !=
                digest_of_files(source_, record.files_outside_content) ||
            note.at("output").get<std::string>() != output_digest(out_))
            return std::nullopt;
        record.meetings = note.at("meetings").get<std::size_t>();
        record.packs = note.at("packs").get<int>();
        record.pages = note.at("pages").get<int>();
        record.warnings = note.at("warnings").get<std::string>();
        return record;
    } catch (const json::exception&) {
        return std::nullopt;
    }
}

void BuildRecords::store(const BuildRecord& record, const OutputTree& written) const {
    if (!cache_.enabled())
        return;
    std::string output = written_digest(written);
    json note = {{"meetings", record.meetings},
                 {"packs", record.packs},
                 {"pages", record.pages},
                 {"warnings", record.warnings},
                 {"files_outside_content", record.files_outside_content},
                 {"outside_digest", digest_of_files(source_, record.files_outside_content)},
                 {"output", output}};
    cache_.store(part(), inputs_, {{}, note.dump(-1, ' ', false, json::error_handler_t::replace)});
}

} // namespace bp::cli

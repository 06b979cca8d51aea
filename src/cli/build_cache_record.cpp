#include "cli/build_cache_record.hpp"

#include "cli/build_cache_keys.hpp"
#include "core/data_dir.hpp"
#include "core/digest.hpp"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace bp::cli {

namespace {

using nlohmann::json;

bool hidden(const fs::path& path) {
    std::string name = path.filename().string();
    return !name.empty() && name[0] == '.';
}

// Every file under `folder`, relative to `root`, with its SHA-256; hidden names left out.
void digest_folder(Digest& digest, const fs::path& root, const std::string& folder) {
    std::map<std::string, std::string> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root / folder, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (hidden(it->path())) {
            if (it->is_directory(ec))
                it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec))
            files[it->path().lexically_relative(root).generic_string()] =
                remembered_file_sha256_hex(it->path()).value_or("unreadable");
    }
    digest.add(folder).add(std::to_string(files.size()));
    for (const auto& [path, sha] : files)
        digest.add(path).add(sha);
}

std::string digest_of_files(const fs::path& root, const std::set<std::string>& paths) {
    Digest digest;
    for (const auto& path : paths)
        digest.add(path).add(remembered_file_sha256_hex(root / path).value_or("absent"));
    return digest.hex();
}

// Each file of the output folder (the marker included) with its size and modification time,
// from one lstat() each: an archive's output folder holds tens of thousands of files.
json output_listing(const fs::path& out) {
    std::map<std::string, std::pair<long long, long long>> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(out, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        struct stat status {};
        if (it->is_symlink(ec) || it->is_directory(ec) ||
            ::lstat(it->path().c_str(), &status) != 0 || !S_ISREG(status.st_mode))
            continue;
        long long modified = status.st_mtim.tv_sec * 1'000'000'000LL + status.st_mtim.tv_nsec;
        files[it->path().lexically_relative(out).generic_string()] = {status.st_size, modified};
    }
    json listing = json::array();
    for (const auto& [path, stamp] : files)
        listing.push_back({path, stamp.first, stamp.second});
    return ec ? json() : listing;
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
            note.at("output") != output_listing(out_))
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

void BuildRecords::store(const BuildRecord& record) const {
    if (!cache_.enabled())
        return;
    json listing = output_listing(out_);
    if (listing.is_null())
        return;
    json note = {{"meetings", record.meetings},
                 {"packs", record.packs},
                 {"pages", record.pages},
                 {"warnings", record.warnings},
                 {"files_outside_content", record.files_outside_content},
                 {"outside_digest", digest_of_files(source_, record.files_outside_content)},
                 {"output", listing}};
    cache_.store(part(), inputs_, {{}, note.dump(-1, ' ', false, json::error_handler_t::replace)});
}

} // namespace bp::cli

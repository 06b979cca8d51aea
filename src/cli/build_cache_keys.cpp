#include "cli/build_cache_keys.hpp"

#include "core/build_clock.hpp"
#include "core/data_dir.hpp"
#include "core/date.hpp"
#include "core/digest.hpp"
#include "core/filesystem.hpp"
#include "pack/font_family.hpp"

#include <algorithm>
#include <cstring>
#include <elf.h>
#include <filesystem>
#include <functional>
#include <link.h>
#include <map>

namespace fs = std::filesystem;

namespace bp::cli {

namespace {

using FileDigests = std::map<std::string, std::string>; // path as named -> SHA-256

void add_file(FileDigests& digests, const fs::path& root, const std::string& path) {
    if (path.empty() || digests.count(path))
        return;
    digests[path] = remembered_file_sha256_hex(join_path(root.native(), path)).value_or("absent");
}

// Every file under `folder` (relative to `root`), hidden ones and `skip`ped folders left out.
void add_folder(FileDigests& digests, const fs::path& root, const std::string& folder,
                const std::function<bool(const std::string&)>& skip) {
    for_each_file_under(root, folder, skip,
                        [&](const std::string& path) { add_file(digests, root, path); });
}

void add_folder(FileDigests& digests, const fs::path& root, const std::string& folder) {
    add_folder(digests, root, folder, [](const std::string&) { return false; });
}

void add_digests(Digest& digest, const FileDigests& digests) {
    digest.add(std::to_string(digests.size()));
    for (const auto& [path, sha] : digests)
        digest.add(path).add(sha);
}

int note_build_id(dl_phdr_info* info, size_t, void* data) {
    auto* id = static_cast<std::string*>(data);
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const auto& header = info->dlpi_phdr[i];
        if (header.p_type != PT_NOTE)
            continue;
        const char* note = reinterpret_cast<const char*>(info->dlpi_addr + header.p_vaddr);
        const char* end = note + header.p_memsz;
        while (note + sizeof(ElfW(Nhdr)) <= end) {
            const auto* nhdr = reinterpret_cast<const ElfW(Nhdr)*>(note);
            const char* name = note + sizeof(ElfW(Nhdr));
            const char* desc = name + ((nhdr->n_namesz + 3) & ~3u);
            if (nhdr->n_type == NT_GNU_BUILD_ID && nhdr->n_namesz == 4 &&
                std::memcmp(name, "GNU", 4) == 0 && desc + nhdr->n_descsz <= end) {
                id->assign(desc, nhdr->n_descsz);
                return 1;
            }
            note = desc + ((nhdr->n_descsz + 3) & ~3u);
        }
    }
    return 1; // the first object is the program itself; libraries are not looked at
}

} // namespace

const std::string& program_identity() {
    static const std::string identity = [] {
        std::string id;
        dl_iterate_phdr(note_build_id, &id);
        if (!id.empty())
            return "build-id:" + sha256_hex(id);
        std::error_code ec;
        fs::path self = fs::read_symlink("/proc/self/exe", ec);
        return "program:" + (ec ? std::string("unknown") : file_sha256_hex(self).value_or(""));
    }();
    return identity;
}

std::string site_key(const std::string& source_root, content::Audience audience) {
    Digest digest;
    digest.add("boardpack " BOARDPACK_VERSION).add(program_identity());
    digest.add(content::to_string(audience));
    auto epoch = source_date_epoch();
    digest.add(epoch ? std::to_string(*epoch) : "no SOURCE_DATE_EPOCH");
    FileDigests site_files;
    add_file(site_files, source_root, "site.yaml");
    add_folder(site_files, source_root, "assets");
    add_digests(digest, site_files);
    FileDigests fonts;
    add_folder(fonts, data_dir(), "assets/fonts");
    add_digests(digest, fonts);
    digest.add(pack::installed_font_files());
    return digest.hex();
}

std::string board_key(const std::string& site_key, const std::string& source_root,
                      const content::Board& board) {
    FileDigests files;
    add_folder(files, source_root, board.folder,
               [](const std::string& folder) { return parse_date(file_name(folder)).has_value(); });
    for (const auto& meeting : board.meetings) {
        add_file(files, source_root, meeting.folder + "/meeting.yaml");
        content::for_each_paper(meeting.items, [&](const content::Paper& paper) {
            if (paper.kind == "minutes")
                add_file(files, source_root, paper.source_path);
        });
        if (meeting.minutes)
            add_file(files, source_root, meeting.minutes->paper_source);
    }
    Digest digest;
    digest.add(site_key).add(board.slug);
    add_digests(digest, files);
    return digest.hex();
}

std::string meeting_key(const std::string& board_key, const std::string& source_root,
                        const content::Meeting& meeting) {
    FileDigests files;
    add_folder(files, source_root, meeting.folder);
    content::for_each_paper(meeting.items, [&](const content::Paper& paper) {
        add_file(files, source_root, paper.source_path);
    });
    Digest digest;
    digest.add(board_key).add(meeting.folder);
    add_digests(digest, files);
    return digest.hex();
}

ImageDigests image_digests(const std::string& source_root, const content::Meeting& meeting) {
    ImageDigests images;
    content::for_each_paper(meeting.items, [&](const content::Paper& paper) {
        for (const auto& image : paper.images)
            add_file(images, source_root, image.site_path);
    });
    return images;
}

bool images_unchanged(const std::string& source_root, const ImageDigests& images) {
    for (const auto& [path, sha] : images)
        if (remembered_file_sha256_hex(join_path(source_root, path)).value_or("absent") != sha)
            return false;
    return true;
}

std::string packs_key(const std::string& meeting_key, const ImageDigests& images) {
    Digest digest;
    digest.add(meeting_key);
    add_digests(digest, images);
    return digest.hex();
}

std::string pages_site_key(const std::string& site_key, const std::string& source_root,
                           const content::Site& site) {
    FileDigests theme;
    add_folder(theme, source_root, "themes");
    FileDigests bundled;
    add_folder(bundled, data_dir(), "themes");
    Digest digest;
    digest.add(site_key);
    add_digests(digest, theme);
    add_digests(digest, bundled);
    digest.add(std::to_string(site.boards.size()));
    for (const auto& board : site.boards)
        digest.add(board.slug).add(board.name).add(board.short_name);
    return digest.hex();
}

std::string pages_key(const std::string& pages_site_key, const std::string& meeting_key) {
    return Digest().add(pages_site_key).add(meeting_key).hex();
}

std::string board_pages_key(const std::string& pages_site_key, const std::string& board_key,
                            const std::vector<std::string>& meeting_keys,
                            const std::string& build_timestamp) {
    Digest digest;
    digest.add(pages_site_key).add(board_key).add(std::to_string(meeting_keys.size()));
    for (const auto& key : meeting_keys)
        digest.add(key);
    digest.add(build_timestamp);
    return digest.hex();
}

std::string quarter_packs_key(const std::string& board_key,
                              const std::vector<std::string>& meeting_keys) {
    Digest digest;
    digest.add(board_key).add(std::to_string(meeting_keys.size()));
    for (const auto& key : meeting_keys)
        digest.add(key);
    return digest.hex();
}

std::string kept_shard_key(const std::string& site_key, const std::string& shard_name) {
    return Digest().add(site_key).add(shard_name).hex();
}

} // namespace bp::cli

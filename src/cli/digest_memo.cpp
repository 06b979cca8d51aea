#include "cli/digest_memo.hpp"

#include "core/digest.hpp"

namespace bp::cli {

namespace {

// The files are named by device and inode number, which only this machine's file systems give
// meaning to; a cache copied elsewhere finds times that differ and digests afresh.
const char* const memo_key = "file digests by device, inode, size and times, 1";

} // namespace

DigestMemo::DigestMemo(const BuildCache& cache, content::Audience audience)
    : cache_(cache), part_(std::string(content::to_string(audience)) + "/digests") {
    auto entry = cache_.load(part_, memo_key);
    if (entry && recall_remembered_digests(entry->note))
        recalled_ = damage_check_hex(entry->note);
}

void DigestMemo::save() const {
    std::string text = remembered_digests_text();
    if (damage_check_hex(text) != recalled_)
        cache_.store(part_, memo_key, {{}, std::move(text)});
}

} // namespace bp::cli

#include "cli/build_cache_parts.hpp"

#include "cli/build_cache_keys.hpp"
#include "cli/build_cache_notes.hpp"
#include "core/filesystem.hpp"
#include "site/site_pages.hpp"

namespace bp::cli {

namespace {

std::string meeting_folder(const content::Board& board, const content::Meeting& meeting) {
    return board.slug + "/" + meeting.slug;
}

} // namespace

// A shard is kept as search/<key> of the audience's part of the cache, under the shard's name
// and the site's key: a shard is made from its postings alone, but the program that wrote it
// must be this one.
class CachedParts::SearchShards : public site::SearchShardStore {
  public:
    SearchShards(const BuildCache& cache, std::string audience, std::string site_key)
        : cache_(cache), audience_(std::move(audience)), site_key_(std::move(site_key)) {}

    bool take(const std::string& path, const std::string& name, OutputTree& output) override {
        auto entry = cache_.find(part(path), key(name));
        return entry && cache_.write_to(*entry, output);
    }
    void keep(const std::string& path, const std::string& name, OutputTree& output) override {
        cache_.store_written(part(path), key(name), path, output);
    }

  private:
    std::string part(const std::string& path) const {
        return audience_ + "/search/" + file_name(path);
    }
    std::string key(const std::string& name) const { return kept_shard_key(site_key_, name); }
    const BuildCache& cache_;
    std::string audience_;
    std::string site_key_;
};

CachedParts::CachedParts(BuildCache cache, const content::Site& site, content::Audience audience)
    : cache_(std::move(cache)), audience_(content::to_string(audience)),
      source_root_(site.source_root) {
    if (!cache_.enabled())
        return;
    site_key_ = site_key(site.source_root, audience);
    pages_site_key_ = pages_site_key(site_key_, site.source_root, site);
    build_timestamp_ = std::to_string(site::build_timestamp(site));
    for (const auto& board : site.boards)
        board_keys_[board.slug] = board_key(site_key_, site.source_root, board);
    search_shards_ = std::make_unique<SearchShards>(cache_, audience_, site_key_);
}

CachedParts::~CachedParts() = default;

site::SearchShardStore* CachedParts::search_shards() {
    return search_shards_.get();
}

std::string CachedParts::part(const std::string& kind, const std::string& name) const {
    return audience_ + "/" + kind + "/" + name;
}

bool CachedParts::take(const std::string& part, const std::string& key, OutputTree& out,
                       DiagnosticSink& sink, std::optional<content::PackSummary>* summary) {
    auto entry = cache_.find(part, key);
    if (!entry)
        return false;
    auto note = read_note(entry->note);
    if (!note || (summary && !note->summary) || !cache_.write_to(*entry, out))
        return false;
    if (summary)
        *summary = std::move(note->summary);
    for (auto& warning : note->warnings)
        sink.report(std::move(warning));
    return true;
}

std::string CachedParts::sources_key(const content::Board& board, const content::Meeting& meeting) {
    std::string folder = meeting_folder(board, meeting);
    {
        std::lock_guard lock(mutex_);
        if (auto found = sources_keys_.find(folder); found != sources_keys_.end())
            return found->second;
    }
    std::string key = meeting_key(board_keys_.at(board.slug), source_root_, meeting);
    std::lock_guard lock(mutex_);
    return sources_keys_.emplace(folder, key).first->second;
}

std::optional<CachedMeeting> CachedParts::whole_meeting(const content::Board& board,
                                                        const content::Meeting& meeting,
                                                        OutputTree& out, DiagnosticSink& sink) {
    if (!cache_.enabled())
        return std::nullopt;
    std::string folder = meeting_folder(board, meeting);
    std::string sources = sources_key(board, meeting);
    auto pages = cache_.find(part("pages", folder), pages_key(pages_site_key_, sources));
    if (!pages)
        return std::nullopt;
    auto pages_read = read_note(pages->note);
    if (!pages_read || !pages_read->pages ||
        !images_unchanged(source_root_, pages_read->pages->images))
        return std::nullopt;
    if (auto& stored = pages_read->pages->documents.stored) { // the search records, left in place
        if (stored->records_bytes != pages->tail_bytes)
            return std::nullopt;
        stored->file = cache_.note_file(part("pages", folder));
        stored->table_offset += pages->note_offset;
        stored->records_offset = pages->tail_offset;
        stored->drop = [cache = cache_, part = part("pages", folder)] { cache.forget(part); };
    }
    std::string key = packs_key(sources, pages_read->pages->images);
    auto packs = cache_.find(part("meetings", folder), key);
    if (!packs)
        return std::nullopt;
    auto packs_read = read_note(packs->note);
    if (!packs_read || !packs_read->summary)
        return std::nullopt;
    if (!cache_.write_to(*packs, out) || !cache_.write_to(*pages, out))
        return std::nullopt; // a damaged file: the meeting is built, its files written again
    for (auto* read : {&*packs_read, &*pages_read})
        for (auto& warning : read->warnings)
            sink.report(std::move(warning));
    {
        std::lock_guard lock(mutex_);
        meeting_keys_[folder] = key;
    }
    return CachedMeeting{std::move(*packs_read->summary), std::move(*pages_read->pages)};
}

void CachedParts::store_pages(const content::Board& board, const content::Meeting& meeting,
                              std::vector<BuiltFile> files, const std::vector<Diagnostic>& warnings,
                              const PagesNote& pages, OutputTree& out) {
    if (!cache_.enabled())
        return;
    auto note = pages_note(warnings, pages);
    if (!note)
        return;
    std::string sources = sources_key(board, meeting);
    cache_.store(part("pages", meeting_folder(board, meeting)), pages_key(pages_site_key_, sources),
                 {std::move(files), std::move(note->note), std::move(note->tail)}, out);
}

void CachedParts::board_pages(const content::Board& board, OutputTree& out, DiagnosticSink& sink,
                              const std::function<void()>& write) {
    if (!cache_.enabled())
        return write();
    std::vector<std::string> meeting_keys;
    for (const auto& meeting : board.meetings)
        meeting_keys.push_back(sources_key(board, meeting));
    std::string key = board_pages_key(pages_site_key_, board_keys_.at(board.slug), meeting_keys,
                                      build_timestamp_);
    if (take(part("boards", board.slug), key, out, sink, nullptr))
        return;
    CacheEntry entry;
    {
        OutputTree::Capture capture(out);
        write();
        entry.files = capture.take();
    }
    // The site's pages give errors only: one anywhere keeps these pages out of the cache.
    if (!sink.has_errors()) {
        entry.note = cache_note({});
        cache_.store(part("boards", board.slug), key, entry, out);
    }
}

MeetingPacks CachedParts::meeting_packs(const content::Board& board,
                                        const content::Meeting& meeting, OutputTree& out,
                                        DiagnosticSink& sink,
                                        const std::function<BuiltPacks(DiagnosticSink&)>& build) {
    std::string folder = meeting_folder(board, meeting);
    std::string key;
    if (cache_.enabled()) {
        key = packs_key(sources_key(board, meeting), image_digests(source_root_, meeting));
        std::lock_guard lock(mutex_);
        meeting_keys_[folder] = key;
    }
    std::optional<content::PackSummary> summary;
    if (cache_.enabled() && take(part("meetings", folder), key, out, sink, &summary))
        return {*summary, true};
    DiagnosticSink pack_sink;
    BuiltPacks packs = build(pack_sink);
    CacheEntry entry;
    for (auto& [file, bytes] : packs.files)
        entry.files.emplace_back(folder + "/" + file, std::move(bytes));
    for (const auto& [path, bytes] : entry.files)
        out.write(path, bytes);
    pack_sink.forward_to(sink);
    if (cache_.enabled() && !pack_sink.has_errors()) {
        entry.note = cache_note(pack_sink.warnings(), packs.summary);
        cache_.store(part("meetings", folder), key, entry, out);
    }
    return {packs.summary, false};
}

void CachedParts::quarter_pack(
    const QuarterPackJob& job, OutputTree& out, DiagnosticSink& sink,
    const std::function<std::optional<BuiltFile>(DiagnosticSink&)>& build) {
    const content::Board& board = *job.board;
    std::string name =
        board.slug + "/" + std::to_string(job.year) + "-q" + std::to_string(job.quarter);
    std::string key;
    if (cache_.enabled()) {
        std::vector<std::string> meeting_keys;
        {
            // Every meeting of the quarter is done by now, so its key is known.
            std::lock_guard lock(mutex_);
            for (const auto* meeting : job.meetings)
                meeting_keys.push_back(meeting_keys_[meeting_folder(board, *meeting)]);
        }
        key = quarter_packs_key(board_keys_.at(board.slug), meeting_keys);
        if (take(part("quarters", name), key, out, sink, nullptr))
            return;
    }
    DiagnosticSink part_sink;
    std::optional<BuiltFile> file = build(part_sink);
    part_sink.forward_to(sink);
    CacheEntry entry;
    if (file) {
        out.write(file->first, file->second);
        entry.files.push_back(std::move(*file));
    }
    if (cache_.enabled() && !part_sink.has_errors()) {
        entry.note = cache_note(part_sink.warnings());
        cache_.store(part("quarters", name), key, entry, out);
    }
}

} // namespace bp::cli

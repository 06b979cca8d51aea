#include "cli/build_cache_parts.hpp"

#include "cli/build_cache_keys.hpp"
#include "cli/build_cache_notes.hpp"

namespace bp::cli {

namespace {

std::vector<Diagnostic> warnings_of(const DiagnosticSink& sink) {
    std::vector<Diagnostic> warnings;
    for (const auto& diagnostic : sink.sorted())
        if (diagnostic.severity == Severity::warning)
            warnings.push_back(diagnostic);
    return warnings;
}

void forward(const DiagnosticSink& from, DiagnosticSink& to) {
    for (auto diagnostic : from.sorted())
        to.report(std::move(diagnostic));
}

std::string meeting_folder(const content::Board& board, const content::Meeting& meeting) {
    return board.slug + "/" + meeting.slug;
}

} // namespace

CachedParts::CachedParts(BuildCache cache, const content::Site& site, content::Audience audience)
    : cache_(std::move(cache)), audience_(content::to_string(audience)),
      source_root_(site.source_root) {
    if (!cache_.enabled())
        return;
    std::string shared = site_key(site.source_root, audience);
    for (const auto& board : site.boards)
        board_keys_[board.slug] = board_key(shared, site.source_root, board);
}

std::string CachedParts::part(const std::string& kind, const std::string& name) const {
    return audience_ + "/" + kind + "/" + name;
}

bool CachedParts::take(const std::string& part, const std::string& key, OutputTree& out,
                       DiagnosticSink& sink, std::optional<content::PackSummary>* summary) {
    auto entry = cache_.load(part, key);
    if (!entry)
        return false;
    if (summary && !(*summary = summary_in_note(entry->note)))
        return false;
    DiagnosticSink warnings;
    if (!replay_warnings(entry->note, warnings))
        return false;
    for (const auto& [path, bytes] : entry->files)
        out.write(path, bytes);
    forward(warnings, sink);
    return true;
}

MeetingPacks CachedParts::meeting_packs(const content::Board& board,
                                        const content::Meeting& meeting, OutputTree& out,
                                        DiagnosticSink& sink,
                                        const std::function<BuiltPacks(DiagnosticSink&)>& build) {
    std::string folder = meeting_folder(board, meeting);
    std::string key;
    if (cache_.enabled()) {
        key = meeting_key(board_keys_.at(board.slug), source_root_, meeting);
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
    forward(pack_sink, sink);
    if (cache_.enabled() && !pack_sink.has_errors()) {
        entry.note = cache_note(warnings_of(pack_sink), packs.summary);
        cache_.store(part("meetings", folder), key, entry);
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
    forward(part_sink, sink);
    CacheEntry entry;
    if (file) {
        out.write(file->first, file->second);
        entry.files.push_back(std::move(*file));
    }
    if (cache_.enabled() && !part_sink.has_errors()) {
        entry.note = cache_note(warnings_of(part_sink));
        cache_.store(part("quarters", name), key, entry);
    }
}

} // namespace bp::cli

#include "cli/build_cache_parts.hpp"

#include "cli/build_cache_keys.hpp"
#include "cli/build_cache_notes.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

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

std::optional<std::string> read_staged(const OutputTree& out, const std::string& path) {
    std::ifstream in(out.staging_path(path), std::ios::binary);
    if (!in)
        return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
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

MeetingPacks
CachedParts::meeting_packs(const content::Board& board, const content::Meeting& meeting,
                           OutputTree& out, DiagnosticSink& sink,
                           const std::function<pack::PackOutput(DiagnosticSink&)>& build) {
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
    pack::PackOutput packs = build(pack_sink);
    CacheEntry entry;
    entry.files.emplace_back(folder + "/pack.pdf", std::move(packs.pack_pdf));
    entry.files.emplace_back(folder + "/agenda.pdf", std::move(packs.agenda_pdf));
    entry.files.emplace_back(folder + "/pack.json", std::move(packs.pack_json));
    for (auto& [file, pdf] : packs.report_pdfs)
        entry.files.emplace_back(folder + "/" + file, std::move(pdf));
    for (const auto& [path, bytes] : entry.files)
        out.write(path, bytes);
    forward(pack_sink, sink);
    if (cache_.enabled() && !pack_sink.has_errors()) {
        entry.note = cache_note(warnings_of(pack_sink), packs.summary);
        cache_.store(part("meetings", folder), key, entry);
    }
    return {packs.summary, false};
}

namespace {

// A board's meetings by financial quarter, as the archive packs group them: cancelled
// meetings have no pack and are left out.
std::map<std::pair<int, int>, std::vector<const content::Meeting*>>
meetings_by_quarter(const content::Board& board, const data::FinancialCalendar& calendar) {
    std::map<std::pair<int, int>, std::vector<const content::Meeting*>> quarters;
    for (const auto& meeting : board.meetings)
        if (meeting.status != content::MeetingStatus::cancelled)
            quarters[{calendar.year_of_date(meeting.date), calendar.quarter_of_date(meeting.date)}]
                .push_back(&meeting);
    return quarters;
}

} // namespace

void CachedParts::quarter_packs(
    const content::Site& site, OutputTree& out, DiagnosticSink& sink,
    const std::function<void(const content::Site&, DiagnosticSink&)>& build) {
    content::Site one = site; // everything but the boards stays as it is
    data::FinancialCalendar calendar = site.config.calendar();
    for (const auto& board : site.boards) {
        content::Board quarter_board = board;
        for (const auto& [quarter, meetings] : meetings_by_quarter(board, calendar)) {
            std::string name = board.slug + "/" + std::to_string(quarter.first) + "-q" +
                               std::to_string(quarter.second);
            std::string key;
            if (cache_.enabled()) {
                std::vector<std::string> meeting_keys;
                for (const auto* meeting : meetings)
                    meeting_keys.push_back(meeting_keys_[meeting_folder(board, *meeting)]);
                key = quarter_packs_key(board_keys_.at(board.slug), meeting_keys);
                if (take(part("quarters", name), key, out, sink, nullptr))
                    continue;
            }
            // The board with this quarter's meetings alone: one archive pack is built.
            quarter_board.meetings.clear();
            for (const auto* meeting : meetings)
                quarter_board.meetings.push_back(*meeting);
            one.boards.assign(1, quarter_board);
            store_built(part("quarters", name), key, out, sink,
                        [&](DiagnosticSink& to) { build(one, to); });
        }
    }
}

void CachedParts::store_built(const std::string& part, const std::string& key, OutputTree& out,
                              DiagnosticSink& sink,
                              const std::function<void(DiagnosticSink&)>& build) {
    DiagnosticSink part_sink;
    auto before = out.written();
    build(part_sink);
    forward(part_sink, sink);
    if (!cache_.enabled() || part_sink.has_errors())
        return;
    auto after = out.written();
    std::vector<std::string> added;
    std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                        std::back_inserter(added));
    CacheEntry entry;
    for (const auto& path : added) {
        auto bytes = read_staged(out, path);
        if (!bytes)
            return;
        entry.files.emplace_back(path, std::move(*bytes));
    }
    entry.note = cache_note(warnings_of(part_sink));
    cache_.store(part, key, entry);
}

} // namespace bp::cli

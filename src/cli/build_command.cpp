#include "cli/build_command.hpp"

#include "cli/build_cache_notes.hpp"
#include "cli/build_cache_parts.hpp"
#include "cli/build_cache_record.hpp"
#include "cli/diagnostics_report.hpp"
#include "cli/meeting_jobs.hpp"
#include "cli/output_folder.hpp"
#include "cli/progress.hpp"
#include "cli/quarter_packs.hpp"
#include "content/load.hpp"
#include "core/data_dir.hpp"
#include "core/filesystem.hpp"
#include "core/output_tree.hpp"
#include "core/text.hpp"
#include "pack/pack.hpp"
#include "site/site_builder.hpp"

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <set>

namespace bp::cli {

namespace {

struct BuildTotals {
    std::mutex mutex;
    int packs = 0;
    int reused = 0;
    int pages = 0;
    std::map<std::string, content::PackSummary> summaries;
    std::set<std::string> files_outside_content; // read by papers: images, appendices
};

// Images and papers that live outside content/: the build record digests them too.
void note_files_outside_content(const content::Meeting& meeting, std::set<std::string>& files) {
    auto note = [&](const std::string& path) {
        if (!starts_with(path, "content/"))
            files.insert(path);
    };
    std::function<void(const std::vector<content::AgendaItem>&)> visit =
        [&](const std::vector<content::AgendaItem>& items) {
            for (const auto& item : items) {
                for (const auto& paper : item.papers) {
                    note(paper.source_path);
                    for (const auto& image : paper.images)
                        note(image.site_path);
                }
                visit(item.sub_items);
            }
        };
    visit(meeting.items);
}

std::string meeting_folder(const MeetingRef& ref) {
    return ref.board->slug + "/" + ref.meeting->slug;
}

struct MeetingBuild {
    const content::Site& site;
    const FileSystem& files;
    content::Audience audience;
    pack::PackResources fonts;
    site::SiteBuilder& site_builder;
    OutputTree& out;
    DiagnosticSink& sink;
    BuildTotals& totals;
    CachedParts& cached;

    void operator()(const MeetingRef& ref) {
        content::Meeting meeting = *ref.meeting; // the job's own copy, freed when it ends
        content::apply_audience(meeting, audience);
        content::load_meeting_papers(files, site, *ref.board, meeting, sink);
        auto packs = cached.meeting_packs(*ref.board, meeting, out, sink, [&](DiagnosticSink& to) {
            return pack::build_meeting_pack(site, *ref.board, meeting, audience, fonts, to);
        });
        site_builder.write_meeting(*ref.board, meeting, packs.summary, out);
        std::lock_guard lock(totals.mutex);
        ++totals.packs;
        totals.reused += packs.from_cache ? 1 : 0;
        totals.pages += packs.summary.pages;
        totals.summaries[meeting_folder(ref)] = packs.summary;
        note_files_outside_content(meeting, totals.files_outside_content);
    }
};

std::string cache_folder(const BuildOptions& options) {
    if (!options.use_cache)
        return {};
    return options.cache.empty() ? default_cache_folder(options.source) : options.cache;
}

void guarded(DiagnosticSink& sink, const std::string& what, const std::function<void()>& work) {
    try {
        work();
    } catch (const std::exception& e) {
        sink.error({what, 0, 0}, std::string("build failed: ") + e.what());
    }
}

std::string warnings_note(const DiagnosticSink& sink) {
    std::vector<Diagnostic> warnings;
    for (const auto& diagnostic : sink.sorted())
        if (diagnostic.severity == Severity::warning)
            warnings.push_back(diagnostic);
    return cache_note(warnings);
}

// The output folder as the last build left it, when nothing it read has changed since.
std::optional<BuildStats> unchanged_output(const BuildRecords& records, const std::string& out,
                                           DiagnosticSink& sink) {
    auto record = records.up_to_date();
    if (!record || !replay_warnings(record->warnings, sink))
        return std::nullopt;
    try {
        // Nothing is written, but staging folders that killed builds left beside the output
        // are still removed: opening a staging tree does that, and dropping it removes its own.
        OutputTree sweep(out);
    } catch (const std::exception&) {
    }
    BuildStats stats;
    stats.committed = true;
    stats.up_to_date = true;
    stats.meetings = record->meetings;
    stats.packs = record->packs;
    stats.packs_reused = record->packs;
    stats.pages = record->pages;
    return stats;
}

} // namespace

BuildStats build_site(const BuildOptions& options, DiagnosticSink& sink) {
    BuildStats stats;
    BuildCache cache(cache_folder(options));
    std::optional<BuildRecords> records;
    if (options.keep_up_to_date_output) {
        records.emplace(cache, options.source, options.out, options.audience);
        if (auto unchanged = unchanged_output(*records, options.out, sink))
            return *unchanged;
    }
    DiskFileSystem files(options.source);
    content::Site site = content::load_site_index(files, sink);
    site.source_root = options.source;
    if (sink.has_errors())
        return stats;
    // The one audience gate: every page, pack, feed and index below sees the filtered site.
    content::apply_audience(site, options.audience);
    std::optional<OutputTree> staged;
    try {
        staged.emplace(options.out);
    } catch (const std::exception& e) {
        sink.error({options.out, 0, 0}, e.what(),
                   "check that the folder holding --out exists and that you may write to it");
        return stats;
    }
    OutputTree& out = *staged;
    site::SiteBuilder site_builder(site, options.audience, files, data_dir(), sink);
    BuildTotals totals;
    CachedParts cached(cache, site, options.audience);
    MeetingBuild build{
        site,   files, options.audience, {data_dir() + "/assets/fonts"}, site_builder, out, sink,
        totals, cached};
    auto meetings = all_meetings(site);
    Progress progress(meetings.size());
    run_meeting_jobs(meetings, job_count(options.jobs), [&](const MeetingRef& ref) {
        guarded(sink, ref.meeting->folder, [&] { build(ref); });
        progress.step(meeting_folder(ref));
    });
    progress.finish();
    if (!sink.has_errors())
        guarded(sink, options.out, [&] {
            cached.quarter_packs(site, out, sink,
                                 [&](const content::Site& board_site, DiagnosticSink& to) {
                                     write_quarter_packs(board_site, build.fonts, out, to);
                                 });
        });
    guarded(sink, options.out, [&] { site_builder.write_site_pages(out); });
    if (sink.has_errors())
        return stats;
    std::string error;
    if (!out.commit(error)) {
        sink.error({options.out, 0, 0}, error);
        return stats;
    }
    stats.committed = true;
    if (records) {
        if (!site.config.logo.empty())
            totals.files_outside_content.insert(site.config.logo);
        records->store({meetings.size(), totals.packs, totals.pages, warnings_note(sink),
                        totals.files_outside_content});
    }
    stats.base_url = site.config.base_url;
    stats.meetings = meetings.size();
    stats.packs = totals.packs;
    stats.packs_reused = totals.reused;
    stats.pages = totals.pages;
    stats.summaries = std::move(totals.summaries);
    stats.site = std::make_shared<const content::Site>(std::move(site));
    return stats;
}

int run_build(const BuildOptions& options) {
    auto started = std::chrono::steady_clock::now();
    if (auto problem = output_folder_problem(options.source, options.out)) {
        std::cerr << "boardpack: error: " << problem->message << "\n  hint: " << problem->hint
                  << "\nboardpack: nothing was written and nothing was deleted\n";
        return 2;
    }
    DiagnosticSink sink;
    BuildStats stats = build_site(options, sink);
    report_diagnostics(sink, std::cerr);
    if (!stats.committed) {
        std::cerr << "boardpack: nothing was written to " << options.out << "\n";
        return 1;
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!options.quiet && stats.up_to_date) {
        std::printf("Nothing has changed since the last build into %s; it was left as it was "
                    "(%zu meetings, %d packs, %d pages).\n",
                    options.out.c_str(), stats.meetings, stats.packs, stats.pages);
    } else if (!options.quiet) {
        std::printf("Built %zu meetings (%d packs, %d pages) for the %s audience in %.2f s.\n",
                    stats.meetings, stats.packs, stats.pages, content::to_string(options.audience),
                    seconds);
        if (stats.packs_reused > 0)
            std::printf("The packs of %d unchanged meetings came from the build cache.\n",
                        stats.packs_reused);
        std::printf("Open %s/index.html in a browser; packs are in %s/<board>/<date>/pack.pdf\n",
                    options.out.c_str(), options.out.c_str());
    }
    return 0;
}

int run_check(const std::string& source) {
    DiskFileSystem files(source);
    DiagnosticSink sink;
    content::Site site = content::load_site_index(files, sink);
    site.source_root = source;
    for (const auto& ref : all_meetings(site)) {
        content::Meeting meeting = *ref.meeting;
        guarded(sink, meeting.folder,
                [&] { content::load_meeting_papers(files, site, *ref.board, meeting, sink); });
    }
    bool failed = report_diagnostics(sink, std::cerr);
    if (!failed)
        std::printf("No errors found in %zu boards and %zu meetings.\n", site.boards.size(),
                    all_meetings(site).size());
    return failed ? 1 : 0;
}

} // namespace bp::cli

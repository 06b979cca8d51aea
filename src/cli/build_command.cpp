#include "cli/build_command.hpp"

#include "cli/diagnostics_report.hpp"
#include "cli/meeting_jobs.hpp"
#include "cli/output_folder.hpp"
#include "cli/progress.hpp"
#include "cli/quarter_packs.hpp"
#include "content/load.hpp"
#include "core/data_dir.hpp"
#include "core/filesystem.hpp"
#include "core/output_tree.hpp"
#include "pack/pack.hpp"
#include "site/site_builder.hpp"

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>

namespace bp::cli {

namespace {

struct BuildTotals {
    std::mutex mutex;
    int packs = 0;
    int reused = 0;
    int pages = 0;
    std::map<std::string, content::PackSummary> summaries;
};

const char* const pack_files[] = {"pack.pdf", "agenda.pdf", "pack.json"};

// Copies a meeting's packs from the previous build when the change did not touch the meeting.
std::optional<content::PackSummary> reuse_packs(const std::optional<PackReuse>& reuse,
                                                const std::string& folder, OutputTree& out) {
    if (!reuse || reuse->rebuild.count(folder))
        return std::nullopt;
    auto summary = reuse->summaries.find(folder);
    if (summary == reuse->summaries.end())
        return std::nullopt;
    for (const char* name : pack_files)
        if (!std::filesystem::is_regular_file(reuse->previous_out + "/" + folder + "/" + name))
            return std::nullopt;
    for (const auto& item : summary->second.items)
        if (!item.report_file.empty() &&
            !std::filesystem::is_regular_file(reuse->previous_out + "/" + folder + "/" +
                                              item.report_file))
            return std::nullopt;
    for (const char* name : pack_files)
        out.copy_file(folder + "/" + name, reuse->previous_out + "/" + folder + "/" + name);
    for (const auto& item : summary->second.items)
        if (!item.report_file.empty())
            out.copy_file(folder + "/" + item.report_file,
                          reuse->previous_out + "/" + folder + "/" + item.report_file);
    return summary->second;
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
    const std::optional<PackReuse>& reuse;

    void operator()(const MeetingRef& ref) {
        content::Meeting meeting = *ref.meeting; // the job's own copy, freed when it ends
        content::apply_audience(meeting, audience);
        content::load_meeting_papers(files, site, *ref.board, meeting, sink);
        std::string folder = meeting_folder(ref);
        auto summary = reuse_packs(reuse, folder, out);
        bool reused = summary.has_value();
        if (!summary)
            summary = write_packs(meeting, *ref.board, folder);
        site_builder.write_meeting(*ref.board, meeting, *summary, out);
        std::lock_guard lock(totals.mutex);
        ++totals.packs;
        totals.reused += reused ? 1 : 0;
        totals.pages += summary->pages;
        totals.summaries[folder] = *summary;
    }

    content::PackSummary write_packs(const content::Meeting& meeting, const content::Board& board,
                                     const std::string& folder) {
        auto packs = pack::build_meeting_pack(site, board, meeting, audience, fonts, sink);
        out.write(folder + "/pack.pdf", packs.pack_pdf);
        out.write(folder + "/agenda.pdf", packs.agenda_pdf);
        out.write(folder + "/pack.json", packs.pack_json);
        for (const auto& [file, pdf] : packs.report_pdfs)
            out.write(folder + "/" + file, pdf);
        return packs.summary;
    }
};

void guarded(DiagnosticSink& sink, const std::string& what, const std::function<void()>& work) {
    try {
        work();
    } catch (const std::exception& e) {
        sink.error({what, 0, 0}, std::string("build failed: ") + e.what());
    }
}

} // namespace

BuildStats build_site(const BuildOptions& options, DiagnosticSink& sink) {
    BuildStats stats;
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
    // One look-up of site.yaml's body font, so a missing family is reported once.
    pack::PackResources fonts{
        pack::body_font_files(site.config.type, pack::bundled_font_dir(), sink)};
    MeetingBuild build{site, files, options.audience, fonts,        site_builder,
                       out,  sink,  totals,           options.reuse};
    auto meetings = all_meetings(site);
    Progress progress(meetings.size());
    run_meeting_jobs(meetings, job_count(options.jobs), [&](const MeetingRef& ref) {
        guarded(sink, ref.meeting->folder, [&] { build(ref); });
        progress.step(meeting_folder(ref));
    });
    progress.finish();
    if (!sink.has_errors())
        guarded(sink, options.out, [&] { write_quarter_packs(site, build.fonts, out, sink); });
    guarded(sink, options.out, [&] { site_builder.write_site_pages(out); });
    if (sink.has_errors())
        return stats;
    std::string error;
    if (!out.commit(error)) {
        sink.error({options.out, 0, 0}, error);
        return stats;
    }
    stats.committed = true;
    stats.base_url = site.config.base_url;
    stats.meetings = meetings.size();
    stats.packs = totals.packs;
    stats.packs_reused = totals.reused;
    stats.pages = totals.pages;
    stats.summaries = std::move(totals.summaries);
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
    if (!options.quiet) {
        std::printf("Built %zu meetings (%d packs, %d pages) for the %s audience in %.2f s.\n",
                    stats.meetings, stats.packs, stats.pages, content::to_string(options.audience),
                    seconds);
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
    pack::body_font_files(site.config.type, pack::bundled_font_dir(), sink); // warns as build does
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

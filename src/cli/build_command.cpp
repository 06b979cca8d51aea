#include "cli/build_command.hpp"

#include "cli/diagnostics_report.hpp"
#include "cli/figures_json.hpp"
#include "cli/meeting_jobs.hpp"
#include "cli/output_folder.hpp"
#include "cli/progress.hpp"
#include "cli/quarter_packs.hpp"
#include "content/load.hpp"
#include "content/publication.hpp"
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

// Copies a meeting's packs from the previous build when the change did not touch the meeting.
std::optional<content::PackSummary> reuse_packs(const std::optional<PackReuse>& reuse,
                                                const std::string& folder, OutputTree& out,
                                                content::Audience audience) {
    const std::string pack_files[] = {pack::pack_file_name(audience),
                                      pack::agenda_file_name(audience), "pack.json"};
    if (!reuse || reuse->rebuild.count(folder))
        return std::nullopt;
    auto summary = reuse->summaries.find(folder);
    if (summary == reuse->summaries.end())
        return std::nullopt;
    for (const auto& name : pack_files)
        if (!std::filesystem::is_regular_file(reuse->previous_out + "/" + folder + "/" + name))
            return std::nullopt;
    for (const auto& item : summary->second.items)
        if (!item.report_file.empty() &&
            !std::filesystem::is_regular_file(reuse->previous_out + "/" + folder + "/" +
                                              item.report_file))
            return std::nullopt;
    for (const auto& supplement : summary->second.supplements)
        if (!std::filesystem::is_regular_file(reuse->previous_out + "/" + folder + "/" +
                                              supplement.file))
            return std::nullopt;
    for (const auto& name : pack_files)
        out.copy_file(folder + "/" + name, reuse->previous_out + "/" + folder + "/" + name);
    for (const auto& item : summary->second.items)
        if (!item.report_file.empty())
            out.copy_file(folder + "/" + item.report_file,
                          reuse->previous_out + "/" + folder + "/" + item.report_file);
    for (const auto& supplement : summary->second.supplements)
        out.copy_file(folder + "/" + supplement.file,
                      reuse->previous_out + "/" + folder + "/" + supplement.file);
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
    // The meetings as the members see them, found by folder: the public edition counts the
    // pages of what it withholds, so both editions number their pages alike.
    const std::map<std::string, MeetingRef>& members_meetings;

    void operator()(const MeetingRef& ref) {
        content::Meeting meeting = *ref.meeting; // the job's own copy, freed when it ends
        content::apply_audience(meeting, audience);
        content::FigureBook figures;
        content::load_meeting_papers(files, site, *ref.board, meeting, sink, &figures);
        std::string folder = meeting_folder(ref);
        out.write(folder + "/figures.json", figures_json(meeting, figures.entries()));
        auto summary = reuse_packs(reuse, folder, out, audience);
        bool reused = summary.has_value();
        if (!summary)
            summary = write_packs(meeting, *ref.board, folder, members_view(meeting));
        site_builder.write_meeting(*ref.board, meeting, *summary, out);
        std::lock_guard lock(totals.mutex);
        ++totals.packs;
        totals.reused += reused ? 1 : 0;
        totals.pages += summary->pages;
        totals.summaries[folder] = *summary;
    }

    // The members' meeting with the papers the public may not see loaded (their problems are
    // the members' build's to report); none when the public see everything.
    std::optional<content::Meeting> members_view(const content::Meeting& shown) {
        auto found = members_meetings.find(shown.folder);
        if (audience == content::Audience::members || found == members_meetings.end() ||
            !content::withholds_anything(found->second.meeting->items))
            return std::nullopt;
        content::Meeting members = *found->second.meeting;
        DiagnosticSink quiet;
        content::load_meeting_papers(files, site, *found->second.board, members, quiet,
                                     [&](const content::Paper& paper) {
                                         return !content::has_paper(shown.items, paper.source_path);
                                     });
        return members;
    }

    content::PackSummary write_packs(const content::Meeting& meeting, const content::Board& board,
                                     const std::string& folder,
                                     const std::optional<content::Meeting>& members) {
        std::vector<int> supplements = content::supplementary_numbers(meeting);
        if (supplements.empty())
            return write_main_pack(meeting, board, folder, members);
        // The main pack leaves out what came after publication, so it stays as published.
        content::PackSummary summary = write_main_pack(content::pack_view(meeting, 0), board,
                                                       folder, members_part(members, 0));
        for (int number : supplements) {
            auto part = members_part(members, number);
            auto packs = pack::build_meeting_pack(site, board, content::pack_view(meeting, number),
                                                  audience, fonts, sink, part ? &*part : nullptr);
            std::string file = pack::supplementary_file_name(number, audience);
            out.write(folder + "/" + file, packs.pack_pdf);
            summary.supplements.push_back(
                {number, file, packs.summary.pages, packs.pack_pdf.size()});
        }
        return summary;
    }

    // The members' view of one part of the meeting (0 the main pack, N supplement N).
    static std::optional<content::Meeting>
    members_part(const std::optional<content::Meeting>& members, int number) {
        if (!members)
            return std::nullopt;
        return content::pack_view(*members, number);
    }

    content::PackSummary write_main_pack(const content::Meeting& meeting,
                                         const content::Board& board, const std::string& folder,
                                         const std::optional<content::Meeting>& members) {
        auto packs = pack::build_meeting_pack(site, board, meeting, audience, fonts, sink,
                                              members ? &*members : nullptr);
        out.write(folder + "/" + packs.pack_file, packs.pack_pdf);
        out.write(folder + "/" + packs.agenda_file, packs.agenda_pdf);
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
    // The meetings as the members see them, for the public packs' page numbers.
    std::vector<content::Board> members_boards;
    std::map<std::string, MeetingRef> members_meetings;
    if (options.audience == content::Audience::public_audience) {
        members_boards = site.boards;
        for (const auto& board : members_boards)
            for (const auto& meeting : board.meetings)
                members_meetings[meeting.folder] = {&board, &meeting};
    }
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
    MeetingBuild build{site,
                       files,
                       options.audience,
                       {data_dir() + "/assets/fonts"},
                       site_builder,
                       out,
                       sink,
                       totals,
                       options.reuse,
                       members_meetings};
    auto meetings = all_meetings(site);
    Progress progress(meetings.size());
    // A quarter's archive pack is written as soon as its last meeting's pack is, by whichever
    // thread is free, so the archive packs are no single-threaded tail after the meetings.
    QuarterCountdown quarters(site);
    WorkQueue queue(job_count(options.jobs));
    for (const MeetingRef& ref : meetings)
        queue.push_back([&, ref] {
            guarded(sink, ref.meeting->folder, [&] { build(ref); });
            progress.step(meeting_folder(ref));
            if (const QuarterPackJob* quarter = quarters.meeting_done(ref.meeting))
                queue.push_front([&, quarter] {
                    if (!sink.has_errors())
                        guarded(sink, options.out, [&] {
                            write_quarter_pack(site, *quarter, build.fonts, out, sink,
                                               options.audience);
                        });
                });
        });
    queue.run();
    progress.finish();
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
        std::printf("Open %s/index.html in a browser; packs are in %s/<board>/<date>/%s\n",
                    options.out.c_str(), options.out.c_str(),
                    pack::pack_file_name(options.audience).c_str());
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

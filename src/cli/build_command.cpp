#include "cli/build_command.hpp"

#include "cli/build_cache_notes.hpp"
#include "cli/build_cache_parts.hpp"
#include "cli/build_cache_record.hpp"
#include "cli/diagnostics_report.hpp"
#include "cli/digest_memo.hpp"
#include "cli/figures_json.hpp"
#include "cli/index_memo.hpp"
#include "cli/meeting_jobs.hpp"
#include "cli/output_folder.hpp"
#include "cli/progress.hpp"
#include "cli/quarter_packs.hpp"
#include "content/load.hpp"
#include "content/publication.hpp"
#include "core/data_dir.hpp"
#include "core/digest.hpp"
#include "core/filesystem.hpp"
#include "core/output_tree.hpp"
#include "core/text.hpp"
#include "pack/pack.hpp"
#include "site/site_builder.hpp"

#include <algorithm>
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
    int whole = 0; // meetings whose pages came from the cache as well
    int pages = 0;
    bool keep_summaries = false; // for the preview: an archive's run to megabytes
    std::map<std::string, content::PackSummary> summaries;
    std::set<std::string> files_outside_content; // read by papers: images, appendices
};

// Images and papers that live outside content/: the build record digests them too.
void note_files_outside_content(const content::Meeting& meeting, const ImageDigests& images,
                                std::set<std::string>& files) {
    auto note = [&](const std::string& path) {
        if (!starts_with(path, "content/"))
            files.insert(path);
    };
    content::for_each_paper(meeting.items,
                            [&](const content::Paper& paper) { note(paper.source_path); });
    for (const auto& [path, digest] : images)
        note(path);
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
    // The meetings as the members see them, found by folder: the public edition counts the
    // pages of what it withholds, so both editions number their pages alike.
    const std::map<std::string, MeetingRef>& members_meetings;

    void operator()(const MeetingRef& ref) {
        // The site's one audience gate has been through the index's meetings: one kept whole
        // needs no copy of its own.
        if (auto whole = cached.whole_meeting(*ref.board, *ref.meeting, out, sink)) {
            site_builder.index_meeting(std::move(whole->pages.documents));
            count(ref, *ref.meeting, whole->summary, true, whole->pages.images);
            std::lock_guard lock(totals.mutex);
            ++totals.whole;
            return;
        }
        content::Meeting meeting = *ref.meeting; // the job's own copy, freed when it ends
        DiagnosticSink papers_sink; // the papers' warnings, kept with the meeting's pages
        content::FigureBook figures;
        content::load_meeting_papers(files, site, *ref.board, meeting, papers_sink, &figures);
        auto packs = cached.meeting_packs(*ref.board, meeting, out, sink, [&](DiagnosticSink& to) {
            return build_packs(meeting, *ref.board, members_view(meeting), to);
        });
        PagesNote pages{image_digests(site.source_root, meeting), {}};
        std::vector<BuiltFile> page_files;
        {
            // The pages' bytes and search postings are kept only for the cache to store.
            std::optional<OutputTree::Capture> capture;
            if (cached.keeping())
                capture.emplace(out);
            out.write(meeting_folder(ref) + "/figures.json",
                      figures_json(meeting, figures.entries()));
            auto documents = site_builder.write_meeting(*ref.board, meeting, packs.summary, out);
            if (capture) {
                pages.documents = site::record_documents(std::move(documents));
                page_files = capture->take();
            }
        }
        // An error anywhere (a page's template, say) keeps the pages out of the cache.
        if (cached.keeping() && !papers_sink.has_errors() && !sink.has_errors())
            cached.store_pages(*ref.board, meeting, std::move(page_files), papers_sink.warnings(),
                               pages, out);
        papers_sink.forward_to(sink);
        count(ref, meeting, packs.summary, packs.from_cache, pages.images);
    }

    void count(const MeetingRef& ref, const content::Meeting& meeting,
               const content::PackSummary& summary, bool from_cache, const ImageDigests& images) {
        std::lock_guard lock(totals.mutex);
        ++totals.packs;
        totals.reused += from_cache ? 1 : 0;
        totals.pages += summary.pages;
        if (totals.keep_summaries)
            totals.summaries[meeting_folder(ref)] = summary;
        note_files_outside_content(meeting, images, totals.files_outside_content);
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

    // The meeting's packs: the main pack and, for a published meeting with papers added since,
    // each supplementary pack. Nothing is written here; the cache writes and keeps the files.
    BuiltPacks build_packs(const content::Meeting& meeting, const content::Board& board,
                           const std::optional<content::Meeting>& members, DiagnosticSink& to) {
        std::vector<int> supplements = content::supplementary_numbers(meeting);
        if (supplements.empty())
            return build_main_pack(meeting, board, members, to);
        // The main pack leaves out what came after publication, so it stays as published.
        BuiltPacks built =
            build_main_pack(content::pack_view(meeting, 0), board, members_part(members, 0), to);
        for (int number : supplements) {
            auto part = members_part(members, number);
            auto packs = pack::build_meeting_pack(site, board, content::pack_view(meeting, number),
                                                  audience, fonts, to, part ? &*part : nullptr);
            std::string file = pack::supplementary_file_name(number, audience);
            built.summary.supplements.push_back(
                {number, file, packs.summary.pages, packs.pack_pdf.size()});
            built.files.emplace_back(file, std::move(packs.pack_pdf));
        }
        return built;
    }

    // The members' view of one part of the meeting (0 the main pack, N supplement N).
    static std::optional<content::Meeting>
    members_part(const std::optional<content::Meeting>& members, int number) {
        if (!members)
            return std::nullopt;
        return content::pack_view(*members, number);
    }

    BuiltPacks build_main_pack(const content::Meeting& meeting, const content::Board& board,
                               const std::optional<content::Meeting>& members, DiagnosticSink& to) {
        auto packs = pack::build_meeting_pack(site, board, meeting, audience, fonts, to,
                                              members ? &*members : nullptr);
        BuiltPacks built;
        built.summary = packs.summary;
        built.files.emplace_back(packs.pack_file, std::move(packs.pack_pdf));
        built.files.emplace_back(packs.agenda_file, std::move(packs.agenda_pdf));
        built.files.emplace_back("pack.json", std::move(packs.pack_json));
        for (auto& [file, pdf] : packs.report_pdfs)
            built.files.emplace_back(file, std::move(pdf));
        return built;
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

bool withholds_any_meeting(const content::Board& board) {
    return std::any_of(board.meetings.begin(), board.meetings.end(), [](const auto& meeting) {
        return content::withholds_anything(meeting.items);
    });
}

} // namespace

BuildStats build_site(const BuildOptions& options, DiagnosticSink& sink) {
    // Each source file digested and each source folder listed once, whoever asks.
    DigestsHeldForBuild held_digests;
    SourceListingsHeldForBuild held_listings;
    BuildStats stats;
    BuildCache cache(cache_folder(options));
    std::optional<DigestMemo> digests;
    if (cache.enabled())
        digests.emplace(cache, options.audience);
    std::optional<BuildRecords> records;
    if (options.keep_up_to_date_output) {
        records.emplace(cache, options.source, options.out, options.audience);
        if (auto unchanged = unchanged_output(*records, options.out, sink)) {
            if (digests)
                digests->save();
            return *unchanged;
        }
    }
    const unsigned jobs = job_count(options.jobs);
    DiskFileSystem files(options.source);
    std::optional<IndexMemo> memo;
    if (cache.enabled())
        memo.emplace(cache, options.source, options.audience);
    content::Site site = content::load_site_index(files, sink, jobs, memo ? &*memo : nullptr);
    site.source_root = options.source;
    if (memo) {
        memo->save();
        stats.index_reused = memo->recalled();
    }
    if (sink.has_errors())
        return stats;
    // The meetings the public edition withholds something from, as the members see them, for
    // the public packs' page numbers. Only their boards are kept whole: a copy of the archive's
    // index would grow the build's memory with every meeting.
    std::vector<content::Board> members_boards;
    std::map<std::string, MeetingRef> members_meetings;
    if (options.audience == content::Audience::public_audience) {
        members_boards.reserve(site.boards.size()); // the references below must not move
        for (const auto& board : site.boards) {
            if (!withholds_any_meeting(board))
                continue;
            const content::Board& kept = members_boards.emplace_back(board);
            for (const auto& meeting : kept.meetings)
                if (content::withholds_anything(meeting.items))
                    members_meetings[meeting.folder] = {&kept, &meeting};
        }
    }
    // The one audience gate: every page, pack, feed and index below sees the filtered site.
    content::apply_audience(site, options.audience);
    std::optional<OutputTree> staged;
    try {
        // With the cache, the previous build is kept to start the next one from: the files
        // it takes from the cache are then mostly in place already.
        staged.emplace(options.out, cache.enabled() ? PreviousBuild::reuse : PreviousBuild::remove);
    } catch (const std::exception& e) {
        sink.error({options.out, 0, 0}, e.what(),
                   "check that the folder holding --out exists and that you may write to it");
        return stats;
    }
    OutputTree& out = *staged;
    site::SiteBuilder site_builder(site, options.audience, files, data_dir(), sink);
    BuildTotals totals;
    totals.keep_summaries = options.for_preview;
    CachedParts cached(cache, site, options.audience);
    // One look-up of site.yaml's body font, so a missing family is reported once.
    pack::PackResources fonts{
        pack::body_font_files(site.config.type, pack::bundled_font_dir(), sink)};
    MeetingBuild build{site, files, options.audience, fonts,  site_builder,
                       out,  sink,  totals,           cached, members_meetings};
    auto meetings = all_meetings(site);
    Progress progress(meetings.size());
    // A quarter's archive pack is written as soon as its last meeting's pack is, by whichever
    // thread is free, so the archive packs are no single-threaded tail after the meetings.
    QuarterCountdown quarters(site);
    WorkQueue queue(jobs);
    for (const MeetingRef& ref : meetings)
        queue.push_back([&, ref] {
            guarded(sink, ref.meeting->folder, [&] { build(ref); });
            progress.step(meeting_folder(ref));
            if (const QuarterPackJob* quarter = quarters.meeting_done(ref.meeting))
                queue.push_front([&, quarter] {
                    if (!sink.has_errors())
                        guarded(sink, options.out, [&] {
                            cached.quarter_pack(*quarter, out, sink, [&](DiagnosticSink& to) {
                                return quarter_pack_file(site, *quarter, build.fonts, out, to,
                                                         options.audience);
                            });
                        });
                });
        });
    // The boards' own pages read only the index and the boards' data: they fill the cores
    // while the last meetings are built.
    for (const auto& board : site.boards)
        queue.push_back([&, board = &board] {
            guarded(sink, board->folder, [&] {
                cached.board_pages(*board, out, sink,
                                   [&] { site_builder.write_board_pages(*board, out); });
            });
        });
    queue.run();
    progress.finish();
    guarded(sink, options.out,
            [&] { site_builder.write_site_wide_pages(out, jobs, cached.search_shards()); });
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
        records->store({meetings.size(), totals.packs, totals.pages, cache_note(sink.warnings()),
                        totals.files_outside_content},
                       out);
    }
    if (digests)
        digests->save();
    stats.base_url = site.config.base_url;
    stats.meetings = meetings.size();
    stats.packs = totals.packs;
    stats.packs_reused = totals.reused;
    stats.pages_reused = totals.whole;
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
        if (stats.index_reused > 0)
            std::printf("The agendas and paper headings of %zu unchanged meetings came from the "
                        "build cache.\n",
                        stats.index_reused);
        if (stats.pages_reused > 0)
            std::printf("The pages of %d unchanged meetings came from the build cache too.\n",
                        stats.pages_reused);
        std::printf("Open %s/index.html in a browser; packs are in %s/<board>/<date>/%s\n",
                    options.out.c_str(), options.out.c_str(),
                    pack::pack_file_name(options.audience).c_str());
    }
    return 0;
}

int run_check(const std::string& source) {
    DiskFileSystem files(source);
    DiagnosticSink sink;
    content::Site site = content::load_site_index(files, sink, job_count(0));
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

#include "cli/serve_command.hpp"

#include "cli/build_command.hpp"
#include "cli/diagnostics_report.hpp"
#include "cli/meeting_jobs.hpp"
#include "cli/preview_server.hpp"
#include "cli/served_path.hpp"
#include "cli/source_watcher.hpp"
#include "content/audience.hpp"
#include "content/load.hpp"
#include "content/loader_parts.hpp"
#include "core/data_dir.hpp"
#include "core/filesystem.hpp"
#include "core/output_tree.hpp"
#include "core/text.hpp"
#include "site/site_builder.hpp"
#include "site/site_paths.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace bp::cli {

namespace {

std::atomic<bool> interrupted{false};

void on_interrupt(int) {
    interrupted = true;
}

// What the last good build left for the next edit: its index and its packs' page numbers.
struct LastBuild {
    std::shared_ptr<const content::Site> site;
    std::map<std::string, content::PackSummary> summaries;
};

// Builds; on failure the previous site stays in place and the messages go to the page. Packs
// of meetings the change did not touch come from the build cache.
void rebuild(const BuildOptions& options, PreviewServer& server, LastBuild& last) {
    DiagnosticSink sink;
    BuildStats stats = build_site(options, sink);
    std::ostringstream text;
    report_diagnostics(sink, text);
    std::cerr << text.str();
    server.set_overlay({}); // the build, good or bad, replaces pages rendered ahead of it
    if (stats.committed) {
        server.set_base_path(site::site_root_path(stats.base_url));
        server.publish_success();
        last = {stats.site, std::move(stats.summaries)};
        std::cerr << "Rebuilt " << stats.meetings
                  << " meetings (packs laid out: " << stats.packs - stats.packs_reused
                  << ", unchanged: " << stats.packs_reused << ").\n";
    } else {
        server.publish_failure(text.str());
        std::cerr << "The build failed; still serving the last good site.\n";
    }
}

// The meeting whose papers alone changed: every changed file is a paper of that one meeting in
// the last build's index, and none is minutes. Minutes, meeting.yaml, data, the theme and new
// files reach other pages and meetings, and wait for the whole build. Files that came and went
// (an editor's temporary files) are no change.
std::optional<MeetingRef> meeting_of_changed_papers(const std::vector<std::string>& changed,
                                                    const content::Site& site,
                                                    const std::string& source) {
    std::optional<MeetingRef> found;
    for (const auto& path : changed) {
        std::optional<MeetingRef> owner;
        bool minutes = false;
        for (const auto& board : site.boards)
            for (const auto& meeting : board.meetings)
                content::for_each_paper(meeting.items, [&](const content::Paper& paper) {
                    if (paper.source_path != path)
                        return;
                    owner = MeetingRef{&board, &meeting};
                    minutes = minutes || paper.kind == "minutes";
                });
        std::error_code ec;
        if (!owner && !fs::exists(fs::path(source) / path, ec))
            continue;
        if (!owner || minutes || (found && found->meeting != owner->meeting))
            return std::nullopt;
        found = owner;
    }
    return found;
}

// The edited meeting's pages (its page, its papers' pages) rendered into `folder` from the last
// build's index and pack page numbers, for the preview to show before the packs are laid out.
// A paper whose front matter no longer reads is left to the build, which reports it.
bool render_meeting_pages(const BuildOptions& options, const content::Site& site,
                          const MeetingRef& ref, const content::PackSummary& summary,
                          const std::vector<std::string>& changed, const std::string& folder) {
    DiagnosticSink sink; // problems are reported by the build that follows
    DiskFileSystem files(options.source);
    for (const auto& path : changed)
        if (files.is_file(path))
            content::load_paper_header(files, path, {path, 1, 1}, sink);
    content::Meeting meeting = *ref.meeting;
    content::apply_audience(meeting, options.audience);
    content::load_meeting_papers(files, site, *ref.board, meeting, sink);
    if (sink.has_errors())
        return false;
    OutputTree out(folder);
    site::SiteBuilder pages(site, options.audience, files, data_dir(), sink);
    pages.write_meeting_pages_only(*ref.board, meeting, summary, out);
    std::string error;
    return !sink.has_errors() && out.commit(error);
}

// Shows an edited paper's page at once; the build that lays out its pack follows.
void show_pages_first(const BuildOptions& options, const LastBuild& last,
                      const std::vector<std::string>& changed, const std::string& overlay,
                      PreviewServer& server) {
    if (!last.site)
        return;
    auto started = std::chrono::steady_clock::now();
    auto ref = meeting_of_changed_papers(changed, *last.site, options.source);
    if (!ref)
        return;
    std::string folder = site::meeting_dir(*ref->board, *ref->meeting);
    auto summary = last.summaries.find(folder);
    if (summary == last.summaries.end())
        return;
    try {
        if (!render_meeting_pages(options, *last.site, *ref, summary->second, changed, overlay))
            return;
    } catch (const std::exception&) {
        return; // the build that follows reports what went wrong
    }
    server.set_overlay(overlay);
    server.publish_success();
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    std::cerr << "Showed the pages of " << folder << " in " << took.count()
              << " ms; laying out the packs.\n";
}

const std::string work_prefix = "boardpack-serve-";

bool process_alive(long pid) {
    return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
}

// Working folders of earlier servers that were killed before they could clean up.
void remove_stale_work_folders(const fs::path& temp) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(temp, ec)) {
        std::string name = entry.path().filename().string();
        if (!starts_with(name, work_prefix) || !entry.is_directory(ec) || entry.is_symlink(ec))
            continue;
        struct stat info {};
        if (::lstat(entry.path().c_str(), &info) != 0 || info.st_uid != ::getuid())
            continue;
        std::string rest = name.substr(work_prefix.size());
        long pid = std::atol(rest.substr(0, rest.find('-')).c_str());
        if (!process_alive(pid))
            fs::remove_all(entry.path(), ec);
    }
}

// A folder only this user can enter (0700): the members' edition must not be readable by
// other accounts on the machine while it is previewed.
std::optional<std::string> make_private_work_folder() {
    fs::path temp = fs::temp_directory_path();
    remove_stale_work_folders(temp);
    std::string pattern = (temp / (work_prefix + std::to_string(::getpid()) + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data()))
        return std::nullopt;
    return pattern;
}

struct WorkFolderRemover {
    std::string folder;
    ~WorkFolderRemover() {
        std::error_code ec;
        fs::remove_all(folder, ec);
    }
};

int usage_error(const std::string& message, const std::string& hint) {
    std::cerr << "boardpack: error: " << message << "\n  hint: " << hint << "\n";
    return 2;
}

} // namespace

int run_serve(const ServeOptions& options) {
    bool loopback = is_loopback_address(options.bind);
    if (options.audience == content::Audience::members && !loopback)
        return usage_error("the members' edition is served on loopback only, not on " +
                               options.bind,
                           "leave out --bind, or preview the public edition");
    auto work = make_private_work_folder();
    if (!work)
        return usage_error("cannot create a private working folder in " +
                               fs::temp_directory_path().string(),
                           "set TMPDIR to a folder you can write to");
    WorkFolderRemover remover{*work};
    BuildOptions build;
    build.source = options.source;
    build.audience = options.audience;
    build.quiet = true;
    build.out = *work + "/site";
    build.cache = options.cache;
    build.use_cache = options.use_cache;
    build.for_preview = true;
    PreviewServer server(build.out);
    // Watching starts before the first build, so a file saved while it runs is not missed: its
    // change waits in the queue and starts the next build.
    SourceWatcher watcher(options.source);
    std::cerr << "Watching " << options.source << " for changes; building the site.\n";
    LastBuild last;
    rebuild(build, server, last);
    std::string host =
        options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind;
    if (!server.start(options.bind, options.port))
        return usage_error("cannot listen on " + host + ":" + std::to_string(options.port),
                           "another program uses the port; try --port " +
                               std::to_string(options.port + 1));
    if (options.audience == content::Audience::members)
        std::cerr << "boardpack: warning: serving the members' edition, restricted items "
                     "included, to this machine only\n";
    if (!loopback)
        std::cerr << "boardpack: warning: the preview is open to other machines on " << host
                  << "\n";
    std::cout << "Serving " << options.source << " at http://" << host << ":" << options.port
              << "/ (Ctrl-C to stop)" << std::endl;
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    auto started = std::chrono::steady_clock::now();
    while (!interrupted) {
        if (options.stop_after_seconds > 0 && std::chrono::steady_clock::now() - started >
                                                  std::chrono::seconds(options.stop_after_seconds))
            break;
        auto changed = watcher.wait(250);
        if (changed.empty())
            continue;
        show_pages_first(build, last, changed, *work + "/ahead", server);
        rebuild(build, server, last);
    }
    server.stop();
    return 0;
}

} // namespace bp::cli

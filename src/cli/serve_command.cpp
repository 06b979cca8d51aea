#include "cli/serve_command.hpp"

#include "cli/build_command.hpp"
#include "cli/diagnostics_report.hpp"
#include "cli/preview_server.hpp"
#include "cli/served_path.hpp"
#include "cli/source_watcher.hpp"
#include "core/date.hpp"
#include "core/text.hpp"
#include "site/site_paths.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
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

// Minutes feed the action log, and with it every later meeting's action plan.
bool is_minutes(const std::string& native_path) {
    std::ifstream in(native_path);
    std::string line;
    for (int i = 0; i < 40 && std::getline(in, line); ++i)
        if (trim(line) == "kind: minutes")
            return true;
    return false;
}

// The meetings ("csp/2017-09-12") whose packs a change touches, or nothing when the change
// reaches further (site, board, data, theme, minutes) and every pack must be laid out again.
// A meeting.yaml reaches further too: its declarations print in the minutes another meeting's
// pack carries, and its date and venue in the previous agenda's "Date of next meeting".
std::optional<std::set<std::string>> meetings_touched(const std::vector<std::string>& changed,
                                                      const std::string& source) {
    std::set<std::string> meetings;
    for (const auto& path : changed) {
        auto parts = split(path, '/');
        bool in_meeting = parts.size() == 4 && parts[0] == "content" && parse_date(parts[2]);
        if (!in_meeting || parts[3] == "meeting.yaml" || is_minutes(source + "/" + path))
            return std::nullopt;
        meetings.insert(parts[1] + "/" + parts[2]);
    }
    return meetings;
}

// Builds; on failure the previous site stays in place and the messages go to the page.
// Returns the packs' summaries of a successful build, for the next build to reuse.
void rebuild(const BuildOptions& options, PreviewServer& server,
             std::map<std::string, content::PackSummary>& summaries) {
    DiagnosticSink sink;
    BuildStats stats = build_site(options, sink);
    std::ostringstream text;
    report_diagnostics(sink, text);
    std::cerr << text.str();
    if (stats.committed) {
        server.set_base_path(site::site_root_path(stats.base_url));
        server.publish_success();
        summaries = stats.summaries;
        std::cerr << "Rebuilt " << stats.meetings
                  << " meetings (packs laid out: " << stats.packs - stats.packs_reused
                  << ", unchanged: " << stats.packs_reused << ").\n";
    } else {
        server.publish_failure(text.str());
        std::cerr << "The build failed; still serving the last good site.\n";
    }
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
    PreviewServer server(build.out);
    std::map<std::string, content::PackSummary> summaries;
    rebuild(build, server, summaries);
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
    SourceWatcher watcher(options.source);
    auto started = std::chrono::steady_clock::now();
    while (!interrupted) {
        if (options.stop_after_seconds > 0 && std::chrono::steady_clock::now() - started >
                                                  std::chrono::seconds(options.stop_after_seconds))
            break;
        auto changed = watcher.wait(250);
        if (changed.empty())
            continue;
        BuildOptions next = build;
        if (auto touched = meetings_touched(changed, options.source))
            next.reuse = PackReuse{build.out, *touched, summaries};
        rebuild(next, server, summaries);
    }
    server.stop();
    return 0;
}

} // namespace bp::cli

#include "cli/serve_command.hpp"

#include "cli/build_command.hpp"
#include "cli/diagnostics_report.hpp"
#include "cli/preview_server.hpp"
#include "cli/source_watcher.hpp"
#include "core/date.hpp"
#include "core/text.hpp"

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
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

} // namespace

int run_serve(const ServeOptions& options) {
    BuildOptions build;
    build.source = options.source;
    build.audience = options.audience;
    build.quiet = true;
    build.out =
        (fs::temp_directory_path() / ("boardpack-serve-" + std::to_string(::getpid()))).string();
    fs::create_directories(build.out);
    PreviewServer server(build.out);
    std::map<std::string, content::PackSummary> summaries;
    rebuild(build, server, summaries);
    if (!server.start(options.port)) {
        std::cerr << "boardpack: error: cannot listen on 127.0.0.1:" << options.port << "\n"
                  << "  hint: another program uses the port; try --port " << options.port + 1
                  << "\n";
        return 2;
    }
    std::cout << "Serving " << options.source << " at http://127.0.0.1:" << options.port
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
    std::error_code ec;
    fs::remove_all(build.out, ec);
    return 0;
}

} // namespace bp::cli

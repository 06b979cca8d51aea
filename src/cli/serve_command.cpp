#include "cli/serve_command.hpp"

#include "cli/build_command.hpp"
#include "cli/diagnostics_report.hpp"
#include "cli/preview_server.hpp"
#include "cli/source_watcher.hpp"

#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace bp::cli {

namespace {

std::atomic<bool> interrupted{false};

void on_interrupt(int) {
    interrupted = true;
}

// Builds; on failure the previous site stays in place and the messages go to the page.
void rebuild(const BuildOptions& options, PreviewServer& server) {
    DiagnosticSink sink;
    BuildStats stats = build_site(options, sink);
    std::ostringstream text;
    report_diagnostics(sink, text);
    std::cerr << text.str();
    if (stats.committed) {
        server.publish_success();
        std::cerr << "Rebuilt " << stats.meetings << " meetings.\n";
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
    rebuild(build, server);
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
        if (!watcher.wait(250).empty())
            rebuild(build, server);
    }
    server.stop();
    std::error_code ec;
    fs::remove_all(build.out, ec);
    return 0;
}

} // namespace bp::cli

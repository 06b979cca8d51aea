// boardpack: board papers and data in, an intranet site and print-ready PDF packs out.
#include "cli/build_command.hpp"
#include "cli/new_command.hpp"
#include "cli/publish_command.hpp"
#include "cli/serve_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

namespace {

constexpr const char* examples = R"(Examples:
  boardpack build                          build ./ into ./public for the public
  boardpack build --audience members       include restricted items (members' build)
  boardpack build --source site --out out  build another folder
  boardpack check                          report every problem, write nothing
  boardpack publish csp/2017-09-12         freeze a meeting's papers and figures
  boardpack new my-board                   start a new site
  boardpack serve --port 8080              preview with rebuild on change)";

bp::content::Audience parse_audience(const std::string& text) {
    return text == "members" ? bp::content::Audience::members
                             : bp::content::Audience::public_audience;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"boardpack – board papers to an intranet site and print-ready PDF packs"};
    app.footer(examples);
    app.set_version_flag("--version", std::string("boardpack ") + BOARDPACK_VERSION);
    app.require_subcommand(1);

    bp::cli::BuildOptions build;
    std::string audience = "public";
    auto* build_cmd = app.add_subcommand("build", "Build the site and the PDF packs");
    build_cmd->add_option("--source", build.source, "Site folder (holding site.yaml)")
        ->capture_default_str();
    build_cmd->add_option("--out", build.out, "Output folder")->capture_default_str();
    build_cmd->add_option("--audience", audience, "public or members")
        ->check(CLI::IsMember({"public", "members"}))
        ->capture_default_str();
    build_cmd->add_option("--jobs", build.jobs, "Meetings built at once (default: all cores)")
        ->check(CLI::Range(1u, 256u));
    build_cmd->add_option("--cache", build.cache,
                          "Build cache folder (default: .boardpack-cache beside site.yaml)");
    bool no_cache = false;
    build_cmd->add_flag("--no-cache", no_cache, "Build everything afresh; leave the cache alone");

    std::string check_source = ".";
    auto* check_cmd = app.add_subcommand("check", "Check the site for errors; write nothing");
    check_cmd->add_option("--source", check_source, "Site folder")->capture_default_str();

    bp::cli::PublishOptions publish;
    auto* publish_cmd = app.add_subcommand(
        "publish", "Freeze a meeting: record its inputs' digests and figures in published.yaml");
    publish_cmd->add_option("--source", publish.source, "Site folder")->capture_default_str();
    publish_cmd->add_option("meeting", publish.meeting, "The meeting, as <board>/<YYYY-MM-DD>")
        ->required();

    std::string new_directory;
    auto* new_cmd = app.add_subcommand("new", "Create a small working site in a new folder");
    new_cmd->add_option("directory", new_directory, "Folder to create")->required();

    bp::cli::ServeOptions serve;
    auto* serve_cmd = app.add_subcommand("serve", "Build, serve on loopback, rebuild on change");
    serve_cmd->add_option("--source", serve.source, "Site folder")->capture_default_str();
    serve_cmd->add_option("--port", serve.port, "Port")
        ->check(CLI::Range(1, 65535))
        ->capture_default_str();
    serve_cmd->add_option("--bind", serve.bind, "Address to listen on")->capture_default_str();
    serve_cmd->add_option("--audience", audience, "public or members")
        ->check(CLI::IsMember({"public", "members"}));
    serve_cmd->add_option("--cache", serve.cache,
                          "Build cache folder (default: .boardpack-cache beside site.yaml)");
    serve_cmd->add_flag("--no-cache", no_cache, "Build everything afresh; leave the cache alone");
    serve_cmd->add_option("--stop-after", serve.stop_after_seconds,
                          "Stop after this many seconds (for scripted checks)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int status = app.exit(e);
        return status == 0 ? 0 : 2;
    }
    if (*build_cmd) {
        build.audience = parse_audience(audience);
        build.use_cache = !no_cache;
        build.keep_up_to_date_output = true;
        return bp::cli::run_build(build);
    }
    if (*check_cmd)
        return bp::cli::run_check(check_source);
    if (*new_cmd)
        return bp::cli::run_new(new_directory);
    if (*publish_cmd)
        return bp::cli::run_publish(publish);
    if (*serve_cmd) {
        serve.audience = parse_audience(audience);
        serve.use_cache = !no_cache;
        return bp::cli::run_serve(serve);
    }
    return 2;
}

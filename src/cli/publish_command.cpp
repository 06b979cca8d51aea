#include "cli/publish_command.hpp"

#include "cli/diagnostics_report.hpp"
#include "content/load.hpp"
#include "content/publication.hpp"
#include "core/build_clock.hpp"
#include "core/filesystem.hpp"
#include "core/work_queue.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace bp::cli {

namespace {

std::string today() {
    if (auto epoch = source_date_epoch())
        return date_from_epoch_seconds(*epoch).iso();
    auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
    return date_from_epoch_seconds(seconds).iso();
}

// Written beside the record and renamed over it, so the old record stays whole if anything
// fails.
bool write_atomically(const std::string& path, const std::string& text, std::string& error) {
    std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            error = "cannot write " + temporary;
            std::filesystem::remove(temporary);
            return false;
        }
    }
    std::error_code code;
    std::filesystem::rename(temporary, path, code);
    if (code) {
        error = "cannot replace " + path + ": " + code.message();
        std::filesystem::remove(temporary);
        return false;
    }
    return true;
}

} // namespace

int run_publish(const PublishOptions& options) {
    DiskFileSystem files(options.source);
    DiagnosticSink sink;
    content::Site site = content::load_site_index(files, sink, job_count(0));
    site.source_root = options.source;
    content::FoundMeeting found;
    if (!sink.has_errors())
        found = content::find_meeting(site, options.meeting, sink);
    if (!found.meeting) {
        report_diagnostics(sink, std::cerr);
        std::cerr << "boardpack: nothing was published\n";
        return 1;
    }
    content::Meeting meeting = *found.meeting; // every paper: the record covers both editions
    const content::PublishRecord* previous = meeting.published.get();
    int version = content::current_version(meeting);
    bool same_version = previous && previous->version == version;
    std::string date = same_version ? previous->date : today();
    // A republication issues the papers as they are now, with today's figures.
    if (previous && !same_version)
        meeting.published.reset();
    content::FigureBook figures;
    content::load_meeting_papers(files, site, *found.board, meeting, sink, &figures);
    if (report_diagnostics(sink, std::cerr)) {
        std::cerr << "boardpack: nothing was published\n";
        return 1;
    }
    content::PublishRecord record;
    record.version = version;
    record.date = date;
    record.series = figures.series();
    record.comparators = figures.comparators();
    record.definitions = figures.definitions();
    record.figures = figures.entries();
    std::vector<std::string> used;
    for (const auto& [id, series] : record.series)
        used.push_back(id);
    record.inputs = content::meeting_inputs(files, meeting, *found.board, used);
    // Publishing the same version again (to record supplementary papers) keeps what the first
    // publication read: its figures are frozen, so its data files' digests stay too.
    if (same_version)
        for (auto& input : record.inputs)
            if (const content::InputDigest* first = previous->input(input.file))
                input.sha256 = first->sha256;
    std::string relative = join_path(meeting.folder, content::publish_record_name);
    std::string error;
    if (!write_atomically(options.source + "/" + relative, content::publish_record_text(record),
                          error)) {
        std::cerr << relative << ": error: " << error
                  << "\n  hint: check that you may write to the meeting's folder\n"
                  << "boardpack: nothing was published\n";
        return 1;
    }
    std::printf("Published %s as version %d (%s): %zu inputs and %zu figures recorded in %s\n",
                options.meeting.c_str(), version, date.c_str(), record.inputs.size(),
                record.figures.size(), relative.c_str());
    return 0;
}

} // namespace bp::cli

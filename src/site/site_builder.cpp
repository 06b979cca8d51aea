#include "site/site_builder.hpp"

#include "core/text.hpp"
#include "core/work_queue.hpp"
#include "site/action_tracker.hpp"
#include "site/decisions_page.hpp"
#include "site/forward_plan_page.hpp"
#include "site/indicator_pages.hpp"
#include "site/meeting_pages.hpp"
#include "site/meetings_calendar.hpp"
#include "site/search_index.hpp"
#include "site/site_pages.hpp"
#include "site/theme.hpp"

#include <functional>
#include <iterator>

namespace bp::site {

struct SiteBuilder::Context {
    Context(const content::Site& site, content::Audience audience, const FileSystem& source_files,
            const std::string& data_dir, DiagnosticSink& sink)
        : source_files(source_files), theme(source_files, site.config.theme, data_dir, sink),
          pages{site,
                audience,
                theme,
                sink,
                logo_file(site.config.logo),
                chart::choose_family(site.config.type.body_font, chart::bundled_font_dir(data_dir))
                    .files} {}

    static std::string logo_file(const std::string& logo) {
        return logo.empty() ? std::string() : "assets/logo" + to_lower_ascii(file_extension(logo));
    }

    const FileSystem& source_files;
    Theme theme;
    SiteContext pages;
    SearchIndex search;
};

SiteBuilder::SiteBuilder(const content::Site& site, content::Audience audience,
                         const FileSystem& source_files, std::string data_dir, DiagnosticSink& sink)
    : context_(std::make_unique<Context>(site, audience, source_files, data_dir, sink)) {}

SiteBuilder::~SiteBuilder() = default;

std::vector<StemmedDocument> SiteBuilder::write_meeting(const content::Board& board,
                                                        const content::Meeting& meeting,
                                                        const content::PackSummary& pack,
                                                        OutputTree& output) {
    write_meeting_pages_only(board, meeting, pack, output);
    return context_->search.add_meeting(board, meeting, context_->pages.audience,
                                        context_->pages.site.config.calendar(), output);
}

void SiteBuilder::write_meeting_pages_only(const content::Board& board,
                                           const content::Meeting& meeting,
                                           const content::PackSummary& pack, OutputTree& output) {
    write_meeting_pages(context_->pages, context_->source_files, board, meeting, pack, output);
}

void SiteBuilder::index_meeting(RecordedDocuments documents) {
    context_->search.index(std::move(documents));
}

void SiteBuilder::write_board_pages(const content::Board& board, OutputTree& output) {
    const SiteContext& pages = context_->pages;
    write_board_page(pages, board, output);
    write_board_feed(pages, board, output);
    write_board_calendar(pages, board, output);
    write_indicator_pages(pages, board, output);
    write_action_tracker(pages, board, output);
    write_decisions_page(pages, board, output);
    write_forward_plan_page(pages, board, output);
}

void SiteBuilder::write_site_pages(OutputTree& output) {
    for (const auto& board : context_->pages.site.boards)
        write_board_pages(board, output);
    write_site_wide_pages(output, 1);
}

void SiteBuilder::write_site_wide_pages(OutputTree& output, unsigned jobs,
                                        SearchShardStore* kept_shards) {
    const SiteContext& pages = context_->pages;
    for (const auto& [path, bytes] : context_->theme.assets(pages.sink))
        output.write("assets/" + path, bytes);
    if (!pages.logo_file.empty()) {
        const auto& config = pages.site.config;
        if (auto bytes = context_->source_files.read(config.logo))
            output.write(pages.logo_file, *bytes);
        else
            pages.sink.error(config.location, "cannot read the logo " + config.logo,
                             "the logo path is relative to the folder holding site.yaml");
    }
    // Each writes pages of its own. The search index takes longest: the others go beside it.
    const std::function<void()> writers[] = {
        [&] { context_->search.write(output, kept_shards); },
        [&] { write_home_page(pages, output); },
        [&] { write_archive_page(pages, output); },
        [&] { write_meetings_calendar(pages, output); },
        [&] { write_search_page(pages, output); },
        [&] { write_not_found_page(pages, output); },
        [&] { write_site_feed(pages, output); },
    };
    for_each_index(std::size(writers), jobs, [&](std::size_t i) { writers[i](); });
    write_sitemap(pages, output); // lists every page written: the last
}

} // namespace bp::site

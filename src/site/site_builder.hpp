#pragma once
// The HTML intranet site: a page per board, meeting and paper, the home page, an archive by
// financial year and quarter, search, an Atom feed, board calendars and a sitemap, all rendered
// through the Mustache theme.
#include "content/model.hpp"
#include "core/diagnostics.hpp"
#include "core/filesystem.hpp"
#include "core/output_tree.hpp"
#include "site/search_index.hpp"

#include <memory>
#include <string>
#include <vector>

namespace bp::site {

class Theme;

class SiteBuilder {
  public:
    // `source_files` is rooted at the site's source folder (themes/<name>/ overrides live there);
    // `data_dir` holds boardpack's own themes/default/.
    SiteBuilder(const content::Site& site, content::Audience audience,
                const FileSystem& source_files, std::string data_dir, DiagnosticSink& sink);
    ~SiteBuilder();
    SiteBuilder(const SiteBuilder&) = delete;
    SiteBuilder& operator=(const SiteBuilder&) = delete;

    // One meeting, with its papers loaded and the audience applied: the meeting page, a page
    // per paper, copies of external PDF appendices and the meeting's search documents, which
    // are returned, stemmed, for the build cache. Thread-safe; called once per meeting.
    std::vector<StemmedDocument> write_meeting(const content::Board& board,
                                               const content::Meeting& meeting,
                                               const content::PackSummary& pack,
                                               OutputTree& output);
    // The meeting's pages alone, as write_meeting writes them, for the preview to show before
    // the build that follows: that build indexes the meeting's documents (stemming them was a
    // fifth of the time the preview took to show an edited paper).
    void write_meeting_pages_only(const content::Board& board, const content::Meeting& meeting,
                                  const content::PackSummary& pack, OutputTree& output);
    // A meeting whose pages the build cache wrote: its search documents join the index.
    // Thread-safe; instead of write_meeting.
    void index_meeting(RecordedDocuments documents);

    // One board's own pages: its page, feed and calendar, and its record pages (indicators,
    // action tracker, decisions and forward plan). They read the site's index and the board's
    // data, never a paper's body. Thread-safe; called once per board, at any time.
    void write_board_pages(const content::Board& board, OutputTree& output);

    // After every meeting, once: every board's own pages, then the site-wide pages.
    void write_site_pages(OutputTree& output);
    // The site-wide pages alone, for a build that writes the boards' own pages itself: home,
    // archive, search page and index, the site's feed, the meetings' calendar, sitemap, 404 and
    // the theme's assets. After every meeting, once: the search index lets its documents go. The
    // pages are written on `jobs` threads, the sitemap last. The search index's shards that
    // `kept_shards` holds are taken from there (see SearchShardStore).
    void write_site_wide_pages(OutputTree& output, unsigned jobs,
                               SearchShardStore* kept_shards = nullptr);

  private:
    struct Context;
    std::unique_ptr<Context> context_;
};

} // namespace bp::site

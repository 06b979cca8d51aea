#pragma once
// The site's search index, built in-process from the content model (never from the written
// HTML): every paper and meeting the audience may see, with stemmed English terms, written as
// plain script files so the search page works from file:// as well as over HTTP.
//
// search/index/meta.js      the documents' titles, boards, dates, items and links; filters
// search/index/terms-X.js   one shard per first letter: word forms → stems → postings
// search/index/text-N.js    one document's text, loaded only to show its excerpt
#include "content/model.hpp"
#include "core/output_tree.hpp"

#include <mutex>
#include <string>
#include <vector>

namespace bp::site {

struct SearchDocument {
    std::string url;   // relative to the site root
    std::string title; // the paper's or meeting's title
    std::string kind;  // "paper", "pdf" or "meeting"
    std::string board; // the board's short name
    std::string board_slug;
    std::string date;     // the meeting's date, "12 September 2017"
    std::string date_iso; // for sorting
    std::string year;     // the financial year, "2017/18"
    std::string item;     // "Item 7: Performance report", empty for a meeting
    std::string text;     // plain text: blocks on lines of their own
};

// Plain text of a paper: block by block, table cells apart, charts by title and description.
std::string paper_plain_text(const content::Paper& paper);

class SearchIndex {
  public:
    // Thread-safe: meetings are written in parallel.
    void add(SearchDocument document);
    // Meetings that the audience may see: a document for the meeting (its agenda) and one per
    // visible paper. `meeting` has had the audience applied.
    void add_meeting(const content::Board& board, const content::Meeting& meeting,
                     content::Audience audience, int financial_year_start_month);
    // Writes search/index/*.js; documents are ordered by URL so the output repeats.
    void write(OutputTree& output) const;

    std::vector<SearchDocument> documents() const;

  private:
    mutable std::mutex mutex_;
    std::vector<SearchDocument> documents_;
};

} // namespace bp::site

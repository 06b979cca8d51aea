#pragma once
// The site's search index, built in-process from the content model (never from the written
// HTML): every paper and meeting the audience may see, with stemmed English terms, written as
// plain script files so the search page works from file:// as well as over HTTP.
//
// search/index/meta.js      the documents' titles, boards, dates, items and links; filters
// search/index/terms-X.js   one shard per first letter: word forms → stems → postings
// search/index/text/<page>.js  one document's text, loaded only to show its excerpt
#include "content/model.hpp"
#include "core/output_tree.hpp"
#include "data/financial_calendar.hpp"

#include <map>
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

// "search/index/text/csp/2017-09-12/7-performance-report.js" for that paper's page,
// "…/8-minutes.pdf.js" for a PDF appendix.
std::string search_text_path(const std::string& url);

class SearchIndex {
  public:
    // Thread-safe: meetings are written in parallel. The document's words are stemmed and its
    // text written to `output` at once; only its terms are kept, so memory follows the
    // vocabulary rather than the archive's text.
    void add(SearchDocument document, OutputTree& output);
    // Meetings that the audience may see: a document for the meeting (its agenda) and one per
    // visible paper. `meeting` has had the audience applied.
    void add_meeting(const content::Board& board, const content::Meeting& meeting,
                     content::Audience audience, const data::FinancialCalendar& calendar,
                     OutputTree& output);
    // Writes search/index/meta.js and the term shards; documents are numbered in URL order so
    // the output repeats.
    void write(OutputTree& output) const;

    struct Posting {
        int weight = 0;
        std::vector<std::size_t> places; // offset, length pairs in the document's text
    };

  private:
    struct Indexed {
        SearchDocument document; // without its text
        bool has_text = false;
        std::map<std::string, Posting> terms; // stem → hits
    };
    mutable std::mutex mutex_;
    std::vector<Indexed> documents_;
    std::map<std::string, std::string> forms_; // word as written → stem
};

} // namespace bp::site

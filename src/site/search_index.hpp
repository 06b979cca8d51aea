#pragma once
// The site's search index, built in-process from the content model (never from the written
// HTML): every paper and meeting the audience may see, with stemmed English terms, written as
// plain script files so the search page works from file:// as well as over HTTP.
//
// search/index/meta.js      the documents' titles, boards, dates, items and links; filters
// search/index/terms-XY.js  one shard per first two letters: word forms → stems → postings
// search/index/text/<page>.js  one document's text, loaded only to show its excerpt
#include "content/model.hpp"
#include "core/output_tree.hpp"
#include "data/financial_calendar.hpp"
#include "site/search_postings.hpp"

#include <cstdint>
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

// A document as the index keeps it: its words stemmed and counted, its text gone. The build
// cache keeps these, so a meeting it holds joins the index without being read or stemmed again.
struct StemmedDocument {
    struct Term {
        std::string stem;
        std::uint32_t weight = 0;          // title hits count for several body hits
        std::vector<std::uint32_t> places; // offset, length pairs in the text, a few at most
    };
    SearchDocument document; // its text empty
    bool has_text = false;
    std::vector<Term> terms; // in stem order
    // Words as written whose stem is another string ("burglaries" → "burglari"), in word order.
    std::vector<std::pair<std::string, std::string>> forms;
};

// Stems a document's title and text. Thread-safe.
StemmedDocument stem_document(SearchDocument document);

// Plain text of a paper: block by block, table cells apart, charts by title and description.
std::string paper_plain_text(const content::Paper& paper);

// "search/index/text/csp/2017-09-12/7-performance-report.js" for that paper's page,
// "…/8-minutes.pdf.js" for a PDF appendix.
std::string search_text_path(const std::string& url);

class SearchIndex {
  public:
    // Thread-safe: meetings are written in parallel. The document's words are stemmed and its
    // text written to `output` at once; its terms go to a temporary file per shard, so memory
    // follows the vocabulary and the largest shard, not the archive. Returns what was indexed.
    StemmedDocument add(SearchDocument document, OutputTree& output);
    // A document whose text file is already in the output (a meeting the build cache held).
    void index(StemmedDocument document);
    // Meetings that the audience may see: a document for the meeting (its agenda) and one per
    // visible paper. `meeting` has had the audience applied. Returns the documents added, for
    // the build cache to keep.
    std::vector<StemmedDocument> add_meeting(const content::Board& board,
                                             const content::Meeting& meeting,
                                             content::Audience audience,
                                             const data::FinancialCalendar& calendar,
                                             OutputTree& output);
    // Writes search/index/meta.js and the term shards; documents are numbered in URL order so
    // the output repeats. Throws, once, when the postings could not be kept while indexing.
    void write(OutputTree& output) const;

  private:
    struct Listed {              // a document as meta.js lists it
        SearchDocument document; // without its text
        bool has_text = false;
    };
    std::vector<std::string> write_shards(OutputTree& output,
                                          const std::vector<std::uint32_t>& place_of) const;
    ShardPostings shard_postings(const std::string& key,
                                 const std::vector<std::uint32_t>& place_of) const;
    std::string meta_script(const std::vector<std::uint32_t>& order,
                            const std::vector<std::string>& shard_keys) const;
    std::string shard_script(const std::string& key, const std::vector<const std::string*>& forms,
                             const ShardPostings& postings) const;

    mutable std::mutex mutex_;
    std::vector<Listed> documents_;            // in the order they were indexed
    std::map<std::string, std::string> forms_; // word as written → stem, where they differ
    PostingSpill postings_;                    // numbered by place in documents_
    // Why the postings could not be kept (a full or missing temporary folder): said once, when
    // the index is written, rather than once for every meeting built meanwhile.
    std::string failure_;
};

} // namespace bp::site

#pragma once
// The site's search index, built in-process from the content model (never from the written
// HTML): every paper and meeting the audience may see, with stemmed English terms, written as
// plain script files so the search page works from file:// as well as over HTTP.
//
// search/index/meta.js      the documents' titles, boards, dates, items and links; filters
// search/index/terms-XY.js  one shard per first two letters: word forms → stems → postings
// search/index/text/<board>/<meeting>.js  the texts of a meeting's documents, loaded only to
//                           show excerpts: one file a meeting, not a document (see README)
#include "content/model.hpp"
#include "core/output_tree.hpp"
#include "data/financial_calendar.hpp"
#include "site/kept_postings.hpp"
#include "site/search_postings.hpp"

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
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
    // Words as written whose stem is another string ("burglaries" → "burglari"), sorted by word.
    std::vector<std::pair<std::string, std::string>> forms;
};

// Stems a document's title and text. Thread-safe.
StemmedDocument stem_document(SearchDocument document);

// A meeting's search documents as the build cache keeps them: each document with its word
// forms but without its terms, and every document's postings grouped by shard
// (kept_postings.hpp), the documents numbered from 0 in the order listed. A meeting the cache
// holds joins the index by its shards' sums, its records left in the cache (`stored`) until a
// shard they belong to is written again.
struct RecordedDocuments {
    std::vector<StemmedDocument> documents; // their terms empty
    KeptPostings postings;                  // the records empty when `stored` is given
    std::optional<StoredPostings> stored;   // where the table and records are kept
};
RecordedDocuments record_documents(std::vector<StemmedDocument> documents);

// Plain text of a paper: block by block, table cells apart, charts by title and description.
std::string paper_plain_text(const content::Paper& paper);

// The file holding the text of the document at `url`, with its meeting's other documents':
// "search/index/text/csp/2017-09-12.js" for "csp/2017-09-12/7-performance-report.html", its
// meeting's page and its PDF appendices alike.
std::string search_text_path(const std::string& url);

// Where the index's term shards are kept between builds (the build cache). A shard is named by
// all that makes its bytes: its key, the documents in order (they number its postings), its
// word forms and the sum of its postings (ShardSum); one kept under its name goes into the
// output from the store rather than being read back and written again, so an edited paper
// rewrites the shards of the words it changed, not the archive's. Used by the one thread that
// writes the index.
class SearchShardStore {
  public:
    virtual ~SearchShardStore() = default;
    // Puts the shard kept as `name` at `path` in `output`; false, nothing written, when there
    // is none (or it is damaged).
    virtual bool take(const std::string& path, const std::string& name, OutputTree& output) = 0;
    // Keeps the shard just written at `path` in `output` as `name`.
    virtual void keep(const std::string& path, const std::string& name, OutputTree& output) = 0;
};

class SearchIndex {
  public:
    // About how much of the postings is held at once while the shards are written: they are
    // read back in batches of about this size, a bigger shard in parts. The output is the same
    // whatever the size.
    explicit SearchIndex(std::size_t shard_part_bytes = 8u << 20)
        : shard_part_bytes_(shard_part_bytes) {}

    // Thread-safe. A document whose text file is already in the output (a meeting the build
    // cache held, or one add_meeting has just written); its terms go to a temporary file per
    // group of shards, so the postings held follow the vocabulary, not the archive.
    void index(StemmedDocument document);
    // The same for a meeting's documents as the build cache kept them. With `stored`, only
    // their shards' sums are taken now; write() reads the records of the shards it writes.
    void index(RecordedDocuments meeting);
    // Thread-safe: meetings are written in parallel. Meetings that the audience may see: a
    // document for the meeting (its agenda) and one per visible paper, their words stemmed and
    // their texts written to `output` at once, in one file. `meeting` has had the audience
    // applied. Returns the documents added, for the build cache to keep.
    std::vector<StemmedDocument> add_meeting(const content::Board& board,
                                             const content::Meeting& meeting,
                                             content::Audience audience,
                                             const data::FinancialCalendar& calendar,
                                             OutputTree& output);
    // Writes search/index/meta.js and the term shards; documents are numbered in URL order so
    // the output repeats. Shards `kept` holds are taken from it, the others written and given
    // to it. Throws, once, when the postings could not be kept while indexing. Called once,
    // last: the list of documents is let go once meta.js is written.
    void write(OutputTree& output, SearchShardStore* kept = nullptr);

  private:
    // A document as meta.js lists it: SearchDocument's fields but the text, in one string. An
    // archive lists tens of thousands, and ten strings apiece were half the list's memory.
    class Listed {
      public:
        enum Field { url, title, kind, board, board_slug, date, date_iso, year, item, fields };
        Listed(const SearchDocument& document, bool has_text);
        std::string_view operator[](Field field) const;
        bool has_text() const { return has_text_; }

      private:
        std::string text_;                       // the fields, one after another
        std::array<std::uint32_t, fields> ends_; // where each ends in text_
        bool has_text_;
    };
    struct ShardForms {
        std::set<std::string> keys;                                   // every shard, in order
        std::map<std::string, std::vector<const std::string*>> forms; // key → forms, sorted
    };
    ShardForms shard_forms() const;
    // The name a shard is kept under (SearchShardStore); `documents` is the digest of the
    // documents' addresses in the order they are numbered.
    std::string shard_name(const std::string& key, const std::vector<const std::string*>& forms,
                           const std::string& documents) const;
    class GroupReader; // a group's shards' postings, read back a batch of parts at a time
    void write_meta(OutputTree& output, const std::vector<std::uint32_t>& order,
                    const std::vector<std::string>& shard_keys) const;
    // Adds the records of the `wanted` shards of every meeting whose postings were left in the
    // cache. Throws when they are not as their table says (damaged, or the entry replaced
    // meanwhile), the entry dropped first.
    void take_stored_postings(const std::set<std::string>& wanted);
    void write_shard(OutputTree& output, const std::string& key,
                     const std::vector<const std::string*>& forms, GroupReader& postings) const;

    std::size_t shard_part_bytes_;
    mutable std::mutex mutex_;
    // In the order they were indexed; a deque, as a vector's doubling would hold up to twice
    // the archive's documents, and copy them all, just as the index is largest.
    std::deque<Listed> documents_;
    // Word as written → stem, where they differ. Unordered: every document of the archive adds
    // its forms, most of them known already, and shard_forms() puts each shard's in order.
    std::unordered_map<std::string, std::string> forms_;
    PostingSpill postings_;                    // numbered by place in documents_
    struct LeftInCache {                       // a meeting whose records are in the cache
        std::uint32_t first_document = 0;      // its first document's place in documents_
        std::vector<std::uint64_t> identities; // its documents' (document_identity)
        StoredPostings at;
    };
    std::vector<LeftInCache> left_in_cache_;
    // Why the postings could not be kept (a full or missing temporary folder): said once, when
    // the index is written, rather than once for every meeting built meanwhile.
    std::string failure_;
    bool written_ = false; // write() lets the documents go, so it runs once
};

} // namespace bp::site

#pragma once
// Words for the search index: text split into words with their places in the text (in UTF-16
// code units, the unit the browser's strings count in), and each word's English stem (Snowball).
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bp::site {

struct SearchWord {
    std::string text;       // lower-cased; curly apostrophes made straight
    std::size_t offset = 0; // in UTF-16 code units from the start of the text
    std::size_t length = 0; // in UTF-16 code units
};

// Words are runs of letters and digits, with apostrophes inside them ("board’s").
std::vector<SearchWord> search_words(const std::string& text);
// The same words handed to `take` one at a time, in one SearchWord reused for each: an
// archive's index reads millions of words, and a list of them was a string and a copy each.
void for_each_search_word(const std::string& text,
                          const std::function<void(const SearchWord&)>& take);

// Common words left out of the index; the search page leaves them out of queries too.
const std::vector<std::string>& search_stop_words();
bool is_search_stop_word(std::string_view word);

// The shard a word's entries live in: its first two letters or digits ("bu" for "burglari"),
// the first and "_" when the second is neither or missing ("o_" for "o'neill", "x_" for "x"), and
// "_" when the first is neither. Two characters, not one: an archive's shard for "s" or "c"
// alone runs to megabytes, and the search page loads a whole shard for a word. A form and its
// stem can fall in different shards ("lying" → "lie"): the page loads the stem's too.
std::string search_shard_key(std::string_view word);

// Snowball's English stemmer, remembering the stems it gave for the first
// `remembered_words` words it was asked about: an archive's papers ask for the same few
// thousand words over and over. Not thread-safe: one per thread.
class EnglishStemmer {
  public:
    static constexpr std::size_t remembered_words = 20000; // about 2 MB
    EnglishStemmer();
    ~EnglishStemmer();
    EnglishStemmer(const EnglishStemmer&) = delete;
    EnglishStemmer& operator=(const EnglishStemmer&) = delete;

    std::string stem(const std::string& word);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace bp::site

#include "site/search_index.hpp"
#include "site/search_postings.hpp"
#include "site/search_terms.hpp"

#include <algorithm>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <stdexcept>

using namespace bp;
namespace fs = std::filesystem;

namespace {

content::Paper paper(const std::string& slug, const std::string& title, const std::string& body) {
    content::Paper paper;
    paper.slug = slug;
    paper.title = title;
    paper.body_loaded = true;
    doc::Block heading;
    heading.kind = doc::BlockKind::heading;
    heading.level = 2;
    heading.inlines = {{doc::InlineKind::text, "Definition"}};
    doc::Block text;
    text.kind = doc::BlockKind::paragraph;
    text.inlines = {{doc::InlineKind::text, body}};
    paper.body.blocks = {heading, text};
    return paper;
}

content::Board board_with_meeting() {
    content::Board board;
    board.slug = "csp";
    board.name = "Community Safety Board";
    board.short_name = "CSP Board";
    content::Meeting meeting;
    meeting.slug = "2017-09-12";
    meeting.date = {2017, 9, 12};
    content::AgendaItem performance;
    performance.number = "7";
    performance.title = "Performance";
    performance.papers = {paper("performance", "Performance report",
                                "Every burglary counts. Burglaries rose in the Board’s area.")};
    content::AgendaItem secret;
    secret.number = "9";
    secret.title = "Problem profile";
    secret.restricted = true;
    secret.papers = {paper("profile", "Problem profile", "Tidewater SECRET-BODY-TEXT")};
    meeting.items = {performance, secret};
    board.meetings = {meeting};
    return board;
}

// Indexes meetings into a fresh output folder and hands back every file written.
struct Indexed {
    site::SearchIndex index;
    OutputTree output;
    explicit Indexed(const std::string& name, std::size_t shard_part_bytes = 8u << 20)
        : index(shard_part_bytes),
          output((fs::temp_directory_path() / ("bp-search-test-" + name)).string()) {}

    void add(const content::Board& board, const content::Meeting& meeting,
             content::Audience audience) {
        index.add_meeting(board, meeting, audience, data::FinancialCalendar(4), output);
    }

    // The index is written once (it lets its documents go as it writes); later calls see the
    // same files. Shards `kept` holds are taken from it.
    const std::map<std::string, std::string>& files(site::SearchShardStore* kept = nullptr) {
        if (!written) {
            index.write(output, kept);
            for (const auto& path : output.written()) {
                std::ifstream in(output.staging_path(path), std::ios::binary);
                std::ostringstream text;
                text << in.rdbuf();
                written_files[path] = text.str();
            }
            written = true;
        }
        return written_files;
    }

  private:
    bool written = false;
    std::map<std::string, std::string> written_files;
};

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Keeps shards in memory by name, as the build cache does on disk, noting which it was asked
// for and which it was given.
struct ShardsInMemory : site::SearchShardStore {
    std::map<std::string, std::string> by_name;
    std::set<std::string> taken, kept; // paths
    bool take(const std::string& path, const std::string& name, OutputTree& output) override {
        auto found = by_name.find(name);
        if (found == by_name.end())
            return false;
        output.write(path, found->second);
        taken.insert(path);
        return true;
    }
    void keep(const std::string& path, const std::string& name, OutputTree& output) override {
        by_name[name] = file_bytes(output.staging_path(path));
        kept.insert(path);
    }
    void forget_calls() {
        taken.clear();
        kept.clear();
    }
};

std::set<std::string> shard_paths(const std::map<std::string, std::string>& files) {
    std::set<std::string> paths;
    for (const auto& [path, bytes] : files)
        if (path.starts_with("search/index/terms-"))
            paths.insert(path);
    return paths;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// The JSON an index script hands the search page: boardpackSearch.receive("kind", key, payload);
// discarded when the script is not such a call or its payload is not JSON.
nlohmann::json script_payload(const std::string& script, const std::string& kind) {
    std::string opening = "boardpackSearch.receive(\"" + kind + "\",";
    std::string closing = ");\n";
    if (!script.starts_with(opening) || !script.ends_with(closing))
        return nlohmann::json(nlohmann::json::value_t::discarded);
    std::string call =
        script.substr(opening.size(), script.size() - opening.size() - closing.size());
    std::size_t comma = call.find(','); // after the key: a shard's letters, or null
    return nlohmann::json::parse(call.substr(comma + 1), nullptr, false);
}

} // namespace

TEST_CASE("Snowball's English stemmer gives burglary and burglaries one stem") {
    site::EnglishStemmer stemmer;
    CHECK(stemmer.stem("burglaries") == "burglari");
    CHECK(stemmer.stem("burglary") == "burglari");
    CHECK(stemmer.stem("meetings") == "meet");
    CHECK(stemmer.stem("") == "");
}

TEST_CASE("the stemmer gives the same stems once it remembers no more words") {
    site::EnglishStemmer stemmer;
    CHECK(stemmer.stem("meetings") == "meet"); // remembered
    for (std::size_t i = 0; i <= site::EnglishStemmer::remembered_words; ++i)
        stemmer.stem("reviews" + std::to_string(i));
    CHECK(stemmer.stem("meetings") == "meet");
    CHECK(stemmer.stem("burglaries") == "burglari"); // asked once the memory is full
    CHECK(stemmer.stem("burglaries") == "burglari");
}

TEST_CASE("search words are lower-cased with their places counted in UTF-16 units") {
    auto words = site::search_words("The Board’s plan: £5m for ASB—2017/18 (Ó Súilleabháin) 😀 end");
    std::vector<std::string> texts;
    for (const auto& word : words)
        texts.push_back(word.text);
    CHECK(texts == std::vector<std::string>{"the", "board's", "plan", "5m", "for", "asb", "2017",
                                            "18", "ó", "súilleabháin", "end"});
    REQUIRE(words.size() == 11);
    CHECK(words[1].offset == 4);
    CHECK(words[1].length == 7);
    // The emoji is two UTF-16 units: "end" starts at 58, not 57.
    CHECK(words[10].offset == 58);
    CHECK(site::search_shard_key("burglari") == "bu");
    CHECK(site::search_shard_key("2017") == "20");
    CHECK(site::search_shard_key("a1") == "a1");
    CHECK(site::search_shard_key("x") == "x_");
    CHECK(site::search_shard_key("o'neill") == "o_");
    CHECK(site::search_shard_key("dó") == "d_");
    CHECK(site::search_shard_key("ó") == "_");
    CHECK(site::is_search_stop_word("the"));
    CHECK_FALSE(site::is_search_stop_word("burglary"));
    // Every stop word is one, the longest included, and nothing longer is.
    for (const auto& word : site::search_stop_words()) {
        CHECK(site::is_search_stop_word(word));
        CHECK_FALSE(site::is_search_stop_word(word + "q"));
    }
}

TEST_CASE("a paper's text keeps blocks apart so excerpts never run words together") {
    auto text = site::paper_plain_text(paper("p", "P", "Every burglary counts."));
    CHECK(text == "Definition\nEvery burglary counts.\n");
}

TEST_CASE("the public index has no restricted paper, the members' index has it") {
    content::Board board = board_with_meeting();
    content::Meeting public_meeting = board.meetings[0];
    public_meeting.items[1].withheld = true;
    public_meeting.items[1].papers.clear();
    Indexed public_index("public");
    public_index.add(board, public_meeting, content::Audience::public_audience);
    auto files = public_index.files();
    REQUIRE(files.count("search/index/meta.js") == 1);
    const std::string& meta = files["search/index/meta.js"];
    CHECK(contains(meta, "boardpackSearch.receive(\"meta\",null,{"));
    CHECK(contains(meta, "\"title\":\"Performance report\""));
    CHECK(contains(meta, "\"item\":\"Item 7: Performance\""));
    CHECK(contains(meta, "\"year\":\"2017/18\""));
    // A meeting's documents' texts share one file, named after the meeting's folder.
    REQUIRE(files.count("search/index/text/csp/2017-09-12.js") == 1);
    const std::string& texts = files["search/index/text/csp/2017-09-12.js"];
    CHECK(contains(texts, "boardpackSearch.receive(\"text\",\"csp/2017-09-12/7-performance.html\","
                          "\"Definition\\nEvery burglary counts."));
    CHECK(contains(texts, "boardpackSearch.receive(\"text\",\"csp/2017-09-12/index.html\","));
    CHECK(std::count_if(files.begin(), files.end(), [](const auto& file) {
              return file.first.starts_with("search/index/text/");
          }) == 1);
    for (const char* url : {"csp/2017-09-12/8-minutes.pdf", "csp/2017-09-12/index.html",
                            "csp/2017-09-12/7-performance-report.html"})
        CHECK(site::search_text_path(url) == "search/index/text/csp/2017-09-12.js");
    CHECK(contains(meta, "\"date\":\"12 September 2017\""));
    CHECK_FALSE(contains(meta, "Problem profile\",\"kind\":\"paper"));
    const std::string& shard = files["search/index/terms-bu.js"];
    CHECK(contains(shard, "\"burglary\":\"burglari\""));
    CHECK(contains(shard, "\"burglaries\":\"burglari\""));
    CHECK(contains(shard, "\"burglari\":[["));
    for (const auto& [path, text] : files) {
        CHECK_MESSAGE(!contains(text, "SECRET-BODY-TEXT"), path);
        CHECK_MESSAGE(!contains(text, "tidewat"), path);
    }

    Indexed members_index("members");
    members_index.add(board, board.meetings[0], content::Audience::members);
    auto members = members_index.files();
    bool found = false;
    for (const auto& [path, text] : members)
        found = found || contains(text, "SECRET-BODY-TEXT");
    CHECK(found);
    CHECK(contains(members["search/index/terms-ti.js"], "\"tidewat\""));
}

TEST_CASE("the index repeats byte for byte whatever order meetings arrive in") {
    content::Board board = board_with_meeting();
    content::Meeting later = board.meetings[0];
    later.slug = "2017-12-12";
    later.date = {2017, 12, 12};
    Indexed first("order-1"), second("order-2");
    first.add(board, board.meetings[0], content::Audience::members);
    first.add(board, later, content::Audience::members);
    second.add(board, later, content::Audience::members);
    second.add(board, board.meetings[0], content::Audience::members);
    auto first_files = first.files();
    CHECK(first_files.size() > 5);
    CHECK(first_files == second.files());
}

TEST_CASE("a shard read back and written in parts is the shard written whole") {
    content::Board board = board_with_meeting();
    board.meetings[0].items[0].papers.push_back(paper(
        "repeat", "Repeat referrals reviewed",
        "Repeat referrals rose; the review of reporting recommends a register of residents."));
    content::Meeting later = board.meetings[0];
    later.slug = "2017-12-12";
    later.date = {2017, 12, 12};
    Indexed whole("parts-whole"), in_parts("parts-cut", 1); // a part for every stem
    Indexed in_batches("parts-batched", 400); // a few stems a part, a few parts a file's pass
    for (Indexed* indexed : {&whole, &in_parts, &in_batches}) {
        indexed->add(board, board.meetings[0], content::Audience::members);
        indexed->add(board, later, content::Audience::members);
    }
    const auto& files = whole.files();
    const std::string& re = files.at("search/index/terms-re.js");
    auto shard = script_payload(re, "terms");
    REQUIRE_FALSE(shard.is_discarded());
    CHECK(shard["stems"].size() >= 5);           // repeat, referr, review, report, recommend, …
    CHECK(shard["stems"]["repeat"].size() == 2); // in both meetings' papers
    CHECK(in_parts.files() == files);
    CHECK(in_batches.files() == files);
}

TEST_CASE("a meeting indexed again from its stemmed documents gives the same index") {
    content::Board board = board_with_meeting();
    board.meetings[0].items[0].papers.push_back(
        paper("quoted", "Burglaries and \"quotes\" \\ odd", "The Board’s burglaries; naïve café."));
    Indexed added("stemmed-1"), again("stemmed-2");
    auto documents = added.index.add_meeting(board, board.meetings[0], content::Audience::members,
                                             data::FinancialCalendar(4), added.output);
    REQUIRE(documents.size() == 4); // the agenda and three papers
    for (const auto& document : documents) {
        CHECK(document.document.text.empty()); // only the terms are kept
        CHECK_FALSE(document.terms.empty());
    }
    const auto& quoted = documents[2]; // the performance item's second paper
    CHECK(quoted.document.title == "Burglaries and \"quotes\" \\ odd");
    CHECK(quoted.has_text);
    auto burglari = std::find_if(quoted.terms.begin(), quoted.terms.end(),
                                 [](const auto& term) { return term.stem == "burglari"; });
    REQUIRE(burglari != quoted.terms.end());
    CHECK(burglari->weight == 11); // once in the title, once in the text
    // "Definition\n" and "The Board’s " come first, in UTF-16 units
    CHECK(burglari->places == std::vector<std::uint32_t>{23, 10});
    CHECK(std::find(quoted.forms.begin(), quoted.forms.end(),
                    std::pair<std::string, std::string>("burglaries", "burglari")) !=
          quoted.forms.end());
    for (auto& document : documents)
        again.index.index(std::move(document));
    auto files = added.files();
    std::map<std::string, std::string> index_files;
    for (const auto& [path, bytes] : files)
        if (!path.starts_with("search/index/text/"))
            index_files[path] = bytes;
    CHECK(index_files.size() > 3);
    CHECK(contains(index_files["search/index/terms-qu.js"], "\"quot\""));
    CHECK(index_files == again.files());
}

TEST_CASE("meetings indexed from their recorded postings give the same index as stemmed") {
    content::Board board = board_with_meeting();
    board.meetings[0].items[0].papers.push_back(
        paper("quoted", "Burglaries and \"quotes\"", "The Board’s burglaries; naïve café."));
    content::Meeting later = board.meetings[0];
    later.slug = "2017-12-12";
    later.date = {2017, 12, 12};
    Indexed added("recorded-1"), recorded("recorded-2");
    std::vector<site::RecordedDocuments> meetings;
    for (const auto* meeting : {&board.meetings[0], &later})
        meetings.push_back(site::record_documents(
            added.index.add_meeting(board, *meeting, content::Audience::members,
                                    data::FinancialCalendar(4), added.output)));
    const site::RecordedDocuments& first = meetings[0];
    REQUIRE(first.documents.size() == 4); // the agenda and three papers
    for (const auto& document : first.documents)
        CHECK(document.terms.empty()); // in the block of postings instead
    // Grouped by shard: each shard's records whole, in key order, filling the records.
    const std::string& records = first.postings.records;
    CHECK(site::whole_posting_records(records, 4));
    CHECK_FALSE(site::whole_posting_records(records, 3)); // a document beyond the meeting
    std::vector<std::string> keys;
    CHECK(site::for_each_kept_shard(
        first.postings.table, records.size(), [&](const site::KeptShard& shard) {
            keys.emplace_back(shard.key);
            CHECK(site::whole_posting_records(records.substr(shard.offset, shard.bytes), 4));
        }));
    CHECK(keys.size() > 3);
    CHECK(std::is_sorted(keys.begin(), keys.end()));
    CHECK(std::find(keys.begin(), keys.end(), "bu") != keys.end());
    CHECK_FALSE(site::for_each_kept_shard(first.postings.table, records.size() - 1,
                                          [](const site::KeptShard&) {}));
    std::string_view table = first.postings.table;
    CHECK_FALSE(site::for_each_kept_shard(table.substr(0, table.size() - 1), records.size(),
                                          [](const site::KeptShard&) {}));
    CHECK(site::for_each_kept_shard("", 0, [](const site::KeptShard&) {}));
    // The later meeting first: its documents are numbered after the earlier's as they come.
    recorded.index.index(std::move(meetings[1]));
    recorded.index.index(std::move(meetings[0]));
    std::map<std::string, std::string> index_files;
    for (const auto& [path, bytes] : added.files())
        if (!path.starts_with("search/index/text/"))
            index_files[path] = bytes;
    CHECK(index_files.size() > 3);
    CHECK(contains(index_files["search/index/terms-bu.js"], "\"burglaries\":\"burglari\""));
    CHECK(index_files == recorded.files());
}

namespace {

// Two meetings' recorded documents, their table and records written to `file` as a cache entry
// keeps them (behind some bytes of its own), and left there.
std::vector<site::RecordedDocuments> recorded_in_file(Indexed& added, const fs::path& file) {
    content::Board board = board_with_meeting();
    content::Meeting later = board.meetings[0];
    later.slug = "2017-12-12";
    later.date = {2017, 12, 12};
    later.items[0].papers.push_back(
        paper("later", "Burglaries later", "Fewer burglaries, and a quiet summer."));
    std::vector<site::RecordedDocuments> meetings;
    std::string bytes = "an entry's head\n";
    for (const auto* meeting : {&board.meetings[0], &later}) {
        site::RecordedDocuments recorded = site::record_documents(added.index.add_meeting(
            board, *meeting, content::Audience::members, data::FinancialCalendar(4), added.output));
        site::StoredPostings& at = recorded.stored.emplace();
        at.file = file.string();
        at.table_offset = bytes.size();
        at.table_bytes = recorded.postings.table.size();
        bytes += recorded.postings.table + "12:";
        at.records_offset = bytes.size();
        at.records_bytes = recorded.postings.records.size();
        bytes += recorded.postings.records;
        at.check = site::stored_postings_check(recorded.postings.table);
        recorded.postings.records.clear();
        meetings.push_back(std::move(recorded));
    }
    std::ofstream(file, std::ios::binary) << bytes;
    return meetings;
}

} // namespace

TEST_CASE("meetings whose records are left in a file give the same index, shard by shard") {
    fs::path file = fs::temp_directory_path() / "bp-search-test-stored-postings";
    Indexed added("stored-added"), from_file("stored-read"), kept_some("stored-kept");
    std::vector<site::RecordedDocuments> meetings = recorded_in_file(added, file);
    auto copy = meetings;
    for (auto& meeting : meetings)
        from_file.index.index(std::move(meeting));
    std::map<std::string, std::string> index_files;
    for (const auto& [path, bytes] : added.files())
        if (!path.starts_with("search/index/text/"))
            index_files[path] = bytes;
    CHECK(index_files.size() > 3);
    CHECK(index_files == from_file.files());

    // With every shard kept but one, only that shard's records are read back: the same files.
    ShardsInMemory store;
    Indexed first_pass("stored-first");
    for (auto meeting : copy)
        first_pass.index.index(std::move(meeting));
    first_pass.files(&store);
    REQUIRE(store.by_name.size() > 3);
    store.by_name.erase(store.by_name.begin());
    store.forget_calls();
    for (auto& meeting : copy)
        kept_some.index.index(std::move(meeting));
    const auto& again = kept_some.files(&store);
    CHECK(store.kept.size() == 1); // written again, and kept
    CHECK(store.taken.size() + 1 == shard_paths(index_files).size());
    for (const auto& [path, bytes] : index_files)
        CHECK_MESSAGE(again.at(path) == bytes, path);
    fs::remove(file);
}

TEST_CASE("records left in a file that changed since are an error, the file dropped") {
    fs::path file = fs::temp_directory_path() / "bp-search-test-stored-changed";
    Indexed added("changed-added"), from_file("changed-read");
    std::vector<site::RecordedDocuments> meetings = recorded_in_file(added, file);
    int dropped = 0;
    for (auto& meeting : meetings) {
        meeting.stored->drop = [&dropped] { ++dropped; };
        from_file.index.index(std::move(meeting));
    }
    {
        std::fstream changed(file, std::ios::binary | std::ios::in | std::ios::out);
        changed.seekp(-3, std::ios::end);
        changed << "xyz";
    }
    CHECK_THROWS_WITH_AS(from_file.files(), doctest::Contains("are damaged, or were replaced"),
                         std::runtime_error);
    CHECK(dropped == 1); // the second meeting's, whose records end the file
    fs::remove(file);
}

TEST_CASE("a table of kept records that changed since is an error too") {
    fs::path file = fs::temp_directory_path() / "bp-search-test-stored-table-changed";
    Indexed added("table-changed-added"), from_file("table-changed-read");
    std::vector<site::RecordedDocuments> meetings = recorded_in_file(added, file);
    REQUIRE(meetings.at(0).stored->table_bytes > 20);
    std::uint64_t inside_table = meetings.at(0).stored->table_offset + 10;
    for (auto& meeting : meetings)
        from_file.index.index(std::move(meeting));
    {
        std::fstream changed(file, std::ios::binary | std::ios::in | std::ios::out);
        changed.seekg(static_cast<std::streamoff>(inside_table));
        char byte = 0;
        changed.get(byte);
        changed.seekp(static_cast<std::streamoff>(inside_table));
        changed.put(static_cast<char>(byte ^ 0x20));
    }
    CHECK_THROWS_WITH_AS(from_file.files(), doctest::Contains("are damaged, or were replaced"),
                         std::runtime_error);
    fs::remove(file);
}

TEST_CASE("the term shards are JSON whatever the words: accents, quotes and broken bytes") {
    content::Board board = board_with_meeting();
    board.meetings[0].items[0].papers = {
        paper("odd", "Naïve café", "Résumé of “quoted” words and a broken \xE0\x41\x42x byte.")};
    Indexed indexed("shard-json");
    indexed.add(board, board.meetings[0], content::Audience::members);
    int shards = 0;
    bool accented = false;
    for (const auto& [path, bytes] : indexed.files()) {
        if (!path.starts_with("search/index/terms-"))
            continue;
        ++shards;
        auto shard = script_payload(bytes, "terms");
        CHECK_MESSAGE(!shard.is_discarded(), path);
        if (shard.contains("stems") && shard["stems"].contains("café"))
            accented = true;
    }
    CHECK(shards > 3);
    CHECK(accented);

    // meta.js is written as text too: valid JSON, the odd title intact, every shard listed.
    auto parsed = script_payload(indexed.files().at("search/index/meta.js"), "meta");
    REQUIRE_FALSE(parsed.is_discarded());
    bool titled = false;
    for (const auto& document : parsed["documents"])
        titled = titled || (document["title"] == "Naïve café" && document["text"] == true &&
                            document["kind"] == "paper");
    CHECK(titled);
    CHECK(parsed["shards"].size() == static_cast<std::size_t>(shards));
    // Written, it has let its documents go: a second write is refused, not a wrong index.
    CHECK_THROWS_AS(indexed.index.write(indexed.output), std::logic_error);
    CHECK(parsed["stop_words"].size() == site::search_stop_words().size());
    CHECK(parsed["boards"][0]["id"] == "csp");
}

TEST_CASE("a word's form and its stem can live in two shards, both listed") {
    content::Board board = board_with_meeting();
    board.meetings[0].items[0].papers = {
        paper("trees", "Street trees", "Three oaks lying on the verge; a beech dying back.")};
    Indexed indexed("two-shards");
    indexed.add(board, board.meetings[0], content::Audience::members);
    auto files = indexed.files();
    // Snowball makes "lying" "lie": the page finds the form in "ly" and loads "li" for the stem.
    CHECK(contains(files["search/index/terms-ly.js"], "\"lying\":\"lie\""));
    CHECK(contains(files["search/index/terms-li.js"], "\"lie\":[["));
    CHECK(contains(files["search/index/terms-dy.js"], "\"dying\":\"die\""));
    CHECK(contains(files["search/index/terms-di.js"], "\"die\":[["));
    CHECK(contains(files["search/index/terms-oa.js"], "\"oak\":[["));
    CHECK(files.count("search/index/terms-o.js") == 0);
    const std::string& meta = files["search/index/meta.js"];
    for (const char* key : {"\"dy\"", "\"di\"", "\"ly\"", "\"li\"", "\"oa\""})
        CHECK_MESSAGE(contains(meta, key), key);
}

TEST_CASE("postings that cannot be kept fail the index once, when it is written") {
    content::Board board = board_with_meeting();
    Indexed indexed("no-temporary-folder"); // its output folder made while TMPDIR is usable
    const char* before = std::getenv("TMPDIR");
    std::string kept = before ? before : "";
    ::setenv("TMPDIR", "/nonexistent-boardpack-index", 1);
    CHECK_NOTHROW(indexed.add(board, board.meetings[0], content::Audience::members));
    CHECK_NOTHROW(indexed.add(board, board.meetings[0], content::Audience::members));
    std::string message;
    try {
        indexed.index.write(indexed.output);
    } catch (const std::runtime_error& error) {
        message = error.what();
    }
    if (before)
        ::setenv("TMPDIR", kept.c_str(), 1);
    else
        ::unsetenv("TMPDIR");
    CHECK(message.find("/nonexistent-boardpack-index") != std::string::npos);
    auto written = indexed.output.written();
    CHECK_FALSE(written.empty()); // the texts, written as the meetings were
    for (const auto& path : written)
        CHECK(path.starts_with("search/index/text/")); // and no index
}

TEST_CASE("a kept shard is used only while nothing that makes its bytes has changed") {
    content::Board board = board_with_meeting();
    content::Meeting later = board.meetings[0];
    later.slug = "2017-12-12";
    later.date = {2017, 12, 12};
    ShardsInMemory store;
    Indexed first("kept-1");
    first.add(board, board.meetings[0], content::Audience::members);
    first.add(board, later, content::Audience::members);
    auto shards = shard_paths(first.files(&store));
    CHECK(shards.size() > 5);
    CHECK(store.taken.empty());
    CHECK(store.kept == shards);

    SUBCASE("the same meetings in another order, one from its recorded postings: all kept") {
        store.forget_calls();
        Indexed scratch("kept-scratch"), again("kept-2");
        again.add(board, later, content::Audience::members);
        again.index.index(site::record_documents(
            scratch.index.add_meeting(board, board.meetings[0], content::Audience::members,
                                      data::FinancialCalendar(4), again.output)));
        CHECK(again.files(&store) == first.files());
        CHECK(store.taken == shards);
        CHECK(store.kept.empty());
    }
    SUBCASE("two new words in one paper: only their two shards are written") {
        store.forget_calls();
        later.items[0].papers[0].body.blocks[1].inlines[0].text += " Graffiti zebra.";
        Indexed edited("kept-3"), clean("kept-3-clean");
        for (Indexed* indexed : {&edited, &clean}) {
            indexed->add(board, board.meetings[0], content::Audience::members);
            indexed->add(board, later, content::Audience::members);
        }
        auto files = edited.files(&store);
        CHECK(files == clean.files());
        CHECK(store.kept ==
              std::set<std::string>{"search/index/terms-gr.js", "search/index/terms-ze.js"});
        CHECK(store.taken.size() == shards.size());
        CHECK(contains(files.at("search/index/terms-ze.js"), "\"zebra\":[["));
    }
    SUBCASE("a word's weight changed (one more title hit): its shard is written again") {
        store.forget_calls();
        later.items[0].papers[0].title = "Performance report on burglary";
        Indexed edited("kept-4"), clean("kept-4-clean");
        for (Indexed* indexed : {&edited, &clean}) {
            indexed->add(board, board.meetings[0], content::Audience::members);
            indexed->add(board, later, content::Audience::members);
        }
        CHECK(edited.files(&store) == clean.files());
        CHECK(store.kept.count("search/index/terms-bu.js") == 1);
        CHECK(store.kept.count("search/index/terms-ar.js") == 0);
    }
    SUBCASE("another meeting renumbers the documents: no shard is kept") {
        store.forget_calls();
        content::Meeting earlier = board.meetings[0];
        earlier.slug = "2017-06-12";
        earlier.date = {2017, 6, 12};
        Indexed more("kept-5"), clean("kept-5-clean");
        for (Indexed* indexed : {&more, &clean})
            for (const auto* meeting : {&earlier, &board.meetings[0], &later})
                indexed->add(board, *meeting, content::Audience::members);
        auto files = more.files(&store);
        CHECK(files == clean.files());
        CHECK(store.taken.empty());
        CHECK(store.kept == shard_paths(files));
    }
}

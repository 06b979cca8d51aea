#include "site/search_index.hpp"

#include "core/digest.hpp"
#include "site/json_string.hpp"
#include "site/search_terms.hpp"
#include "site/site_paths.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace bp::site {
namespace {

using nlohmann::json;

// A title hit counts for several body hits: a paper about burglary says so in its title.
constexpr int title_weight = 10;
// Enough places per document to highlight an excerpt; more only make the shard bigger.
constexpr std::size_t places_per_document = 12;

void append_block_text(const doc::Block& block, const std::vector<data::ChartSpec>& charts,
                       std::string& out) {
    auto row_text = [](const doc::TableRow& row) {
        std::string line;
        for (const auto& cell : row.cells) {
            if (!line.empty())
                line += " \xC2\xB7 "; // a middle dot keeps cells apart in excerpts
            line += doc::plain_text(cell.content);
        }
        return line + "\n";
    };
    switch (block.kind) {
    case doc::BlockKind::paragraph:
    case doc::BlockKind::heading:
        out += doc::plain_text(block.inlines) + "\n";
        break;
    case doc::BlockKind::code_block:
        out += block.text + "\n";
        break;
    case doc::BlockKind::table:
        if (!block.caption.empty())
            out += block.caption + "\n";
        out += row_text(block.header);
        for (const auto& row : block.rows)
            out += row_text(row);
        break;
    case doc::BlockKind::chart:
        if (block.chart_index >= 0 && block.chart_index < static_cast<int>(charts.size())) {
            const auto& chart = charts[block.chart_index];
            out += chart.title + ". " + chart.description + "\n";
        }
        break;
    default:
        if (!block.inlines.empty())
            out += doc::plain_text(block.inlines) + "\n";
        for (const auto& child : block.children)
            append_block_text(child, charts, out);
    }
}

std::string item_label(const content::AgendaItem& item) {
    return "Item " + item.number + ": " + item.title;
}

std::string agenda_text(const std::vector<content::AgendaItem>& items) {
    std::string text;
    for (const auto* item : flatten_items(items))
        text += item->number + ". " + item->title + "\n";
    return text;
}

// Looked up once a word, so hashed; put in order once the document is read. A word as written
// leads to its stem and to the stem's term at once: one look-up a word, not two.
using Terms = std::unordered_map<std::string, StemmedDocument::Term>; // by stem
struct Form {
    std::string stem;
    StemmedDocument::Term* term = nullptr; // in Terms, whose entries never move
};
using Forms = std::unordered_map<std::string, Form>; // word as written → its stem and term

void add_words(const std::string& text, std::uint32_t weight, bool keep_places,
               EnglishStemmer& stemmer, Terms& terms, Forms& forms) {
    for_each_search_word(text, [&](const SearchWord& word) {
        if (is_search_stop_word(word.text))
            return;
        auto [form, added] = forms.try_emplace(word.text);
        if (added) {
            form->second.stem = stemmer.stem(word.text);
            form->second.term = &terms[form->second.stem];
        }
        StemmedDocument::Term& term = *form->second.term;
        term.weight += weight;
        if (keep_places && term.places.size() < 2 * places_per_document) {
            term.places.push_back(static_cast<std::uint32_t>(word.offset));
            term.places.push_back(static_cast<std::uint32_t>(word.length));
        }
    });
}

// Invalid UTF-8 in a paper becomes U+FFFD rather than stopping the build.
std::string json_text(const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// ["a","b"]
void append_json_strings(std::string& out, const std::vector<std::string>& texts) {
    out += '[';
    const char* separator = "";
    for (const std::string& text : texts) {
        out += separator;
        append_json_string(out, text);
        separator = ",";
    }
    out += ']';
}

// "name":"value" pairs, in the order given, inside an object the caller opens and closes.
void append_json_fields(std::string& out,
                        std::initializer_list<std::pair<const char*, std::string_view>> fields) {
    const char* separator = "";
    for (const auto& [name, value] : fields) {
        out += separator;
        out += '"';
        out += name;
        out += "\":";
        append_json_string(out, value);
        separator = ",";
    }
}

// One index file: a call the search page's script receives. Invalid UTF-8 in a paper becomes
// U+FFFD rather than stopping the build.
std::string script_opening(const std::string& kind, const json& key) {
    return "boardpackSearch.receive(" + json_text(kind) + "," + json_text(key) + ",";
}

constexpr const char* script_closing = ");\n";

std::string script_call(const std::string& kind, const json& key, const std::string& payload) {
    return script_opening(kind, key) + payload + script_closing;
}

// A number and what goes before it, with no string made for either: a large shard is millions
// of numbers.
void append_number(std::string& out, char before, std::uint32_t number) {
    char digits[12];
    digits[0] = before;
    auto end = std::to_chars(digits + 1, digits + sizeof digits, number).ptr;
    out.append(digits, end);
}

// "stem":[[document,weight,offset,length,…],…]
void append_stem_postings(std::string& out, const std::string& stem,
                          const std::vector<ShardPosting>& list, const ShardPostings& postings) {
    append_json_string(out, stem);
    out += ":[";
    for (const auto& posting : list) {
        if (&posting != &list.front())
            out += ',';
        append_number(out, '[', posting.document);
        append_number(out, ',', posting.weight);
        for (std::uint32_t place : postings.places_of(posting))
            append_number(out, ',', place);
        out += ']';
    }
    out += ']';
}

std::string shard_path(const std::string& key) {
    return "search/index/terms-" + key + ".js";
}

} // namespace

std::string paper_plain_text(const content::Paper& paper) {
    std::string text;
    for (const auto& block : paper.body.blocks)
        append_block_text(block, paper.charts, text);
    for (const auto& footnote : paper.body.footnotes)
        for (const auto& block : footnote.blocks)
            append_block_text(block, paper.charts, text);
    return text;
}

std::string search_text_path(const std::string& url) {
    // A meeting's documents share a file: an archive has about nine a meeting, and a file each
    // was 7,200 of the 25,000 files a 6,400-paper archive wrote. (Every document's address is in
    // its meeting's folder; one that were not would have a file of its own.)
    return "search/index/text/" + url.substr(0, url.rfind('/')) + ".js";
}

StemmedDocument stem_document(SearchDocument document) {
    thread_local EnglishStemmer stemmer; // one a thread, with what it remembers
    Terms terms;
    Forms forms;
    add_words(document.title, title_weight, false, stemmer, terms, forms);
    add_words(document.text, 1, true, stemmer, terms, forms);
    StemmedDocument stemmed;
    stemmed.has_text = !document.text.empty();
    document.text.clear();
    document.text.shrink_to_fit();
    stemmed.document = std::move(document);
    stemmed.terms.reserve(terms.size());
    for (auto& [stem, term] : terms) {
        term.stem = stem;
        stemmed.terms.push_back(std::move(term));
    }
    std::sort(stemmed.terms.begin(), stemmed.terms.end(),
              [](const auto& a, const auto& b) { return a.stem < b.stem; });
    for (auto& [written, form] : forms)
        if (written != form.stem)
            stemmed.forms.emplace_back(written, form.stem);
    std::sort(stemmed.forms.begin(), stemmed.forms.end());
    return stemmed;
}

namespace {

// Stems a document for the index and adds its text, if any, to its meeting's text file. The
// text is dropped once stemmed, so the index never holds the archive's text.
StemmedDocument stem_with_text(SearchDocument document, std::string& texts) {
    if (!document.text.empty()) {
        std::string payload;
        append_json_string(payload, document.text);
        texts += script_call("text", document.url, payload);
    }
    return stem_document(std::move(document));
}

} // namespace

void SearchIndex::index(StemmedDocument document) {
    std::lock_guard lock(mutex_);
    if (!failure_.empty())
        return;
    auto number = static_cast<std::uint32_t>(documents_.size());
    std::uint64_t identity = document_identity(document.document.url);
    try {
        for (const auto& term : document.terms)
            postings_.add(number, term.stem, term.weight, term.places, identity);
    } catch (const std::runtime_error& error) {
        failure_ = error.what();
        return;
    }
    for (auto& [form, stem] : document.forms)
        forms_.try_emplace(std::move(form), std::move(stem));
    documents_.emplace_back(document.document, document.has_text);
}

void SearchIndex::index(RecordedDocuments meeting) {
    std::lock_guard lock(mutex_);
    if (!failure_.empty())
        return;
    std::vector<std::uint64_t> identities;
    for (const auto& document : meeting.documents)
        identities.push_back(document_identity(document.document.url));
    auto first = static_cast<std::uint32_t>(documents_.size());
    const std::string& records = meeting.postings.records;
    std::size_t records_bytes = meeting.stored ? meeting.stored->records_bytes : records.size();
    try {
        bool whole =
            for_each_kept_shard(meeting.postings.table, records_bytes, [&](const KeptShard& shard) {
                postings_.add_sum(shard.key, shard.sum);
                if (!meeting.stored)
                    postings_.add_records(
                        first, std::string_view(records).substr(shard.offset, shard.bytes),
                        identities, PostingSpill::Sums::counted);
            });
        if (!whole)
            throw std::runtime_error(
                "a meeting's postings, as the build cache kept them, are not whole");
    } catch (const std::runtime_error& error) {
        failure_ = error.what();
        return;
    }
    if (meeting.stored)
        left_in_cache_.push_back({first, std::move(identities), std::move(*meeting.stored)});
    for (auto& document : meeting.documents) {
        for (auto& [form, stem] : document.forms)
            forms_.try_emplace(std::move(form), std::move(stem));
        documents_.emplace_back(document.document, document.has_text);
    }
}

void SearchIndex::take_stored_postings(const std::set<std::string>& wanted) {
    for (const LeftInCache& meeting : left_in_cache_) {
        if (wanted.empty())
            break;
        bool read = read_stored_shards(meeting.at, meeting.identities, wanted,
                                       [&](std::string_view, std::string_view records) {
                                           postings_.add_records(meeting.first_document, records,
                                                                 meeting.identities,
                                                                 PostingSpill::Sums::counted);
                                       });
        if (!read) {
            if (meeting.at.drop)
                meeting.at.drop();
            throw std::runtime_error("the search postings kept in " + meeting.at.file +
                                     " are damaged, or were replaced while the site was built "
                                     "(another build storing into the same cache?): they are "
                                     "dropped from the cache; build again");
        }
    }
    std::vector<LeftInCache>().swap(left_in_cache_);
}

RecordedDocuments record_documents(std::vector<StemmedDocument> documents) {
    std::string records;
    std::vector<std::uint64_t> identities;
    for (std::uint32_t number = 0; number < documents.size(); ++number) {
        StemmedDocument& document = documents[number];
        identities.push_back(document_identity(document.document.url));
        for (const auto& term : document.terms)
            append_posting_record(records, number, term.stem, term.weight, term.places);
        document.terms.clear();
        document.terms.shrink_to_fit();
    }
    RecordedDocuments recorded;
    recorded.postings = keep_postings(records, identities);
    recorded.documents = std::move(documents);
    return recorded;
}

SearchIndex::Listed::Listed(const SearchDocument& document, bool has_text) : has_text_(has_text) {
    const std::string* in_order[fields] = {
        &document.url,  &document.title,    &document.kind, &document.board, &document.board_slug,
        &document.date, &document.date_iso, &document.year, &document.item};
    std::size_t size = 0;
    for (const std::string* field : in_order)
        size += field->size();
    text_.reserve(size);
    for (int field = 0; field < fields; ++field) {
        text_ += *in_order[field];
        ends_[field] = static_cast<std::uint32_t>(text_.size());
    }
}

std::string_view SearchIndex::Listed::operator[](Field field) const {
    std::uint32_t start = field == 0 ? 0 : ends_[field - 1];
    return std::string_view(text_).substr(start, ends_[field] - start);
}

std::vector<StemmedDocument> SearchIndex::add_meeting(const content::Board& board,
                                                      const content::Meeting& meeting,
                                                      content::Audience audience,
                                                      const data::FinancialCalendar& calendar,
                                                      OutputTree& output) {
    std::vector<StemmedDocument> added;
    std::string texts; // the meeting's text file
    SearchDocument base;
    base.board = board.short_name.empty() ? board.name : board.short_name;
    base.board_slug = board.slug;
    base.date = meeting.date.medium_form();
    base.date_iso = meeting.date.iso();
    base.year = calendar.year_label(calendar.year_of_date(meeting.date));
    std::string folder = meeting_dir(board, meeting);

    // The agenda's item titles are public even where an item is withheld.
    SearchDocument agenda = base;
    agenda.url = folder + "/index.html";
    const std::string agenda_url = agenda.url;
    agenda.title =
        meeting.title.empty() ? board.name + ", " + meeting.date.medium_form() : meeting.title;
    agenda.kind = "meeting";
    agenda.text = agenda_text(meeting.items);
    added.push_back(stem_with_text(std::move(agenda), texts));

    for (const auto* item : flatten_items(meeting.items)) {
        if (item_withheld(*item, audience))
            continue;
        for (const auto* paper : visible_papers(*item, audience)) {
            SearchDocument document = base;
            document.url = folder + "/" + paper_file(*item, *paper);
            document.title = paper->title;
            document.kind = paper->is_pdf ? "pdf" : "paper";
            document.item = item_label(*item);
            document.text = paper->is_pdf ? std::string() : paper_plain_text(*paper);
            if (!paper->summary.empty())
                document.text = paper->summary + "\n" + document.text;
            added.push_back(stem_with_text(std::move(document), texts));
        }
    }
    if (!texts.empty())
        output.write(search_text_path(agenda_url), texts);
    for (const auto& document : added)
        index(document);
    return added;
}

namespace {

struct PlannedPart {
    StemRange range;
    std::size_t cost = 0; // about what its postings take in memory
};

// A group's stems cut into parts of about `budget` bytes held, shard by shard, in byte order: a
// word found in every paper of a large archive has a posting for each, and a shard of common
// prefixes would otherwise be the build's largest allocation, growing with the archive.
std::vector<PlannedPart> plan_parts(const std::map<std::string, StemTally>& stems,
                                    std::size_t budget) {
    using Stem = std::pair<const std::string, StemTally>;
    std::vector<std::pair<std::string, const Stem*>> by_shard; // shard key, stem
    for (const Stem& stem : stems)
        by_shard.emplace_back(search_shard_key(stem.first), &stem);
    std::sort(by_shard.begin(), by_shard.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first, a.second->first) < std::tie(b.first, b.second->first);
    });
    std::vector<PlannedPart> parts;
    for (const auto& [key, stem] : by_shard) {
        const auto& [word, tally] = *stem;
        std::size_t cost = 64 + word.size() + tally.postings * sizeof(ShardPosting) +
                           tally.places * sizeof(std::uint32_t);
        PlannedPart* last = parts.empty() ? nullptr : &parts.back();
        if (!last || last->range.shard_key != key || last->cost + cost > budget)
            last = &parts.emplace_back(PlannedPart{{key, word, word}, 0});
        last->range.last = word;
        last->cost += cost;
    }
    return parts;
}

} // namespace

// One group's shards' postings, handed out a part at a time in shard order and read back from
// the group's file a batch at a time: as many parts as fit in about `budget` bytes come from one
// pass over the file, so a small group's file is read once, a large one's once to tally its
// stems and then a batch at a time, and no more than the budget is held.
class SearchIndex::GroupReader {
  public:
    // Only the shards in `wanted` are read.
    GroupReader(const PostingSpill& spill, std::string group, std::size_t budget,
                const std::vector<std::uint32_t>& place_of, const std::set<std::string>& wanted)
        : spill_(spill), group_(std::move(group)), budget_(budget), place_of_(place_of),
          parts_(plan(spill, group_, budget, wanted)) {}

    const std::string& name() const { return group_; }

    // The next part of shard `key`, its documents numbered in URL order; false when the shard
    // has no more. Shards are asked for in byte order of their keys.
    bool next(const std::string& key, ShardPostings& part) {
        if (next_ == parts_.size() || parts_[next_].range.shard_key != key)
            return false;
        if (next_ >= batch_first_ + batch_.size())
            read_batch();
        part = std::move(batch_[next_ - batch_first_]);
        ++next_;
        return true;
    }

  private:
    // A group's records held whole cost, as plan_parts counts, at most this many times their
    // bytes: a record is 16 bytes, its stem and its places; held, a posting is 16 bytes and its
    // places, and each stem 64 bytes and itself once, so 80 + 2 × its length at the very most
    // for each record.
    static constexpr std::size_t held_per_byte = 5;

    // The group's parts. A group whose records, held whole, fit the budget is read in one pass,
    // its shards whole, without first reading it through to tally its stems: a small
    // archive's groups, and a large one's of rare first letters.
    static std::vector<PlannedPart> plan(const PostingSpill& spill, const std::string& group,
                                         std::size_t budget, const std::set<std::string>& wanted) {
        std::vector<PlannedPart> parts;
        if (spill.group_bytes(group) * held_per_byte > budget)
            parts = plan_parts(spill.stems(group), budget);
        else
            for (const std::string& key : spill.shard_keys(group))
                parts.push_back({{key, "", "\xFF"}, 0}); // no UTF-8 stem sorts after a lone 0xFF
        std::erase_if(
            parts, [&](const PlannedPart& part) { return !wanted.contains(part.range.shard_key); });
        return parts;
    }

    void read_batch() {
        std::vector<StemRange> ranges;
        std::size_t held = 0;
        for (std::size_t n = next_; n < parts_.size(); ++n) {
            if (!ranges.empty() && held + parts_[n].cost > budget_)
                break;
            ranges.push_back(parts_[n].range);
            held += parts_[n].cost;
        }
        batch_ = spill_.parts(group_, ranges);
        batch_first_ = next_;
        for (ShardPostings& postings : batch_)
            for (auto& [stem, list] : postings.by_stem) {
                for (auto& posting : list)
                    posting.document = place_of_[posting.document];
                std::sort(list.begin(), list.end(),
                          [](const auto& a, const auto& b) { return a.document < b.document; });
            }
    }

    const PostingSpill& spill_;
    std::string group_;
    std::size_t budget_;
    const std::vector<std::uint32_t>& place_of_;
    std::vector<PlannedPart> parts_;
    std::size_t next_ = 0;             // the next part to hand out
    std::vector<ShardPostings> batch_; // parts read, from batch_first_ on
    std::size_t batch_first_ = 0;
};

void SearchIndex::write(OutputTree& output, SearchShardStore* kept) {
    std::lock_guard lock(mutex_);
    if (!failure_.empty())
        throw std::runtime_error(failure_);
    if (written_)
        throw std::logic_error("the search index was written already");
    written_ = true;
    // Numbered in URL order, so the output repeats whatever order meetings were built in.
    std::vector<std::uint32_t> order(documents_.size()); // place in URL order → as indexed
    for (std::uint32_t n = 0; n < order.size(); ++n)
        order[n] = n;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return documents_[a][Listed::url] < documents_[b][Listed::url];
    });
    std::vector<std::uint32_t> place_of(documents_.size()); // as indexed → place in URL order
    for (std::uint32_t n = 0; n < order.size(); ++n)
        place_of[order[n]] = n;
    ShardForms shards = shard_forms();
    write_meta(output, order, {shards.keys.begin(), shards.keys.end()});
    Digest numbering; // the documents in the order that numbers them
    numbering.add(std::to_string(order.size()));
    for (std::uint32_t at : order)
        numbering.add(documents_[at][Listed::url]);
    const std::string documents = numbering.hex();
    // The shards need only the postings: the list of documents goes before the largest shard
    // is read back, so the two never take memory at once.
    std::deque<Listed>().swap(documents_);
    std::map<std::string, std::string> to_write; // key → the name it is kept under
    for (const std::string& key : shards.keys) {
        std::string name = kept ? shard_name(key, shards.forms[key], documents) : "";
        if (!kept || !kept->take(shard_path(key), name, output))
            to_write.emplace(key, std::move(name));
    }
    std::set<std::string> wanted;
    for (const auto& [key, name] : to_write)
        wanted.insert(key);
    take_stored_postings(wanted);
    std::optional<GroupReader> group; // keys in byte order: a group's shards come together
    for (const auto& [key, name] : to_write) {
        if (!group || group->name() != search_shard_group(key))
            group.emplace(postings_, search_shard_group(key), shard_part_bytes_, place_of, wanted);
        write_shard(output, key, shards.forms[key], *group);
        if (kept)
            kept->keep(shard_path(key), name, output);
    }
}

std::string SearchIndex::shard_name(const std::string& key,
                                    const std::vector<const std::string*>& forms,
                                    const std::string& documents) const {
    Digest name;
    name.add("search shard").add(key).add(documents).add(std::to_string(forms.size()));
    for (const std::string* form : forms)
        name.add(*form).add(forms_.at(*form));
    return name.add(postings_.sum_of(key).hex()).hex();
}

// search/index/meta.js: the documents in URL order, the filters' boards and years (newest
// first), the shards and the stop words. Written as text, like the shards, and streamed: an
// archive's list of documents runs to megabytes (14 MB at 50,000 papers), and built as JSON
// first it was the build's largest allocation. Keys in byte order, as the JSON library writes
// an object's.
void SearchIndex::write_meta(OutputTree& output, const std::vector<std::uint32_t>& order,
                             const std::vector<std::string>& shard_keys) const {
    std::map<std::string, std::string> boards; // slug → name
    std::set<std::string> years;
    for (const Listed& listed : documents_) {
        boards.insert_or_assign(std::string(listed[Listed::board_slug]),
                                std::string(listed[Listed::board]));
        years.emplace(listed[Listed::year]);
    }
    OutputTree::Stream file(output, "search/index/meta.js");
    std::string out = script_opening("meta", nullptr);
    out += "{\"boards\":[";
    const char* separator = "";
    for (const auto& [slug, name] : boards) {
        out += separator;
        out += '{';
        append_json_fields(out, {{"id", slug}, {"name", name}});
        out += '}';
        separator = ",";
    }
    out += "],\"documents\":[";
    separator = "";
    for (std::uint32_t at : order) {
        const Listed& document = documents_[at];
        out += separator;
        out += '{';
        append_json_fields(out, {{"board", document[Listed::board_slug]},
                                 {"date", document[Listed::date]},
                                 {"iso", document[Listed::date_iso]},
                                 {"item", document[Listed::item]},
                                 {"kind", document[Listed::kind]}});
        out += document.has_text() ? ",\"text\":true," : ",\"text\":false,";
        append_json_fields(out, {{"title", document[Listed::title]},
                                 {"url", document[Listed::url]},
                                 {"year", document[Listed::year]}});
        out += '}';
        separator = ",";
        file.append(out); // the stream gathers the pieces into large writes
        out.clear();
    }
    out += "],\"shards\":";
    append_json_strings(out, shard_keys);
    out += ",\"stop_words\":";
    append_json_strings(out, search_stop_words());
    out += ",\"years\":";
    append_json_strings(out, std::vector<std::string>(years.rbegin(), years.rend()));
    out += '}';
    out += script_closing;
    file.append(out);
    file.close();
}

// Every shard's key, with the forms it lists. A shard's postings are read back from its
// group's file when it is written, a batch of parts at a time (GroupReader).
SearchIndex::ShardForms SearchIndex::shard_forms() const {
    ShardForms shards;
    for (const auto& [form, stem] : forms_) {
        std::string key = search_shard_key(form);
        shards.keys.insert(key); // a shard of forms alone, their stems elsewhere, is written too
        shards.forms[key].push_back(&form);
    }
    for (auto& [key, forms] : shards.forms) // in byte order, as a JSON object keeps its keys
        std::sort(forms.begin(), forms.end(),
                  [](const std::string* a, const std::string* b) { return *a < *b; });
    for (const std::string& group : postings_.groups())
        shards.keys.merge(postings_.shard_keys(group));
    return shards;
}

// search/index/terms-<key>.js: the shard's word forms (those that are not their own stem) and
// each stem's postings, [document, weight, offset, length, …]; keys in byte order, as a JSON
// object keeps them. Written as text: an archive's shard is too big to build as JSON first.
void SearchIndex::write_shard(OutputTree& output, const std::string& key,
                              const std::vector<const std::string*>& forms,
                              GroupReader& postings) const {
    // The archive's biggest files (megabytes each for a common prefix): written as they are
    // made, a part of the stems at a time, so no shard is ever whole in memory.
    OutputTree::Stream file(output, shard_path(key));
    std::string out = script_opening("terms", key);
    out += "{\"forms\":{";
    const char* separator = "";
    for (const std::string* form : forms) {
        out += separator;
        append_json_string(out, *form);
        out += ':';
        append_json_string(out, forms_.at(*form));
        separator = ",";
    }
    out += "},\"stems\":{";
    separator = "";
    ShardPostings part;
    while (postings.next(key, part)) {
        for (const auto& [stem, list] : part.by_stem) {
            out += separator;
            append_stem_postings(out, stem, list, part);
            separator = ",";
            file.append(out);
            out.clear();
        }
    }
    out += "}}";
    out += script_closing;
    file.append(out);
    file.close();
}

} // namespace bp::site

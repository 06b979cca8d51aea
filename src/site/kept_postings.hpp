#pragma once
// A meeting's search postings as the build cache keeps them between builds: its records grouped
// by shard, and a table of its shards, each with where its records lie and their sum
// (ShardSum). A meeting taken from the cache joins the index by its table: the sums name the
// shards (SearchShardStore), and the records are read back only for the shards that are
// written again (the few an edited paper touches), not spilled and summed for every meeting.
#include "site/search_postings.hpp"

#include <cstdint>
#include <functional>
#include <set>
#include <span>
#include <string>
#include <string_view>

namespace bp::site {

struct KeptPostings {
    // For each shard, in byte order of the keys: the key's length (one byte), the key, the
    // bytes of its records and its sum (low, high), the numbers in the machine's order.
    std::string table;
    std::string records; // each shard's records (append_posting_record), in the table's order
};

// Groups `records` of documents numbered from 0, the document numbered n named by
// identities[n] in the sums. Throws std::invalid_argument when the records are not whole or
// number a document with no identity.
KeptPostings keep_postings(std::string_view records, std::span<const std::uint64_t> identities);

struct KeptShard {
    std::string_view key;
    std::size_t offset = 0; // where its records start in KeptPostings::records
    std::size_t bytes = 0;
    ShardSum sum;
};
// Calls `each` for every shard of `table`, in order; false when the table is not whole, or
// its shards do not fill `records_bytes` exactly.
bool for_each_kept_shard(std::string_view table, std::size_t records_bytes,
                         const std::function<void(const KeptShard&)>& each);

// Where a meeting's kept postings lie in a file (a cache entry) when they are not held.
struct StoredPostings {
    std::string file;
    std::uint64_t table_offset = 0;
    std::size_t table_bytes = 0;
    std::uint64_t records_offset = 0; // after the table
    std::size_t records_bytes = 0;
    // stored_postings_check() of the table's bytes, as they were when the entry was found
    // whole: the records read back are checked shard by shard against the table's sums.
    std::uint64_t check = 0;
    // Called when the records read back are not what the table says (damaged, or the entry
    // replaced since): the file is then no longer to be served.
    std::function<void()> drop;
};
std::uint64_t stored_postings_check(std::string_view bytes);
// Reads back the records of the shards the table lists that are in `wanted`, a shard at a
// time, and hands `use` each shard's key and records; false when the table is no longer what
// `check` says, or a shard's records no longer add up to its sum (the entry was replaced since
// it was found), `use` then called no more. `identities` names the meeting's documents, as
// for keep_postings(). Only the wanted shards' records are read: an edited paper's few.
bool read_stored_shards(
    const StoredPostings& at, std::span<const std::uint64_t> identities,
    const std::set<std::string>& wanted,
    const std::function<void(std::string_view key, std::string_view records)>& use);

} // namespace bp::site

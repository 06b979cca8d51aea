#include "site/kept_postings.hpp"

#include "core/filesystem.hpp"
#include "site/search_terms.hpp"

#include <cstring>
#include <map>
#include <stdexcept>
#include <xxhash.h>

namespace bp::site {

namespace {

template <typename Number> void append_raw(std::string& out, Number value) {
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename Number> bool take_raw(std::string_view& in, Number& value) {
    if (in.size() < sizeof value)
        return false;
    std::memcpy(&value, in.data(), sizeof value);
    in.remove_prefix(sizeof value);
    return true;
}

} // namespace

KeptPostings keep_postings(std::string_view records, std::span<const std::uint64_t> identities) {
    struct Shard {
        std::string records;
        ShardSum sum;
    };
    std::map<std::string, Shard> shards;
    bool numbered = true;
    bool whole = for_each_posting_record(
        records, [&](std::string_view record, std::uint32_t document, std::string_view stem) {
            if (document >= identities.size()) {
                numbered = false;
                return;
            }
            Shard& shard = shards[search_shard_key(stem)];
            shard.records += record;
            shard.sum.add(posting_sum(record, identities[document]));
        });
    if (!whole || !numbered)
        throw std::invalid_argument("postings to keep that are not whole");
    KeptPostings kept;
    kept.records.reserve(records.size());
    for (const auto& [key, shard] : shards) {
        append_raw(kept.table, static_cast<std::uint8_t>(key.size()));
        kept.table += key;
        append_raw(kept.table, static_cast<std::uint64_t>(shard.records.size()));
        append_raw(kept.table, shard.sum.low);
        append_raw(kept.table, shard.sum.high);
        kept.records += shard.records;
    }
    return kept;
}

bool for_each_kept_shard(std::string_view table, std::size_t records_bytes,
                         const std::function<void(const KeptShard&)>& each) {
    std::size_t offset = 0;
    while (!table.empty()) {
        std::uint8_t key_length = 0;
        if (!take_raw(table, key_length) || key_length == 0 || table.size() < key_length)
            return false;
        KeptShard shard;
        shard.key = table.substr(0, key_length);
        table.remove_prefix(key_length);
        std::uint64_t bytes = 0;
        if (!take_raw(table, bytes) || !take_raw(table, shard.sum.low) ||
            !take_raw(table, shard.sum.high) || bytes > records_bytes - offset)
            return false;
        shard.offset = offset;
        shard.bytes = static_cast<std::size_t>(bytes);
        offset += shard.bytes;
        each(shard);
    }
    return offset == records_bytes;
}

std::uint64_t stored_postings_check(std::string_view bytes) {
    return XXH3_64bits(bytes.data(), bytes.size());
}

bool read_stored_postings(
    const StoredPostings& at,
    const std::function<void(std::string_view table, std::string_view records)>& use) {
    if (at.records_offset < at.table_offset + at.table_bytes)
        return false;
    std::uint64_t end = at.records_offset + at.records_bytes;
    auto bytes = read_file_part(at.file, at.table_offset, end - at.table_offset);
    if (!bytes || stored_postings_check(*bytes) != at.check)
        return false;
    std::string_view read = *bytes;
    use(read.substr(0, at.table_bytes), read.substr(at.records_offset - at.table_offset));
    return true;
}

} // namespace bp::site

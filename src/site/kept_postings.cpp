#include "site/kept_postings.hpp"

#include "core/filesystem.hpp"
#include "site/search_terms.hpp"

#include <cstring>
#include <fcntl.h>
#include <map>
#include <stdexcept>
#include <unistd.h>
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

namespace {

// Whether `records` of a meeting whose documents `identities` names add up to `sum`.
bool records_add_up(std::string_view records, std::span<const std::uint64_t> identities,
                    const ShardSum& sum) {
    ShardSum found;
    bool numbered = true;
    bool whole = for_each_posting_record(
        records, [&](std::string_view record, std::uint32_t document, std::string_view) {
            if (document >= identities.size())
                numbered = false;
            else
                found.add(posting_sum(record, identities[document]));
        });
    return whole && numbered && found == sum;
}

} // namespace

bool read_stored_shards(
    const StoredPostings& at, std::span<const std::uint64_t> identities,
    const std::set<std::string>& wanted,
    const std::function<void(std::string_view key, std::string_view records)>& use) {
    if (at.records_offset < at.table_offset + at.table_bytes)
        return false;
    int fd = ::open(at.file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    auto table = read_at(fd, at.table_offset, at.table_bytes);
    bool read = table && stored_postings_check(*table) == at.check;
    std::vector<KeptShard> shards;
    read = read && for_each_kept_shard(*table, at.records_bytes, [&](const KeptShard& shard) {
               if (wanted.contains(std::string(shard.key)))
                   shards.push_back(shard);
           });
    for (std::size_t i = 0; read && i < shards.size(); ++i) {
        auto records = read_at(fd, at.records_offset + shards[i].offset, shards[i].bytes);
        read = records && records_add_up(*records, identities, shards[i].sum);
        if (read)
            use(shards[i].key, *records);
    }
    ::close(fd);
    return read;
}

} // namespace bp::site

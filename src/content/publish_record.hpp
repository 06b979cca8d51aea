#pragma once
// The publish record: what `boardpack publish` froze for a meeting, kept as published.yaml
// beside its meeting.yaml. It holds the digest of every input the meeting's papers read and
// the figures they quoted, with the indicator figures those were worked out from.
#include "content/figure_book.hpp"
#include "core/diagnostics.hpp"
#include "core/filesystem.hpp"

#include <optional>
#include <string>
#include <vector>

namespace bp::content {

inline constexpr const char* publish_record_name = "published.yaml";

struct InputDigest {
    std::string file;        // relative to the site folder
    std::string sha256;      // 64 hex digits
    SourceLocation location; // its line in the record
};

struct PublishRecord {
    int version = 1;                  // 1 when first published, then the republication's version
    std::string date;                 // the day it was published, YYYY-MM-DD
    std::vector<InputDigest> inputs;  // sorted by file
    FrozenSeries series;              // the observations the figures were worked out from
    FrozenComparators comparators;    // and the comparator figures shown beside them
    FrozenDefinitions definitions;    // and the definitions that rated them
    std::vector<FigureEntry> figures; // every figure the papers resolved
    SourceLocation location;

    const InputDigest* input(const std::string& file) const;
    // What the record freezes, for a FigureBook.
    FrozenFigures frozen() const { return {series, comparators, definitions, location}; }
    const FigureEntry* figure(const std::string& key) const;
};

// Reads and checks a record; every problem is reported at its line.
std::optional<PublishRecord> read_publish_record(const FileSystem& files, const std::string& path,
                                                 DiagnosticSink& sink);

// The record as YAML: deterministic, one input or figure per line group, to diff in review.
std::string publish_record_text(const PublishRecord& record);

// A number as its shortest exact decimal text ("17.9", "-63", "8.0976"), so it reads back
// equal.
std::string exact_number(double value);

} // namespace bp::content

#include "content/publish_record.hpp"

#include "content/loader_parts.hpp"
#include "data/yaml_source.hpp"

#include <charconv>
#include <yaml-cpp/yaml.h>

namespace bp::content {

namespace {

const char* const record_hint = "published.yaml is written by 'boardpack publish'; run it again "
                                "rather than editing the file";

std::optional<double> number_node(const YAML::Node& node) {
    if (!node || node.IsNull() || !node.IsScalar())
        return std::nullopt;
    return data::parse_figure(node.Scalar());
}

void emit_number(YAML::Emitter& out, const std::optional<double>& value) {
    if (value)
        out << exact_number(*value);
    else
        out << YAML::Null;
}

void emit_observation(YAML::Emitter& out, const data::Observation& observation) {
    out << YAML::Key << observation.period.iso() << YAML::Value;
    if (!observation.numerator && !observation.denominator) {
        emit_number(out, observation.value);
        return;
    }
    out << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "value" << YAML::Value;
    emit_number(out, observation.value);
    out << YAML::Key << "numerator" << YAML::Value;
    emit_number(out, observation.numerator);
    out << YAML::Key << "denominator" << YAML::Value;
    emit_number(out, observation.denominator);
    out << YAML::EndMap;
}

void emit_figure(YAML::Emitter& out, const FigureEntry& figure) {
    out << YAML::BeginMap;
    out << YAML::Key << "figure" << YAML::Value << figure.key();
    out << YAML::Key << "period" << YAML::Value << figure.period;
    for (auto [name, value] :
         {std::pair{"value", figure.value}, std::pair{"last_year", figure.last_year},
          std::pair{"change_pct", figure.change_pct}}) {
        out << YAML::Key << name << YAML::Value;
        emit_number(out, value);
    }
    if (!figure.rag.empty())
        out << YAML::Key << "rag" << YAML::Value << figure.rag;
    out << YAML::EndMap;
}

struct Reader {
    const SourceLocation& origin;
    DiagnosticSink& sink;

    void inputs(const YAML::Node& node, PublishRecord& record) {
        if (!node.IsMap()) {
            sink.error(data::location_of(node, origin), "'inputs' must map files to digests",
                       record_hint);
            return;
        }
        for (const auto& entry : node) {
            SourceLocation where = data::location_of(entry.first, origin);
            std::string digest = entry.second.IsScalar() ? entry.second.Scalar() : "";
            if (digest.size() != 64 ||
                digest.find_first_not_of("0123456789abcdef") != std::string::npos) {
                sink.error(where,
                           "the digest of '" + entry.first.Scalar() +
                               "' is not 64 hexadecimal digits",
                           record_hint);
                continue;
            }
            record.inputs.push_back({entry.first.Scalar(), digest, where});
        }
        std::sort(record.inputs.begin(), record.inputs.end(),
                  [](const InputDigest& a, const InputDigest& b) { return a.file < b.file; });
    }

    std::optional<data::Observation> observation(const YAML::Node& period,
                                                 const YAML::Node& figure) {
        SourceLocation where = data::location_of(period, origin);
        auto month = data::parse_year_month(period.Scalar());
        if (!month) {
            sink.error(where, "'" + period.Scalar() + "' is not a month (YYYY-MM)", record_hint);
            return std::nullopt;
        }
        data::Observation observation{*month, {}, {}, {}, where};
        if (figure.IsMap()) {
            observation.value = number_node(figure["value"]);
            observation.numerator = number_node(figure["numerator"]);
            observation.denominator = number_node(figure["denominator"]);
        } else if (!figure.IsNull()) {
            observation.value = number_node(figure);
            if (!observation.value) {
                sink.error(data::location_of(figure, origin),
                           "the figure for " + period.Scalar() + " is not a number", record_hint);
                return std::nullopt;
            }
        }
        return observation;
    }

    void series(const YAML::Node& node, PublishRecord& record) {
        if (!node.IsMap()) {
            sink.error(data::location_of(node, origin), "'series' must map indicators to figures",
                       record_hint);
            return;
        }
        for (const auto& indicator : node) {
            auto& observations = record.series[indicator.first.Scalar()];
            if (!indicator.second.IsMap())
                continue;
            for (const auto& row : indicator.second)
                if (auto read = observation(row.first, row.second))
                    observations.push_back(*read);
            std::sort(observations.begin(), observations.end(),
                      [](const auto& a, const auto& b) { return a.period < b.period; });
        }
    }

    // indicator: the YAML of its definition, as a block of text
    void definitions(const YAML::Node& node, PublishRecord& record) {
        if (!node.IsMap()) {
            sink.error(data::location_of(node, origin),
                       "'definitions' must map indicators to their definitions", record_hint);
            return;
        }
        for (const auto& indicator : node) {
            if (!indicator.second.IsScalar()) {
                sink.error(data::location_of(indicator.second, origin),
                           "the definition of '" + indicator.first.Scalar() +
                               "' must be the text of its YAML file",
                           record_hint);
                continue;
            }
            record.definitions[indicator.first.Scalar()] = indicator.second.Scalar();
        }
    }

    // indicator: { comparator name: { YYYY-MM: figure } }
    void comparators(const YAML::Node& node, PublishRecord& record) {
        const char* shape = "'comparators' must map indicators to comparators to figures";
        if (!node.IsMap()) {
            sink.error(data::location_of(node, origin), shape, record_hint);
            return;
        }
        for (const auto& indicator : node) {
            if (!indicator.second.IsMap()) {
                sink.error(data::location_of(indicator.second, origin), shape, record_hint);
                continue;
            }
            auto& named = record.comparators[indicator.first.Scalar()];
            for (const auto& comparator : indicator.second) {
                auto& values = named[comparator.first.Scalar()];
                if (!comparator.second.IsMap())
                    continue;
                for (const auto& row : comparator.second) {
                    auto read = observation(row.first, row.second);
                    if (read && read->value)
                        values[read->period] = *read->value;
                }
            }
        }
    }

    void figures(const YAML::Node& node, PublishRecord& record) {
        if (!node.IsSequence()) {
            sink.error(data::location_of(node, origin), "'figures' must be a list", record_hint);
            return;
        }
        for (const auto& item : node) {
            if (!item.IsMap() || !item["figure"] || !item["figure"].IsScalar()) {
                sink.error(data::location_of(item, origin), "each figure needs 'figure:'",
                           record_hint);
                continue;
            }
            FigureEntry entry;
            std::string key = item["figure"].Scalar();
            auto dot = key.rfind('.');
            entry.indicator = key.substr(0, dot);
            entry.measure = dot == std::string::npos ? "" : key.substr(dot + 1);
            if (item["period"] && item["period"].IsScalar())
                entry.period = item["period"].Scalar();
            entry.value = number_node(item["value"]);
            entry.last_year = number_node(item["last_year"]);
            entry.change_pct = number_node(item["change_pct"]);
            if (item["rag"] && item["rag"].IsScalar())
                entry.rag = item["rag"].Scalar();
            record.figures.push_back(std::move(entry));
        }
    }
};

} // namespace

const InputDigest* PublishRecord::input(const std::string& file) const {
    for (const auto& digest : inputs)
        if (digest.file == file)
            return &digest;
    return nullptr;
}

const FigureEntry* PublishRecord::figure(const std::string& key) const {
    for (const auto& entry : figures)
        if (entry.key() == key)
            return &entry;
    return nullptr;
}

std::string exact_number(double value) {
    if (value == 0)
        return "0"; // and never "-0"
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

namespace {

// The record at `path`, reporting into `sink`, which holds nothing else.
std::optional<PublishRecord> read_record(const FileSystem& files, const std::string& path,
                                         DiagnosticSink& sink) {
    auto yaml = read_yaml_file(files, path, sink);
    if (!yaml)
        return std::nullopt;
    SourceLocation origin{path, 1, 1};
    data::check_keys(
        *yaml,
        {"version", "published", "inputs", "series", "comparators", "definitions", "figures"},
        origin, sink, "a publish record");
    PublishRecord record;
    record.location = origin;
    record.version = data::read_int(*yaml, "version", origin, sink, true).value_or(1);
    if (auto date = data::read_date(*yaml, "published", origin, sink, true))
        record.date = date->iso();
    Reader reader{origin, sink};
    if (YAML::Node inputs = (*yaml)["inputs"])
        reader.inputs(inputs, record);
    if (YAML::Node comparators = (*yaml)["comparators"])
        reader.comparators(comparators, record);
    if (YAML::Node series = (*yaml)["series"])
        reader.series(series, record);
    if (YAML::Node definitions = (*yaml)["definitions"])
        reader.definitions(definitions, record);
    if (YAML::Node figures = (*yaml)["figures"])
        reader.figures(figures, record);
    return record;
}

} // namespace

std::optional<PublishRecord> read_publish_record(const FileSystem& files, const std::string& path,
                                                 DiagnosticSink& sink) {
    // Its own errors counted apart: meetings are read in parallel into one sink, and another
    // meeting's error must not make this record unreadable (and leave its papers unchecked).
    DiagnosticSink own;
    auto record = read_record(files, path, own);
    own.forward_to(sink);
    return own.has_errors() ? std::nullopt : record;
}

std::string publish_record_text(const PublishRecord& record) {
    YAML::Emitter out;
    out << YAML::Comment("What was published for this meeting, written by 'boardpack publish'.")
        << YAML::Newline
        << YAML::Comment("Keep it beside meeting.yaml: builds print the figures below and refuse")
        << YAML::Newline << YAML::Comment("papers that differ from these digests.")
        << YAML::Newline;
    out << YAML::BeginMap;
    out << YAML::Key << "version" << YAML::Value << record.version;
    out << YAML::Key << "published" << YAML::Value << record.date;
    out << YAML::Key << "inputs" << YAML::Value << YAML::BeginMap;
    for (const auto& input : record.inputs)
        out << YAML::Key << input.file << YAML::Value << input.sha256;
    out << YAML::EndMap;
    out << YAML::Key << "series" << YAML::Value;
    if (record.series.empty())
        out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
    else {
        out << YAML::BeginMap;
        for (const auto& [id, observations] : record.series) {
            out << YAML::Key << id << YAML::Value << YAML::BeginMap;
            for (const auto& observation : observations)
                emit_observation(out, observation);
            out << YAML::EndMap;
        }
        out << YAML::EndMap;
    }
    // Only indicators with comparators are listed, so a record without any has no key.
    if (!record.comparators.empty()) {
        out << YAML::Key << "comparators" << YAML::Value << YAML::BeginMap;
        for (const auto& [id, named] : record.comparators) {
            out << YAML::Key << id << YAML::Value << YAML::BeginMap;
            for (const auto& [name, values] : named) {
                out << YAML::Key << name << YAML::Value << YAML::BeginMap;
                for (const auto& [month, value] : values)
                    emit_observation(out, {month, value, {}, {}, {}});
                out << YAML::EndMap;
            }
            out << YAML::EndMap;
        }
        out << YAML::EndMap;
    }
    // Each definition as a block of its own lines, so a review sees what rated the figures.
    if (!record.definitions.empty()) {
        out << YAML::Key << "definitions" << YAML::Value << YAML::BeginMap;
        for (const auto& [id, text] : record.definitions)
            out << YAML::Key << id << YAML::Value << YAML::Literal << text;
        out << YAML::EndMap;
    }
    out << YAML::Key << "figures" << YAML::Value;
    if (record.figures.empty())
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
    else {
        out << YAML::BeginSeq;
        for (const auto& figure : record.figures)
            emit_figure(out, figure);
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

} // namespace bp::content

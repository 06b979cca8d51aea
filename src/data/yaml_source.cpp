#include "data/yaml_source.hpp"

#include "data/yaml_budget.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace bp::data {

namespace {

std::string describe_choices(const std::vector<std::string>& choices) {
    std::string out;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0)
            out += i + 1 == choices.size() ? " or " : ", ";
        out += choices[i];
    }
    return out;
}

std::optional<YAML::Node> scalar_at(const YAML::Node& map, const std::string& key,
                                    const SourceLocation& origin, DiagnosticSink& sink,
                                    bool required, std::string_view expected) {
    if (!map.IsMap())
        return std::nullopt;
    YAML::Node value = map[key];
    if (!value || value.IsNull()) {
        if (required)
            sink.error(location_of(map, origin), "missing required key '" + key + "'",
                       "add '" + key + ": " + std::string(expected) + "'");
        return std::nullopt;
    }
    if (!value.IsScalar()) {
        sink.error(location_of(value, origin), "'" + key + "' must be " + std::string(expected));
        return std::nullopt;
    }
    return value;
}

// yaml-cpp reads a stream that opens with a comma (",a: 1") as an empty document, dropping
// everything after it; the YAML spec has no such document. Where that comma is, if so.
std::optional<SourceLocation> leading_comma(std::string_view text, const SourceLocation& origin) {
    int line = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = std::min(text.find('\n', at), text.size());
        std::string_view row = text.substr(at, end - at);
        std::size_t first = row.find_first_not_of(" \t\r");
        bool blank =
            first == std::string_view::npos || row[first] == '#' || row.substr(first, 3) == "---";
        if (!blank) {
            if (row[first] != ',')
                return std::nullopt;
            return SourceLocation{origin.file, origin.line + line, static_cast<int>(first) + 1};
        }
        at = end + 1;
        ++line;
    }
    return std::nullopt;
}

} // namespace

SourceLocation location_of(const YAML::Node& node, const SourceLocation& origin) {
    YAML::Mark mark = node.Mark();
    if (mark.line < 0)
        return origin;
    return {origin.file, origin.line + mark.line, mark.column + 1};
}

std::optional<YAML::Node> parse_yaml(std::string_view text, const SourceLocation& origin,
                                     DiagnosticSink& sink) {
    if (!check_utf8(text, origin, sink) || !check_yaml_aliases(text, origin, sink))
        return std::nullopt;
    try {
        YAML::Node node = YAML::Load(std::string(text));
        if (auto comma = node.IsNull() ? leading_comma(text, origin) : std::nullopt) {
            sink.error(*comma, "malformed YAML: a document cannot start with ','",
                       "remove the comma; a list of values is written '- value' on lines of its "
                       "own, or [a, b] on one line");
            return std::nullopt;
        }
        return node;
    } catch (const YAML::Exception& e) {
        SourceLocation where{origin.file, origin.line + std::max(e.mark.line, 0),
                             std::max(e.mark.column, 0) + 1};
        sink.error(where, "malformed YAML: " + e.msg,
                   "check the indentation and that every 'key: value' pair has a colon and a "
                   "space; quote values that contain ': ' or start with a special character");
        return std::nullopt;
    }
}

std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& candidate : candidates) {
        std::vector<std::size_t> row(candidate.size() + 1);
        for (std::size_t j = 0; j <= candidate.size(); ++j)
            row[j] = j;
        for (std::size_t i = 1; i <= word.size(); ++i) {
            std::size_t diagonal = row[0];
            row[0] = i;
            for (std::size_t j = 1; j <= candidate.size(); ++j) {
                std::size_t above = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                                   diagonal + (word[i - 1] == candidate[j - 1] ? 0 : 1)});
                diagonal = above;
            }
        }
        if (row[candidate.size()] < best_distance) {
            best_distance = row[candidate.size()];
            best = candidate;
        }
    }
    return best;
}

void check_keys(const YAML::Node& map, const std::set<std::string>& allowed,
                const SourceLocation& origin, DiagnosticSink& sink, std::string_view what) {
    if (!map.IsMap())
        return;
    std::vector<std::string> candidates(allowed.begin(), allowed.end());
    for (const auto& entry : map) {
        std::string key = entry.first.Scalar();
        if (allowed.count(key))
            continue;
        auto suggestion = closest_match(key, candidates);
        std::string hint = suggestion ? "did you mean '" + *suggestion + "'?"
                                      : "known keys are: " + describe_choices(candidates);
        sink.error(location_of(entry.first, origin),
                   "unknown key '" + key + "' in " + std::string(what), hint);
    }
}

std::optional<std::string> read_string(const YAML::Node& map, const std::string& key,
                                       const SourceLocation& origin, DiagnosticSink& sink,
                                       bool required) {
    auto value = scalar_at(map, key, origin, sink, required, "text");
    if (!value)
        return std::nullopt;
    return value->Scalar();
}

std::optional<Date> read_date(const YAML::Node& map, const std::string& key,
                              const SourceLocation& origin, DiagnosticSink& sink, bool required) {
    auto value = scalar_at(map, key, origin, sink, required, "a date such as 2017-09-12");
    if (!value)
        return std::nullopt;
    auto date = parse_date(value->Scalar());
    if (!date) {
        sink.error(location_of(*value, origin),
                   "'" + value->Scalar() + "' is not a valid date for '" + key + "'",
                   "write dates as YYYY-MM-DD, for example 2017-09-12");
    }
    return date;
}

std::optional<double> read_number(const YAML::Node& map, const std::string& key,
                                  const SourceLocation& origin, DiagnosticSink& sink,
                                  bool required) {
    auto value = scalar_at(map, key, origin, sink, required, "a number");
    if (!value)
        return std::nullopt;
    std::istringstream in(value->Scalar());
    double number = 0;
    if (!(in >> number) || !in.eof() || !std::isfinite(number)) {
        sink.error(location_of(*value, origin),
                   "'" + key + "' must be a number, not '" + value->Scalar() + "'");
        return std::nullopt;
    }
    return number;
}

std::optional<int> read_int(const YAML::Node& map, const std::string& key,
                            const SourceLocation& origin, DiagnosticSink& sink, bool required) {
    auto number = read_number(map, key, origin, sink, required);
    if (!number)
        return std::nullopt;
    if (*number != std::floor(*number) || std::fabs(*number) > 1e9) {
        sink.error(location_of(map[key], origin), "'" + key + "' must be a whole number");
        return std::nullopt;
    }
    return static_cast<int>(*number);
}

std::optional<bool> read_bool(const YAML::Node& map, const std::string& key,
                              const SourceLocation& origin, DiagnosticSink& sink) {
    auto value = scalar_at(map, key, origin, sink, false, "true or false");
    if (!value)
        return std::nullopt;
    const std::string& text = value->Scalar();
    if (text == "true" || text == "yes")
        return true;
    if (text == "false" || text == "no")
        return false;
    sink.error(location_of(*value, origin),
               "'" + key + "' must be true or false, not '" + text + "'");
    return std::nullopt;
}

std::optional<std::string> read_choice(const YAML::Node& map, const std::string& key,
                                       const std::vector<std::string>& choices,
                                       const SourceLocation& origin, DiagnosticSink& sink) {
    auto value = scalar_at(map, key, origin, sink, false, describe_choices(choices));
    if (!value)
        return std::nullopt;
    const std::string& text = value->Scalar();
    if (std::find(choices.begin(), choices.end(), text) != choices.end())
        return text;
    auto suggestion = closest_match(text, choices);
    sink.error(location_of(*value, origin), "'" + text + "' is not a valid " + key,
               suggestion ? "did you mean '" + *suggestion + "'?"
                          : "use one of: " + describe_choices(choices));
    return std::nullopt;
}

} // namespace bp::data

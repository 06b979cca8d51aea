#include "data/indicator_yaml.hpp"

#include "core/text.hpp"
#include "data/yaml_source.hpp"

#include <set>

namespace bp::data {

namespace {

const char* const rules_hint = "write the rules as an ordered list, e.g.\n"
                               "  rules:\n"
                               "    - green: change_pct <= -5\n"
                               "    - amber: change_pct <= 0\n"
                               "    - otherwise: red";

const std::vector<std::pair<std::string, RagBasis>> bases = {
    {"fytd_vs_last_year", RagBasis::fytd_vs_last_year},
    {"latest_period", RagBasis::latest_period},
    {"rolling_12_months", RagBasis::rolling_12_months},
    {"latest_quarter", RagBasis::latest_quarter},
    {"against_target", RagBasis::against_target},
};

std::optional<Rag> rating_word(std::string_view word) {
    if (word == "green")
        return Rag::green;
    if (word == "amber")
        return Rag::amber;
    if (word == "red")
        return Rag::red;
    return std::nullopt;
}

std::string_view strip(std::string_view text) {
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    return text;
}

// A rule is a one-entry map: `green: change_pct <= -5` or `otherwise: red`.
bool read_rule(const YAML::Node& item, RagRules& rules, bool& has_otherwise,
               const SourceLocation& origin, DiagnosticSink& sink) {
    SourceLocation where = location_of(item, origin);
    if (!item.IsMap() || item.size() != 1) {
        sink.error(where, "a RAG rule must be one line such as 'green: change_pct <= -5'",
                   rules_hint);
        return false;
    }
    auto entry = *item.begin();
    std::string rating = entry.first.as<std::string>("");
    SourceLocation value_at = location_of(entry.second, origin);
    if (has_otherwise) {
        sink.error(where, "a RAG rule comes after 'otherwise'",
                   "'otherwise' is the last rule: the rating when no rule above it holds");
        return false;
    }
    if (!entry.second.IsScalar()) {
        sink.error(value_at, "the rule for '" + rating + "' must be a condition on one line",
                   rules_hint);
        return false;
    }
    std::string text = entry.second.Scalar();
    if (rating == "otherwise") {
        auto status = rating_word(text);
        if (!status) {
            sink.error(value_at, "'otherwise' must be green, amber or red, not '" + text + "'",
                       "write 'otherwise: red'");
            return false;
        }
        rules.otherwise = *status;
        has_otherwise = true;
        return true;
    }
    auto status = rating_word(rating);
    if (!status) {
        auto suggestion = closest_match(rating, {"green", "amber", "red", "otherwise"});
        sink.error(location_of(entry.first, origin),
                   "unknown rating '" + rating + "' in a RAG rule",
                   suggestion ? "did you mean '" + *suggestion + "'?"
                              : "rules start with green, amber, red or otherwise");
        return false;
    }
    auto condition = parse_condition(text);
    if (!condition) {
        sink.error(value_at, "'" + text + "' is not a condition a RAG rule understands",
                   "write <change_pct | change | value> <<= | < | >= | >> <number>, such as "
                   "'change_pct <= -5'");
        return false;
    }
    rules.thresholds.push_back(
        {*status, condition->measure, condition->op, condition->threshold, value_at});
    return true;
}

void read_rules_list(const YAML::Node& list, RagRules& rules, const SourceLocation& origin,
                     DiagnosticSink& sink) {
    if (!list || list.IsNull())
        return;
    if (!list.IsSequence() || list.size() == 0) {
        sink.error(location_of(list, origin), "'rules' must be a list of RAG rules", rules_hint);
        return;
    }
    bool has_otherwise = false;
    bool ok = true;
    for (const auto& item : list)
        ok = read_rule(item, rules, has_otherwise, origin, sink) && ok;
    if (ok && !has_otherwise)
        sink.error(location_of(list, origin), "the RAG rules have no 'otherwise'",
                   "end the list with the rating when no rule holds: '- otherwise: red'");
    if (ok && rules.thresholds.empty())
        sink.error(location_of(list, origin), "the RAG rules have only 'otherwise'",
                   "give at least one threshold, such as '- green: change_pct <= -5'");
}

} // namespace

const char* to_symbol(ThresholdOp op) {
    switch (op) {
    case ThresholdOp::at_most:
        return "<=";
    case ThresholdOp::below:
        return "<";
    case ThresholdOp::at_least:
        return ">=";
    case ThresholdOp::above:
        return ">";
    }
    return "<=";
}

std::optional<ParsedCondition> parse_condition(std::string_view text) {
    text = strip(text);
    static const std::pair<const char*, RagMeasure> measures[] = {
        {"change_pct", RagMeasure::change_pct},
        {"change", RagMeasure::change},
        {"value", RagMeasure::value}};
    ParsedCondition out{};
    bool found = false;
    for (const auto& [word, measure] : measures) {
        std::string_view name(word);
        if (text.substr(0, name.size()) == name) {
            out.measure = measure;
            text = strip(text.substr(name.size()));
            found = true;
            break;
        }
    }
    if (!found)
        return std::nullopt;
    // Longest symbols first, so "<=" is not read as "<" followed by "=".
    static const std::pair<const char*, ThresholdOp> symbols[] = {
        {"<=", ThresholdOp::at_most},  {"\xE2\x89\xA4", ThresholdOp::at_most},
        {">=", ThresholdOp::at_least}, {"\xE2\x89\xA5", ThresholdOp::at_least},
        {"<", ThresholdOp::below},     {">", ThresholdOp::above}};
    found = false;
    for (const auto& [symbol, op] : symbols) {
        std::string_view sign(symbol);
        if (text.substr(0, sign.size()) == sign) {
            out.op = op;
            text = strip(text.substr(sign.size()));
            found = true;
            break;
        }
    }
    if (!found)
        return std::nullopt;
    if (!text.empty() && text.back() == '%' && out.measure == RagMeasure::change_pct)
        text = strip(text.substr(0, text.size() - 1));
    // A typographic minus is as good as a hyphen.
    std::string number(text);
    if (number.rfind("\xE2\x88\x92", 0) == 0)
        number = "-" + number.substr(3);
    auto threshold = parse_figure(number);
    if (!threshold)
        return std::nullopt;
    out.threshold = *threshold;
    return out;
}

void read_rag_rules(const YAML::Node& map, Indicator& indicator, const SourceLocation& origin,
                    DiagnosticSink& sink) {
    YAML::Node rag = map["rag"];
    if (!rag || rag.IsNull())
        return;
    if (!rag.IsMap()) {
        sink.error(location_of(rag, origin), "'rag' must be a map with 'basis' and 'rules'",
                   "write\nrag:\n  basis: fytd_vs_last_year\n  rules:\n    - green: change_pct "
                   "<= -5\n    - amber: change_pct <= 0\n    - otherwise: red");
        return;
    }
    check_keys(rag, {"basis", "rules", "rounding"}, origin, sink, "a RAG rule");
    std::vector<std::string> basis_words;
    for (const auto& basis : bases)
        basis_words.push_back(basis.first);
    if (auto word = read_choice(rag, "basis", basis_words, origin, sink))
        for (const auto& basis : bases)
            if (basis.first == *word)
                indicator.rag.basis = basis.second;
    if (auto rounding = read_choice(rag, "rounding", {"as-published", "exact"}, origin, sink))
        indicator.rag.as_published = *rounding == "as-published";
    read_rules_list(rag["rules"], indicator.rag, origin, sink);
}

std::map<int, double> read_yearly_figures(const YAML::Node& map, const std::string& key,
                                          const FinancialCalendar& calendar,
                                          const SourceLocation& origin, DiagnosticSink& sink) {
    std::map<int, double> out;
    YAML::Node years = map[key];
    if (!years || years.IsNull())
        return out;
    std::string example = calendar.start_month() == 1 ? "2018" : "2017/18";
    std::string hint = "write one line per financial year: '" + key + ": {" + example + ": 169}'";
    if (!years.IsMap()) {
        sink.error(location_of(years, origin), "'" + key + "' must map financial years to numbers",
                   hint);
        return out;
    }
    for (const auto& entry : years) {
        std::string label = entry.first.as<std::string>("");
        auto year = parse_financial_year(label, calendar);
        if (!year) {
            sink.error(location_of(entry.first, origin),
                       "'" + label + "' in '" + key + "' is not a financial year",
                       "financial years are written as " + example);
            continue;
        }
        auto number = entry.second.IsScalar() ? parse_figure(entry.second.Scalar()) : std::nullopt;
        if (!number) {
            sink.error(location_of(entry.second, origin),
                       "the " + key + " figure for " + label + " must be a number", hint);
            continue;
        }
        out[*year] = *number;
    }
    return out;
}

std::vector<Comparator> read_comparators(const YAML::Node& map, const SourceLocation& origin,
                                         DiagnosticSink& sink) {
    std::vector<Comparator> out;
    YAML::Node list = map["comparators"];
    if (!list || list.IsNull())
        return out;
    const char* hint = "write\ncomparators:\n  - name: London\n    column: london";
    if (!list.IsSequence()) {
        sink.error(location_of(list, origin), "'comparators' must be a list", hint);
        return out;
    }
    std::set<std::string> names;
    for (const auto& item : list) {
        SourceLocation where = location_of(item, origin);
        if (!item.IsMap()) {
            sink.error(where, "a comparator must have a 'name' and a 'column' or 'file'", hint);
            continue;
        }
        check_keys(item, {"name", "column", "file"}, origin, sink, "a comparator");
        Comparator comparator;
        comparator.name = read_string(item, "name", origin, sink, true).value_or("");
        comparator.column = read_string(item, "column", origin, sink).value_or("");
        comparator.file = read_string(item, "file", origin, sink).value_or("");
        if (comparator.column.empty() == comparator.file.empty()) {
            sink.error(where, "a comparator needs either a 'column' or a 'file'",
                       "'column' names a column of the indicator's CSV; 'file' a CSV of "
                       "period,value beside it");
            continue;
        }
        if (comparator.name.empty())
            continue;
        if (!names.insert(comparator.name).second) {
            sink.error(where, "comparator '" + comparator.name + "' is listed twice");
            continue;
        }
        out.push_back(std::move(comparator));
    }
    return out;
}

} // namespace bp::data

#include "data/indicators.hpp"

#include "core/text.hpp"
#include "data/csv.hpp"
#include "data/indicator_yaml.hpp"
#include "data/yaml_source.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace bp::data {

namespace {

const std::set<std::string> indicator_keys = {"title",
                                              "unit",
                                              "frequency",
                                              "polarity",
                                              "series",
                                              "tolerance",
                                              "rag",
                                              "target",
                                              "targets",
                                              "populations",
                                              "comparators",
                                              "target_band",
                                              "target_text",
                                              "target_period",
                                              "population",
                                              "rate_per",
                                              "measure",
                                              "decimals",
                                              "source",
                                              "definition",
                                              "how_it_works",
                                              "what_good_looks_like",
                                              "why_it_matters",
                                              "issues",
                                              "lead",
                                              "sub_group"};

const std::set<std::string> csv_columns = {"period", "value", "numerator", "denominator", "note"};

template <typename Enum>
Enum choice(const YAML::Node& map, const std::string& key,
            const std::vector<std::pair<std::string, Enum>>& options, Enum fallback,
            const SourceLocation& origin, DiagnosticSink& sink) {
    std::vector<std::string> words;
    for (const auto& option : options)
        words.push_back(option.first);
    auto word = read_choice(map, key, words, origin, sink);
    if (!word)
        return fallback;
    for (const auto& option : options)
        if (option.first == *word)
            return option.second;
    return fallback;
}

void read_target_band(const YAML::Node& map, Indicator& indicator, const SourceLocation& origin,
                      DiagnosticSink& sink) {
    YAML::Node band = map["target_band"];
    if (!band || band.IsNull())
        return;
    const char* hint = "write the band as two numbers, low then high: target_band: [28, 40]";
    if (!band.IsSequence() || band.size() != 2) {
        sink.error(location_of(band, origin), "'target_band' must be a list of two numbers", hint);
        return;
    }
    auto low = band[0].IsScalar() ? parse_figure(band[0].Scalar()) : std::nullopt;
    auto high = band[1].IsScalar() ? parse_figure(band[1].Scalar()) : std::nullopt;
    if (!low || !high) {
        sink.error(location_of(low ? band[1] : band[0], origin),
                   "'target_band' must be a list of two numbers", hint);
        return;
    }
    if (*low > *high) {
        sink.error(location_of(band, origin), "'target_band' has its low end above its high end",
                   hint);
        return;
    }
    indicator.target_low = low;
    indicator.target_high = high;
}

void read_texts(const YAML::Node& map, Indicator& indicator, const SourceLocation& origin,
                DiagnosticSink& sink) {
    auto text = [&](const char* key) { return read_string(map, key, origin, sink).value_or(""); };
    indicator.measure = text("measure");
    indicator.source = text("source");
    indicator.definition = text("definition");
    indicator.how_it_works = text("how_it_works");
    indicator.what_good_looks_like = text("what_good_looks_like");
    indicator.why_it_matters = text("why_it_matters");
    indicator.issues = text("issues");
    indicator.target_text = text("target_text");
    indicator.lead = text("lead");
    indicator.sub_group = text("sub_group");
}

void check_consistency(const YAML::Node& map, const Indicator& indicator,
                       const SourceLocation& origin, DiagnosticSink& sink) {
    if (indicator.unit == Unit::rate && !indicator.population && indicator.populations.empty())
        sink.error(
            location_of(map["unit"], origin), "an indicator with unit: rate needs a population",
            "add 'population: <number of residents>' (and 'rate_per: 1000' if not per 1,000)");
    if (indicator.polarity == Polarity::target_band && !indicator.target_low)
        sink.error(location_of(map["polarity"], origin),
                   "polarity: target-band needs a target band", "add 'target_band: [low, high]'");
    if (indicator.population && *indicator.population <= 0)
        sink.error(location_of(map["population"], origin), "'population' must be above zero");
    if (indicator.rate_per <= 0)
        sink.error(location_of(map["rate_per"], origin), "'rate_per' must be above zero");
    for (const auto& [year, population] : indicator.populations)
        if (population <= 0)
            sink.error(location_of(map["populations"], origin),
                       "every figure in 'populations' must be above zero");
    if (indicator.rag.basis == RagBasis::against_target && !indicator.target &&
        indicator.targets.empty())
        sink.error(location_of(map["rag"], origin), "basis: against_target needs a target",
                   "add 'target: <number>' or 'targets: {2017/18: <number>}'");
}

// Reads the definition into `indicator`, reporting into `sink`, which holds nothing else.
bool read_definition_into(std::string_view yaml_text, const std::string& yaml_file,
                          const FinancialCalendar& calendar, Indicator& indicator,
                          DiagnosticSink& sink) {
    SourceLocation origin{yaml_file, 1, 1};
    indicator.location = origin;
    indicator.fy_start_month = calendar.start_month();
    auto yaml = parse_yaml(yaml_text, origin, sink);
    if (!yaml)
        return false;
    if (!yaml->IsMap()) {
        sink.error(origin, "an indicator definition must be a map of keys such as 'title:'",
                   "start with 'title: <the indicator's name>'");
        return false;
    }
    const YAML::Node& map = *yaml;
    check_keys(map, indicator_keys, origin, sink, "an indicator definition");
    indicator.title = read_string(map, "title", origin, sink, true).value_or("");
    indicator.unit = choice<Unit>(
        map, "unit",
        {{"count", Unit::count}, {"percentage", Unit::percentage}, {"rate", Unit::rate}},
        Unit::count, origin, sink);
    indicator.frequency = choice<Frequency>(
        map, "frequency", {{"monthly", Frequency::monthly}, {"quarterly", Frequency::quarterly}},
        Frequency::monthly, origin, sink);
    indicator.polarity = choice<Polarity>(map, "polarity",
                                          {{"lower-is-better", Polarity::lower_is_better},
                                           {"higher-is-better", Polarity::higher_is_better},
                                           {"target-band", Polarity::target_band},
                                           {"monitoring", Polarity::monitoring}},
                                          Polarity::lower_is_better, origin, sink);
    indicator.series = choice<SeriesKind>(
        map, "series",
        {{"per-period", SeriesKind::per_period}, {"cumulative", SeriesKind::cumulative}},
        SeriesKind::per_period, origin, sink);
    indicator.tolerance = read_number(map, "tolerance", origin, sink).value_or(0);
    indicator.target = read_number(map, "target", origin, sink);
    indicator.target_for_whole_year =
        read_choice(map, "target_period", {"year-to-date", "year"}, origin, sink).value_or("") ==
        "year";
    indicator.population = read_number(map, "population", origin, sink);
    indicator.rate_per = read_number(map, "rate_per", origin, sink).value_or(1000);
    indicator.decimals = read_int(map, "decimals", origin, sink).value_or(-1);
    indicator.targets = read_yearly_figures(map, "targets", calendar, origin, sink);
    indicator.populations = read_yearly_figures(map, "populations", calendar, origin, sink);
    indicator.comparators = read_comparators(map, origin, sink);
    read_rag_rules(map, indicator, origin, sink);
    read_target_band(map, indicator, origin, sink);
    read_texts(map, indicator, origin, sink);
    check_consistency(map, indicator, origin, sink);
    return !sink.has_errors();
}

// Reads the definition into `indicator`; false when it has errors (all of them reported).
bool read_definition(std::string_view yaml_text, const std::string& yaml_file,
                     const FinancialCalendar& calendar, Indicator& indicator,
                     DiagnosticSink& sink) {
    // Its own errors counted apart: boards are read in parallel into one sink, and another
    // board's error must not fail this definition.
    DiagnosticSink own;
    bool read = read_definition_into(yaml_text, yaml_file, calendar, indicator, own);
    own.forward_to(sink);
    return read;
}

std::optional<double> figure_in(const CsvTable& table, const CsvRow& row, const char* column,
                                DiagnosticSink& sink, bool& bad) {
    const CsvCell* cell = table.cell(row, column);
    if (!cell)
        return std::nullopt;
    std::string text = trim(cell->text);
    if (text.empty())
        return std::nullopt;
    auto number = parse_figure(text);
    if (!number) {
        sink.error(cell->location, "'" + text + "' in column '" + column + "' is not a number",
                   "write figures as plain numbers such as 166 or 17.9, without commas or "
                   "units; leave the cell empty for a month with no figure");
        bad = true;
    }
    return number;
}

// `extra` are the columns the definition declares (comparators); with `any_extra` (a broken
// definition) other columns are let through, so its figures can still be checked.
bool check_columns(const CsvTable& table, const std::set<std::string>& extra, bool any_extra,
                   DiagnosticSink& sink) {
    bool ok = true;
    std::vector<std::string> known(csv_columns.begin(), csv_columns.end());
    known.insert(known.end(), extra.begin(), extra.end());
    for (const auto& cell : table.header) {
        if (csv_columns.count(cell.text) || extra.count(cell.text) || any_extra)
            continue;
        auto suggestion = closest_match(cell.text, known);
        sink.error(cell.location, "unknown column '" + cell.text + "' in indicator figures",
                   suggestion ? "did you mean '" + *suggestion + "'?"
                              : "columns are period, value, numerator, denominator, note and "
                                "the columns named by the definition's comparators");
        ok = false;
    }
    SourceLocation top{table.file, 1, 1};
    if (table.header.empty()) {
        sink.error(top, "indicator figures have no header line",
                   "start the file with the line 'period,value'");
        return false;
    }
    if (!table.column("period")) {
        sink.error(top, "indicator figures have no 'period' column",
                   "the header line should be 'period,value'");
        ok = false;
    }
    bool ratio = table.column("numerator") && table.column("denominator");
    if (!table.column("value") && !ratio) {
        sink.error(top, "indicator figures have no 'value' column",
                   "add a 'value' column, or 'numerator' and 'denominator' columns");
        ok = false;
    }
    return ok;
}

std::optional<YearMonth> read_period(const CsvCell& cell, const Indicator& indicator,
                                     const FinancialCalendar& calendar, DiagnosticSink& sink) {
    std::string text = trim(cell.text);
    auto period = parse_year_month(text);
    if (!period) {
        sink.error(cell.location, "'" + text + "' is not a valid period",
                   "write periods as year and month, YYYY-MM, such as 2017-04");
        return std::nullopt;
    }
    if (indicator.frequency == Frequency::quarterly &&
        calendar.position_in_year(*period) % 3 != 0) {
        YearMonth start =
            calendar.quarter(calendar.year_of(*period), calendar.quarter_of(*period)).first;
        sink.error(cell.location, "'" + text + "' is not the first month of a quarter",
                   "quarterly figures are dated by the quarter's first month: " + start.iso());
        return std::nullopt;
    }
    return period;
}

std::optional<Observation> read_observation(const CsvTable& table, const CsvRow& row,
                                            const Indicator& indicator,
                                            const FinancialCalendar& calendar,
                                            DiagnosticSink& sink) {
    const CsvCell& period_cell = *table.cell(row, "period");
    auto period = read_period(period_cell, indicator, calendar, sink);
    bool bad = false;
    Observation observation;
    observation.location = period_cell.location;
    observation.value = figure_in(table, row, "value", sink, bad);
    observation.numerator = figure_in(table, row, "numerator", sink, bad);
    observation.denominator = figure_in(table, row, "denominator", sink, bad);
    if (!period || bad)
        return std::nullopt;
    observation.period = *period;
    if (!observation.value && observation.numerator && observation.denominator) {
        if (*observation.denominator == 0) {
            sink.error(table.cell(row, "denominator")->location,
                       "a denominator of 0 cannot make a percentage",
                       "leave the row's cells empty for a period with no cases");
            return std::nullopt;
        }
        observation.value = *observation.numerator / *observation.denominator * 100;
    }
    return observation;
}

void read_comparator_cells(const CsvTable& table, const CsvRow& row, YearMonth period,
                           Indicator& indicator, DiagnosticSink& sink) {
    for (auto& comparator : indicator.comparators) {
        if (comparator.column.empty())
            continue;
        bool bad = false;
        if (auto figure = figure_in(table, row, comparator.column.c_str(), sink, bad))
            comparator.values[period] = *figure;
    }
}

void read_figures(std::string_view csv_text, const std::string& csv_file,
                  const FinancialCalendar& calendar, bool definition_ok, Indicator& indicator,
                  DiagnosticSink& sink) {
    CsvTable table = read_csv(csv_text, csv_file, sink);
    std::set<std::string> comparator_columns;
    for (const auto& comparator : indicator.comparators)
        if (!comparator.column.empty())
            comparator_columns.insert(comparator.column);
    bool columns_ok = check_columns(table, comparator_columns, !definition_ok, sink);
    for (const auto& column : comparator_columns)
        if (!table.column(column)) {
            sink.error(indicator.location,
                       "comparator column '" + column + "' is not in " + csv_file,
                       "add a '" + column +
                           "' column to the figures, or correct the "
                           "comparator's 'column'");
            columns_ok = false;
        }
    if (!columns_ok)
        return;
    std::map<YearMonth, int> first_line;
    for (const auto& row : table.rows) {
        auto observation = read_observation(table, row, indicator, calendar, sink);
        if (!observation)
            continue;
        auto [seen, inserted] = first_line.emplace(observation->period, row.line);
        if (!inserted) {
            sink.error(observation->location,
                       "period " + observation->period.iso() + " appears twice",
                       "it was first given on line " + std::to_string(seen->second) +
                           "; keep one row per period");
            continue;
        }
        read_comparator_cells(table, row, observation->period, indicator, sink);
        indicator.observations.push_back(std::move(*observation));
    }
    std::sort(indicator.observations.begin(), indicator.observations.end(),
              [](const Observation& a, const Observation& b) { return a.period < b.period; });
}

} // namespace

const char* to_string(Unit unit) {
    switch (unit) {
    case Unit::count:
        return "count";
    case Unit::percentage:
        return "percentage";
    case Unit::rate:
        return "rate";
    }
    return "count";
}

const char* to_string(Frequency frequency) {
    return frequency == Frequency::quarterly ? "quarterly" : "monthly";
}

const char* to_string(Polarity polarity) {
    switch (polarity) {
    case Polarity::lower_is_better:
        return "lower-is-better";
    case Polarity::higher_is_better:
        return "higher-is-better";
    case Polarity::target_band:
        return "target-band";
    case Polarity::monitoring:
        return "monitoring";
    }
    return "lower-is-better";
}

const char* to_string(RagBasis basis) {
    switch (basis) {
    case RagBasis::fytd_vs_last_year:
        return "fytd_vs_last_year";
    case RagBasis::latest_period:
        return "latest_period";
    case RagBasis::rolling_12_months:
        return "rolling_12_months";
    case RagBasis::latest_quarter:
        return "latest_quarter";
    case RagBasis::against_target:
        return "against_target";
    }
    return "fytd_vs_last_year";
}

const char* to_string(RagMeasure measure) {
    switch (measure) {
    case RagMeasure::change_pct:
        return "change_pct";
    case RagMeasure::change:
        return "change";
    case RagMeasure::value:
        return "value";
    }
    return "change_pct";
}

const Observation* Indicator::at(YearMonth period) const {
    auto found = std::lower_bound(observations.begin(), observations.end(), period,
                                  [](const Observation& o, YearMonth p) { return o.period < p; });
    if (found == observations.end() || found->period != period)
        return nullptr;
    return &*found;
}

const Observation* Indicator::latest() const {
    for (auto it = observations.rbegin(); it != observations.rend(); ++it)
        if (it->value)
            return &*it;
    return nullptr;
}

int Indicator::display_decimals() const {
    if (decimals >= 0)
        return decimals;
    return unit == Unit::count ? 0 : 1;
}

std::string Indicator::unit_label() const {
    switch (unit) {
    case Unit::percentage:
        return "%";
    case Unit::rate:
        return "per " + format_number(rate_per) + " population";
    case Unit::count:
        return measure;
    }
    return measure;
}

const Indicator* IndicatorSet::find(std::string_view id) const {
    for (const auto& indicator : indicators)
        if (indicator.id == id)
            return &indicator;
    return nullptr;
}

std::vector<std::string> IndicatorSet::ids() const {
    std::vector<std::string> out;
    for (const auto& indicator : indicators)
        out.push_back(indicator.id);
    return out;
}

std::optional<double> parse_figure(std::string_view text) {
    if (text.empty())
        return std::nullopt;
    if (text.front() == '+')
        text.remove_prefix(1);
    double value = 0;
    auto [end, error] =
        std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<Indicator> parse_indicator(std::string_view id, std::string_view yaml_text,
                                         const std::string& yaml_file, std::string_view csv_text,
                                         const std::string& csv_file,
                                         const FinancialCalendar& calendar, DiagnosticSink& sink) {
    Indicator indicator;
    indicator.id = std::string(id);
    bool definition_ok = read_definition(yaml_text, yaml_file, calendar, indicator, sink);
    indicator.definition_text = std::string(yaml_text);
    indicator.figures_file = csv_file;
    read_figures(csv_text, csv_file, calendar, definition_ok, indicator, sink);
    if (!definition_ok)
        return std::nullopt;
    return indicator;
}

std::optional<Indicator> parse_indicator_definition(std::string_view id, std::string_view yaml_text,
                                                    const std::string& yaml_file,
                                                    const FinancialCalendar& calendar,
                                                    DiagnosticSink& sink) {
    Indicator indicator;
    indicator.id = std::string(id);
    if (!read_definition(yaml_text, yaml_file, calendar, indicator, sink))
        return std::nullopt;
    indicator.definition_text = std::string(yaml_text);
    return indicator;
}

void read_comparator_file(std::string_view csv_text, const std::string& csv_file,
                          Comparator& comparator, DiagnosticSink& sink) {
    CsvTable table = read_csv(csv_text, csv_file, sink);
    if (!table.column("period") || !table.column("value")) {
        sink.error({csv_file, 1, 1}, "comparator figures need 'period' and 'value' columns",
                   "start the file with the line 'period,value'");
        return;
    }
    for (const auto& row : table.rows) {
        const CsvCell& cell = *table.cell(row, "period");
        auto period = parse_year_month(trim(cell.text));
        if (!period) {
            sink.error(cell.location, "'" + trim(cell.text) + "' is not a valid period",
                       "write periods as year and month, YYYY-MM, such as 2017-04");
            continue;
        }
        bool bad = false;
        if (auto figure = figure_in(table, row, "value", sink, bad))
            comparator.values[*period] = *figure;
    }
}

std::optional<int> parse_financial_year(std::string_view label, const FinancialCalendar& calendar) {
    auto digits = [](std::string_view text) {
        int out = 0;
        for (char c : text) {
            if (c < '0' || c > '9')
                return -1;
            out = out * 10 + (c - '0');
        }
        return text.empty() ? -1 : out;
    };
    if (calendar.start_month() == 1) {
        int year = label.size() == 4 ? digits(label) : -1;
        return year < 0 ? std::nullopt : std::optional<int>(year);
    }
    if (label.size() != 7 || label[4] != '/')
        return std::nullopt;
    int year = digits(label.substr(0, 4));
    int next = digits(label.substr(5, 2));
    if (year < 0 || next != (year + 1) % 100)
        return std::nullopt;
    return year;
}

std::optional<double> Indicator::target_for(int financial_year) const {
    auto found = targets.find(financial_year);
    if (found != targets.end())
        return found->second;
    return target;
}

std::optional<double> Indicator::population_for(int financial_year) const {
    auto after = populations.upper_bound(financial_year);
    if (after != populations.begin())
        return std::prev(after)->second;
    if (population)
        return population;
    // Before the first year given: that year's population is the best estimate there is.
    if (!populations.empty())
        return populations.begin()->second;
    return std::nullopt;
}

std::shared_ptr<const IndicatorSet> load_indicators(const FileSystem& files,
                                                    const std::string& board_folder,
                                                    int fy_start_month, DiagnosticSink& sink) {
    auto set = std::make_shared<IndicatorSet>();
    set->financial_year_start_month = fy_start_month;
    FinancialCalendar calendar(fy_start_month);
    std::string folder = join_path(board_folder, "indicators");
    if (!files.is_directory(folder))
        return set;
    std::set<std::string> yaml_ids;
    std::set<std::string> csv_ids;
    for (const auto& name : files.list(folder)) {
        std::string extension = file_extension(name);
        if (extension == ".yaml")
            yaml_ids.insert(file_stem(name));
        if (extension == ".csv")
            csv_ids.insert(file_stem(name));
    }
    for (const auto& id : yaml_ids) {
        std::string yaml_file = join_path(folder, id + ".yaml");
        std::string csv_file = join_path(folder, id + ".csv");
        if (!csv_ids.count(id)) {
            sink.error({yaml_file, 1, 1}, "indicator '" + id + "' has no figures",
                       "add " + id + ".csv beside it, starting with the line 'period,value'");
            continue;
        }
        auto yaml_text = files.read(yaml_file);
        auto csv_text = files.read(csv_file);
        if (!yaml_text || !csv_text) {
            sink.error({yaml_text ? csv_file : yaml_file, 0, 0}, "cannot read the file");
            continue;
        }
        auto indicator =
            parse_indicator(id, *yaml_text, yaml_file, *csv_text, csv_file, calendar, sink);
        if (!indicator) {
            set->broken.insert(id);
            continue;
        }
        for (auto& comparator : indicator->comparators) {
            if (comparator.file.empty())
                continue;
            std::string path = join_path(folder, comparator.file);
            auto text = files.read(path);
            if (!text) {
                sink.error(indicator->location,
                           "comparator file '" + comparator.file + "' cannot be read",
                           "put " + comparator.file + " (period,value) in " + folder);
                continue;
            }
            read_comparator_file(*text, path, comparator, sink);
        }
        set->indicators.push_back(std::move(*indicator));
    }
    // A CSV that is a comparator's file belongs to the indicators naming it.
    std::set<std::string> comparator_files;
    for (const auto& indicator : set->indicators)
        for (const auto& comparator : indicator.comparators)
            comparator_files.insert(comparator.file);
    for (const auto& id : csv_ids)
        if (!yaml_ids.count(id) && !comparator_files.count(id + ".csv"))
            sink.error({join_path(folder, id + ".csv"), 1, 1},
                       "figures for indicator '" + id + "' have no definition",
                       "add " + id +
                           ".yaml beside it with at least 'title:', or rename the CSV "
                           "to match its definition (or name it as a comparator's file)");
    return set;
}

} // namespace bp::data

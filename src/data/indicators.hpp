#pragma once
// Performance indicators: a definition (<id>.yaml) and its figures (<id>.csv) for each one in
// a board's indicators/ folder.
#include "core/diagnostics.hpp"
#include "core/filesystem.hpp"
#include "core/rag.hpp"
#include "data/financial_calendar.hpp"

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace bp::data {

enum class Unit { count, percentage, rate };
enum class Frequency { monthly, quarterly };
enum class Polarity { lower_is_better, higher_is_better, target_band, monitoring };
// How each row relates to the ones before it: a figure for its own period, or a year-to-date
// figure reported afresh each month (so the year to date is the latest row, not a sum or mean).
enum class SeriesKind { per_period, cumulative };
// Which figures a RAG rating judges.
enum class RagBasis {
    fytd_vs_last_year, // the year to date against the same months last year (the default)
    latest_period,     // the latest month (or quarter) against the same period last year
    rolling_12_months, // the twelve months to the latest against the twelve before
    latest_quarter,    // the last quarter ended against the same quarter last year
    against_target,    // the year to date against the target for the year
};
// What a threshold rule tests: the change as a % of the figure compared with, the change, or
// the value itself.
enum class RagMeasure { change_pct, change, value };
enum class ThresholdOp { at_most, below, at_least, above };

const char* to_string(Unit unit); // "count", "percentage", "rate"
const char* to_string(Frequency frequency);
const char* to_string(Polarity polarity);  // "lower-is-better", …
const char* to_string(RagBasis basis);     // "fytd_vs_last_year", …
const char* to_string(RagMeasure measure); // "change_pct", "change", "value"

// One threshold of a rating rule, as written: `green: change_pct <= -5`.
struct RagThreshold {
    Rag status = Rag::none;
    RagMeasure measure = RagMeasure::change_pct;
    ThresholdOp op = ThresholdOp::at_most;
    double threshold = 0;
    SourceLocation location;
};

// Ordered thresholds: the first that holds gives the rating, else `otherwise`.
struct RagRules {
    RagBasis basis = RagBasis::fytd_vs_last_year;
    std::vector<RagThreshold> thresholds; // empty: the polarity's own rule on `basis`
    Rag otherwise = Rag::red;
    // Rate the figure as published (rounded to the decimals it is shown with), not the exact one.
    bool as_published = true;
};

// A series to compare with: a family group, London, England & Wales. Its figures are in the
// indicator's unit as shown (a rate, a percentage or a count), one per period.
struct Comparator {
    std::string name;   // "London"
    std::string column; // the column of <id>.csv holding it, or
    std::string file;   // a CSV of period,value beside the indicator
    std::map<YearMonth, double> values;
};

// One row of figures. For unit: rate, `value` is the count of events; the rate is computed.
struct Observation {
    YearMonth period;                // the month, or the first month of a quarter
    std::optional<double> value;     // nothing for a gap
    std::optional<double> numerator; // when the CSV gives them
    std::optional<double> denominator;
    SourceLocation location; // the row's period cell
};

struct Indicator {
    std::string id; // the file stem: "violence-with-injury"
    std::string title;
    Unit unit = Unit::count;
    Frequency frequency = Frequency::monthly;
    Polarity polarity = Polarity::lower_is_better;
    SeriesKind series = SeriesKind::per_period;
    double tolerance = 0; // % change vs last year that still counts as amber
    RagRules rag;
    std::optional<double> target;
    std::map<int, double> targets;     // financial year → target, overriding `target`
    std::map<int, double> populations; // financial year → population, overriding `population`
    std::vector<Comparator> comparators;
    // The YAML the definition was read from, as written: a publish record keeps it, so a
    // published meeting is rated by the definition it was published with.
    std::string definition_text;
    int fy_start_month = 4; // to find the financial year a month belongs to
    // A target for the whole year (a count) is pro-rated to the months covered before the year
    // to date is compared with it; otherwise the target applies to the year to date as it is.
    bool target_for_whole_year = false;
    std::optional<double> target_low; // target_band
    std::optional<double> target_high;
    std::optional<double> population; // unit: rate
    double rate_per = 1000;
    std::string measure; // what is counted, for prose and axes: "offences"
    int decimals = -1;   // figures' decimal places; -1 picks by unit
    std::string source;
    std::string definition;
    std::string how_it_works;
    std::string what_good_looks_like;
    std::string why_it_matters;
    std::string issues;
    std::string target_text; // how the target is described: "Year-on-year reduction"
    std::string lead;
    std::string sub_group;
    std::vector<Observation> observations; // sorted by period, one per period
    SourceLocation location;               // the YAML file
    std::string figures_file;              // the CSV file's path

    const Observation* at(YearMonth period) const;
    // The target for a financial year: from `targets`, else `target`.
    std::optional<double> target_for(int financial_year) const;
    // The population for a financial year: from `populations`, else the nearest earlier year
    // given, else `population`.
    std::optional<double> population_for(int financial_year) const;
    // The last observation with a value, or nullptr.
    const Observation* latest() const;
    // Decimal places used when showing this indicator's figures.
    int display_decimals() const;
    // Unit words for axes and tables: "offences", "%", "per 1,000 population".
    std::string unit_label() const;
};

struct IndicatorSet {
    std::vector<Indicator> indicators; // sorted by id
    // Ids whose definition had errors (already reported at the definition): papers naming
    // them are not told the indicator is unknown.
    std::set<std::string> broken;
    int financial_year_start_month = 4;

    const Indicator* find(std::string_view id) const;
    std::vector<std::string> ids() const;
};

// Reads every <board_folder>/indicators/<id>.yaml with its <id>.csv. Problems are reported to
// `sink`; indicators with broken definitions are left out, rows with bad figures are skipped.
// A board without an indicators folder gets an empty set.
std::shared_ptr<const IndicatorSet> load_indicators(const FileSystem& files,
                                                    const std::string& board_folder,
                                                    int fy_start_month, DiagnosticSink& sink);

// Parses one indicator from texts already read (the loader's work for a single pair). The
// figures are checked even when the definition is broken, so one run reports both; nothing is
// returned then. Comparators from files are left empty (see read_comparator_file).
std::optional<Indicator> parse_indicator(std::string_view id, std::string_view yaml_text,
                                         const std::string& yaml_file, std::string_view csv_text,
                                         const std::string& csv_file,
                                         const FinancialCalendar& calendar, DiagnosticSink& sink);

// Parses a definition alone, with no figures (a publish record's copy of one).
std::optional<Indicator> parse_indicator_definition(std::string_view id, std::string_view yaml_text,
                                                    const std::string& yaml_file,
                                                    const FinancialCalendar& calendar,
                                                    DiagnosticSink& sink);

// Reads a comparator's own figures (period,value) into `comparator.values`.
void read_comparator_file(std::string_view csv_text, const std::string& csv_file,
                          Comparator& comparator, DiagnosticSink& sink);

// "2017/18" (or "2018" when the financial year is the calendar year) as the year it starts in.
std::optional<int> parse_financial_year(std::string_view label, const FinancialCalendar& calendar);

// A plain decimal number ("166", "-2.5", "17.9"); nothing for anything else.
std::optional<double> parse_figure(std::string_view text);

} // namespace bp::data

#pragma once
// Performance indicators: a definition (<id>.yaml) and its figures (<id>.csv) for each one in
// a board's indicators/ folder.
#include "core/diagnostics.hpp"
#include "core/filesystem.hpp"
#include "data/financial_calendar.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bp::data {

enum class Unit { count, percentage, rate };
enum class Frequency { monthly, quarterly };
enum class Polarity { lower_is_better, higher_is_better, target_band, monitoring };

const char* to_string(Unit unit); // "count", "percentage", "rate"
const char* to_string(Frequency frequency);
const char* to_string(Polarity polarity); // "lower-is-better", …

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
    double tolerance = 0; // % change vs last year that still counts as amber
    std::optional<double> target;
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
    // The last observation with a value, or nullptr.
    const Observation* latest() const;
    // Decimal places used when showing this indicator's figures.
    int display_decimals() const;
    // Unit words for axes and tables: "offences", "%", "per 1,000 population".
    std::string unit_label() const;
};

struct IndicatorSet {
    std::vector<Indicator> indicators; // sorted by id
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

// Parses one indicator from texts already read (the loader's work for a single pair).
std::optional<Indicator> parse_indicator(std::string_view id, std::string_view yaml_text,
                                         const std::string& yaml_file, std::string_view csv_text,
                                         const std::string& csv_file,
                                         const FinancialCalendar& calendar, DiagnosticSink& sink);

// A plain decimal number ("166", "-2.5", "17.9"); nothing for anything else.
std::optional<double> parse_figure(std::string_view text);

} // namespace bp::data

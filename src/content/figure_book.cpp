#include "content/figure_book.hpp"

#include "data/rag.hpp"

namespace bp::content {

namespace {

std::vector<FigureInput> inputs_of(const data::Indicator& indicator,
                                   const data::MonthRange& range) {
    std::vector<FigureInput> inputs;
    for (const auto& observation : indicator.observations)
        if (range.contains(observation.period))
            inputs.push_back({observation.period.iso(), observation.value, observation.numerator,
                              observation.denominator});
    return inputs;
}

FigureEntry entry_of(const data::Indicator& indicator, const data::Comparison& comparison,
                     const std::string& measure, const std::string& basis) {
    FigureEntry entry;
    entry.indicator = indicator.id;
    entry.title = indicator.title;
    entry.measure = measure;
    entry.basis = basis;
    entry.unit = data::to_string(indicator.unit);
    entry.period = comparison.period.label();
    entry.last_year_period = comparison.last_year_period.label();
    entry.value = comparison.value;
    entry.last_year = comparison.last_year;
    entry.change = comparison.change();
    entry.change_pct = comparison.change_pct();
    entry.direction = data::direction_word(comparison.direction());
    entry.inputs = inputs_of(indicator, comparison.period);
    entry.last_year_inputs = inputs_of(indicator, comparison.last_year_period);
    return entry;
}

} // namespace

std::vector<FigureEntry> figure_entries(const data::Indicator& indicator,
                                        const data::IndicatorFigures& figures,
                                        const data::FinancialCalendar& calendar) {
    bool quarterly = indicator.frequency == data::Frequency::quarterly;
    std::vector<FigureEntry> entries;
    FigureEntry ytd = entry_of(indicator, figures.year_to_date, "fytd",
                               "financial year to date against the same period last year");
    data::RagRating rating = data::rate(indicator, figures.year_to_date);
    ytd.rag = data::rag_label(rating.status);
    ytd.rag_reason = rating.reason;
    entries.push_back(std::move(ytd));
    entries.push_back(entry_of(indicator, figures.latest, "latest",
                               quarterly ? "latest quarter against the same quarter last year"
                                         : "latest month against the same month last year"));
    for (int q = 0; q < 4; ++q)
        if (figures.quarters[q])
            entries.push_back(entry_of(indicator, *figures.quarters[q], "q" + std::to_string(q + 1),
                                       "quarter " + std::to_string(q + 1) + " (" +
                                           calendar.quarter_months(q + 1) +
                                           ") against the same quarter last year"));
    entries.push_back(entry_of(indicator, figures.rolling_twelve_months, "rolling12",
                               "twelve months to the latest month against the twelve before"));
    return entries;
}

void FigureBook::freeze(const FrozenFigures& frozen, const data::FinancialCalendar& calendar,
                        DiagnosticSink& sink) {
    for (const auto& [id, observations] : frozen.series)
        frozen_[id] = observations;
    frozen_comparators_ = frozen.comparators;
    frozen_definitions_.clear();
    for (const auto& [id, text] : frozen.definitions) {
        DiagnosticSink reading; // its lines would count from the block, not the record
        if (auto definition =
                data::parse_indicator_definition(id, text, frozen.location.file, calendar, reading))
            frozen_definitions_.emplace(id, std::move(*definition));
        else
            sink.error(frozen.location,
                       "the definition of '" + id + "' kept in the publish record no longer reads",
                       "restore published.yaml as 'boardpack publish' wrote it, or declare a "
                       "republication and publish the meeting again");
    }
    frozen_copies_.clear();
}

const data::Indicator& FigureBook::use(const data::Indicator& live) {
    auto published = frozen_.find(live.id);
    if (published == frozen_.end())
        return live;
    auto copy = frozen_copies_.find(live.id);
    if (copy == frozen_copies_.end()) {
        data::Indicator frozen = live;
        if (auto definition = frozen_definitions_.find(live.id);
            definition != frozen_definitions_.end()) {
            // Rated by the definition as published; the files are still the live ones.
            frozen = definition->second;
            frozen.location = live.location;
            frozen.figures_file = live.figures_file;
        }
        frozen.observations = published->second;
        const auto& kept = frozen_comparators_[live.id];
        std::erase_if(frozen.comparators, [&](const data::Comparator& comparator) {
            return !kept.count(comparator.name);
        });
        for (auto& comparator : frozen.comparators)
            comparator.values = kept.at(comparator.name);
        copy = frozen_copies_.emplace(live.id, std::move(frozen)).first;
    }
    return copy->second;
}

void FigureBook::record(const data::Indicator& indicator, const data::IndicatorFigures& figures,
                        const data::FinancialCalendar& calendar) {
    if (entries_.count(indicator.id))
        return;
    entries_[indicator.id] = figure_entries(indicator, figures, calendar);
    definitions_[indicator.id] = indicator.definition_text;
    std::vector<data::Observation>& kept = series_[indicator.id];
    for (const auto& observation : indicator.observations)
        if (observation.period <= figures.data_month)
            kept.push_back(observation);
    for (const auto& comparator : indicator.comparators) {
        auto& values = comparators_[indicator.id][comparator.name];
        for (const auto& [month, value] : comparator.values)
            if (month <= figures.data_month)
                values[month] = value;
    }
}

std::vector<FigureEntry> FigureBook::entries() const {
    std::vector<FigureEntry> all;
    for (const auto& [id, entries] : entries_)
        all.insert(all.end(), entries.begin(), entries.end());
    return all;
}

FrozenSeries FigureBook::series() const {
    return series_;
}

} // namespace bp::content

#include "cli/figures_json.hpp"

#include "content/publication.hpp"

#include <nlohmann/json.hpp>

namespace bp::cli {

namespace {

using json = nlohmann::ordered_json;

json number(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
}

json inputs(const std::vector<content::FigureInput>& rows) {
    json list = json::array();
    for (const auto& row : rows) {
        json entry = {{"period", row.period}, {"value", number(row.value)}};
        if (row.numerator || row.denominator) {
            entry["numerator"] = number(row.numerator);
            entry["denominator"] = number(row.denominator);
        }
        list.push_back(std::move(entry));
    }
    return list;
}

} // namespace

std::string figures_json(const content::Meeting& meeting,
                         const std::vector<content::FigureEntry>& figures) {
    json list = json::array();
    for (const auto& figure : figures) {
        json entry = {
            {"figure", figure.key()},          {"indicator", figure.indicator},
            {"title", figure.title},           {"measure", figure.measure},
            {"basis", figure.basis},           {"unit", figure.unit},
            {"period", figure.period},         {"last_year_period", figure.last_year_period},
            {"value", number(figure.value)},   {"last_year", number(figure.last_year)},
            {"change", number(figure.change)}, {"change_pct", number(figure.change_pct)},
            {"direction", figure.direction}};
        if (!figure.rag.empty()) {
            entry["rag"] = figure.rag;
            entry["rag_reason"] = figure.rag_reason;
        }
        entry["inputs"] = {{"period", inputs(figure.inputs)},
                           {"last_year_period", inputs(figure.last_year_inputs)}};
        list.push_back(std::move(entry));
    }
    json published = nullptr;
    if (meeting.published)
        published = {{"version", meeting.published->version}, {"date", meeting.published->date}};
    json document = {{"meeting", meeting.date.iso()},
                     {"data_date", meeting.data_date.iso()},
                     {"published", std::move(published)},
                     {"figures", std::move(list)}};
    return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace bp::cli

#include "layout/table_columns.hpp"

#include <algorithm>

namespace bp::layout {

namespace {

double natural_of(const ColumnNeed& need) {
    return std::max(need.natural, need.minimum);
}

// Each column gets `low` plus a share of what is left in proportion to how far it is from
// `high`; assumes the lows fit and the highs do not.
std::vector<double> share_between(const std::vector<double>& low, const std::vector<double>& high,
                                  double available) {
    double total_low = 0, wanted = 0;
    for (std::size_t i = 0; i < low.size(); ++i) {
        total_low += low[i];
        wanted += std::max(high[i] - low[i], 0.0);
    }
    double spare = available - total_low;
    std::vector<double> widths(low.size());
    for (std::size_t i = 0; i < low.size(); ++i) {
        double want = std::max(high[i] - low[i], 0.0);
        widths[i] = low[i] + (wanted > 0 ? spare * want / wanted : 0);
    }
    return widths;
}

constexpr double balance_step = 2;
constexpr int most_balance_steps = 300;

class HeightEstimate {
  public:
    HeightEstimate(const std::vector<std::vector<double>>& cell_text, double padding)
        : cell_text_(cell_text), padding_(padding) {}

    // Fractional, so that widening the column that sets a row's height always shows a gain:
    // whole lines would leave the search on a plateau.
    double lines(double text, double width) const {
        return std::max(1.0, text / std::max(width - padding_, 1.0));
    }

    // Lines in all rows, with column `grown` wider and `shrunk` narrower by `step`.
    double total(const std::vector<double>& widths, std::size_t grown, std::size_t shrunk,
                 double step) const {
        double sum = 0;
        for (const auto& row : cell_text_) {
            double tallest = 1;
            for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
                double width = widths[c] + (c == grown ? step : 0) - (c == shrunk ? step : 0);
                tallest = std::max(tallest, lines(row[c], width));
            }
            sum += tallest;
        }
        return sum;
    }

    const std::vector<std::vector<double>>& rows() const { return cell_text_; }

  private:
    const std::vector<std::vector<double>>& cell_text_;
    double padding_;
};

// Every move a balancing step tries, judged as HeightEstimate::total would, from line counts
// worked out once a step: each row's at the widths as they stand, with each column a step wider
// and a step narrower. Trying every pair of columns so costs a pass over the rows, where
// working each row out again cost a pass over its cells as well.
class StepTrials {
  public:
    StepTrials(const HeightEstimate& estimate, const std::vector<double>& widths, double step) {
        rows_.reserve(estimate.rows().size());
        for (const auto& cells : estimate.rows()) {
            Row row{wider_.size(), std::min(cells.size(), widths.size()), {}};
            for (std::size_t c = 0; c < row.cells; ++c) {
                wider_.push_back(estimate.lines(cells[c], widths[c] + step));
                narrower_.push_back(estimate.lines(cells[c], widths[c] - step));
                row.keep_if_tallest({estimate.lines(cells[c], widths[c]), c});
            }
            rows_.push_back(row);
        }
    }

    // The same sum as HeightEstimate::total(widths, grown, shrunk, step), to the last bit: the
    // same maximum of each row, added in the same order. A row's other columns are read from
    // its two tallest as they stand, the grown column's left out; the shrunk column's count
    // may stay in, as narrowed it takes at least as many lines, and a maximum is unchanged by
    // a value no larger than one already in it.
    double total(std::size_t grown, std::size_t shrunk) const {
        double sum = 0;
        for (const Row& row : rows_) {
            double tallest = 1;
            const Tallest& other = row.tallest[0].column != grown ? row.tallest[0] : row.tallest[1];
            tallest = std::max(tallest, other.lines);
            if (grown < row.cells)
                tallest = std::max(tallest, wider_[row.first + grown]);
            if (shrunk < row.cells)
                tallest = std::max(tallest, narrower_[row.first + shrunk]);
            sum += tallest;
        }
        return sum;
    }

  private:
    static constexpr std::size_t no_column = static_cast<std::size_t>(-1);
    struct Tallest {
        double lines = 0; // below any count (at least 1): an empty place changes no maximum
        std::size_t column = no_column;
    };
    struct Row {
        std::size_t first = 0; // where the row's counts start in wider_ and narrower_
        std::size_t cells = 0;
        Tallest tallest[2]; // the two tallest columns, tallest first

        void keep_if_tallest(Tallest cell) {
            if (cell.lines > tallest[0].lines) {
                tallest[1] = tallest[0];
                tallest[0] = cell;
            } else if (cell.lines > tallest[1].lines) {
                tallest[1] = cell;
            }
        }
    };
    std::vector<double> wider_, narrower_; // every row's cells, one row after another
    std::vector<Row> rows_;
};

} // namespace

void balance_columns(std::vector<double>& widths, const std::vector<ColumnNeed>& needs,
                     const std::vector<std::vector<double>>& cell_text, double padding) {
    std::vector<double> limits;
    for (std::size_t c = 0; c < widths.size() && c < needs.size(); ++c)
        limits.push_back(widths[c] + 1e-9 >= needs[c].minimum ? needs[c].minimum
                                                              : needs[c].floor());
    if (limits.size() != widths.size())
        return;
    HeightEstimate estimate(cell_text, padding);
    double current = estimate.total(widths, widths.size(), widths.size(), 0);
    for (int step = 0; step < most_balance_steps; ++step) {
        double best = current;
        std::size_t best_grown = 0, best_shrunk = 0;
        StepTrials trials(estimate, widths, balance_step);
        for (std::size_t shrunk = 0; shrunk < widths.size(); ++shrunk) {
            if (widths[shrunk] - balance_step < limits[shrunk])
                continue;
            for (std::size_t grown = 0; grown < widths.size(); ++grown) {
                if (grown == shrunk)
                    continue;
                double total = trials.total(grown, shrunk);
                if (total < best) {
                    best = total;
                    best_grown = grown;
                    best_shrunk = shrunk;
                }
            }
        }
        if (best >= current)
            return;
        widths[best_grown] += balance_step;
        widths[best_shrunk] -= balance_step;
        current = best;
    }
}

double narrowest_width(const std::vector<ColumnNeed>& needs) {
    double total = 0;
    for (const auto& need : needs)
        total += need.floor();
    return total;
}

std::vector<ColumnNeed> widest_needs(const std::vector<ColumnNeed>& a,
                                     const std::vector<ColumnNeed>& b) {
    std::vector<ColumnNeed> merged = a.size() >= b.size() ? a : b;
    const auto& other = a.size() >= b.size() ? b : a;
    for (std::size_t i = 0; i < other.size(); ++i) {
        merged[i].minimum = std::max(merged[i].minimum, other[i].minimum);
        merged[i].natural = std::max(merged[i].natural, other[i].natural);
        merged[i].hyphenated = std::max(merged[i].floor(), other[i].floor());
    }
    return merged;
}

std::vector<double> distribute_columns(const std::vector<ColumnNeed>& needs, double available,
                                       bool fill_measure) {
    std::vector<double> widths(needs.size(), 0);
    if (needs.empty())
        return widths;
    std::vector<double> minimums, naturals, floors;
    double total_min = 0, total_natural = 0, total_floor = 0;
    for (const auto& need : needs) {
        minimums.push_back(need.minimum);
        naturals.push_back(natural_of(need));
        floors.push_back(need.floor());
        total_min += need.minimum;
        total_natural += natural_of(need);
        total_floor += need.floor();
    }
    if (total_natural <= available) {
        double extra = fill_measure ? available - total_natural : 0;
        for (std::size_t i = 0; i < needs.size(); ++i) {
            double share = total_natural > 0 ? naturals[i] / total_natural
                                             : 1.0 / static_cast<double>(needs.size());
            widths[i] = naturals[i] + extra * share;
        }
        return widths;
    }
    if (total_min <= available)
        return share_between(minimums, naturals, available);
    // Short of the minimums, the room above the floors goes to the columns with the most text,
    // by how much wider than its floor each would like to be: that keeps rows shortest.
    if (total_floor <= available)
        return share_between(floors, naturals, available);
    // Even the hyphenated pieces do not fit. Columns whose floor is under an equal share keep
    // it, so one long address cannot squeeze a column of figures to nothing; the others share
    // the rest.
    double share = available / static_cast<double>(needs.size());
    double narrow_total = 0, wide_total = 0;
    for (double floor : floors)
        (floor <= share ? narrow_total : wide_total) += floor;
    double left = available - narrow_total;
    for (std::size_t i = 0; i < needs.size(); ++i)
        widths[i] = floors[i] <= share ? floors[i] : floors[i] * left / wide_total;
    return widths;
}

} // namespace bp::layout

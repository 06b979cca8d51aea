#include "data/rag.hpp"

#include <doctest/doctest.h>

using namespace bp::data;
using bp::Rag;

namespace {

Indicator indicator(Polarity polarity, double tolerance = 0) {
    Indicator out;
    out.id = "x";
    out.polarity = polarity;
    out.tolerance = tolerance;
    return out;
}

Comparison figures(std::optional<double> value, std::optional<double> last_year = std::nullopt) {
    Comparison out;
    out.value = value;
    out.last_year = last_year;
    return out;
}

} // namespace

TEST_CASE("rag: lower is better against last year, with an amber tolerance") {
    Indicator vwi = indicator(Polarity::lower_is_better, 2.5);
    RagRating amber = rate(vwi, figures(1769, 1812)); // −2.4%
    CHECK(amber.status == Rag::amber);
    CHECK(amber.reason == "down 2.4% on the same period last year, within the 2.5% tolerance");
    CHECK(rate(vwi, figures(1700, 1812)).status == Rag::green); // −6.2%
    CHECK(rate(vwi, figures(1319, 1046)).status == Rag::red);   // +26.1%
    CHECK(rate(vwi, figures(1850, 1812)).status == Rag::amber); // +2.1%
    Indicator strict = indicator(Polarity::lower_is_better);
    CHECK(rate(strict, figures(1769, 1812)).status == Rag::green);
    RagRating same = rate(strict, figures(57, 57));
    CHECK(same.status == Rag::amber);
    CHECK(same.reason == "no change on the same period last year");
    CHECK(rate(strict, figures(58, 57)).status == Rag::red);
}

TEST_CASE("rag: higher is better mirrors it") {
    Indicator satisfaction = indicator(Polarity::higher_is_better, 1);
    CHECK(rate(satisfaction, figures(94, 90)).status == Rag::green);
    CHECK(rate(satisfaction, figures(90.5, 90)).status == Rag::amber);
    CHECK(rate(satisfaction, figures(85, 90)).status == Rag::red);
}

TEST_CASE("rag: target value") {
    Indicator arson = indicator(Polarity::lower_is_better, 5);
    arson.target = 169;
    CHECK(rate(arson, figures(145)).status == Rag::green);
    CHECK(rate(arson, figures(169)).status == Rag::green);
    CHECK(rate(arson, figures(175)).status == Rag::amber); // 3.6% over
    RagRating red = rate(arson, figures(180));             // 6.5% over
    CHECK(red.status == Rag::red);
    CHECK(red.reason == "misses the target of 169 by 6.5%");
    Indicator satisfaction = indicator(Polarity::higher_is_better);
    satisfaction.target = 90;
    CHECK(rate(satisfaction, figures(92)).status == Rag::green);
    CHECK(rate(satisfaction, figures(89.9)).status == Rag::red);
}

TEST_CASE("rag: a whole-year target is pro-rated to the months covered") {
    Indicator arson = indicator(Polarity::lower_is_better, 2);
    arson.target = 169;
    arson.target_for_whole_year = true;
    Comparison ten_months = figures(145);
    ten_months.period = {{2017, 4}, {2018, 1}};
    // 169 × 10 / 12 = 140.8; 145 misses it by 2.96%.
    RagRating rating = rate(arson, ten_months);
    CHECK(rating.status == Rag::red);
    CHECK(rating.reason == "misses the target of 140.8 (169 for the year, pro rata) by 3.0%");
    Comparison six_months = figures(80);
    six_months.period = {{2017, 4}, {2017, 9}};
    CHECK(rate(arson, six_months).status == Rag::green); // 80 ≤ 84.5
    Comparison whole_year = figures(169);
    whole_year.period = {{2017, 4}, {2018, 3}};
    CHECK(rate(arson, whole_year).reason == "meets the target of 169");
}

TEST_CASE("rag: target band 28%–40%") {
    Indicator marac = indicator(Polarity::target_band, 10);
    marac.unit = Unit::percentage;
    marac.target_low = 28;
    marac.target_high = 40;
    CHECK(rate(marac, figures(28)).status == Rag::green);
    CHECK(rate(marac, figures(33.3)).status == Rag::green);
    CHECK(rate(marac, figures(40)).status == Rag::green);
    CHECK(rate(marac, figures(27)).status == Rag::amber); // 3.6% below 28
    CHECK(rate(marac, figures(41)).status == Rag::amber); // 2.5% above 40
    CHECK(rate(marac, figures(45)).status == Rag::red);   // 12.5% above 40
    RagRating low = rate(marac, figures(17.9));
    CHECK(low.status == Rag::red);
    CHECK(low.reason == "below the target band 28.0% to 40.0%");
    marac.tolerance = 0;
    CHECK(rate(marac, figures(27.9)).status == Rag::red);
}

TEST_CASE("rag: monitoring is grey and missing figures are not rated") {
    Indicator hate = indicator(Polarity::monitoring);
    CHECK(rate(hate, figures(295, 258)).status == Rag::grey);
    CHECK(rag_label(Rag::grey) == std::string("Monitoring"));
    Indicator vwi = indicator(Polarity::lower_is_better);
    CHECK(rate(vwi, figures(std::nullopt)).status == Rag::none);
    CHECK(rate(vwi, figures(10)).status == Rag::none);
    CHECK(rate(vwi, figures(0, 0)).status == Rag::amber);
    CHECK(rag_label(Rag::none) == std::string("Not rated"));
    CHECK(rag_label(Rag::red) == std::string("Red"));
    CHECK(rag_label(Rag::amber) == std::string("Amber"));
    CHECK(rag_label(Rag::green) == std::string("Green"));
}

TEST_CASE("rag: performance words follow polarity") {
    CHECK(performance_word(indicator(Polarity::lower_is_better), Direction::down) == "better");
    CHECK(performance_word(indicator(Polarity::higher_is_better), Direction::down) == "worse");
    CHECK(performance_word(indicator(Polarity::monitoring), Direction::up) == "");
    CHECK(performance_word(indicator(Polarity::lower_is_better), Direction::same) == "no change");
}

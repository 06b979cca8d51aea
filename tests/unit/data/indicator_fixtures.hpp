#pragma once
// Indicator texts shared by the data tests. The Violence With Injury figures are the monthly
// table of a published one-page performance summary (2016/17 and 2017/18 to January).
#include <string>

namespace fixtures {

inline const std::string violence_yaml = R"(title: Violence with injury
unit: count
frequency: monthly
polarity: lower-is-better
tolerance: 2.5
measure: offences
source: Police recorded crime
definition: Offences of violence in which the victim is injured.
how_it_works: Count of offences for the year to date against the same months last year.
what_good_looks_like: Fewer offences than in the same period last year.
why_it_matters: A high-volume crime agreed as a partnership priority.
issues: Recording practice changed in 2014.
target_text: Year-on-year reduction
lead: Detective Superintendent Ruth Adeyemi
sub_group: Violence and vulnerability
)";

inline const std::string violence_csv = "period,value\n"
                                        "2016-04,166\n2016-05,202\n2016-06,195\n"
                                        "2016-07,214\n2016-08,190\n2016-09,196\n"
                                        "2016-10,158\n2016-11,174\n2016-12,163\n"
                                        "2017-01,154\n2017-02,153\n2017-03,188\n"
                                        "2017-04,166\n2017-05,206\n2017-06,182\n"
                                        "2017-07,178\n2017-08,168\n2017-09,183\n"
                                        "2017-10,191\n2017-11,160\n2017-12,193\n"
                                        "2018-01,142\n";

inline const std::string marac_yaml = R"(title: Repeat referrals to MARAC
unit: percentage
polarity: target-band
target_band: [28, 40]
tolerance: 10
sub_group: Violence against women and girls
)";

// Numerators and denominators so that the year to date is Σnumerator ÷ Σdenominator.
inline const std::string marac_csv = "period,value,numerator,denominator\n"
                                     "2017-04,,5,22\n"
                                     "2017-05,,2,19\n"
                                     "2017-06,,3,18\n"
                                     "2017-07,,4,21\n"
                                     "2017-08,,3,20\n"
                                     "2017-09,,5,24\n"
                                     "2017-10,,6,25\n"
                                     "2017-11,,5,23\n"
                                     "2017-12,,4,22\n"
                                     "2018-01,,4,21\n";

} // namespace fixtures

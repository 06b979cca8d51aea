#pragma once
// The one source of "now" for output: SOURCE_DATE_EPOCH when set, else a fixed value supplied
// by the caller, so that two builds of the same input give the same bytes.
#include "core/date.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace bp {

// Seconds since 1970 from SOURCE_DATE_EPOCH, or nothing when it is unset or malformed.
std::optional<std::int64_t> source_date_epoch();
Date date_from_epoch_seconds(std::int64_t seconds);
// "2017-09-12T00:00:00Z"
std::string iso_timestamp(std::int64_t seconds);

} // namespace bp

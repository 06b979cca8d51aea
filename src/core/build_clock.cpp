#include "core/build_clock.hpp"

#include <cstdio>
#include <cstdlib>

namespace bp {

std::optional<std::int64_t> source_date_epoch() {
    const char* value = std::getenv("SOURCE_DATE_EPOCH");
    if (!value || !*value)
        return std::nullopt;
    char* end = nullptr;
    long long seconds = std::strtoll(value, &end, 10);
    if (*end != '\0' || seconds < 0)
        return std::nullopt;
    return seconds;
}

Date date_from_epoch_seconds(std::int64_t seconds) {
    return Date::from_days_since_epoch(static_cast<long>(seconds / 86400));
}

std::string iso_timestamp(std::int64_t seconds) {
    Date date = date_from_epoch_seconds(seconds);
    long rest = static_cast<long>(seconds % 86400);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%sT%02ld:%02ld:%02ldZ", date.iso().c_str(), rest / 3600,
                  (rest / 60) % 60, rest % 60);
    return buffer;
}

} // namespace bp

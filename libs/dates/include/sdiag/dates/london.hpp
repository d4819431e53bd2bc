// The date in Europe/London, where every diagnostic happens. The rules
// (GMT, British Summer Time) come from the system's tzdata through Howard
// Hinnant's date/tz, not from code here: libstdc++ 12 has no std::chrono::tzdb.
#pragma once

#include <chrono>
#include <ctime>

#include <sdiag/dates/calendar.hpp>

namespace sdiag::dates {

/// The calendar date in London at a moment: 23:30 UTC on 30 June is
/// already 1 July there. Throws std::runtime_error when the system has no
/// Europe/London zone (the tzdata package is missing).
Date london_date(std::chrono::sys_seconds t);
Date london_date(std::time_t t);

}  // namespace sdiag::dates

// ISO 8601 text: "2026-03-31" for a date, "2026-03-31T10:02:11" for a
// moment, read and written in one place.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <sdiag/dates/calendar.hpp>

namespace sdiag::dates {

/// "2026-03-31".
std::string iso(Date d);

/// "2026-03-31" exactly (ten characters, a real date in the years sdiag
/// reads) as a date; anything else is nothing.
std::optional<Date> parse_iso(std::string_view s);

/// A moment as "2026-03-31T10:02:11": sdiag::iso_utc without its "Z", for
/// a time whose zone is unknown or written apart (a form's local time, a
/// PDF's metadata date).
std::string iso_date_time(std::chrono::sys_seconds t);

/// An ISO 8601 timestamp as Miro and web APIs write it: "2026-03-29T00:30:00Z",
/// a space instead of the "T", optional seconds and fraction (dropped), and
/// "Z", "+hh:mm", "+hhmm", "+hh" or no zone (UTC). Nothing when it is not
/// exactly that.
std::optional<std::chrono::sys_seconds> parse_iso_instant(std::string_view s);

}  // namespace sdiag::dates

// Miro stores a card's due date as a UTC instant: a UK user's "1 May" comes
// back as 30 April 23:00Z. The date people meant is the one in London.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace miro {

/// Seconds since 1970 for an ISO-8601 timestamp ("2026-03-29T00:30:00Z",
/// with or without milliseconds, "Z" or "+hh:mm"), or nothing.
std::optional<long long> parse_iso_instant(std::string_view s);

/// The Europe/London calendar date (YYYY-MM-DD) of a UTC instant. British
/// Summer Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC
/// on the last Sunday of October.
std::string london_date(long long utc_seconds);

/// A due date as written by Miro, as the London date; a bare date
/// ("2026-05-01") is kept as it is. Nothing when it is not a date.
std::optional<std::string> due_date_in_london(std::string_view text);

}  // namespace miro

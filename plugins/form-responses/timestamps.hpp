// Response times as the form tools write them, to ISO 8601 (the calendar,
// ISO text and Excel serials are sdiag::dates').
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sdiag::form_responses {

/// Google Forms "2025/03/14 10:02:11 AM GMT" (or "GMT+1"), Sheets and
/// re-saved Excel "14/03/2025 10:02:11" (day first unless that cannot be a
/// date), and ISO "2025-03-14 10:02:11" -> "2025-03-14T10:02:11" (with
/// "+01:00" when an offset was given). Nothing when unreadable.
std::optional<std::string> parse_timestamp(std::string_view text);

/// A Microsoft Forms time, an Excel serial (sdiag::dates::excel_date_time),
/// as "2025-03-14T10:02:11".
std::optional<std::string> excel_serial_to_iso(double serial);

}  // namespace sdiag::form_responses

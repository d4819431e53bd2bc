// Dates as people write them in a UK write-up, to ISO 8601.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace markdown {

/// "2025-03-12", "12 March 2025", "12th Mar 2025", "12/03/2025" (day first,
/// as in the UK) -> "2025-03-12". Nothing when the words are not a real date.
std::optional<std::string> iso_date(std::string_view words);

}  // namespace markdown

// Miro stores a card's due date as a UTC instant: a UK user's "1 May" comes
// back as 30 April 23:00Z. The date people meant is the one in London.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sdiag::miro {

/// A due date as written by Miro, as the London date; a bare date
/// ("2026-05-01") is kept as it is. Nothing when it is not a date.
std::optional<std::string> due_date_in_london(std::string_view text);

}  // namespace sdiag::miro

#include "london_time.hpp"

#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/london.hpp>

namespace sdiag::miro {

std::optional<std::string> due_date_in_london(std::string_view text) {
  namespace dates = sdiag::dates;
  if (auto bare = dates::parse_iso(text)) return dates::iso(*bare);
  auto instant = dates::parse_iso_instant(text);
  if (!instant) return std::nullopt;
  return dates::iso(dates::london_date(*instant));
}

}  // namespace sdiag::miro

#include <sdiag/dates/london.hpp>

#include <stdexcept>
#include <string>

#include <date/tz.h>

namespace sdiag::dates {

namespace {

// Looked up once per process; a failed look-up throws and is tried again
// on the next call.
const date::time_zone& london() {
  static const date::time_zone* zone = [] {
    try {
      return date::locate_zone("Europe/London");
    } catch (const std::exception& e) {
      throw std::runtime_error(std::string("the Europe/London time zone is not on this system (") + e.what() +
                               "); install the tzdata package");
    }
  }();
  return *zone;
}

}  // namespace

Date london_date(std::chrono::sys_seconds t) {
  auto local_day = date::floor<date::days>(london().to_local(t));
  return Date{std::chrono::sys_days{std::chrono::days{local_day.time_since_epoch().count()}}};
}

Date london_date(std::time_t t) { return london_date(std::chrono::sys_seconds{std::chrono::seconds{t}}); }

}  // namespace sdiag::dates

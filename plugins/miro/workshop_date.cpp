#include "workshop_date.hpp"

#include <array>
#include <chrono>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/london.hpp>
#include <sdiag/dates/uk_dates.hpp>
#include <sdiag/extra_json.hpp>

namespace sdiag::miro {

namespace {

namespace dates = sdiag::dates;
using dates::Date;
using sdiag::Severity;

struct StickyDay {
  Date day;
  std::size_t on_day = 0;   ///< stickies made that day
  std::size_t counted = 0;  ///< stickies with a readable creation time
  std::optional<Date> as_busy;  ///< a later day with as many
};

// Cards are written in the room as stickies are; frames, shapes and text are
// mostly laid out beforehand, so they say less about the day.
bool written_in_the_room(const Item& it) { return it.type == "sticky_note" || it.type == "card"; }

std::optional<Date> london_day(const std::string& iso_time) {
  auto t = dates::parse_iso_instant(iso_time);
  if (!t) return std::nullopt;
  return dates::london_date(*t);
}

std::optional<StickyDay> busiest_day(const Board& b, std::vector<Problem>& problems) {
  std::map<std::chrono::sys_days, std::size_t> per_day;
  std::size_t unreadable = 0;
  std::string first_unreadable;
  for (const auto& it : b.items) {
    if (!written_in_the_room(it) || it.created_at.empty()) continue;
    if (auto day = london_day(it.created_at))
      ++per_day[std::chrono::sys_days{*day}];
    else if (unreadable++ == 0)
      first_unreadable = it.id;
  }
  if (unreadable > 0)
    problems.push_back({Severity::info, first_unreadable,
                        std::to_string(unreadable) +
                            " sticky notes or cards have a creation time that is not an ISO 8601 time (the first is "
                            "this one); they are not counted towards the workshop date"});
  std::optional<StickyDay> best;
  std::size_t counted = 0;
  for (const auto& [day, n] : per_day) {  // earliest first: of equally busy days, the first wins
    counted += n;
    if (!best || n > best->on_day) {
      best = StickyDay{};
      best->day = Date{day};
      best->on_day = n;
    } else if (n == best->on_day && !best->as_busy)
      best->as_busy = Date{day};
  }
  if (best) best->counted = counted;
  return best;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

// The day a year-less date is placed near, and how to say it.
struct Reference {
  Date day;
  std::string what;
};

std::optional<Reference> year_reference(const Board& b, const std::optional<StickyDay>& sticky) {
  if (sticky) return Reference{sticky->day, "the day most sticky notes were created"};
  if (auto d = london_day(b.exported_at)) return Reference{*d, "the export time"};
  if (auto d = london_day(b.created_at)) return Reference{*d, "the board's creation"};
  return std::nullopt;
}

}  // namespace

DateReading workshop_date(const Board& board) {
  DateReading r;
  auto sticky = busiest_day(board, r.problems);
  struct Place {
    const char* source;
    std::optional<dates::DateInText> found;
  };
  const std::array<Place, 2> places{{{from_board_name, dates::find_uk_date(board.name)},
                                     {from_board_description, dates::find_uk_date(board.description)}}};

  for (const auto& p : places)
    if (!r.found && p.found && p.found->date)
      r.found = WorkshopDate{*p.found->date, p.source, "the " + std::string(p.source) + " says " + quoted(p.found->written)};

  for (const auto& p : places) {
    if (r.found || !p.found || p.found->date) continue;
    auto says = "the " + std::string(p.source) + " says " + quoted(p.found->written);
    auto ref = year_reference(board, sticky);
    auto date = ref ? dates::nearest_date(p.found->day_month, ref->day) : std::nullopt;
    if (!date) {
      r.problems.push_back({Severity::warning, "board",
                            says + " without a year, and the board has no creation or export time to take the year "
                                   "from; give the date with --meta date=YYYY-MM-DD"});
      break;
    }
    r.found = WorkshopDate{*date, p.source,
                           says + ", the year being the one that puts it nearest " + ref->what + " (" +
                               dates::uk_long(ref->day) + ")"};
  }

  if (!r.found && sticky) {
    auto evidence = std::to_string(sticky->on_day) + " of the " + std::to_string(sticky->counted) +
                    " sticky notes and cards with a creation time were made on that day, in London time";
    if (sticky->as_busy) evidence += " (as many were made on " + dates::uk_long(*sticky->as_busy) + "; the first is taken)";
    r.found = WorkshopDate{sticky->day, from_sticky_day, evidence};
  }

  if (r.found && sticky && r.found->source != from_sticky_day &&
      std::abs(dates::days_between(sticky->day, r.found->date)) > max_days_from_stickies)
    r.problems.push_back({Severity::warning, "board",
                          r.found->evidence + ", but most sticky notes (" + std::to_string(sticky->on_day) + " of " +
                              std::to_string(sticky->counted) + ") were created on " + dates::uk_long(sticky->day) +
                              " in London; the written date " + dates::uk_long(r.found->date) +
                              " is taken. If the workshop was on another day, run with --meta date=YYYY-MM-DD"});
  return r;
}

std::vector<Problem> apply_workshop_date(const Board& board, sdiag::Meta& meta) {
  DateReading r;
  try {
    r = workshop_date(board);
  } catch (const std::exception& e) {  // no Europe/London zone on this system
    return {{Severity::warning, "", std::string("the workshop date was not read from the board: ") + e.what()}};
  }
  auto out = std::move(r.problems);
  if (!r.found) {
    if (meta.date.empty())
      out.push_back({Severity::info, "",
                     "the board does not show the workshop date (no date in its name or description, no creation "
                     "times on its sticky notes); give it with --meta date=YYYY-MM-DD so that relative due dates are "
                     "read against it"});
    return out;
  }
  const auto& found = *r.found;
  auto date = dates::iso(found.date);
  if (meta.date.empty()) {
    meta.date = date;
    meta.extra["date_source"] = sdiag::extra_json(found.source);
    out.push_back({Severity::info, "",
                   "the workshop date is taken as " + dates::uk_long(found.date) + " from the board: " + found.evidence +
                       ". If the workshop was on another day, run with --meta date=YYYY-MM-DD"});
  } else if (meta.date != date) {
    out.push_back({Severity::warning, "",
                   "the board shows the workshop date as " + dates::uk_long(found.date) + " (" + found.evidence +
                       "), but an earlier input gave " + meta.date +
                       ", which is kept. To choose, run with --meta date=YYYY-MM-DD"});
  }
  return out;
}

}  // namespace sdiag::miro

// The day of the workshop as a board shows it, for when no one has said:
// written in the board's name or description, or else the day (in London)
// on which most sticky notes were made. Relative due dates ("next month",
// "a fortnight today") are read against it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <sdiag/dates/calendar.hpp>
#include <sdiag/model/diagnostic.hpp>

#include "board.hpp"

namespace sdiag::miro {

/// Where the date came from, as meta.date_source in diagnostic.json says it.
inline constexpr const char* from_board_name = "board name";
inline constexpr const char* from_board_description = "board description";
inline constexpr const char* from_sticky_day = "sticky notes created on that day (Europe/London)";

/// A written date further than this from the day most stickies were made is
/// still taken, with a warning: preparation and write-up add a few days.
inline constexpr int max_days_from_stickies = 3;

struct WorkshopDate {
  sdiag::dates::Date date;
  std::string source;    ///< one of the from_* above
  std::string evidence;  ///< what shows it, for the user: "the board name says '24 June'; ..."
};

struct DateReading {
  std::optional<WorkshopDate> found;
  std::vector<Problem> problems;  ///< a written date far from the stickies' day, unreadable times
};

/// The workshop date of a board, by these rules in order:
///  1. a full date written in its name, then in its description;
///  2. a day and month written there without a year, in the year that puts
///     it nearest the day most stickies were made (else the export time,
///     else the board's creation);
///  3. the day, in Europe/London, on which most sticky notes and cards were
///     made (their times are UTC); of equally busy days, the first.
/// Nothing found when none of these is on the board.
DateReading workshop_date(const Board& board);

/// Gives meta.date the board's workshop date when no earlier input has, and
/// records meta.date_source; returns what the user should be told: where the
/// date came from and how to give another, or that the board disagrees with
/// the date an earlier input gave (which is kept).
std::vector<Problem> apply_workshop_date(const Board& board, sdiag::Meta& meta);

}  // namespace sdiag::miro

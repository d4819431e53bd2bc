// Due dates as people write them on action stickies ("by end of March",
// "30/04/2026", "w/c 17 Feb", "Q2", "ASAP", "next month", "before the
// summer"), resolved against the workshop date. UK day-month order. The
// phrases are this plugin's; the calendar, month names and ISO text are
// sdiag::dates'.
#pragma once

#include <string>

#include <sdiag/dates/calendar.hpp>

namespace sdiag::actions {

using Date = sdiag::dates::Date;

struct DueOptions {
  bool financial_quarters = true;  ///< Q1 = April-June (councils' year), else January-March
  /// "ASAP" means this many days after the workshop; 0: no date, the words
  /// are kept (a facilitator's plan says "ASAP", not a date nobody agreed).
  int asap_days = 0;
};

struct Due {
  std::string iso;   ///< "2026-03-31", "" when the words are not a date
  std::string text;  ///< the words as written ("by end of March"), "" when none
  std::string doubt; ///< why the date is a guess, "" when it is what was written
};

/// Finds the first due-date phrase in `text` and resolves it against `ref`.
Due find_due(const std::string& text, Date ref, const DueOptions& o = {});

}  // namespace sdiag::actions

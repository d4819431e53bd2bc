// Excel's 1900 date system (Excel on Windows, LibreOffice's default, what
// libxlsxwriter writes): a date is a serial number of days, the fraction of
// a day is the time.
//
// Excel counts a 29 February 1900 that never was (kept from Lotus 1-2-3),
// so: serials 1-59 are 1 January-28 February 1900 as Excel shows them;
// serial 60 is that phantom day and is no date here (refused both ways);
// from 61 (1 March 1900) on, serial n is n days after 30 December 1899, up
// to 2958465 (31 December 9999). Serials below 1 are not dates.
#pragma once

#include <chrono>
#include <optional>

#include <sdiag/dates/calendar.hpp>

namespace sdiag::dates {

inline constexpr int max_excel_serial = 2958465;  // 9999-12-31

/// The serial of a date; nothing for dates Excel cannot hold (before 1900).
std::optional<int> excel_serial(Date d);

/// The moment a serial names, read as UTC (a workbook has no time zone);
/// the time of day is rounded to the nearest second.
std::optional<std::chrono::sys_seconds> excel_date_time(double serial);

/// The date of a serial: the day of excel_date_time (the time is dropped).
std::optional<Date> excel_date(double serial);

}  // namespace sdiag::dates

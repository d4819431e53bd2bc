/// @file sdiag/extra_json.hpp
/// Values for a note's, person's or action's `extra` (model/diagnostic.hpp),
/// which holds raw JSON text: made by nlohmann-json, so every string is
/// escaped as JSON requires. Never build that text by hand.
///
/// @code
/// note.extra["owner"] = sdiag::extra_json("Priya Shah");   // "\"Priya Shah\""
/// action.extra["tags"] = sdiag::extra_json(tag_titles);     // "[\"Data quality\",\"Workforce\"]"
/// @endcode
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sdiag {

/// `value` as a JSON string. Bytes that are not UTF-8 become U+FFFD, so the
/// text is always valid JSON. (SDK 1.2)
std::string extra_json(std::string_view value);
/// `values` as a JSON array of strings, on one line. (SDK 1.2)
std::string extra_json(const std::vector<std::string>& values);

}  // namespace sdiag

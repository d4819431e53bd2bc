// Parsing JSON text the one way every reader of the SDK does: BOM skipped,
// nesting limited, comments allowed, errors located by line.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace sdiag::detail {

/// @throws InputError for text that is not JSON or nests too deep.
nlohmann::json parse_json_or_throw(std::string_view text);

}  // namespace sdiag::detail

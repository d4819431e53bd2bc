/// @file sdiag/json.hpp
/// diagnostic.json: the canonical serialised form of a Diagnostic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <sdiag/model/diagnostic.hpp>
#include <sdiag/model/document.hpp>

namespace sdiag {

/// The Diagnostic as diagnostic.json text (schema "sdiag/1"), pretty-printed
/// with a stable field order, ending in a newline.
std::string to_json(const Diagnostic& d);

/// Parses diagnostic.json. Unknown fields are kept in `extra` and reported
/// as info findings in `warnings`. @throws InputError on malformed JSON, a
/// wrong schema or a field of the wrong type (the message names the field).
Diagnostic diagnostic_from_json(std::string_view text, std::vector<Finding>& warnings);

/// The Document as JSON (for debugging and tests, like pandoc's -t json).
std::string to_json(const doc::Document& d);

/// A workshop template from its JSON file. @throws InputError.
Template template_from_json(std::string_view text);
/// A workshop template as JSON text, as diagnostic.json's "template" holds
/// it: what template_from_json reads back. (SDK 1.2)
std::string to_json(const Template& t);

}  // namespace sdiag

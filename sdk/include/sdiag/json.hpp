/// @file sdiag/json.hpp
/// diagnostic.json: the canonical serialised form of a Diagnostic.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include <sdiag/model/diagnostic.hpp>
#include <sdiag/model/document.hpp>

namespace sdiag {

/// The Diagnostic as diagnostic.json text (schema "sdiag/1"), pretty-printed
/// with a stable field order, ending in a newline.
std::string to_json(const Diagnostic& d);

/// The same text written to `out` a piece at a time (a note, a theme...), so
/// a large diagnostic is never held whole in memory as text.
void write_json(const Diagnostic& d, std::ostream& out);

/// Parses diagnostic.json. Unknown fields are kept in `extra` and reported
/// as info findings in `warnings`. @throws InputError on malformed JSON, a
/// wrong schema or a field of the wrong type (the message names the field).
Diagnostic diagnostic_from_json(std::string_view text, std::vector<Finding>& warnings);

/// The Document as JSON, every field written (figures whole, PNG in base64):
/// what script layouts return and script outputs receive, described by
/// share/sdiag/schema/document.schema.json. (Whole since SDK 1.4.)
std::string to_json(const doc::Document& d);

/// Reads the Document JSON that to_json writes; a missing field keeps its
/// default. @throws InputError naming the field ("blocks[3].level") for text
/// that is not JSON, an unknown block type or a field of the wrong type. (SDK 1.4)
doc::Document document_from_json(std::string_view text);

/// A workshop template from its JSON file. @throws InputError.
Template template_from_json(std::string_view text);
/// A workshop template as JSON text, as diagnostic.json's "template" holds
/// it: what template_from_json reads back. (SDK 1.2)
std::string to_json(const Template& t);

}  // namespace sdiag

// Castlebrook's own words for the sections of the D2I report.
#pragma once

#include <map>
#include <string>

#include <sdiag/model/document.hpp>

namespace castlebrook {

/// D2I report heading id -> the heading Castlebrook uses.
const std::map<std::string, std::string>& council_terms();

/// Renames every heading whose id has a council term, in the annex too (ids
/// and links stay, so cross-references keep working) and the contents title. Returns how
/// many headings were renamed.
std::size_t use_council_terms(sdiag::doc::Document& doc);

}  // namespace castlebrook

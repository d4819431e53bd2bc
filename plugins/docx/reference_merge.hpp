// Joining the writer's definitions to a reference document's: its styles
// win, and what it lacks is added from the defaults (as pandoc's
// --reference-doc does); our list definitions join its numbering.
#pragma once

#include <string>
#include <utility>

#include "styles_part.hpp"

namespace sdiag::docx {

/// The reference styles part (named `part` in messages) plus every default
/// style it has no match for (matched by style name, then by id). `ids`
/// learns the reference's id for each style the writer uses.
/// @throws sdiag::InputError naming `part` when it is not a styles part of WordprocessingML (or bad XML).
std::string merge_styles(const std::string& reference, const std::string& part, const std::string& defaults,
                         StyleIds& ids);

/// The largest abstractNumId and numId in a numbering part, so that ours can follow.
/// @throws as merge_styles() does.
std::pair<int, int> numbering_id_bases(const std::string& reference, const std::string& part);
/// The reference numbering part with our definitions (already numbered
/// after the reference's, see numbering_id_bases) added in schema order.
std::string merge_numbering(const std::string& reference, const std::string& ours);

}  // namespace sdiag::docx

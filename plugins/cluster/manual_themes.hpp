// Themes a facilitator made on purpose win over clustering: themes already in
// the diagnostic that did not come from clustering (an edited diagnostic.json)
// are kept as they are, and a note's tag or a frame named as a theme makes a
// manual theme. Only notes left unplaced are clustered.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <sdiag/model/diagnostic.hpp>

#include "markers.hpp"

namespace sdiag::cluster {

struct ManualPlacement {
  std::vector<Theme> themes;          ///< kept themes first, then new ones in note order
  std::set<std::string> placed;       ///< ids of notes in any of them
  std::size_t kept = 0;               ///< how many came from the input
};

/// The theme a frame title names, or "" when the frame is a template
/// section or prompt, or one of Miro's default names ("Frame 3").
std::string theme_of_frame(const Template& tmpl, const std::string& frame);

/// Tags that are markers (see Markers) make no theme.
ManualPlacement place_manual(const Diagnostic& d, const std::vector<const Note*>& selected, bool use_tags,
                             bool use_frames, const Markers& markers);

/// "t-" + id, or with a suffix while it is taken.
std::string unique_id(const std::string& wanted, const std::set<std::string>& taken);

}  // namespace sdiag::cluster

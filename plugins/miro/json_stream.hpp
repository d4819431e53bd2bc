// JSON read with nlohmann's SAX interface, so that a board's long lists are
// never held whole: the elements of the arrays a caller picks are handed over
// one at a time, as small JSON values, and then dropped. Everything else is
// kept as an ordinary (small) JSON document. Memory follows the largest
// element, not the text.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace sdiag::miro {

/// One step from a JSON value into a child: an object's key, or an array's element.
struct JsonStep {
  bool element = false;  ///< an array element (key unused)
  std::string key;
};

/// Says which list an array at `path` (from the root) feeds, or -1 to keep it
/// in the document. Asked at the start of every array.
using ListChooser = std::function<int(const std::vector<JsonStep>& path)>;
/// Takes one element of a list the chooser picked; `list` is the chooser's answer.
using ListSink = std::function<void(int list, nlohmann::json&& element)>;

/// Parses `text`, handing the elements of chosen lists to `sink` in document
/// order; a chosen list is left in the returned document as an empty array.
/// @throws sdiag::InputError when the text is not JSON (located by byte).
nlohmann::json parse_streaming(std::string_view text, const ListChooser& choose, const ListSink& sink);

}  // namespace sdiag::miro

// Front matter of a write-up: "key: value" lines between two "---" lines at
// the very top (a YAML-like subset; nested YAML is not read).
#pragma once

#include <map>
#include <string>

namespace sdiag::markdown {

struct FrontMatter {
  std::map<std::string, std::string> fields;  ///< lower-case key -> value (quotes removed)
  std::map<std::string, int> lines;           ///< key -> line number, for findings
  int end_line = 0;                           ///< last line of the block (the closing ---), 0 = none
};

/// Splits the front matter off `text`; the block's lines are blanked in
/// `text` so that line numbers of the rest stay right.
FrontMatter take_front_matter(std::string& text);

}  // namespace sdiag::markdown

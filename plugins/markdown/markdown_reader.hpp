// The markdown input: a facilitator's write-up (front matter, section
// headings with notes as list items, commentary paragraphs, a contributors
// table) read with cmark-gfm into the Diagnostic.
#pragma once

#include <sdiag/plugin.hpp>

namespace sdiag::markdown {

/// How sure we are that `file` is a Markdown write-up (0..100).
int sniff_markdown(const sdiag::InputFile& file);

/// Adds the write-up's meta, notes, narrative and people to `into`.
void read_markdown(const sdiag::InputFile& file, sdiag::Diagnostic& into, sdiag::Context& ctx);

}  // namespace sdiag::markdown

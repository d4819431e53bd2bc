// Keeping e-mail addresses out of notes, authors and reports: every form
// input passes its text through here before it reaches the Diagnostic.
#pragma once

#include <string>
#include <string_view>

namespace sdiag::tabular {

/// `text` with every e-mail address replaced by "[e-mail removed]".
/// `removed` (optional) is set to true when something was replaced.
std::string redact_emails(std::string_view text, bool* removed = nullptr);

/// True when the whole of `text` is one e-mail address (an Email column value).
bool is_email(std::string_view text);

}  // namespace sdiag::tabular

// How the host reads what a script plugin's program wrote on stdout
// (sdk/README.md, "Script plugins"): one JSON object holding the answer of
// the call's kind and, optionally, findings. Apart from running the program,
// so that it is tested and fuzzed on bytes alone (tests/fuzz, script-response).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <sdiag/model/diagnostic.hpp>
#include <sdiag/model/document.hpp>

namespace sdiag::core::script_response {

using ojson = nlohmann::ordered_json;

/// The response in `output`, checked to be an object holding `answer`
/// ("sniff", "diagnostic", "document" or "files"); its findings are added to
/// `findings` as `plugin`'s. `cmd` names the program in messages.
/// @throws std::runtime_error saying what is wrong and what to write instead.
ojson parse(std::string_view output, const std::string& answer, const std::string& plugin, const std::string& cmd,
            std::vector<Finding>& findings);

/// A sniff's answer: a number clamped to 0..100, 0 for anything else.
int sniff_of(const ojson& response);

/// The response's "diagnostic", read as diagnostic.json is (unknown fields kept).
/// @throws std::runtime_error when it is not an object or cannot be read.
Diagnostic diagnostic_of(ojson& response, const std::string& plugin);

/// The response's "document", read as Document JSON.
/// @throws std::runtime_error when it is not an object or cannot be read.
doc::Document document_of(const ojson& response);

/// The response's "files", each inside `out_dir` (relative ones taken from
/// it) and a regular file there. @throws std::runtime_error otherwise.
std::vector<std::filesystem::path> files_of(const ojson& response, const std::filesystem::path& out_dir);

}  // namespace sdiag::core::script_response

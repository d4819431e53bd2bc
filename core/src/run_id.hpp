// The run id: which run wrote a set of outputs. It is written into every
// output that can carry it (diagnostic.json's meta.run_id, the action plan's
// document properties), so `sdiag track` can tell whether a plan and a
// diagnostic belong together. It is derived from what the run was made of,
// never from chance, so the same inputs and settings (and the same
// SOURCE_DATE_EPOCH) give the same id and byte-identical outputs.
#pragma once

#include <ctime>
#include <string>

#include <sdiag/model/diagnostic.hpp>

#include "pipeline.hpp"

namespace sdiag::core {

/// The key of meta.extra that holds it.
inline constexpr const char* run_id_key = "run_id";

/// 16 hex digits of a SHA-256 over the sdiag version, the pipeline's steps
/// and options (--set included), --meta, the template, every source's
/// content hash and kind, and `now`.
std::string run_id(const Pipeline& p, const RunRequest& r, const Diagnostic& d, std::time_t now);

}  // namespace sdiag::core

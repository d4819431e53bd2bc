#include "run_id.hpp"

#include <sdiag/version.hpp>

#include "sha256.hpp"

namespace sdiag::core {

std::string run_id(const Pipeline& p, const RunRequest& r, const Diagnostic& d, std::time_t now) {
  // Each field ends with a NUL and each record with a newline, so no two recipes hash the same text.
  std::string recipe;
  auto field = [&](const std::string& s) { recipe.append(s).push_back('\0'); };
  field(sdiag::version);
  field(p.name);
  for (const auto* s : all_steps(p)) {
    field(s->plugin);
    for (const auto& [name, value] : merged_options(*s, r)) {
      field(name);
      field(value);
    }
    recipe += '\n';
  }
  for (const auto& [key, value] : r.meta) {
    field(key);
    field(value);
  }
  recipe += '\n';
  field(d.meta.template_id);
  for (const auto& s : d.meta.sources) {
    field(s.sha256);
    field(s.kind);
    field(s.plugin);
  }
  field(std::to_string(static_cast<long long>(now)));
  return sha256_hex(recipe).substr(0, 16);
}

}  // namespace sdiag::core

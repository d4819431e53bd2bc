#include "workshop_template.hpp"

#include <fstream>
#include <sstream>

#include <sdiag/json.hpp>

#include "pipeline.hpp"

namespace sdiag::core {

Template load_workshop_template(const std::string& ref, const std::filesystem::path& data_dir) {
  std::filesystem::path path = ref;
  if (path.extension() != ".json") path = data_dir / "workshop" / (ref + ".json");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot open the workshop template " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  try {
    return template_from_json(s.str());
  } catch (const InputError& e) {
    throw UsageError(path.string() + (e.location().empty() ? "" : ":" + e.location()) + ": " + e.what());
  }
}

}  // namespace sdiag::core

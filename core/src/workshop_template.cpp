#include "workshop_template.hpp"

#include <sdiag/input_file.hpp>
#include <sdiag/json.hpp>
#include <sdiag/text.hpp>

#include "pipeline.hpp"

namespace sdiag::core {

Template load_workshop_template(const std::string& ref, const std::filesystem::path& data_dir) {
  std::filesystem::path path = ref;
  if (path.extension() != ".json") path = data_dir / "workshop" / (ref + ".json");
  std::string json;
  try {
    json = read_input_file(path).bytes;
  } catch (const InputError& e) {
    throw UsageError("cannot open the workshop template " + text::display_path(path) + ": " + e.what());
  }
  try {
    return template_from_json(json);
  } catch (const InputError& e) {
    throw UsageError(text::display_path(path) + (e.location().empty() ? "" : ":" + e.location()) + ": " + e.what());
  }
}

}  // namespace sdiag::core

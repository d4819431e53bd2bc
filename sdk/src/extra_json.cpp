#include <sdiag/extra_json.hpp>

#include <nlohmann/json.hpp>

namespace sdiag {

namespace {

std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string extra_json(std::string_view value) { return dump(nlohmann::json(value)); }

std::string extra_json(const std::vector<std::string>& values) { return dump(nlohmann::json(values)); }

}  // namespace sdiag

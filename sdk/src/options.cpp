#include <sdiag/options.hpp>

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include <sdiag/text.hpp>

namespace sdiag {

const char* to_string(OptionType t) {
  switch (t) {
    case OptionType::string: return "string";
    case OptionType::integer: return "integer";
    case OptionType::number: return "number";
    case OptionType::boolean: return "boolean";
    case OptionType::path: return "path";
    case OptionType::list: return "list";
  }
  return "?";
}

namespace {

std::optional<long long> parse_integer(const std::string& v) {
  long long out = 0;
  auto s = text::trim(v);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return out;
}

std::optional<double> parse_number(const std::string& v) {
  auto s = text::trim(v);
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return d;
}

std::optional<bool> parse_boolean(const std::string& v) {
  auto s = text::lower(text::trim(v));
  if (s == "true" || s == "yes" || s == "on" || s == "1") return true;
  if (s == "false" || s == "no" || s == "off" || s == "0") return false;
  return std::nullopt;
}

}  // namespace

void Options::check(const OptionSpec& spec, const std::string& value) {
  auto bad = [&](const char* what) {
    throw OptionError("option '" + spec.name + "' takes " + what + ", not '" + value + "'");
  };
  switch (spec.type) {
    case OptionType::integer:
      if (!parse_integer(value)) bad("an integer");
      break;
    case OptionType::number:
      if (!parse_number(value)) bad("a number");
      break;
    case OptionType::boolean:
      if (!parse_boolean(value)) bad("true or false");
      break;
    default: break;
  }
  if (!spec.choices.empty() &&
      std::find(spec.choices.begin(), spec.choices.end(), value) == spec.choices.end()) {
    std::string all;
    for (const auto& c : spec.choices) all += (all.empty() ? "" : ", ") + c;
    throw OptionError("option '" + spec.name + "' must be one of: " + all + " (got '" + value + "')");
  }
}

const std::string& Options::str(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) throw OptionError("no option '" + name + "' was declared");
  return it->second;
}

long long Options::integer(const std::string& name) const {
  auto v = parse_integer(str(name));
  if (!v) throw OptionError("option '" + name + "' is not an integer: '" + str(name) + "'");
  return *v;
}

double Options::number(const std::string& name) const {
  auto v = parse_number(str(name));
  if (!v) throw OptionError("option '" + name + "' is not a number: '" + str(name) + "'");
  return *v;
}

bool Options::boolean(const std::string& name) const {
  auto v = parse_boolean(str(name));
  if (!v) throw OptionError("option '" + name + "' is not true or false: '" + str(name) + "'");
  return *v;
}

std::vector<std::string> Options::list(const std::string& name) const {
  std::vector<std::string> out;
  for (auto& item : text::split(str(name), ',')) {
    auto t = text::trim(item);
    if (!t.empty()) out.push_back(t);
  }
  return out;
}

}  // namespace sdiag

#include "categories.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include <sdiag/input_file.hpp>
#include <sdiag/text.hpp>

#include "json_stream.hpp"

namespace sdiag::miro {

namespace {

// Lower case, every run of non-alphanumeric ASCII as one space, padded with
// spaces so " it " finds the word "IT" but not "with".
std::string words_of(std::string_view s) {
  std::string out = " ";
  for (char c : sdiag::text::lower(s)) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80 || c == '\'';
    if (keep) out += c;
    else if (out.back() != ' ') out += ' ';
  }
  if (out.back() != ' ') out += ' ';
  return out;
}

}  // namespace

Categories Categories::load(const std::filesystem::path& file) {
  const auto bytes = sdiag::read_input_file(file).bytes;  // an InputError, which the caller locates
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(bytes, nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    throw std::runtime_error(sdiag::text::display_path(file) + " is not valid JSON: " + sdiag::text::json_error_text(e));
  }
  if (!j.is_object()) throw std::runtime_error(sdiag::text::display_path(file) + " should hold a JSON object");
  Categories c;
  if (j.contains("default") && j["default"].is_string()) c.fallback_ = j["default"].get<std::string>();
  auto read = [&](const char* key, std::vector<Category>& into) {
    if (!j.contains(key)) return;
    if (!j[key].is_array()) throw std::runtime_error(sdiag::text::display_path(file) + ": '" + key + "' should be a list");
    for (const auto& e : j[key]) {
      if (!e.is_object() || !e.contains("category") || !e["category"].is_string())
        throw std::runtime_error(sdiag::text::display_path(file) + ": each entry of '" + key + "' needs a \"category\" name");
      Category cat{e["category"].get<std::string>(), {}};
      if (e.contains("keywords") && e["keywords"].is_array())
        for (const auto& k : e["keywords"])
          if (k.is_string()) {
            auto w = words_of(k.get<std::string>());
            if (w.size() > 2) cat.keywords.push_back(w);
          }
      into.push_back(std::move(cat));
    }
  };
  read("functions", c.functions_);
  read("business_areas", c.areas_);
  return c;
}

std::string Categories::first_match(const std::vector<Category>& list, std::string_view text) const {
  auto haystack = words_of(text);
  for (const auto& cat : list)
    for (const auto& k : cat.keywords)
      if (haystack.find(k) != std::string::npos) return cat.name;
  return fallback_;
}

}  // namespace sdiag::miro

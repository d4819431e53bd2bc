// The system map's node categories (function, business area), read from a
// data file a council can extend: templates/system-map/categories.json.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace sdiag::miro {

class Categories {
 public:
  /// Reads the file. @throws std::runtime_error naming what is wrong; sdiag::InputError
  /// (which does not name the file) when it cannot be read or is past the input limit.
  static Categories load(const std::filesystem::path& file);
  /// No categories: everything is "other".
  Categories() = default;

  std::string function_of(std::string_view text) const { return first_match(functions_, text); }
  std::string business_area_of(std::string_view text) const { return first_match(areas_, text); }

 private:
  struct Category {
    std::string name;
    std::vector<std::string> keywords;  ///< lower case, tidied
  };
  std::string first_match(const std::vector<Category>& list, std::string_view text) const;

  std::vector<Category> functions_;
  std::vector<Category> areas_;
  std::string fallback_ = "other";
};

}  // namespace sdiag::miro

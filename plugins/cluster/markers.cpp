#include "markers.hpp"

#include <algorithm>
#include <stdexcept>

#include <sdiag/text.hpp>

#include "textmatch.hpp"

namespace sdiag::cluster {

namespace {

// Tags and notes are short; the input limits cap them before they get here.
constexpr std::size_t kLongestMarker = 80;
// A housekeeping note is a line or two; a longer one is about more than the day.
constexpr std::size_t kLongestHousekeeping = 120;

}  // namespace

void Markers::load(const std::filesystem::path& file) {
  const auto j = read_data_file(file);
  const auto where = sdiag::text::display_path(file);
  for (const auto& m : strings_of(j, "markers", where)) add_marker(m);
  for (const auto& p : strings_of(j, "patterns", where)) {
    try {
      add_pattern(p);
    } catch (const std::regex_error& e) {
      throw std::runtime_error(where + ": pattern '" + p + "' is not a regular expression: " + e.what());
    }
  }
  for (const auto& n : strings_of(j, "noise", where)) add_noise(n);
  for (const auto& h : strings_of(j, "housekeeping", where)) add_housekeeping(h);
}

void Markers::add_marker(const std::string& name) {
  if (auto key = text::normalise_title(name); !key.empty()) names_.insert(key);
}

void Markers::add_pattern(const std::string& pattern) {
  patterns_.emplace_back(pattern, std::regex::ECMAScript | std::regex::icase | std::regex::optimize);
}

void Markers::add_noise(const std::string& text) {
  if (auto key = text::normalise_title(text); !key.empty()) noise_.insert(key);
}

void Markers::add_housekeeping(const std::string& words) {
  if (auto key = text::normalise_title(words); !key.empty()) housekeeping_.push_back(" " + key + " ");
}

bool Markers::is_housekeeping(const std::string& text) const {
  const auto raw = text::collapse_whitespace(text);
  if (raw.empty() || raw.size() > kLongestHousekeeping) return false;
  const auto key = " " + text::normalise_title(raw) + " ";
  return std::any_of(housekeeping_.begin(), housekeeping_.end(),
                     [&](const std::string& words) { return key.find(words) != std::string::npos; });
}

bool Markers::is_marker(const std::string& tag) const {
  const auto raw = text::collapse_whitespace(tag);
  if (raw.empty() || raw.size() > kLongestMarker) return false;
  const auto key = text::normalise_title(raw);
  if (key.empty()) return true;  // symbols or emoji alone: a dot, a star
  if (names_.count(key)) return true;
  for (const auto& re : patterns_)
    if (std::regex_match(raw, re)) return true;
  return false;
}

bool Markers::is_noise(const std::string& text) const {
  const auto raw = text::collapse_whitespace(text);
  if (raw.empty() || raw.size() > kLongestMarker) return false;
  const auto key = text::normalise_title(raw);
  return !key.empty() && noise_.count(key) != 0;
}

}  // namespace sdiag::cluster

#include "plan_layout.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include <sdiag/dates/iso.hpp>
#include <sdiag/dates/uk_dates.hpp>

namespace sdiag::xlsx {

namespace {

std::string squeeze(const std::string& s) {
  std::string out;
  for (unsigned char c : s)
    if (!std::isspace(c)) out += static_cast<char>(std::tolower(c));
  return out;
}

nlohmann::ordered_json parse_extra(const sdiag::Extra& extra, const std::string& key) {
  auto it = extra.find(key);
  if (it == extra.end()) return nullptr;
  auto j = nlohmann::ordered_json::parse(it->second, nullptr, false);
  return j.is_discarded() ? nlohmann::ordered_json(it->second) : j;
}

}  // namespace

const std::vector<ColumnSpec>& columns() {
  static const std::vector<ColumnSpec> c{
      {Column::id, "ID", 7, false},
      {Column::action, "Action", 55, false},
      {Column::owner, "Owner", 22, false},
      {Column::due, "Due", 13, false},
      {Column::status, "Status", 14, false},
      {Column::rag, "RAG", 8, true},
      {Column::link, "Theme or goal", 30, true},
      {Column::latest, "Latest update", 34, true},
      {Column::comments, "Comments", 45, false},
  };
  return c;
}

const ColumnSpec* find_column(const std::string& header) {
  auto h = squeeze(header);
  for (const auto& c : columns())
    if (squeeze(c.header) == h) return &c;
  return nullptr;
}

const std::vector<StatusWord>& statuses() {
  static const std::vector<StatusWord> s{{"not started", "Not started"},
                                         {"in progress", "In progress"},
                                         {"done", "Done"},
                                         {"blocked", "Blocked"},
                                         {"dropped", "Dropped"}};
  return s;
}

std::string status_label(const std::string& model_status) {
  for (const auto& s : statuses())
    if (model_status == s.model) return s.label;
  return model_status;
}

std::optional<std::string> status_from_text(const std::string& text) {
  auto t = squeeze(text);
  for (const auto& s : statuses())
    if (t == squeeze(s.model)) return std::string(s.model);
  static const std::vector<std::pair<const char*, const char*>> synonyms{
      {"notstarted", "not started"}, {"todo", "not started"}, {"started", "in progress"},
      {"ongoing", "in progress"},    {"underway", "in progress"}, {"complete", "done"},
      {"completed", "done"},         {"closed", "done"},        {"finished", "done"},
      {"onhold", "blocked"},         {"stuck", "blocked"},      {"cancelled", "dropped"},
      {"canceled", "dropped"},       {"withdrawn", "dropped"}};
  for (const auto& [word, model] : synonyms)
    if (t == word) return std::string(model);
  return std::nullopt;
}

std::string extra_string(const sdiag::Extra& extra, const std::string& key) {
  auto j = parse_extra(extra, key);
  return j.is_string() ? j.get<std::string>() : std::string();
}

void set_extra_string(sdiag::Extra& extra, const std::string& key, const std::string& value) {
  if (value.empty())
    extra.erase(key);
  else
    extra[key] = nlohmann::ordered_json(value).dump();
}

std::vector<std::string> user_columns(const sdiag::Diagnostic& d) {
  std::vector<std::string> out;
  auto j = parse_extra(d.extra, user_columns_key);
  if (j.is_array())
    for (const auto& v : j)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

void set_user_columns(sdiag::Diagnostic& d, const std::vector<std::string>& names) {
  if (names.empty())
    d.extra.erase(user_columns_key);
  else
    d.extra[user_columns_key] = nlohmann::ordered_json(names).dump();
}

UserValues user_values(const sdiag::Action& a) {
  UserValues out;
  auto j = parse_extra(a.extra, user_values_key);
  if (!j.is_object()) return out;
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it->is_string())
      out.push_back({it.key(), {it->get<std::string>(), false}});
    else if (it->is_number())
      out.push_back({it.key(), {it->dump(), true}});
  }
  return out;
}

std::optional<double> number_of(const UserValue& v) {
  if (!v.numeric || v.text.empty()) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(v.text.c_str(), &end);  // no throw: out of range gives inf or a tiny number
  if (end != v.text.c_str() + v.text.size() || !std::isfinite(d)) return std::nullopt;
  return d;
}

void set_user_values(sdiag::Action& a, const UserValues& values) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [name, v] : values) {
    if (v.numeric) {
      auto n = nlohmann::ordered_json::parse(v.text, nullptr, false);
      j[name] = n.is_number() ? n : nlohmann::ordered_json(v.text);
    } else {
      j[name] = v.text;
    }
  }
  if (j.empty())
    a.extra.erase(user_values_key);
  else
    a.extra[user_values_key] = j.dump();
}

std::string shown_text(const sdiag::Action& a) {
  auto title = extra_string(a.extra, title_key);
  return title.empty() ? a.text : title;
}

std::string links_of(const sdiag::Action& a, const sdiag::Diagnostic& d) {
  std::string out;
  auto add = [&](const std::string& s) { out += (out.empty() ? "" : "; ") + s; };
  for (const auto& id : a.theme_ids) {
    std::string label = id;
    for (const auto& t : d.themes)
      if (t.id == id && !t.label.empty()) label = t.label;
    add(label);
  }
  for (const auto& id : a.goal_ids) {
    std::string text = id;
    for (const auto& g : d.goals)
      if (g.id == id && !g.text.empty()) text = g.text;
    add("Goal: " + text);
  }
  return out;
}

std::string latest_update(const sdiag::Action& a) {
  if (a.updates.empty()) return {};
  const auto& u = a.updates.back();
  std::string s;
  if (auto d = sdiag::dates::parse_iso(u.date)) s = sdiag::dates::uk_numeric(*d) + ": ";
  s += status_label(u.status);
  if (!u.comment.empty()) s += (u.status.empty() ? "" : ". ") + u.comment;
  if (!u.by.empty()) s += " (" + u.by + ")";
  return s;
}

std::vector<std::pair<std::string, std::string>> formulas(const sdiag::Action& a) {
  std::vector<std::pair<std::string, std::string>> out;
  auto j = parse_extra(a.extra, formulas_key);
  if (j.is_object())
    for (auto it = j.begin(); it != j.end(); ++it)
      if (it->is_string()) out.emplace_back(it.key(), it->get<std::string>());
  return out;
}

void set_formulas(sdiag::Action& a, const std::vector<std::pair<std::string, std::string>>& formulas) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  for (const auto& [column, formula] : formulas) j[column] = formula;
  if (j.empty())
    a.extra.erase(formulas_key);
  else
    a.extra[formulas_key] = j.dump();
}

}  // namespace sdiag::xlsx

#include <sdiag/textmatch/taxonomy.hpp>

#include <algorithm>
#include <stdexcept>

#include <sdiag/textmatch/data_file.hpp>
#include <sdiag/text.hpp>

namespace sdiag::textmatch {

void Taxonomy::load(const std::filesystem::path& file) {
  const auto j = read_data_file(file);
  if (!j.contains("themes") || !j["themes"].is_array())
    throw std::runtime_error(sdiag::text::display_path(file) + ": a taxonomy needs a list \"themes\"");
  std::size_t i = 0;
  for (const auto& e : j["themes"]) {
    const std::string where = sdiag::text::display_path(file) + ": themes[" + std::to_string(i++) + "]";
    auto text = [&](const char* field) {
      if (!e.is_object() || !e.contains(field) || !e[field].is_string() || e[field].get<std::string>().empty())
        throw std::runtime_error(where + ": each theme needs \"" + field + "\"");
      return e[field].get<std::string>();
    };
    TaxonomyTheme t{text("id"), text("name"), text("dimension"), strings_of(e, "triggers", where)};
    if (e.contains("with_term")) {
      if (!e["with_term"].is_string() || e["with_term"].get<std::string>().find("{term}") == std::string::npos)
        throw std::runtime_error(where + ": \"with_term\" should be the name with \"{term}\" in its slot");
      t.with_term = e["with_term"].get<std::string>();
    }
    if (t.triggers.empty()) throw std::runtime_error(where + ": theme '" + t.id + "' has no \"triggers\"");
    add(std::move(t));
  }
}

void Taxonomy::add(TaxonomyTheme theme) {
  auto same = std::find_if(themes_.begin(), themes_.end(), [&](const TaxonomyTheme& t) { return t.id == theme.id; });
  if (same != themes_.end()) *same = std::move(theme);
  else themes_.push_back(std::move(theme));
}

TaxonomyMatcher::TaxonomyMatcher(const Taxonomy& taxonomy, Analyser& analyser) {
  for (const auto& theme : taxonomy.themes()) {
    auto& list = triggers_.emplace_back();
    for (const auto& trigger : theme.triggers) {
      std::set<std::string> stems;
      for (const auto& t : analyser.analyse(trigger)) stems.insert(t.stem);
      if (!stems.empty()) list.push_back(std::move(stems));  // a trigger of stop words alone never matches
    }
  }
}

std::vector<std::size_t> TaxonomyMatcher::themes_of(const std::vector<Token>& note) const {
  std::set<std::string> have;
  for (const auto& t : note) have.insert(t.stem);
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < triggers_.size(); ++i) {
    bool hit = std::any_of(triggers_[i].begin(), triggers_[i].end(), [&](const std::set<std::string>& stems) {
      return std::includes(have.begin(), have.end(), stems.begin(), stems.end());
    });
    if (hit) out.push_back(i);
  }
  return out;
}

int TaxonomyMatcher::main_theme_of(const std::vector<Token>& note) const {
  std::set<std::string> have;
  for (const auto& t : note) have.insert(t.stem);
  std::size_t best = 0, second = 0;
  int which = -1;
  for (std::size_t i = 0; i < triggers_.size(); ++i) {
    std::size_t hits = 0;
    for (const auto& stems : triggers_[i]) hits += std::includes(have.begin(), have.end(), stems.begin(), stems.end());
    if (hits > best) second = best, best = hits, which = static_cast<int>(i);
    else if (hits > second) second = hits;
  }
  return best > second ? which : -1;
}

int TaxonomyMatcher::theme_of_group(const std::vector<const std::vector<Token>*>& notes, double share) const {
  std::vector<std::size_t> count(triggers_.size(), 0);
  for (const auto* n : notes)
    for (auto i : themes_of(*n)) ++count[i];
  std::size_t best = 0, second = 0;
  int which = -1;
  for (std::size_t i = 0; i < count.size(); ++i) {
    if (count[i] > best) {
      second = best;
      best = count[i];
      which = static_cast<int>(i);
    } else if (count[i] > second) {
      second = count[i];
    }
  }
  const double needed = share * static_cast<double>(notes.size());
  if (which < 0 || best < 2 || static_cast<double>(best) < needed || best == second) return -1;
  return which;
}

}  // namespace sdiag::textmatch

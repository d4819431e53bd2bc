#include "method_roles.hpp"

#include <sdiag/text.hpp>

namespace sdiag::d2i_report {

namespace {

// Words for comparing: normalised ("&" is "and", brackets and punctuation
// gone), plurals folded ("heads" is "head"), a leading "a"/"the"/"select" dropped.
std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  for (auto w : text::split(text::normalise_title(s), ' ')) {
    if (w.empty()) continue;
    if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
    out.push_back(w);
  }
  while (!out.empty() && (out.front() == "a" || out.front() == "an" || out.front() == "the" || out.front() == "select"))
    out.erase(out.begin());
  return out;
}

// Whether `phrase` appears in `words` as consecutive words.
bool contains(const std::vector<std::string>& words, const std::vector<std::string>& phrase) {
  if (phrase.empty() || phrase.size() > words.size()) return false;
  for (std::size_t i = 0; i + phrase.size() <= words.size(); ++i) {
    bool all = true;
    for (std::size_t j = 0; j < phrase.size() && all; ++j) all = words[i + j] == phrase[j];
    if (all) return true;
  }
  return false;
}

}  // namespace

bool holds_role(const Person& person, const Prompt& prompt) {
  const auto role = words_of(person.role), team = words_of(person.team);
  auto named = [&](const std::string& name) {
    const auto phrase = words_of(name);
    return contains(role, phrase) || contains(team, phrase);
  };
  if (named(prompt.title)) return true;
  for (const auto& alias : prompt.aliases)
    if (named(alias)) return true;
  return false;
}

std::vector<std::string> roles_nobody_present_holds(const Template& t, const std::vector<Person>& people,
                                                    const std::string& section) {
  std::vector<std::string> gaps;
  const Section* s = t.find_section(section);
  if (!s) return gaps;
  for (const auto& prompt : s->prompts) {
    bool covered = false;
    for (const auto& p : people) covered = covered || (p.present && holds_role(p, prompt));
    if (!covered) gaps.push_back(prompt.title);
  }
  return gaps;
}

}  // namespace sdiag::d2i_report

#include "redactor.hpp"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include <sdiag/extra_json.hpp>
#include <sdiag/text.hpp>

namespace sdiag::redact {

namespace {

std::string escaped(const std::string& literal) {
  std::string out;
  for (char c : literal) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

/// (?<!\w)(?:longest|...|shortest)(?!\w): whole words only, longest spelling first.
std::string any_of(std::set<std::string> words) {
  std::vector<std::string> list(words.begin(), words.end());
  std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::string alternatives;
  for (const auto& w : list) alternatives += (alternatives.empty() ? "" : "|") + escaped(w);
  return "(?<!\\w)(?:" + alternatives + ")(?!\\w)";
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s + " ") {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w += c;
    }
  }
  return out;
}

// Words that name what kind of council it is, not which one.
bool generic_council_word(const std::string& w) {
  static const std::set<std::string> generic{"council", "borough", "county", "city", "district", "metropolitan",
                                             "london", "royal", "of", "the", "and", "unitary", "north", "south",
                                             "east", "west", "upon", "on"};
  std::string lower = w;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return generic.count(lower) > 0 || w.size() < 3;
}

// A council's own words, lower case: "castlebrook" of "Castlebrook Borough Council".
std::set<std::string> distinctive_words(const std::string& name) {
  std::set<std::string> own;
  for (const auto& w : words_of(name))
    if (!generic_council_word(w)) own.insert(text::lower(w));
  return own;
}

// Only the ids the comparison lines themes up by survive: anything else a
// reader kept could hold a name.
void keep_taxonomy_only(Extra& extra) {
  Extra kept;
  for (const char* key : {"taxonomy_id", "taxonomy_dimension", "taxonomy_matched"})
    if (auto it = extra.find(key); it != extra.end()) kept.insert(*it);
  extra = std::move(kept);
}

}  // namespace

Redactor::Redactor(const Profile& profile, const Diagnostic& d, const std::string& council_label,
                   const std::vector<Council>& other_councils)
    : profile_(profile), council_label_(council_label) {
  // Contact details first: an e-mail address often holds a name, and must go whole.
  for (const auto& r : profile.patterns) rules_.push_back({r.kind, r.token, std::make_unique<Pattern>(r.pattern)});
  // People: names and their parts match as written or in capitals, multi-word
  // spellings in any case (a name is rarely also a phrase; "Mark" is a word).
  std::set<std::string> phrases, words;
  auto add = [&](const std::string& s) {
    if (s.size() < 2) return;
    if (s.find(' ') != std::string::npos) phrases.insert(s);
    else words.insert(s), words.insert(upper(s));
  };
  for (const auto& p : d.people) {
    add(p.name);
    for (const auto& part : words_of(p.name)) add(part);
    for (const auto& f : p.short_forms) add(f);
  }
  if (!phrases.empty()) rules_.push_back({"person", profile.person_token, std::make_unique<Pattern>(any_of(phrases), true)});
  if (!words.empty()) rules_.push_back({"person", profile.person_token, std::make_unique<Pattern>(any_of(words))});
  // The councils: each name (whole, and without its trailing "Council",
  // "Borough"...), then its distinctive words, in any case (web addresses write
  // them in lower case; a council named like a word, "Reading", costs that word
  // its readability, not the council its cover). A word two councils of the
  // comparison share ("Harrowfield" of North and of Vale) becomes "[COUNCIL]".
  if (profile.council_by_letter) {
    std::vector<Council> councils;
    if (!d.meta.organisation.empty()) councils.push_back({d.meta.organisation, council_label_});
    for (const auto& c : other_councils)
      if (!c.name.empty() && c.name != d.meta.organisation) councils.push_back(c);
    add_councils(councils);
  }
}

void Redactor::add_councils(const std::vector<Council>& councils) {
  if (councils.empty()) return;
  std::map<std::string, std::string> names, words;  // lower case -> label
  std::map<std::string, std::size_t> shared;
  for (const auto& c : councils)
    for (const auto& w : distinctive_words(c.name)) ++shared[w];
  for (const auto& c : councils) {  // the diagnostic's own council first: its words are its own
    auto parts = words_of(c.name);
    while (!parts.empty() && generic_council_word(parts.back())) parts.pop_back();
    std::string bare;
    for (const auto& w : parts) bare += (bare.empty() ? "" : " ") + w;
    names.emplace(text::lower(c.name), c.label);
    if (!bare.empty()) names.emplace(text::lower(bare), c.label);
    for (const auto& w : distinctive_words(c.name))
      words.emplace(w, &c == &councils.front() || shared[w] == 1 ? c.label : "[COUNCIL]");
  }
  // Names before words, so "North Harrowfield" goes whole before "Harrowfield" alone.
  for (auto* table : {&names, &words}) {
    std::set<std::string> keys;
    for (const auto& [k, label] : *table) keys.insert(k);
    rules_.push_back({"council", "[COUNCIL]", std::make_unique<Pattern>(any_of(keys), true), *table});
  }
}

std::string Redactor::text(std::string s) {
  for (const auto& r : rules_) {
    if (r.tokens.empty()) {
      count(r.kind, r.pattern->replace(s, r.token));
      continue;
    }
    count(r.kind, r.pattern->replace(s, [&r](std::string_view match) {
      auto it = r.tokens.find(text::lower(match));
      return it == r.tokens.end() ? r.token : it->second;
    }));
  }
  return s;
}

std::string Redactor::person(const std::string& who) {
  if (who.empty()) return who;
  count("person", 1);
  return profile_.person_token;
}

void Redactor::apply(Diagnostic& d) {
  const bool letter = profile_.council_by_letter;
  auto omitted = [&](const char* field) { return profile_.omit.count(field) > 0; };
  auto path = [&](std::string& p) {
    if (letter) p.clear();  // a file's path often names the council
  };

  d.meta.title = text(d.meta.title);
  d.meta.service = text(d.meta.service);
  d.meta.facilitator = person(d.meta.facilitator);
  if (letter && !d.meta.organisation.empty()) d.meta.organisation = council_label_, count("council", 1);
  for (auto& s : d.meta.sources) path(s.path);
  d.tmpl.title = text(d.tmpl.title);

  for (auto& p : d.people) {
    if (!p.name.empty()) p.name.clear(), count("person", 1);
    p.short_forms.clear();
    p.role = text(p.role);
    p.team = text(p.team);
    p.business_area = text(p.business_area);
    p.extra.clear();
  }
  for (auto& n : d.notes) {
    n.text = omitted("notes") ? std::string() : text(n.text);
    n.author = person(n.author);
    for (auto& t : n.tags) t = text(t);
    if (n.position) n.position->frame = text(n.position->frame);
    path(n.source.file);
    keep_taxonomy_only(n.extra);
  }
  for (auto& node : d.system_map.nodes) {
    node.label = text(node.label);
    node.capacity = text(node.capacity);
    node.extra.clear();
  }
  for (auto& e : d.system_map.edges) {
    e.label = text(e.label);
    e.extra.clear();
  }
  for (auto& t : d.themes) {
    t.label = text(t.label);
    for (auto& k : t.keywords) k = text(k);
    keep_taxonomy_only(t.extra);
  }
  for (auto& g : d.goals) {
    g.text = omitted("goals") ? std::string() : text(g.text);
    g.extra.clear();
  }
  for (auto& a : d.actions) {
    a.text = omitted("actions") ? std::string() : text(a.text);
    a.owner = text(a.owner);
    a.due_text = text(a.due_text);
    for (auto& u : a.updates) {
      u.comment = omitted("updates") ? std::string() : text(u.comment);
      u.by = person(u.by);
    }
    path(a.source.file);
    keep_taxonomy_only(a.extra);
  }
  if (omitted("narrative")) d.narrative.clear();
  for (auto& [section, markdown] : d.narrative) markdown = text(markdown);
  for (auto& f : d.findings) {
    f.message = text(f.message);
    f.location = text(f.location);
    path(f.source);
  }
  d.meta.extra.clear();
  d.extra.clear();

  nlohmann::json record{{"profile", profile_.name}, {"summary", profile_.summary},
                        {"omitted", std::vector<std::string>(profile_.omit.begin(), profile_.omit.end())},
                        {"counts", counts_}};
  d.meta.extra["redaction"] = record.dump();
}

}  // namespace sdiag::redact

#include "manual_themes.hpp"

#include <algorithm>
#include <map>

#include <sdiag/text.hpp>

namespace sdiag::cluster {

namespace {

bool is_default_frame_name(const std::string& frame) {
  auto t = text::lower(text::trim(frame));
  if (!t.starts_with("frame")) return false;
  auto rest = text::trim(t.substr(5));
  return rest.empty() || std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string theme_of_frame(const Template& tmpl, const std::string& frame) {
  std::string f = text::collapse_whitespace(frame);
  if (f.empty() || is_default_frame_name(f)) return "";
  for (std::string prefix : {"themes:", "theme:", "themes -", "theme -"}) {
    if (text::starts_with_ci(f, prefix)) {
      auto rest = text::trim(f.substr(prefix.size()));
      if (!rest.empty()) return rest;
    }
  }
  if (text::match_title(tmpl, f)) return "";
  return f;
}

std::string unique_id(const std::string& wanted, const std::set<std::string>& taken) {
  if (!taken.count(wanted)) return wanted;
  for (int k = 2;; ++k)
    if (auto id = wanted + "-" + std::to_string(k); !taken.count(id)) return id;
}

ManualPlacement place_manual(const Diagnostic& d, const std::vector<const Note*>& selected, bool use_tags,
                             bool use_frames, const Markers& markers) {
  ManualPlacement out;
  std::set<std::string> ids;
  std::map<std::string, std::size_t> by_label;  // normalised label -> theme index
  std::map<std::string, std::string> frame_labels;  // frame title -> theme label ("" for none)
  for (const auto& t : d.themes) {
    if (t.origin == "cluster") continue;  // recomputed on every run
    out.themes.push_back(t);
    ids.insert(t.id);
    by_label.emplace(text::normalise_title(t.label), out.themes.size() - 1);
    out.placed.insert(t.note_ids.begin(), t.note_ids.end());
  }
  out.kept = out.themes.size();

  auto add_to = [&](const std::string& label, const Note& n) {
    auto key = text::normalise_title(label);
    if (key.empty()) return;
    auto it = by_label.find(key);
    if (it == by_label.end()) {
      Theme t;
      t.id = unique_id("m-" + text::slug(label), ids);
      t.label = text::collapse_whitespace(label);
      t.origin = "manual";
      t.confidence = 1.0;
      t.example_note_id = n.id;
      ids.insert(t.id);
      out.themes.push_back(std::move(t));
      it = by_label.emplace(key, out.themes.size() - 1).first;
    }
    auto& members = out.themes[it->second].note_ids;
    if (std::find(members.begin(), members.end(), n.id) == members.end()) members.push_back(n.id);
    out.placed.insert(n.id);
  };
  for (const Note* n : selected) {
    if (out.placed.count(n->id)) continue;
    if (use_tags)
      for (const auto& tag : n->tags)
        if (!markers.is_marker(tag)) add_to(tag, *n);
    // A note sdiag could not place sits in a frame that is no section ("Morning"
    // around the sections): that frame says where it is, not what it is about.
    if (use_frames && n->position && n->section != unsorted_section) {
      // Many notes share a frame: its title is matched against the template once.
      auto [it, fresh] = frame_labels.try_emplace(n->position->frame);
      if (fresh) it->second = theme_of_frame(d.tmpl, n->position->frame);
      const auto& label = it->second;
      if (!label.empty()) add_to(label, *n);
    }
  }
  return out;
}

}  // namespace sdiag::cluster

#include "placement.hpp"

#include <algorithm>
#include <optional>

#include <sdiag/text.hpp>

namespace sdiag::ms_whiteboard {

namespace {

struct Title {
  const Object* object;
  std::string section, prompt;
};

/// An area: a shape or grid that holds at least one note, with the title that names it.
struct Area {
  const Object* object;
  std::optional<Title> title;
};

std::optional<Title> names_template(const Object& o, const sdiag::Template& t) {
  if (o.text.empty() || o.text.size() > 120) return std::nullopt;  // a title is a line, not a paragraph
  auto m = text::match_title(t, o.text);
  if (!m) return std::nullopt;
  return Title{&o, m->section, m->prompt};
}

bool holds_centre(const Box& outer, const Box& inner) { return outer.holds(inner.centre_x(), inner.centre_y()); }

// A heading's column ends at a gap taller than a default note (305 canvas px).
constexpr double max_gap = 320;

}  // namespace

Placement place_notes(const ExportPage& page, const sdiag::Template& t) {
  std::vector<const Object*> notes;
  for (const auto& o : page.objects)
    if (o.kind == Object::Kind::note) notes.push_back(&o);

  // Areas: shapes and grids with notes on them, titled by their own text or by
  // a title just above or in the top of them.
  std::vector<Area> areas;
  std::vector<const Object*> used_as_title;
  std::vector<Title> headings;
  for (const auto& o : page.objects) {
    if (o.kind != Object::Kind::shape && o.kind != Object::Kind::grid) continue;
    bool holds = false;
    for (const auto* n : notes) holds = holds || (n != &o && holds_centre(o.box, n->box) && n->box.area() < o.box.area());
    if (!holds) continue;
    Area a{&o, names_template(o, t)};
    if (!a.title)
      for (const auto& h : page.objects) {
        if (h.kind != Object::Kind::text) continue;
        const bool on_top = h.box.centre_y() >= o.box.top - 150 && h.box.centre_y() <= o.box.top + o.box.height() * 0.2 &&
                            h.box.centre_x() >= o.box.left && h.box.centre_x() <= o.box.right;
        if (on_top)
          if (auto title = names_template(h, t); title && !title->section.empty()) {
            a.title = title;
            break;
          }
      }
    if (a.title) used_as_title.push_back(a.title->object);
    areas.push_back(a);
  }
  // Headings: texts, and shapes holding no notes, that name a section or prompt.
  for (const auto& o : page.objects) {
    if (o.kind != Object::Kind::text && o.kind != Object::Kind::shape) continue;
    if (std::find(used_as_title.begin(), used_as_title.end(), &o) != used_as_title.end()) continue;
    bool is_area = false;
    for (const auto& a : areas) is_area = is_area || a.object == &o;
    if (is_area) continue;
    if (auto title = names_template(o, t)) headings.push_back(*title);
  }

  Placement out;
  out.titles = used_as_title.size() + headings.size();
  auto is_title = [&](const Object* o) {
    if (std::find(used_as_title.begin(), used_as_title.end(), o) != used_as_title.end()) return true;
    for (const auto& h : headings)
      if (h.object == o) return true;
    for (const auto& a : areas)
      if (a.object == o && a.title && a.title->object == o) return true;
    return false;
  };
  // What people wrote: notes, and text boxes or shapes that are not titles or areas.
  std::vector<const Object*> written;
  for (const auto& o : page.objects) {
    if (o.text.empty() || o.kind == Object::Kind::grid || is_title(&o)) continue;
    bool is_area = false;
    for (const auto& a : areas) is_area = is_area || a.object == &o;
    if (!is_area) written.push_back(&o);
  }

  // What each heading heads: the writing stacked below it in its column, each
  // piece no further below the one above than a note is tall. A wide gap ends it.
  std::vector<std::vector<const Object*>> reach(headings.size());
  for (std::size_t i = 0; i < headings.size(); ++i) {
    const Box& hb = headings[i].object->box;
    std::vector<const Object*> column;
    for (const auto* w : written) {
      const double slack = w->box.width() / 2, x = w->box.centre_x();
      if (w->box.centre_y() > hb.centre_y() && x >= hb.left - slack && x <= hb.right + slack) column.push_back(w);
    }
    std::sort(column.begin(), column.end(), [](const Object* a, const Object* b) { return a->box.top < b->box.top; });
    double bottom = hb.bottom;
    for (const auto* w : column) {
      if (w->box.top - bottom > max_gap) break;
      reach[i].push_back(w);
      bottom = std::max(bottom, w->box.bottom);
    }
  }

  for (const auto* w : written) {
    Placed p{w, "", "", ""};
    const double x = w->box.centre_x(), y = w->box.centre_y();
    // The innermost titled area around it gives the section (and a prompt when its title is one).
    const Area* best = nullptr;
    for (const auto& a : areas)
      if (a.title && a.object != w && a.object->box.holds(x, y) && (!best || a.object->box.area() < best->object->box.area()))
        best = &a;
    const Box* within = nullptr;
    if (best) {
      p.section = best->title->section;
      p.prompt = best->title->prompt;
      p.area = best->title->object->text;
      within = &best->object->box;
    }
    // The nearest heading above whose column reaches it (in its area, when it has one)
    // gives the prompt, or the section.
    if (p.prompt.empty()) {
      const Title* above = nullptr;
      double nearest = 1e300;
      for (std::size_t i = 0; i < headings.size(); ++i) {
        const auto& h = headings[i];
        if (std::find(reach[i].begin(), reach[i].end(), w) == reach[i].end()) continue;
        if (within && !within->holds(h.object->box.centre_x(), h.object->box.centre_y())) continue;
        if (!p.section.empty() && h.section != p.section) continue;
        const double distance = y - h.object->box.centre_y();
        if (distance < nearest) nearest = distance, above = &h;
      }
      if (above) {
        if (p.section.empty()) p.area = above->object->text;
        p.section = above->section;
        if (!above->prompt.empty()) {
          p.prompt = above->prompt;
          p.area = above->object->text;
        }
      }
    }
    out.notes.push_back(p);
  }
  return out;
}

}  // namespace sdiag::ms_whiteboard

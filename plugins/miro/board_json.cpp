// Reading the three Miro export shapes into a Board with nlohmann-json.
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

#include <sdiag/limits.hpp>
#include <sdiag/plugin.hpp>

#include "board.hpp"

namespace sdiag::miro {

namespace {

using json = nlohmann::json;

// An id as text. Tools that wrote ids as JSON numbers keep them exact only
// as integers (nlohmann reads them as 64-bit unsigned, never via double).
std::string id_of(const json& v, Board& b, const std::string& where) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  if (v.is_number_float()) {
    b.problems.push_back({sdiag::Severity::warning, where,
                          "an id was written as a non-integer number and may have lost digits; export the board "
                          "again with ids as strings"});
    return v.dump();
  }
  return {};
}

const json* member(const json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

std::string text_of(const json& obj, const char* key) {
  const json* v = member(obj, key);
  if (!v) return {};
  if (v->is_string()) return v->get<std::string>();
  if (v->is_number() || v->is_boolean()) return v->dump();
  return {};
}

// Miro writes some numbers as strings ("14", "2.0"); both are accepted.
bool number_of(const json& obj, const char* key, double& out) {
  const json* v = member(obj, key);
  if (!v) return false;
  if (v->is_number()) {
    out = v->get<double>();
  } else if (v->is_string()) {
    const auto& s = v->get_ref<const std::string&>();
    auto r = std::from_chars(s.data(), s.data() + s.size(), out);
    if (r.ec != std::errc()) return false;
  } else {
    return false;
  }
  return std::isfinite(out);
}

std::string where_of(const std::string& id, const std::string& list, std::size_t index) {
  return id.empty() ? list + "[" + std::to_string(index) + "]" : id;
}

/// The id of an item or connector; an empty one is a problem ("an item has no id; skipped").
std::string id_or_problem(const json& j, Board& b, const std::string& list, std::size_t index, const char* what) {
  auto id = member(j, "id") ? id_of(j["id"], b, where_of("", list, index)) : "";
  if (id.empty()) b.problems.push_back({sdiag::Severity::warning, where_of(id, list, index), std::string(what) + " has no id; skipped"});
  return id;
}

void read_item(const json& j, bool flat, Board& b, const std::string& list, std::size_t index) {
  Item it;
  it.id = id_or_problem(j, b, list, index, "an item");
  if (it.id.empty()) return;
  auto where = it.id;
  it.type = text_of(j, "type");
  const json* data = flat ? &j : member(j, "data");
  it.has_data = data && data->is_object();
  if (it.has_data) {
    it.content = text_of(*data, "content");
    if (it.content.empty()) it.content = text_of(*data, "title");
    it.description = text_of(*data, "description");
    it.assignee_id = text_of(*data, "assigneeId");
    if (const json* a = member(*data, "assigneeId"); a && !a->is_string()) it.assignee_id = id_of(*a, b, where);
    // The Web SDK writes {"assignee": {"userId": ...}}.
    if (const json* a = member(*data, "assignee"); it.assignee_id.empty() && a && a->is_object())
      if (const json* user = member(*a, "userId")) it.assignee_id = id_of(*user, b, where);
    it.due_date = text_of(*data, "dueDate");
  }
  if (const json* style = member(j, "style"); style && style->is_object()) {
    it.colour = text_of(*style, "fillColor");
    if (it.colour.empty()) it.colour = text_of(*style, "cardTheme");
  }
  const json* pos = flat ? &j : member(j, "position");
  if (pos && pos->is_object()) {
    it.has_position = number_of(*pos, "x", it.x) && number_of(*pos, "y", it.y);
    it.relative_to_parent = text_of(*pos, "relativeTo") == "parent_top_left";
  }
  const json* geometry = flat ? &j : member(j, "geometry");
  if (geometry && geometry->is_object()) {
    number_of(*geometry, "width", it.width);
    number_of(*geometry, "height", it.height);
  }
  if (const json* parent = member(j, flat ? "parentId" : "parent")) {
    const json& pid = parent->is_object() && parent->contains("id") ? (*parent)["id"] : *parent;
    it.parent_id = id_of(pid, b, where);
  }
  it.created_at = text_of(j, "createdAt");
  if (const json* by = member(j, "createdBy"))
    it.created_by = id_of(by->is_object() && by->contains("id") ? (*by)["id"] : *by, b, where);
  if (const json* tags = member(j, "tagIds"); tags && tags->is_array())
    for (const auto& t : *tags)
      if (auto tid = id_of(t, b, where); !tid.empty()) it.tag_ids.push_back(tid);
  b.items.push_back(std::move(it));
}

std::string end_id(const json& j, const char* rest_key, const char* sdk_key, Board& b, const std::string& where) {
  const json* end = member(j, rest_key);
  if (!end) end = member(j, sdk_key);
  if (!end || !end->is_object()) return {};
  if (const json* id = member(*end, "id")) return id_of(*id, b, where);
  if (const json* id = member(*end, "item")) return id_of(*id, b, where);
  return {};
}

void read_connector(const json& j, Board& b, const std::string& list, std::size_t index) {
  Connector c;
  c.id = id_or_problem(j, b, list, index, "a connector");
  if (c.id.empty()) return;
  auto where = c.id;
  c.start_id = end_id(j, "startItem", "start", b, where);
  c.end_id = end_id(j, "endItem", "end", b, where);
  if (const json* style = member(j, "style"); style && style->is_object()) {
    if (auto cap = text_of(*style, "startStrokeCap"); !cap.empty()) c.start_cap = cap;
    if (auto cap = text_of(*style, "endStrokeCap"); !cap.empty()) c.end_cap = cap;
    c.stroke_colour = text_of(*style, "strokeColor");
  }
  if (const json* captions = member(j, "captions"); captions && captions->is_array())
    for (const auto& cap : *captions) {
      auto content = text_of(cap, "content");
      if (content.empty()) continue;
      c.caption += (c.caption.empty() ? "" : "<br>") + content;
    }
  b.connectors.push_back(std::move(c));
}

void read_tag(const json& j, Board& b, const std::string& list, std::size_t index) {
  auto id = member(j, "id") ? id_of(j["id"], b, where_of("", list, index)) : "";
  auto title = text_of(j, "title");
  if (id.empty() || title.empty()) {
    b.problems.push_back({sdiag::Severity::info, where_of(id, list, index), "a tag without id or title; skipped"});
    return;
  }
  b.tag_titles[id] = title;
}

void read_member(const json& j, Board& b, const std::string& list, std::size_t index) {
  auto id = member(j, "id") ? id_of(j["id"], b, where_of("", list, index)) : "";
  auto name = text_of(j, "name");
  if (!id.empty() && !name.empty()) b.member_names[id] = name;
  if (auto role = text_of(j, "role"); !id.empty() && !role.empty()) b.member_roles[id] = role;
}

enum class Kind { item, connector, tag, member };

// A list element, placed by its `type` when the list could hold anything.
void read_element(const json& j, Kind hint, bool by_type, bool flat, Board& b, const std::string& list,
                  std::size_t index) {
  if (!j.is_object()) {
    b.problems.push_back({sdiag::Severity::warning, list + "[" + std::to_string(index) + "]",
                          "an entry is not a JSON object; skipped"});
    return;
  }
  Kind kind = hint;
  if (by_type) {
    auto type = text_of(j, "type");
    kind = type == "connector" ? Kind::connector
           : type == "tag"     ? Kind::tag
           : type == "board_member" || (type == "user" && !j.contains("position") && !j.contains("x")) ? Kind::member
                                                                                                        : Kind::item;
  }
  switch (kind) {
    case Kind::item: read_item(j, flat, b, list, index); break;
    case Kind::connector: read_connector(j, b, list, index); break;
    case Kind::tag: read_tag(j, b, list, index); break;
    case Kind::member: read_member(j, b, list, index); break;
  }
}

bool is_page(const json& j) { return j.is_object() && j.contains("data") && j["data"].is_array(); }

// A list in a whole-board dump: normally the concatenated pages' entries,
// but a tool may have kept the pages themselves.
void read_list(const json& dump, const char* key, Kind kind, Board& b) {
  const json* list = member(dump, key);
  if (!list) return;
  if (is_page(*list)) list = &(*list)["data"];
  if (!list->is_array()) {
    b.problems.push_back({sdiag::Severity::error, key, std::string("'") + key + "' should be a list; it was ignored"});
    return;
  }
  std::size_t index = 0;
  for (const auto& e : *list) {
    if (is_page(e)) {
      for (const auto& inner : e["data"]) read_element(inner, kind, false, false, b, key, index++);
    } else {
      read_element(e, kind, false, false, b, key, index++);
    }
  }
}

void read_items_by_tag(const json& dump, Board& b) {
  const json* by_tag = member(dump, "itemsByTag");
  if (!by_tag) return;
  if (!by_tag->is_object()) {
    b.problems.push_back({sdiag::Severity::error, "itemsByTag", "'itemsByTag' should map tag ids to item ids; ignored"});
    return;
  }
  std::map<std::string, std::vector<std::string>> tags_of;
  for (auto it = by_tag->begin(); it != by_tag->end(); ++it) {
    if (!it->is_array()) {
      b.problems.push_back({sdiag::Severity::warning, "itemsByTag." + it.key(), "should be a list of item ids; ignored"});
      continue;
    }
    for (const auto& id : *it)
      if (auto item = id_of(id, b, "itemsByTag." + it.key()); !item.empty()) tags_of[item].push_back(it.key());
  }
  for (auto& item : b.items)
    if (auto f = tags_of.find(item.id); f != tags_of.end())
      for (const auto& t : f->second)
        if (std::find(item.tag_ids.begin(), item.tag_ids.end(), t) == item.tag_ids.end()) item.tag_ids.push_back(t);
}

json parse_limited(std::string_view text) {
  // The depth is checked by a linear scan first: a parser callback would cost
  // a std::function call per JSON value of a board of tens of megabytes.
  sdiag::limits::check_json_depth(text);
  try {
    return json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    // nlohmann's byte offset is the most useful location we have.
    std::string message = e.what();
    if (auto pos = message.find("] "); pos != std::string::npos) message = message.substr(pos + 2);
    throw sdiag::InputError("not valid JSON (" + message + "); is the export complete?", "byte " + std::to_string(e.byte));
  }
}

std::size_t count_in(std::string_view s, std::string_view what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string_view::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

int sniff_board(std::string_view bytes) {
  auto head = bytes.substr(0, 8192);
  auto first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string_view::npos || (head[first] != '{' && head[first] != '[')) return 0;
  if (head.find("\"sdiag/") != std::string_view::npos && head.find("\"schema\"") != std::string_view::npos) return 0;
  bool miro_types = head.find("\"sticky_note\"") != std::string_view::npos ||
                    head.find("\"frame\"") != std::string_view::npos || head.find("\"card\"") != std::string_view::npos ||
                    head.find("\"connector\"") != std::string_view::npos;
  if (head.find("\"itemsByTag\"") != std::string_view::npos || head.find("\"exportedAt\"") != std::string_view::npos)
    return 95;
  if (head.find("\"data\"") != std::string_view::npos &&
      (head.find("\"cursor\"") != std::string_view::npos || head.find("cursor-list") != std::string_view::npos))
    return miro_types ? 90 : 60;
  if (head[first] == '[' && miro_types &&
      (head.find("\"parentId\"") != std::string_view::npos || head.find("\"tagIds\"") != std::string_view::npos ||
       count_in(head, "\"type\"") > 1))
    return 80;
  if (head[first] == '{' && head.find("\"items\"") != std::string_view::npos && miro_types) return 85;
  return 0;
}

Board parse_board(std::string_view text) {
  json root = parse_limited(text);
  Board b;
  if (root.is_object() && (root.contains("items") || root.contains("connectors"))) {
    b.format = "board dump";
    if (const json* board = member(root, "board")) {
      b.name = text_of(*board, "name");
      b.description = text_of(*board, "description");
      b.created_at = text_of(*board, "createdAt");
      if (const json* team = member(*board, "team")) b.team = text_of(*team, "name");
    }
    // {"export": {"exportedAt"}}, or {"exportedAt"} at the top as some dump scripts write it.
    b.exported_at = text_of(root, "exportedAt");
    if (const json* e = member(root, "export"); e && b.exported_at.empty()) b.exported_at = text_of(*e, "exportedAt");
    read_list(root, "items", Kind::item, b);
    read_list(root, "connectors", Kind::connector, b);
    read_list(root, "tags", Kind::tag, b);
    read_list(root, "members", Kind::member, b);
    read_items_by_tag(root, b);
  } else if (is_page(root) || (root.is_array() && !root.empty() && std::all_of(root.begin(), root.end(), is_page))) {
    b.format = "REST pages";
    std::vector<const json*> pages;
    if (root.is_array())
      for (const auto& p : root) pages.push_back(&p);
    else
      pages.push_back(&root);
    std::size_t index = 0;
    for (const auto* p : pages)
      for (const auto& e : (*p)["data"]) read_element(e, Kind::item, true, false, b, "data", index++);
  } else if (root.is_array()) {
    b.format = "Web SDK array";
    std::size_t index = 0;
    for (const auto& e : root) read_element(e, Kind::item, true, true, b, "item", index++);
  } else {
    throw sdiag::InputError(
        "not a Miro board export: expected a board dump {items, connectors, tags, ...}, a REST page {data, cursor} "
        "or a list of board items");
  }
  return b;
}

}  // namespace sdiag::miro

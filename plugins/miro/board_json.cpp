// Reading the three Miro export shapes into a Board with nlohmann-json.
#include <array>
#include <charconv>
#include <iterator>
#include <cmath>

#include <nlohmann/json.hpp>

#include <sdiag/limits.hpp>
#include <sdiag/plugin.hpp>

#include "board.hpp"
#include "json_stream.hpp"

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

// The lists a board's bulk comes in, read an element at a time as the text is
// parsed (see json_stream.hpp). A whole-board dump has four, each either a
// list, a page {data: [...]} or a list of pages; REST results are a page or a
// list of pages; the Web SDK's is a list of items.
constexpr std::array<const char*, 4> kDumpLists = {"items", "connectors", "tags", "members"};
constexpr Kind kDumpKinds[] = {Kind::item, Kind::connector, Kind::tag, Kind::member};
constexpr int kPageData = 4;   // a REST page's "data" at the top
constexpr int kArrayItem = 5;  // an element of a list at the top: a Web SDK item or a REST page
constexpr int kArrayPage = 6;  // the "data" of a REST page in a list at the top

int list_at(const std::vector<JsonStep>& path) {
  auto is_key = [&](std::size_t i, std::string_view k) { return !path[i].element && path[i].key == k; };
  if (path.empty()) return kArrayItem;  // the text is a list
  if (path[0].element) return path.size() == 2 && is_key(1, "data") ? kArrayPage : -1;
  if (path.size() == 1 && is_key(0, "data")) return kPageData;
  for (int list = 0; list < static_cast<int>(kDumpLists.size()); ++list) {
    if (!is_key(0, kDumpLists[list])) continue;
    if (path.size() == 1) return list;
    if (path.size() == 2 && is_key(1, "data")) return list;  // the list is a page
    if (path.size() == 3 && path[1].element && is_key(2, "data")) return list;  // a list of pages
  }
  return -1;
}

// What the lists held, read as they went by.
struct Streamed {
  Board dump;  ///< a whole-board dump's lists
  std::array<std::vector<Problem>, kDumpLists.size()> dump_problems;
  std::array<std::size_t, kDumpLists.size()> dump_index{};
  Board listed;  ///< a REST page's data, or a list at the top
  std::size_t data_index = 0, item_index = 0, pages = 0, items = 0;

  void take(int list, const json& e) {
    if (list < static_cast<int>(kDumpLists.size())) {
      if (is_page(e)) return;  // its data went by as elements of the same list
      auto before = dump.problems.size();
      read_element(e, kDumpKinds[list], false, false, dump, kDumpLists[list], dump_index[list]++);
      auto& kept = dump_problems[list];
      std::move(dump.problems.begin() + static_cast<std::ptrdiff_t>(before), dump.problems.end(), std::back_inserter(kept));
      dump.problems.resize(before);
    } else if (list == kArrayItem && is_page(e)) {
      ++pages;  // its data went by already
    } else if (list == kArrayItem) {
      ++items;
      read_element(e, Kind::item, true, true, listed, "item", item_index++);
    } else {
      read_element(e, Kind::item, true, false, listed, "data", data_index++);
    }
  }
};

// Whether a dump's list, left empty in the document after streaming, had a usable shape.
void check_list_shape(const json& dump, const char* key, Board& b) {
  const json* list = member(dump, key);
  if (!list || list->is_array() || is_page(*list)) return;
  b.problems.push_back({sdiag::Severity::error, key, std::string("'") + key + "' should be a list; it was ignored"});
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
  // The depth is checked by a linear scan first: a parser callback would cost
  // a std::function call per JSON value of a board of tens of megabytes.
  sdiag::limits::check_json_depth(text);
  Streamed lists;
  const json root = parse_streaming(text, list_at, [&](int list, json&& e) { lists.take(list, e); });
  Board b;
  if (root.is_object() && (root.contains("items") || root.contains("connectors"))) {
    b = std::move(lists.dump);
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
    for (std::size_t list = 0; list < kDumpLists.size(); ++list) {
      check_list_shape(root, kDumpLists[list], b);
      std::move(lists.dump_problems[list].begin(), lists.dump_problems[list].end(), std::back_inserter(b.problems));
    }
    read_items_by_tag(root, b);
  } else if (is_page(root) || (root.is_array() && lists.pages > 0 && lists.items == 0)) {
    b = std::move(lists.listed);
    b.format = "REST pages";
  } else if (root.is_array()) {
    b = std::move(lists.listed);
    b.format = "Web SDK array";
  } else {
    throw sdiag::InputError(
        "not a Miro board export: expected a board dump {items, connectors, tags, ...}, a REST page {data, cursor} "
        "or a list of board items");
  }
  return b;
}

}  // namespace sdiag::miro

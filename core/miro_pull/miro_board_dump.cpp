#include "miro_board_dump.hpp"

#include <set>

#include <Poco/URI.h>

namespace sdiag::core::miro {

namespace {

using json = nlohmann::ordered_json;

constexpr int page_limit = 50;      // the most Miro gives per page on every list used here
constexpr int max_pages = 20000;    // a million entries: far beyond any real board, short of looping forever

std::string encoded(const std::string& text) {
  std::string out;
  Poco::URI::encode(text, "!#$&'()*+,/:;=?@[]", out);
  return out;
}

// The `data` list of a page, checked: anything else is not Miro's API.
const json& page_data(const json& page, const std::string& what) {
  if (!page.is_object() || !page.contains("data") || !page["data"].is_array())
    throw PullError("Miro's answer for " + what + " has no 'data' list; is --base-url the Miro REST API?", 1);
  return page["data"];
}

void append(json& all, const json& data, std::size_t& count) {
  for (const auto& e : data) all.push_back(e);
  count += data.size();
}

// /items and /connectors: follow `cursor` until a page comes without one.
json cursor_pages(Client& client, const std::string& path, const std::string& list, const Progress& progress) {
  json all = json::array();
  std::size_t count = 0;
  std::set<std::string> seen;
  std::string cursor;
  for (int page = 0; page < max_pages; ++page) {
    std::string what = "the board's " + list;
    auto body = client.get(path + "?limit=" + std::to_string(page_limit) + (cursor.empty() ? "" : "&cursor=" + encoded(cursor)),
                           what);
    append(all, page_data(body, what), count);
    if (progress) progress(list, count);
    auto next = body.find("cursor");
    if (next == body.end() || !next->is_string() || next->get<std::string>().empty()) return all;
    cursor = next->get<std::string>();
    if (!seen.insert(cursor).second)
      throw PullError("Miro gave the same page cursor twice for " + what + "; stopped rather than loop", 1);
  }
  throw PullError("the board's " + list + " run to more than " + std::to_string(max_pages) + " pages; stopped", 1);
}

// /tags, /members and items per tag: step `offset` until `total` is reached
// (or, without a total, until a short or empty page).
json offset_pages(Client& client, const std::string& path, const std::string& query, const std::string& what,
                  const std::string& list, const Progress& progress) {
  json all = json::array();
  std::size_t count = 0;
  for (int page = 0; page < max_pages; ++page) {
    auto body = client.get(path + "?" + query + "limit=" + std::to_string(page_limit) + "&offset=" + std::to_string(count),
                           what);
    const json& data = page_data(body, what);
    append(all, data, count);
    if (progress && !list.empty()) progress(list, count);
    if (data.empty()) return all;
    auto total = body.find("total");
    if (total != body.end() && total->is_number_integer()) {
      if (count >= total->get<std::uint64_t>()) return all;
    } else if (data.size() < static_cast<std::size_t>(page_limit)) {
      return all;
    }
  }
  throw PullError(what + " run to more than " + std::to_string(max_pages) + " pages; stopped", 1);
}

// Ids are strings in Miro's JSON; an integer is turned into its exact digits
// (nlohmann keeps integers as 64-bit, never as double).
std::string id_text(const json& entry) {
  if (!entry.is_object()) return {};
  auto id = entry.find("id");
  if (id == entry.end()) return {};
  if (id->is_string()) return id->get<std::string>();
  if (id->is_number_unsigned()) return std::to_string(id->get<std::uint64_t>());
  if (id->is_number_integer()) return std::to_string(id->get<std::int64_t>());
  return {};
}

}  // namespace

std::string board_id_from_argument(const std::string& argument) {
  std::string id = argument;
  static const std::string marker = "/app/board/";
  if (auto at = id.find(marker); at != std::string::npos) {
    id = id.substr(at + marker.size());
    id = id.substr(0, id.find_first_of("/?#"));
    std::string decoded;
    Poco::URI::decode(id, decoded);
    id = decoded;
  }
  bool bad = id.empty() || id.size() > 200;
  for (unsigned char c : id) bad = bad || c <= ' ' || c == 0x7f || c == '/' || c == '?' || c == '#';
  if (bad)
    throw PullError("'" + argument + "' is not a Miro board id; give the part after /app/board/ in the board's "
                    "address, e.g. uXjVKcBq7xM=",
                    2);
  return id;
}

json pull_board_dump(Client& client, const std::string& board_id, const std::string& exported_at,
                     const Progress& progress) {
  const std::string board = "/v2/boards/" + encoded(board_id);
  json dump = json::object();
  dump["exportedAt"] = exported_at;
  dump["board"] = client.get(board, "board " + board_id);
  if (!dump["board"].is_object()) throw PullError("Miro's answer for board " + board_id + " is not an object", 1);
  dump["members"] = offset_pages(client, board + "/members", "", "the board's members", "members", progress);
  dump["items"] = cursor_pages(client, board + "/items", "items", progress);
  dump["connectors"] = cursor_pages(client, board + "/connectors", "connectors", progress);
  dump["tags"] = offset_pages(client, board + "/tags", "", "the board's tags", "tags", progress);

  // The REST API gives tag membership only per tag (items have no tagIds).
  json by_tag = json::object();
  std::size_t tagged = 0;
  for (const auto& tag : dump["tags"]) {
    std::string tag_id = id_text(tag);
    if (tag_id.empty()) continue;
    auto items = offset_pages(client, board + "/items", "tag_id=" + encoded(tag_id) + "&",
                              "the items with tag " + tag_id, "", nullptr);
    json ids = json::array();
    for (const auto& item : items)
      if (auto id = id_text(item); !id.empty()) ids.push_back(id);
    tagged += ids.size();
    by_tag[tag_id] = std::move(ids);
    if (progress) progress("tagged items", tagged);
  }
  dump["itemsByTag"] = std::move(by_tag);
  return dump;
}

}  // namespace sdiag::core::miro

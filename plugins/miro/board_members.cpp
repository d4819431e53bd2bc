#include "board_members.hpp"

#include <map>

#include <sdiag/extra_json.hpp>

namespace sdiag::miro {

void record_members(const Board& board, const std::string& file, sdiag::Diagnostic& into, sdiag::Context& ctx) {
  // What each member created that holds words; frames and connectors are the layout, not what was said.
  std::map<std::string, std::size_t> written;
  for (const auto& item : board.items)
    if (item.type == "sticky_note" || item.type == "card" || item.type == "text" || item.type == "shape")
      if (!item.created_by.empty() && !item.content.empty()) ++written[item.created_by];
  std::size_t added = 0;
  for (const auto& [id, name] : board.member_names) {
    if (name.empty()) continue;
    sdiag::Person p;
    p.id = "member-" + id;
    p.name = name;
    p.present = written.count(id) > 0;  // what they wrote says they came; the people analysis decides the rest
    p.extra["source"] = sdiag::extra_json("board member");
    p.extra["user_id"] = sdiag::extra_json(id);
    p.extra["wrote"] = written.count(id) ? "true" : "false";
    if (auto role = board.member_roles.find(id); role != board.member_roles.end())
      p.extra["board_role"] = sdiag::extra_json(role->second);
    into.people.push_back(std::move(p));
    ++added;
  }
  if (added)
    ctx.finding(sdiag::Severity::info, file, "members",
                std::to_string(added) + " board members recorded as people; the people analysis joins them to the names on the board");
}

}  // namespace sdiag::miro

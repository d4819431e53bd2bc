#include "miro_token.hpp"

#include <cstdlib>

#include "miro_endpoint.hpp"

namespace sdiag::core::miro {

std::string token_from_environment() {
  const char* raw = std::getenv("MIRO_TOKEN");
  std::string token = raw ? raw : "";
  const char* space = " \t\r\n";
  auto first = token.find_first_not_of(space);
  token = first == std::string::npos ? "" : token.substr(first, token.find_last_not_of(space) - first + 1);
  if (token.empty())
    throw PullError("set MIRO_TOKEN to a Miro access token with boards:read (it is read from the environment only, "
                    "never from the command line)",
                    2);
  for (unsigned char c : token)
    if (c <= ' ' || c == 0x7f)
      throw PullError("MIRO_TOKEN contains spaces or control characters; set it to the access token alone", 2);
  return token;
}

std::string redact(std::string text, const std::string& token) {
  if (token.empty()) return text;
  static const std::string mask = "[MIRO_TOKEN]";
  for (auto at = text.find(token); at != std::string::npos; at = text.find(token, at + mask.size()))
    text.replace(at, token.size(), mask);
  return text;
}

void redact(nlohmann::ordered_json& j, const std::string& token) {
  if (j.is_string()) {
    auto& s = j.get_ref<std::string&>();
    if (s.find(token) != std::string::npos) s = redact(std::move(s), token);
  } else if (j.is_array()) {
    for (auto& e : j) redact(e, token);
  } else if (j.is_object()) {
    bool key_has_token = false;
    for (auto it = j.begin(); it != j.end(); ++it) {
      redact(it.value(), token);
      key_has_token = key_has_token || it.key().find(token) != std::string::npos;
    }
    if (key_has_token) {  // rare: rebuild the object with clean keys, order kept
      nlohmann::ordered_json clean = nlohmann::ordered_json::object();
      for (auto it = j.begin(); it != j.end(); ++it) clean[redact(it.key(), token)] = std::move(it.value());
      j = std::move(clean);
    }
  }
}

}  // namespace sdiag::core::miro

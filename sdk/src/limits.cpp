#include <sdiag/limits.hpp>

#include <sdiag/plugin.hpp>

namespace sdiag::limits {

void check_json_depth(std::string_view json) {
  int depth = 0;
  std::size_t line = 1;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') ++i;  // the escaped character cannot end the string
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > max_json_depth)
        throw InputError("the JSON is nested more than " + std::to_string(max_json_depth) +
                             " levels deep (the limit); not read",
                         "line " + std::to_string(line));
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

void check_xml_depth(std::string_view xml, const std::string& part) {
  auto skip_past = [&](std::size_t from, std::string_view end) {
    auto at = xml.find(end, from);
    return at == std::string_view::npos ? xml.size() : at + end.size();
  };
  int depth = 0;
  std::size_t i = 0;
  while ((i = xml.find('<', i)) != std::string_view::npos) {
    auto rest = xml.substr(i);
    if (rest.starts_with("<!--")) { i = skip_past(i + 4, "-->"); continue; }
    if (rest.starts_with("<![CDATA[")) { i = skip_past(i + 9, "]]>"); continue; }
    if (rest.starts_with("<?")) { i = skip_past(i + 2, "?>"); continue; }
    if (rest.starts_with("</")) {
      if (depth > 0) --depth;
      i = skip_past(i + 2, ">");
      continue;
    }
    // A start tag (or a DOCTYPE, which the readers refuse anyway): find its
    // end outside quoted attribute values; "/>" closes it at once.
    char quote = 0;
    std::size_t j = i + 1;
    for (; j < xml.size(); ++j) {
      char c = xml[j];
      if (quote) { if (c == quote) quote = 0; }
      else if (c == '"' || c == '\'') quote = c;
      else if (c == '>') break;
    }
    bool self_closing = j < xml.size() && xml[j - 1] == '/';
    if (!self_closing && !rest.starts_with("<!") && ++depth > max_xml_depth)
      throw InputError("the XML of " + part + " is nested more than " + std::to_string(max_xml_depth) +
                           " elements deep (the limit); not read",
                       part);
    i = j + 1;
  }
}

void check_note_length(const std::string& note_id, std::string_view text) {
  if (text.size() > max_note_bytes)
    throw InputError("note " + note_id + " is " + std::to_string(text.size()) + " bytes long; the limit is " +
                         std::to_string(max_note_bytes >> 10) + " KiB of text per note",
                     note_id);
}

}  // namespace sdiag::limits

// ms-whiteboard: a Microsoft Whiteboard board, from the ZIP that Whiteboard
// exports (`<board>.html` and `<board>-comments.json`) or the .html taken out
// of it. Sticky notes (alone or in note grids) and text boxes become notes,
// placed in sections and prompts by where they sit (placement.hpp); what has
// no text to read (ink, pictures, connectors) is counted in a finding.
#include <nlohmann/json.hpp>

#include <sdiag/ooxml/package.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "export_page.hpp"
#include "placement.hpp"

namespace {

namespace wb = sdiag::ms_whiteboard;
using sdiag::Severity;

constexpr const char* comments_suffix = "-comments.json";

bool ends_with_ci(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && sdiag::text::lower(s.substr(s.size() - tail.size())) == tail;
}

struct Export {
  std::string name;  ///< the board's name: the page's file name without .html
  std::string html;
  std::optional<std::string> comments;
};

Export open_export(const sdiag::InputFile& f) {
  if (!sdiag::ooxml::looks_like_zip(f.bytes)) return {sdiag::text::display_path(f.path.stem()), f.bytes, std::nullopt};
  // Pictures are inside the page as base64, so a page can be tens of MB.
  sdiag::ooxml::PackageLimits limits;
  limits.max_entry_bytes = 96u << 20;
  limits.max_total_bytes = 128u << 20;
  sdiag::ooxml::Package zip(f.bytes, "Whiteboard export", limits);
  std::vector<std::string> pages;
  for (const auto& n : zip.names())
    if (ends_with_ci(n, ".html")) pages.push_back(n);
  if (pages.size() != 1)
    throw sdiag::InputError("the zip holds " + std::to_string(pages.size()) +
                            " .html pages; a Microsoft Whiteboard export holds one, beside its -comments.json");
  const std::string stem = pages[0].substr(0, pages[0].size() - 5);
  Export e{stem.substr(stem.find_last_of('/') + 1), zip.require(pages[0]), zip.read(stem + comments_suffix)};
  return e;
}

/// How many comments the comments file holds (0 when it is empty or unreadable).
std::size_t count_comments(const std::optional<std::string>& json) {
  if (!json) return 0;
  auto doc = nlohmann::json::parse(*json, nullptr, false);
  std::size_t n = 0;
  if (doc.is_object() && doc.contains("commentThreads") && doc["commentThreads"].is_array())
    for (const auto& thread : doc["commentThreads"])
      if (thread.is_object() && thread.contains("comments") && thread["comments"].is_array()) n += thread["comments"].size();
  return n;
}

std::string not_read_summary(const std::map<std::string, int>& not_read) {
  static const std::map<std::string, std::string> words{
      {"InkGroup", "ink drawings"}, {"FluidImage", "pictures"}, {"AzureImage", "pictures"},
      {"DocumentPage", "document pages"}, {"ReactionStickers", "stickers"}, {"Connector", "connectors"},
      {"Hyperlink", "links"}, {"VerticalList", "lists"}, {"VerticalBulletList", "lists"},
      {"VerticalCheckboxList", "task lists"}};
  std::map<std::string, int> by_word;
  for (const auto& [type, count] : not_read) {
    auto it = words.find(type);
    by_word[it == words.end() ? "other objects (" + type + ")" : it->second] += count;
  }
  std::string out;
  for (const auto& [word, count] : by_word) out += (out.empty() ? "" : ", ") + std::to_string(count) + " " + word;
  return out;
}

class MsWhiteboard : public sdiag::Input {
 public:
  int sniff(const sdiag::InputFile& f) const override {
    const auto ext = f.extension();
    if (ext == ".zip")  // the zip's directory names its two files, stored as they are
      return sdiag::ooxml::looks_like_zip(f.bytes) && f.bytes.find(comments_suffix) != std::string::npos &&
                     f.bytes.find(".html") != std::string::npos
                 ? 90
                 : 0;
    if (ext == ".html" || ext == ".htm")
      return wb::looks_like_export_page(std::string_view(f.bytes).substr(0, 1 << 20)) ? 90 : 0;
    return 0;
  }

  void read(const sdiag::InputFile& f, sdiag::Diagnostic& into, sdiag::Context& ctx) override {
    const std::string file = sdiag::text::display_path(f.path);
    const Export e = open_export(f);
    const wb::ExportPage page = wb::read_export_page(e.html);
    const wb::Placement placed = wb::place_notes(page, into.tmpl);
    if (into.meta.title.empty()) into.meta.title = e.name.empty() ? page.title : e.name;

    std::string prefix = "whiteboard-" + sdiag::text::slug(e.name);
    if (prefix == "whiteboard-") prefix = "whiteboard";
    std::size_t unsorted = 0, n = 0;
    for (const auto& p : placed.notes) {
      sdiag::Note note;
      note.id = prefix + "-" + std::to_string(++n);
      note.section = p.section.empty() ? sdiag::unsorted_section : p.section;
      note.prompt = p.prompt;
      note.text = p.object->text;
      note.colour = p.object->colour;
      note.position = sdiag::Position{p.object->box.centre_x(), p.object->box.centre_y(), p.area};
      note.source = {file, ctx.plugin(), p.object->ref};
      if (p.object->kind != wb::Object::Kind::note) note.tags.push_back(p.object->type == "PlainText" ? "text box" : "shape");
      unsorted += p.section.empty();
      into.notes.push_back(std::move(note));
    }
    if (page.unreachable)
      ctx.finding(Severity::warning, file, "",
                  std::to_string(page.unreachable) + " object(s) of the page could not be read: the page is damaged "
                                                     "or nested too deep. Export the board again from Whiteboard");
    if (placed.notes.empty())
      ctx.finding(Severity::warning, file, "", "the board has no sticky notes or text to read; is it the right board?");
    if (unsorted)
      ctx.finding(Severity::warning, file, "",
                  std::to_string(unsorted) + " of " + std::to_string(placed.notes.size()) +
                      " notes sit on no shape and under no heading that names a section of the template; they are kept "
                      "as unsorted. Put them on a shape titled with the section (or under such a text box), or add "
                      "the board's wording to the template's aliases");
    if (placed.titles == 0 && !placed.notes.empty())
      ctx.finding(Severity::info, file, "",
                  "no shape or text box on the board names a section or prompt of the template, so no note could be "
                  "placed by position");
    if (!page.not_read.empty())
      ctx.finding(Severity::info, file, "",
                  "not read, as they hold no typed text: " + not_read_summary(page.not_read) +
                      ". Type anything they say onto a sticky note if it belongs in the report");
    if (auto comments = count_comments(e.comments))
      ctx.finding(Severity::info, file, e.name + comments_suffix,
                  std::to_string(comments) + " comment(s) on the board are not read as notes; copy any that belong in "
                                             "the report onto a sticky note");
  }
};

}  // namespace

SDIAG_PLUGIN(MsWhiteboard, .name = "ms-whiteboard", .kinds = {sdiag::Kind::input}, .version = "1.0.0",
             .summary = "Microsoft Whiteboard boards: sticky notes, note grids and text boxes, placed in sections and "
                        "prompts by the shapes and headings they sit on or under",
             .options = {}, .extensions = {".zip", ".html", ".htm"},
             .sniffs = "the .zip Microsoft Whiteboard exports (a .html page and its -comments.json), or that .html")

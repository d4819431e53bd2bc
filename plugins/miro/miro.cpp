// miro: reads a Miro board export (whole-board dump, REST pages or the Web
// SDK's array) into the Diagnostic.
#include <sdiag/input_file.hpp>
#include <sdiag/plugin.hpp>
#include <sdiag/text.hpp>

#include "board.hpp"
#include "board_members.hpp"
#include "board_reader.hpp"
#include "categories.hpp"

namespace {

// Whether the text may hold an escaped surrogate ("\\ud83d"), paired or not.
bool may_escape_surrogates(std::string_view s) {
  for (auto at = s.find("\\u"); at != std::string_view::npos; at = s.find("\\u", at + 2))
    if (at + 3 < s.size() && (s[at + 2] == 'd' || s[at + 2] == 'D') &&
        std::string_view("89abcdefABCDEF").find(s[at + 3]) != std::string_view::npos)
      return true;
  return false;
}

// Clean UTF-8 without escaped surrogates is parsed where it lies: a board of
// 100,000 notes is 100 MB of text, and a copy would double it. Anything else
// is decoded and its lone surrogates mended in a copy, freed once parsed.
sdiag::miro::Board parse(const sdiag::InputFile& f, sdiag::Context& ctx) {
  if (!f.bytes.starts_with("\xEF\xBB\xBF") && sdiag::text::is_valid_utf8(f.bytes) && !may_escape_surrogates(f.bytes))
    return sdiag::miro::parse_board(f.bytes);
  const auto file = sdiag::text::display_path(f.path);
  auto decoded = sdiag::text::decode(f.bytes);
  sdiag::report_decoding(decoded, file, ctx);
  auto& text = decoded.text;
  if (auto mended = sdiag::text::mend_json_surrogates(text))
    ctx.finding(sdiag::Severity::warning, file, "",
                std::to_string(mended) + " escaped characters in the board are half of a character pair (a lone "
                "surrogate); each was replaced by \u2018\uFFFD\u2019. Look for it in the notes and retype what "
                "was meant there");
  return sdiag::miro::parse_board(text);
}

class Miro : public sdiag::Input {
 public:
  int sniff(const sdiag::InputFile& f) const override {
    try {
      return sdiag::miro::sniff_board(f.bytes);
    } catch (...) {
      return 0;
    }
  }

  void read(const sdiag::InputFile& f, sdiag::Diagnostic& into, sdiag::Context& ctx) override {
    if (f.bytes.find_first_not_of(" \t\r\n") == std::string::npos)
      throw sdiag::InputError("the file is empty; export the board again");
    const sdiag::miro::Board board = parse(f, ctx);

    sdiag::miro::ReadSettings settings;
    settings.file = sdiag::text::display_path(f.path);
    settings.map_section = ctx.options().str("map-section");
    auto categories = ctx.options().str("categories");
    auto path = categories.empty() ? ctx.data_dir() / "system-map" / "categories.json" : std::filesystem::path(categories);
    try {
      settings.categories = sdiag::miro::Categories::load(path);
    } catch (const std::exception& e) {
      ctx.finding(sdiag::Severity::warning, sdiag::text::display_path(path), "",
                  std::string("system-map categories not read (") + e.what() + "); every node is 'other'");
    }
    sdiag::miro::read_board(board, settings, into, ctx);
    sdiag::miro::record_members(board, settings.file, into, ctx);
  }
};

}  // namespace

SDIAG_PLUGIN(Miro, .name = "miro", .kinds = {sdiag::Kind::input}, .version = "1.0.0",
             .summary = "Miro board exports: frames to sections, stickies to notes, cards to actions, the map to nodes and edges",
             .options = {{"map-section", sdiag::OptionType::string, "system_mapping",
                          "Section whose frame holds the data system map (shapes, and stickies joined by connectors)"},
                         {"categories", sdiag::OptionType::path, "",
                          "System-map category file (default: system-map/categories.json in the data folder)"}},
             .extensions = {".json"},
             .sniffs = "a Miro board dump {exportedAt, board, items, connectors, tags, itemsByTag}, REST pages "
                       "{data, cursor} or a Web SDK item array")

// {{name}}: a layout plugin. It lays out a one-page briefing: the title, who
// took part, the themes with how many notes each holds, and the actions with
// their owners. Any output plugin (markdown, docx, pdf) renders it.
#include <algorithm>
#include <string>

#include <sdiag/plugin.hpp>

namespace {

using namespace sdiag::doc;

class {{class_name}} : public sdiag::Layout {
 public:
  Document layout(const sdiag::Diagnostic& d, sdiag::Context& ctx) override {
    Document doc;
    doc.meta.title = ctx.options().str("title");
    doc.meta.organisation = d.meta.organisation;
    doc.meta.date = d.meta.date;
    doc.blocks.push_back(Paragraph::plain(doc.meta.title, style::title));
    if (!d.meta.organisation.empty()) doc.blocks.push_back(Paragraph::plain(d.meta.organisation, style::subtitle));

    auto present = std::count_if(d.people.begin(), d.people.end(), [](const auto& p) { return p.present; });
    doc.blocks.push_back(Paragraph::plain(std::to_string(present) + " people took part; they wrote " +
                                          std::to_string(d.notes.size()) + " notes."));

    doc.blocks.push_back(Heading{1, "Themes", "themes"});
    if (d.themes.empty()) doc.blocks.push_back(Paragraph::plain("No themes yet: add the cluster analysis.", style::note));
    List themes;
    for (const auto& t : d.themes)
      themes.items.push_back({Paragraph::plain(t.label + " (" + std::to_string(t.note_ids.size()) + " notes)")});
    if (!themes.items.empty()) doc.blocks.push_back(std::move(themes));

    doc.blocks.push_back(Heading{1, "Actions", "actions"});
    if (d.actions.empty()) {
      doc.blocks.push_back(Paragraph::plain("No actions were agreed.", style::note));
      return doc;
    }
    Table t;
    t.caption = "Actions and who owns them";
    t.header = {Paragraph::plain("Action"), Paragraph::plain("Owner")};
    for (const auto& a : d.actions)
      t.rows.push_back({Paragraph::plain(a.text), Paragraph::plain(a.owner.empty() ? "Not agreed" : a.owner)});
    doc.blocks.push_back(std::move(t));
    return doc;
  }
};

}  // namespace

SDIAG_PLUGIN({{class_name}}, .name = "{{name}}", .kinds = {sdiag::Kind::layout}, .version = "0.1.0",
             .summary = "A one-page briefing: who took part, themes and actions",
             .options = {{"title", sdiag::OptionType::string, "Diagnostic briefing", "Title of the briefing"}})

"""{{name}}: a one-page briefing (who took part, themes with their note counts,
actions with owners) that every output renders: markdown, docx, pdf."""
import sdiag


def layout(request):
    d = request.diagnostic
    doc = sdiag.Document(title=request.options["title"], organisation=d.meta.get("organisation", ""),
                         date=d.meta.get("date", ""))
    doc.blocks.append(sdiag.paragraph(request.options["title"], style="Title"))
    present = sum(1 for p in d.people if p.present)
    doc.blocks.append(sdiag.heading("Who took part", id="who"))
    doc.blocks.append(sdiag.paragraph(f"{present} people took part and wrote {len(d.notes)} notes."))
    doc.blocks.append(sdiag.heading("Themes", id="themes"))
    if d.themes:
        doc.blocks.append(sdiag.bullet_list(f"{t.label} ({len(t.note_ids)} notes)" for t in d.themes))
    else:
        doc.blocks.append(sdiag.paragraph("No themes yet.", style="Note"))
    doc.blocks.append(sdiag.heading("Actions", id="actions"))
    if d.actions:
        doc.blocks.append(sdiag.table(["Action", "Owner", "Due"],
                                      [[a.text, a.owner or "to agree", a.due or a.due_text] for a in d.actions],
                                      caption="Actions agreed on the day"))
    else:
        doc.blocks.append(sdiag.paragraph("No actions were agreed.", style="Note"))
    return doc


if __name__ == "__main__":
    sdiag.run(layout=layout)

"""northmoor-style: Northmoor Council's report, as a Python script plugin.

It is the D2I report, unchanged (plugin.json's "base_layout": "d2i-report" puts
the built-in layout's Document in the request), in the council's own words, with
an "At a glance" section before the first chapter.
"""
import sdiag

# Agreed with Northmoor's leadership team: the words their staff already use.
COUNCIL_TERMS = {
    "contributors": "Who took part",
    "dcs-view": "Our Director's view today",
    "system-mapping": "Our data landscape",
    "where-key-issues": "Where we are getting stuck",
    "target-outputs": "Where we want to be",
    "immediate-actions": "Our first steps",
}


def count(n, one, many):
    return f"{n} {one if n == 1 else many}"


def at_a_glance(d, top_n):
    present = [p for p in d.people if p.present]
    blocks = [sdiag.heading("At a glance", id="at-a-glance")]
    people = count(len(present), "colleague", "colleagues") + " took part"
    if len(present) < len(d.people):
        people += "; " + count(len(d.people) - len(present), "other was", "others were") + " invited but not there"
    blocks.append(sdiag.paragraph(f"{people}. Between them they wrote {count(len(d.notes), 'note', 'notes')}."))
    if d.themes:
        top = sorted(d.themes, key=lambda t: len(t.note_ids), reverse=True)[:top_n]
        blocks.append(sdiag.paragraph(f"We grouped what was said into {count(len(d.themes), 'theme', 'themes')}. "
                                      "Those raised most often:"))
        blocks.append(sdiag.numbered_list(f"{t.label} ({count(len(t.note_ids), 'note', 'notes')})" for t in top))
    else:
        blocks.append(sdiag.paragraph("The notes have not been grouped into themes yet.", style="Note"))
    if d.actions:
        rows = [[a.text, a.owner or "not yet named", a.due or a.due_text or "to agree"] for a in d.actions[:5]]
        blocks.append(sdiag.table(["First steps", "Owner", "Due"], rows, caption="The first steps we agreed",
                                  widths=[3, 1.2, 1]))
    else:
        blocks.append(sdiag.paragraph("No actions were agreed on the day.", style="Note"))
    return blocks


def layout(request):
    doc = request.document
    if doc is None:
        raise sdiag.PluginError("no base Document in the request: plugin.json should say \"base_layout\": \"d2i-report\"")
    for heading_id, words in COUNCIL_TERMS.items():
        if not doc.rename(heading_id, words):
            request.finding(f"the D2I report has no '{heading_id}' heading to rename; the report uses its own words there",
                            severity="info")
    doc.insert_after_title(at_a_glance(request.diagnostic, request.options["top-themes"]))
    doc.meta["author"] = request.options["council"]
    doc.meta["keywords"] = list(doc.meta.get("keywords", [])) + ["Northmoor"]
    return doc


if __name__ == "__main__":
    sdiag.run(layout=layout)

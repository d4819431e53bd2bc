"""{{name}}: reports notes too short to stand on their own in a report."""
import sdiag


def analyse(request):
    d = request.diagnostic
    least = request.options["min-words"]
    for note in d.notes:
        if len(note.text.split()) < least:
            request.finding(f"note {note.id} has fewer than {least} words; say more on the board or merge it",
                            location=note.id)
    return d  # changed in place; every note kept


if __name__ == "__main__":
    sdiag.run(analysis=analyse)

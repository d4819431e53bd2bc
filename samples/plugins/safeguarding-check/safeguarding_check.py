"""safeguarding-check: finds what should not leave the room in a workshop's notes.

Workshop notes are about data services, not children; but a real case is
sometimes written up as an example. Before a report is shared, this analysis
reports every note that seems to give an NHS number (ten digits whose check
digit is right), a case or child reference number, a date of birth, or a
child's name, so the facilitator can take it out; with redact=true it does so.
A finding names the note, never repeats what it found in full.
"""
import re
import sys

import sdiag

NHS_NUMBER = re.compile(r"(?<!\d)(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d)")
CASE_NUMBER = re.compile(
    r"(?i:\b(?:case|ref(?:erence)?|child(?:'s)? id|cin|cp|lac|cla|person id|mosaic|lcs)\b)"
    r"\s*(?i:no\.?|number|#|:)?\s*[A-Za-z]{0,3}[-/]?\d{4,}\b")
DATE_OF_BIRTH = re.compile(r"(?i:\b(?:dob|d\.o\.b\.?|date of birth|born)\b)[:\s]*\d{1,4}[/.-]\d{1,2}")
CHILD_NAMED = re.compile(
    r"(?i:\b(?:child|boy|girl|baby|young person|yp|sibling|son|daughter|toddler|teenager)\s+(?:called|named|known as)?)"
    r"\s*([A-Z][a-z]{2,})\b")
NAME_WITH_AGE = re.compile(r"\b([A-Z][a-z]{2,})\s*(?:,|\()\s*(?i:aged?|age)\s*\d{1,2}\b")

# Capitalised words that follow "child" in ordinary service language ("child Protection plan").
NOT_NAMES = {"Protection", "Services", "Service", "Social", "Care", "Health", "Looked", "In", "Need", "Data",
             "Exploitation", "Plan", "Plans", "Record", "Records", "Level", "Centre", "Missing", "The", "And",
             "With", "Who", "Whose", "That", "This", "Team", "Trust", "Board", "Review", "Reviews", "Voice"}


def nhs_check_digit_ok(digits):
    """The NHS number's modulus 11 check: weights 10 to 2 over the first nine digits."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def found_in(text):
    """(what, span) for each sensitive thing in text."""
    for m in NHS_NUMBER.finditer(text):
        digits = "".join(m.groups())
        if nhs_check_digit_ok(digits):
            yield f"an NHS number (ending {digits[-3:]})", m.span()
    for m in CASE_NUMBER.finditer(text):
        yield "a case or reference number", m.span()
    for m in DATE_OF_BIRTH.finditer(text):
        yield "a date of birth", m.span()
    for pattern in (CHILD_NAMED, NAME_WITH_AGE):
        for m in pattern.finditer(text):
            if m.group(1) not in NOT_NAMES:
                yield f"a child's name ({m.group(1)[0]}…)", m.span(1)


def redact(text, spans):
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + "[redacted]" + text[end:]
    return text


def analyse(request):
    d = request.diagnostic
    do_redact = request.options.get("redact", False)
    flagged = 0
    for note in d.notes:
        hits = list(found_in(note.text))
        if not hits:
            continue
        flagged += 1
        what = ", ".join(sorted({h[0] for h in hits}))
        where = note.source.get("file", "") if isinstance(note.source, dict) else ""
        if do_redact:
            note.text = redact(note.text, {h[1] for h in hits})
            request.finding(f"note {note.id} seemed to give {what}; replaced with [redacted]", severity="info",
                            location=note.id, source=where)
        else:
            request.finding(f"note {note.id} seems to give {what}: take it out or reword it before the report is "
                            "shared, or run with --set safeguarding-check.redact=true", location=note.id, source=where)
    print(f"checked {len(d.notes)} notes, {flagged} flagged", file=sys.stderr)
    return d


if __name__ == "__main__":
    sdiag.run(analysis=analyse)

"""{{name}}: reads a .lines file, one note per line, into a section of the workshop."""
import sdiag


def sniff(request):
    """How sure it is that it can read request.path (0 to 100); only called for .lines files."""
    with open(request.path, "rb") as f:
        start = f.read(4096)
    try:
        start.decode("utf-8")
    except UnicodeDecodeError:
        return 0
    return 80


def read(request):
    d = sdiag.Diagnostic()
    with open(request.path, encoding="utf-8-sig", errors="replace") as f:
        for number, line in enumerate(f, 1):
            text = line.strip()
            if not text:
                continue
            d.notes.append(sdiag.Note(id=f"line{number}", section=request.options["section"], text=text,
                                      source={"file": request.path, "plugin": "{{name}}", "ref": f"line {number}"}))
    if not d.notes:
        raise sdiag.PluginError(f"{request.path} has no notes: write one note per line")
    return d


if __name__ == "__main__":
    sdiag.run(input=read, sniff=sniff)

"""{{name}}: writes a short text summary of the diagnostic into the output folder."""
import sdiag


def write(request):
    d = request.diagnostic
    lines = [d.meta.get("title") or "Diagnostic",
             f"{len(d.notes)} notes, {len(d.themes)} themes, {len(d.actions)} actions"]
    if request.document is not None:
        lines.append(f"{len(request.document.headings())} headings in the report")
    # Through a temporary name, renamed when whole: a failure never leaves half a file.
    return [sdiag.write_file(request, request.options["file"], "\n".join(lines) + "\n")]


if __name__ == "__main__":
    sdiag.run(output=write)

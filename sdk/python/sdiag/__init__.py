"""Write sdiag plugins in Python: read the request, work, answer.

A script plugin is a folder holding plugin.json and a program. sdiag starts the
program in that folder, writes one JSON request on its stdin and reads one JSON
response from its stdout (sdk/README.md, "Script plugins"). This package, pure
standard library and installed with sdiag (share/sdiag/python, on PYTHONPATH
when sdiag runs a plugin), does the plumbing::

    import sdiag

    def analyse(request):
        for note in request.diagnostic.notes:
            if "urgent" in note.text.lower():
                request.finding(f"note {note.id} is marked urgent", location=note.id)
        return request.diagnostic

    if __name__ == "__main__":
        sdiag.run(analysis=analyse)

Layouts return a Document (built from the blocks below, or the request's
base Document changed); outputs write files with write_file() and return
their paths; inputs return a Diagnostic from the file at request.path.
"""

from ._model import Action, Diagnostic, Goal, Note, Person, Theme
from ._document import (Document, contents, figure, heading, numbered_list, page_break, paragraph, run_of,
                        bullet_list, table, text_of)
from ._protocol import API, PluginError, Request, answer, main as run, write_file

__all__ = [
    "API", "Action", "Diagnostic", "Document", "Goal", "Note", "Person", "PluginError", "Request", "Theme",
    "answer", "bullet_list", "contents", "figure", "heading", "numbered_list", "page_break", "paragraph",
    "run", "run_of", "table", "text_of", "write_file",
]

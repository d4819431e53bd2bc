"""sdiag serve: the request timeout bounds the time a client takes to send a
request, not the time the server takes to save it. A large diagnostic whose
save takes longer than the timeout is saved and answered (it was saved, but
the connection was cut before the answer, so the page said "Not saved")."""
import json
import os
import time

from sdiag_test import expect, sample, tempdir
from serve_session import Server

root = tempdir()
board = open(sample("miro", "castlebrook-board.json"), "rb").read()
server = Server(os.path.join(root, "workspaces"), "--request-timeout", "1")
try:
    status, answer = server.upload([("f", "board.json", board)])
    expect(status == 201, f"upload gave {status} {answer}")
    api = f"/api/workspaces/{answer['id']}"
    d = server.json("GET", api + "/diagnostic")[1]
    # About 47 MiB: reading, checking and writing it takes the server well over the 1 s timeout (sending it, not).
    note = d["notes"][0]
    d["notes"] += [dict(note, id=f"padding-{i}", text="a long note " * 90) for i in range(36000)]
    d["themes"][0]["label"] = "Saved whole"
    body = json.dumps(d).encode()
    started = time.time()
    try:
        status, _, data = server.request("PUT", api + "/diagnostic", body)
    except OSError as e:
        status, data = None, repr(e).encode()
    took = time.time() - started
    expect(status == 200, f"a save of {len(body) >> 20} MiB that took {took:.1f} s was answered {status} {data[:200]!r}")
    saved = json.load(open(os.path.join(server.workspace_root, answer["id"], "diagnostic.json")))
    expect(saved["themes"][0]["label"] == "Saved whole" and len(saved["notes"]) == len(d["notes"]),
           "the large save is not the file saved")
    print(f"ok: a {len(body) >> 20} MiB save answered after {took:.1f} s with a 1 s request timeout")
finally:
    code = server.stop()
expect(code == 0, f"sdiag serve exited {code} after Ctrl-C")

"""sdiag serve, tried as an attacker would: malformed and oversized requests
and multipart bodies, hostile file names, many uploads at once, slow clients,
concurrent edits of one workspace and a kill in the middle of saving. Every
refusal is a 4xx with an error that says what to do, the server keeps
answering, nothing is torn and nothing is written outside the workspace
folder."""
import io
import json
import os
import signal
import socket
import threading
import time
import zipfile

from sdiag_test import expect, sample, tempdir
from serve_session import Server, at_once

root = tempdir()
workspaces = os.path.join(root, "workspaces")
board = open(sample("miro", "castlebrook-board.json"), "rb").read()


def tree(folder):
    """Every path under folder, relative to it."""
    found = set()
    for d, dirs, files in os.walk(folder):
        for name in dirs + files:
            found.add(os.path.relpath(os.path.join(d, name), folder))
    return found


def workspace_ids():
    return {w for w in os.listdir(workspaces) if not w.startswith(".")}


def raw(port, data, shut=True, timeout=20):
    """Sends bytes as they are; returns (status, parsed JSON body or None, headers bytes).
    status is None when the server closed the connection without an answer."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        try:
            s.sendall(data)
            if shut:
                s.shutdown(socket.SHUT_WR)
        except OSError:  # the server answered and closed before everything was sent
            pass
        answer = b""
        try:
            while chunk := s.recv(65536):
                answer += chunk
        except ConnectionResetError:
            pass
    finally:
        s.close()
    if not answer.startswith(b"HTTP/1."):
        return None, None, answer
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1])
    try:
        parsed = json.loads(body) if body.strip() else None
    except ValueError:
        parsed = None
    return status, parsed, head


def post(server, body, content_type, extra=b"", length=None):
    """A raw POST /api/workspaces with the token."""
    head = (f"POST /api/workspaces HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
            f"Authorization: Bearer {server.token}\r\nConnection: close\r\n").encode()
    head += b"Content-Type: " + content_type + b"\r\n"
    head += f"Content-Length: {len(body) if length is None else length}\r\n".encode() + extra + b"\r\n"
    return raw(server.port, head + body)


def part(disposition, data, headers=b""):
    return (b"--B\r\nContent-Disposition: " + disposition + b"\r\n" + headers +
            b"Content-Type: application/octet-stream\r\n\r\n" + data + b"\r\n")


before_outside = set(os.listdir(root))
server = Server(workspaces, "--request-timeout", "2")
try:
    P = server.port
    mp = b"multipart/form-data; boundary=B"
    good = part(b'form-data; name="f"; filename="board.json"', board) + b"--B--\r\n"

    # Bad multipart bodies and bad requests: each a 4xx whose error says what to do; no workspace left behind.
    cases = [
        ("no boundary", post(server, good, b"multipart/form-data"), 400, "boundary"),
        ("an empty boundary", post(server, good, b"multipart/form-data; boundary="), 400, "boundary"),
        ("another boundary than the body's", post(server, good, b"multipart/form-data; boundary=Z"), 400, "boundary"),
        ("an empty body", post(server, b"", mp), 400, "boundary"),
        ("a part never closed", post(server, part(b'form-data; name="f"; filename="b.json"', board), mp), 400,
         "incomplete"),
        ("a part header of 100 KiB", post(server, part(b'form-data; name="f"; filename="' + b"a" * 100000 + b'.json"',
                                                        board) + b"--B--\r\n", mp), 400, ""),
        ("1,000 part headers", post(server, part(b'form-data; name="f"; filename="b.json"', board,
                                                  b"X-A: 1\r\n" * 1000) + b"--B--\r\n", mp), 400, ""),
        ("no file name (a plain field)", post(server, part(b'form-data; name="f"', board) + b"--B--\r\n", mp), 400,
         "no file"),
        ("5,000 plain fields", post(server, b"".join(part(b'form-data; name="f"', b"x") for _ in range(5000)) +
                                    b"--B--\r\n", mp), 413, "fewer"),
        ("a body cut off before its Content-Length", post(server, good[:len(good) // 2], mp, length=len(good)), 400,
         "incomplete"),
        ("a malformed address", raw(P, f"GET /api/workspaces/%zz/diagnostic HTTP/1.1\r\nHost: 127.0.0.1:{P}\r\n"
                                       f"Authorization: Bearer {server.token}\r\n\r\n".encode()), 400, "address"),
        ("a malformed page address", raw(P, f"GET /%e0%8 HTTP/1.1\r\nHost: 127.0.0.1:{P}\r\n\r\n".encode()), 400,
         "address"),
        ("a request line of 100 KiB", raw(P, b"GET /" + b"a" * 100000 + f" HTTP/1.1\r\nHost: 127.0.0.1:{P}\r\n\r\n"
                                          .encode()), 400, None),
        ("a header of 1 MiB", raw(P, f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{P}\r\nX-Big: ".encode() + b"a" * (1 << 20) +
                                  b"\r\n\r\n"), 400, None),
        ("2,000 headers", raw(P, f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{P}\r\n".encode() + b"X-A: 1\r\n" * 2000 +
                              b"\r\n"), 400, None),
        ("NUL in the address", raw(P, f"GET /api/workspaces/%00/diagnostic HTTP/1.1\r\nHost: 127.0.0.1:{P}\r\n"
                                      f"Authorization: Bearer {server.token}\r\n\r\n".encode()), 404, "upload"),
        ("bytes that are not UTF-8 in the address", raw(P, f"GET /api/workspaces/%ff%fe/files/%c0%ae HTTP/1.1\r\n"
                                                           f"Host: 127.0.0.1:{P}\r\nAuthorization: Bearer {server.token}"
                                                           "\r\n\r\n".encode()), 404, "upload"),
    ]
    for what, (status, answer, head), want, says in cases:
        expect(status == want, f"{what}: {status} (wanted {want}) {answer} {head[:200]!r}")
        if says is not None:
            error = (answer or {}).get("error", "")
            expect(error and says in error, f"{what}: the error {error!r} does not say '{says}'")
    expect(not workspace_ids(), f"refused uploads left workspaces: {workspace_ids()}")

    # Larger than the limit while streaming (chunked: no Content-Length to refuse it by): a file, then a plain
    # field that never ends (counted as the files are, and not written to disk, which keeps this test light).
    # Cut off at 256 MiB or by the request timeout, whichever comes first; nothing kept.
    s = socket.create_connection(("127.0.0.1", P), timeout=20)
    s.sendall((f"POST /api/workspaces HTTP/1.1\r\nHost: 127.0.0.1:{P}\r\nAuthorization: Bearer {server.token}\r\n"
               "Content-Type: multipart/form-data; boundary=B\r\nTransfer-Encoding: chunked\r\n\r\n").encode())
    chunk = b"a" * (1 << 20)
    framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    sent = 0
    try:
        field = good[:-7] + b'--B\r\nContent-Disposition: form-data; name="padding"\r\n\r\n'
        s.sendall(b"%x\r\n%s\r\n" % (len(field), field))
        while sent < 260:
            s.sendall(framed)
            sent += 1
        s.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    try:
        answer = s.recv(65536)
    except ConnectionResetError:
        answer = b""
    s.close()
    expect(sent < 260 or answer.startswith(b"HTTP/1.1 413"), f"a 260 MiB chunked upload gave {answer[:100]!r}")
    time.sleep(0.2)
    expect(not workspace_ids(), f"an upload past the limit left a workspace: {workspace_ids()}")

    # Hostile file names: "..", "/", NUL, bytes that are not UTF-8. Stored as upload-N, shown as valid UTF-8
    # without separators or control characters.
    names = [b"..", b"../../../escape.json", b"/tmp/escape.json", b"a\x00b.json", b"caf\xe9.json", b"\xff\xfe.json",
             b"\xc0\xaf\xc0\xae.json", b"sub/dir/../../x.json", b"a%2f..%2fb.json", b"\xe2\x80\xae.json",
             b"arabic\xd8\x9cmark.json", b"line\xe2\x80\xa8break.json", b"para\xe2\x80\xa9graph.json",
             b"name\r\nX-Injected: 1.json"]
    body = b"".join(part(b'form-data; name="f"; filename="' + n + b'"', board) for n in names) + b"--B--\r\n"
    status, answer, head = post(server, body, mp)
    if status == 400:  # a header line broken by CR LF in the name is refused whole; the rest are tried without it
        names = names[:-1]
        body = b"".join(part(b'form-data; name="f"; filename="' + n + b'"', board) for n in names) + b"--B--\r\n"
        status, answer, head = post(server, body, mp)
    expect(status == 201, f"hostile names gave {status} {answer}")
    wid = answer["id"]
    stored = sorted(os.listdir(os.path.join(workspaces, wid, "uploads")))
    expect(stored == sorted(f"upload-{i + 1}.json" for i in range(len(names))) or
           all(s.startswith("upload-") for s in stored) and len(stored) == len(names), f"stored as {stored}")
    raw_json = open(os.path.join(workspaces, wid, "diagnostic.json"), "rb").read()
    raw_json.decode("utf-8")  # strict: raises on a byte that is not UTF-8
    shown = [s["path"] for s in json.loads(raw_json)["meta"]["sources"]]
    expect(len(shown) == len(names), f"sources: {shown}")
    hidden = "\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    for s in shown:
        expect(s and "/" not in s and "\\" not in s and s not in (".", "..") and
               not any(ord(c) < 0x20 or 0x7f <= ord(c) < 0xa0 or c in hidden for c in s),
               f"a name shown as {s!r}")
    expect(any("caf" in s for s in shown), f"the readable part of a name is lost: {shown}")

    # Numerous uploads at once: every one answered, each in its own workspace.
    results = at_once(*[lambda i=i: server.upload([("f", f"board-{i}.json", board)]) for i in range(12)])
    ids = {a["id"] for st, a in results if st == 201}
    expect(len(results) == 12 and len(ids) == 12, f"12 uploads at once gave {[st for st, _ in results]}")
    api = f"/api/workspaces/{sorted(ids)[0]}"
    ws_dir = os.path.join(workspaces, sorted(ids)[0])

    # Slow clients: more connections trickling a byte a second than the server has threads. Each is cut off
    # after the request timeout (2 s here); the others are answered meanwhile.
    slow = []
    for i in range(10):
        c = socket.create_connection(("127.0.0.1", P), timeout=20)
        c.sendall(f"POST /api/workspaces/{sorted(ids)[0]}/diagnostic HTTP/1.1\r\nHost: 127.0.0.1:{P}\r\n".encode()
                  if i % 2 else b"G")
        slow.append(c)
    started = time.time()
    cut = [None] * len(slow)

    def trickle(i):
        try:
            while time.time() - started < 12:
                slow[i].sendall(b"a")
                time.sleep(1)
        except OSError:
            cut[i] = time.time() - started
    tricklers = [threading.Thread(target=trickle, args=(i,)) for i in range(len(slow))]
    for t in tricklers:
        t.start()
    time.sleep(0.5)
    status, _, _ = server.request("GET", api + "/diagnostic")
    answered = time.time() - started
    expect(status == 200 and answered < 6, f"with 10 slow clients, a request took {answered:.1f} s ({status})")
    for t in tricklers:
        t.join()
    for c in slow:
        c.close()
    expect(all(c is not None and c < 8 for c in cut), f"slow clients were cut off after {cut} s (timeout 2 s)")

    # Concurrent edits of one workspace: two saves at once, ten times; the file is one of them whole.
    d = server.json("GET", api + "/diagnostic")[1]
    for round_ in range(10):
        versions = []
        for side in "AB":
            v = json.loads(json.dumps(d))
            v["themes"][0]["label"] = f"{side}{round_}"
            for n in v["notes"]:
                n["text"] = f"{side}{round_} " + n["text"]
            versions.append(json.dumps(v).encode())
        statuses = at_once(*[lambda b=b: server.request("PUT", api + "/diagnostic", b)[0] for b in versions])
        expect(statuses == [200, 200], f"two saves at once gave {statuses}")
        saved = json.load(open(os.path.join(ws_dir, "diagnostic.json")))
        label = saved["themes"][0]["label"]
        expect(label in (f"A{round_}", f"B{round_}") and all(n["text"].startswith(label + " ") for n in saved["notes"]),
               f"round {round_}: the saved file mixes two saves")

    # Two reports written at once: both answered, the zip whole, no temporary file left.
    renders = at_once(*[lambda: server.json("POST", api + "/render", b"")] * 2)
    expect([st for st, _ in renders] == [200, 200], f"two renders at once gave {[st for st, _ in renders]}")
    data = server.request("GET", api + "/files/sdiag-report.zip")[2]
    z = zipfile.ZipFile(io.BytesIO(data))
    expect(z.testzip() is None and "report.docx" in z.namelist(), f"the zip after two renders: {z.namelist()}")
    report = os.listdir(os.path.join(ws_dir, "report"))
    expect(not [f for f in report if f.startswith(".")], f"temporary files left in report/: {report}")
finally:
    code = server.stop()
expect(code == 0, f"sdiag serve exited {code} after Ctrl-C, after all that")

# A kill (SIGKILL) in the middle of saving: diagnostic.json is one whole version, every kept version parses,
# and the next server takes the workspace up and clears what the killed one left half-done.
server = Server(workspaces)
try:
    api = f"/api/workspaces/{wid}"
    ws_dir = os.path.join(workspaces, wid)
    d = server.json("GET", api + "/diagnostic")[1]
    versions = []
    for i in range(6):
        v = json.loads(json.dumps(d))
        v["themes"][0]["label"] = f"Killed {i}"
        v["narrative"] = {"dcs_view": f"{i} " + "x" * (2 << 20)}
        versions.append(json.dumps(v).encode())
    stop = threading.Event()

    saves = []

    def save_forever(b):
        while not stop.is_set():
            try:
                saves.append(server.request("PUT", api + "/diagnostic", b)[0])
            except OSError:
                return
    savers = [threading.Thread(target=save_forever, args=(b,)) for b in versions]
    for t in savers:
        t.start()
    deadline = time.time() + 20
    while len(saves) < 3 and time.time() < deadline:  # saving in full swing
        time.sleep(0.02)
    time.sleep(0.1)
    server.proc.send_signal(signal.SIGKILL)
    server.proc.wait()
    stop.set()
    for t in savers:
        t.join()
    expect(saves and set(saves) == {200}, f"saves before the kill gave {saves}")
finally:
    server.stop()
labels = {f"Killed {i}" for i in range(6)} | {d["themes"][0]["label"]}
saved = json.load(open(os.path.join(ws_dir, "diagnostic.json")))
expect(saved["themes"][0]["label"] in labels, "after a kill, diagnostic.json is none of the saves")
for name in os.listdir(os.path.join(ws_dir, "history")):
    if name.endswith(".json"):
        json.load(open(os.path.join(ws_dir, "history", name)))
# What a kill leaves when it falls in the middle of a write (as AtomicFile and an upload name them), beside a
# temporary file of a process that still runs (another server on the same folder), which must be left alone.
killed = server.proc.pid
planted = [os.path.join(ws_dir, f".diagnostic.json.sdiag-tmp-{killed}"),
           os.path.join(ws_dir, "history", f".000999.json.sdiag-tmp-{killed}"),
           os.path.join(ws_dir, "report", f".report.pdf.sdiag-tmp-{killed}"),
           os.path.join(workspaces, f".{'0' * 24}.sdiag-tmp-{killed}", "uploads", "upload-1.json")]
alive = os.path.join(ws_dir, f".diagnostic.json.sdiag-tmp-{os.getpid()}")
for path in planted + [alive]:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "wb").write(b'{"half": ')
# A file a person put among the saved versions is no version: saving and undoing go on without it.
stray = os.path.join(ws_dir, "history", "notes.json")
open(stray, "wb").write(b"{}")
server = Server(workspaces)
try:
    status, again = server.json("GET", f"/api/workspaces/{wid}/diagnostic")
    expect(status == 200 and again == saved, f"the workspace after a kill gave {status}")
    status, _, _ = server.request("PUT", f"/api/workspaces/{wid}/diagnostic", json.dumps(d).encode())
    expect(status == 200, f"a save after a kill gave {status}")
    left = sorted(os.path.join(workspaces, p) for p in tree(workspaces) if ".sdiag-tmp" in p)
    expect(left == [alive], f"after a restart, the temporary files are {left}, not only the running process's")
    status, undone = server.json("POST", f"/api/workspaces/{wid}/undo")
    expect(status == 200 and undone == saved, f"undo gives back the version before the save, not the stray file: {status}")
    expect(open(stray, "rb").read() == b"{}", "the stray file is left as it was")
    os.remove(alive)
finally:
    code = server.stop()
expect(code == 0, f"the server after the kill exited {code} after Ctrl-C")

# Nothing was written outside the workspace folder, nor outside the workspaces in it.
expect(set(os.listdir(root)) == before_outside | {"workspaces"}, f"written beside the workspaces: {os.listdir(root)}")
expect(not os.path.exists("/tmp/escape.json") or os.path.getmtime("/tmp/escape.json") < time.time() - 600,
       "an upload was written to /tmp/escape.json")
unexpected = [p for p in tree(workspaces) if p.split(os.sep)[0] not in workspace_ids()]
expect(not unexpected, f"files in the workspace folder outside every workspace: {unexpected}")
print("serve hostile: bad requests and multipart, limits, hostile names, slow clients, concurrent edits, kill: ok")

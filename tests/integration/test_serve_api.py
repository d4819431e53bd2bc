"""sdiag serve: every route of the HTTP API, and every security rule: the
token, the Host and Origin checks, no CORS, the CSP header, loopback only,
uploads within the input limits and never stored under their own names,
whole saves under concurrent edits, undo, and Ctrl-C."""
import io
import json
import os
import subprocess
import zipfile

import docx

from sdiag_test import SDIAG, BUILD, expect, run, sample, tempdir
from serve_session import LOOPBACK, Server, at_once, listening_addresses

root = tempdir()
board = open(sample("miro", "castlebrook-board.json"), "rb").read()

# `sdiag run` binds no network library: the server is a module loaded by `sdiag serve` alone.
needed = subprocess.run(["readelf", "-d", SDIAG], capture_output=True, text=True).stdout
expect("PocoNet" not in needed and "PocoFoundation" not in needed, f"sdiag links Poco itself:\n{needed}")
expect(os.path.exists(os.path.join(BUILD, "lib", "sdiag", "sdiag-serve.so")), "lib/sdiag/sdiag-serve.so is not built")

server = Server(os.path.join(root, "workspaces"))
try:
    P = server.port
    expect(len(server.token) == 64, f"token {server.token!r} is not 32 random bytes in hex")

    # Loopback only.
    addresses = listening_addresses(P)
    expect(addresses and set(addresses) <= LOOPBACK, f"port {P} listens on {addresses}, not loopback only")

    # The page: served with the CSP and without any CORS header, token or not.
    status, headers, body = server.request("GET", "/", token=False)
    expect(status == 200 and b"<html" in body, f"GET / gave {status}")
    expect(headers.get("content-security-policy", "").startswith("default-src 'self'"), f"CSP missing: {headers}")
    expect(not any(h.startswith("access-control-") for h in headers), f"CORS header on the page: {headers}")
    for asset in ["/app.js", "/app.css"]:
        status, headers, _ = server.request("GET", asset, token=False)
        expect(status == 200 and "content-security-policy" in headers, f"GET {asset} gave {status}")
    for missing in ["/../serve.cpp", "/%2e%2e/index.html", "/nothing.html", "/.hidden"]:
        status, _, _ = server.request("GET", missing, token=False)
        expect(status in (403, 404), f"GET {missing} gave {status}")

    # ?token= sets the page's cookie (HttpOnly, SameSite=Strict) and takes the token out of the address.
    status, headers, _ = server.request("GET", f"/?token={server.token}", token=False)
    cookie = headers.get("set-cookie", "")
    expect(status == 303 and headers.get("location") == "/", f"?token= gave {status} {headers}")
    expect("HttpOnly" in cookie and "SameSite=Strict" in cookie and server.token in cookie, f"cookie: {cookie}")
    status, _, _ = server.request("GET", "/?token=" + "0" * 64, token=False)
    expect(status == 403, f"a wrong ?token= gave {status}")

    # Upload the sample board.
    status, answer = server.upload([("file", "castlebrook-board.json", board)])
    expect(status == 201 and "id" in answer, f"POST /api/workspaces gave {status} {answer}")
    wid = answer["id"]
    api = f"/api/workspaces/{wid}"
    ws_dir = os.path.join(root, "workspaces", wid)
    expect(os.listdir(os.path.join(ws_dir, "uploads")) == ["upload-1.json"], "the upload is not stored as upload-1.json")

    # No token, a wrong one, the cookie.
    for method, path in [("GET", api + "/diagnostic"), ("PUT", api + "/diagnostic"), ("POST", api + "/render"),
                         ("POST", "/api/workspaces"), ("GET", api + "/files/report.docx"), ("POST", api + "/undo")]:
        status, headers, _ = server.request(method, path, body=b"" if method != "GET" else None, token=False)
        expect(status == 401, f"{method} {path} without a token gave {status}")
        status, _, _ = server.request(method, path, body=b"" if method != "GET" else None, token=False,
                                      headers={"Authorization": "Bearer " + "f" * 64})
        expect(status == 403, f"{method} {path} with a wrong token gave {status}")
    status, _, _ = server.request("GET", api + "/diagnostic", token=False,
                                  headers={"Cookie": f"sdiag-token-{P}={server.token}"})
    expect(status == 200, f"the cookie was not taken: {status}")
    status, _, _ = server.request("GET", api + "/diagnostic", token=False,
                                  headers={"Cookie": f"sdiag-token-{P + 1}={server.token}"})
    expect(status == 401, f"another port's cookie was taken: {status}")

    # Host: this machine's names with the port, nothing else (DNS rebinding).
    for host in [f"localhost:{P}", f"127.0.0.1:{P}", f"[::1]:{P}", f"LOCALHOST:{P}"]:
        status, _, _ = server.request("GET", api + "/diagnostic", host=host)
        expect(status == 200, f"Host {host} refused: {status}")
    for host in [f"evil.example:{P}", "127.0.0.1", "localhost", f"127.0.0.1:{P + 1}", f"localhost.evil.example:{P}", ""]:
        status, headers, _ = server.request("GET", api + "/diagnostic", host=host)
        expect(status == 403, f"Host {host!r} gave {status}")
        status, _, _ = server.request("GET", "/", host=host, token=False)
        expect(status == 403, f"the page with Host {host!r} gave {status}")

    # Origin: a state-changing request from another site's page is refused, with the token or not.
    diagnostic = json.loads(server.request("GET", api + "/diagnostic")[2])
    for origin in ["http://evil.example", f"http://evil.example:{P}", "null", f"https://127.0.0.1:{P}",
                   f"http://127.0.0.1:{P + 1}"]:
        status, _, _ = server.request("PUT", api + "/diagnostic", json.dumps(diagnostic).encode(), headers={"Origin": origin})
        expect(status == 403, f"PUT with Origin {origin} gave {status}")
        status, _, _ = server.request("POST", api + "/render", b"", headers={"Origin": origin})
        expect(status == 403, f"POST render with Origin {origin} gave {status}")
        status, _ = server.upload([("f", "b.json", board)], headers={"Origin": origin})
        expect(status == 403, f"upload with Origin {origin} gave {status}")
    status, _, _ = server.request("PUT", api + "/diagnostic", json.dumps(diagnostic).encode(),
                                  headers={"Origin": f"http://localhost:{P}"})
    expect(status == 200, f"PUT from the page's own origin gave {status}")

    # No CORS, not even for a preflight.
    status, headers, _ = server.request("OPTIONS", api + "/diagnostic", headers={
        "Origin": "http://evil.example", "Access-Control-Request-Method": "PUT"})
    expect(not any(h.startswith("access-control-") for h in headers), f"CORS headers on a preflight: {headers}")
    status, headers, _ = server.request("GET", api + "/diagnostic", headers={"Origin": "http://evil.example"})
    expect(not any(h.startswith("access-control-") for h in headers), f"CORS headers: {headers}")
    expect(headers.get("content-security-policy", "").startswith("default-src 'self'"), "no CSP on the API")

    # GET and PUT the diagnostic: a renamed theme, an owner.
    status, d = server.json("GET", api + "/diagnostic")
    expect(status == 200 and d["schema"] == "sdiag/1" and d["notes"] and d["themes"] and d["actions"], "GET diagnostic")
    expect(any(s["path"] == "castlebrook-board.json" for s in d["meta"]["sources"]), "the source is not the upload's name")
    before = json.dumps(d)
    theme = d["themes"][0]
    theme["label"], theme["origin"] = "Named by the facilitator", "manual"
    d["actions"][0]["owner"] = "Zara Quentin"
    status, answer = server.json("PUT", api + "/diagnostic", json.dumps(d).encode())
    expect(status == 200 and answer == {"saved": True}, f"PUT gave {status} {answer}")
    status, again = server.json("GET", api + "/diagnostic")
    expect(again["themes"][0]["label"] == "Named by the facilitator" and again["actions"][0]["owner"] == "Zara Quentin",
           "the saved edit is not what GET gives back")

    # Bad bodies: 400 with the reason, and the file as it was.
    for bad, why in [(b"{not json", "not JSON"), (b"", "empty"), (b'{"schema": "other/9"}', "wrong schema"),
                     (json.dumps({**d, "notes": "none"}).encode(), "notes not a list"), (b"[" * 100000, "too deep"),
                     (b"\xff\xfe{}", "not UTF-8")]:
        status, answer = server.json("PUT", api + "/diagnostic", bad)
        expect(status == 400 and answer.get("error"), f"PUT {why} gave {status} {answer}")
    status, still = server.json("GET", api + "/diagnostic")
    expect(still == again, "a refused PUT changed the saved diagnostic")

    # The report from the edited diagnostic.
    status, answer = server.json("POST", api + "/render", b"")
    expect(status == 200, f"render gave {status} {answer}")
    for name in ["report.docx", "report.pdf", "action-plan.xlsx", "diagnostic.json", "sdiag-report.zip"]:
        expect(name in answer["files"], f"render did not write {name}: {answer['files']}")
    status, headers, data = server.request("GET", api + "/files/report.docx")
    expect(status == 200 and data[:2] == b"PK" and "wordprocessingml" in headers.get("content-type", ""),
           f"GET report.docx gave {status} {headers}")
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    text += "\n".join(c.text for t in docx.Document(io.BytesIO(data)).tables for r in t.rows for c in r.cells)
    expect("Named by the facilitator" in text and "Zara Quentin" in text, "the edits are not in report.docx")
    status, _, data = server.request("GET", api + "/files/sdiag-report.zip")
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    expect(status == 200 and {"report.docx", "report.pdf", "action-plan.xlsx"} <= set(names), f"zip holds {names}")
    for bad in ["../diagnostic.json", "..%2Fdiagnostic.json", "%2e%2e", ".report.docx", "nothing.pdf", "uploads",
                "report.docx%00.pdf"]:
        status, _, _ = server.request("GET", api + "/files/" + bad)
        expect(status == 404, f"GET files/{bad} gave {status}")

    # The command line writes the same report from the workspace's diagnostic.json; the facilitator's theme survives.
    out = os.path.join(root, "cli")
    run("run", os.path.join(ws_dir, "diagnostic.json"), "-o", out, check=0)
    rerun = json.load(open(os.path.join(out, "diagnostic.json")))
    expect(any(t["label"] == "Named by the facilitator" for t in rerun["themes"]), "a re-run lost the facilitator's theme")
    expect(rerun["actions"][0]["owner"] == "Zara Quentin", "a re-run lost the owner")

    # Undo: back to the version before the edit, then nothing more than the saves made.
    status, undone = server.json("POST", api + "/undo", b"")
    expect(status == 200 and undone["themes"][0]["label"] != "Named by the facilitator", f"undo gave {status}")
    expect(server.json("GET", api + "/diagnostic")[1] == undone, "undo did not put the file back")
    undos = 0
    while server.json("POST", api + "/undo", b"")[0] == 200:
        undos += 1
        expect(undos < 10, "undo never runs out")
    expect(server.json("POST", api + "/undo", b"")[0] == 409, "nothing to undo is not 409")

    # Concurrent saves: every one whole, the last one wins; never a torn file.
    versions = []
    for i in range(8):
        v = json.loads(before)
        v["themes"][0]["label"] = f"Version {i} " + "x" * 20000
        versions.append(json.dumps(v).encode())
    results = at_once(*[lambda b=b: server.request("PUT", api + "/diagnostic", b)[0] for b in versions])
    expect(results == [200] * 8, f"concurrent PUTs gave {results}")
    final = json.load(open(os.path.join(ws_dir, "diagnostic.json")))
    expect(final["themes"][0]["label"].startswith("Version "), "a concurrent save left another file")
    expect(not [f for f in os.listdir(ws_dir) if f.startswith(".") or "tmp" in f], f"temporary files left: {os.listdir(ws_dir)}")

    # Unknown and malformed workspaces.
    for bad in ["0" * 24, "..", "%2e%2e%2f%2e%2e", wid + "x", wid.upper()]:
        status, _, _ = server.request("GET", f"/api/workspaces/{bad}/diagnostic")
        expect(status == 404, f"workspace {bad} gave {status}")
    status, _, _ = server.request("GET", "/api/nothing")
    expect(status == 404, f"/api/nothing gave {status}")
    status, _, _ = server.request("DELETE", api + "/diagnostic")
    expect(status == 404, f"DELETE gave {status}")

    # Hostile upload names: never paths; shown cleaned.
    before_entries = set(os.listdir(root))
    hostile = ["../../escape.json", "..\\..\\escape2.json", "/etc/passwd", "a\x01b\nc.json", "x" * 5000 + ".json",
               ".", "..", "", "con.json", "ok.json\u202e.exe"]
    status, answer = server.upload([("f", n, board) for n in hostile])
    expect(status == 201, f"hostile names gave {status} {answer}")
    hid = answer["id"]
    stored = sorted(os.listdir(os.path.join(root, "workspaces", hid, "uploads")))
    expect(all(s.startswith("upload-") for s in stored) and len(stored) == len(hostile), f"stored as {stored}")
    expect(set(os.listdir(root)) == before_entries, f"an upload escaped its folder: {os.listdir(root)}")
    expect(not os.path.exists(os.path.join(root, "workspaces", "escape.json")), "../ was followed")
    shown = [s["path"] for s in server.json("GET", f"/api/workspaces/{hid}/diagnostic")[1]["meta"]["sources"]]
    expect(all("/" not in s and "\\" not in s and "\n" not in s and "\x01" not in s and len(s.encode()) <= 120
               for s in shown), f"names shown: {shown}")

    # Limits: too many files, too large, not a form, nothing in it, nothing readable.
    count = len(os.listdir(os.path.join(root, "workspaces")))
    status, answer = server.upload([("f", f"{i}.json", board) for i in range(21)])
    expect(status == 413 and "more than 20 files" in answer["error"], f"21 files gave {status} {answer}")
    status, headers, _ = server.request("POST", "/api/workspaces", b"x" * 10, headers={
        "Content-Type": "multipart/form-data; boundary=b", "Content-Length": str(300 << 20)})
    expect(status == 413, f"a 300 MiB upload gave {status}")
    status, answer = server.upload([])
    expect(status == 400, f"an upload without files gave {status}")
    status, answer = server.json("POST", "/api/workspaces", board, headers={"Content-Type": "application/json"})
    expect(status == 415, f"a body that is not a form gave {status}")
    status, answer = server.upload([("f", "noise.bin", bytes(range(256)) * 10)])
    expect(status == 422 and answer["findings"] and any(f["severity"] == "error" for f in answer["findings"]),
           f"an unreadable file gave {status} {answer}")
    expect(len(os.listdir(os.path.join(root, "workspaces"))) == count, "a refused upload left a workspace behind")
    status, answer = server.json("PUT", api + "/diagnostic", b"x", headers={"Content-Length": str(300 << 20)})
    expect(status == 413, f"a 300 MiB PUT gave {status}")

    # A port already taken: a clear error, not a second server.
    taken = subprocess.run([SDIAG, "serve", "--no-browser", "--port", str(P), "--workspace", os.path.join(root, "other")],
                           capture_output=True, text=True, timeout=30)
    expect(taken.returncode == 1 and "choose another with --port" in taken.stderr, f"a taken port: {taken}")

    # A workspace folder another server has: a clear error, and the first server keeps it.
    second = subprocess.run([SDIAG, "serve", "--no-browser", "--port", "0", "--workspace", os.path.join(root, "workspaces")],
                            capture_output=True, text=True, timeout=30)
    expect(second.returncode == 1 and "another sdiag serve is using it" in second.stderr and not second.stdout,
           f"a second server on the same workspace folder: {second}")

    # Still answering after all that; Ctrl-C stops it cleanly.
    expect(server.request("GET", api + "/diagnostic")[0] == 200, "the server stopped answering")
finally:
    code = server.stop()
expect(code == 0, f"sdiag serve exited {code} after Ctrl-C")
print("serve API: routes, token, Host, Origin, CORS, CSP, loopback, uploads, limits, undo, concurrent saves: ok")

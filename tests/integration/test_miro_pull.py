"""sdiag miro pull against a fake Miro on 127.0.0.1 (tests/integration/fake_miro.py):
the dump equals the recorded board, pages and retries are followed, the token
never shows, failures are clear and leave nothing behind, and `sdiag run`
reads what was pulled."""
import json
import os
import shutil
import subprocess
import time

from fake_miro import FakeMiro
from sdiag_test import SDIAG, check_schemas, expect, sample, tempdir

TOKEN = "eyJtaXJvIjoidGVzdCJ9.sdiag-fake-token-7f3c9a1e5b"
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z

with open(sample("miro", "castlebrook-board.json"), encoding="utf-8") as f:
    BOARD = json.load(f)
BOARD_ID = BOARD["board"]["id"]


def pull(base_url, out, *extra, token=TOKEN, board=BOARD_ID):
    env = {k: v for k, v in os.environ.items() if k != "MIRO_TOKEN"}
    env["SOURCE_DATE_EPOCH"] = EPOCH
    if token is not None:
        env["MIRO_TOKEN"] = token
    started = time.monotonic()
    p = subprocess.run([SDIAG, "miro", "pull", board, "--base-url", base_url, "-o", out, *extra],
                       capture_output=True, text=True, env=env, timeout=120)
    return p.returncode, p.stdout, p.stderr, time.monotonic() - started


def serve(mode):
    fake = FakeMiro(BOARD, TOKEN, mode)
    return fake, "http://127.0.0.1:%d" % fake.start()


def self_signed(folder, name, san):
    """A certificate and key for a loopback TLS server, made with the openssl tool."""
    cert, key = os.path.join(folder, name + ".pem"), os.path.join(folder, name + ".key")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=sdiag test",
                    "-addext", "subjectAltName=" + san, "-keyout", key, "-out", cert],
                   check=True, capture_output=True, timeout=60)
    return cert, key


def serve_tls(cert, key):
    fake = FakeMiro(BOARD, TOKEN, "normal")
    fake.faults = {}
    return fake, "https://127.0.0.1:%d" % fake.start(cert, key)


def without_file_names(value):
    """The record with source.file dropped: the two runs read files of different names."""
    if isinstance(value, dict):
        return {k: without_file_names(v) for k, v in value.items() if not (k == "file" and "plugin" in value)}
    if isinstance(value, list):
        return [without_file_names(v) for v in value]
    return value


def run_json_pipeline(board_file, out):
    pipeline = os.path.join(os.path.dirname(out), "pipeline.json")
    with open(pipeline, "w") as f:
        json.dump({"name": "pull-check", "inputs": "auto", "outputs": ["json"]}, f)
    p = subprocess.run([SDIAG, "run", board_file, "--pipeline", pipeline, "-o", out], capture_output=True, text=True,
                       timeout=120)
    expect(p.returncode == 0, f"sdiag run on {board_file} exited {p.returncode}: {p.stderr}")
    check_schemas(out)
    with open(os.path.join(out, "diagnostic.json"), encoding="utf-8") as f:
        return json.load(f)


tmp = tempdir()
try:
    # ---- a whole board, through pages, one 429 and one 500
    fake, url = serve("normal")
    out = os.path.join(tmp, "board.json")
    code, stdout, stderr, seconds = pull(url, out)
    fake.stop()
    expect(code == 0, f"pull exited {code}: {stderr}")
    with open(out, encoding="utf-8") as f:
        raw = f.read()
    dump = json.loads(raw)
    expect(list(dump) == ["exportedAt", "board", "members", "items", "connectors", "tags", "itemsByTag"],
           f"dump keys in order: {list(dump)}")
    expect(dump["exportedAt"] == "2026-01-01T00:00:00Z", f"exportedAt {dump['exportedAt']} ignores SOURCE_DATE_EPOCH")
    for key in ("board", "members", "items", "connectors", "tags"):
        expect(dump[key] == BOARD[key], f"'{key}' differs from the recorded board")
    expect(dump["itemsByTag"] == BOARD["itemsByTag"], f"itemsByTag {dump['itemsByTag']} != {BOARD['itemsByTag']}")
    expect(all(isinstance(i["id"], str) for i in dump["items"]), "an item id is not a string")
    expect('"id": "3458764612345607919"' in raw, "a 19-digit id was not written as the same string")
    for where, text in (("stdout", stdout), ("stderr", stderr), ("board.json", raw)):
        expect(TOKEN not in text, f"the token appears in {where}")
    expect(stdout == "", f"stdout should be empty: {stdout!r}")
    expect(fake.bad_auth == 0, f"{fake.bad_auth} requests without the right Authorization header")
    expect(fake.count(429) == 1 and fake.count(500) == 1, "the fake did not answer one 429 and one 500")
    expect(fake.faults == {"429": 0, "500": 0}, f"faults left unserved: {fake.faults}")
    expect(seconds >= 1.0, f"the pull took {seconds:.2f} s; Retry-After: 1 was not waited for")
    # The fake's pages hold 40 items and 4 connectors: each page read once, once more after its fault.
    expect(fake.count(200, "/connectors") == -(-len(BOARD["connectors"]) // 4), "connector pages not all read once")
    item_pages = [q for p, q, s in fake.requests if p.endswith("/items") and "tag_id" not in q and s == 200]
    expect(len(item_pages) == -(-len(BOARD["items"]) // 40), f"{len(item_pages)} item pages read")
    expect(all(q.get("limit") == "50" for q in item_pages), "items were not asked for 50 at a time")
    tag_requests = {q["tag_id"] for p, q, s in fake.requests if "tag_id" in q}
    expect(tag_requests == set(BOARD["itemsByTag"]), f"items per tag asked for {tag_requests}")
    expect("429" in stderr and "500" in stderr, f"the retries were not reported on stderr: {stderr}")
    expect("items: %d" % len(BOARD["items"]) in stderr, f"no progress on stderr: {stderr}")
    leftovers = [n for n in os.listdir(tmp) if n != "board.json"]
    expect(leftovers == [], f"temporary files left: {leftovers}")

    # ---- sdiag run reads the pulled dump exactly as it reads the recorded board
    pulled = run_json_pipeline(out, os.path.join(tmp, "out-pulled"))
    recorded = run_json_pipeline(sample("miro", "castlebrook-board.json"), os.path.join(tmp, "out-recorded"))
    expect(pulled["meta"]["sources"][0]["plugin"] == "miro", "the pulled dump was not read by the miro input")
    expect(len(pulled["notes"]) > 50, f"only {len(pulled['notes'])} notes from the pulled board")
    for key in ("notes", "system_map", "actions"):
        expect(without_file_names(pulled[key]) == without_file_names(recorded[key]), f"'{key}' differs between the pulled and the recorded board")

    # ---- no token: a usage error that says what to set, before any request
    fake, url = serve("normal")
    code, _, stderr, _ = pull(url, os.path.join(tmp, "none.json"), token=None)
    fake.stop()
    expect(code == 2, f"no token: exit {code}")
    expect("set MIRO_TOKEN" in stderr and "boards:read" in stderr, f"no token: {stderr}")
    expect(fake.count() == 0, "a request was sent without a token")
    expect(not os.path.exists(os.path.join(tmp, "none.json")), "no token: a file was written")

    # ---- a server that always fails: bounded retries, then exit 1 and no file
    fake, url = serve("always-500")
    failing = os.path.join(tmp, "failing")
    os.mkdir(failing)
    code, _, stderr, seconds = pull(url, os.path.join(failing, "board.json"), "--retries", "2")
    fake.stop()
    expect(code == 1, f"always 500: exit {code}: {stderr}")
    expect(fake.count() == 3, f"always 500: {fake.count()} requests, expected the first and 2 retries")
    expect("gave up" in stderr and "500" in stderr, f"always 500: {stderr}")
    expect(seconds < 30, f"always 500: took {seconds:.1f} s")
    expect(os.listdir(failing) == [], f"always 500: left {os.listdir(failing)}")

    # ---- a refused token: a clear message, and the echoed token redacted
    fake, url = serve("unauthorized")
    code, stdout, stderr, _ = pull(url, os.path.join(tmp, "refused.json"))
    fake.stop()
    expect(code == 1, f"401: exit {code}")
    expect(fake.echoed_token, "the fake did not echo the token, so redaction was not tested")
    expect("401" in stderr and "MIRO_TOKEN" in stderr, f"401: {stderr}")
    expect(TOKEN not in stderr and TOKEN not in stdout, f"401: the token was printed: {stderr}")
    expect(fake.count() == 1, f"401: retried {fake.count()} times; a refused token cannot get better")

    # ---- an unknown board: 404 says to check the id
    fake, url = serve("normal")
    code, _, stderr, _ = pull(url, os.path.join(tmp, "missing.json"), board="uXjVnoSuchBoard=")
    fake.stop()
    expect(code == 1 and "check the board id" in stderr, f"404: exit {code}: {stderr}")

    # ---- HTTPS: certificates are verified, against the CA store and the host name
    certs = os.path.join(tmp, "certs")
    os.mkdir(certs)
    ip_cert, ip_key = self_signed(certs, "ip", "IP:127.0.0.1")
    fake, url = serve_tls(ip_cert, ip_key)
    code, _, stderr, _ = pull(url, os.path.join(tmp, "untrusted.json"))
    expect(code == 1 and "verified TLS" in stderr, f"untrusted certificate: exit {code}: {stderr}")
    expect(fake.count() == 0, "a request was sent over a connection whose certificate was not trusted")
    # OpenSSL's default store honours SSL_CERT_FILE: trust the test certificate for one run.
    os.environ["SSL_CERT_FILE"] = ip_cert
    code, _, stderr, _ = pull(url, os.path.join(tmp, "tls.json"))
    fake.stop()
    expect(code == 0, f"trusted certificate: exit {code}: {stderr}")
    with open(os.path.join(tmp, "tls.json"), encoding="utf-8") as f:
        expect(json.load(f)["items"] == BOARD["items"], "over https: the items differ")
    name_cert, name_key = self_signed(certs, "name", "DNS:miro.example.invalid")
    fake, url = serve_tls(name_cert, name_key)
    os.environ["SSL_CERT_FILE"] = name_cert
    code, _, stderr, _ = pull(url, os.path.join(tmp, "wrong-name.json"))
    fake.stop()
    del os.environ["SSL_CERT_FILE"]
    expect(code == 1 and "verified TLS" in stderr, f"certificate for another host: exit {code}: {stderr}")
    expect(fake.count() == 0, "a request was sent to a server whose certificate names another host")

    # ---- plain http off this machine is refused before anything is sent
    code, _, stderr, _ = pull("http://miro.example.invalid", os.path.join(tmp, "far.json"))
    expect(code == 2 and "unencrypted" in stderr, f"plain http: exit {code}: {stderr}")
    expect(not os.path.exists(os.path.join(tmp, "far.json")), "plain http: a file was written")
finally:
    shutil.rmtree(tmp, ignore_errors=True)
print("miro pull: ok")

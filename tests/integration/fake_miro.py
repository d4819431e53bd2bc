"""A fake Miro REST API v2 on 127.0.0.1 for testing `sdiag miro pull`.

It serves a recorded board (a whole-board dump such as
samples/miro/castlebrook-board.json) the way the API does: /items and
/connectors in cursor pages, /tags, /members and items per tag
(/items?tag_id=) in offset pages, /v2/boards/{id} for the board. Pages are
smaller than the limit asked for, so every list takes several requests.

Modes:
  normal       answers one 429 (Retry-After: 1) on the second items page
               and one 500 on the second connectors page, then recovers
  always-500   every request fails with 500
  unauthorized every request gets 401, echoing the Authorization header
               it received (as a careless server might)

Every request's Authorization header is checked and counted. Run it alone
to try sdiag by hand: python3 fake_miro.py BOARD.json TOKEN [MODE]
"""
import base64
import json
import ssl
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE_SIZE = {"items": 40, "connectors": 4, "tags": 2, "members": 4, "tagged": 2}


def encode_cursor(offset):
    # Opaque like Miro's, and with '=' padding that must be URL-encoded.
    return base64.b64encode(json.dumps({"after": offset}).encode()).decode()


def decode_cursor(cursor):
    return json.loads(base64.b64decode(cursor))["after"]


class FakeMiro:
    def __init__(self, dump, token, mode="normal"):
        self.dump = dump
        self.board_id = dump["board"]["id"]
        self.token = token
        self.mode = mode
        self.lock = threading.Lock()
        self.requests = []  # (path, query, status)
        self.bad_auth = 0
        self.faults = {"429": 1, "500": 1} if mode == "normal" else {}
        self.echoed_token = False
        self.server = None

    # ---- lifecycle
    def start(self, tls_cert=None, tls_key=None):
        """Listens on 127.0.0.1 at a free port (over TLS with the given
        certificate and key) and returns the port."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                fake.handle(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        if tls_cert:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(tls_cert, tls_key)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.server.server_address[1]

    def stop(self):
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    def count(self, status=None, path_end=None):
        with self.lock:
            return sum(1 for p, _, s in self.requests
                       if (status is None or s == status) and (path_end is None or p.endswith(path_end)))

    # ---- answers
    def handle(self, h):
        url = urllib.parse.urlsplit(h.path)
        query = {k: v[-1] for k, v in urllib.parse.parse_qs(url.query, keep_blank_values=True).items()}
        path = urllib.parse.unquote(url.path)  # board ids end in '=', sent as %3D
        status, body, headers = self.answer(path, query, h.headers.get("Authorization", ""))
        with self.lock:
            self.requests.append((path, query, status))
        data = json.dumps(body).encode()
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        for k, v in headers.items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(data)

    def error(self, status, message):
        return status, {"status": status, "code": "error", "message": message, "type": "error"}, {}

    def take_fault(self, kind):
        with self.lock:
            if self.faults.get(kind, 0) > 0:
                self.faults[kind] -= 1
                return True
        return False

    def answer(self, path, query, authorization):
        if self.mode == "unauthorized":
            self.echoed_token = self.token in authorization
            return self.error(401, "Invalid access token: " + authorization)
        if authorization != "Bearer " + self.token:
            with self.lock:
                self.bad_auth += 1
            return self.error(401, "Invalid access token")
        if self.mode == "always-500":
            return self.error(500, "Internal server error")
        prefix = "/v2/boards/" + self.board_id
        if path != prefix and not path.startswith(prefix + "/"):
            return self.error(404, "Board not found")
        rest = path[len(prefix):]
        d = self.dump
        if rest == "":
            return 200, d["board"], {}
        if rest == "/items" and "tag_id" in query:
            tagged = set(d["itemsByTag"].get(query["tag_id"], []))
            items = [i for i in d["items"] if i["id"] in tagged]
            return self.offset_page(items, query, "tagged")
        if rest == "/items":
            if query.get("cursor") and self.take_fault("429"):
                return 429, {"status": 429, "message": "Too many requests"}, {"Retry-After": "1"}
            return self.cursor_page(d["items"], query, "items", prefix + "/items")
        if rest == "/connectors":
            if query.get("cursor") and self.take_fault("500"):
                return self.error(500, "Internal server error")
            return self.cursor_page(d["connectors"], query, "connectors", prefix + "/connectors")
        if rest == "/tags":
            return self.offset_page(d["tags"], query, "tags")
        if rest == "/members":
            return self.offset_page(d["members"], query, "members")
        return self.error(404, "Not found")

    def limit(self, query, low):
        try:
            limit = int(query.get("limit", "10"))
        except ValueError:
            return None
        return limit if low <= limit <= 50 else None

    def cursor_page(self, entries, query, kind, path):
        limit = self.limit(query, 10)
        if limit is None:
            return self.error(400, "limit must be 10 to 50")
        try:
            start = decode_cursor(query["cursor"]) if query.get("cursor") else 0
        except Exception:
            return self.error(400, "Invalid cursor")
        size = min(limit, PAGE_SIZE[kind])
        page = entries[start:start + size]
        body = {"data": page, "total": len(entries), "size": len(page), "limit": limit, "type": "cursor-list",
                "links": {"self": "https://api.miro.com" + path + "?limit=%d" % limit}}
        if start + size < len(entries):
            body["cursor"] = encode_cursor(start + size)
            # Where Miro says the next page is; a client must not send the token there blindly.
            body["links"]["next"] = "https://api.miro.com" + path + "?cursor=" + body["cursor"]
        return 200, body, {}

    def offset_page(self, entries, query, kind):
        limit = self.limit(query, 1)
        if limit is None:
            return self.error(400, "limit must be 1 to 50")
        try:
            offset = int(query.get("offset", "0"))
        except ValueError:
            return self.error(400, "Invalid offset")
        page = entries[offset:offset + min(limit, PAGE_SIZE[kind])]
        return 200, {"data": page, "total": len(entries), "size": len(page), "offset": offset, "limit": limit,
                     "type": "list", "links": {}}, {}


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: fake_miro.py BOARD.json TOKEN [normal|always-500|unauthorized]")
    with open(sys.argv[1], encoding="utf-8") as f:
        fake = FakeMiro(json.load(f), sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "normal")
    print(fake.start(), flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        fake.stop()

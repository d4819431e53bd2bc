"""A `sdiag serve` on 127.0.0.1 and a free port, for the serve tests."""
import http.client
import json
import os
import re
import signal
import subprocess
import threading
import time
import uuid

from sdiag_test import SDIAG, expect


class Server:
    def __init__(self, workspace_root, *options):
        """options: more of `sdiag serve`'s options, e.g. "--request-timeout", "2"."""
        self.workspace_root = workspace_root
        self.proc = subprocess.Popen([SDIAG, "serve", "--no-browser", "--port", "0", "--workspace", workspace_root,
                                      *options],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline().strip()
        m = re.fullmatch(r"http://127\.0\.0\.1:(\d+)/\?token=([0-9a-f]+)", line)
        if not m:
            self.proc.kill()
            raise SystemExit(f"FAILED: sdiag serve printed {line!r}, not its address\n{self.proc.stderr.read()}")
        self.url, self.port, self.token = line, int(m.group(1)), m.group(2)
        self.base = f"http://127.0.0.1:{self.port}"

    def request(self, method, path, body=None, headers=None, token=True, host=None):
        """(status, headers dict with lower-case names, body bytes)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", host if host is not None else f"127.0.0.1:{self.port}")
        if token:
            conn.putheader("Authorization", f"Bearer {self.token}")
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        if body is not None and "Content-Length" not in (headers or {}):
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        r = conn.getresponse()
        data = r.read()
        conn.close()
        return r.status, {k.lower(): v for k, v in r.getheaders()}, data

    def json(self, method, path, body=None, **kw):
        status, _, data = self.request(method, path, body, **kw)
        return status, (json.loads(data) if data else None)

    def upload(self, files, **kw):
        """files: [(field, filename, bytes)]. Returns (status, parsed answer)."""
        body, ctype = multipart(files)
        headers = {"Content-Type": ctype}
        headers.update(kw.pop("headers", {}))
        return self.json("POST", "/api/workspaces", body, headers=headers, **kw)

    def stop(self):
        """Ctrl-C; returns the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise SystemExit("FAILED: sdiag serve did not stop within 10 s of Ctrl-C")
        return self.proc.returncode


def at_once(*calls):
    """Runs the calls in threads of their own, all started before any is waited for; their results, in order."""
    results = [None] * len(calls)

    def run(i):
        results[i] = calls[i]()
    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def multipart(files):
    boundary = "sdiag-" + uuid.uuid4().hex
    out = b""
    for field, name, data in files:
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\n"
                "Content-Type: application/octet-stream\r\n\r\n").encode("utf-8", "surrogateescape") + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, f"multipart/form-data; boundary={boundary}"


def listening_addresses(port):
    """The local addresses of sockets listening on `port`, from /proc/net/tcp and tcp6."""
    found = []
    for table in ["/proc/net/tcp", "/proc/net/tcp6"]:
        if not os.path.exists(table):
            continue
        with open(table) as f:
            next(f)
            for row in f:
                cols = row.split()
                address, hex_port = cols[1].split(":")
                if int(hex_port, 16) == port and cols[3] == "0A":  # LISTEN
                    found.append(address)
    return found


LOOPBACK = {"0100007F", "00000000000000000000000001000000"}  # 127.0.0.1 and ::1 as /proc writes them


def wait_for(condition, what, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        if condition():
            return
        time.sleep(0.1)
    expect(False, f"{what} (waited {seconds} s)")

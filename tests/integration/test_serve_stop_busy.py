"""Ctrl-C while sdiag serve is still at work on a request (here an upload a
slow script input is reading) past the 10 s it waits: the server ends
cleanly, saying so, instead of destroying the state the request's thread
still uses (it died with SIGSEGV); what the request left is cleared at the
next start."""
import os
import signal
import sys
import threading
import time

from serve_session import Server, wait_for
from sdiag_test import expect, tempdir

work = tempdir()
plugins = os.path.join(work, "plugins")
started = os.path.join(work, "started")
os.makedirs(os.path.join(plugins, "slow"))
with open(os.path.join(plugins, "slow", "plugin.json"), "w") as f:
    f.write('{"name": "slow", "kinds": ["input"], "version": "1.0.0", "summary": "reads slowly", '
            f'"run": ["{sys.executable}", "main.py"]}}')
with open(os.path.join(plugins, "slow", "main.py"), "w") as f:
    f.write(f"""import json, os, sys, time
request = json.load(sys.stdin)
if request.get("sniff"):
    json.dump({{"sniff": 100 if request["path"].endswith(".slow") else 0}}, sys.stdout)
    sys.exit()
open({started!r}, "w").close()
parent = os.getppid()
for _ in range(150):  # 15 s, longer than the server waits; ends early once sdiag is gone
    if os.getppid() != parent:
        sys.exit(1)
    time.sleep(0.1)
json.dump({{"diagnostic": {{"notes": []}}}}, sys.stdout)
""")
os.environ["SDIAG_PLUGIN_PATH"] = plugins
workspaces = os.path.join(work, "workspaces")
server = Server(workspaces)


def upload():
    try:
        server.upload([("files", "notes.slow", b"x")])
    except Exception:
        pass  # the connection is cut when the server stops


threading.Thread(target=upload, daemon=True).start()
wait_for(lambda: os.path.exists(started), "the slow input started reading the upload")
t0 = time.time()
server.proc.send_signal(signal.SIGINT)
try:
    code = server.proc.wait(timeout=30)
except Exception:
    server.proc.kill()
    raise SystemExit("FAILED: sdiag serve did not stop within 30 s of Ctrl-C")
err = server.proc.stderr.read()
expect(code == 0, f"the server stops cleanly while a request is still at work (exit {code}): {err}")
expect("send it again after the next start" in err, f"it says what was cut short and what to do: {err}")
left = [os.path.join(d, n) for d, _, names in os.walk(workspaces) for n in names]
expect(all(".sdiag-tmp-" in p for p in left), f"what is left of the cut-short upload is in its staging folder: {left}")
expect(Server(workspaces).stop() == 0, "the next server starts and stops")
left = [os.path.join(d, n) for d, _, names in os.walk(workspaces) for n in names]
expect(not left, f"the next start clears what the stopped request left: {left}")
print(f"ok: Ctrl-C during a slow upload ends the server cleanly in {time.time() - t0:.1f} s")

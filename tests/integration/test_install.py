"""cmake --install gives a relocatable prefix: moved elsewhere, sdiag still
finds its plugins and templates, and the SDK files are in place."""
import os
import shutil
import signal
import subprocess
import urllib.request

from sdiag_test import BUILD, check_schemas, expect, sample, tempdir

root = tempdir()
first = os.path.join(root, "first")
subprocess.run(["cmake", "--install", BUILD, "--prefix", first], check=True, capture_output=True)
for path in ["bin/sdiag", "lib/sdiag/plugins/json.so", "lib/sdiag/plugins/d2i-report.so",
             "include/sdiag/plugin.hpp", "include/sdiag/model/diagnostic.hpp",
             "lib/cmake/sdiag/sdiagConfig.cmake", "lib/cmake/sdiag/sdiagConfigVersion.cmake",
             "lib/cmake/sdiag/SdiagPlugin.cmake", "share/sdiag/templates/workshop/d2i-service-diagnostic.json",
             "share/sdiag/templates/pipelines/full-report.json", "lib/sdiag/sdiag-serve.so",
             "share/sdiag/web/index.html", "share/sdiag/web/app.js", "share/sdiag/web/app.css"]:
    expect(os.path.exists(os.path.join(first, path)), f"installed {path}")

moved = os.path.join(root, "moved", "elsewhere")
shutil.move(first, moved)
env = {k: v for k, v in os.environ.items() if k not in ("SDIAG_DATA_DIR", "SDIAG_PLUGIN_PATH")}
exe = os.path.join(moved, "bin", "sdiag")
p = subprocess.run([exe, "plugins"], capture_output=True, text=True, env=env)
expect(p.returncode == 0 and "d2i-report" in p.stdout and os.path.join(moved, "lib") in
       subprocess.run([exe, "plugins", "json"], capture_output=True, text=True, env=env).stdout,
       f"moved prefix finds its plugins: {p.stdout}{p.stderr}")
out = os.path.join(root, "out")
p = subprocess.run([exe, "run", sample("castlebrook", "diagnostic.json"), "-o", out], capture_output=True, text=True, env=env)
expect(p.returncode == 0, f"moved prefix runs the default pipeline: {p.stderr}")
expect(os.path.exists(os.path.join(out, "report.md")), "report written from the moved prefix")
check_schemas(out)

# The moved prefix serves the review page from its own share/sdiag/web.
serve = subprocess.Popen([exe, "serve", "--no-browser", "--port", "0", "--workspace", os.path.join(root, "ws")],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
try:
    address = serve.stdout.readline().strip()
    page = urllib.request.urlopen(address.split("?")[0], timeout=30).read()
    expect(b'<script src="app.js"' in page, f"the moved prefix does not serve the page at {address!r}")
finally:
    serve.send_signal(signal.SIGINT)
    expect(serve.wait(timeout=10) == 0, "sdiag serve did not stop cleanly on Ctrl-C")
print("test_install: all checks passed")

"""The script plugin protocol: one JSON request in, one JSON response out."""

import json
import os
import sys
import tempfile
import traceback
from typing import Any, Callable, Dict, List, Optional

from ._document import Document
from ._model import Diagnostic

#: The SDK version this helper speaks; a request of another major version is refused.
API = "1.5"

SEVERITIES = ("info", "warning", "error")


class PluginError(Exception):
    """Raise it to stop with one clear line (no traceback): sdiag shows it in its finding."""


class Request:
    """What sdiag asks: ``kind``, ``plugin``, ``options`` (typed as plugin.json
    declares them), and by kind ``diagnostic``, ``document``, ``path``,
    ``sniff`` and ``output_dir``."""

    def __init__(self, data: Dict[str, Any]):
        if not isinstance(data, dict):
            raise PluginError("the request should be a JSON object")
        self.raw = data
        self.api: str = str(data.get("api", ""))
        if self.api.split(".")[0] != API.split(".")[0]:
            raise PluginError(f"the request speaks SDK {self.api or '(none)'}; this helper speaks {API}")
        self.kind: str = data.get("kind", "")
        self.plugin: str = data.get("plugin", "")
        self.options: Dict[str, Any] = dict(data.get("options") or {})
        self.diagnostic: Optional[Diagnostic] = (
            Diagnostic.from_dict(data["diagnostic"]) if isinstance(data.get("diagnostic"), dict) else None)
        self.document: Optional[Document] = (
            Document.from_dict(data["document"]) if isinstance(data.get("document"), dict) else None)
        self.path: str = data.get("path", "")
        self.sniff: bool = bool(data.get("sniff", False))
        self.output_dir: str = data.get("output_dir", "")
        self.findings: List[Dict[str, str]] = []

    def finding(self, message: str, severity: str = "warning", location: str = "", source: str = "") -> None:
        """Reports something the user should see (in diagnostic.json and on stderr), tagged with the plugin."""
        if severity not in SEVERITIES:
            raise ValueError(f"severity '{severity}' is not one of {', '.join(SEVERITIES)}")
        self.findings.append({"severity": severity, "message": message, "location": location, "source": source})

    def data_dir(self) -> str:
        """sdiag's templates folder (workshop templates, vocabularies)."""
        return os.environ.get("SDIAG_DATA_DIR", "")


def write_file(request: Request, name: str, data: Any) -> str:
    """Writes ``name`` (bytes or text) into the output folder through a temporary
    name, as sdiag writes its own outputs: a failure never leaves half a file."""
    if not request.output_dir:
        raise PluginError("write_file is for outputs: the request has no output_dir")
    target = os.path.join(request.output_dir, name)
    if os.path.dirname(os.path.abspath(target)) != os.path.abspath(request.output_dir):
        raise PluginError(f"'{name}' is not a file name inside the output folder")
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    fd, tmp = tempfile.mkstemp(prefix="." + name + ".", suffix=".tmp", dir=request.output_dir)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target


def _dict_of(value: Any, what: str) -> Dict[str, Any]:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, dict):
        return value
    raise PluginError(f"the plugin returned {type(value).__name__}; a {what} was expected")


def answer(data: Dict[str, Any], analysis: Optional[Callable] = None, layout: Optional[Callable] = None,
           input: Optional[Callable] = None, sniff: Optional[Callable] = None,
           output: Optional[Callable] = None) -> Dict[str, Any]:
    """The response to the request ``data``, from the function for its kind
    (each takes the Request). What ``main`` does, without stdin and stdout."""
    request = Request(data)
    kind = "sniff" if request.kind == "input" and request.sniff else request.kind
    handler = {"analysis": analysis, "layout": layout, "input": input, "sniff": sniff, "output": output}.get(kind)
    if handler is None:
        if kind == "sniff":  # no sniff function: plugin.json's extensions said enough
            return {"sniff": 50}
        raise PluginError(f"this plugin cannot answer a '{request.kind}' request")
    result = handler(request)
    if kind == "analysis":
        response = {"diagnostic": _dict_of(result if result is not None else request.diagnostic, "Diagnostic")}
    elif kind == "input":
        response = {"diagnostic": _dict_of(result, "Diagnostic")}
    elif kind == "layout":
        response = {"document": _dict_of(result, "Document")}
    elif kind == "sniff":
        response = {"sniff": max(0, min(100, int(result or 0)))}
    else:
        response = {"files": [str(p) for p in (result or [])]}
    if request.findings:
        response["findings"] = request.findings
    return response


def main(**handlers: Callable) -> None:
    """Reads the request on stdin, answers it on stdout, exits. Give the
    functions of the plugin's kinds: analysis=, layout=, input=, sniff=, output=.
    An exception is printed on stderr (sdiag logs it) and exits 1."""
    try:
        data = json.loads(sys.stdin.buffer.read().decode("utf-8"))
        response = answer(data, **handlers)
    except PluginError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)
    except Exception as e:  # everything else: the traceback helps the author, the last line the user
        traceback.print_exc(file=sys.stderr)
        print(f"error: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
    out = json.dumps(response, ensure_ascii=False).encode("utf-8")
    sys.stdout.buffer.write(out)
    sys.stdout.buffer.flush()

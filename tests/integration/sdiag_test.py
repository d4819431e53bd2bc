"""Shared helpers for the integration tests: run the real sdiag binary."""
import os
import subprocess
import sys
import tempfile

SDIAG = os.environ["SDIAG"]
SOURCE = os.environ["SDIAG_TEST_SOURCE_DIR"]
BUILD = os.environ["SDIAG_BUILD_DIR"]
TEST_PLUGINS = os.path.join(BUILD, "tests", "plugins")


def sample(*parts):
    return os.path.join(SOURCE, "samples", *parts)


def run(*args, env=None, check=None):
    """Runs sdiag; returns (exit code, stdout, stderr). What it writes into its
    -o folder is checked against the published schemas (check_schemas)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    p = subprocess.run([SDIAG, *args], capture_output=True, text=True, env=full_env, timeout=300)
    if check is not None and p.returncode != check:
        sys.exit(f"sdiag {' '.join(args)} exited {p.returncode}, expected {check}\n"
                 f"stdout:\n{p.stdout}\nstderr:\n{p.stderr}")
    for i, a in enumerate(args[:-1]):
        if a in ("-o", "--output") and os.path.isdir(args[i + 1]):
            check_schemas(args[i + 1])
    return p.returncode, p.stdout, p.stderr


_SCHEMAS = {}


def check_schemas(folder):
    """Validates folder's diagnostic.json and any *document.json (the Document
    JSON a script output was given) against share/sdiag/schema, with
    python3-jsonschema: a reader we did not write."""
    import json
    import jsonschema
    for name in sorted(os.listdir(folder)):
        schema_name = ("diagnostic.schema.json" if name == "diagnostic.json"
                       else "document.schema.json" if name.endswith("document.json") else None)
        if not schema_name:
            continue
        if schema_name not in _SCHEMAS:
            with open(os.path.join(SOURCE, "sdk", "schema", schema_name), encoding="utf-8") as f:
                _SCHEMAS[schema_name] = jsonschema.Draft202012Validator(json.load(f))
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            try:
                instance = json.load(f)
            except ValueError as e:
                sys.exit(f"FAILED: {os.path.join(folder, name)} is not JSON: {e}")
        error = jsonschema.exceptions.best_match(_SCHEMAS[schema_name].iter_errors(instance))
        if error is not None:
            where = "/".join(str(p) for p in error.absolute_path)
            sys.exit(f"FAILED: {os.path.join(folder, name)} does not match {schema_name} at '{where}': {error.message}")


def toolchain():
    """CMake arguments that build an out-of-tree project with this build's compilers and flags."""
    args = []
    for var, env in [("CMAKE_C_COMPILER", "SDIAG_TEST_C_COMPILER"), ("CMAKE_CXX_COMPILER", "SDIAG_TEST_CXX_COMPILER"),
                     ("CMAKE_CXX_FLAGS", "SDIAG_TEST_CXX_FLAGS")]:
        if os.environ.get(env):
            args.append(f"-D{var}={os.environ[env]}")
    if os.environ.get("SDIAG_TEST_LINKER_FLAGS"):
        for kind in ["EXE", "SHARED", "MODULE"]:
            args.append(f"-DCMAKE_{kind}_LINKER_FLAGS={os.environ['SDIAG_TEST_LINKER_FLAGS']}")
    return args


def tempdir():
    return tempfile.mkdtemp(prefix="sdiag-test-")


def expect(condition, message):
    if not condition:
        sys.exit("FAILED: " + message)

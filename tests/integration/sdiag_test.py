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
    """Runs sdiag; returns (exit code, stdout, stderr)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    p = subprocess.run([SDIAG, *args], capture_output=True, text=True, env=full_env, timeout=300)
    if check is not None and p.returncode != check:
        sys.exit(f"sdiag {' '.join(args)} exited {p.returncode}, expected {check}\n"
                 f"stdout:\n{p.stdout}\nstderr:\n{p.stderr}")
    return p.returncode, p.stdout, p.stderr


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

"""A throw-away Jupyter set-up for ratelab's client tests and benchmark.

The kernelspecs are installed with `ratelab install --prefix` into a temporary
directory found through JUPYTER_PATH, and Jupyter's data, runtime and ratelab's history
files go to temporary directories too, so the user's own set-up is never touched.
The ratelab binary comes from $RATELAB_BIN (default: bin/ratelab at the repository root).

Two kernelspecs are installed: "ratelab" (interrupt_mode "signal", the default) and
"ratelab-msg" (interrupt_mode "message"), so both interrupt paths can be exercised.
"""

import os
import shutil
import subprocess
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ENV_VARS = ("JUPYTER_PATH", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "RATELAB_HISTORY")


def ratelab_bin():
    """The ratelab binary to test; skips the test when there is none."""
    path = os.environ.get("RATELAB_BIN") or os.path.join(ROOT, "bin", "ratelab")
    if not os.access(path, os.X_OK):
        raise unittest.SkipTest(f"no ratelab binary at {path}: build it or set RATELAB_BIN")
    return os.path.abspath(path)


class KernelEnv:
    """Installs the kernelspecs into a temporary prefix and points Jupyter at it.

    Use as a context manager, or call enter()/exit() from setUpClass/tearDownClass.
    """

    def __init__(self):
        self.tmp = None
        self.saved = {}

    def enter(self):
        binary = ratelab_bin()
        self.tmp = tempfile.mkdtemp(prefix="ratelab-clienttest-")
        for name, mode in (("ratelab", "signal"), ("ratelab-msg", "message")):
            subprocess.run([binary, "install", "--prefix", self.tmp, "--name", name,
                            "--interrupt-mode", mode], check=True, capture_output=True, text=True)
        self.saved = {k: os.environ.get(k) for k in ENV_VARS}
        os.environ["JUPYTER_PATH"] = os.path.join(self.tmp, "share", "jupyter")
        os.environ["JUPYTER_DATA_DIR"] = os.path.join(self.tmp, "data")
        os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(self.tmp, "runtime")
        os.environ["RATELAB_HISTORY"] = os.path.join(self.tmp, "history.db")
        return self

    def exit(self):
        for k, v in self.saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self.enter()

    def __exit__(self, *exc):
        self.exit()

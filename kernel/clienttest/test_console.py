"""`jupyter console --kernel ratelab` driven in tmux, as a person at a terminal uses it:
a multi-line func is continued (is_complete_request), tab completes members of the
built-in `analysis` package, and Ctrl-C stops `for {}` (SIGINT, interrupt_mode signal)
with the session's variables kept.

Run: RATELAB_BIN=$PWD/bin/ratelab /usr/bin/python3 -m pytest -q kernel/clienttest/test_console.py
Needs tmux and Debian's jupyter-console.
"""

import os
import shutil
import subprocess
import time
import unittest
import uuid

import pytest

from kernelenv import KernelEnv

pytestmark = pytest.mark.skipif(
    not (shutil.which("tmux") and os.path.exists("/usr/bin/jupyter-console")),
    reason="needs tmux and jupyter-console (apt install tmux jupyter-console)")


class Console:
    """A jupyter console in a detached tmux session on a private tmux server."""

    def __init__(self):
        self.server = "ratelab-" + uuid.uuid4().hex[:8]
        self.count = 1  # the number of the next "In [n]:" prompt
        self.tmux("new-session", "-d", "-s", "c", "-x", "160", "-y", "50",
                  "/usr/bin/jupyter-console --kernel ratelab --ZMQTerminalInteractiveShell.simple_prompt=False")

    def tmux(self, *args):
        # A private server (-L) starts from this process, so it inherits KernelEnv's
        # JUPYTER_PATH and friends.
        return subprocess.run(["tmux", "-L", self.server, *args], check=True,
                              capture_output=True, text=True).stdout

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "c", "-S", "-200")

    def keys(self, *keys):
        self.tmux("send-keys", "-t", "c", *keys)

    def line(self, text):
        self.keys("-l", text)
        self.keys("Enter")

    def wait_for(self, text, timeout=20, after=0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            s = self.screen()
            if s.count(text) > after:
                return s
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear on the console; screen:\n{self.screen()}")

    def cell(self, *lines):
        """Types a cell line by line and waits for the prompt after it."""
        for text in lines:
            self.line(text)
        self.count += 1
        return self.wait_for(f"In [{self.count}]:")

    def close(self):
        subprocess.run(["tmux", "-L", self.server, "kill-server"], capture_output=True)


@pytest.fixture(scope="module")
def console():
    with KernelEnv():
        c = Console()
        try:
            c.wait_for("In [1]:")
            c.cell('import "fmt"')
            yield c
        finally:
            c.close()


def test_multiline_func_is_continued(console):
    console.line("func add(a, b int) int {")
    # An incomplete line gets a continuation prompt instead of running.
    s = console.wait_for("...:")
    assert f"In [{console.count + 1}]:" not in s
    console.cell("return a + b", "}")
    s = console.cell('fmt.Println("sum", add(40, 2))')
    assert "sum 42" in s


def test_tab_completes_analysis_members(console):
    console.cell('import "github.com/ratelab/ratelab/analysis"')
    console.keys("-l", "analysis.PoissonInt")
    console.keys("Tab")
    console.wait_for("analysis.PoissonInterval")
    console.keys("Escape", "C-u")  # close the menu, clear the line


def test_ctrl_c_stops_infinite_loop(console):
    console.cell('kept := "kept"')
    console.line("for {")
    console.line("}")
    time.sleep(1.0)
    console.keys("C-c")
    console.count += 1
    console.wait_for("KeyboardInterrupt")
    console.wait_for(f"In [{console.count}]:")
    s = console.cell('fmt.Println(kept + " after interrupt")')
    assert "kept after interrupt" in s


if __name__ == "__main__":
    unittest.main()

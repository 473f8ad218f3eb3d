"""`jupyter console --kernel ratelab` driven in tmux, as a person at a terminal uses it:
a multi-line func is continued (is_complete_request), tab completes members of the
built-in `analysis` package, and Ctrl-C stops `for {}` (SIGINT, interrupt_mode signal)
with the session's variables kept.

Run: RATELAB_BIN=$PWD/bin/ratelab /usr/bin/python3 -m pytest -q kernel/clienttest/test_console.py
Needs tmux and Debian's jupyter-console.

Debian's jupyter-console 6.4.4 (with jupyter_client 7.4, nest_asyncio 1.5.4 and
prompt_toolkit 3.0.36 on Python 3.11) has two front-end bugs, so the console is started
through CONSOLE_FIX, which patches both; the requests and replies on the wire stay the
console's own:
- It waits for replies with jupyter_client's run_sync, which re-enters the event loop
  that is already running prompt_toolkit (nest_asyncio). The Enter key handler does so
  (handle_iopub, then check_complete), and so do run_cell and Tab completion. The nested
  loop polls the terminal too, and when the next keys are already there (typed ahead, as
  tmux does) it runs prompt_toolkit's stdin callback inside itself: Python refuses
  ("cannot enter context: ... is already entered", "generator already executing"), those
  keys are lost and the console waits for ever for the rest of a cell, e.g. at
  "...:" or with no new "In [n]:". CONSOLE_FIX gives the console a run_sync that reads
  the channel's socket with plain blocking zmq calls, so no loop is ever re-entered.
- It never relays Ctrl-C to any kernel (ipykernel included): prompt_toolkit installs its
  own SIGINT handler while it reads a line and, on return, resets SIGINT to Python's
  default_int_handler, replacing the console's handler that calls interrupt_kernel().
  CONSOLE_FIX puts the console's handler back before each cell runs; the kernel side
  (SIGINT from KernelManager.interrupt_kernel) is what is under test.
The console gives up on the kernel's is_complete and complete replies after 1 s and 5 s
(and then stops asking is_complete for good); a loaded CI machine gets 30 s.
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


CONSOLE_FIX = """
import queue
import signal
import zmq
from jupyter_console import app, completer, ptshell

def blocking_run_sync(method):
    # jupyter_client's run_sync for the only calls the console makes with it,
    # ZMQSocketChannel.msg_ready() and .get_msg(timeout=None), on a blocking shadow of
    # the channel's socket: same messages, no event loop.
    channel = method.__self__
    sock = zmq.Socket.shadow(channel.socket.underlying)

    def msg_ready():
        return bool(sock.poll(0))

    def get_msg(timeout=None):
        if not sock.poll(None if timeout is None else timeout * 1000):
            raise queue.Empty
        ident, msg = channel.session.feed_identities(sock.recv_multipart())
        return channel.session.deserialize(msg)

    return {"msg_ready": msg_ready, "get_msg": get_msg}[method.__name__]

ptshell.run_sync = completer.run_sync = blocking_run_sync

Shell = ptshell.ZMQTerminalInteractiveShell
run_cell = Shell.run_cell

def relaying_run_cell(self, cell, store_history=True):
    signal.signal(signal.SIGINT, app.ZMQTerminalIPythonApp.instance().handle_sigint)
    return run_cell(self, cell, store_history)

Shell.run_cell = relaying_run_cell
app.main()
"""


class Console:
    """A jupyter console in a detached tmux session on a private tmux server."""

    def __init__(self, tmp):
        self.server = "ratelab-" + uuid.uuid4().hex[:8]
        self.count = 1  # the number of the next "In [n]:" prompt
        script = os.path.join(tmp, "console.py")
        with open(script, "w") as f:
            f.write(CONSOLE_FIX)
        self.tmux("new-session", "-d", "-s", "c", "-x", "160", "-y", "50",
                  f"/usr/bin/python3 {script} --kernel ratelab --no-confirm-exit"
                  " --ZMQTerminalInteractiveShell.kernel_is_complete_timeout=30"
                  " --ZMQCompleter.timeout=30")

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

    def clear_line(self):
        """Closes a completion menu and empties the input line."""
        self.keys("Escape")
        time.sleep(0.3)  # else Escape and the next key read as one Meta- chord
        self.keys("C-e", "C-u")

    def cell(self, *lines):
        """Types a cell line by line and waits for the prompt after it."""
        for text in lines:
            self.line(text)
        self.count += 1
        return self.wait_for(f"In [{self.count}]:")

    def close(self):
        # Quit the console so that it shuts its kernel down, then the tmux server.
        try:
            self.keys("C-u", "C-d")
            self.wait_for("Shutting down kernel", timeout=10)
        except Exception:
            pass
        subprocess.run(["tmux", "-L", self.server, "kill-server"], capture_output=True)


@pytest.fixture(scope="module")
def console():
    with KernelEnv() as env:
        c = Console(env.tmp)
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
    try:
        console.wait_for("analysis.PoissonInterval")
    finally:
        console.clear_line()
    console.clear_line()


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

"""A small client of the Chrome DevTools protocol, for driving Debian's headless Chromium
the way a person uses a page: load it, wait for something to appear, move the mouse over
a point, click, read the DOM.

    with Browser() as b:
        page = b.page()
        page.navigate("http://127.0.0.1:8888/notebooks/x.ipynb")
        page.wait_for("document.querySelector('.ratelab-chart canvas') !== null")
        page.mouse_move(300, 200)

Chromium runs with no route to the network except 127.0.0.1 (a proxy that does not exist
for everything else), so a page that needs the internet fails as it would offline.
Requests the page tried to send elsewhere are kept in Page.offsite_requests.
Needs the apt packages chromium and python3-websocket.
"""

import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

import websocket

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--window-size=1280,1000", "--remote-debugging-port=0",
    # Offline but for the local server: every other host goes to a proxy nobody serves.
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=127.0.0.1;localhost",
]


class CDPError(RuntimeError):
    pass


class Browser:
    """A headless Chromium with a fresh profile; use as a context manager."""

    def __init__(self, chromium="chromium", extra_flags=()):
        self.chromium = chromium
        self.extra_flags = list(extra_flags)
        self.profile = None
        self.proc = None
        self.port = None

    def __enter__(self):
        self.profile = tempfile.mkdtemp(prefix="ratelab-chromium-")
        self.proc = subprocess.Popen(
            [self.chromium, *CHROMIUM_FLAGS, *self.extra_flags, f"--user-data-dir={self.profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        # Chromium writes the port it chose into DevToolsActivePort.
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise CDPError(f"chromium exited with status {self.proc.returncode}")
            try:
                with open(port_file) as f:
                    self.port = int(f.readline())
                break
            except (OSError, ValueError):
                time.sleep(0.1)
        else:
            raise CDPError("chromium did not open its DevTools port within 30s")
        return self

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def page(self):
        """The first page target (the about:blank tab Chromium opened)."""
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list", timeout=10) as r:
            targets = [t for t in json.load(r) if t["type"] == "page"]
        if not targets:
            raise CDPError("chromium has no page target")
        return Page(targets[0]["webSocketDebuggerUrl"])


class Page:
    """One tab, driven over its DevTools websocket."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.next_id = 0
        self.console = []           # console messages and uncaught exceptions, as text
        self.offsite_requests = []  # URLs the page asked for outside 127.0.0.1
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Network.enable")

    def close(self):
        self.ws.close()

    def send(self, method, **params):
        """Sends a command and returns its result, recording events that arrive meanwhile."""
        self.next_id += 1
        mid = self.next_id
        self.ws.send(json.dumps({"id": mid, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == mid:
                if "error" in msg:
                    raise CDPError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self._event(msg)

    def _event(self, msg):
        method, params = msg.get("method"), msg.get("params", {})
        if method == "Runtime.consoleAPICalled":
            self.console.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            d = params["exceptionDetails"]
            self.console.append("uncaught: " + d.get("exception", {}).get("description", d.get("text", "")))
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if url.startswith(("http:", "https:", "ws:", "wss:")) and not url.split("/")[2].split(":")[0] in ("127.0.0.1", "localhost"):
                self.offsite_requests.append(url)

    def navigate(self, url):
        self.send("Page.navigate", url=url)

    def eval(self, expr, await_promise=False):
        """The value of a JavaScript expression in the page (JSON-serialisable)."""
        r = self.send("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=await_promise)
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise CDPError(f"{expr[:200]}: {d.get('exception', {}).get('description', d.get('text'))}")
        return r["result"].get("value")

    def wait_for(self, expr, timeout=60, what=None):
        """Waits until expr is truthy in the page; returns its value."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                v = self.eval(expr)
            except CDPError:
                v = None
            if v:
                return v
            if time.monotonic() > deadline:
                raise CDPError(f"timed out after {timeout}s waiting for {what or expr}; console: {self.console[-10:]}")
            time.sleep(0.2)

    def mouse_move(self, x, y):
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)

    def click(self, x, y):
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        self.send("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=1)
        self.send("Input.dispatchMouseEvent", type="mouseReleased", x=x, y=y, button="left", clickCount=1)

    def center_of(self, selector):
        """The viewport coordinates of the middle of the first element matching selector,
        scrolled into view."""
        return self.eval(f"""(() => {{
            const el = document.querySelector({json.dumps(selector)});
            if (!el) return null;
            el.scrollIntoView({{block: 'center'}});
            const r = el.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2];
        }})()""")

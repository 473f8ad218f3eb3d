#!/usr/bin/python3
"""Screenshot check: the classic Jupyter notebook, opened in headless Chromium, shows a
curated notebook with its plot rendered and the "Go (ratelab)" kernel running.

Usage (from the repository root, after `make build`):

    RATELAB_BIN=$PWD/bin/ratelab /usr/bin/python3 kernel/clienttest/screenshot.py \
        [--notebook notebooks/02-derived-vs-direct.ipynb] [--out screenshot.png]

It installs the kernelspec into a temporary prefix (`ratelab install --prefix`), starts
Debian's `jupyter notebook` on 127.0.0.1 with a random token, loads the notebook page in
Debian's `chromium --headless` twice (once for the rendered DOM, once for the PNG) and
checks that
  - the page's output area holds an <img> with an inline data:image/png plot,
  - the kernel indicator names "Go (ratelab)" and the server runs a live ratelab kernel
    for the page (the kernelspec was found and the kernel started),
  - the screenshot is a real picture (not blank: many distinct colours).
Exit status 0 when all hold; the screenshot is kept for a human to look at.
Needs the apt packages jupyter-notebook and chromium.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--window-size=1280,2400",
    # Let the page's scripts (MathJax, the output renderers, the kernel connection) run
    # this long in virtual time before the DOM is dumped or the screenshot is taken.
    "--virtual-time-budget=20000",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_server(url, token, proc, timeout=60):
    """Waits for the server's API to answer; returns an error message or None."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return f"jupyter notebook exited with status {proc.returncode}"
        try:
            with urllib.request.urlopen(f"{url}api/status?token={token}", timeout=2) as r:
                json.load(r)
                return None
        except OSError:
            time.sleep(0.3)
    return f"jupyter notebook did not answer on {url} within {timeout}s"


def check_page(url, token, nb_path, out, profile):
    """Loads the notebook page in Chromium; returns the list of failed checks."""
    failures = []
    page = f"{url}notebooks/{os.path.basename(nb_path)}?token={token}"
    dom = chromium(["--dump-dom", page], profile)
    if dom.returncode != 0:
        failures.append(f"chromium --dump-dom failed ({dom.returncode}): {dom.stderr[-2000:]}")
    html = dom.stdout
    plots = re.findall(r'<img[^>]+src="data:image/png;base64,([A-Za-z0-9+/=]{100,})', html)
    if not plots:
        failures.append("no <img src=\"data:image/png;base64,...\"> plot in the rendered page")
    kernel = re.search(r'class="kernel_indicator_name"[^>]*>([^<]*)<', html)
    kernel_name = kernel.group(1) if kernel else None
    if kernel_name != "Go (ratelab)":
        failures.append(f"kernel indicator shows {kernel_name!r}, want 'Go (ratelab)'")

    # Opening the page started a kernel session on the server: it must be ratelab's,
    # alive (the page's kernel indicator only shows the kernelspec's display name).
    # The server learns the state from the kernel's status messages: wait for idle.
    deadline = time.monotonic() + 30
    while True:
        with urllib.request.urlopen(f"{url}api/sessions?token={token}", timeout=5) as r:
            kernels = [(s["kernel"]["name"], s["kernel"]["execution_state"]) for s in json.load(r)]
        if ("ratelab", "idle") in kernels:
            break
        if time.monotonic() > deadline:
            failures.append(f"no idle ratelab kernel behind the page after 30s; server sessions: {kernels}")
            break
        time.sleep(0.5)

    shot = chromium([f"--screenshot={out}", page], profile)
    if shot.returncode != 0 or not os.path.exists(out):
        failures.append(f"chromium --screenshot failed ({shot.returncode}): {shot.stderr[-2000:]}")
        return failures
    colours = distinct_colours(out)
    size = os.path.getsize(out)
    print(f"screenshot: {out} ({size} bytes, {colours if colours is not None else '?'} colours); "
          f"{len(plots)} inline PNG plot(s) in the page; kernel indicator: {kernel_name}; "
          f"kernels: {kernels}")
    if size < 20_000 or (colours is not None and colours < 50):
        failures.append(f"the screenshot looks blank ({size} bytes, {colours} colours)")
    return failures


def chromium(args, profile, timeout=120):
    cmd = ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def distinct_colours(png_path):
    """Number of distinct colours in the image (Pillow), or None without Pillow."""
    try:
        from PIL import Image
    except ImportError:
        return None
    with Image.open(png_path) as im:
        colours = im.convert("RGB").getcolors(maxcolors=1 << 20)
    return len(colours) if colours is not None else 1 << 20


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--notebook", default=os.path.join(ROOT, "notebooks", "02-derived-vs-direct.ipynb"))
    ap.add_argument("--out", default="screenshot.png", help="where to keep the screenshot")
    args = ap.parse_args()

    ratelab = os.environ.get("RATELAB_BIN") or os.path.join(ROOT, "bin", "ratelab")
    for tool in (ratelab, shutil.which("jupyter-notebook"), shutil.which("chromium")):
        if not tool or not os.access(tool, os.X_OK):
            raise SystemExit(f"missing tool: {tool or 'jupyter-notebook/chromium'} "
                             "(build ratelab; apt-get install jupyter-notebook chromium)")
    nb_path = os.path.abspath(args.notebook)
    if not os.path.exists(nb_path):
        raise SystemExit(f"no notebook at {nb_path}")

    tmp = tempfile.mkdtemp(prefix="ratelab-screenshot-")
    env = dict(os.environ,
               JUPYTER_PATH=os.path.join(tmp, "share", "jupyter"),
               JUPYTER_DATA_DIR=os.path.join(tmp, "data"),
               JUPYTER_RUNTIME_DIR=os.path.join(tmp, "runtime"),
               JUPYTER_CONFIG_DIR=os.path.join(tmp, "config"),
               RATELAB_HISTORY=os.path.join(tmp, "history.db"))
    subprocess.run([ratelab, "install", "--prefix", tmp], check=True, env=env)

    port, token = free_port(), secrets.token_hex(16)
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        ["jupyter-notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--NotebookApp.token={token}", f"--notebook-dir={os.path.dirname(nb_path)}",
         *(["--allow-root"] if os.geteuid() == 0 else [])],
        env=env, stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, "server.log"), "w"),
        start_new_session=True)
    try:
        failures = [wait_for_server(url, token, server)]
        if failures[0] is None:
            failures = check_page(url, token, nb_path, os.path.abspath(args.out),
                                  os.path.join(tmp, "chromium-profile"))
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
    if failures:
        with open(os.path.join(tmp, "server.log")) as log:
            sys.stderr.write("jupyter notebook log (tail):\n" + log.read()[-4000:])
    shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

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
  - the kernel indicator names "Go (ratelab)", and the kernel the server started for
    the page answers kernel_info as Go (the kernelspec was found, the kernel runs),
  - the screenshot shows the plot: its pixels appear in it, exact and unscaled.
Exit status 0 when all hold; the screenshot is kept for a human to look at.
Needs the apt packages jupyter-notebook, chromium and python3-pil.
"""

import argparse
import base64
import io
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
    "--hide-scrollbars", "--window-size=1280,12000",
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


def jupyter_env(tmp):
    """The environment of a throw-away Jupyter set-up in tmp: kernelspecs, data (the
    notebook signatures), runtime and config directories, ratelab's history."""
    return dict(os.environ,
                JUPYTER_PATH=os.path.join(tmp, "share", "jupyter"),
                JUPYTER_DATA_DIR=os.path.join(tmp, "data"),
                JUPYTER_RUNTIME_DIR=os.path.join(tmp, "runtime"),
                JUPYTER_CONFIG_DIR=os.path.join(tmp, "config"),
                RATELAB_HISTORY=os.path.join(tmp, "history.db"))


def start_notebook_server(notebook_dir, env, log_path):
    """Starts Debian's classic notebook on 127.0.0.1 with a random token; returns the
    process, its URL and the token."""
    port, token = free_port(), secrets.token_hex(16)
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            ["jupyter-notebook", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
             f"--NotebookApp.token={token}", f"--notebook-dir={notebook_dir}",
             *(["--allow-root"] if os.geteuid() == 0 else [])],
            env=env, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True)
    return server, f"http://127.0.0.1:{port}/", token


def stop_server(server):
    """Ends the server's process group, killing it if it lingers."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


def kernel_info(connection_file):
    """The kernel_info_reply content of the kernel behind connection_file, or {}."""
    from jupyter_client import BlockingKernelClient
    kc = BlockingKernelClient(connection_file=connection_file)
    try:
        kc.load_connection_file()
        kc.start_channels()
        return kc.kernel_info(reply=True, timeout=30)["content"]
    except Exception as e:  # reported as a failed check by the caller
        return {"error": repr(e)}
    finally:
        kc.stop_channels()


def check_page(url, token, nb_path, out, profile, runtime_dir):
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

    # Opening the page started a kernel for it on the server: it must be ratelab's and
    # answer (the kernel indicator only shows the kernelspec's display name). Ask it
    # directly through its connection file in the server's runtime directory.
    with urllib.request.urlopen(f"{url}api/sessions?token={token}", timeout=5) as r:
        kernels = [(s["kernel"]["name"], s["kernel"]["id"]) for s in json.load(r)]
    ids = [kid for name, kid in kernels if name == "ratelab"]
    if not ids:
        failures.append(f"no ratelab kernel behind the page; server sessions: {kernels}")
    else:
        info = kernel_info(os.path.join(runtime_dir, f"kernel-{ids[0]}.json"))
        if info.get("language_info", {}).get("name") != "go":
            failures.append(f"the page's kernel did not answer kernel_info as Go: {info}")
        kernels = [(name, info.get("implementation")) for name, _ in kernels]

    shot = chromium([f"--screenshot={out}", page], profile)
    if shot.returncode != 0 or not os.path.exists(out):
        failures.append(f"chromium --screenshot failed ({shot.returncode}): {shot.stderr[-2000:]}")
        return failures
    from PIL import Image
    with Image.open(out) as im:
        shot = im.convert("RGB")
    found = [find_plot(shot, base64.b64decode(p)) for p in plots]
    print(f"screenshot: {out} ({shot.size[0]}x{shot.size[1]}); {len(plots)} inline PNG plot(s) in the page, "
          f"{sum(f is not None for f in found)} found pixel-exact in the screenshot at {[f for f in found if f]}; "
          f"kernel indicator: {kernel_name}; kernels: {kernels}")
    if plots and not any(found):
        failures.append("the screenshot does not show the page's plot (no pixel-exact match)")
    return failures


def chromium(args, profile, timeout=120):
    cmd = ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def find_plot(shot, plot_png):
    """Where the plot's pixels appear, unscaled and exact, in the screenshot (Pillow
    images); None when they do not. Searches for the plot's most varied row, then
    compares the whole block."""
    from PIL import Image
    plot = Image.open(io.BytesIO(plot_png)).convert("RGB")
    w, h = plot.size
    sw, sh = shot.size
    if w > sw or h > sh:
        return None
    pix, spix = plot.tobytes(), shot.tobytes()
    rows = [pix[y * w * 3:(y + 1) * w * 3] for y in range(h)]
    key = max(range(h), key=lambda y: len(set(rows[y][i:i + 3] for i in range(0, len(rows[y]), 3))))
    for sy in range(key, sh - (h - key) + 1):
        line = spix[sy * sw * 3:(sy + 1) * sw * 3]
        x = line.find(rows[key])
        while x >= 0 and x % 3 != 0:
            x = line.find(rows[key], x + 1)
        if x < 0:
            continue
        x //= 3
        top = sy - key
        if all(spix[(top + y) * sw * 3 + x * 3:(top + y) * sw * 3 + (x + w) * 3] == rows[y] for y in range(h)):
            return x, top
    return None


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
    env = jupyter_env(tmp)
    subprocess.run([ratelab, "install", "--prefix", tmp], check=True, env=env)
    server, url, token = start_notebook_server(os.path.dirname(nb_path), env, os.path.join(tmp, "server.log"))
    try:
        failures = [wait_for_server(url, token, server)]
        if failures[0] is None:
            failures = check_page(url, token, nb_path, os.path.abspath(args.out),
                                  os.path.join(tmp, "chromium-profile"), env["JUPYTER_RUNTIME_DIR"])
    finally:
        stop_server(server)
    if failures:
        with open(os.path.join(tmp, "server.log")) as log:
            sys.stderr.write("jupyter notebook log (tail):\n" + log.read()[-4000:])
    shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

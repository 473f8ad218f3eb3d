"""Interactive charts and widgets as a person sees them: Debian's classic notebook and
the HTML jupyter nbconvert exports, opened in headless Chromium with no network but
127.0.0.1, driven over the DevTools protocol (cdp.py): pointing at a point of the
derived-versus-direct chart shows a tooltip with its event count, its buttons switch the
y axis, and moving widgets re-runs Go code whose output is updated in place.

Notebooks 02 and 05 are executed first by `ratelab run` into a throw-away Jupyter set-up,
which signs them for that set-up's user (jupyter-trust), as the notebook server signs what
it ran; the committed notebook, unsigned there, shows its charts' static PNGs.

Run: RATELAB_BIN=$PWD/bin/ratelab /usr/bin/python3 -m pytest -q kernel/clienttest/test_browser.py
Needs the apt packages jupyter-notebook, jupyter-nbextension-jupyter-js-widgets,
python3-ipywidgets, jupyter-nbformat, python3-nbconvert, chromium and python3-websocket.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pytest

from cdp import Browser
from kernelenv import ROOT, ratelab_bin
from screenshot import jupyter_env, start_notebook_server, stop_server, wait_for_server

NB2 = "02-derived-vs-direct.ipynb"
NB5 = "05-polls-and-sampling-bias.ipynb"
DERIVED = "59.0 on Windows, first three days: main crashes"


@pytest.fixture(scope="module")
def setup():
    binary = ratelab_bin()
    tmp = tempfile.mkdtemp(prefix="ratelab-browser-")
    env = jupyter_env(tmp)
    subprocess.run([binary, "install", "--prefix", tmp], check=True, env=env, capture_output=True)
    nbdir = os.path.join(tmp, "nb")
    os.makedirs(nbdir)
    subprocess.run([binary, "run", "--output-dir", nbdir, os.path.join(ROOT, "notebooks", NB2), os.path.join(ROOT, "notebooks", NB5)],
                   check=True, env=env, capture_output=True, timeout=600)
    # The committed notebook, changed so that it is not the one just run and signed
    # (a signature is an HMAC of the content: the same outputs would be trusted).
    with open(os.path.join(ROOT, "notebooks", NB2)) as f:
        committed = json.load(f)
    committed["metadata"]["copied_for"] = "the unsigned-notebook check"
    with open(os.path.join(nbdir, "untrusted-" + NB2), "w") as f:
        json.dump(committed, f)
    server, url, token = start_notebook_server(nbdir, env, os.path.join(tmp, "server.log"))
    try:
        err = wait_for_server(url, token, server)
        assert err is None, err
        with Browser() as browser:
            yield {"url": url, "token": token, "dir": nbdir, "env": env, "tmp": tmp, "browser": browser}
    finally:
        stop_server(server)
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.fixture
def page(setup):
    p = setup["browser"].page()
    yield p
    # A notebook with unsaved outputs would ask "leave this page?" and hold the tab.
    p.eval("window.onbeforeunload = null; true")
    p.navigate("about:blank")
    p.close()


def open_notebook(setup, page, name):
    page.navigate(f"{setup['url']}notebooks/{name}?token={setup['token']}")
    page.wait_for("window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()",
                  timeout=90, what="the notebook page and its kernel")


# find(title) is the chart container whose title starts with title.
FIND = """const find = t => [...document.querySelectorAll('.ratelab-chart')].find(
  e => e.querySelector('.rlc-title') && e.querySelector('.rlc-title').textContent.startsWith(t));"""


def chart_ready(page, title, timeout=90):
    return page.wait_for(f"(() => {{ {FIND} const e = find({json.dumps(title)}); return e && e.ratelabChart && e.ratelabChart.u && e.querySelector('canvas') !== null; }})()",
                         timeout=timeout, what=f"the chart {title!r} drawn")


def hover_point(page, title, needle):
    """Moves the mouse over the point of chart title whose tooltip text contains needle;
    returns the tooltip's text as the page shows it."""
    pos = page.eval(f"""(() => {{ {FIND}
      const e = find({json.dumps(title)}); e.scrollIntoView({{block: 'center'}});
      const st = e.ratelabChart, v = st.spec.views[st.view], u = st.u;
      for (const it of v.items) if (it.kind === 'hover')
        for (let i = 0; i < it.text.length; i++) if (it.text[i].includes({json.dumps(needle)})) {{
          const r = u.over.getBoundingClientRect();
          return [r.left + u.valToPos(it.x[i], 'x'), r.top + u.valToPos(it.y[i], 'y')];
        }}
      return null; }})()""")
    assert pos, f"no point of {title!r} has a tooltip with {needle!r}"
    page.mouse_move(pos[0] + 2, pos[1] + 2)
    return page.wait_for(f"""(() => {{ {FIND} const t = find({json.dumps(title)}).querySelector('.rlc-tip');
      return t.style.display === 'block' && t.textContent; }})()""", timeout=10, what="the tooltip")


def check_derived_chart(page):
    """The derived-versus-direct chart: a tooltip with the first window's event count,
    and the count button switching the y axis."""
    chart_ready(page, DERIVED)
    tip = hover_point(page, DERIVED, "6 main crashes")
    assert "6 main crashes over 0.167 k usage hours" in tip and "95% exact interval" in tip, tip
    state = f"(() => {{ {FIND} const e = find({json.dumps(DERIVED)}); return [e.getAttribute('data-view'), e.getAttribute('data-ylabel'), e.ratelabChart.u.scales.y.max]; }})()"
    view, ylabel, ymax = page.eval(state)
    assert (view, ylabel) == ("rate", "main crashes per 1000 usage hours")
    xy = page.eval(f"(() => {{ {FIND} const b = find({json.dumps(DERIVED)}).querySelector('button[data-view=count]'); b.scrollIntoView({{block: 'center'}}); const r = b.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; }})()")
    page.click(*xy)
    view, ylabel, cmax = page.wait_for(f"(() => {{ const s = {state}; return s[0] === 'count' && s; }})()", timeout=10, what="the count view")
    assert ylabel == "main crashes (count)" and cmax != ymax, (ylabel, ymax, cmax)
    tip = hover_point(page, DERIVED, "6 main crashes")
    assert tip.startswith("window: days -0.08 – 0.17 since release\n6 main crashes"), tip


def test_ratelab_run_output_renders_in_the_classic_notebook(setup, page):
    open_notebook(setup, page, NB2)
    check_derived_chart(page)
    assert page.eval("document.querySelectorAll('.ratelab-chart .rlc-root').length") == 4
    # The library arrived with the notebook, not from the network.
    assert not [u for u in page.offsite_requests if "ratelab" in u or "uplot" in u.lower()], page.offsite_requests


def test_unsigned_notebook_shows_static_pngs(setup, page):
    open_notebook(setup, page, "untrusted-" + NB2)
    n = page.wait_for("document.querySelectorAll('.ratelab-chart img[src^=\"data:image/png;base64,\"]').length", timeout=30)
    assert n == 4 and page.eval("document.querySelectorAll('.rlc-root').length") == 0


def run_all(page):
    # As a person would, run the cells once the page is ready: the widget front end has
    # passed the kernel's version check (a cell run before it shows widgets statically).
    deadline = time.monotonic() + 60
    while not any("versions are compatible" in c for c in page.console):
        assert time.monotonic() < deadline, f"the widget front end did not pass the version check: {page.console[-10:]}"
        page.eval("true")
        time.sleep(0.2)
    page.eval("Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells(); true")
    page.wait_for("Jupyter.notebook.get_cells().every(c => c.cell_type !== 'code' || (c.input_prompt_number !== '*' && c.input_prompt_number !== null))"
                  " && Jupyter.notebook.kernel_busy === false", timeout=300, what="every cell run")
    errors = page.eval("Jupyter.notebook.get_cells().flatMap(c => (c.output_area ? c.output_area.outputs : []).filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue))")
    assert not errors, errors


def test_live_widgets_notebook_2(setup, page):
    open_notebook(setup, page, NB2)
    run_all(page)
    check_derived_chart(page)
    # The toggle buttons widget re-draws the platform's figure from Go, in place.
    xy = page.wait_for("""(() => { const b = [...document.querySelectorAll('.widget-area .widget-toggle-button')].find(b => b.textContent.trim() === 'count');
      if (!b) return null; b.scrollIntoView({block: 'center'}); const r = b.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()""",
                       timeout=30, what="the show: rate/count widget")
    page.click(*xy)
    page.wait_for(f"""(() => {{ {FIND} const c = [...document.querySelectorAll('.ratelab-chart')].filter(e => e.getAttribute('data-view') === 'count' && e.ratelabChart.spec.title === {json.dumps(DERIVED)});
      return c.length >= 1 && c.some(e => e.querySelector('.rlc-view.rlc-active').textContent === 'count'); }})()""",
                  timeout=30, what="the figure re-drawn on the count view by the widget's OnChange")


def test_live_slider_notebook_5(setup, page):
    open_notebook(setup, page, NB5)
    run_all(page)
    def title():
        return page.eval("""[...document.querySelectorAll('.ratelab-chart .rlc-title')].map(t => t.textContent).filter(t => t.startsWith('10 polls'))""")
    chart_ready(page, "10 polls of n = 1000")
    # Section 3's chart, then the same polls drawn by the widgets' cell.
    before = title()
    assert len(before) == 2 and before[0] == before[1], before
    # Drag the poll size slider's handle to the right, as a person would.
    handle = page.wait_for("""(() => { const s = [...document.querySelectorAll('.widget-area .widget-hslider')].find(w => w.textContent.includes('poll size'));
      if (!s) return null; const h = s.querySelector('.ui-slider-handle'); h.scrollIntoView({block: 'center'}); const r = h.getBoundingClientRect();
      return [r.left + r.width / 2, r.top + r.height / 2]; })()""", timeout=90, what="the poll size slider")
    x, y = handle
    page.send("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
    page.send("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", clickCount=1)
    for dx in range(10, 101, 10):
        page.send("Input.dispatchMouseEvent", type="mouseMoved", x=x + dx, y=y, button="left", buttons=1)
    page.send("Input.dispatchMouseEvent", type="mouseReleased", x=x + 100, y=y, button="left", clickCount=1)
    deadline = time.monotonic() + 60
    while (after := title()) == before and time.monotonic() < deadline:
        time.sleep(0.3)
    assert after[0] == before[0] and "n = 1000 " not in after[1], after


def test_nbconvert_html_renders_offline(setup, page):
    out = os.path.join(setup["tmp"], "html")
    subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html", "--output-dir", out, os.path.join(setup["dir"], NB2)],
                   check=True, env=setup["env"], capture_output=True, timeout=120)
    html = open(os.path.join(out, NB2.replace(".ipynb", ".html"))).read()
    assert html.count("if (!window.ratelabChart)") >= 1
    page.navigate("file://" + os.path.join(out, NB2.replace(".ipynb", ".html")))
    check_derived_chart(page)
    assert page.eval("window.ratelabChart.version") == 1

"""Re-executes every curated notebook through real Jupyter: Debian's nbclient drives the
installed "ratelab" kernel over ZeroMQ, as `jupyter nbconvert --execute` does. No cell
may fail, and what each cell shows must equal the committed outputs (written by
`ratelab run`, the in-process runner): the same session behind two front ends.

Run: RATELAB_BIN=$PWD/bin/ratelab /usr/bin/python3 -m pytest -q kernel/clienttest/test_notebooks.py

The kernelspec is installed into a temporary prefix (`ratelab install --prefix`) found
through JUPYTER_PATH; Jupyter's data, runtime and history files also go to temporary
directories, so the user's own set-up is never touched.
"""

import copy
import glob
import os
import shutil
import subprocess
import tempfile

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# RATELAB_NOTEBOOKS names another directory of executed notebooks to check instead.
NOTEBOOK_DIR = os.environ.get("RATELAB_NOTEBOOKS") or os.path.join(ROOT, "notebooks")
NOTEBOOKS = sorted(glob.glob(os.path.join(NOTEBOOK_DIR, "*.ipynb")))


def ratelab_bin():
    path = os.environ.get("RATELAB_BIN") or os.path.join(ROOT, "bin", "ratelab")
    if not os.access(path, os.X_OK):
        pytest.skip(f"no ratelab binary at {path}: build it (make build) or set RATELAB_BIN")
    return path


@pytest.fixture(scope="module")
def kernel_env():
    """Installs the kernelspec into a temporary prefix and points Jupyter at it."""
    tmp = tempfile.mkdtemp(prefix="ratelab-nbtest-")
    saved = {k: os.environ.get(k) for k in
             ("JUPYTER_PATH", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "RATELAB_HISTORY")}
    try:
        subprocess.run([ratelab_bin(), "install", "--prefix", tmp], check=True,
                       capture_output=True, text=True)
        os.environ["JUPYTER_PATH"] = os.path.join(tmp, "share", "jupyter")
        os.environ["JUPYTER_DATA_DIR"] = os.path.join(tmp, "data")
        os.environ["JUPYTER_RUNTIME_DIR"] = os.path.join(tmp, "runtime")
        os.environ["RATELAB_HISTORY"] = os.path.join(tmp, "history.db")
        yield tmp
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(tmp, ignore_errors=True)


def show_pages(cell, cell_index, execute_reply):
    """Records the cell's "page" payloads (%help, NAME?) as display_data outputs, as
    JupyterLab shows them and `ratelab run` records them; nbclient itself drops them."""
    for p in execute_reply["content"].get("payload", []):
        if p.get("source") == "page":
            cell.outputs.append(nbformat.v4.new_output("display_data", data=p["data"]))


def shown(cell):
    """What a code cell shows, in a form two front ends must agree on.

    Streams are compared per name as whole texts: a kernel sends text in chunks as it
    comes and nbclient records each chunk as an output, while `ratelab run` merges
    consecutive chunks as the notebook front end displays them. Every other output
    is compared in order, all its formats (images included: gonum/plot renders
    deterministically), without metadata.
    """
    streams = {}
    rich = []
    for out in cell.get("outputs", []):
        kind = out["output_type"]
        if kind == "stream":
            streams[out["name"]] = streams.get(out["name"], "") + out["text"]
        elif kind == "error":
            rich.append(("error", out["ename"], out["evalue"]))
        else:
            rich.append((kind, sorted((mime, repr(value)) for mime, value in out["data"].items())))
    return streams, rich


def test_there_are_notebooks():
    assert NOTEBOOKS, f"no notebooks in {NOTEBOOK_DIR}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[os.path.basename(p) for p in NOTEBOOKS])
def test_notebook_reexecutes_through_jupyter(path, kernel_env):
    committed = nbformat.read(path, as_version=4)
    nb = copy.deepcopy(committed)
    client = NotebookClient(
        nb,
        kernel_name="ratelab",
        timeout=600,
        startup_timeout=60,
        allow_errors=False,  # a failing cell raises CellExecutionError, naming it
        record_timing=False,
        resources={"metadata": {"path": NOTEBOOK_DIR}},
        on_cell_executed=show_pages,
    )
    client.execute()

    # nbclient stores the kernel's language_info; `ratelab run` stores the session's.
    assert nb.metadata["language_info"] == committed.metadata.get("language_info")
    for i, (want, got) in enumerate(zip(committed.cells, nb.cells)):
        if want.cell_type != "code":
            continue
        first = want.source.strip().split("\n", 1)[0]
        assert got.execution_count == want.execution_count, f"cell index {i} ({first}): execution_count"
        want_streams, want_rich = shown(want)
        got_streams, got_rich = shown(got)
        assert got_streams == want_streams, f"cell index {i} ({first}): stream output differs"
        assert got_rich == want_rich, f"cell index {i} ({first}): rich output differs"

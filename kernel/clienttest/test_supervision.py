"""A cell that kills the Go session must not kill the kernel: each death below ends
the session process, and through jupyter_client the cell gets an error output with
the Go runtime's own message and a restart notice, and the next cell runs in a fresh
session at once. The same notebook through `ratelab run` reports the same, naming the
cell. Interrupts stop a cell for good, even one blocked in compiled code.

Run: RATELAB_BIN=$PWD/bin/ratelab /usr/bin/python3 -m pytest -q kernel/clienttest/test_supervision.py
"""

import json
import os
import subprocess
import tempfile
import time

import nbformat
import pytest
from jupyter_client.manager import start_new_kernel

from kernelenv import KernelEnv, ratelab_bin
from test_kernel_client import execute, of_type, stdout, wait_busy

TIMEOUT = 30
RESTART_NOTICE = "The session was restarted; its variables are lost."

# Each death: the cell, and what its error output must say (ename, a piece of evalue).
DEATHS = {
    "stack overflow": (
        'func down(n int) int { return down(n+1) + 1 }\ndown(0)',
        "fatal error", "stack overflow"),
    "out of memory": (
        'huge := make([]byte, 1<<45)\nhuge[0] = 1',
        "fatal error", "out of memory"),
    "concurrent map writes": (
        'import "time"\nm := map[int]int{}\nfor i := 0; i < 4; i++ {\n\tgo func() {\n\t\tfor j := 0; ; j++ {\n\t\t\tm[j%100] = j\n\t\t}\n\t}()\n}\ntime.Sleep(5 * time.Second)',
        "fatal error", "concurrent map writes"),
    "panic in context.AfterFunc": (
        'import (\n\t"context"\n\t"time"\n)\nctx, cancel := context.WithCancel(context.Background())\n'
        'context.AfterFunc(ctx, func() { panic("boom in AfterFunc") })\ncancel()\ntime.Sleep(5 * time.Second)',
        "panic", "boom in AfterFunc"),
    "panic in WaitGroup.Go": (
        'import "sync"\nvar wg sync.WaitGroup\nwg.Go(func() { panic("boom in wg.Go") })\nwg.Wait()',
        "panic", "boom in wg.Go"),
    "concurrent map writes beside a running http server": (
        'import (\n\t"net/http"\n\t"net/http/httptest"\n\t"time"\n)\n'
        'srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n'
        '\tpanic(http.ErrAbortHandler)\n}))\n'
        'http.Get(srv.URL)\ncontext := 1\n_ = context\n'
        'go http.Get(srv.URL)\nm := map[string]int{}\nfor i := 0; i < 4; i++ {\n\tgo func() {\n\t\tfor {\n\t\t\tm["x"]++\n\t\t}\n\t}()\n}\ntime.Sleep(5 * time.Second)',
        "fatal error", "concurrent map"),
    "killed by a signal": (
        'import (\n\t"os"\n\t"os/exec"\n\t"strconv"\n)\nexec.Command("kill", "-9", strconv.Itoa(os.Getpid())).Run()',
        "SessionKilled", "signal killed"),
    "flag.ExitOnError": (
        'import "flag"\nfs := flag.NewFlagSet("tool", flag.ExitOnError)\nfs.Parse([]string{"-nope"})',
        "SessionExit", "status 2"),
}


@pytest.fixture(scope="module")
def env():
    with KernelEnv() as e:
        yield e


@pytest.fixture(scope="module")
def kernel(env):
    km, kc = start_new_kernel(kernel_name="ratelab", startup_timeout=30)
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=True)


@pytest.mark.parametrize("death", list(DEATHS))
def test_death_is_reported_and_the_kernel_lives(kernel, death):
    km, kc = kernel
    code, ename, evalue = DEATHS[death]
    execute(kc, 'import "fmt"\nbefore := 41')
    pid = km.provisioner.process.pid
    reply, msgs, _ = execute(kc, code, timeout=TIMEOUT)
    c = reply["content"]
    assert c["status"] == "error", c
    errs = of_type(msgs, "error")
    assert len(errs) == 1, [m["msg_type"] for m in msgs]
    e = errs[0]["content"]
    assert e["ename"] == ename, e
    assert evalue in e["evalue"], e
    assert any(RESTART_NOTICE in line for line in e["traceback"]), e["traceback"]
    assert km.is_alive() and km.provisioner.process.pid == pid, "the kernel process itself restarted"
    # The next cell runs at once in a fresh session: the old variables are gone.
    t0 = time.monotonic()
    reply, msgs, _ = execute(kc, 'import "fmt"\nfmt.Println("next cell runs")')
    took = time.monotonic() - t0
    assert stdout(msgs) == "next cell runs\n", msgs
    print(f"{death}: next cell answered {took * 1000:.0f} ms after the death was reported")
    reply, _, _ = execute(kc, "before")
    assert reply["content"]["status"] == "error" and "undefined" in reply["content"]["evalue"]


def test_stdout_and_stderr_keep_their_order(kernel):
    _, kc = kernel
    code = ('import (\n\t"fmt"\n\t"os"\n)\nfor i := 0; i < 20; i++ {\n'
            '\tfmt.Println("out", i)\n\tfmt.Fprintln(os.Stderr, "err", i)\n\tos.Stdout.WriteString("raw\\n")\n}')
    for _ in range(5):
        reply, msgs, _ = execute(kc, code)
        assert reply["content"]["status"] == "ok", reply["content"]
        got = "".join(f"{m['content']['name']}:{m['content']['text']}" for m in of_type(msgs, "stream"))
        # Stream messages merge consecutive text of one stream; rebuild line by line.
        lines = []
        for m in of_type(msgs, "stream"):
            for line in m["content"]["text"].splitlines():
                lines.append((m["content"]["name"], line))
        want = []
        for i in range(20):
            want += [("stdout", f"out {i}"), ("stderr", f"err {i}"), ("stdout", "raw")]
        assert lines == want, got[:500]


@pytest.mark.parametrize("mode", ["ratelab", "ratelab-msg"])
def test_interrupt_after_blocking_compiled_call_never_resumes(env, mode, tmp_path):
    """The cell is interrupted inside exec.Cmd.Run: when sleep returns, the rest of
    the cell (writing a marker file) must not run, even after more cells ran."""
    km, kc = start_new_kernel(kernel_name=mode, startup_timeout=30)
    marker = tmp_path / "marker"
    try:
        execute(kc, 'import (\n\t"fmt"\n\t"os"\n\t"os/exec"\n)\nkept := "still here"')
        msg_id = kc.execute(f'exec.Command("sleep", "3").Run()\nos.WriteFile({json.dumps(str(marker))}, []byte("ran"), 0o644)')
        wait_busy(kc, msg_id)
        time.sleep(0.5)
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        assert reply["parent_header"]["msg_id"] == msg_id
        c = reply["content"]
        assert c["status"] == "error" and c["ename"] == "KeyboardInterrupt", c
        assert any("exec.(*Cmd)" in line for line in c["traceback"]), c["traceback"]
        # The next cell waits for the call, then runs with the variables kept.
        _, msgs, _ = execute(kc, "fmt.Println(kept)")
        assert stdout(msgs) == "still here\n"
        assert any("Waiting for the interrupted cell's call" in m["content"]["text"]
                   for m in of_type(msgs, "stream")), msgs
        time.sleep(5)
        execute(kc, 'fmt.Println("later")')
        assert not marker.exists(), "the interrupted cell went on after its blocking call returned"
        assert km.is_alive()
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_interrupting_the_wait_restarts_the_session(env, tmp_path):
    km, kc = start_new_kernel(kernel_name="ratelab-msg", startup_timeout=30)
    marker = tmp_path / "marker"
    try:
        execute(kc, 'import (\n\t"os"\n\t"os/exec"\n)')
        wait_busy(kc, kc.execute(f'exec.Command("sleep", "3").Run()\nos.WriteFile({json.dumps(str(marker))}, []byte("ran"), 0o644)'))
        time.sleep(0.5)
        km.interrupt_kernel()
        kc.get_shell_msg(timeout=TIMEOUT)
        msg_id = kc.execute('import "fmt"\nfmt.Println("waits")')
        wait_busy(kc, msg_id)
        time.sleep(0.5)
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        assert reply["parent_header"]["msg_id"] == msg_id
        assert any(RESTART_NOTICE in line for line in reply["content"]["traceback"]), reply["content"]
        _, msgs, _ = execute(kc, 'import "fmt"\nfmt.Println("fresh")')
        assert stdout(msgs) == "fresh\n"
        time.sleep(4)
        assert not marker.exists()
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_goroutine_output_after_its_cell_goes_to_that_cell(kernel, tmp_path):
    # The goroutine prints only once the test has seen the cell's idle, so the line is
    # written after its cell finished however slow the machine (a fixed sleep raced
    # with a slow cell: the line then came before idle, inside the cell's own output).
    _, kc = kernel
    go_on = tmp_path / "go-on"
    reply, msgs, _ = execute(kc, 'import (\n\t"fmt"\n\t"os"\n\t"time"\n)\ngo func() {\n'
                             f'\tfor {{\n\t\tif _, err := os.Stat({json.dumps(str(go_on))}); err == nil {{\n\t\t\tbreak\n\t\t}}\n'
                             '\t\ttime.Sleep(10 * time.Millisecond)\n\t}\n\tfmt.Println("late line")\n}()')
    assert reply["content"]["status"] == "ok", reply["content"]
    assert stdout(msgs) == ""
    parent = reply["parent_header"]["msg_id"]
    go_on.touch()
    deadline = time.monotonic() + TIMEOUT
    late = None
    while time.monotonic() < deadline and late is None:
        try:
            m = kc.get_iopub_msg(timeout=0.2)
        except Exception:
            continue
        if m["msg_type"] == "stream" and "late line" in m["content"]["text"]:
            late = m
    assert late is not None, "the goroutine's output was lost"
    assert late["parent_header"]["msg_id"] == parent


def test_run_reports_deaths_naming_the_cell(env, tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(DEATHS["concurrent map writes"][0]),
                nbformat.v4.new_code_cell('import "fmt"\nfmt.Println("after the death")')]
    path = tmp_path / "deaths.ipynb"
    nbformat.write(nb, str(path))
    out = tmp_path / "out.ipynb"
    r = subprocess.run([ratelab_bin(), "run", str(path), "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1
    assert "cell index 0" in r.stderr and "fatal error: concurrent map writes" in r.stderr, r.stderr
    assert RESTART_NOTICE in r.stderr, r.stderr
    r = subprocess.run([ratelab_bin(), "run", "--allow-errors", str(path), "-o", str(out)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    done = nbformat.read(str(out), as_version=4)
    errs = [o for o in done.cells[0].outputs if o.output_type == "error"]
    assert errs and errs[0].evalue == "concurrent map writes"
    assert any(RESTART_NOTICE in line for line in errs[0].traceback)
    assert done.cells[1].outputs[0].text == "after the death\n"


def children(pid):
    """The pids of pid's child processes, from /proc."""
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(d))
    return out


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGINT"])
def test_run_ends_cleanly_on_a_signal(env, tmp_path, sig):
    import signal
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('import "os/exec"\nexec.Command("sleep", "30").Run()')]
    path = tmp_path / "long.ipynb"
    nbformat.write(nb, str(path))
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([ratelab_bin(), "run", str(path), "--output-dir", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)
    sessions = children(proc.pid)
    assert sessions, "no session process was started"
    t0 = time.monotonic()
    proc.send_signal(getattr(signal, sig))
    _, err = proc.communicate(timeout=10)
    took = time.monotonic() - t0
    assert proc.returncode == 1, err
    assert took < 5, f"ratelab run took {took:.1f}s to stop"
    time.sleep(0.2)
    left = [p for p in sessions if os.path.exists(f"/proc/{p}") and
            open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"]
    assert not left, f"session processes {left} outlived ratelab run"
    assert os.listdir(out) == [], "ratelab run left files behind: " + str(os.listdir(out))


def test_memory_limit_turns_growth_into_a_clear_death(env, tmp_path):
    """With RATELAB_MEMORY_LIMIT, a cell that keeps allocating dies as "out of memory"
    with the limit named, long before the machine's memory (and its OOM killer) is
    involved; the 1 GB blocks are never touched, so the test costs no real memory."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        'var keep [][]byte\nfor i := 0; i < 64; i++ {\n\tkeep = append(keep, make([]byte, 1<<30))\n}\nlen(keep)')]
    path = tmp_path / "mem.ipynb"
    nbformat.write(nb, str(path))
    r = subprocess.run([ratelab_bin(), "run", str(path), "-o", str(tmp_path / "out.ipynb")],
                       capture_output=True, text=True, timeout=120,
                       env={**os.environ, "RATELAB_MEMORY_LIMIT": "512MiB"})
    assert r.returncode == 1
    assert "fatal error: out of memory" in r.stderr and "RATELAB_MEMORY_LIMIT" in r.stderr, r.stderr

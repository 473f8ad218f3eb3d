"""The ratelab kernel driven through Debian's jupyter_client, as front ends drive it:
a KernelManager starts it from the installed kernelspec, a blocking client executes
cells and reads iopub, stdin and the shell replies.

Run: RATELAB_BIN=$PWD/bin/ratelab /usr/bin/python3 -m pytest -q kernel/clienttest/test_kernel_client.py
"""

import hmac
import hashlib
import json
import time
import uuid

import pytest
import zmq
from jupyter_client.manager import start_new_kernel

from kernelenv import KernelEnv

TIMEOUT = 20


@pytest.fixture(scope="module")
def env():
    with KernelEnv() as e:
        yield e


def start(name):
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=30)
    return km, kc


# Imported once for the shared kernel, so that each test also runs alone.
IMPORTS = 'import (\n\t"fmt"\n\t"os"\n\t"time"\n\t"display"\n)'


@pytest.fixture(scope="module")
def kernel(env):
    km, kc = start("ratelab")
    reply, _, _ = execute(kc, IMPORTS)
    assert reply["content"]["status"] == "ok", reply["content"]
    yield km, kc
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def wait_busy(kc, msg_id, timeout=TIMEOUT):
    """Waits until the kernel says it is busy with msg_id: an interrupt sent before
    the cell started would find nothing to stop (and a slow machine can take a while)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            m = kc.get_iopub_msg(timeout=0.05)
        except Exception:
            continue
        if (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                and m["content"]["execution_state"] == "busy"):
            return
    raise AssertionError(f"the kernel did not start {msg_id} within {timeout}s")


def execute(kc, code, timeout=TIMEOUT, on_stdin=None, **kw):
    """Runs code; returns the reply, the cell's iopub messages (busy..idle) and, for
    each message, the time it arrived after the request was sent."""
    sent = time.monotonic()
    msg_id = kc.execute(code, **kw)
    msgs, arrived = [], []
    reply = None
    deadline = sent + timeout
    while True:
        if on_stdin is not None:
            try:
                req = kc.get_stdin_msg(timeout=0.01)
                on_stdin(kc, req)
            except Exception:  # queue.Empty: no input_request yet
                pass
        try:
            msg = kc.get_iopub_msg(timeout=0.05)
        except Exception:
            if time.monotonic() > deadline:
                raise AssertionError(f"no idle for {code!r} within {timeout}s; got {[m['msg_type'] for m in msgs]}")
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append(msg)
        arrived.append(time.monotonic() - sent)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=timeout)
    assert reply["parent_header"]["msg_id"] == msg_id
    return reply, msgs, arrived


def stdout(msgs):
    return "".join(m["content"]["text"] for m in msgs
                   if m["msg_type"] == "stream" and m["content"]["name"] == "stdout")


def of_type(msgs, t):
    return [m for m in msgs if m["msg_type"] == t]


def test_kernel_info(kernel):
    _, kc = kernel
    info = kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]
    assert info["status"] == "ok"
    assert tuple(int(x) for x in info["protocol_version"].split(".")) >= (5, 3)
    assert info["implementation"] == "ratelab"
    li = info["language_info"]
    assert (li["name"], li["mimetype"], li["file_extension"]) == ("go", "text/x-go", ".go")
    assert li["codemirror_mode"] and li["pygments_lexer"]
    assert info["banner"]


def test_stream_busy_idle_and_counts(kernel):
    _, kc = kernel
    r1, msgs, _ = execute(kc, 'fmt.Println("hello")')
    assert r1["content"]["status"] == "ok", r1["content"]
    types = [m["msg_type"] for m in msgs]
    assert types[0] == "status" and msgs[0]["content"]["execution_state"] == "busy"
    assert types[1] == "execute_input" and msgs[1]["content"]["execution_count"] == r1["content"]["execution_count"]
    assert stdout(msgs) == "hello\n"
    r2, _, _ = execute(kc, 'fmt.Println("again")')
    assert r2["content"]["execution_count"] == r1["content"]["execution_count"] + 1
    r3, msgs, _ = execute(kc, 'fmt.Println("quiet")', silent=True)
    assert [m["msg_type"] for m in msgs] == ["status", "status"]
    r4, _, _ = execute(kc, 'fmt.Println("counted")')
    assert r4["content"]["execution_count"] == r2["content"]["execution_count"] + 1


def test_stream_arrives_while_cell_runs(kernel):
    _, kc = kernel
    code = 'for i := 0; i < 3; i++ {\n\tfmt.Println("tick", i)\n\ttime.Sleep(400 * time.Millisecond)\n}'
    reply, msgs, arrived = execute(kc, code)
    assert reply["content"]["status"] == "ok", reply["content"]
    ticks = [(t, m["content"]["text"]) for m, t in zip(msgs, arrived) if m["msg_type"] == "stream"]
    assert "".join(text for _, text in ticks) == "tick 0\ntick 1\ntick 2\n"
    first, idle = ticks[0][0], arrived[-1]
    # The first line is printed 1.2 s before the cell ends: it must be shown long before.
    assert idle - first > 0.8, f"first line at {first:.3f}s, idle at {idle:.3f}s: output was held back"


def test_os_stdout_and_stderr(kernel):
    _, kc = kernel
    reply, msgs, _ = execute(kc, 'os.Stdout.WriteString("raw\\n")\nfmt.Fprintln(os.Stderr, "warn")')
    assert reply["content"]["status"] == "ok", reply["content"]
    assert "raw\n" in stdout(msgs)
    assert "warn\n" in "".join(m["content"]["text"] for m in of_type(msgs, "stream") if m["content"]["name"] == "stderr")


def test_execute_result(kernel):
    _, kc = kernel
    reply, msgs, _ = execute(kc, "40 + 2")
    results = of_type(msgs, "execute_result")
    assert len(results) == 1, [m["msg_type"] for m in msgs]
    assert results[0]["content"]["data"]["text/plain"] == "42"
    assert results[0]["content"]["execution_count"] == reply["content"]["execution_count"]


def test_error_traceback_and_variables_survive(kernel):
    _, kc = kernel
    execute(kc, "survivor := 41")
    reply, msgs, _ = execute(kc, "survivor + undefinedName")
    c = reply["content"]
    assert c["status"] == "error" and c["ename"] and c["evalue"], c
    errs = of_type(msgs, "error")
    assert len(errs) == 1 and errs[0]["content"]["traceback"], msgs
    reply, msgs, _ = execute(kc, 'panic("on purpose")')
    assert reply["content"]["status"] == "error"
    reply, msgs, _ = execute(kc, "fmt.Println(survivor + 1)")
    assert stdout(msgs) == "42\n"


def test_errors_as_with_a_cell_type(kernel):
    """An error type declared in one cell, found by errors.As and errors.Is in
    later cells through a %w wrapper, as go run finds it; a value-receiver type,
    which the interpreter cannot find, is refused with an error reply that says why."""
    _, kc = kernel
    reply, _, _ = execute(kc, 'import "errors"')
    assert reply["content"]["status"] == "ok", reply["content"]
    reply, _, _ = execute(kc, 'type QuotaError struct{ Used, Limit int }\n\n'
                              'func (e *QuotaError) Error() string { return fmt.Sprintf("quota %d/%d", e.Used, e.Limit) }\n\n'
                              'var ErrQuota = &QuotaError{10, 10}\n\n'
                              'func upload() error { return fmt.Errorf("upload: %w", ErrQuota) }')
    assert reply["content"]["status"] == "ok", reply["content"]
    reply, msgs, _ = execute(kc, 'err := upload()\nvar qe *QuotaError\n'
                                 'fmt.Println(err, errors.As(err, &qe), qe.Used, errors.Is(err, ErrQuota), errors.Unwrap(err) == ErrQuota)')
    assert reply["content"]["status"] == "ok", reply["content"]
    assert stdout(msgs) == "upload: quota 10/10 true 10 true true\n"
    reply, msgs, _ = execute(kc, 'type Invalid struct{ Field string }\n\n'
                                 'func (v Invalid) Error() string { return "invalid " + v.Field }')
    assert reply["content"]["status"] == "ok", reply["content"]
    reply, msgs, _ = execute(kc, 'var inv Invalid\nfmt.Println(errors.As(err, &inv))')
    c = reply["content"]
    assert c["status"] == "error", c
    assert "errors.As into Invalid" in c["evalue"] and "pointer receivers" in c["evalue"], c["evalue"]
    assert stdout(msgs) == ""


@pytest.mark.parametrize("mode", ["ratelab", "ratelab-msg"])
@pytest.mark.parametrize("blocker", ["for {\n}", "time.Sleep(time.Hour)", "<-make(chan int)"])
def test_interrupt(env, mode, blocker):
    km, kc = start(mode)
    try:
        execute(kc, 'import "time"\nkept := "still here"')
        msg_id = kc.execute(blocker)
        wait_busy(kc, msg_id)
        time.sleep(0.5)
        t0 = time.monotonic()
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        took = time.monotonic() - t0
        assert reply["parent_header"]["msg_id"] == msg_id
        assert reply["content"]["status"] == "error"
        assert reply["content"]["ename"] == "KeyboardInterrupt", reply["content"]
        print(f"{mode} {blocker!r}: interrupted in {took * 1000:.0f} ms")
        assert took < 5, f"interrupt took {took:.1f}s"
        _, msgs, _ = execute(kc, 'import "fmt"\nfmt.Println(kept)')
        assert stdout(msgs) == "still here\n"
        assert km.is_alive()
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_input_request(kernel):
    _, kc = kernel
    prompts = []

    def answer(kc, req):
        assert req["msg_type"] == "input_request"
        prompts.append(req["content"]["prompt"])
        kc.input("Ada")

    code = 'name, err := display.Input("name? ")\nfmt.Println("hello", name, err)'
    reply, msgs, _ = execute(kc, code, allow_stdin=True, on_stdin=answer)
    assert reply["content"]["status"] == "ok", reply["content"]
    assert prompts == ["name? "]
    assert stdout(msgs) == "hello Ada <nil>\n"
    reply, msgs, _ = execute(kc, 'name, err = display.Input("again? ")\nfmt.Println(err != nil)', allow_stdin=False)
    assert stdout(msgs) == "true\n"


def test_update_display_data(kernel):
    _, kc = kernel
    code = 'h := display.New()\nh.Show("step 1")\nh.Update("step 2")'
    reply, msgs, _ = execute(kc, code)
    assert reply["content"]["status"] == "ok", reply["content"]
    shown = of_type(msgs, "display_data")
    updated = of_type(msgs, "update_display_data")
    assert len(shown) == 1 and len(updated) == 1, [m["msg_type"] for m in msgs]
    did = shown[0]["content"]["transient"]["display_id"]
    assert did and updated[0]["content"]["transient"]["display_id"] == did
    assert "step 2" in updated[0]["content"]["data"]["text/plain"]


def test_goroutine_panic_keeps_kernel(kernel):
    km, kc = kernel
    reply, msgs, _ = execute(kc, 'go func() { panic("in a goroutine") }()\ntime.Sleep(200 * time.Millisecond)')
    seen = json.dumps([m["content"] for m in msgs]) + json.dumps(reply["content"])
    _, later, _ = execute(kc, 'fmt.Println("alive")')
    assert km.is_alive()
    assert stdout(later).endswith("alive\n")
    seen += json.dumps([m["content"] for m in later])
    assert "in a goroutine" in seen, "the goroutine's panic was not reported"


def test_history_across_restart(env):
    marker = "marker_" + uuid.uuid4().hex[:8]
    km, kc = start("ratelab")
    try:
        execute(kc, f'{marker} := 1')
        first = kc.history(hist_access_type="tail", n=1, raw=True, output=False, reply=True)["content"]
        session = first["history"][-1][0]
        km.restart_kernel(now=False)
        kc.wait_for_ready(timeout=TIMEOUT)
        execute(kc, f'{marker}_after := 2')
        tail = kc.history(hist_access_type="tail", n=10, raw=True, output=False, reply=True)["content"]["history"]
        inputs = [h[2] for h in tail]
        assert f"{marker} := 1" in inputs and f"{marker}_after := 2" in inputs, tail
        sessions = {h[2]: h[0] for h in tail}
        assert sessions[f"{marker}_after := 2"] == session + 1
        found = kc.history(hist_access_type="search", pattern=f"{marker}*", raw=True, output=False,
                           unique=True, reply=True)["content"]["history"]
        assert [h[2] for h in found] == [f"{marker} := 1", f"{marker}_after := 2"]
        prev = kc.history(hist_access_type="range", session=-1, start=1, raw=True, output=False,
                          reply=True)["content"]["history"]
        assert f"{marker} := 1" in [h[2] for h in prev]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def test_bad_signature_is_not_executed(kernel):
    km, kc = kernel
    info = km.get_connection_info()
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.DEALER)
    sock.linger = 0
    sock.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    header = json.dumps({"msg_id": uuid.uuid4().hex, "session": "forger", "username": "x", "date": "",
                         "msg_type": "execute_request", "version": "5.3"}).encode()
    content = json.dumps({"code": 'fmt.Println("forged")', "silent": False}).encode()
    frames = [header, b"{}", b"{}", content]
    sig = hmac.new(b"not-the-key", digestmod=hashlib.sha256)
    for f in frames:
        sig.update(f)
    sock.send_multipart([b"<IDS|MSG>", sig.hexdigest().encode()] + frames)
    assert sock.poll(1000) == 0, "the kernel answered a forged message"
    sock.close()
    _, msgs, _ = execute(kc, 'fmt.Println("genuine")')
    assert stdout(msgs) == "genuine\n"
    assert km.is_alive()
    # Nothing the forged cell would print reached iopub, whatever its parent.
    seen = []
    while True:
        try:
            seen.append(kc.get_iopub_msg(timeout=0.2))
        except Exception:  # queue.Empty
            break
    assert "forged" not in json.dumps([m["content"] for m in seen])

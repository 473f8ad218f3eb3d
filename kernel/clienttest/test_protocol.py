"""Protocol details through a real client: replayed messages are refused, usage_request
is answered as jupyter-resource-usage expects, a new iopub subscriber is welcomed
(protocol 5.5, XPUB), and a client that stops reading iopub while a cell prints 200 MB
still gets the cell's idle status, and a notice of what it missed.

Run: RATELAB_BIN=$PWD/bin/ratelab /usr/bin/python3 -m pytest -q kernel/clienttest/test_protocol.py
"""

import time

import pytest
import zmq
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

from kernelenv import KernelEnv
from test_kernel_client import execute, stdout

TIMEOUT = 30


@pytest.fixture(scope="module")
def kernel():
    with KernelEnv():
        km, kc = start_new_kernel(kernel_name="ratelab", startup_timeout=30)
        yield km, kc
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def raw_shell(km):
    info = km.get_connection_info()
    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.linger = 0
    sock.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    return sock, Session(key=info["key"], signature_scheme=info["signature_scheme"])


def test_replayed_message_is_refused(kernel):
    km, kc = kernel
    sock, session = raw_shell(km)
    marker = f"replayed_{time.monotonic_ns()}"
    msg = session.msg("execute_request", {"code": f'import "fmt"\nfmt.Println("{marker}")', "silent": False,
                                          "store_history": False, "user_expressions": {},
                                          "allow_stdin": False, "stop_on_error": True})
    frames = session.serialize(msg)
    sock.send_multipart(frames)
    assert sock.poll(TIMEOUT * 1000), "no reply to the original message"
    sock.recv_multipart()
    sock.send_multipart(frames)  # the same bytes again: a replay
    assert sock.poll(1500) == 0, "the kernel answered a replayed message"
    sock.close()
    _, msgs, _ = execute(kc, 'import "fmt"\nfmt.Println("genuine")')
    assert stdout(msgs) == "genuine\n"


def test_usage_request(kernel):
    km, kc = kernel
    execute(kc, 'waste := make([]byte, 50<<20)\nfor i := range waste {\n\twaste[i] = 1\n}')
    replies = []
    for _ in range(2):  # CPU percentages are rates between two requests
        msg = kc.session.msg("usage_request", {})
        kc.control_channel.send(msg)
        reply = kc._recv_reply(msg["header"]["msg_id"], timeout=TIMEOUT, channel="control")
        assert reply["msg_type"] == "usage_reply"
        replies.append(reply["content"])
        time.sleep(0.2)
    c = replies[-1]
    for key in ("hostname", "pid", "kernel_cpu", "kernel_memory", "cpu_count", "host_virtual_memory"):
        assert key in c, c
    assert c["pid"] == km.provisioner.process.pid
    # The session's 50 MB live in its child process: the kernel's memory counts them.
    assert c["kernel_memory"] > 50 << 20, c["kernel_memory"]
    vm = c["host_virtual_memory"]
    assert vm["total"] > vm["available"] > 0 and 0 <= vm["percent"] <= 100


def test_new_iopub_subscriber_is_welcomed(kernel):
    km, _ = kernel
    info = km.get_connection_info()
    sub = zmq.Context.instance().socket(zmq.SUB)
    sub.linger = 0
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect(f"{info['transport']}://{info['ip']}:{info['iopub_port']}")
    session = Session(key=info["key"], signature_scheme=info["signature_scheme"])
    assert sub.poll(5000), "no iopub_welcome"
    _, frames = session.feed_identities(sub.recv_multipart())
    msg = session.deserialize(frames)
    assert msg["msg_type"] == "iopub_welcome"
    assert msg["content"] == {"subscription": ""}
    assert msg["parent_header"] == {}
    sub.close()


def test_kernel_info_declares_5_5(kernel):
    _, kc = kernel
    info = kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]
    assert info["protocol_version"] == "5.5"


def test_execute_reply_has_started(kernel):
    _, kc = kernel
    reply, _, _ = execute(kc, "x := 1")
    assert "started" in reply["metadata"], reply["metadata"]


def test_slow_reader_still_gets_idle(kernel):
    """200 MB printed while the client reads nothing: when it reads again, the
    cell's idle is there and the dropped output is announced."""
    km, _ = kernel
    info = km.get_connection_info()
    session = Session(key=info["key"], signature_scheme=info["signature_scheme"])
    ctx = zmq.Context.instance()
    sub = ctx.socket(zmq.SUB)
    sub.linger = 0
    sub.rcvhwm = 100
    sub.setsockopt(zmq.RCVBUF, 64 << 10)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect(f"{info['transport']}://{info['ip']}:{info['iopub_port']}")
    assert sub.poll(5000)
    sub.recv_multipart()  # the welcome
    shell, _ = raw_shell(km)
    code = 'import (\n\t"fmt"\n\t"strings"\n)\nline := strings.Repeat("x", 1<<20)\nfor i := 0; i < 200; i++ {\n\tfmt.Println(line)\n}'
    msg = session.msg("execute_request", {"code": code, "silent": False, "store_history": False,
                                          "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    shell.send_multipart(session.serialize(msg))
    assert shell.poll(120_000), "no execute_reply"
    _, frames = session.feed_identities(shell.recv_multipart())
    assert session.deserialize(frames)["content"]["status"] == "ok"
    time.sleep(1)
    # Now read everything.
    states, printed, notices = [], 0, []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if not sub.poll(2000):
            break
        _, frames = session.feed_identities(sub.recv_multipart())
        m = session.deserialize(frames)
        if m["parent_header"].get("msg_id") != msg["header"]["msg_id"]:
            continue
        if m["msg_type"] == "status":
            states.append(m["content"]["execution_state"])
            if states[-1] == "idle":
                break
        elif m["msg_type"] == "stream":
            if "was dropped" in m["content"]["text"]:
                notices.append(m["content"]["text"])
            else:
                printed += len(m["content"]["text"])
    shell.close()
    sub.close()
    assert states and states[-1] == "idle", states
    assert notices, f"{printed} bytes arrived of 200 MB and no drop was announced"
    print(f"slow reader: {printed / 1e6:.1f} MB arrived, notice: {notices[0].strip()}")

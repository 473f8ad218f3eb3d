"""Benchmark: ratelab beside Debian's ipykernel, measured in the same run.

Prints, for each kernel, the median time from process start to the first
kernel_info_reply (over N starts), the median round trip of a trivial
execute_request (send to execute_reply), the median completion latency
(complete_request to complete_reply), and the median time to recover from a cell that
kills the session (send the cell, until a trivial cell's execute_reply), then the
ratios. Targets: start under 100 ms and at most 0.1x ipykernel's, trivial round trip
at most 0.2x ipykernel's.

Recovering from a death: ratelab's supervisor reports it in the cell and runs the next
cell in a warm spare session. ipykernel's process dies with its session; it is timed
as a front end at its best would see it: the death noticed at once (waitpid, where
jupyter_client's restarter polls every 3 s), a new kernel started, and the trivial
cell sent as soon as kernel_info_reply arrives.

Run: RATELAB_BIN=$PWD/bin/ratelab /usr/bin/python3 kernel/clienttest/bench_kernel.py [--starts N] [--runs N]

The client speaks the wire protocol directly (pyzmq and jupyter_client's Session), not
through KernelManager, so that client-side threads and polling do not blur the
numbers; both kernels are started from their kernelspecs' argv, and the client
re-tries its connection every millisecond while the kernel is not listening yet.
"""

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time

# Looking up the python3 kernelspec imports ipykernel and with it debugpy, which warns
# on stderr about frozen modules; the warning says nothing about the benchmark.
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

import zmq  # noqa: E402
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager  # noqa: E402
from jupyter_client.session import Session  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kernelenv import KernelEnv  # noqa: E402

# A trivial cell, and a completion that needs the interpreter's symbols, per language.
SAMPLES = {
    "ratelab": {"trivial": "x := 1", "complete": 'import "strings"\nstrings.Ha',
                "death": 'import "sync"\nvar wg sync.WaitGroup\nwg.Go(func() { panic("dies") })\nwg.Wait()'},
    "python3": {"trivial": "x = 1", "complete": "import os\nos.pa", "death": "import os\nos._exit(1)"},
}


def execute_content(code):
    return {"code": code, "silent": False, "store_history": True,
            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}


class Kernel:
    """One kernel process and a client connected to its shell and iopub."""

    def __init__(self, name, tmp):
        spec = KernelSpecManager().get_kernel_spec(name)
        self.conn_file, info = write_connection_file(
            os.path.join(tmp, f"bench-{name}-{time.monotonic_ns()}.json"), ip="127.0.0.1")
        self.session = Session(key=info["key"].encode(), signature_scheme=info["signature_scheme"])
        ctx = zmq.Context.instance()
        url = f"tcp://127.0.0.1:%d"
        self.shell = ctx.socket(zmq.DEALER)
        self.shell.linger = 0
        # zmq retries a refused connection every 100 ms by default; the kernel is not
        # listening yet when we connect, so retry every millisecond to time the kernel,
        # not the client's back-off.
        self.shell.setsockopt(zmq.RECONNECT_IVL, 1)
        self.shell.connect(url % info["shell_port"])
        self.iopub = ctx.socket(zmq.SUB)
        self.iopub.linger = 0
        self.iopub.setsockopt(zmq.SUBSCRIBE, b"")
        self.iopub.connect(url % info["iopub_port"])
        argv = [a.replace("{connection_file}", self.conn_file) for a in spec.argv]
        # Time starts just before the process is created; the request waits in zmq's
        # queue until the kernel binds its shell socket.
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     start_new_session=True)

    def request(self, msg_type, content, timeout=60):
        msg = self.session.msg(msg_type, content)
        t = time.perf_counter()
        self.session.send(self.shell, msg)
        while True:
            if not self.shell.poll(timeout * 1000):
                raise RuntimeError(f"no reply to {msg_type} in {timeout}s")
            _, frames = self.session.feed_identities(self.shell.recv_multipart())
            reply = self.session.deserialize(frames)
            if reply["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                return time.perf_counter() - t, reply

    def drain_iopub(self):
        while self.iopub.poll(0):
            self.iopub.recv_multipart()

    def stop(self):
        try:
            self.request("shutdown_request", {"restart": False}, timeout=5)
            self.proc.wait(timeout=5)
        except Exception:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.close()

    def close(self):
        """Closes the client's side, once the kernel process has ended."""
        self.shell.close()
        self.iopub.close()
        os.unlink(self.conn_file)


def median_ms(xs):
    return statistics.median(xs) * 1000 if xs else float("nan")


def bench(name, tmp, starts, runs, deaths):
    start_times = []
    for i in range(starts):
        k = Kernel(name, tmp)
        _, reply = k.request("kernel_info_request", {})
        start_times.append(time.perf_counter() - k.t0)
        if i < starts - 1:
            k.stop()
    # The last kernel stays up for the round trips.
    sample = SAMPLES[name]
    content = execute_content(sample["trivial"])
    for _ in range(10):  # warm up
        k.request("execute_request", content)
    rtts = []
    for _ in range(runs):
        dt, reply = k.request("execute_request", content)
        assert reply["content"]["status"] == "ok", reply["content"]
        rtts.append(dt)
        k.drain_iopub()
    code = sample["complete"]
    comps = []
    for _ in range(max(runs // 4, 10)):
        dt, reply = k.request("complete_request", {"code": code, "cursor_pos": len(code)})
        comps.append(dt)
    matches = reply["content"]["matches"]
    restarts = []
    for _ in range(deaths):
        time.sleep(0.5)  # as a user would take between cells: the spare is ready
        t0 = time.perf_counter()
        if name == "ratelab":
            _, r = k.request("execute_request", execute_content(sample["death"]))
            assert r["content"]["status"] == "error", r["content"]
        else:
            k.session.send(k.shell, k.session.msg("execute_request", execute_content(sample["death"])))
            k.proc.wait(timeout=30)
            k.close()
            k = Kernel(name, tmp)
            k.request("kernel_info_request", {})
        _, r = k.request("execute_request", content)
        assert r["content"]["status"] == "ok", r["content"]
        restarts.append(time.perf_counter() - t0)
        k.drain_iopub()
    k.stop()
    return {"start": median_ms(start_times), "rtt": median_ms(rtts), "complete": median_ms(comps),
            "restart": median_ms(restarts), "matches": len(matches), "version": reply["header"].get("version")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--starts", type=int, default=10, help="kernel starts to time")
    ap.add_argument("--runs", type=int, default=200, help="execute round trips to time")
    ap.add_argument("--deaths", type=int, default=5, help="recoveries from a session's death to time")
    args = ap.parse_args()
    with KernelEnv() as env:
        results = {name: bench(name, env.tmp, args.starts, args.runs, args.deaths) for name in ("ratelab", "python3")}
    r, p = results["ratelab"], results["python3"]
    print(f"{'median (ms)':32} {'ratelab':>10} {'ipykernel':>10} {'ratelab/ipykernel':>18}")
    # Targets: at most this share of ipykernel's time, measured in this run.
    rows = [("start to kernel_info_reply", "start", 0.1), ("trivial execute round trip", "rtt", 0.2),
            ("completion latency", "complete", None), ("recovery from a death", "restart", None)]
    for label, key, target in rows:
        ratio = r[key] / p[key]
        note = f"   target <= {target}x: {'met' if ratio <= target else 'NOT met'}" if target else ""
        print(f"{label:32} {r[key]:10.2f} {p[key]:10.2f} {ratio:17.3f}x{note}")
    print(f"(starts={args.starts}, round trips={args.runs}, deaths={args.deaths}; completion matches: "
          f"ratelab {r['matches']}, ipykernel {p['matches']}; protocol {r['version']} and {p['version']})")


if __name__ == "__main__":
    main()

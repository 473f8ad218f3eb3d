package kernel

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ratelab/ratelab/kernel/wire"
)

func TestKernelInfoBusyIdle(t *testing.T) {
	c := startKernel(t, "")
	for _, sock := range []string{"shell", "control"} {
		s := c.shell
		if sock == "control" {
			s = c.control
		}
		id := c.send(s, "kernel_info_request", nil)
		r := c.reply(s, id)
		got := content(r)
		if r.Header.MsgType != "kernel_info_reply" || got["protocol_version"] != "5.5" || got["implementation"] != "ratelab" || got["banner"] != "fake banner" {
			t.Errorf("%s: kernel_info_reply = %v", sock, got)
		}
		li, _ := got["language_info"].(map[string]any)
		if li["mimetype"] != "text/x-go" || li["file_extension"] != ".go" {
			t.Errorf("%s: language_info = %v", sock, li)
		}
		if io := types(c.iopubUntilIdle(id)); !reflect.DeepEqual(io, []string{"status:busy", "status:idle"}) {
			t.Errorf("%s: iopub = %v, want busy, idle", sock, io)
		}
	}
}

// TestOverTCP runs a cell and a heartbeat over loopback TCP, the transport
// jupyter_client uses; the other tests use ipc to never race for ports.
func TestOverTCP(t *testing.T) {
	c := startKernelOn(t, tcpConn(t), "")
	r, io := c.execute("print over tcp", nil)
	if content(r)["status"] != "ok" || len(io) != 4 || content(io[2])["text"] != "over tcp\n" {
		t.Errorf("reply %v, iopub %v", content(r), types(io))
	}
	c.hb.SetRcvtimeo(2 * time.Second)
	c.hb.Send("ping", 0)
	if echo, err := c.hb.Recv(0); err != nil || echo != "ping" {
		t.Errorf("heartbeat echo = %q, %v", echo, err)
	}
}

func TestExecuteCountsAndOrdering(t *testing.T) {
	c := startKernel(t, "")
	r, io := c.execute("print hello", nil)
	if got := content(r); got["status"] != "ok" || got["execution_count"] != 1.0 {
		t.Errorf("first reply = %v", got)
	}
	want := []string{"status:busy", "execute_input", "stream", "status:idle"}
	if !reflect.DeepEqual(types(io), want) {
		t.Fatalf("iopub = %v, want %v", types(io), want)
	}
	if in := content(io[1]); in["code"] != "print hello" || in["execution_count"] != 1.0 {
		t.Errorf("execute_input = %v", in)
	}
	if s := content(io[2]); s["name"] != "stdout" || s["text"] != "hello\n" {
		t.Errorf("stream = %v", s)
	}

	r, io = c.execute("value 42", nil)
	if got := content(r); got["execution_count"] != 2.0 {
		t.Errorf("second count = %v", got["execution_count"])
	}
	res := io[len(io)-2]
	if res.Header.MsgType != "execute_result" || content(res)["execution_count"] != 2.0 ||
		content(res)["data"].(map[string]any)["text/plain"] != "42" {
		t.Errorf("execute_result = %v %v", res.Header.MsgType, content(res))
	}

	// store_history false: not counted (IPython shows the current count).
	r, _ = c.execute("value 1", map[string]any{"store_history": false})
	if got := content(r)["execution_count"]; got != 2.0 {
		t.Errorf("store_history=false count = %v, want 2", got)
	}
	// silent: nothing but busy/idle on iopub, and not counted.
	r, io = c.execute("print quiet", map[string]any{"silent": true})
	if got := types(io); !reflect.DeepEqual(got, []string{"status:busy", "status:idle"}) || content(r)["execution_count"] != 2.0 {
		t.Errorf("silent: iopub %v, count %v", got, content(r)["execution_count"])
	}
	// A blank cell is neither counted nor stored, as in IPython.
	r, _ = c.execute(" \n", nil)
	if got := content(r)["execution_count"]; got != 2.0 {
		t.Errorf("blank cell count = %v, want 2", got)
	}
	r, _ = c.execute("print again", nil)
	if got := content(r)["execution_count"]; got != 3.0 {
		t.Errorf("count after silent and blank cells = %v, want 3", got)
	}
}

func TestStreamCoalescingAndTiming(t *testing.T) {
	c := startKernel(t, "")
	_, io := c.execute("many", nil)
	var text string
	n := 0
	for _, m := range io {
		if m.Header.MsgType == "stream" {
			n++
			text += content(m)["text"].(string)
		}
	}
	if text != strings.Repeat("x", 1000) || n > 10 {
		t.Errorf("1000 writes came as %d stream messages, %d bytes", n, len(text))
	}

	// Text printed before a pause must arrive during the pause, not at the end.
	id := c.send(c.shell, "execute_request", map[string]any{"code": "slowprint"})
	start := time.Now()
	for {
		m := c.recv(c.iopub, 5*time.Second)
		if m == nil {
			t.Fatal("no stream message")
		}
		if m.Header.MsgType == "stream" {
			if el := time.Since(start); el > 300*time.Millisecond || content(m)["text"] != "first\n" {
				t.Errorf("first stream %q after %v; want \"first\\n\" well before the cell's 400 ms pause ends", content(m)["text"], el)
			}
			break
		}
	}
	c.reply(c.shell, id)
	c.iopubUntilIdle(id)
}

func TestErrorAbortsQueuedCells(t *testing.T) {
	c := startKernel(t, "")
	base := map[string]any{"silent": false, "store_history": true, "stop_on_error": true}
	with := func(code string) map[string]any {
		m := map[string]any{"code": code}
		for k, v := range base {
			m[k] = v
		}
		return m
	}
	// Both later requests are queued while the first cell is still running.
	failID := c.send(c.shell, "execute_request", with("fail 200ms"))
	queuedID := c.send(c.shell, "execute_request", with("print never"))
	infoID := c.send(c.shell, "kernel_info_request", nil)

	r := c.reply(c.shell, failID)
	if got := content(r); got["status"] != "error" || got["ename"] != "CompileError" || got["execution_count"] != 1.0 {
		t.Errorf("error reply = %v", got)
	}
	io := c.iopubUntilIdle(failID)
	if got := types(io); !reflect.DeepEqual(got, []string{"status:busy", "execute_input", "error", "status:idle"}) {
		t.Errorf("iopub of failing cell = %v", got)
	} else if e := content(io[2]); e["evalue"] != "cell:1:1: fail" || len(e["traceback"].([]any)) != 1 {
		t.Errorf("iopub error = %v", e)
	}
	if got := content(c.reply(c.shell, queuedID)); got["status"] != "aborted" {
		t.Errorf("queued cell reply = %v, want aborted", got)
	}
	if got := types(c.iopubUntilIdle(queuedID)); !reflect.DeepEqual(got, []string{"status:busy", "status:idle"}) {
		t.Errorf("aborted cell iopub = %v", got)
	}
	if c.reply(c.shell, infoID).Header.MsgType != "kernel_info_reply" {
		t.Error("kernel_info_request queued behind the error was not answered")
	}
	if c.fake.ran("print never") {
		t.Error("the aborted cell ran")
	}
	// A cell sent after the error runs again; the aborted one took no count.
	r, _ = c.execute("print after", nil)
	if got := content(r); got["status"] != "ok" || got["execution_count"] != 2.0 {
		t.Errorf("cell after abort = %v", got)
	}
	// stop_on_error false: nothing is aborted.
	failID = c.send(c.shell, "execute_request", map[string]any{"code": "fail 100ms", "stop_on_error": false})
	nextID := c.send(c.shell, "execute_request", map[string]any{"code": "print runs"})
	c.reply(c.shell, failID)
	if got := content(c.reply(c.shell, nextID)); got["status"] != "ok" {
		t.Errorf("with stop_on_error false the next cell got %v", got)
	}
}

func TestInterruptMessageMode(t *testing.T) {
	c := startKernel(t, "")
	id := c.send(c.shell, "execute_request", map[string]any{"code": "block"})
	time.Sleep(100 * time.Millisecond)
	// Control is served while the cell runs.
	infoID := c.send(c.control, "kernel_info_request", nil)
	if c.reply(c.control, infoID).Header.MsgType != "kernel_info_reply" {
		t.Fatal("control did not answer while a cell ran")
	}
	start := time.Now()
	intID := c.send(c.control, "interrupt_request", nil)
	if got := content(c.reply(c.control, intID)); got["status"] != "ok" {
		t.Errorf("interrupt_reply = %v", got)
	}
	r := c.reply(c.shell, id)
	if got := content(r); got["status"] != "error" || got["ename"] != "KeyboardInterrupt" {
		t.Errorf("interrupted cell reply = %v", got)
	}
	if el := time.Since(start); el > time.Second {
		t.Errorf("interrupt took %v", el)
	}
	if r, _ := c.execute("print alive", nil); content(r)["status"] != "ok" {
		t.Error("kernel unusable after interrupt")
	}
	// Server.Interrupt is what SIGINT calls (signal mode).
	id = c.send(c.shell, "execute_request", map[string]any{"code": "block"})
	time.Sleep(100 * time.Millisecond)
	c.srv.Interrupt()
	if got := content(c.reply(c.shell, id)); got["ename"] != "KeyboardInterrupt" {
		t.Errorf("Interrupt(): reply = %v", got)
	}
}

func TestStdin(t *testing.T) {
	c := startKernel(t, "")
	id := c.send(c.shell, "execute_request", map[string]any{"code": "input Your name? ", "allow_stdin": true})
	req := c.recv(c.stdin, 5*time.Second)
	if req == nil || req.Header.MsgType != "input_request" || req.ParentHeader.MsgID != id {
		t.Fatalf("input_request = %+v", req)
	}
	if got := content(req); got["prompt"] != "Your name? " || got["password"] != false {
		t.Errorf("input_request content = %v", got)
	}
	c.send(c.stdin, "input_reply", map[string]any{"value": "Ada"})
	if got := content(c.reply(c.shell, id)); got["status"] != "ok" {
		t.Errorf("reply = %v", got)
	}
	var text string
	for _, m := range c.iopubUntilIdle(id) {
		if m.Header.MsgType == "stream" {
			text += content(m)["text"].(string)
		}
	}
	if text != "got Ada\n" {
		t.Errorf("cell printed %q", text)
	}

	// allow_stdin false: the cell is told, no input_request is sent.
	r, _ := c.execute("input x", map[string]any{"allow_stdin": false})
	if got := content(r); got["status"] != "error" || !strings.Contains(got["evalue"].(string), "allow_stdin is false") {
		t.Errorf("allow_stdin false: reply = %v", got)
	}
	if m := c.recv(c.stdin, 100*time.Millisecond); m != nil {
		t.Errorf("input_request sent although allow_stdin was false")
	}

	// An interrupt while waiting for input ends the wait.
	id = c.send(c.shell, "execute_request", map[string]any{"code": "input wait", "allow_stdin": true})
	if c.recv(c.stdin, 5*time.Second) == nil {
		t.Fatal("no input_request")
	}
	c.reply(c.control, c.send(c.control, "interrupt_request", nil))
	if got := content(c.reply(c.shell, id)); got["ename"] != "KeyboardInterrupt" {
		t.Errorf("interrupted input: reply = %v", got)
	}
}

func TestBadSignatureDropped(t *testing.T) {
	c := startKernel(t, "")
	wrong, _ := wire.NewSigner("hmac-sha256", []byte("not-the-key"))
	c.sendMsg(c.shell, c.message("execute_request", map[string]any{"code": "print forged"}), wrong)
	if m := c.recv(c.shell, 300*time.Millisecond); m != nil {
		t.Errorf("kernel answered a forged message: %s", m.Header.MsgType)
	}
	if c.fake.ran("print forged") {
		t.Error("a message with a bad signature was executed")
	}
	if !strings.Contains(c.logBuf.String(), "bad signature") {
		t.Errorf("bad signature not logged; log:\n%s", c.logBuf)
	}
	// Garbage frames are dropped too, and the kernel carries on.
	c.shell.SendMessage("no delimiter here")
	if r, _ := c.execute("print ok", nil); content(r)["status"] != "ok" {
		t.Error("kernel unusable after bad messages")
	}
}

func TestOtherRequests(t *testing.T) {
	c := startKernel(t, "")
	// Completion, with the rune cursor defaulting to the end of the code.
	id := c.send(c.shell, "complete_request", map[string]any{"code": "x := fm"})
	got := content(c.reply(c.shell, id))
	if !reflect.DeepEqual(got["matches"], []any{"fmt"}) || got["cursor_start"] != 5.0 || got["cursor_end"] != 7.0 {
		t.Errorf("complete_reply = %v", got)
	}
	if md := got["metadata"].(map[string]any); md["_jupyter_types_experimental"] == nil {
		t.Errorf("no completion types in metadata: %v", md)
	}
	id = c.send(c.shell, "complete_request", map[string]any{"code": "zzz", "cursor_pos": 3})
	if got := content(c.reply(c.shell, id)); !reflect.DeepEqual(got["matches"], []any{}) || got["cursor_start"] != 3.0 {
		t.Errorf("no-match complete_reply = %v", got)
	}
	id = c.send(c.shell, "inspect_request", map[string]any{"code": "fmt", "cursor_pos": 1, "detail_level": 0})
	if got := content(c.reply(c.shell, id)); got["found"] != true || got["data"].(map[string]any)["text/plain"] != "package fmt" {
		t.Errorf("inspect_reply = %v", got)
	}
	id = c.send(c.shell, "inspect_request", map[string]any{"code": "nothing", "cursor_pos": 1})
	if got := content(c.reply(c.shell, id)); got["found"] != false || got["status"] != "ok" {
		t.Errorf("inspect_reply (not found) = %v", got)
	}
	id = c.send(c.shell, "is_complete_request", map[string]any{"code": "func f() {"})
	if got := content(c.reply(c.shell, id)); got["status"] != "incomplete" || got["indent"] != "\t" {
		t.Errorf("is_complete_reply = %v", got)
	}
	id = c.send(c.shell, "comm_info_request", map[string]any{"target_name": "jupyter.widget"})
	if got := content(c.reply(c.shell, id)); got["status"] != "ok" || len(got["comms"].(map[string]any)) != 0 {
		t.Errorf("comm_info_reply = %v", got)
	}
	c.drainIOPub(50 * time.Millisecond)
	id = c.send(c.shell, "comm_open", map[string]any{"comm_id": "c1", "target_name": "jupyter.widget", "data": map[string]any{}})
	io := c.iopubUntilIdle(id)
	if got := types(io); !reflect.DeepEqual(got, []string{"status:busy", "comm_close", "status:idle"}) || content(io[1])["comm_id"] != "c1" {
		t.Errorf("comm_open answered with %v", got)
	}
	// Unknown types are logged, bracketed by busy/idle, and never crash the kernel.
	id = c.send(c.shell, "frobnicate_request", nil)
	if got := types(c.iopubUntilIdle(id)); !reflect.DeepEqual(got, []string{"status:busy", "status:idle"}) {
		t.Errorf("unknown type iopub = %v", got)
	}
	if !strings.Contains(c.logBuf.String(), `"frobnicate_request"`) {
		t.Error("unknown message type not logged")
	}
	id = c.send(c.control, "debug_request", map[string]any{"command": "initialize"})
	if got := content(c.reply(c.control, id)); got["status"] != "error" {
		t.Errorf("debug_reply = %v", got)
	}
	// Heartbeat echoes.
	c.hb.Send("ping", 0)
	c.hb.SetRcvtimeo(2 * time.Second)
	if echo, err := c.hb.Recv(0); err != nil || echo != "ping" {
		t.Errorf("heartbeat echo = %q, %v", echo, err)
	}
}

func TestDisplayUpdateClear(t *testing.T) {
	c := startKernel(t, "")
	_, io := c.execute("display", nil)
	want := []string{"status:busy", "execute_input", "display_data", "update_display_data", "clear_output", "status:idle"}
	if !reflect.DeepEqual(types(io), want) {
		t.Fatalf("iopub = %v, want %v", types(io), want)
	}
	for _, m := range io[2:4] {
		tr, _ := content(m)["transient"].(map[string]any)
		if tr["display_id"] != "bar" {
			t.Errorf("%s transient = %v", m.Header.MsgType, tr)
		}
	}
	if content(io[4])["wait"] != true {
		t.Errorf("clear_output = %v", content(io[4]))
	}
}

func TestShutdown(t *testing.T) {
	for _, tc := range []struct {
		socket  string
		restart bool
	}{{"control", true}, {"shell", false}} {
		t.Run(fmt.Sprint(tc.socket, "/restart=", tc.restart), func(t *testing.T) {
			c := startKernel(t, "")
			s := c.control
			if tc.socket == "shell" {
				s = c.shell
			}
			id := c.send(s, "shutdown_request", map[string]any{"restart": tc.restart})
			if got := content(c.reply(s, id)); got["status"] != "ok" || got["restart"] != tc.restart {
				t.Errorf("shutdown_reply = %v", got)
			}
			select {
			case err := <-c.done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("Run did not return after shutdown_request")
			}
			c.done <- nil // for cleanup
			if tc.restart && c.fake.resets != 1 || !tc.restart && c.fake.closes != 1 {
				t.Errorf("resets=%d closes=%d", c.fake.resets, c.fake.closes)
			}
		})
	}
}

// TestShutdownStubbornCell: a cell that ignores its interrupt does not keep the
// kernel from shutting down.
func TestShutdownStubbornCell(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the shutdown grace period")
	}
	c := startKernel(t, "")
	c.send(c.shell, "execute_request", map[string]any{"code": "stubborn"})
	time.Sleep(100 * time.Millisecond)
	id := c.send(c.control, "shutdown_request", map[string]any{"restart": false})
	c.reply(c.control, id)
	select {
	case err := <-c.done:
		if err == nil || !strings.Contains(err.Error(), "did not stop") {
			t.Errorf("Run = %v, want an error saying the cell did not stop", err)
		}
	case <-time.After(stopGrace + time.Second):
		t.Fatal("Run did not return after the grace period")
	}
	c.done <- nil // for cleanup
}

func TestHistoryRequests(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.db")
	// A first kernel session.
	h1, err := OpenHistory(path, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := h1.Store(1, "value old", nil); err != nil {
		t.Fatal(err)
	}
	c := startKernel(t, path)
	c.execute("value 1", nil)
	c.execute("print b", nil)
	c.execute("value 1", nil)
	hist := func(req map[string]any) [][]any {
		t.Helper()
		id := c.send(c.shell, "history_request", req)
		got := content(c.reply(c.shell, id))
		if got["status"] != "ok" {
			t.Fatalf("history_reply = %v", got)
		}
		var rows [][]any
		for _, r := range got["history"].([]any) {
			rows = append(rows, r.([]any))
		}
		return rows
	}
	rows := hist(map[string]any{"hist_access_type": "tail", "n": 2, "output": true, "raw": true})
	want := [][]any{{2.0, 2.0, []any{"print b", nil}}, {2.0, 3.0, []any{"value 1", "1"}}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("tail 2 = %v, want %v", rows, want)
	}
	rows = hist(map[string]any{"hist_access_type": "tail", "n": 10, "raw": true})
	if len(rows) != 4 || rows[0][0] != 1.0 || rows[0][2] != "value old" {
		t.Errorf("tail 10 across sessions = %v", rows)
	}
	rows = hist(map[string]any{"hist_access_type": "range", "session": 0, "start": 2, "stop": 3, "raw": true})
	if !reflect.DeepEqual(rows, [][]any{{2.0, 2.0, "print b"}}) {
		t.Errorf("range of current session = %v", rows)
	}
	rows = hist(map[string]any{"hist_access_type": "range", "session": -1, "start": 1, "raw": true})
	if !reflect.DeepEqual(rows, [][]any{{1.0, 1.0, "value old"}}) {
		t.Errorf("range of previous session = %v", rows)
	}
	rows = hist(map[string]any{"hist_access_type": "search", "pattern": "value*", "raw": true})
	if len(rows) != 3 {
		t.Errorf("search value* = %v", rows)
	}
	rows = hist(map[string]any{"hist_access_type": "search", "pattern": "value*", "unique": true, "raw": true})
	if !reflect.DeepEqual(rows, [][]any{{1.0, 1.0, "value old"}, {2.0, 3.0, "value 1"}}) {
		t.Errorf("search unique = %v", rows)
	}
}

// BenchmarkExecuteRoundTrip times execute_request to execute_reply over ipc with the
// fake interpreter: the protocol layer's own share of a trivial cell's round trip.
func BenchmarkExecuteRoundTrip(b *testing.B) {
	c := startKernel(b, "")
	content := map[string]any{"code": "value 1", "silent": false, "store_history": true}
	for b.Loop() {
		id := c.send(c.shell, "execute_request", content)
		c.reply(c.shell, id)
		c.iopubUntilIdle(id)
	}
}

package supervise

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ratelab/ratelab/kernel/engine"
)

// The test binary is also the session process: with sessionEnv set, TestMain serves
// a scripted interpreter instead of running the tests.
const sessionEnv = "SUPERVISE_TEST_SESSION"

func TestMain(m *testing.M) {
	if os.Getenv(sessionEnv) == "1" {
		if err := Serve(func(io.Writer) (engine.Interpreter, error) { return &script{}, nil }, Guards{}); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// script is an engine.Interpreter whose cells are one command each.
type script struct{ n int }

func (s *script) Execute(ctx context.Context, code string, out engine.Output) (*engine.Bundle, *engine.Error) {
	cmd, arg, _ := strings.Cut(code, " ")
	switch cmd {
	case "set":
		s.n, _ = strconv.Atoi(arg)
	case "get":
		return &engine.Bundle{Data: map[string]any{"text/plain": strconv.Itoa(s.n)}}, nil
	case "interleave": // direct writes to fds 1 and 2, as compiled code makes them
		n, _ := strconv.Atoi(arg)
		for i := 0; i < n; i++ {
			fmt.Fprintf(os.Stdout, "out %d\n", i)
			fmt.Fprintf(os.Stderr, "err %d\n", i)
		}
	case "big": // one Stream call far larger than a datagram
		n, _ := strconv.Atoi(arg)
		out.Stream("stdout", strings.Repeat("y", n))
	case "display":
		out.Stream("stdout", "before\n")
		out.Display(engine.Bundle{Data: map[string]any{"text/plain": "shown"}}, "")
		out.Stream("stdout", "after\n")
	case "input":
		line, err := out.Input("name? ", false)
		if err != nil {
			return nil, &engine.Error{Name: "InputError", Value: err.Error()}
		}
		out.Stream("stdout", "hello "+line+"\n")
	case "crash": // a panic on a goroutine nobody recovers
		go func() { panic("boom " + arg) }()
		time.Sleep(10 * time.Second)
	case "crashlater": // a goroutine that outlives its cell, then panics
		go func() {
			time.Sleep(100 * time.Millisecond)
			panic("boom after the cell")
		}()
	case "exit":
		fmt.Fprintln(os.Stderr, "last words")
		code, _ := strconv.Atoi(arg)
		os.Exit(code)
	case "block": // until interrupted
		<-ctx.Done()
		return nil, &engine.Error{Name: "KeyboardInterrupt", Value: "interrupted"}
	case "hang": // ignores its interrupt
		time.Sleep(time.Hour)
	case "comms?": // whether widgets would be live
		_, ok := out.(engine.CommOutput)
		out.Stream("stdout", strconv.FormatBool(ok))
	case "panictext": // a cell printing what looks like a crash, and living on
		fmt.Fprintln(os.Stderr, "panic: not really")
		fmt.Fprintln(os.Stdout, "still fine")
	}
	return nil, nil
}

func (s *script) Complete(code string, cursor int) engine.Completion {
	return engine.Completion{Matches: []string{code + "!"}, CursorStart: 0, CursorEnd: cursor}
}
func (s *script) Inspect(string, int, int) (engine.Bundle, bool) { return engine.Bundle{}, false }
func (s *script) IsComplete(string) engine.Completeness {
	return engine.Completeness{Status: "complete"}
}
func (s *script) Info() engine.LanguageInfo { return engine.LanguageInfo{Name: "script"} }
func (s *script) Reset() error              { s.n = 0; return nil }
func (s *script) Close() error              { return nil }

// record is an engine.Output keeping what arrives, in order.
type record struct {
	mu     sync.Mutex
	events []string // "stdout:text", "stderr:text", "display:text"
	input  string
}

func (r *record) add(kind, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if n := len(r.events); n > 0 && strings.HasPrefix(r.events[n-1], kind+":") && kind != "display" {
		r.events[n-1] += text // streams arrive in pieces; join consecutive ones
		return
	}
	r.events = append(r.events, kind+":"+text)
}
func (r *record) Stream(name, text string)           { r.add(name, text) }
func (r *record) Display(b engine.Bundle, _ string)  { r.add("display", b.Data["text/plain"].(string)) }
func (r *record) Update(engine.Bundle, string)       {}
func (r *record) Clear(bool)                         {}
func (r *record) Input(string, bool) (string, error) { return r.input, nil }
func (r *record) text() string                       { r.mu.Lock(); defer r.mu.Unlock(); return strings.Join(r.events, "|") }
func (r *record) all() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.events...)
}

func newTestInterpreter(t *testing.T, spare bool) *Interpreter {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(sessionEnv, "1")
	sup, err := New(Options{Command: []string{exe}, Spare: spare, InterruptGrace: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sup.Close() })
	return sup
}

func run(t *testing.T, sup *Interpreter, code string) (*engine.Bundle, *engine.Error, *record) {
	t.Helper()
	r := &record{}
	b, e := sup.Execute(context.Background(), code, r)
	return b, e, r
}

func TestOutputKeepsOrderAcrossStreams(t *testing.T) {
	sup := newTestInterpreter(t, false)
	_, e, r := run(t, sup, "interleave 2000")
	if e != nil {
		t.Fatal(e)
	}
	// Consecutive pieces of one stream are joined, so the events must alternate
	// exactly: out 0, err 0, out 1, ...
	ev := r.all()
	if len(ev) != 4000 {
		t.Fatalf("%d stream runs, want 4000 alternating: stdout and stderr were regrouped (first: %q)", len(ev), ev[:min(4, len(ev))])
	}
	for i, got := range ev {
		want := fmt.Sprintf("stdout:out %d\n", i/2)
		if i%2 == 1 {
			want = fmt.Sprintf("stderr:err %d\n", i/2)
		}
		if got != want {
			t.Fatalf("event %d = %q, want %q", i, got, want)
		}
	}
}

func TestDisplayBetweenItsText(t *testing.T) {
	sup := newTestInterpreter(t, false)
	_, _, r := run(t, sup, "display")
	if got := r.text(); got != "stdout:before\n|display:shown|stdout:after\n" {
		t.Errorf("got %q", got)
	}
}

func TestLargeOutputArrivesWhole(t *testing.T) {
	sup := newTestInterpreter(t, false)
	_, _, r := run(t, sup, "big 10000000")
	if got := r.text(); got != "stdout:"+strings.Repeat("y", 10000000) {
		t.Errorf("got %d bytes", len(got)-len("stdout:"))
	}
}

func TestCrashIsReportedAndSessionReplaced(t *testing.T) {
	sup := newTestInterpreter(t, true)
	run(t, sup, "set 7")
	_, e, _ := run(t, sup, "crash in a goroutine")
	if e == nil || e.Name != "panic" || e.Value != "boom in a goroutine" {
		t.Fatalf("crash: %+v", e)
	}
	tb := strings.Join(e.Traceback, "\n")
	if !strings.Contains(tb, restartNotice) || !strings.Contains(tb, "goroutine") {
		t.Errorf("traceback:\n%s", tb)
	}
	if strings.Contains(tb, "runtime.") {
		t.Errorf("the runtime's own frames were kept:\n%s", tb)
	}
	b, e, _ := run(t, sup, "get")
	if e != nil || b.Data["text/plain"] != "0" {
		t.Errorf("after the crash: %v %v (want a fresh session)", b, e)
	}
}

func TestDeathBetweenCellsIsReportedByTheNextCell(t *testing.T) {
	sup := newTestInterpreter(t, false)
	if _, e, _ := run(t, sup, "crashlater"); e != nil {
		t.Fatal(e)
	}
	time.Sleep(500 * time.Millisecond)
	_, e, _ := run(t, sup, "set 1")
	if e == nil || e.Value != "boom after the cell" || !strings.Contains(strings.Join(e.Traceback, "\n"), "this cell did not run") {
		t.Fatalf("next cell: %+v", e)
	}
	if b, e, _ := run(t, sup, "get"); e != nil || b.Data["text/plain"] != "0" {
		t.Errorf("after the report: %v %v", b, e)
	}
}

func TestSessionThatCannotStart(t *testing.T) {
	sup, err := New(Options{Command: []string{"/bin/sh", "-c", "echo no such thing >&2; exit 3"}})
	if err != nil {
		t.Fatal(err)
	}
	defer sup.Close()
	_, e := sup.Execute(context.Background(), "x", &record{})
	if e == nil || !strings.Contains(e.Value, "failed to start") || !strings.Contains(e.Value, "status 3") {
		t.Errorf("got %+v", e)
	}
}

func TestExitIsReportedWithLastWords(t *testing.T) {
	sup := newTestInterpreter(t, false)
	_, e, r := run(t, sup, "exit 3")
	if e == nil || e.Name != "SessionExit" || !strings.Contains(e.Value, "status 3") {
		t.Fatalf("exit: %+v", e)
	}
	if !strings.Contains(strings.Join(e.Traceback, "\n"), "stderr: last words") {
		t.Errorf("traceback does not quote stderr: %q", e.Traceback)
	}
	if r.text() != "stderr:last words\n" {
		t.Errorf("output %q", r.text())
	}
	if _, e, _ := run(t, sup, "set 1"); e != nil {
		t.Errorf("no new session: %v", e)
	}
}

func TestCrashLookalikeIsShown(t *testing.T) {
	sup := newTestInterpreter(t, false)
	_, e, r := run(t, sup, "panictext")
	if e != nil {
		t.Fatal(e)
	}
	if got := r.text(); got != "stderr:panic: not really\n|stdout:still fine\n" {
		t.Errorf("got %q", got)
	}
}

func TestInterrupt(t *testing.T) {
	sup := newTestInterpreter(t, false)
	run(t, sup, "set 5")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	_, e := sup.Execute(ctx, "block", &record{})
	if e == nil || e.Name != "KeyboardInterrupt" {
		t.Fatalf("block: %+v", e)
	}
	if b, _, _ := run(t, sup, "get"); b.Data["text/plain"] != "5" {
		t.Errorf("the session was not kept: %v", b)
	}
}

func TestUnresponsiveCellIsKilled(t *testing.T) {
	sup := newTestInterpreter(t, false)
	run(t, sup, "set 0") // the session has started: the interrupt below finds the cell running
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	_, e := sup.Execute(ctx, "hang", &record{})
	if e == nil || e.Name != "SessionKilled" || !strings.Contains(e.Value, "did not stop") {
		t.Fatalf("hang: %+v", e)
	}
	if _, e, _ := run(t, sup, "set 1"); e != nil {
		t.Errorf("no new session: %v", e)
	}
}

func TestQueriesAnsweredWhileACellRuns(t *testing.T) {
	sup := newTestInterpreter(t, false)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		sup.Execute(ctx, "block", &record{})
	}()
	time.Sleep(100 * time.Millisecond)
	c := sup.Complete("fm", 2)
	cancel()
	<-done
	if len(c.Matches) != 1 || c.Matches[0] != "fm!" {
		t.Errorf("completion while a cell ran: %+v", c)
	}
}

func TestInput(t *testing.T) {
	sup := newTestInterpreter(t, false)
	r := &record{input: "Ada"}
	if _, e := sup.Execute(context.Background(), "input", r); e != nil {
		t.Fatal(e)
	}
	if r.text() != "stdout:hello Ada\n" {
		t.Errorf("got %q", r.text())
	}
}

func TestCrashReportTrimming(t *testing.T) {
	report := `panic: boom [recovered, repanicked]

goroutine 8 [running]:
github.com/traefik/yaegi/interp.runCfg.func1()
	/x/yaegi/interp/run.go:200 +0x1
panic({0x1, 0x2})
	/usr/local/go/src/runtime/panic.go:783 +0x132
reflect.Value.call({0x1, 0x2, 0x3})
	/usr/local/go/src/reflect/value.go:581 +0xcc6
sync.(*WaitGroup).Go.func1()
	/usr/local/go/src/sync/waitgroup.go:258 +0x5e
created by sync.(*WaitGroup).Go in goroutine 1
	/usr/local/go/src/sync/waitgroup.go:238 +0x7c
`
	e := crashError(report)
	if e.Name != "panic" || e.Value != "boom" {
		t.Errorf("name %q value %q", e.Name, e.Value)
	}
	want := []string{
		"panic: boom [recovered, repanicked]",
		"in a goroutine:",
		"  sync.(*WaitGroup).Go.func1 (/usr/local/go/src/sync/waitgroup.go:258)",
		"  started by sync.(*WaitGroup).Go (/usr/local/go/src/sync/waitgroup.go:238)",
	}
	if strings.Join(e.Traceback, "\n") != strings.Join(want, "\n") {
		t.Errorf("traceback:\n%s\nwant:\n%s", strings.Join(e.Traceback, "\n"), strings.Join(want, "\n"))
	}
	e = crashError("runtime: goroutine stack exceeds 67108864-byte limit\nruntime: sp=0xc0200e0390 stack=[0xc0200e0000, 0xc0400e0000]\nfatal error: stack overflow\n\nruntime stack:\nruntime.throw({0x1, 0x2})\n")
	if e.Name != "fatal error" || e.Value != "stack overflow" || strings.Contains(strings.Join(e.Traceback, "\n"), "sp=") {
		t.Errorf("stack overflow: %+v", e)
	}
}

func TestFragmentsReassemble(t *testing.T) {
	var a assembler
	m := &message{ID: 3, Result: params(strings.Repeat("z", 3*fragment))}
	b := []byte(mustJSON(t, m))
	var got *message
	for len(b) > 0 {
		n := min(len(b), fragment)
		flag := byte(fragMore)
		if n == len(b) {
			flag = fragLast
		}
		var err error
		if got, err = a.add(append([]byte{flag}, b[:n]...)); err != nil {
			t.Fatal(err)
		}
		b = b[n:]
	}
	if got == nil || got.ID != 3 || len(got.Result) != 3*fragment+2 {
		t.Errorf("reassembled %+v", got)
	}
	if _, err := a.add([]byte("x{}")); err == nil {
		t.Error("a datagram with an unknown flag was accepted")
	}
}

func mustJSON(t *testing.T, m *message) string {
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// HandleComm echoes a comm_msg's data back on the same comm, with a line of text
// before it; a message with data {"crash": true} panics on a goroutine.
func (s *script) HandleComm(ctx context.Context, m engine.CommMessage, out engine.CommOutput) *engine.Error {
	if m.Data["crash"] == true {
		go func() { panic("boom in a comm handler") }()
		time.Sleep(10 * time.Second)
	}
	out.Stream("stdout", "handling "+m.Type+"\n")
	out.Comm(engine.CommMessage{Type: "comm_msg", ID: m.ID, Data: m.Data})
	return nil
}

func (s *script) CommInfo(target string) map[string]string {
	return map[string]string{"c1": target}
}

// commRecord is a record that takes comm messages too.
type commRecord struct {
	record
	comms []engine.CommMessage
}

func (r *commRecord) Comm(m engine.CommMessage) {
	r.add("comm", m.ID)
	r.mu.Lock()
	r.comms = append(r.comms, m)
	r.mu.Unlock()
}

func TestCommsCrossTheProcess(t *testing.T) {
	sup := newTestInterpreter(t, true)
	run(t, sup, "set 3")
	r := &commRecord{}
	in := engine.CommMessage{Type: "comm_msg", ID: "w1", Data: map[string]any{"value": 0.25}}
	if e := sup.HandleComm(context.Background(), in, r); e != nil {
		t.Fatal(e)
	}
	if got := r.text(); got != "stdout:handling comm_msg\n|comm:w1" {
		t.Errorf("output %q, want the handler's text, then its comm message", got)
	}
	if len(r.comms) != 1 || r.comms[0].Data["value"] != 0.25 {
		t.Errorf("comm messages %+v, want the data echoed", r.comms)
	}
	if got := sup.CommInfo("jupyter.widget"); got["c1"] != "jupyter.widget" {
		t.Errorf("CommInfo = %v", got)
	}

	// A handler that kills the session is reported like a cell that does.
	e := sup.HandleComm(context.Background(), engine.CommMessage{Type: "comm_msg", ID: "w1", Data: map[string]any{"crash": true}}, &commRecord{})
	if e == nil || e.Value != "boom in a comm handler" || !strings.Contains(strings.Join(e.Traceback, "\n"), restartNotice) {
		t.Fatalf("crash in a comm handler: %+v", e)
	}
	if b, e, _ := run(t, sup, "get"); e != nil || b.Data["text/plain"] != "0" {
		t.Errorf("after the crash: %v %v, want a fresh session", b, e)
	}
}

func TestCellOutputTakesCommsOnlyWhereTheFrontEndDoes(t *testing.T) {
	sup := newTestInterpreter(t, false)
	_, _, plain := run(t, sup, "comms?")
	r := &commRecord{}
	if _, e := sup.Execute(context.Background(), "comms?", r); e != nil {
		t.Fatal(e)
	}
	if plain.text() != "stdout:false" || r.text() != "stdout:true" {
		t.Errorf("a cell saw comms %q with a plain output, %q with a comm output; want false, true", plain.text(), r.text())
	}
}

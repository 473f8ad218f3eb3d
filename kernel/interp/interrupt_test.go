package interp

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestInterruptedCellNeverResumes: a cell interrupted inside a compiled call that
// cannot be stopped (exec.Cmd.Run of sleep) says so, the next cell waits for the
// call to return, and the rest of the interrupted cell never runs, not even once
// later cells have run.
func TestInterruptedCellNeverResumes(t *testing.T) {
	if raceDetector {
		t.Skip("yaegi v0.16.1's ExecuteWithContext races with itself on cancellation (see race_test.go)")
	}
	s := newSession(t)
	marker := filepath.Join(t.TempDir(), "marker")
	run(t, s, "import (\n\t\"os\"\n\t\"os/exec\"\n)\nkept := 42")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	_, e := s.Execute(ctx, fmt.Sprintf("exec.Command(\"sleep\", \"1\").Run()\nos.WriteFile(%q, []byte(\"ran\"), 0o644)\nkept = 0", marker), &recorder{})
	if e == nil || e.Name != "KeyboardInterrupt" {
		t.Fatalf("interrupted cell: %+v", e)
	}
	if tb := strings.Join(e.Traceback, "\n"); !strings.Contains(tb, "os/exec.(*Cmd).Run") {
		t.Errorf("the error does not say what still runs:\n%s", tb)
	}
	if s.Stuck() == "" {
		t.Error("Stuck() is empty while sleep still runs")
	}
	start := time.Now()
	b, rec := run(t, s, "kept")
	if plain(b) != "42" {
		t.Errorf("kept = %q, want 42", plain(b))
	}
	if !strings.Contains(rec.err(), "Waiting for the interrupted cell's call to os/exec.(*Cmd).Run") {
		t.Errorf("the waiting cell did not say why: %q", rec.err())
	}
	if waited := time.Since(start); waited < 300*time.Millisecond {
		t.Errorf("the next cell ran after %v, before sleep returned", waited)
	}
	run(t, s, "x := 1")
	time.Sleep(1200 * time.Millisecond) // past sleep's end, whenever the cells ran
	if _, err := os.Stat(marker); err == nil {
		t.Error("the interrupted cell went on after its call returned")
	}
	if b, _ := run(t, s, "kept"); plain(b) != "42" {
		t.Errorf("kept = %q after the call returned, want 42", plain(b))
	}
}

// TestInterruptWhileWaiting: interrupting the cell that waits for a stuck call
// stops the wait.
func TestInterruptWhileWaiting(t *testing.T) {
	s := newSession(t)
	run(t, s, "import \"os/exec\"")
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	s.Execute(ctx, "exec.Command(\"sleep\", \"1\").Run()", &recorder{})
	ctx, cancel = context.WithCancel(context.Background())
	time.AfterFunc(200*time.Millisecond, cancel)
	_, e := s.Execute(ctx, "y := 2", &recorder{})
	if e == nil || e.Name != "KeyboardInterrupt" || !strings.Contains(e.Value, "waiting for an earlier cell's call") {
		t.Errorf("interrupted wait: %+v", e)
	}
}

func TestImportErrorNeverMentionsGOPATH(t *testing.T) {
	s := newSession(t)
	for _, path := range []string{"syscall", "github.com/someone/somepkg"} {
		e, _ := fail(t, s, fmt.Sprintf("import %q", path))
		msg := e.Value + strings.Join(e.Traceback, "\n")
		if strings.Contains(msg, "GOPATH") || !strings.Contains(e.Value, "cannot import \""+path+"\"") {
			t.Errorf("import %q: %s", path, msg)
		}
	}
}

// TestInterruptedCellKeepsWhatFinished: an interrupted loop leaves the
// variables declared before it, as IPython leaves them.
func TestInterruptedCellKeepsWhatFinished(t *testing.T) {
	if raceDetector {
		t.Skip("yaegi v0.16.1's ExecuteWithContext races with itself on cancellation (see race_test.go)")
	}
	s := newSession(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	_, e := s.Execute(ctx, "total := 0\nfor i := 0; ; i++ {\n\ttotal += i % 2\n}\nlater := 1", &recorder{})
	if e == nil || e.Name != "KeyboardInterrupt" {
		t.Fatalf("interrupted cell: %+v", e)
	}
	if !strings.Contains(strings.Join(e.Traceback, "\n"), "Not declared: later — the cell stopped at line 2") {
		t.Errorf("traceback:\n%s", strings.Join(e.Traceback, "\n"))
	}
	if b, _ := run(t, s, "total > 0"); plain(b) != "true" {
		t.Errorf("total > 0 = %q, want true", plain(b))
	}
}

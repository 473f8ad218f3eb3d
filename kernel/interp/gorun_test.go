package interp

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ratelab/ratelab/kernel/engine"
)

// goTool is the go command of the toolchain running the tests.
func goTool(t *testing.T) string {
	t.Helper()
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	p := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("no go command to compare with: %v", err)
	}
	return p
}

// goBuild compiles src, a main package, with the Go toolchain and returns the
// program's path.
func goBuild(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "prog")
	cmd := exec.Command(goTool(t), "build", "-o", bin, "main.go")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// goRun runs src as `go run` would, with args, and returns its standard output
// and error and its exit status.
func goRun(t *testing.T, src string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	return runBinary(t, goBuild(t, src), args...)
}

// runBinary runs the program bin with args.
func runBinary(t *testing.T, bin string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		status = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return out.String(), errOut.String(), status
}

// runCell runs code as one cell of s and returns its stdout and stderr, and its
// error if it failed.
func runCell(s *Session, code string) (stdout, stderr string, e *engine.Error) {
	rec := &recorder{}
	_, e = s.Execute(context.Background(), code, rec)
	return rec.out(), rec.err(), e
}

// sameAsGo runs src, a main package, with the Go toolchain and as one cell of a
// new session, and fails t unless the cell runs without error or stderr and
// prints what the program printed.
func sameAsGo(t *testing.T, src string) {
	t.Helper()
	want, _, _ := goRun(t, src)
	got, stderr, e := runCell(newSession(t), src)
	if e != nil {
		t.Fatalf("%s: %s\n%s", e.Name, e.Value, strings.Join(e.Traceback, "\n"))
	}
	if got != want || stderr != "" {
		t.Errorf("cell printed (stderr %q):\n%s\ngo run printed:\n%s", stderr, got, want)
	}
}

// panicsAsGo checks that a cell that printed got and failed with e ended as a
// program that printed stdout, and stderr ending with its panic, did: the same
// output, and the panic's message as Go prints it.
func panicsAsGo(t *testing.T, got string, e *engine.Error, stdout, stderr string) {
	t.Helper()
	want, _, _ := strings.Cut(stderr, "\n\ngoroutine ")
	if e == nil {
		t.Fatalf("no error; go run: %s", want)
	}
	if msg := e.Name + ": " + e.Value; msg != want {
		t.Errorf("cell: %s\ngo:   %s", msg, want)
	}
	if got != stdout {
		t.Errorf("cell printed %q, go %q", got, stdout)
	}
}

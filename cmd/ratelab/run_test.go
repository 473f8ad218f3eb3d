package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ratelab/ratelab/kernel/engine"
	"github.com/ratelab/ratelab/kernel/interp"
	"github.com/ratelab/ratelab/kernel/notebook"
)

// echo is a fake session: a cell prints its code, except that a cell starting with
// "fail" raises an error and one starting with "value" returns its text.
type echo struct{}

func (echo) Execute(_ context.Context, code string, out engine.Output) (*engine.Bundle, *engine.Error) {
	switch {
	case strings.HasPrefix(code, "fail"):
		return nil, &engine.Error{Name: "panic", Value: code, Traceback: []string{"cell:1:1: " + code}}
	case strings.HasPrefix(code, "value"):
		return &engine.Bundle{Data: map[string]any{"text/plain": code}}, nil
	}
	out.Stream("stdout", code+"\n")
	return nil, nil
}
func (echo) Complete(string, int) engine.Completion         { return engine.Completion{} }
func (echo) Inspect(string, int, int) (engine.Bundle, bool) { return engine.Bundle{}, false }
func (echo) IsComplete(code string) engine.Completeness {
	if strings.Count(code, "{") > strings.Count(code, "}") {
		return engine.Completeness{Status: "incomplete", Indent: "\t"}
	}
	return engine.Completeness{Status: "complete"}
}
func (echo) Info() engine.LanguageInfo { return engine.LanguageInfo{Name: "go", Banner: "fake"} }
func (echo) Reset() error              { return nil }
func (echo) Close() error              { return nil }

func withEcho(t *testing.T) {
	old, oldSign := newSession, signNotebooks
	newSession = func(sessionOptions) (engine.Interpreter, error) { return echo{}, nil }
	// The user's own trust database is not the tests' to write.
	signNotebooks = func([]string) {}
	t.Cleanup(func() { newSession, signNotebooks = old, oldSign })
}

func writeNotebook(t *testing.T, path string, sources ...string) {
	t.Helper()
	nb := &notebook.Notebook{Format: 4, FormatMinor: 5, Metadata: map[string]any{}}
	for _, s := range sources {
		nb.Cells = append(nb.Cells, &notebook.Cell{Type: "code", Source: s, Metadata: map[string]any{}})
	}
	if err := nb.WriteFile(path); err != nil {
		t.Fatal(err)
	}
}

func TestRunWritesOnlyOnSuccess(t *testing.T) {
	withEcho(t)
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "good.ipynb"), filepath.Join(dir, "bad.ipynb")
	writeNotebook(t, good, "hello", "value 42")
	writeNotebook(t, bad, "first", "fail here", "never")

	// Flags may follow the notebooks, as with nbconvert.
	if err := runNotebooks([]string{good, "--output-dir", filepath.Join(dir, "out")}); err != nil {
		t.Fatal(err)
	}
	nb, err := notebook.ReadFile(filepath.Join(dir, "out", "good.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	if o := nb.Cells[0].Outputs; len(o) != 1 || o[0].Text != "hello\n" {
		t.Errorf("cell 0 outputs: %+v", o)
	}
	if o := nb.Cells[1].Outputs; len(o) != 1 || o[0].Type != "execute_result" || *o[0].ExecutionCount != 2 {
		t.Errorf("cell 1 outputs: %+v", o)
	}

	before, _ := os.ReadFile(bad)
	err = runNotebooks([]string{"--inplace", bad})
	if err == nil || !strings.Contains(err.Error(), "1 of 1 notebooks failed") {
		t.Fatalf("error = %v", err)
	}
	if after, _ := os.ReadFile(bad); !bytes.Equal(before, after) {
		t.Error("a failed run rewrote the notebook")
	}

	// --allow-errors writes everything, default name as nbconvert's.
	if err := runNotebooks([]string{"--allow-errors", bad}); err != nil {
		t.Fatal(err)
	}
	nb, err = notebook.ReadFile(filepath.Join(dir, "bad.nbconvert.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	if o := nb.Cells[2].Outputs; len(o) != 1 || o[0].Text != "never\n" {
		t.Errorf("the run did not go on after the error: %+v", o)
	}
}

func TestRunPlanErrors(t *testing.T) {
	dir := t.TempDir()
	nb := filepath.Join(dir, "a.ipynb")
	writeNotebook(t, nb, "x")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{nb, nb, "-o", "x.ipynb"}, "-o names one output file, but 2 notebooks"},
		{[]string{nb, "-o", "x.ipynb", "--inplace"}, "exclude each other"},
		{[]string{"--inplace"}, "--inplace needs notebook arguments"},
		{[]string{"-o", "x.ipynb"}, "with no notebook arguments -o names the directory"},
		{[]string{nb, "-o", filepath.Join(dir, "no", "such", "x.ipynb")}, "does not exist"},
		{[]string{filepath.Join(dir, "missing.ipynb")}, "no such file"},
		{[]string{filepath.Join(dir, "notes.txt")}, "not a notebook"},
		{[]string{"--timeout", "soon", nb}, `"soon" is neither a duration`},
		{[]string{"--frobnicate"}, "flag provided but not defined: -frobnicate (ratelab run -h lists the flags)"},
	}
	for _, c := range cases {
		err := runNotebooks(c.args)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("run %q: error = %v, want %q", c.args, err, c.want)
		}
	}
}

func TestRunRefusesOtherLanguages(t *testing.T) {
	withEcho(t)
	path := filepath.Join(t.TempDir(), "py.ipynb")
	nb := &notebook.Notebook{Format: 4, FormatMinor: 5, Metadata: map[string]any{
		"kernelspec": map[string]any{"name": "python3", "language": "python"},
	}}
	if err := nb.WriteFile(path); err != nil {
		t.Fatal(err)
	}
	// The reason is printed per notebook; the returned error counts the failures.
	if err := runNotebooks([]string{path}); err == nil {
		t.Error("a Python notebook ran")
	}
	if lang := notebookLanguage(nb); lang != "python" {
		t.Errorf("language = %q", lang)
	}
}

func TestTimeoutFlag(t *testing.T) {
	for in, want := range map[string]string{"90": "1m30s", "1.5": "1.5s", "10m": "10m0s"} {
		var d secondsOrDuration
		if err := d.Set(in); err != nil || d.String() != want {
			t.Errorf("Set(%q) = %v, %v; want %s", in, d.String(), err, want)
		}
	}
}

func TestReplScript(t *testing.T) {
	var stdout, stderr bytes.Buffer
	c := &console{session: echo{}, stdout: &stdout, stderr: &stderr}
	script := "a\nfunc f() {\nb\n}\nvalue 7\nfail now\n"
	err := c.loop(strings.NewReader(script))
	if err == nil || !strings.Contains(err.Error(), "a cell failed") {
		t.Errorf("error = %v, want the failed cell reported", err)
	}
	// The braces make one cell of three lines, printed back by the echo session.
	if want := "a\n\nfunc f() {\nb\n}\n\nvalue 7\n\n"; stdout.String() != want {
		t.Errorf("stdout = %q, want %q", stdout.String(), want)
	}
	if want := "cell:1:1: fail now\n\n"; stderr.String() != want {
		t.Errorf("stderr = %q, want %q", stderr.String(), want)
	}
}

func TestTextForm(t *testing.T) {
	// A blank 3×2 PNG: png.Encode of image.NewRGBA(image.Rect(0, 0, 3, 2)), base64.
	png := "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAYAAACddGYaAAAAEklEQVR4nGJiQAIoHEAAAAD//wBoAAVijDhsAAAAAElFTkSuQmCC"
	cases := []struct {
		data map[string]any
		want string
	}{
		{map[string]any{"text/plain": "42", "text/html": "<b>42</b>"}, "42"},
		{map[string]any{"text/markdown": "# hi"}, "# hi"},
		{map[string]any{"image/png": png, "text/plain": "<*plot.Plot>"}, "[image/png 3×2, "},
		{map[string]any{"text/html": "<table/>", "application/json": map[string]any{}}, "[application/json, text/html: not shown"},
	}
	for _, c := range cases {
		if got := textForm(engine.Bundle{Data: c.data}); !strings.HasPrefix(got, c.want) {
			t.Errorf("textForm(%v) = %q, want it to start with %q", c.data, got, c.want)
		}
	}
}

// TestRunShowsLoadProgress: `ratelab run` gives the session a ProgressLog (its
// terminal), where a long load writes plain lines, and the notebook keeps the
// progress bar's final state, as a Jupyter client would.
func TestRunShowsLoadProgress(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("window_start,version,usage_hours,main_crashes\n")
	for i := range 200000 {
		fmt.Fprintf(&b, "2017-06-29T%02d:%02d:00Z,55.0.%d,1.5,%d\n", i/60%24, i%60, i%97, i%7)
	}
	if err := os.WriteFile(filepath.Join(dir, "big.csv"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	log := &lockedBuffer{}
	old := newSession
	newSession = func(o sessionOptions) (engine.Interpreter, error) {
		if !o.progressLog {
			t.Error("ratelab run did not ask the session for progress lines")
		}
		// In process, where every load counts as long, and the lines go to the
		// test, not stderr.
		io := o.interp
		io.LoadProgressAfter, io.ProgressLog = time.Nanosecond, log
		return interp.New(io)
	}
	t.Chdir(dir)
	t.Cleanup(func() { newSession = old })
	nbPath := filepath.Join(dir, "load.ipynb")
	writeNotebook(t, nbPath, `import "github.com/ratelab/ratelab/analysis"
tab, err := analysis.Load("big.csv")
if err != nil { panic(err) }
tab.Len()`)
	if err := runNotebooks([]string{nbPath, "--inplace"}); err != nil {
		t.Fatal(err)
	}
	if lines := log.String(); !strings.Contains(lines, "ratelab: load big.csv: 200,000 rows, ") {
		t.Errorf("progress lines %q", lines)
	}
	f, err := os.Open(nbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	nb, err := notebook.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, o := range nb.Cells[0].Outputs {
		if tp, ok := o.Data["text/plain"]; ok {
			texts = append(texts, fmt.Sprint(tp))
		}
	}
	if len(texts) != 2 || !strings.Contains(texts[0], "load big.csv [####################] 100% 200,000 rows") || texts[1] != "200000" {
		t.Errorf("outputs %q", texts)
	}
}

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
